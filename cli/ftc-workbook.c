/* ftc-workbook.c: reading and writing the zip of a workbook (libzip) and
 * parsing its XML (libxml2) for `ftcost share`.
 *
 * Anyone can send a workbook, so what no spreadsheet writes is refused
 * before it costs anything: a document type declaration (the "billion
 * laughs" entity bomb lives in one), elements nested deeper than
 * FTC_WORKBOOK_MAX_DEPTH, more entries than FTC_WORKBOOK_MAX_ENTRIES, entries
 * that declare more than FTC_WORKBOOK_MAX_ENTRY or FTC_WORKBOOK_MAX_TOTAL
 * inflated bytes (checked on the central directory, before anything is
 * inflated), a zip that is truncated or inconsistent.  libxml2 keeps its
 * own limits on text and names (no XML_PARSE_HUGE).
 */
#include "ftc-workbook.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>
#include <zip.h>

#define MIB (1024.0 * 1024.0)

static void entry_free(gpointer p)
{
    ftc_zip_entry *e = p;

    g_free(e->name);
    g_bytes_unref(e->data);
    g_free(e);
}

static void refuse(GError **error, const char *what, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

static void refuse(GError **error, const char *what, const char *format, ...)
{
    va_list ap;
    g_autofree char *message = NULL;

    va_start(ap, format);
    message = g_strdup_vprintf(format, ap);
    va_end(ap);
    /* One line whatever libzip or libxml2 said. */
    g_strdelimit(message, "\r\n", ' ');
    g_strchomp(message);
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", what, message);
}

/* --- the zip ---------------------------------------------------------------- */

/* The declared sizes, checked all at once so that a bomb is refused before
 * any of it is inflated. */
static bool check_sizes(zip_t *z, zip_int64_t n, const char *what, GError **error)
{
    guint64 total = 0;

    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;

        if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
            !(st.valid & ZIP_STAT_NAME)) {
            refuse(error, what, "entry %" G_GINT64_FORMAT " cannot be read: %s", (gint64)i,
                   zip_strerror(z));
            return false;
        }
        if (st.size > FTC_WORKBOOK_MAX_ENTRY) {
            refuse(error, what, "%s inflates to %.0f MiB, more than the %.0f MiB an entry may",
                   st.name, (double)st.size / MIB, FTC_WORKBOOK_MAX_ENTRY / MIB);
            return false;
        }
        total += st.size;
    }
    if (total > FTC_WORKBOOK_MAX_TOTAL) {
        refuse(error, what,
               "its entries inflate to %.0f MiB, more than the %.0f MiB a "
               "workbook may",
               (double)total / MIB, FTC_WORKBOOK_MAX_TOTAL / MIB);
        return false;
    }
    return true;
}

static GPtrArray *read_zip(zip_t *z, const char *what, GError **error)
{
    zip_int64_t n = zip_get_num_entries(z, 0);
    g_autoptr(GPtrArray) entries = NULL;

    if (n < 0 || n > FTC_WORKBOOK_MAX_ENTRIES) {
        refuse(error, what,
               "%" G_GINT64_FORMAT " entries, more than the %d a workbook may have", (gint64)n,
               FTC_WORKBOOK_MAX_ENTRIES);
        return NULL;
    }
    if (!check_sizes(z, n, what, error))
        return NULL;
    entries = g_ptr_array_new_with_free_func(entry_free);
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        zip_file_t *f;
        char *buf;
        zip_int64_t got;
        ftc_zip_entry *e;

        if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0) {
            refuse(error, what, "entry %" G_GINT64_FORMAT ": %s", (gint64)i, zip_strerror(z));
            return NULL;
        }
        if (st.name[0] == '\0' || st.name[strlen(st.name) - 1] == '/')
            continue; /* a directory */
        f = zip_fopen_index(z, (zip_uint64_t)i, 0);
        if (f == NULL) {
            refuse(error, what, "%s: %s", st.name, zip_strerror(z));
            return NULL;
        }
        /* Never more than declared: a stream that inflates further is cut
         * off here (and is short of its checksum, which libzip reports). */
        buf = g_malloc(st.size + 1);
        got = zip_fread(f, buf, st.size);
        if (got < 0 || (zip_uint64_t)got != st.size) {
            refuse(error, what, "%s is truncated or corrupt: %s", st.name,
                   got < 0 ? zip_file_strerror(f) : "shorter than declared");
            zip_fclose(f);
            g_free(buf);
            return NULL;
        }
        zip_fclose(f);
        e = g_new0(ftc_zip_entry, 1);
        e->name = g_strdup(st.name);
        e->data = g_bytes_new_take(buf, st.size);
        g_ptr_array_add(entries, e);
    }
    /* libzip opens an empty file as an empty archive. */
    if (entries->len == 0) {
        refuse(error, what, "not a workbook (a zip archive with no file in it)");
        return NULL;
    }
    return g_steal_pointer(&entries);
}

