/* ftc-share-lists.c: validity lists whose source is OFFSET over a column,
 * made plain ranges in a shared copy.
 *
 * The templates' model pickers list the rows a hidden sheet fills:
 * OFFSET([$'Model lists'.$A$3];0;0;MAX(1;[$'Model lists'.$A$2]);1), A2
 * counting the models.  OFFSET is volatile (Excel and Calc recompute it on
 * every edit), and in the copy the list is fixed (the catalogue's models as
 * of sharing), so the source becomes the range OFFSET gave when the
 * workbook was last calculated: its height is the value the document holds
 * for the height's cell (A2).  (Not the cells of the list that hold
 * something: LibreOffice 7.4 keeps no values in the cells of an array
 * formula below its first when it opens an .xlsx without the add-in.)
 */
#include "ftc-share-lists.h"
#include "ftc-odf.h"

#include <glib.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The cell of `row` in column `col`, or NULL. */
static xmlNodePtr cell_at(xmlNodePtr row, long col)
{
    long c = 0;

    for (xmlNodePtr n = row->children; n != NULL; n = n->next) {
        if (!ftc_odf_is_element(n, NS_TABLE, "table-cell") &&
            !ftc_odf_is_element(n, NS_TABLE, "covered-table-cell"))
            continue;
        c += ftc_odf_repeated(n, "number-columns-repeated");
        if (c > col)
            return n;
    }
    return NULL;
}

/* The row element of row `want` (from 0) in `node` and the row groups and
 * header rows in it, or NULL; *at counts the rows passed. */
static xmlNodePtr row_at(xmlNodePtr node, long want, long *at)
{
    for (xmlNodePtr n = node; n != NULL; n = n->next) {
        xmlNodePtr found;

        if (ftc_odf_is_element(n, NS_TABLE, "table-row")) {
            *at += ftc_odf_repeated(n, "number-rows-repeated");
            if (*at > want)
                return n;
        } else if ((ftc_odf_is_element(n, NS_TABLE, "table-row-group") ||
                    ftc_odf_is_element(n, NS_TABLE, "table-header-rows") ||
                    ftc_odf_is_element(n, NS_TABLE, "table-rows")) &&
                   (found = row_at(n->children, want, at)) != NULL)
            return found;
    }
    return NULL;
}

/* The sheet called `name` under `node`, or NULL. */
static xmlNodePtr find_table(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr n = node; n != NULL; n = n->next) {
        xmlNodePtr found;

        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ftc_odf_is_element(n, NS_TABLE, "table")) {
            xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"name", (const xmlChar *)NS_TABLE);
            bool match = v != NULL && strcmp((const char *)v, name) == 0;

            xmlFree(v);
            if (match)
                return n;
            continue;
        }
        if ((found = find_table(n->children, name)) != NULL)
            return found;
    }
    return NULL;
}

/* "$'Model lists'.$A$3" -> sheet, column, row (from 0); false otherwise. */
static bool parse_ref(const char *ref, char **sheet, long *col, long *row)
{
    GString *name = g_string_new(NULL);
    const char *p = ref + (ref[0] == '$');
    char *end;

    if (*p == '\'') {
        for (p++; *p != '\0' && !(p[0] == '\'' && p[1] != '\''); p++) {
            if (*p == '\'')
                p++;
            g_string_append_c(name, *p);
        }
        if (*p == '\'')
            p++;
    } else
        while (*p != '\0' && *p != '.')
            g_string_append_c(name, *p++);
    if (*p++ != '.' || name->len == 0)
        goto fail;
    p += *p == '$';
    *col = 0;
    if (!g_ascii_isupper(*p))
        goto fail;
    while (g_ascii_isupper(*p) && *col < 1L << 20)
        *col = *col * 26 + (*p++ - 'A' + 1);
    *col -= 1;
    p += *p == '$';
    *row = strtol(p, &end, 10) - 1;
    if (end == p || *end != '\0' || *row < 0)
        goto fail;
    *sheet = g_string_free(name, FALSE);
    return true;
fail:
    g_string_free(name, TRUE);
    return false;
}

/* The number the document holds for the cell [$Sheet.$A$2] (brackets
 * included); false when there is none. */
static bool cached_number(xmlNodePtr root, const char *bracketed, double *value)
{
    size_t len = strlen(bracketed);
    g_autofree char *ref = NULL;
    g_autofree char *sheet = NULL;
    long col, row, at = 0;
    xmlNodePtr table, row_el, cell;
    xmlChar *v = NULL;
    char *end = NULL;
    bool ok;

    if (len < 3 || bracketed[0] != '[' || bracketed[len - 1] != ']')
        return false;
    ref = g_strndup(bracketed + 1, len - 2);
    if (!parse_ref(ref, &sheet, &col, &row) || (table = find_table(root, sheet)) == NULL)
        return false;
    row_el = row_at(table->children, row, &at);
    cell = row_el != NULL ? cell_at(row_el, col) : NULL;
    if (cell != NULL)
        v = xmlGetNsProp(cell, (const xmlChar *)"value", (const xmlChar *)NS_OFFICE);
    if (v != NULL)
        *value = g_ascii_strtod((const char *)v, &end);
    ok = v != NULL && end != (char *)v && *end == '\0';
    xmlFree(v);
    return ok;
}

