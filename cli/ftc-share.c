/* ftc-share.c: `ftcost share IN OUT`, a copy of a workbook in which every
 * add-in call is replaced by Calc's built-in functions (the expansions of
 * the function catalogue), so that it computes the same without ftcost.
 *
 * The .ods itself is rewritten here: ftc-workbook.c reads its zip and
 * parses content.xml and styles.xml (refusing what no spreadsheet writes),
 * and writes the copy.  Every attribute that calls the add-in is rewritten:
 * cell formulas, validations, conditional formats, named expressions.
 * Other formats go through `soffice --headless --convert-to` (.fods/.xlsx
 * in, .xlsx out) in a throw-away profile.
 */
#include "ftc-share.h"
#include "ftc-exit.h"
#include "ftc-odf.h"
#include "ftc-share-lists.h"

#include "ftc-formula.h"
#include "ftc-workbook.h"
#include "ftcost-private.h"
#include "ftcost.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_CALCEXT "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

static const char help_text[] =
    "usage: ftcost share [--values] [--explain] IN OUT\n"
    "\n"
    "Writes OUT, a copy of the workbook IN in which every ftcost call is replaced\n"
    "by an equivalent formula of built-in functions: the copy computes the same\n"
    "values without the add-in (checked in LibreOffice and Gnumeric) and\n"
    "recalculates when an input changes.  Bad input in the copy gives an error\n"
    "cell (#N/A).\n"
    "Each rewritten cell has a comment with the call it held, in words, and what\n"
    "each function computes.\n"
    "API_PRICE and API_PRICE_DATE become today's value with a comment on the cell;\n"
    "a call that has no built-in equivalent (API_PRICE on a cell reference) leaves\n"
    "its cell's value, with a comment saying so.\n"
    "A call with a range or an inline array for a number is computed element by\n"
    "element, as with the add-in; its cell becomes an array formula (FT_BREAKEVEN's\n"
    "such calls keep their values).\n"
    "\n"
    "  IN   .ods, .fods or .xlsx      OUT  .ods or .xlsx (by its extension)\n"
    "  --values   freeze every cell that calls ftcost to its value instead\n"
    "  --explain  list every cell that called ftcost on stdout, one a line, tab-\n"
    "             separated: sheet, cell, the formula it held, what the copy holds\n"
    "             (\"formula: ...\" or \"value: ... (why)\")\n"
    "\n"
    "An .ods is rewritten directly.  .fods or .xlsx input and .xlsx output are\n"
    "converted with LibreOffice (`soffice --headless --convert-to`, in a temporary\n"
    "profile; $FTCOST_SOFFICE names another soffice).  Open IN once with the\n"
    "add-in and save it, so that the values frozen are current.\n"
    "\n"
    "IN is refused, and OUT left as it was, when it is not a zip of XML as\n"
    "spreadsheets write it: a DTD or entity declaration, elements nested over\n"
    "128 deep, over 10000 entries, an entry over 128 MiB or over 256 MiB in all\n"
    "once inflated, a truncated or corrupt zip.\n";

typedef struct {
    bool values;     /* --values */
    bool explain;    /* --explain: one line per cell on stdout */
    int rewritten;   /* formulas rewritten */
    int frozen;      /* cells frozen to their value */
    int cells_total; /* cells that called the add-in */
    bool months;     /* a formula counts months on FTC_MONTHS_SHEET */
    bool has_months; /* the workbook has that sheet already */
    char *sheet;     /* where the walk is in content.xml: the table's name, */
    long row, col;   /* the cell's row and column (from 0) */
} share_stats;

static const char *extension(const char *path)
{
    const char *base = strrchr(path, '/'), *dot;

    dot = strrchr(base != NULL ? base : path, '.');
    return dot != NULL ? dot + 1 : "";
}

/* --- the XML ---------------------------------------------------------------- */

static bool is_attr(const xmlAttr *attr, const char *ns, const char *name)
{
    return attr->ns != NULL && strcmp((const char *)attr->ns->href, ns) == 0 &&
           strcmp((const char *)attr->name, name) == 0;
}

