/* ftc-formula.c: OpenFormula text as stored in ODF (`of:=...`), tokenized
 * and rewritten call by call.  Used to replace ftcost calls by built-in
 * formulas in a shared copy of a workbook (`ftcost share`).
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

/* Calc refuses a formula of more than 8192 tokens (FORMULA_MAXTOKENS,
 * Err:512); count_tokens() may count a few more than Calc does (never
 * fewer), hence the margin.  A shared formula is bounded in bytes too,
 * tighter than MAX_OUTPUT, which bounds the work a hostile formula costs
 * (tokens average a few bytes: 32 each is far more than these formulas
 * take). */
#define MAX_CALC_TOKENS 8000
#define MAX_SHARED (MAX_CALC_TOKENS * 32)

/* Length of the string literal at s (s[0] == '"'); 0 when unterminated. */
static size_t string_length(const char *s)
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
static size_t reference_length(const char *s)
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
    if (rw->err != NULL) {
        rw->err->arg = -1;
        g_strlcpy(rw->err->message, message, sizeof rw->err->message);
    }
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
            n = string_length(s + i);
            break;
        case '[':
            n = reference_length(s + i);
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
static bool rewrite_call(rewriter *rw, const char *s, size_t len, size_t open,
                         const void *call, size_t *consumed, GString *out)
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
    if (!rw->expand(call, (const char *const *)args->pdata, args->len, out, rw->err,
                    rw->data))
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
            n = s[i] == '"' ? string_length(s + i) : reference_length(s + i);
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

static char *rewrite_bounded(const char *formula, ftc_formula_lookup_fn lookup,
                             ftc_formula_expand_fn expand, void *data, size_t max_out,
                             ftc_error *err)
{
    rewriter rw = {.lookup = lookup, .expand = expand, .data = data, .err = err,
                   .max_out = max_out};
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
    return rewrite_bounded(formula, lookup, expand, data, MAX_OUTPUT, err);
}

bool ftc_formula_substitute(const char *pattern, const char *const *args, size_t n_args,
                            GString *out, ftc_error *err)
{
    /* $1..$9 stand for the arguments, each in parentheses; $$ is a $. */
    for (const char *p = pattern; *p != '\0'; p++) {
        if (p[0] == '$' && p[1] == '$') {
            g_string_append_c(out, '$');
            p++;
        } else if (p[0] == '$' && p[1] >= '1' && p[1] <= '9') {
            size_t k = (size_t)(p[1] - '1');

            if (k >= n_args || args[k] == NULL || args[k][0] == '\0') {
                if (err != NULL) {
                    err->arg = (int)k;
                    g_snprintf(err->message, sizeof err->message,
                               "argument %zu is missing and has no default", k + 1);
                }
                return false;
            }
            g_string_append_printf(out, "(%s)", args[k]);
            p++;
        } else
            g_string_append_c(out, *p);
    }
    return true;
}

/* A default as formula text: the shortest form that reads back the same. */
static char *number_text(double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    for (int digits = 15; digits <= 17; digits++) {
        g_ascii_formatd(buf, sizeof buf, digits == 15 ? "%.15g" : "%.17g", v);
        if (g_ascii_strtod(buf, NULL) == v)
            break;
    }
    return g_strdup(buf);
}

static char *plain_reference(const char *arg);

/* The conditions an argument's domain puts on x (already parenthesised). */
static void domain_guard(ftc_domain domain, const char *x, char sep, GString *g)
{
    /* One number, or an empty cell (0, as the add-in gets it from Calc):
     * ROWS*COLUMNS stops a range of several cells, which implicit
     * intersection would otherwise reduce to one of them (on references
     * only: ROWS(2) is Err:504 in Calc). */
    g_string_append_printf(g, "%cIF(ISREF(%s)%cROWS(%s)*COLUMNS(%s)%c1)=1%c"
                              "OR(ISNUMBER(%s)%cISBLANK(%s))",
                           sep, x, sep, x, x, sep, sep, x, sep, x);
    switch (domain) {
    case FTC_DOMAIN_NON_NEGATIVE:
        g_string_append_printf(g, "%c%s>=0", sep, x);
        break;
    case FTC_DOMAIN_POSITIVE:
        g_string_append_printf(g, "%c%s>0", sep, x);
        break;
    case FTC_DOMAIN_FRACTION:
        g_string_append_printf(g, "%c%s>=0%c%s<=1", sep, x, sep, x);
        break;
    case FTC_DOMAIN_FRACTION_BELOW_1:
        g_string_append_printf(g, "%c%s>=0%c%s<1", sep, x, sep, x);
        break;
    case FTC_DOMAIN_FRACTION_ABOVE_0:
        g_string_append_printf(g, "%c%s>0%c%s<=1", sep, x, sep, x);
        break;
    case FTC_DOMAIN_ABOVE_MINUS_1:
        g_string_append_printf(g, "%c%s>-1", sep, x);
        break;
    case FTC_DOMAIN_AT_LEAST_1:
        g_string_append_printf(g, "%c%s>=1", sep, x);
        break;
    case FTC_DOMAIN_WHOLE_MONTHS:
        g_string_append_printf(g, "%c%s=INT(%s)%c%s>=1%c%s<=%d", sep, x, x, sep, x, sep,
                               x, FTC_MAX_MONTHS);
        break;
    case FTC_DOMAIN_TEXT:
    case FTC_DOMAIN_LAST:
        break;
    }
}