/* Takes `src` (NULL when creating it failed with `ze`). */
static GPtrArray *open_and_read(zip_source_t *src, zip_error_t *ze, const char *what,
                                GError **error)
{
    zip_t *z = NULL;
    GPtrArray *entries = NULL;

    /* ZIP_CHECKCONS: every local header must agree with the central
     * directory, which a truncated or spliced file does not. */
    if (src == NULL)
        refuse(error, what, "%s", zip_error_strerror(ze));
    else if ((z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, ze)) == NULL) {
        refuse(error, what, "not a workbook (zip archive): %s", zip_error_strerror(ze));
        zip_source_free(src);
    } else {
        entries = read_zip(z, what, error);
        zip_discard(z);
    }
    zip_error_fini(ze);
    return entries;
}

GPtrArray *ftc_workbook_read_buffer(const void *data, size_t size, const char *what,
                                    GError **error)
{
    zip_error_t ze;

    zip_error_init(&ze);
    return open_and_read(zip_source_buffer_create(size > 0 ? data : "", size, 0, &ze), &ze,
                         what, error);
}

GPtrArray *ftc_workbook_read_file(const char *path, GError **error)
{
    zip_error_t ze;

    zip_error_init(&ze);
    return open_and_read(zip_source_file_create(path, 0, -1, &ze), &ze, path, error);
}

bool ftc_workbook_write_file(const char *path, GPtrArray *entries, bool deflate, GError **error)
{
    int code = 0;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);

    if (z == NULL) {
        zip_error_t ze;

        zip_error_init_with_code(&ze, code);
        refuse(error, path, "%s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return false;
    }
    /* ODF: "mimetype" first, stored, no extra field (its text at offset 38). */
    for (int pass = 0; pass < 2; pass++) {
        for (guint i = 0; i < entries->len; i++) {
            ftc_zip_entry *e = entries->pdata[i];
            bool is_mimetype = strcmp(e->name, "mimetype") == 0;
            gsize size;
            const void *data = g_bytes_get_data(e->data, &size);
            zip_source_t *src;
            zip_int64_t index;

            if (is_mimetype != (pass == 0))
                continue;
            /* The source borrows the data, which outlives zip_close. */
            src = zip_source_buffer(z, data, size, 0);
            if (src == NULL)
                goto fail;
            index = zip_file_add(z, e->name, src, ZIP_FL_ENC_UTF_8);
            if (index < 0) {
                zip_source_free(src);
                goto fail;
            }
            if (zip_set_file_compression(
                    z, (zip_uint64_t)index,
                    is_mimetype || !deflate ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0)
                goto fail;
        }
    }
    /* libzip writes a temporary file and renames it over `path` here. */
    if (zip_close(z) != 0)
        goto fail;
    return true;
fail:
    refuse(error, path, "%s", zip_strerror(z));
    zip_discard(z);
    return false;
}

/* --- the XML ---------------------------------------------------------------- */

typedef struct {
    startElementNsSAX2Func start_element;
    const char *refused;
} xml_guard;

static void refuse_xml(xmlParserCtxtPtr ctxt, const char *why)
{
    xml_guard *guard = ctxt->_private;

    if (guard->refused == NULL)
        guard->refused = why;
    xmlStopParser(ctxt);
}

/* Called at "<!DOCTYPE", before its internal subset (where entities are
 * declared) is parsed. */
static void guard_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                          const xmlChar *system_id)
{
    (void)name, (void)external_id, (void)system_id;
    refuse_xml(ctx, "a document type declaration (<!DOCTYPE>, where entities are "
                    "declared), which no spreadsheet writes");
}

static void guard_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                                const xmlChar *uri, int nb_namespaces,
                                const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                                const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    xml_guard *guard = ctxt->_private;

    /* nameNr counts the open ancestors of this element. */
    if (ctxt->nameNr >= FTC_WORKBOOK_MAX_DEPTH) {
        refuse_xml(ctxt, "elements nested more than " G_STRINGIFY(
                             FTC_WORKBOOK_MAX_DEPTH) " deep, which no spreadsheet writes");
        return;
    }
    guard->start_element(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                         nb_defaulted, attributes);
}

xmlDocPtr ftc_workbook_parse_xml(GBytes *xml, const char *name, GError **error)
{
    gsize size;
    const char *data = g_bytes_get_data(xml, &size);
    xml_guard guard = {0};
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;

    if (size > FTC_WORKBOOK_MAX_ENTRY) {
        refuse(error, name, "more than %.0f MiB of XML", FTC_WORKBOOK_MAX_ENTRY / MIB);
        return NULL;
    }
    ctxt = xmlCreateMemoryParserCtxt(size > 0 ? data : "", (int)size);
    if (ctxt == NULL) {
        refuse(error, name, "out of memory");
        return NULL;
    }
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ctxt->_private = &guard;
    guard.start_element = ctxt->sax->startElementNs;
    ctxt->sax->startElementNs = guard_start_element;
    ctxt->sax->internalSubset = guard_doctype;
    xmlParseDocument(ctxt);
    doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (guard.refused != NULL) {
        refuse(error, name, "%s", guard.refused);
    } else if (!ctxt->wellFormed || doc == NULL) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);

        if (e != NULL && e->message != NULL)
            refuse(error, name, "not well-formed XML (line %d: %s)", e->line, e->message);
        else
            refuse(error, name, "not well-formed XML");
    } else {
        xmlFreeParserCtxt(ctxt);
        return doc;
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return NULL;
}
