/* ftc-share-rules.c: what `ftcost share` puts in place of a call of the
 * add-in: the catalogue's expansion, guarded on the argument domains; a
 * call without one frozen to its value (with a dated note); nothing Calc
 * would refuse to compile.  The formula text itself is read and rewritten
 * by ftc-formula.c. */
#include "ftc-formula.h"
#include "ftcost-private.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>

/* Calc refuses a formula of more than 8192 tokens (FORMULA_MAXTOKENS,
 * Err:512); ftc_formula_count_tokens() may count a few more than Calc does
 * (never fewer), hence the margin.  A shared formula is bounded in bytes
 * too, tighter than the rewriter's own bound, which bounds the work a
 * hostile formula costs (tokens average a few bytes: 32 each is far more
 * than these formulas take). */
#define MAX_CALC_TOKENS 8000
#define MAX_SHARED (MAX_CALC_TOKENS * 32)

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

/* "200", "0.5", "-1", "1E9" as written in a formula: a plain decimal number
 * (not "inf", "0x1p3" or an expression). */
static bool number_literal(const char *text, double *value)
{
    char *end;

    if (text[0] == '\0' || strspn(text, "0123456789.eE+-") != strlen(text))
        return false;
    *value = g_ascii_strtod(text, &end);
    return *end == '\0' && end != text;
}

/* An argument that is just a one-cell range ([.J5:.J5]) as that cell
 * ([.J5]): inside SUMPRODUCT (the sequences of API_TCO, RAG_TCO, ...) Calc
 * takes a range as an array, and "1:"&[.J5:.J5] is then no row number. */
static char *plain_reference(const char *arg)
{
    size_t len = arg[0] == '[' ? ftc_formula_reference_length(arg) : 0;
    const char *colon;

    if (len == 0 || arg[len] != '\0' || ftc_formula_range_cells(arg, len, &colon) != 1)
        return g_strdup(arg);
    return g_strdup_printf("%.*s]", (int)(colon - arg), arg);
}

/* Is the argument (as written) one cell's reference ([.A1], [$S.$B$2],
 * [$'x:y'.B2]): no ':' outside a quoted sheet name? */
static bool single_cell(const char *arg)
{
    size_t len = arg[0] == '[' ? ftc_formula_reference_length(arg) : 0;
    bool quoted = false;

    if (len == 0 || arg[len] != '\0')
        return false;
    for (size_t i = 1; i + 1 < len; i++) {
        if (arg[i] == '\'')
            quoted = !quoted;
        else if (arg[i] == ':' && !quoted)
            return false;
    }
    return true;
}

/* ROWS*COLUMNS stops a range of several cells, which implicit intersection
 * would otherwise reduce to one of them (on references only: ROWS(2) is
 * Err:504 in Calc); one cell's reference needs no such check. */
static void size_guard(const char *x, bool one_cell, char sep, GString *g)
{
    if (!one_cell)
        g_string_append_printf(g, "%cIF(ISREF(%s)%cROWS(%s)*COLUMNS(%s)%c1)=1", sep, x, sep, x,
                               x, sep);
}

/* One condition of a guard: after `sep` in AND(...), or as a factor
 * "*(cond)" of an element-wise guard (AND() would take a whole array). */
G_GNUC_PRINTF(4, 5)
static void condition(GString *g, char sep, bool product, const char *fmt, ...)
{
    va_list ap;

    /* not a compound literal inside g_string_append: GLib 2.76+ makes it
     * a macro, and the literal's comma would split its arguments */
    if (product)
        g_string_append(g, "*(");
    else
        g_string_append_c(g, sep);
    va_start(ap, fmt);
    g_string_append_vprintf(g, fmt, ap);
    va_end(ap);
    if (product)
        g_string_append_c(g, ')');
}

/* The conditions an argument's domain puts on x (already parenthesised):
 * ";cond;cond" for AND(), or, with `product`, "*(cond)*(cond)" for an
 * element-wise guard. */