/* A choice argument: one text, one of the words in any case (LOWER: Calc
 * compares text case-sensitively when the document says so). */
static void choice_guard(const char *const *choices, const char *x, char sep, GString *g)
{
    g_string_append_printf(g, "%cIF(ISREF(%s)%cROWS(%s)*COLUMNS(%s)%c1)=1%cISTEXT(%s)%cOR(",
                           sep, x, sep, x, x, sep, sep, x, sep);
    for (size_t i = 0; choices[i] != NULL; i++) {
        if (i > 0)
            g_string_append_c(g, sep);
        g_string_append_printf(g, "LOWER(%s)=\"%s\"", x, choices[i]);
    }
    g_string_append_c(g, ')');
}

static bool expand_fail(ftc_error *err, int arg, const char *message)
{
    if (err != NULL) {
        err->arg = arg;
        g_strlcpy(err->message, message, sizeof err->message);
    }
    return false;
}

bool ftc_formula_expand_function(const ftc_function *fn, const char *const *args,
                                 size_t n_args, char sep, GString *out, ftc_error *err)
{
    g_autoptr(GPtrArray) filled = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GString) guard = g_string_new(NULL);
    g_autoptr(GString) body = g_string_new(NULL);

    if (fn == NULL || fn->expansion == NULL)
        return expand_fail(err, -1, "no built-in equivalent");
    if (n_args > fn->n_args || n_args < ftc_function_required_args(fn))
        return expand_fail(err, -1, "wrong number of arguments");
    for (size_t k = 0; k < fn->n_args; k++) {
        const ftc_arg_info *info = &fn->args[k];
        bool given = k < n_args && args[k] != NULL && args[k][0] != '\0';

        if (info->domain == FTC_DOMAIN_TEXT && info->choices == NULL)
            return expand_fail(err, (int)k, "text argument: no built-in equivalent");
        if (given && info->choices != NULL) {
            g_autofree char *x = g_strdup_printf("(%s)", args[k]);

            choice_guard(info->choices, x, sep, guard);
            g_ptr_array_add(filled, g_strdup(args[k]));
        } else if (given) {
            g_autofree char *value = NULL;
            g_autofree char *x = NULL;

            if (args[k][0] == '"')
                return expand_fail(err, (int)k, "text given for a number");
            value = plain_reference(args[k]);
            x = g_strdup_printf("(%s)", value);
            domain_guard(info->domain, x, sep, guard);
            g_ptr_array_add(filled, g_steal_pointer(&value));
        } else if (!info->optional)
            return expand_fail(err, (int)k, "a required argument is empty");
        else if (info->default_arg >= 0)
            g_ptr_array_add(filled, NULL); /* filled below, once its source is */
        else if (info->choices != NULL)
            g_ptr_array_add(filled, g_strdup_printf("\"%s\"", info->default_text));
        else
            g_ptr_array_add(filled, number_text(info->default_value));
    }
    for (size_t k = 0; k < fn->n_args; k++)
        if (filled->pdata[k] == NULL)
            filled->pdata[k] = g_strdup(filled->pdata[fn->args[k].default_arg]);
    /* The patterns use ';'; another grammar's separator outside strings,
     * before the arguments (in that grammar already) go in. */
    g_autofree char *pattern = g_strdup(fn->expansion);
    if (sep != ';') {
        bool in_string = false;

        for (char *p = pattern; *p != '\0'; p++) {
            if (*p == '"')
                in_string = !in_string;
            else if (!in_string && *p == ';')
                *p = sep;
        }
    }
    if (!ftc_formula_substitute(pattern, (const char *const *)filled->pdata, filled->len,
                                body, err))
        return false;
    if (guard->len == 0) {
        g_string_append_len(out, body->str, (gssize)body->len);
        return true;
    }
    g_string_append_printf(out, "IF(AND(%s)%c%s%cNA())", guard->str + 1, sep, body->str, sep);
    return true;
}

