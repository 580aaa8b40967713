/* ftc-share-lists.h: validity lists over OFFSET made plain ranges in a
 * shared copy (ftc-share-lists.c). */
#ifndef FTC_SHARE_LISTS_H
#define FTC_SHARE_LISTS_H

#include <libxml/tree.h>

/* Every validity list of content.xml whose source is
 * OFFSET([cell];0;0;height;1) gets instead the range from that cell down to
 * the last filled cell below it (the cells' values as the document holds
 * them). */
void ftc_share_list_sources(xmlDocPtr doc);

#endif