static void domain_conditions(ftc_domain domain, const char *x, char sep, bool product,
                              GString *g)
{
    switch (domain) {
    case FTC_DOMAIN_NON_NEGATIVE:
        condition(g, sep, product, "%s>=0", x);
        break;
    case FTC_DOMAIN_POSITIVE:
        condition(g, sep, product, "%s>0", x);
        break;
    case FTC_DOMAIN_FRACTION:
        condition(g, sep, product, "%s>=0", x);
        condition(g, sep, product, "%s<=1", x);
        break;
    case FTC_DOMAIN_FRACTION_BELOW_1:
        condition(g, sep, product, "%s>=0", x);
        condition(g, sep, product, "%s<1", x);
        break;
    case FTC_DOMAIN_FRACTION_ABOVE_0:
        condition(g, sep, product, "%s>0", x);
        condition(g, sep, product, "%s<=1", x);
        break;
    case FTC_DOMAIN_ABOVE_MINUS_1:
        condition(g, sep, product, "%s>-1", x);
        break;
    case FTC_DOMAIN_AT_LEAST_1:
        condition(g, sep, product, "%s>=1", x);
        break;
    case FTC_DOMAIN_WHOLE_MONTHS:
        condition(g, sep, product, "%s=INT(%s)", x, x);
        condition(g, sep, product, "%s>=1", x);
        condition(g, sep, product, "%s<=%d", x, FTC_MAX_MONTHS);
        break;
    case FTC_DOMAIN_WHOLE_NON_NEGATIVE:
        condition(g, sep, product, "%s=INT(%s)", x, x);
        condition(g, sep, product, "%s>=0", x);
        break;
    case FTC_DOMAIN_TEXT:
    case FTC_DOMAIN_LAST:
        break;
    }
}

/* The conditions on one value x: one number, or an empty cell (0, as the
 * add-in gets it from Calc). */
static void domain_guard(ftc_domain domain, const char *x, bool one_cell, char sep, GString *g)
{
    size_guard(x, one_cell, sep, g);
    g_string_append_printf(g, "%cOR(ISNUMBER(%s)%cISBLANK(%s))", sep, x, sep, x);
    domain_conditions(domain, x, sep, false, g);
}

/* The element-wise guard of an array x, a factor "*(...)": each element a
 * number in the domain; an empty cell, which the add-in takes as left out,
 * too when the argument has a default (`blank_ok`), as an empty cell of
 * the range is then replaced by.  Text is 0*(cond), an error stays one. */
static void element_guard(ftc_domain domain, const char *x, bool blank_ok, GString *g)
{
    g_string_append(g, "*(");
    if (blank_ok)
        g_string_append_printf(g, "ISBLANK(%s)+", x);
    g_string_append_printf(g, "ISNUMBER(%s)", x);
    domain_conditions(domain, x, ';', true, g);
    g_string_append_c(g, ')');
}

/* A choice argument: one text, one of the words in any case (LOWER: Calc
 * compares text case-sensitively when the document says so). */
static void choice_guard(const char *const *choices, const char *x, bool one_cell, char sep,
                         GString *g)
{
    size_guard(x, one_cell, sep, g);
    g_string_append_printf(g, "%cISTEXT(%s)%cOR(", sep, x, sep);
    for (size_t i = 0; choices[i] != NULL; i++) {
        if (i > 0)
            g_string_append_c(g, sep);
        g_string_append_printf(g, "LOWER(%s)=\"%s\"", x, choices[i]);
    }
    g_string_append_c(g, ')');
}

static bool expand_fail(ftc_error *err, int arg, const char *message)
{
    ftc_fail(err, FTC_ERR_INVALID, arg, "%s", message);
    return false;
}

