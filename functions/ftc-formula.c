/* ftc-formula.c: OpenFormula text as stored in ODF (`of:=...`), tokenized
 * and rewritten call by call: a generic rewriter that knows nothing of the
 * add-in (ftc-share-rules.c says what replaces its calls).
 *
 * The grammar that matters for finding calls and their arguments:
 *   "text ""quoted"" text"          strings, "" escapes a quote
 *   [.A1] [$'My ]sheet'.$A$1:.B2]   references, sheet names quoted with '
 *                                   ('' escapes a quote, ] allowed inside)
 *   {1;2|3;4}                       inline arrays (; and | are not argument
 *                                   separators there)
 *   NAME(arg;arg;...)               calls, nested to any depth; Calc also
 *   NAME  (arg;...)                 reads a call with spaces before the '('
 * Everything else (numbers, operators, names, error literals, spaces) is
 * copied through unchanged.
 */
#include "ftc-formula.h"
#include "ftcost-private.h"

#include <glib.h>
#include <string.h>

/* Bounds what a hostile file can make us do: nesting, formula size, and
 * the size of what it is rewritten to (each nesting level copies an
 * argument several times: growth is exponential in the depth, so the
 * rewritten text, and the arguments of one call together, are bounded as
 * they are built). */
#define MAX_DEPTH 64
#define MAX_FORMULA (1u << 20)
#define MAX_OUTPUT MAX_FORMULA
/* A pattern that names another ({{FT_TCO(...)}}) names no more than this
 * deep: a loop of names fails. */
#define MAX_COMPOSE_DEPTH 8

/* Length of the string literal at s (s[0] == '"'); 0 when unterminated. */
size_t ftc_formula_string_length(const char *s)
{
    for (size_t i = 1; s[i] != '\0'; i++) {
        if (s[i] != '"')
            continue;
        if (s[i + 1] == '"') {
            i++;
            continue;
        }
        return i + 1;
    }
    return 0;
}

/* Length of the reference at s (s[0] == '['); 0 when unterminated. */
size_t ftc_formula_reference_length(const char *s)
{
    bool quoted = false;

    for (size_t i = 1; s[i] != '\0'; i++) {
        if (s[i] == '\'') {
            if (quoted && s[i + 1] == '\'')
                i++;
            else
                quoted = !quoted;
        } else if (s[i] == ']' && !quoted)
            return i + 1;
    }
    return 0;
}

static bool is_name_char(char c)
{
    return g_ascii_isalnum(c) || c == '_' || c == '.' || (unsigned char)c >= 0x80;
}

/* Spaces Calc skips between a function name and its '(' (not tabs or line
 * breaks: those make the name unknown). */
static size_t spaces_length(const char *s, size_t len)
{
    size_t n = 0;

    while (n < len && s[n] == ' ')
        n++;
    return n;
}

typedef struct {
    ftc_formula_lookup_fn lookup;
    ftc_formula_expand_fn expand;
    void *data;
    ftc_error *err;
    int depth;
    size_t max_out;
} rewriter;

static bool rewrite_span(rewriter *rw, const char *s, size_t len, GString *out);

static bool fail(rewriter *rw, const char *message)
{
    ftc_fail(rw->err, FTC_ERR_INVALID, -1, "%s", message);
    return false;
}

/* s[0] == '(' : the offset of its matching ')', or 0 when unbalanced.
 * Top-level argument separators go to seps (offsets). */
static size_t match_paren(const char *s, size_t len, GArray *seps)
{
    int depth = 0, braces = 0;

    for (size_t i = 0; i < len; i++) {
        size_t n = 0;

        switch (s[i]) {
        case '"':
            n = ftc_formula_string_length(s + i);
            break;
        case '[':
            n = ftc_formula_reference_length(s + i);
            break;
        case '(':
            depth++;
            continue;
        case ')':
            if (--depth == 0)
                return i;
            continue;
        case '{':
            braces++;
            continue;
        case '}':
            braces--;
            continue;
        case ';':
            if (depth == 1 && braces == 0 && seps != NULL)
                g_array_append_val(seps, i);
            continue;
        default:
            continue;
        }
        if (n == 0 || i + n > len)
            return 0;
        i += n - 1;
    }
    return 0;
}

