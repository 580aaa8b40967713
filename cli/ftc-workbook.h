/* ftc-workbook.h: the zip of an OpenDocument workbook and the XML inside it,
 * read with bounds on what a hostile file can make `ftcost share` do. */
#ifndef FTC_WORKBOOK_H
#define FTC_WORKBOOK_H

#include <glib.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* What no spreadsheet writes, or more than ftcost share holds in memory.
 * Sizes are the inflated ones the zip declares (an entry is never inflated
 * past its declared size). */
#define FTC_WORKBOOK_MAX_ENTRIES 10000
#define FTC_WORKBOOK_MAX_ENTRY (128u << 20)
#define FTC_WORKBOOK_MAX_TOTAL (256u << 20)
#define FTC_WORKBOOK_MAX_DEPTH 128

typedef struct {
    char *name;
    GBytes *data;
} ftc_zip_entry;

/* Every file entry of the zip at `path` (directories left out), in the
 * archive's order, as a GPtrArray of ftc_zip_entry (unref it); NULL with a
 * one-line error naming `path` when it is not a zip, holds no file, is
 * inconsistent or truncated, or is over a limit above (nothing is inflated
 * then). */
GPtrArray *ftc_workbook_read_file(const char *path, GError **error);

/* The same for a zip in memory; `what` names it in errors. */
GPtrArray *ftc_workbook_read_buffer(const void *data, size_t size, const char *what,
                                    GError **error);

/* The XML of an entry, parsed without network access, entity substitution
 * or libxml2's "huge" mode; NULL with a one-line error naming `name` when it
 * is not well-formed, has a document type declaration (which is where
 * entities are declared) or nests elements deeper than
 * FTC_WORKBOOK_MAX_DEPTH. */
xmlDocPtr ftc_workbook_parse_xml(GBytes *xml, const char *name, GError **error);

/* Writes `entries` as an ODF zip: "mimetype" first, stored and without an
 * extra field, the rest deflated (stored too unless `deflate`: the XML then
 * reads as it is in the file, which is what a fuzzer's seeds need).  `path`
 * is replaced only once the whole zip is written. */
bool ftc_workbook_write_file(const char *path, GPtrArray *entries, bool deflate,
                             GError **error);

#endif