/* The top-level arguments of the call whose "(" is at `open`; *close gets
 * the position of its ")".  Strings and references are skipped whole. */
static GPtrArray *call_args(const char *s, size_t open, size_t *close)
{
    GPtrArray *args = g_ptr_array_new_with_free_func(g_free);
    int depth = 0;
    size_t start = open + 1;

    for (size_t i = open; s[i] != '\0'; i++) {
        char c = s[i];

        if (c == '"' || c == '\'') {
            const char *q = strchr(s + i + 1, c);

            if (q == NULL)
                break;
            i = (size_t)(q - s);
        } else if (c == '(' || c == '[' || c == '{')
            depth++;
        else if (c == ')' || c == ']' || c == '}') {
            if (--depth == 0) {
                g_ptr_array_add(args, g_strndup(s + start, i - start));
                *close = i;
                return args;
            }
        } else if (c == ';' && depth == 1) {
            g_ptr_array_add(args, g_strndup(s + start, i - start));
            start = i + 1;
        }
    }
    g_ptr_array_free(args, TRUE);
    return NULL;
}

/* OFFSET([ref];0;0;height;1) at `at` -> "[ref:.$COL$LAST]", or NULL; the
 * height is [cell] or MAX(1;[cell]), the cell's value as last calculated. */
static char *plain_range(xmlNodePtr root, const char *s, size_t at, size_t *close)
{
    g_autoptr(GPtrArray) args = call_args(s, at + strlen("OFFSET"), close);
    g_autoptr(GPtrArray) max_args = NULL;
    g_autofree char *sheet = NULL;
    g_autofree char *ref = NULL;
    g_autoptr(GString) col_name = g_string_new(NULL);
    const char *first, *height;
    long col, top;
    double rows;
    size_t len, max_close = 0;

    if (args == NULL || args->len != 5 || strcmp(args->pdata[1], "0") != 0 ||
        strcmp(args->pdata[2], "0") != 0 || strcmp(args->pdata[4], "1") != 0)
        return NULL;
    first = args->pdata[0];
    len = strlen(first);
    if (len < 3 || first[0] != '[' || first[len - 1] != ']' || strchr(first, ':') != NULL)
        return NULL;
    ref = g_strndup(first + 1, len - 2);
    if (!parse_ref(ref, &sheet, &col, &top))
        return NULL;
    height = args->pdata[3];
    if (g_str_has_prefix(height, "MAX(")) {
        max_args = call_args(height, strlen("MAX"), &max_close);
        if (max_args == NULL || max_args->len != 2 || strcmp(max_args->pdata[0], "1") != 0 ||
            height[max_close + 1] != '\0')
            return NULL;
        height = max_args->pdata[1];
    }
    if (!cached_number(root, height, &rows) || !(rows < 1 << 20))
        return NULL;
    if (max_args != NULL && rows < 1)
        rows = 1;
    if (rows < 1)
        return NULL;
    for (long c = col + 1; c > 0; c = (c - 1) / 26)
        g_string_prepend_c(col_name, (char)('A' + (c - 1) % 26));
    /* OFFSET takes the height's whole part */
    return g_strdup_printf("[%s:.$%s$%ld]", ref, col_name->str, top + (long)rows);
}

static void fix_condition(xmlNodePtr root, xmlNodePtr validation)
{
    xmlChar *cond =
        xmlGetNsProp(validation, (const xmlChar *)"condition", (const xmlChar *)NS_TABLE);
    const char *list = "cell-content-is-in-list(";
    const char *s = (const char *)cond, *found;
    GString *out;
    size_t from = 0;

    if (cond == NULL || strstr(s, list) == NULL || strstr(s, "OFFSET(") == NULL) {
        xmlFree(cond);
        return;
    }
    out = g_string_new(NULL);
    while ((found = strstr(s + from, "OFFSET(")) != NULL) {
        size_t at = (size_t)(found - s), close = 0;
        g_autofree char *range = NULL;
        bool word =
            at > 0 && (g_ascii_isalnum(s[at - 1]) || s[at - 1] == '_' || s[at - 1] == '.');

        range = word ? NULL : plain_range(root, s, at, &close);
        g_string_append_len(out, s + from, (gssize)(at - from));
        if (range != NULL) {
            g_string_append(out, range);
            from = close + 1;
        } else {
            g_string_append(out, "OFFSET(");
            from = at + strlen("OFFSET(");
        }
    }
    g_string_append(out, s + from);
    xmlSetNsProp(validation,
                 xmlSearchNsByHref(validation->doc, validation, (const xmlChar *)NS_TABLE),
                 (const xmlChar *)"condition", (const xmlChar *)out->str);
    g_string_free(out, TRUE);
    xmlFree(cond);
}

static void fix_node(xmlNodePtr root, xmlNodePtr node)
{
    for (xmlNodePtr n = node; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ftc_odf_is_element(n, NS_TABLE, "content-validation"))
            fix_condition(root, n);
        else if (!ftc_odf_is_element(n, NS_TABLE, "table"))
            fix_node(root, n->children);
    }
}

void ftc_share_list_sources(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);

    if (root != NULL)
        fix_node(root, root->children);
}
