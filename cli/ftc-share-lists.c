/* ftc-share-lists.c: validity lists whose source is OFFSET over a column,
 * made plain ranges in a shared copy.
 *
 * The templates' model pickers list the rows a hidden sheet fills:
 * OFFSET([$'Model lists'.$A$3];0;0;MAX(1;[$'Model lists'.$A$2]);1).  OFFSET
 * is volatile (Excel and Calc recompute it on every edit), and in the copy
 * the list is fixed (the catalogue's models as of sharing), so the source
 * becomes the range of the list's cells: from the first cell down to the
 * last of the cells that hold something, one at least.
 */
#include "ftc-share-lists.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"

static bool is_el(xmlNodePtr node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
           strcmp((const char *)node->ns->href, NS_TABLE) == 0 &&
           strcmp((const char *)node->name, name) == 0;
}

static long repeat(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetNsProp(node, (const xmlChar *)name, (const xmlChar *)NS_TABLE);
    long n = v != NULL ? strtol((const char *)v, NULL, 10) : 1;

    xmlFree(v);
    return n >= 1 && n <= 1L << 24 ? n : 1;
}

/* A cell holding something: a value, or a text that is not empty. */
static bool filled(xmlNodePtr cell)
{
    xmlChar *text;
    bool full;

    for (xmlAttrPtr a = cell->properties; a != NULL; a = a->next)
        if (strcmp((const char *)a->name, "value") == 0)
            return true;
    text = xmlNodeGetContent(cell);
    full = text != NULL && text[0] != '\0';
    xmlFree(text);
    return full;
}

/* The cell of `row` in column `col`, or NULL. */
static xmlNodePtr cell_at(xmlNodePtr row, long col)
{
    long c = 0;

    for (xmlNodePtr n = row->children; n != NULL; n = n->next) {
        if (!is_el(n, "table-cell") && !is_el(n, "covered-table-cell"))
            continue;
        c += repeat(n, "number-columns-repeated");
        if (c > col)
            return n;
    }
    return NULL;
}

typedef struct {
    long col, top; /* the list's first cell (from 0) */
    long row;      /* where the walk is */
    long end;      /* the first empty row from top on, -1 until found */
} list_walk;

/* Rows in `node`, also inside row groups and header rows. */
static void walk_rows(xmlNodePtr node, list_walk *w)
{
    for (xmlNodePtr n = node; n != NULL && w->end < 0; n = n->next) {
        if (is_el(n, "table-row")) {
            long count = repeat(n, "number-rows-repeated");
            xmlNodePtr cell = cell_at(n, w->col);

            if (w->row + count > w->top && (cell == NULL || !filled(cell)))
                w->end = MAX(w->row, w->top);
            w->row += count;
        } else if (is_el(n, "table-row-group") || is_el(n, "table-header-rows") ||
                   is_el(n, "table-rows"))
            walk_rows(n->children, w);
    }
}

/* The sheet called `name` under `node`, or NULL. */
static xmlNodePtr find_table(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr n = node; n != NULL; n = n->next) {
        xmlNodePtr found;

        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(n, "table")) {
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

/* OFFSET([ref];0;0;height;1) at `at` -> "[ref:.$COL$LAST]", or NULL. */
static char *plain_range(xmlNodePtr root, const char *s, size_t at, size_t *close)
{
    g_autoptr(GPtrArray) args = call_args(s, at + strlen("OFFSET"), close);
    g_autofree char *sheet = NULL;
    g_autofree char *ref = NULL;
    const char *first;
    xmlNodePtr table;
    list_walk w = {.end = -1};
    size_t len;
    g_autoptr(GString) col_name = g_string_new(NULL);

    if (args == NULL || args->len != 5 || strcmp(args->pdata[1], "0") != 0 ||
        strcmp(args->pdata[2], "0") != 0 || strcmp(args->pdata[4], "1") != 0)
        return NULL;
    first = args->pdata[0];
    len = strlen(first);
    if (len < 3 || first[0] != '[' || first[len - 1] != ']' || strchr(first, ':') != NULL)
        return NULL;
    ref = g_strndup(first + 1, len - 2);
    if (!parse_ref(ref, &sheet, &w.col, &w.top) || (table = find_table(root, sheet)) == NULL)
        return NULL;
    walk_rows(table->children, &w);
    if (w.end < 0)
        w.end = w.row;
    for (long c = w.col + 1; c > 0; c = (c - 1) / 26)
        g_string_prepend_c(col_name, (char)('A' + (c - 1) % 26));
    /* rows top .. end - 1 (from 0) hold the list; one row at least */
    return g_strdup_printf("[%s:.$%s$%ld]", ref, col_name->str, MAX(w.end, w.top + 1));
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
        if (is_el(n, "content-validation"))
            fix_condition(root, n);
        else if (!is_el(n, "table"))
            fix_node(root, n->children);
    }
}

void ftc_share_list_sources(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);

    if (root != NULL)
        fix_node(root, root->children);
}