static const void *share_lookup(const char *name, void *data)
{
    size_t n = strlen(FTC_FORMULA_ADDIN_PREFIX);

    (void)data;
    if (g_ascii_strncasecmp(name, FTC_FORMULA_ADDIN_PREFIX, n) != 0)
        return NULL;
    /* An unknown ORG.FTCOST.FUNCTIONS name: claimed, so that it fails. */
    const ftc_function *fn = ftc_function_find(name + n);
    return fn != NULL ? (const void *)fn : (const void *)share_lookup;
}

typedef struct {
    char sep;
    GString *notes;
} share_data;

/* The text of a string literal ("a""b" -> a"b), or NULL when arg is not one. */
static char *literal_text(const char *arg)
{
    size_t len = strlen(arg);
    GString *s;

    if (len < 2 || arg[0] != '"' || arg[len - 1] != '"' || string_length(arg) != len)
        return NULL;
    s = g_string_new(NULL);
    for (size_t i = 1; i + 1 < len; i++) {
        g_string_append_c(s, arg[i]);
        if (arg[i] == '"')
            i++;
    }
    return g_string_free(s, FALSE);
}

/* One line for a frozen call: "price of gpt-4o as of 2026-03-01 (ftcost
 * API_PRICE, frozen)"; the date from the catalogue's dated_by function. */
static void note_frozen(const ftc_function *fn, const ftc_value *values, size_t n_args,
                        const char *const *texts, GString *notes)
{
    const ftc_function *date_fn = fn->dated_by != NULL ? ftc_function_find(fn->dated_by) : NULL;
    g_autoptr(GString) subject = g_string_new(NULL);
    size_t n_subject = date_fn != NULL ? MIN(n_args, date_fn->n_args) : n_args;
    char day[40] = "";

    for (size_t k = 0; k < n_subject; k++)
        if (texts[k] != NULL)
            g_string_append_printf(subject, "%s%s", subject->len == 0 ? ""
                                                    : date_fn != NULL ? " at " : ", ",
                                   texts[k]);
    if (subject->len == 0)
        return;
    if (date_fn != NULL) {
        ftc_result date = {0};
        ftc_error call_err;
        char iso[FTC_DATE_TEXT_MAX];
        bool known = ftc_call(date_fn, values, n_subject, &date, &call_err) == FTC_OK &&
                     ftc_date_format((int)date.number, iso);

        g_snprintf(day, sizeof day, " as of %s", known ? iso : "an unknown date");
    }
    g_string_append_printf(notes, "%s%s of %s%s (ftcost %s, frozen)",
                           notes->len > 0 ? "\n" : "",
                           fn == date_fn ? "price date" : date_fn != NULL ? "price" : "value",
                           subject->str, day, fn->name);
}

/* A call with no built-in equivalent on literal arguments: its value now. */
static bool freeze_call(const ftc_function *fn, const char *const *args, size_t n_args,
                        share_data *sd, GString *out, ftc_error *err)
{
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func(g_free);
    ftc_value values[8];
    ftc_result result = {0};
    ftc_error call_err;
    char number[G_ASCII_DTOSTR_BUF_SIZE];

    if (n_args > G_N_ELEMENTS(values))
        return expand_fail(err, -1, "too many arguments");
    for (size_t k = 0; k < n_args; k++) {
        char *text = args[k][0] == '\0' ? NULL : literal_text(args[k]);

        if (args[k][0] != '\0' && text == NULL)
        {
            if (err != NULL) {
                err->arg = (int)k;
                g_snprintf(err->message, sizeof err->message,
                           "%s on a reference has no built-in equivalent", fn->name);
            }
            return false;
        }
        g_ptr_array_add(texts, text);
        values[k] = text == NULL ? (ftc_value){.kind = FTC_VALUE_MISSING}
                                 : (ftc_value){.kind = FTC_VALUE_TEXT, .text = text};
    }
    if (ftc_call(fn, values, n_args, &result, &call_err) != FTC_OK ||
        result.type != FTC_TYPE_NUMBER) {
        ftc_result_clear(&result);
        g_string_append(out, "NA()");
        return true;
    }
    g_string_append(out, g_ascii_formatd(number, sizeof number, "%.17g", result.number));
    if (sd->notes != NULL)
        note_frozen(fn, values, n_args, (const char *const *)texts->pdata, sd->notes);
    ftc_result_clear(&result);
    return true;
}

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
static int range_cells(const char *s, size_t len, const char **colon)
{
    const char *ref = s + 1, *end = s + len - 1;
    const char *c = memchr(ref, ':', (size_t)(end - ref));
    const char *a, *b = c + 1;

    if (c == NULL)
        return -1;
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
        strpbrk_len(a, (size_t)(c - a), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ==
            NULL)
        return 0;
    return 1;
}

