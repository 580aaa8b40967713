/* ftc-odf.h: what the share command's ODF walkers (ftc-share.c,
 * ftc-share-lists.c) both ask of content.xml's tree. */
#ifndef FTC_ODF_H
#define FTC_ODF_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

/* Is node the element ns:name? */
static inline bool ftc_odf_is_element(xmlNodePtr node, const char *ns, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
           strcmp((const char *)node->ns->href, ns) == 0 &&
           strcmp((const char *)node->name, name) == 0;
}

/* A table:number-*-repeated attribute (1 when absent or odd). */
static inline long ftc_odf_repeated(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetNsProp(node, (const xmlChar *)name, (const xmlChar *)NS_TABLE);
    long n = v != NULL ? strtol((const char *)v, NULL, 10) : 1;

    xmlFree(v);
    return n >= 1 && n <= 1L << 24 ? n : 1;
}

#endif