static xmlNsPtr find_ns(xmlNodePtr node, const char *href, const char *prefix)
{
    xmlNsPtr ns = xmlSearchNsByHref(node->doc, node, (const xmlChar *)href);

    if (ns == NULL)
        ns = xmlNewNs(xmlDocGetRootElement(node->doc), (const xmlChar *)href,
                      (const xmlChar *)prefix);
    return ns;
}

/* A comment on the cell, before its text. */
static void annotate(xmlNodePtr cell, const char *note)
{
    xmlNsPtr office = find_ns(cell, NS_OFFICE, "office");
    xmlNsPtr text = find_ns(cell, NS_TEXT, "text");
    xmlNodePtr annotation = xmlNewNode(office, (const xmlChar *)"annotation");
    g_auto(GStrv) lines = g_strsplit(note, "\n", -1);

    for (char **l = lines; *l != NULL; l++)
        xmlNewTextChild(annotation, text, (const xmlChar *)"p", (const xmlChar *)*l);
    if (cell->children != NULL)
        xmlAddPrevSibling(cell->children, annotation);
    else
        xmlAddChild(cell, annotation);
}

/* "A1", "AB12" */
static char *cell_name(long row, long col)
{
    char letters[8];
    int n = 0;

    for (long c = col + 1; c > 0 && n < (int)sizeof letters - 1; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    GString *s = g_string_new(NULL);
    while (n > 0)
        g_string_append_c(s, letters[--n]);
    g_string_append_printf(s, "%ld", row + 1);
    return g_string_free(s, FALSE);
}

/* --explain: sheet, cell, the call as typed, what the copy holds. */
static void explain(const share_stats *st, const char *formula, const char *what)
{
    g_autofree char *cell = NULL;
    g_autofree char *words = NULL;
    const char *typed;

    if (!st->explain)
        return;
    /* the first line of the note, "ftcost: =FT_TCO(A1; 3000; ...)" */
    cell = cell_name(st->row, st->col);
    words = ftc_formula_words(formula);
    words[strcspn(words, "\n")] = '\0';
    typed = g_str_has_prefix(words, "ftcost: =") ? words + strlen("ftcost: =") : words;
    printf("%s\t%s\t=%s\t%s\n", st->sheet != NULL ? st->sheet : "", cell, typed, what);
}

/* The cell's value as the add-in left it, for --explain. */
static char *cached_value(xmlNodePtr cell)
{
    xmlChar *kind =
        xmlGetNsProp(cell, (const xmlChar *)"value-type", (const xmlChar *)NS_OFFICE);
    xmlChar *v = xmlGetNsProp(cell, (const xmlChar *)"value", (const xmlChar *)NS_OFFICE);
    char *text;

    if (v != NULL)
        text = g_strdup((const char *)v);
    else if (kind != NULL && xmlStrcmp(kind, (const xmlChar *)"string") == 0) {
        xmlChar *content = xmlNodeGetContent(cell);

        text = g_strdup_printf("\"%s\"", content != NULL ? (const char *)content : "");
        xmlFree(content);
    } else
        text = g_strdup("an error");
    xmlFree(kind);
    xmlFree(v);
    return text;
}

/* The cell keeps the value the add-in computed; an error stays an error. */
static void freeze_cell(xmlNodePtr cell, xmlAttrPtr formula, const char *note)
{
    xmlChar *kind =
        xmlGetNsProp(cell, (const xmlChar *)"value-type", (const xmlChar *)NS_CALCEXT);
    bool error = kind != NULL && xmlStrcmp(kind, (const xmlChar *)"error") == 0;

    xmlFree(kind);
    if (error) {
        xmlSetNsProp(cell, formula->ns, (const xmlChar *)"formula",
                     (const xmlChar *)"of:=NA()");
    } else {
        xmlRemoveProp(formula);
        for (xmlAttrPtr a = cell->properties; a != NULL;) {
            xmlAttrPtr next = a->next;

            if (is_attr(a, NS_TABLE, "number-matrix-columns-spanned") ||
                is_attr(a, NS_TABLE, "number-matrix-rows-spanned"))
                xmlRemoveProp(a);
            a = next;
        }
    }
    if (note != NULL)
        annotate(cell, note);
}

/* A call computed element by element needs array evaluation in every
 * engine: a cell that is no array formula becomes a 1x1 one (it shows the
 * first element, as the add-in's array does in a plain cell; inside
 * SUMPRODUCT, Gnumeric's IF would not go element by element otherwise). */
static void array_formula(xmlNodePtr cell)
{
    xmlNsPtr table = find_ns(cell, NS_TABLE, "table");

    if (xmlHasNsProp(cell, (const xmlChar *)"number-matrix-columns-spanned",
                     (const xmlChar *)NS_TABLE) != NULL)
        return;
    xmlSetNsProp(cell, table, (const xmlChar *)"number-matrix-columns-spanned",
                 (const xmlChar *)"1");
    xmlSetNsProp(cell, table, (const xmlChar *)"number-matrix-rows-spanned",
                 (const xmlChar *)"1");
}

static bool rewrite_node(xmlNodePtr node, share_stats *st, GError **error);

static bool rewrite_attrs(xmlNodePtr node, share_stats *st, GError **error)
{
    for (xmlAttrPtr attr = node->properties; attr != NULL;) {
        xmlAttrPtr next = attr->next;
        xmlChar *value = xmlNodeListGetString(node->doc, attr->children, 1);
        bool cell_formula = is_attr(attr, NS_TABLE, "formula") &&
                            xmlStrcmp(node->name, (const xmlChar *)"table-cell") == 0;

        if (value != NULL && ftc_formula_calls_addin((const char *)value)) {
            g_autoptr(GString) notes = g_string_new(NULL);
            ftc_error err = {0};
            g_autofree char *shared = NULL;
            bool array = false;

            /* LibreOffice without the add-in re-saves such a formula as
             * "of:=of:=org.ftcost.functions.ft_tco(...)": one prefix goes. */
            const char *formula = (const char *)value;

            if (g_str_has_prefix(formula, "of:=of:="))
                formula += 4;
            if (!(cell_formula && st->values))
                shared = ftc_formula_share_cell(formula, ';', notes, &array, &err);
            if (cell_formula)
                st->cells_total++;
            if (shared != NULL) {
                st->months |= strstr(shared, "[$" FTC_MONTHS_SHEET ".") != NULL;
                xmlSetNsProp(node, attr->ns, attr->name, (const xmlChar *)shared);
                st->rewritten++;
                if (cell_formula) {
                    /* The call in words, then any note on a frozen part
                     * (today's price). */
                    g_autofree char *words = ftc_formula_words(formula);
                    g_autofree char *what = g_strdup_printf(
                        "formula: %s",
                        shared + (g_str_has_prefix(shared, "of:") ? strlen("of:") : 0));

                    if (notes->len > 0)
                        g_string_prepend_c(notes, '\n');
                    g_string_prepend(notes, words);
                    annotate(node, notes->str);
                    if (array)
                        array_formula(node);
                    explain(st, formula, what);
                }
            } else if (cell_formula) {
                g_autofree char *note = NULL;
                /* The formula as the user typed it, without the prefix: the
                 * copy names no add-in function anywhere. */
                g_autofree char *typed = ftc_formula_bare_names(formula);
                g_autofree char *kept = cached_value(node);
                g_autofree char *what = NULL;

                if (!st->values)
                    note = g_strdup_printf("ftcost share: the value as last "
                                           "calculated with ftcost (%s); the formula "
                                           "was =%s",
                                           err.message, typed);
                what = g_strdup_printf("value: %s (%s)", kept,
                                       st->values ? "--values" : err.message);
                explain(st, formula, what);
                freeze_cell(node, attr, note);
                st->frozen++;
            } else {
                g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                            "cannot rewrite the %s attribute of a %s element (%s): %s",
                            (const char *)attr->name, (const char *)node->name,
                            (const char *)value, err.message);
                xmlFree(value);
                return false;
            }
        }
        xmlFree(value);
        attr = next;
    }
    return true;
}

