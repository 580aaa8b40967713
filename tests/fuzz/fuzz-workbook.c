/* libFuzzer target for the workbook reader of `ftcost share`
 * (cli/ftc-workbook.c): any bytes as the zip of a workbook, every entry of
 * it parsed as XML.  Beyond "no crash, no leak, no undefined behaviour, no
 * hang", the reader keeps its promises:
 *   - entries or a one-line error, never both, never neither (the same for
 *     each XML parse);
 *   - no more entries, no entry larger and no more bytes in all than the
 *     limits;
 *   - a parsed document has no document type declaration and no element
 *     deeper than the limit;
 *   - what was read is written back (ftc_workbook_write_file) and read
 *     again unchanged.
 *
 * Seeds: real workbooks LibreOffice saved (tests/data/stored-names.ods and
 * .xlsx), as they are and with every entry stored rather than deflated, so
 * that mutations reach the XML. */
#include "ftc-workbook.h"
#include "fuzz-seeds.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FTC_FUZZ_SEED_DIR
#error "FTC_FUZZ_SEED_DIR: the directory of the seed workbooks"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const seed_files[] = {"stored-names.ods", "stored-names.xlsx"};

static char *scratch_dir;

static void problem(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz-workbook: %s: %s\n", what, detail != NULL ? detail : "");
    abort();
}

static void check_error(const GError *error)
{
    if (error == NULL || error->message[0] == '\0')
        problem("no error message", NULL);
    if (strchr(error->message, '\n') != NULL)
        problem("an error of more than one line", error->message);
}

static int depth(xmlNodePtr node)
{
    int deepest = 0;

    for (; node != NULL; node = node->next) {
        if (node->type == XML_DTD_NODE || node->type == XML_ENTITY_DECL)
            problem("a document type declaration was parsed", (const char *)node->name);
        if (node->type == XML_ELEMENT_NODE) {
            int d = 1 + depth(node->children);

            if (d > deepest)
                deepest = d;
        }
    }
    return deepest;
}

static void check_xml(const ftc_zip_entry *e)
{
    g_autoptr(GError) error = NULL;
    xmlDocPtr doc = ftc_workbook_parse_xml(e->data, e->name, &error);

    if (doc == NULL) {
        check_error(error);
        return;
    }
    if (error != NULL)
        problem("a document and an error", error->message);
    if (doc->intSubset != NULL || doc->extSubset != NULL)
        problem("a document type declaration was kept", e->name);
    if (depth(doc->children) > FTC_WORKBOOK_MAX_DEPTH)
        problem("elements deeper than the limit", e->name);
    xmlFreeDoc(doc);
}

static void check_round_trip(GPtrArray *entries)
{
    g_autofree char *path = g_build_filename(scratch_dir, "round-trip.zip", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) again = NULL;

    if (!ftc_workbook_write_file(path, entries, true, &error))
        problem("cannot write what was read", error->message);
    again = ftc_workbook_read_file(path, &error);
    if (again == NULL)
        problem("cannot read what was written", error->message);
    if (again->len != entries->len)
        problem("a different number of entries read back", NULL);
    /* "mimetype" goes first; the others keep their order. */
    for (guint i = 0, j = 0; i < entries->len; i++) {
        const ftc_zip_entry *a = entries->pdata[i];
        const ftc_zip_entry *b = NULL;

        if (strcmp(a->name, "mimetype") == 0)
            b = again->pdata[0];
        else {
            while (j < again->len &&
                   strcmp(((ftc_zip_entry *)again->pdata[j])->name, "mimetype") == 0)
                j++;
            if (j < again->len)
                b = again->pdata[j++];
        }
        if (b == NULL || strcmp(a->name, b->name) != 0 || !g_bytes_equal(a->data, b->data))
            problem("an entry read back differs", a->name);
    }
    g_unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) entries = ftc_workbook_read_buffer(data, size, "fuzz", &error);
    guint64 total = 0;
    guint mimetypes = 0;

    if (entries == NULL) {
        check_error(error);
        return 0;
    }
    if (error != NULL)
        problem("entries and an error", error->message);
    if (entries->len > FTC_WORKBOOK_MAX_ENTRIES)
        problem("more entries than the limit", NULL);
    for (guint i = 0; i < entries->len; i++) {
        const ftc_zip_entry *e = entries->pdata[i];
        gsize n = g_bytes_get_size(e->data);

        if (e->name[0] == '\0' || g_str_has_suffix(e->name, "/"))
            problem("a directory read as a file", e->name);
        if (n > FTC_WORKBOOK_MAX_ENTRY)
            problem("an entry over the limit", e->name);
        total += n;
        mimetypes += strcmp(e->name, "mimetype") == 0;
        check_xml(e);
    }
    if (total > FTC_WORKBOOK_MAX_TOTAL)
        problem("more bytes in all than the limit", NULL);
    /* Names must be unique to be found again by name; a zip may hold the
     * same name twice, which the writer refuses: only then no round trip. */
    if (mimetypes <= 1 && scratch_dir != NULL) {
        g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);
        bool unique = true;

        for (guint i = 0; i < entries->len && unique; i++)
            unique = g_hash_table_add(names, ((ftc_zip_entry *)entries->pdata[i])->name);
        if (unique)
            check_round_trip(entries);
    }
    return 0;
}

static void remove_scratch(void)
{
    if (scratch_dir != NULL)
        g_rmdir(scratch_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);

    scratch_dir = g_dir_make_tmp("ftc-fuzz-workbook-XXXXXX", NULL);
    if (scratch_dir != NULL)
        atexit(remove_scratch);
    for (size_t i = 0; i < G_N_ELEMENTS(seed_files); i++) {
        g_autofree char *path = g_build_filename(FTC_FUZZ_SEED_DIR, seed_files[i], NULL);
        g_autofree char *stored = g_build_filename(scratch_dir, "stored.zip", NULL);
        g_autoptr(GPtrArray) entries = NULL;
        g_autoptr(GError) error = NULL;
        char *contents;
        gsize len;

        if (!g_file_get_contents(path, &contents, &len, &error))
            problem("cannot read a seed", error->message);
        g_ptr_array_add(seeds, g_bytes_new_take(contents, len));
        entries = ftc_workbook_read_file(path, &error);
        if (entries == NULL)
            problem("a real workbook is refused", error->message);
        if (!ftc_workbook_write_file(stored, entries, false, &error) ||
            !g_file_get_contents(stored, &contents, &len, &error))
            problem("cannot store a seed", error->message);
        g_ptr_array_add(seeds, g_bytes_new_take(contents, len));
        g_unlink(stored);
    }
    ftc_fuzz_use_seeds(argc, argv, seeds, "fuzz-workbook");
    return 0;
}