/* One call: '(' at s[open] (the name before it). */
static bool rewrite_call(rewriter *rw, const char *s, size_t len, size_t open, const void *call,
                         size_t *consumed, GString *out)
{
    g_autoptr(GArray) seps = g_array_new(FALSE, FALSE, sizeof(size_t));
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func(g_free);
    size_t close = match_paren(s + open, len - open, seps);
    size_t start = open + 1, total = 0;

    if (close == 0)
        return fail(rw, "unbalanced parentheses");
    close += open;
    /* Each argument rewritten on its own: calls nest. */
    for (guint k = 0; k <= seps->len; k++) {
        size_t end = k < seps->len ? open + g_array_index(seps, size_t, k) : close;
        GString *arg = g_string_new(NULL);

        if (!rewrite_span(rw, s + start, end - start, arg)) {
            g_string_free(arg, TRUE);
            return false;
        }
        total += arg->len;
        g_ptr_array_add(args, g_strstrip(g_string_free(arg, FALSE)));
        if (total > rw->max_out)
            return fail(rw, "formula too long once rewritten");
        start = end + 1;
    }
    if (args->len == 1 && ((char *)args->pdata[0])[0] == '\0')
        g_ptr_array_set_size(args, 0); /* NAME() has no argument */
    if (!rw->expand(call, (const char *const *)args->pdata, args->len, out, rw->err, rw->data))
        return false;
    *consumed = close + 1;
    return true;
}

static bool rewrite_span(rewriter *rw, const char *s, size_t len, GString *out)
{
    if (++rw->depth > MAX_DEPTH) {
        rw->depth--;
        return fail(rw, "formula nested too deeply");
    }
    for (size_t i = 0; i < len;) {
        size_t n = 1;

        if (s[i] == '"' || s[i] == '[') {
            n = s[i] == '"' ? ftc_formula_string_length(s + i)
                            : ftc_formula_reference_length(s + i);
            if (n == 0 || i + n > len) {
                rw->depth--;
                return fail(rw, s[i] == '"' ? "unterminated string" : "unterminated reference");
            }
        } else if (is_name_char(s[i]) && (i == 0 || !is_name_char(s[i - 1]))) {
            size_t name_len = 0, open;

            while (i + name_len < len && is_name_char(s[i + name_len]))
                name_len++;
            open = name_len + spaces_length(s + i + name_len, len - i - name_len);
            if (i + open < len && s[i + open] == '(') {
                g_autofree char *name = g_strndup(s + i, name_len);
                const void *call = rw->lookup(name, rw->data);

                if (call != NULL) {
                    /* "X FT_Y(...)": an operand, spaces, a call: no formula
                     * Calc accepts, and once rewritten "X (" would read as
                     * a call of X (found by fuzz-formula) */
                    size_t k = out->len;

                    while (k > 0 && out->str[k - 1] == ' ')
                        k--;
                    if (k < out->len && k > 0 && is_name_char(out->str[k - 1])) {
                        rw->depth--;
                        return fail(rw, "a name before a function call with no operator "
                                        "between them");
                    }
                    if (!rewrite_call(rw, s + i, len - i, open, call, &n, out)) {
                        rw->depth--;
                        return false;
                    }
                    i += n;
                    if (out->len > rw->max_out) {
                        rw->depth--;
                        return fail(rw, "formula too long once rewritten");
                    }
                    continue;
                }
            }
            n = name_len;
        }
        g_string_append_len(out, s + i, (gssize)n);
        i += n;
    }
    rw->depth--;
    return true;
}

char *ftc_formula_rewrite_bounded(const char *formula, ftc_formula_lookup_fn lookup,
                                  ftc_formula_expand_fn expand, void *data, size_t max_out,
                                  ftc_error *err)
{
    rewriter rw = {
        .lookup = lookup, .expand = expand, .data = data, .err = err, .max_out = max_out};
    size_t len;
    GString *out;

    if (formula == NULL || lookup == NULL || expand == NULL) {
        fail(&rw, "no formula");
        return NULL;
    }
    len = strlen(formula);
    if (len > MAX_FORMULA) {
        fail(&rw, "formula too long");
        return NULL;
    }
    out = g_string_sized_new(len + 16);
    if (!rewrite_span(&rw, formula, len, out)) {
        g_string_free(out, TRUE);
        return NULL;
    }
    if (out->len > max_out) {
        g_string_free(out, TRUE);
        fail(&rw, "formula too long once rewritten");
        return NULL;
    }
    return g_string_free(out, FALSE);
}

char *ftc_formula_rewrite(const char *formula, ftc_formula_lookup_fn lookup,
                          ftc_formula_expand_fn expand, void *data, ftc_error *err)
{
    return ftc_formula_rewrite_bounded(formula, lookup, expand, data, MAX_OUTPUT, err);
}