/* Walks the document, knowing which sheet, row and column a cell is in. */
static bool rewrite_node(xmlNodePtr node, share_stats *st, GError **error)
{
    for (xmlNodePtr child = node; child != NULL; child = child->next) {
        bool table, row, cell;

        if (child->type != XML_ELEMENT_NODE)
            continue;
        table = ftc_odf_is_element(child, NS_TABLE, "table");
        row = ftc_odf_is_element(child, NS_TABLE, "table-row");
        cell = ftc_odf_is_element(child, NS_TABLE, "table-cell") ||
               ftc_odf_is_element(child, NS_TABLE, "covered-table-cell");
        if (table) {
            xmlChar *name =
                xmlGetNsProp(child, (const xmlChar *)"name", (const xmlChar *)NS_TABLE);

            g_free(st->sheet);
            st->sheet = g_strdup(name != NULL ? (const char *)name : "");
            st->has_months |= strcmp(st->sheet, FTC_MONTHS_SHEET) == 0;
            xmlFree(name);
            st->row = 0;
        }
        if (row)
            st->col = 0;
        if (!rewrite_attrs(child, st, error) || !rewrite_node(child->children, st, error))
            return false;
        if (row)
            st->row += ftc_odf_repeated(child, "number-rows-repeated");
        if (cell)
            st->col += ftc_odf_repeated(child, "number-columns-repeated");
    }
    return true;
}