/* An argument that is just a one-cell range ([.J5:.J5]) as that cell
 * ([.J5]): inside SUMPRODUCT (the sequences of API_TCO, RAG_TCO, ...) Calc
 * takes a range as an array, and "1:"&[.J5:.J5] is then no row number. */
static char *plain_reference(const char *arg)
{
    size_t len = arg[0] == '[' ? reference_length(arg) : 0;
    const char *colon;

    if (len == 0 || arg[len] != '\0' || range_cells(arg, len, &colon) != 1)
        return g_strdup(arg);
    return g_strdup_printf("%.*s]", (int)(colon - arg), arg);
}

/* Does an argument (as written) hold an array: an inline array, or a
 * reference to more than one cell?  Outside strings, anywhere in it
 * (ROW([.A1:.A60]) too).  A named range is not seen: the expansion's guard
 * makes it #N/A, never a wrong number. */
static bool is_array_argument(const char *arg)
{
    for (size_t i = 0; arg[i] != '\0'; i++) {
        size_t len;
        const char *colon;

        if (arg[i] == '{')
            return true;
        if (arg[i] == '"') {
            len = string_length(arg + i);
            if (len == 0)
                return false;
            i += len - 1;
        } else if (arg[i] == '[') {
            len = reference_length(arg + i);
            if (len == 0)
                return false;
            if (range_cells(arg + i, len, &colon) == 0)
                return true;
            i += len - 1;
        }
    }
    return false;
}

static bool share_expand(const void *call, const char *const *args, size_t n_args,
                         GString *out, ftc_error *err, void *data)
{
    share_data *sd = data;
    const ftc_function *fn = call;

    if (call == (const void *)share_lookup)
        return expand_fail(err, -1, "unknown add-in function");
    /* Element by element ("Array arguments"): kept as values for now. */
    for (size_t k = 0; fn->result == FTC_TYPE_NUMBER && k < n_args; k++)
        if (is_array_argument(args[k]))
            return expand_fail(err, (int)k,
                               "an argument is a range or an inline array, computed "
                               "element by element");
    if (fn->expansion == NULL)
        return freeze_call(fn, args, n_args, sd, out, err);
    return ftc_formula_expand_function(fn, args, n_args, sd->sep, out, err);
}

/* Tokens of a formula as Calc's compiler makes them, or a few more: names
 * (and numbers, 1.5E+3 included), strings, references, runs of spaces, the
 * two-character comparisons; every other character one. */
static size_t count_tokens(const char *s)
{
    size_t n = 0;

    for (size_t i = 0; s[i] != '\0'; n++) {
        size_t k = 1;

        if (s[i] == '"' || s[i] == '[') {
            k = s[i] == '"' ? string_length(s + i) : reference_length(s + i);
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

char *ftc_formula_share(const char *formula, char sep, GString *notes, ftc_error *err)
{
    share_data sd = {.sep = sep, .notes = notes};
    char *shared = rewrite_bounded(formula, share_lookup, share_expand, &sd, MAX_SHARED, err);
    size_t tokens;

    /* What Calc would refuse (Err:512 in every copy) is refused here: the
     * caller freezes the cell to its value instead. */
    if (shared != NULL && strcmp(shared, formula) != 0 &&
        (tokens = count_tokens(shared)) > MAX_CALC_TOKENS) {
        if (err != NULL) {
            err->arg = -1;
            g_snprintf(err->message, sizeof err->message,
                       "its built-in equivalent is too long for Calc (%zu tokens, at most %d)",
                       tokens, MAX_CALC_TOKENS);
        }
        g_free(shared);
        return NULL;
    }
    return shared;
}

static const void *detect_lookup(const char *name, void *data)
{
    if (g_ascii_strncasecmp(name, FTC_FORMULA_ADDIN_PREFIX,
                            strlen(FTC_FORMULA_ADDIN_PREFIX)) == 0)
        *(bool *)data = true;
    return NULL;
}

static bool detect_expand(const void *call, const char *const *args, size_t n_args,
                          GString *out, ftc_error *err, void *data)
{
    (void)call, (void)args, (void)n_args, (void)out, (void)err, (void)data;
    return false;
}

bool ftc_formula_calls_addin(const char *formula)
{
    bool found = false;
    g_autofree char *copy = NULL;

    if (formula == NULL)
        return false;
    copy = ftc_formula_rewrite(formula, detect_lookup, detect_expand, &found, NULL);
    /* Malformed text: a plain search, so that nothing slips through. */
    if (copy == NULL) {
        g_autofree char *up = g_ascii_strup(formula, -1);
        return strstr(up, FTC_FORMULA_ADDIN_PREFIX) != NULL;
    }
    return found;
}