bool ftc_formula_expand_function(const ftc_function *fn, const char *const *args, size_t n_args,
                                 char sep, GString *out, ftc_error *err)
{
    g_autoptr(GPtrArray) filled = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GString) guard = g_string_new(NULL);
    g_autoptr(GString) body = g_string_new(NULL);
    g_autoptr(GString) elements = g_string_new(NULL);
    bool literal_out_of_domain = false;
    const char *names[FTC_MAX_ARGS];
    bool blanks[FTC_MAX_ARGS] = {false};
    g_autofree char *composed = NULL;
    g_autofree char *elementwise = NULL;
    bool broadcast;

    if (fn == NULL || fn->expansion == NULL)
        return expand_fail(err, -1, "no built-in equivalent");
    if (n_args > fn->n_args || n_args < ftc_function_required_args(fn))
        return expand_fail(err, -1, "wrong number of arguments");
    /* The pattern with any other function's expansion it names composed
     * in; arrays go element by element where it can (MAX(a;b) as IF(...)):
     * elementwise, used once an argument is an array. */
    composed = ftc_formula_function_pattern(fn, err);
    if (composed == NULL)
        return false;
    elementwise = ftc_formula_elementwise(composed);
    broadcast = fn->result == FTC_TYPE_NUMBER && ftc_formula_aggregate(elementwise) == NULL;
    for (size_t k = 0; k < fn->n_args; k++) {
        const ftc_arg_info *info = &fn->args[k];
        bool given = k < n_args && args[k] != NULL && args[k][0] != '\0';

        if (info->domain == FTC_DOMAIN_TEXT && info->choices == NULL)
            return expand_fail(err, (int)k, "text argument: no built-in equivalent");
        if (given && info->choices != NULL) {
            g_autofree char *x = g_strdup_printf("(%s)", args[k]);

            choice_guard(info->choices, x, single_cell(args[k]), sep, guard);
            g_ptr_array_add(filled, g_strdup(args[k]));
        } else if (given) {
            g_autofree char *value = NULL;
            g_autofree char *x = NULL;
            double literal;

            if (args[k][0] == '"')
                return expand_fail(err, (int)k, "text given for a number");
            value = plain_reference(args[k]);
            /* A number written in the call needs no guard: it is in the
             * domain, or the whole call is #N/A as the guard would make it. */
            if (number_literal(value, &literal)) {
                if (!ftc_domain_contains(info->domain, literal))
                    literal_out_of_domain = true;
            } else if (broadcast && ftc_formula_is_array(value)) {
                /* Element by element: an empty cell of a range is left out
                 * for the add-in, its default then (blanks[k]). */
                blanks[k] = info->optional && strchr(value, '[') != NULL;
                x = g_strdup_printf("(%s)", value);
                element_guard(info->domain, x, blanks[k], elements);
            } else {
                x = g_strdup_printf("(%s)", value);
                domain_guard(info->domain, x, single_cell(value), sep, guard);
            }
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
    for (size_t k = 0; k < fn->n_args; k++)
        if (blanks[k]) {
            char *x = filled->pdata[k];
            const char *d =
                filled->pdata[fn->args[k].default_arg >= 0 ? fn->args[k].default_arg : (int)k];
            g_autofree char *dflt = fn->args[k].default_arg >= 0
                                        ? g_strdup(d)
                                        : number_text(fn->args[k].default_value);

            filled->pdata[k] = g_strdup_printf("IF(ISBLANK(%s)%c%s%c%s)", x, sep, dflt, sep, x);
            g_free(x);
        }
    /* The patterns are OpenFormula; in another grammar (Excel's), outside
     * strings and before the arguments (in that grammar already) go in:
     * its separator for ';', ';' for an inline array's row separator '|',
     * and ftcost_months!$A$1:$A$M for FTC_MONTHS(M). */
    const char *source = elements->len > 0 ? elementwise : composed;
    g_autofree char *pattern = g_strdup(source);
    if (sep != ';') {
        g_autoptr(GString) p = g_string_new(NULL);
        bool in_string = false;

        for (const char *c = source; *c != '\0'; c++) {
            if (*c == '"')
                in_string = !in_string;
            if (in_string || *c == '"')
                g_string_append_c(p, *c);
            else if (*c == ';')
                g_string_append_c(p, sep);
            else if (*c == '|')
                g_string_append_c(p, ';');
            else if (g_str_has_prefix(c, FTC_MONTHS_PREFIX)) {
                /* [$ftcost_months.$A$1:.$A$M] -> ftcost_months!$A$1:$A$M */
                g_string_append(p, FTC_MONTHS_SHEET "!");
                for (c += strlen(FTC_MONTHS_PREFIX); *c != ']' && c[1] != '\0'; c++)
                    if (*c != '.')
                        g_string_append_c(p, *c);
            } else
                g_string_append_c(p, *c);
        }
        g_free(pattern);
        pattern = g_string_free(g_steal_pointer(&p), FALSE);
    }
    for (size_t k = 0; k < fn->n_args; k++)
        names[k] = fn->args[k].name.en;
    if (!ftc_formula_substitute(pattern, names, (const char *const *)filled->pdata, filled->len,
                                body, err))
        return false;
    if (literal_out_of_domain) {
        g_string_append(out, "NA()");
        return true;
    }
    if (guard->len == 0 && elements->len == 0) {
        g_string_append_len(out, body->str, (gssize)body->len);
        return true;
    }
    /* AND() of the single values, times each array's element-wise guard */
    g_string_append(out, "IF(");
    if (guard->len > 0)
        g_string_append_printf(out, "AND(%s)", guard->str + 1);
    g_string_append(out, elements->str + (guard->len > 0 ? 0 : 1));
    g_string_append_printf(out, "%c%s%cNA())", sep, body->str, sep);
    return true;
}

/* A call of the add-in under either name a file may hold: the programmatic
 * one (ORG.FTCOST.FUNCTIONS.FT_TCO, as ODF and LibreOffice 7.4's .xlsx
 * store it) or the bare display name (LibreOffice 25.2's .xlsx stored the
 * compatibility name, FT_TCO; imported without the add-in it reads
 * ft_tco).  An unknown ORG.FTCOST.FUNCTIONS name is claimed too, so that
 * it fails; *unknown says so. */
static const ftc_function *addin_function(const char *name, bool *unknown)
{
    size_t n = strlen(FTC_FORMULA_ADDIN_PREFIX);
    bool prefixed = g_ascii_strncasecmp(name, FTC_FORMULA_ADDIN_PREFIX, n) == 0;
    const ftc_function *fn = ftc_function_find(prefixed ? name + n : name);

    *unknown = prefixed && fn == NULL;
    return fn;
}

static const void *share_lookup(const char *name, void *data)
{
    bool unknown;
    const ftc_function *fn = addin_function(name, &unknown);

    (void)data;
    return unknown ? (const void *)share_lookup : (const void *)fn;
}

typedef struct {
    char sep;
    GString *notes;
    bool array; /* an expansion computes element by element */
} share_data;

/* The text of a string literal ("a""b" -> a"b), or NULL when arg is not one. */
static char *literal_text(const char *arg)
{
    size_t len = strlen(arg);
    GString *s;

    if (len < 2 || arg[0] != '"' || arg[len - 1] != '"' ||
        ftc_formula_string_length(arg) != len)
        return NULL;
    s = g_string_new(NULL);
    for (size_t i = 1; i + 1 < len; i++) {
        g_string_append_c(s, arg[i]);
        if (arg[i] == '"')
            i++;
    }
    return g_string_free(s, FALSE);
}

/* One line for a frozen call: "price of gpt-4o as of 2026-11-29 (ftcost
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
            g_string_append_printf(subject, "%s%s",
                                   subject->len == 0 ? ""
                                   : date_fn != NULL ? " at "
                                                     : ", ",
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
    /* a price asked for a past day says which */
    for (size_t k = 0; k < n_args; k++) {
        char iso[FTC_DATE_TEXT_MAX];

        if (fn->args[k].unit == FTC_UNIT_DATE && values[k].kind == FTC_VALUE_NUMBER &&
            ftc_date_format((int)values[k].number, iso))
            g_string_append_printf(subject, " on %s", iso);
    }
    g_string_append_printf(notes, "%s%s of %s%s (ftcost %s, frozen)",
                           notes->len > 0 ? "\n" : "",
                           fn == date_fn     ? "price date"
                           : date_fn != NULL ? "price"
                                             : "value",
                           subject->str, day, fn->name);
}