size_t ftc_formula_placeholder(const char *p, const char **name, size_t *name_len)
{
    const char *close;

    if (p[0] != '{' || p[1] != '{' || (close = strstr(p + 2, "}}")) == NULL)
        return 0;
    *name = p + 2;
    *name_len = (size_t)(close - *name);
    return *name_len + 4;
}

/* The length of what is copied as it is at p: a string literal, or one
 * character (an unterminated string: the rest). */
static size_t verbatim_length(const char *p)
{
    size_t n = p[0] == '"' ? ftc_formula_string_length(p) : 1;

    return n != 0 ? n : strlen(p);
}

/* "FT_TCO(...)": a placeholder that names another pattern; its name's
 * length, or 0. */
static size_t composed_name_length(const char *name, size_t len)
{
    return len > 5 && memcmp(name + len - 5, "(...)", 5) == 0 ? len - 5 : 0;
}

static bool compose(const char *pattern, ftc_formula_pattern_fn lookup, void *data, int depth,
                    GString *out, ftc_error *err)
{
    for (const char *p = pattern; *p != '\0';) {
        const char *name;
        size_t name_len, n = ftc_formula_placeholder(p, &name, &name_len);
        size_t fn_len = n != 0 ? composed_name_length(name, name_len) : 0;

        if (fn_len != 0) {
            g_autofree char *fn_name = g_strndup(name, fn_len);
            const char *inner = lookup(fn_name, data);

            if (inner == NULL || depth >= MAX_COMPOSE_DEPTH) {
                ftc_fail(err, FTC_ERR_INVALID, -1,
                         inner == NULL ? "{{%s(...)}}: no such pattern"
                                       : "{{%s(...)}}: patterns compose in a loop",
                         fn_name);
                return false;
            }
            if (!compose(inner, lookup, data, depth + 1, out, err))
                return false;
        } else {
            n = n != 0 ? n : verbatim_length(p);
            g_string_append_len(out, p, (gssize)n);
        }
        p += n;
    }
    return true;
}

char *ftc_formula_compose(const char *pattern, ftc_formula_pattern_fn lookup, void *data,
                          ftc_error *err)
{
    GString *out = g_string_new(NULL);

    if (!compose(pattern, lookup, data, 0, out, err)) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

bool ftc_formula_substitute(const char *pattern, const char *const *names,
                            const char *const *args, size_t n_args, GString *out,
                            ftc_error *err)
{
    /* {{Name}} stands for the argument of that name, in parentheses;
     * strings are copied as they are. */
    for (const char *p = pattern; *p != '\0';) {
        const char *name;
        size_t name_len, k = 0, n = ftc_formula_placeholder(p, &name, &name_len);

        if (n == 0) {
            n = verbatim_length(p);
            g_string_append_len(out, p, (gssize)n);
            p += n;
            continue;
        }
        while (k < n_args &&
               (strlen(names[k]) != name_len || strncmp(names[k], name, name_len) != 0))
            k++;
        if (k == n_args) {
            ftc_fail(err, FTC_ERR_INVALID, -1, "the pattern names no argument: {{%.*s}}",
                     (int)name_len, name);
            return false;
        }
        if (args[k] == NULL || args[k][0] == '\0') {
            ftc_fail(err, FTC_ERR_INVALID, (int)k, "argument %zu is missing and has no default",
                     k + 1);
            return false;
        }
        g_string_append_printf(out, "(%s)", args[k]);
        p += n;
    }
    return true;
}

/* Tokens of a formula as Calc's compiler makes them, or a few more: names
 * (and numbers, 1.5E+3 included), strings, references, runs of spaces, the
 * two-character comparisons; every other character one. */
size_t ftc_formula_count_tokens(const char *s)
{
    size_t n = 0;

    for (size_t i = 0; s[i] != '\0'; n++) {
        size_t k = 1;

        if (s[i] == '"' || s[i] == '[') {
            k = s[i] == '"' ? ftc_formula_string_length(s + i)
                            : ftc_formula_reference_length(s + i);
            if (k == 0)
                k = strlen(s + i);
        } else if (is_name_char(s[i])) {
            for (k = 0; is_name_char(s[i + k]); k++)
                if (g_ascii_isdigit(s[i]) && (s[i + k] == 'E' || s[i + k] == 'e') &&
                    (s[i + k + 1] == '+' || s[i + k + 1] == '-'))
                    k++;
        } else if (s[i] == ' ') {
            k = spaces_length(s + i, strlen(s + i));
        } else if ((s[i] == '<' && (s[i + 1] == '=' || s[i + 1] == '>')) ||
                   (s[i] == '>' && s[i + 1] == '=')) {
            k = 2;
        }
        i += k;
    }
    return n;
}