/* The hidden, empty sheet whose row numbers FTC_MONTHS counts, after the
 * last sheet (the ODF order: tables, then named expressions etc.). */
static void add_months_sheet(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), body = NULL, sheets = NULL, styles = NULL;
    xmlNodePtr last = NULL, style, table, row;
    xmlNsPtr ns_table, ns_style, ns_office;

    for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
        if (ftc_odf_is_element(n, NS_OFFICE, "body"))
            body = n;
        if (ftc_odf_is_element(n, NS_OFFICE, "automatic-styles"))
            styles = n;
    }
    for (xmlNodePtr n = body != NULL ? body->children : NULL; n != NULL; n = n->next)
        if (ftc_odf_is_element(n, NS_OFFICE, "spreadsheet"))
            sheets = n;
    if (sheets == NULL)
        return;
    for (xmlNodePtr n = sheets->children; n != NULL; n = n->next)
        if (ftc_odf_is_element(n, NS_TABLE, "table"))
            last = n;
    ns_table = find_ns(root, NS_TABLE, "table");
    ns_style = find_ns(root, NS_STYLE, "style");
    ns_office = find_ns(root, NS_OFFICE, "office");
    if (styles == NULL) {
        styles = xmlNewNode(ns_office, (const xmlChar *)"automatic-styles");
        xmlAddPrevSibling(body, styles);
    }
    style = xmlNewChild(styles, ns_style, (const xmlChar *)"style", NULL);
    xmlNewNsProp(style, ns_style, (const xmlChar *)"name", (const xmlChar *)"ftcost_hidden");
    xmlNewNsProp(style, ns_style, (const xmlChar *)"family", (const xmlChar *)"table");
    xmlNewNsProp(xmlNewChild(style, ns_style, (const xmlChar *)"table-properties", NULL),
                 ns_table, (const xmlChar *)"display", (const xmlChar *)"false");
    table = xmlNewNode(ns_table, (const xmlChar *)"table");
    xmlNewNsProp(table, ns_table, (const xmlChar *)"name", (const xmlChar *)FTC_MONTHS_SHEET);
    xmlNewNsProp(table, ns_table, (const xmlChar *)"style-name",
                 (const xmlChar *)"ftcost_hidden");
    xmlNewChild(table, ns_table, (const xmlChar *)"table-column", NULL);
    row = xmlNewChild(table, ns_table, (const xmlChar *)"table-row", NULL);
    xmlNewChild(row, ns_table, (const xmlChar *)"table-cell", NULL);
    if (last != NULL)
        xmlAddNextSibling(last, table);
    else
        xmlAddChild(sheets, table);
}

