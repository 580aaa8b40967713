/* ftc-share-arrays.c: calls of the add-in with an array argument (a range
 * of several cells, an inline array) in `ftcost share`: which arguments are
 * arrays, their sizes where the formula says them, and which expansions can
 * be computed element by element ("Array arguments" in FUNCTIONS.md). */
#include "ftc-formula.h"
#include "ftcost-private.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* The rows and columns of a sheet in LibreOffice 7.4 (a whole column
 * [.Z:.Z] has this many rows). */
#define SHEET_ROWS 1048576

/* The first of `chars` in s[0..len), or NULL. */
static const char *strpbrk_len(const char *s, size_t len, const char *chars)
{
    for (size_t i = 0; i < len; i++)
        if (strchr(chars, s[i]) != NULL)
            return s + i;
    return NULL;
}

/* The reference s[0..len) (s[0] == '['): 1 when it is a range of one cell
 * ([.A1:.A1], [$S.$A$1:.$A$1]; *colon then points at its ':'), 0 when a
 * range of more (two corners, a whole column [.Z:.Z] or row [.3:.3], two
 * sheets), -1 when no range.  Calc's sheet names cannot hold ':'. */
int ftc_formula_range_cells(const char *s, size_t len, const char **colon)
{
    const char *ref = s + 1, *end = s + len - 1;
    const char *c = NULL, *a, *b;
    bool quoted = false;

    for (const char *p = ref; p < end && c == NULL; p++) /* not in 'x:y' */
        if (*p == '\'')
            quoted = !quoted;
        else if (*p == ':' && !quoted)
            c = p;
    if (c == NULL)
        return -1;
    b = c + 1;
    *colon = c;
    for (a = c; a > ref && a[-1] != '.';)
        a--; /* the first corner's cell part */
    if (b < end && b[0] == '.')
        b++; /* the second corner on the same sheet */
    else if (c - ref != end - b || strncmp(ref, b, (size_t)(c - ref)) != 0)
        return 0;
    else
        b += a - ref;
    if (c - a != end - b || strncmp(a, b, (size_t)(c - a)) != 0 ||
        strpbrk_len(a, (size_t)(c - a), "0123456789") == NULL ||
        strpbrk_len(a, (size_t)(c - a),
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == NULL)
        return 0;
    return 1;
}

/* Does an argument (as written) hold an array: an inline array, or a
 * reference to more than one cell?  Outside strings, anywhere in it
 * (ROW([.A1:.A60]) too).  A named range is not seen: the expansion's guard
 * makes it #N/A, never a wrong number. */
bool ftc_formula_is_array(const char *arg)
{
    for (size_t i = 0; arg[i] != '\0'; i++) {
        size_t len;
        const char *colon;

        if (arg[i] == '{')
            return true;
        if (arg[i] == '"') {
            len = ftc_formula_string_length(arg + i);
            if (len == 0)
                return false;
            i += len - 1;
        } else if (arg[i] == '[') {
            len = ftc_formula_reference_length(arg + i);
            if (len == 0)
                return false;
            if (ftc_formula_range_cells(arg + i, len, &colon) == 0)
                return true;
            i += len - 1;
        }
    }
    return false;
}

/* "$AB$12" -> column 27 (from 0), row 11; "AB" or "12" alone (a whole
 * column or row) -> -1 for the part left out.  False when no cell. */
static bool cell_address(const char *s, size_t len, long *col, long *row)
{
    size_t i = 0;

    *col = -1;
    *row = -1;
    if (i < len && s[i] == '$')
        i++;
    for (; i < len && g_ascii_isalpha(s[i]); i++)
        *col = (*col + 1) * 26 + (g_ascii_toupper(s[i]) - 'A');
    if (i < len && s[i] == '$')
        i++;
    if (i < len) {
        if (!g_ascii_isdigit(s[i]))
            return false;
        *row = 0;
        for (; i < len && g_ascii_isdigit(s[i]) && *row < SHEET_ROWS; i++)
            *row = *row * 10 + (s[i] - '0');
        *row -= 1;
    }
    return i == len && (*col >= 0 || *row >= 0);
}

/* The sheet part of a corner ("$S1." of "$S1.A1", "" of ".A1"): its length. */
static size_t sheet_length(const char *s, size_t len)
{
    size_t sheet = 0;
    bool quoted = false;

    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\'')
            quoted = !quoted;
        else if (s[i] == '.' && !quoted)
            sheet = i + 1;
    }
    return sheet;
}