/* A column of texts as an inline array of string literals ({"a"|"b"} in
 * OpenFormula; {"a";"b"} where ',' separates arguments, as in .xlsx), and
 * a note saying which list of which day it is. */
static void freeze_texts(const ftc_function *fn, const ftc_result *r, const char *const *texts,
                         size_t n_args, share_data *sd, GString *out)
{
    g_autoptr(GString) subject = g_string_new(NULL);
    char day[FTC_DATE_TEXT_MAX];

    g_string_append_c(out, '{');
    for (size_t i = 0; i < r->rows * r->cols; i++) {
        if (i > 0)
            g_string_append_c(out, sd->sep == ';' ? '|' : ';');
        g_string_append_c(out, '"');
        for (const char *p = r->texts[i]; *p != '\0'; p++) {
            if (*p == '"')
                g_string_append_c(out, '"');
            g_string_append_c(out, *p);
        }
        g_string_append_c(out, '"');
    }
    g_string_append_c(out, '}');
    if (sd->notes == NULL)
        return;
    for (size_t k = 0; k < n_args; k++)
        if (texts[k] != NULL && texts[k][0] != '\0')
            g_string_append_printf(subject, "%s%s", subject->len > 0 ? ", " : "", texts[k]);
    ftc_date_format(ftc_price_today(), day);
    g_string_append_printf(sd->notes, "%slist of %s on %s (ftcost %s, frozen)",
                           sd->notes->len > 0 ? "\n" : "",
                           subject->len > 0 ? subject->str : "every provider", day, fn->name);
}