static GBytes *rewrite_xml(GBytes *in, const char *name, share_stats *st, GError **error)
{
    xmlDocPtr doc = ftc_workbook_parse_xml(in, name, error);
    xmlChar *out = NULL;
    int out_len = 0;
    GBytes *result;

    if (doc == NULL)
        return NULL;
    if (!rewrite_node(xmlDocGetRootElement(doc), st, error)) {
        xmlFreeDoc(doc);
        return NULL;
    }
    if (strcmp(name, "content.xml") == 0 && st->months && !st->has_months)
        add_months_sheet(doc);
    /* validity lists over OFFSET: the frozen list's range (volatile-free) */
    if (strcmp(name, "content.xml") == 0)
        ftc_share_list_sources(doc);
    xmlDocDumpMemoryEnc(doc, &out, &out_len, "UTF-8");
    xmlFreeDoc(doc);
    result = g_bytes_new(out, (gsize)out_len);
    xmlFree(out);
    return result;
}

static bool share_ods(const char *in, const char *out, share_stats *st, GError **error)
{
    g_autoptr(GPtrArray) entries = ftc_workbook_read_file(in, error);

    bool has_content = false;

    if (entries == NULL)
        return false;
    for (guint i = 0; i < entries->len; i++)
        has_content |= strcmp(((ftc_zip_entry *)entries->pdata[i])->name, "content.xml") == 0;
    if (!has_content) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    "%s: not an OpenDocument spreadsheet (no content.xml)", in);
        return false;
    }
    for (guint i = 0; i < entries->len; i++) {
        ftc_zip_entry *e = entries->pdata[i];
        GBytes *b;

        if (strcmp(e->name, "content.xml") != 0 && strcmp(e->name, "styles.xml") != 0)
            continue;
        b = rewrite_xml(e->data, e->name, st, error);
        if (b == NULL) {
            g_prefix_error(error, "%s: ", in);
            return false;
        }
        g_bytes_unref(e->data);
        e->data = b;
    }
    return ftc_workbook_write_file(out, entries, true, error);
}

/* --- LibreOffice for the other formats ------------------------------------- */

static void remove_tree(const char *path)
{
    GDir *dir = g_dir_open(path, 0, NULL);

    if (dir != NULL) {
        const char *name;

        while ((name = g_dir_read_name(dir)) != NULL) {
            g_autofree char *child = g_build_filename(path, name, NULL);

            if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
                !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
                remove_tree(child);
            else
                g_unlink(child);
        }
        g_dir_close(dir);
    }
    g_rmdir(path);
}

/* Converts `in` into `dir`; the path of the result (g_free it) or NULL. */
static char *convert(const char *in, const char *filter, const char *ext, const char *dir,
                     const char *tmp, GError **error)
{
    const char *soffice = g_getenv("FTCOST_SOFFICE");
    g_autofree char *profile_dir = g_build_filename(tmp, "profile", NULL);
    g_autofree char *profile_uri = g_filename_to_uri(profile_dir, NULL, error);
    g_autofree char *env = NULL;
    g_autofree char *base = g_path_get_basename(in);
    g_autofree char *err_text = NULL;
    char *dot = strrchr(base, '.');
    char *result;
    int status = 0;

    if (profile_uri == NULL)
        return NULL;
    env = g_strconcat("-env:UserInstallation=", profile_uri, NULL);
    const char *argv[] = {soffice != NULL && soffice[0] != '\0' ? soffice : "soffice",
                          env,
                          "--headless",
                          "--invisible",
                          "--norestore",
                          "--nologo",
                          "--convert-to",
                          filter,
                          "--outdir",
                          dir,
                          in,
                          NULL};

    if (g_mkdir_with_parents(dir, 0700) != 0) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot create %s", dir);
        return NULL;
    }
    if (dot != NULL)
        *dot = '\0';
    /* soffice prints "convert ... using filter ..." on stdout: not ours to show */
    if (!g_spawn_sync(NULL, (char **)argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                      &err_text, &status, error))
        return NULL;
    result = g_strdup_printf("%s/%s.%s", dir, base, ext);
    if (!g_spawn_check_wait_status(status, NULL) || !g_file_test(result, G_FILE_TEST_EXISTS)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    "LibreOffice could not convert %s to .%s: %s", in, ext,
                    err_text != NULL ? err_text : "");
        g_free(result);
        return NULL;
    }
    return result;
}