/* A reference [.A1:.B3] on one sheet: its rows and columns.  A whole
 * column has a sheet's rows; a whole row, or two sheets, is not read. */
static bool range_shape(const char *arg, size_t len, size_t *rows, size_t *cols)
{
    const char *ref = arg + 1, *end = arg + len - 1, *colon = NULL;
    bool quoted = false;
    size_t s1, s2;
    long c1, r1, c2, r2;

    for (const char *c = ref; c < end; c++) {
        if (*c == '\'')
            quoted = !quoted;
        else if (*c == ':' && !quoted)
            colon = c;
    }
    if (colon == NULL)
        return false;
    s1 = sheet_length(ref, (size_t)(colon - ref));
    s2 = sheet_length(colon + 1, (size_t)(end - colon - 1));
    if (s2 > 1 && (s1 != s2 || strncmp(ref, colon + 1, s1) != 0))
        return false;
    if (!cell_address(ref + s1, (size_t)(colon - ref) - s1, &c1, &r1) ||
        !cell_address(colon + 1 + s2, (size_t)(end - colon - 1) - s2, &c2, &r2) ||
        (c1 < 0) != (c2 < 0) || (r1 < 0) != (r2 < 0) || c1 < 0)
        return false;
    *cols = (size_t)labs(c2 - c1) + 1;
    *rows = r1 < 0 ? SHEET_ROWS : (size_t)labs(r2 - r1) + 1;
    return true;
}

bool ftc_formula_array_shape(const char *arg, size_t *rows, size_t *cols)
{
    size_t len;

    if (arg[0] == '[') {
        len = ftc_formula_reference_length(arg);
        return len > 0 && arg[len] == '\0' && range_shape(arg, len, rows, cols);
    }
    if (arg[0] != '{' || arg[strlen(arg) - 1] != '}')
        return false;
    *rows = 1;
    *cols = 1;
    for (size_t i = 1; arg[i] != '}'; i++) {
        if (arg[i] == '"') {
            len = ftc_formula_string_length(arg + i);
            if (len == 0)
                return false;
            i += len - 1;
        } else if (arg[i] == '|')
            (*rows)++;
        else if (arg[i] == ';' && *rows == 1)
            (*cols)++;
        else if (arg[i] == '{' || arg[i] == '[' || arg[i] == '(')
            return false;
    }
    return arg[strcspn(arg, "}") + 1] == '\0';
}

/* The end of the call whose '(' is at s[open] (at its ')'), the ';' at its
 * top level in *seps (at most 2 kept, *n_seps counts them all); 0 when it
 * does not close. */
static size_t call_end(const char *s, size_t open, size_t *seps, size_t *n_seps)
{
    int depth = 0;

    *n_seps = 0;
    for (size_t i = open; s[i] != '\0'; i++) {
        if (s[i] == '"') {
            size_t len = ftc_formula_string_length(s + i);

            if (len == 0)
                return 0;
            i += len - 1;
        } else if (s[i] == '(' || s[i] == '{')
            depth++;
        else if ((s[i] == ')' || s[i] == '}') && --depth == 0)
            return i;
        else if (s[i] == ';' && depth == 1 && (*n_seps)++ < 2)
            seps[*n_seps - 1] = i;
    }
    return 0;
}

/* Appends s[0..len) with every MAX(a;b) and MIN(a;b) of two arguments as
 * IF((a)>(b);(a);(b)) and IF((a)<(b);(a);(b)). */
static void pairwise(const char *s, size_t len, GString *out)
{
    for (size_t i = 0; i < len; i++) {
        size_t seps[2], n_seps, end;
        bool max = strncmp(s + i, "MAX(", 4) == 0, min = strncmp(s + i, "MIN(", 4) == 0;
        g_autofree char *call = NULL;

        if (s[i] == '"') { /* a string's text is no call */
            size_t n = ftc_formula_string_length(s + i);

            n = n == 0 || n > len - i ? len - i : n;
            g_string_append_len(out, s + i, (gssize)n);
            i += n - 1;
            continue;
        }
        if ((!max && !min) || (i > 0 && (g_ascii_isalnum(s[i - 1]) || s[i - 1] == '_'))) {
            g_string_append_c(out, s[i]);
            continue;
        }
        call = g_strndup(s + i, len - i);
        end = call_end(call, 3, seps, &n_seps);
        if (end == 0 || n_seps != 1) {
            g_string_append_c(out, s[i]);
            continue;
        }
        g_string_append(out, "IF((");
        pairwise(call + 4, seps[0] - 4, out);
        g_string_append(out, max ? ")>(" : ")<(");
        pairwise(call + seps[0] + 1, end - seps[0] - 1, out);
        g_string_append(out, ");(");
        pairwise(call + 4, seps[0] - 4, out);
        g_string_append(out, ");(");
        pairwise(call + seps[0] + 1, end - seps[0] - 1, out);
        g_string_append(out, "))");
        i += end;
    }
}

