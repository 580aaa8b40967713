/* ftc-share-lists.h: validity lists over OFFSET made plain ranges in a
 * shared copy (ftc-share-lists.c). */
#ifndef FTC_SHARE_LISTS_H
#define FTC_SHARE_LISTS_H

#include <libxml/tree.h>

/* Every validity list of content.xml whose source is
 * OFFSET([cell];0;0;height;1), the height a cell or MAX(1;cell), gets
 * instead the range OFFSET gave as last calculated (the height's value as
 * the document holds it). */
void ftc_share_list_sources(xmlDocPtr doc);

#endif