/* A call with no built-in equivalent on literal arguments: its value now. */
static bool freeze_call(const ftc_function *fn, const char *const *args, size_t n_args,
                        share_data *sd, GString *out, ftc_error *err)
{
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *value = NULL;
    ftc_value values[FTC_MAX_ARGS];
    ftc_result result = {0};
    ftc_error call_err;
    bool ok;

    if (n_args > G_N_ELEMENTS(values))
        return expand_fail(err, -1, "too many arguments");
    for (size_t k = 0; k < n_args; k++) {
        char *text = args[k][0] == '\0' ? NULL : literal_text(args[k]);
        double number;

        g_ptr_array_add(texts, text);
        if (text != NULL)
            values[k] = (ftc_value){.kind = FTC_VALUE_TEXT, .text = text};
        else if (args[k][0] == '\0')
            values[k] = (ftc_value){.kind = FTC_VALUE_MISSING};
        else if (number_literal(args[k], &number)) /* API_PRICE's AsOf */
            values[k] = (ftc_value){.kind = FTC_VALUE_NUMBER, .number = number};
        else {
            ftc_fail(err, FTC_ERR_INVALID, (int)k,
                     "%s on a reference has no built-in equivalent", fn->name);
            return false;
        }
    }
    ok = ftc_call(fn, values, n_args, &result, &call_err) == FTC_OK;
    if (ok && result.type == FTC_TYPE_TEXT_COLUMN) {
        freeze_texts(fn, &result, (const char *const *)texts->pdata, n_args, sd, out);
        ftc_result_clear(&result);
        return true;
    }
    if (!ok || result.type != FTC_TYPE_NUMBER) {
        ftc_result_clear(&result);
        g_string_append(out, "NA()");
        return true;
    }
    value = number_text(result.number);
    g_string_append(out, value);
    if (sd->notes != NULL)
        note_frozen(fn, values, n_args, (const char *const *)texts->pdata, sd->notes);
    ftc_result_clear(&result);
    return true;
}

static bool share_expand(const void *call, const char *const *args, size_t n_args, GString *out,
                         ftc_error *err, void *data)
{
    share_data *sd = data;
    const ftc_function *fn = call;
    bool refused = false;

    if (call == (const void *)share_lookup)
        return expand_fail(err, -1, "unknown add-in function");
    if (fn->result == FTC_TYPE_NUMBER &&
        !ftc_formula_array_call(fn, args, n_args, &sd->array, &refused, err))
        return false;
    if (refused) { /* arrays that do not pair */
        g_string_append(out, "NA()");
        return true;
    }
    if (fn->expansion == NULL)
        return freeze_call(fn, args, n_args, sd, out, err);
    return ftc_formula_expand_function(fn, args, n_args, sd->sep, out, err);
}

char *ftc_formula_share(const char *formula, char sep, GString *notes, ftc_error *err)
{
    return ftc_formula_share_cell(formula, sep, notes, NULL, err);
}