char *ftc_formula_elementwise(const char *expansion)
{
    GString *out = g_string_new(NULL);

    pairwise(expansion, strlen(expansion), out);
    return g_string_free(out, FALSE);
}

const char *ftc_formula_aggregate(const char *expansion)
{
    static const char *const names[] = {"SUMPRODUCT", "SUM",     "MAX", "MIN",
                                        "LARGE",      "SMALL",   "AND", "OR",
                                        "COUNT",      "AVERAGE", "ROW", NULL};

    for (const char *c = expansion; *c != '\0'; c++) {
        size_t n = 0;

        if (*c == '"') {
            size_t len = ftc_formula_string_length(c);

            if (len == 0)
                return NULL;
            c += len - 1;
            continue;
        }
        if (c > expansion && (g_ascii_isalnum(c[-1]) || c[-1] == '_' || c[-1] == '.'))
            continue;
        while (g_ascii_isalpha(c[n]))
            n++;
        for (size_t k = 0; n > 0 && names[k] != NULL; k++)
            if (strlen(names[k]) == n && strncmp(c, names[k], n) == 0 && c[n] == '(')
                return names[k];
    }
    return NULL;
}

static bool refuse(ftc_error *err, const char *message)
{
    ftc_fail(err, FTC_ERR_INVALID, -1, "%s", message);
    return false;
}

bool ftc_formula_array_call(const ftc_function *fn, const char *const *args, size_t n_args,
                            bool *elementwise, bool *refused, ftc_error *err)
{
    size_t rows = 1, cols = 1, r, c, n_arrays = 0, unknown = 0;
    bool pair = true, grid = false;
    const char *aggregate;
    g_autofree char *composed = NULL;
    g_autofree char *pattern = NULL;

    for (size_t k = 0; k < n_args && k < fn->n_args; k++) {
        if (fn->args[k].domain == FTC_DOMAIN_TEXT || !ftc_formula_is_array(args[k]))
            continue;
        n_arrays++;
        if (!ftc_formula_array_shape(args[k], &r, &c))
            unknown++;
        else if ((r != 1 && rows != 1 && r != rows) || (c != 1 && cols != 1 && c != cols))
            pair = false;
        else {
            /* arrays of two shapes: one broadcast over the other */
            grid |= (r > 1 || c > 1) && (rows > 1 || cols > 1) && (r != rows || c != cols);
            rows = MAX(rows, r);
            cols = MAX(cols, c);
        }
    }
    if (n_arrays == 0)
        return true;
    if (fn->expansion == NULL)
        return refuse(err, "an argument is a range or an inline array, computed element by "
                           "element, and the function has no built-in equivalent");
    composed = ftc_formula_function_pattern(fn, err);
    if (composed == NULL)
        return false;
    pattern = ftc_formula_elementwise(composed);
    aggregate = ftc_formula_aggregate(pattern);
    if (aggregate != NULL) {
        ftc_fail(err, FTC_ERR_INVALID, -1,
                 "an argument is a range or an inline array, computed element by element, "
                 "which the built-in equivalent of %s cannot be: its %s takes a whole array",
                 fn->name, aggregate);
        return false;
    }
    /* Gnumeric 1.12.55 compares a column with a row as #VALUE! (it adds
     * them as a grid): a grid is written only where nothing compares. */
    if (grid && strpbrk(pattern, "<>=") != NULL) {
        ftc_fail(err, FTC_ERR_INVALID, -1,
                 "a column and a row of values, computed element by element as a grid, "
                 "which the built-in equivalent of %s cannot be in every spreadsheet: it "
                 "compares them",
                 fn->name);
        return false;
    }
    if (unknown > 0 && n_arrays > 1)
        return refuse(err, "two arguments are arrays, computed element by element, and the "
                           "size of one is not written in the formula");
    if (!pair || rows > FTC_GRID_MAX_CELLS / cols)
        *refused = true;
    else
        *elementwise = true;
    return true;
}