static bool copy_file(const char *from, const char *to, GError **error)
{
    g_autofree char *data = NULL;
    gsize len;

    return g_file_get_contents(from, &data, &len, error) &&
           g_file_set_contents(to, data, (gssize)len, error);
}

int ftc_share_main(int argc, char **argv)
{
    share_stats st = {0};
    const char *in = NULL, *out = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *tmp = NULL, *src = NULL, *ods_out = NULL;
    const char *in_ext, *out_ext;
    bool ok = false;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help_text, stdout);
            return FTC_EXIT_OK;
        } else if (strcmp(argv[i], "--values") == 0)
            st.values = true;
        else if (strcmp(argv[i], "--explain") == 0)
            st.explain = true;
        else if (in == NULL)
            in = argv[i];
        else if (out == NULL)
            out = argv[i];
        else
            in = NULL, i = argc;
    }
    if (in == NULL || out == NULL) {
        fputs(help_text, stderr);
        return FTC_EXIT_USAGE;
    }
    in_ext = extension(in);
    out_ext = extension(out);
    if (g_ascii_strcasecmp(in_ext, "ods") != 0 && g_ascii_strcasecmp(in_ext, "fods") != 0 &&
        g_ascii_strcasecmp(in_ext, "xlsx") != 0) {
        fprintf(stderr, "ftcost share: IN must be .ods, .fods or .xlsx: %s\n", in);
        return FTC_EXIT_USAGE;
    }
    if (g_ascii_strcasecmp(out_ext, "ods") != 0 && g_ascii_strcasecmp(out_ext, "xlsx") != 0) {
        fprintf(stderr, "ftcost share: OUT must be .ods or .xlsx: %s\n", out);
        return FTC_EXIT_USAGE;
    }
    if (!g_file_test(in, G_FILE_TEST_IS_REGULAR)) {
        fprintf(stderr, "ftcost share: no such file: %s\n", in);
        return FTC_EXIT_INVALID;
    }
    tmp = g_dir_make_tmp("ftcost-share-XXXXXX", &error);
    if (tmp == NULL)
        goto done;
    if (g_ascii_strcasecmp(in_ext, "ods") == 0)
        src = g_strdup(in);
    else {
        g_autofree char *dir = g_build_filename(tmp, "in", NULL);

        src = convert(in, "ods", "ods", dir, tmp, &error);
        if (src == NULL)
            goto done;
    }
    if (g_ascii_strcasecmp(out_ext, "ods") == 0) {
        ok = share_ods(src, out, &st, &error);
    } else {
        g_autofree char *dir = g_build_filename(tmp, "out", NULL);
        g_autofree char *base = g_path_get_basename(out);
        g_autofree char *xlsx = NULL;
        g_autofree char *xlsx_dir = g_build_filename(tmp, "xlsx", NULL);

        base[strlen(base) - strlen(out_ext)] = '\0';
        g_mkdir_with_parents(dir, 0700);
        ods_out = g_strdup_printf("%s/%sods", dir, base);
        if (!share_ods(src, ods_out, &st, &error))
            goto done;
        xlsx = convert(ods_out, "xlsx:Calc Office Open XML", "xlsx", xlsx_dir, tmp, &error);
        ok = xlsx != NULL && copy_file(xlsx, out, &error);
    }
done:
    g_free(st.sheet);
    if (tmp != NULL)
        remove_tree(tmp);
    /* Nothing was written to OUT: the zip and the converted copy replace it
     * only once complete. */
    if (!ok) {
        fprintf(stderr, "ftcost share: %s\n", error != NULL ? error->message : "failed");
        return FTC_EXIT_INVALID;
    }
    fprintf(stderr, "ftcost share: %s: %d formulas rewritten, %d cells frozen to their value\n",
            out, st.rewritten, st.frozen);
    return FTC_EXIT_OK;
}