char *ftc_formula_share_cell(const char *formula, char sep, GString *notes, bool *array,
                             ftc_error *err)
{
    share_data sd = {.sep = sep, .notes = notes, .array = false};
    char *shared =
        ftc_formula_rewrite_bounded(formula, share_lookup, share_expand, &sd, MAX_SHARED, err);
    size_t tokens;

    /* What Calc would refuse (Err:512 in every copy) is refused here: the
     * caller freezes the cell to its value instead. */
    if (shared != NULL && strcmp(shared, formula) != 0 &&
        (tokens = ftc_formula_count_tokens(shared)) > MAX_CALC_TOKENS) {
        ftc_fail(err, FTC_ERR_INVALID, -1,
                 "its built-in equivalent is too long for Calc (%zu tokens, at most %d)",
                 tokens, MAX_CALC_TOKENS);
        g_free(shared);
        return NULL;
    }
    if (array != NULL)
        *array = shared != NULL && sd.array;
    return shared;
}

static const void *detect_lookup(const char *name, void *data)
{
    bool unknown;

    if (addin_function(name, &unknown) != NULL || unknown)
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

/* The call as the user typed it: every add-in call under its bare name. */
static const void *bare_lookup(const char *name, void *data)
{
    bool unknown;

    (void)data;
    return addin_function(name, &unknown);
}

/* How bare_expand writes a call: the separator between its arguments; the
 * functions met, in order (may be NULL). */
typedef struct {
    const char *sep;
    GPtrArray *seen;
} bare_data;

static bool bare_expand(const void *call, const char *const *args, size_t n_args, GString *out,
                        ftc_error *err, void *data)
{
    const bare_data *bd = data;

    (void)err;
    if (bd->seen != NULL && !g_ptr_array_find(bd->seen, call, NULL))
        g_ptr_array_add(bd->seen, (gpointer)call);
    g_string_append_printf(out, "%s(", ((const ftc_function *)call)->name);
    for (size_t k = 0; k < n_args; k++)
        g_string_append_printf(out, "%s%s", k > 0 ? bd->sep : "", args[k]);
    g_string_append_c(out, ')');
    return true;
}

char *ftc_formula_bare_names(const char *formula)
{
    const char *text = g_str_has_prefix(formula, "of:=") ? formula + 4 : formula;
    bare_data bd = {.sep = ";", .seen = NULL};
    char *bare = ftc_formula_rewrite(text, bare_lookup, bare_expand, &bd, NULL);

    return bare != NULL ? bare : g_strdup(text);
}

/* A reference as Calc shows it: [.A1] -> A1, [.A1:.B2] -> A1:B2,
 * [$S.A1:.B2] -> $S.A1:B2 (quoted sheet names kept as they are). */
static void append_readable_reference(const char *ref, size_t len, GString *out)
{
    bool quoted = false;

    for (size_t i = 1; i + 1 < len; i++) {
        char c = ref[i];

        if (c == '\'')
            quoted = !quoted;
        if (!quoted && c == '.' && (i == 1 || ref[i - 1] == ':'))
            continue;
        g_string_append_c(out, c);
    }
}

char *ftc_formula_words(const char *formula)
{
    const char *text = g_str_has_prefix(formula, "of:=") ? formula + 4 : formula;
    g_autoptr(GPtrArray) seen = g_ptr_array_new();
    bare_data bd = {.sep = "; ", .seen = seen};
    g_autofree char *bare = ftc_formula_rewrite(text, bare_lookup, bare_expand, &bd, NULL);
    GString *out = g_string_new("ftcost: =");

    if (bare == NULL)
        bare = g_strdup(text);
    for (size_t i = 0; bare[i] != '\0'; i++) {
        size_t len = 0;

        if (bare[i] == '"')
            len = ftc_formula_string_length(bare + i);
        else if (bare[i] == '[')
            len = ftc_formula_reference_length(bare + i);
        if (len == 0) {
            g_string_append_c(out, bare[i]);
            continue;
        }
        if (bare[i] == '"')
            g_string_append_len(out, bare + i, (gssize)len);
        else
            append_readable_reference(bare + i, len, out);
        i += len - 1;
    }
    for (guint k = 0; k < seen->len; k++) {
        const ftc_function *fn = seen->pdata[k];

        g_string_append_printf(out, "\n%s: %s", fn->name,
                               ftc_text(&fn->description, FTC_LANG_EN));
    }
    return g_string_free(out, FALSE);
}
