/* Every share expansion against its kernel: the guarded formula that
 * `ftcost share` writes for a call (ftc_formula_expand_function), evaluated
 * by tests/ftc-test-eval.c, gives the kernel's value on random valid
 * arguments (seeded, drawn from each argument's domain; given as cell
 * references, so that the guard is evaluated too, or as numbers written in
 * the call, or left out for their defaults), and an error wherever the
 * kernel gives one; every value out of an argument's domain gives #N/A.
 * And each expansion's placeholders name the function's own arguments,
 * every argument once at least. */
#include "ftc-formula.h"
#include "ftc-test-eval.h"
#include "ftc-test-util.h"

#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Random calls per function; each evaluates up to 1201 x 5 cells. */
#define RANDOM_CALLS 300
/* The expansions compute the growing sums in closed form where the
 * kernels add the months up: they agree to far better than this. */
#define REL_TOL 1e-9

/* The call's arguments, in the cells A1, B1, ... of the formula's sheet. */
typedef struct {
    ftc_ev_cell cells[FTC_MAX_ARGS];
} sheet;

static const ftc_ev_cell *sheet_cell(const char *name, size_t col, size_t row, void *data)
{
    sheet *s = data;

    if (name[0] != '\0' || row != 0 || col >= FTC_MAX_ARGS)
        return NULL; /* ftcost_months: its row numbers only */
    return &s->cells[col];
}

/* The functions with an expansion, in catalogue order. */
static const ftc_function *expanded(int i)
{
    for (size_t k = 0, n = 0; k < ftc_function_count(); k++)
        if (ftc_function_at(k)->expansion != NULL && n++ == (size_t)i)
            return ftc_function_at(k);
    return NULL;
}

static int n_expanded(void)
{
    int n = 0;

    while (expanded(n) != NULL)
        n++;
    return n;
}

/* --- the placeholders ----------------------------------------------------- */

START_TEST(test_placeholders_name_arguments)
{
    const ftc_function *fn = expanded(_i);
    ftc_error err = {.arg = -1};
    g_autofree char *pattern = ftc_formula_function_pattern(fn, &err);
    bool used[FTC_MAX_ARGS] = {false};

    ck_assert_msg(pattern != NULL, "%s: %s", fn->name, err.message);
    for (const char *p = pattern; *p != '\0'; p++) {
        const char *name;
        size_t len, n = ftc_formula_placeholder(p, &name, &len), k = 0;

        if (*p == '"') {
            p += ftc_formula_string_length(p) - 1;
            continue;
        }
        if (n == 0)
            continue;
        while (k < fn->n_args &&
               (strlen(fn->args[k].name.en) != len || strncmp(fn->args[k].name.en, name, len)))
            k++;
        ck_assert_msg(k < fn->n_args, "%s: {{%.*s}} names none of its arguments", fn->name,
                      (int)len, name);
        used[k] = true;
        p += n - 1;
    }
    /* An argument the expansion leaves out would be ignored by a shared
     * copy while the add-in uses it. */
    for (size_t k = 0; k < fn->n_args; k++)
        ck_assert_msg(used[k], "%s: the expansion does not use %s", fn->name,
                      fn->args[k].name.en);
}
END_TEST

/* Expansion fails loudly on a placeholder that names no argument, and on a
 * composed name that is no pattern. */
static const char *test_pattern(const char *name, void *data)
{
    (void)data;
    if (strcmp(name, "LOOP") == 0)
        return "1+{{LOOP(...)}}";
    return strcmp(name, "SQUARE") == 0 ? "{{X}}*{{X}}" : NULL;
}

START_TEST(test_placeholder_errors)
{
    static const char *const names[] = {"X", "Y"};
    static const char *const args[] = {"[.A1]", ""};
    g_autoptr(GString) out = g_string_new(NULL);
    ftc_error err = {.arg = -1};
    char *composed;

    ck_assert(!ftc_formula_substitute("{{Z}}+1", names, args, 2, out, &err));
    ck_assert_str_eq(err.message, "the pattern names no argument: {{Z}}");
    ck_assert(!ftc_formula_substitute("{{Y}}", names, args, 2, out, &err));
    ck_assert_int_eq(err.arg, 1);
    ck_assert(ftc_formula_substitute("\"{{Z}}\"&{{X}}", names, args, 2, out, &err));
    ck_assert_str_eq(out->str, "\"{{Z}}\"&([.A1])");

    composed = ftc_formula_compose("1-{{X}}/({{SQUARE(...)}})", test_pattern, NULL, &err);
    ck_assert_str_eq(composed, "1-{{X}}/({{X}}*{{X}})");
    g_free(composed);
    ck_assert_ptr_null(ftc_formula_compose("{{CUBE(...)}}", test_pattern, NULL, &err));
    ck_assert_str_eq(err.message, "{{CUBE(...)}}: no such pattern");
    ck_assert_ptr_null(ftc_formula_compose("{{LOOP(...)}}", test_pattern, NULL, &err));
    ck_assert_str_eq(err.message, "{{LOOP(...)}}: patterns compose in a loop");
}
END_TEST

/* --- the values ------------------------------------------------------------- */

/* A value of the domain: its edges often, else spread over magnitudes. */
static double random_in(GRand *r, ftc_domain domain)
{
    double u = g_rand_double(r);

    switch (domain) {
    case FTC_DOMAIN_NON_NEGATIVE:
    case FTC_DOMAIN_POSITIVE:
        if (domain == FTC_DOMAIN_NON_NEGATIVE && u < 0.1)
            return 0;
        return pow(10, g_rand_double_range(r, -3, 7));
    case FTC_DOMAIN_FRACTION:
        return u < 0.1 ? 0 : u < 0.2 ? 1 : g_rand_double(r);
    case FTC_DOMAIN_FRACTION_BELOW_1:
        return u < 0.1 ? 0 : g_rand_double_range(r, 0, 0.999);
    case FTC_DOMAIN_FRACTION_ABOVE_0:
        return u < 0.1 ? 1 : g_rand_double_range(r, 0.001, 1);
    case FTC_DOMAIN_ABOVE_MINUS_1:
        return u < 0.2 ? 0 : g_rand_double_range(r, -0.9, 0.3);
    case FTC_DOMAIN_AT_LEAST_1:
        return u < 0.1 ? 1 : g_rand_double_range(r, 1, 3);
    case FTC_DOMAIN_WHOLE_MONTHS:
        return u < 0.1   ? FTC_MAX_MONTHS
               : u < 0.6 ? g_rand_int_range(r, 1, 61)
                         : g_rand_int_range(r, 1, FTC_MAX_MONTHS + 1);
    case FTC_DOMAIN_WHOLE_NON_NEGATIVE:
        return g_rand_int_range(r, 0, 1000000);
    case FTC_DOMAIN_TEXT:
    case FTC_DOMAIN_LAST:
        break;
    }
    return 0;
}

/* Values just outside the domain (NAN ends the list). */
static const double *outside(ftc_domain domain)
{
    static const double lists[FTC_DOMAIN_LAST][4] = {
        [FTC_DOMAIN_NON_NEGATIVE] = {-1, -1e-9, NAN},
        [FTC_DOMAIN_POSITIVE] = {0, -1, NAN},
        [FTC_DOMAIN_FRACTION] = {-0.1, 1.1, NAN},
        [FTC_DOMAIN_FRACTION_BELOW_1] = {-0.1, 1, NAN},
        [FTC_DOMAIN_FRACTION_ABOVE_0] = {0, 1.5, NAN},
        [FTC_DOMAIN_ABOVE_MINUS_1] = {-1, -2, NAN},
        [FTC_DOMAIN_AT_LEAST_1] = {0.99, 0, NAN},
        [FTC_DOMAIN_WHOLE_MONTHS] = {0, 1.5, FTC_MAX_MONTHS + 1, NAN},
        [FTC_DOMAIN_WHOLE_NON_NEGATIVE] = {-1, 0.5, NAN},
        [FTC_DOMAIN_TEXT] = {NAN},
    };

    return lists[domain];
}

/* One call: each argument a value for the kernel, a cell, and its text in
 * the formula (a reference to the cell, a number, or empty). */
typedef struct {
    size_t n;
    ftc_value values[FTC_MAX_ARGS];
    sheet cells;
    char *texts[FTC_MAX_ARGS];
    char words[FTC_MAX_ARGS][16];
} call;

static void call_clear(call *c)
{
    for (size_t k = 0; k < FTC_MAX_ARGS; k++)
        g_free(c->texts[k]);
}

static void set_number(call *c, size_t k, double x, bool literal)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    c->values[k] = (ftc_value){.kind = FTC_VALUE_NUMBER, .number = x};
    c->cells.cells[k] = (ftc_ev_cell){.kind = FTC_EV_NUMBER, .number = x};
    g_free(c->texts[k]);
    c->texts[k] = literal ? g_strdup(g_ascii_formatd(buf, sizeof buf, "%.17g", x))
                          : g_strdup_printf("[.%c1]", (char)('A' + k));
}

static void set_text(call *c, size_t k, const char *word, bool literal)
{
    g_strlcpy(c->words[k], word, sizeof c->words[k]);
    c->values[k] = (ftc_value){.kind = FTC_VALUE_TEXT, .text = c->words[k]};
    c->cells.cells[k] = (ftc_ev_cell){.kind = FTC_EV_TEXT, .text = c->words[k]};
    g_free(c->texts[k]);
    c->texts[k] =
        literal ? g_strdup_printf("\"%s\"", word) : g_strdup_printf("[.%c1]", (char)('A' + k));
}

/* A valid call: some trailing optional arguments left out, others empty. */
static void random_call(GRand *r, const ftc_function *fn, call *c)
{
    size_t required = ftc_function_required_args(fn);

    *c = (call){.n = (size_t)g_rand_int_range(r, (gint32)required, (gint32)fn->n_args + 1)};
    for (size_t k = 0; k < fn->n_args; k++) {
        const ftc_arg_info *info = &fn->args[k];
        bool literal = g_rand_double(r) < 0.3;

        if (k >= c->n || (info->optional && g_rand_double(r) < 0.1)) {
            c->values[k] = (ftc_value){.kind = FTC_VALUE_MISSING};
            c->texts[k] = g_strdup("");
        } else if (info->choices != NULL) {
            size_t n_words = g_strv_length((char **)info->choices);
            g_autofree char *word =
                g_strdup(info->choices[g_rand_int_range(r, 0, (gint32)n_words)]);

            if (g_rand_boolean(r))
                word[0] = g_ascii_toupper(word[0]); /* any case */
            set_text(c, k, word, literal);
        } else
            set_number(c, k, random_in(r, info->domain), literal);
    }
}

/* The expansion of c, evaluated; false (with why) when it cannot be. */
static bool evaluate(const ftc_function *fn, call *c, ftc_ev_result *out, GString *why)
{
    g_autoptr(GString) formula = g_string_new(NULL);
    ftc_error err = {.arg = -1};

    if (!ftc_formula_expand_function(fn, (const char *const *)c->texts, c->n, ';', formula,
                                     &err)) {
        g_string_printf(why, "no expansion: %s", err.message);
        return false;
    }
    if (!ftc_ev_evaluate(formula->str, sheet_cell, &c->cells, out, why)) {
        g_string_append_printf(why, " in %.200s", formula->str);
        return false;
    }
    return true;
}

static const char *describe(const call *c)
{
    static char buf[512];
    size_t len = 0;

    for (size_t k = 0; k < c->n && len < sizeof buf; k++) {
        char num[G_ASCII_DTOSTR_BUF_SIZE];
        const ftc_value *v = &c->values[k];

        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", k > 0 ? "; " : "",
                                v->kind == FTC_VALUE_TEXT ? v->text
                                : v->kind == FTC_VALUE_NUMBER
                                    ? g_ascii_dtostr(num, sizeof num, v->number)
                                    : "");
    }
    return buf;
}

static bool close_enough(double got, double want)
{
    return fabs(got - want) <= REL_TOL * fabs(want) || fabs(got - want) < 1e-300;
}

/* The expansion's value equals the kernel's, error for error.  Returns
 * whether the kernel answered. */
static bool check_call(const ftc_function *fn, call *c)
{
    g_autoptr(GString) why = g_string_new(NULL);
    ftc_result res = {0};
    ftc_error err = {.arg = -1};
    ftc_status st = ftc_call(fn, c->values, c->n, &res, &err);
    ftc_ev_result ev;
    size_t rows = st != FTC_OK ? 1 : fn->result == FTC_TYPE_ARRAY ? res.rows : 1;
    size_t cols = st != FTC_OK ? 1 : fn->result == FTC_TYPE_ARRAY ? res.cols : 1;

    ck_assert_msg(evaluate(fn, c, &ev, why), "%s(%s): %s", fn->name, describe(c), why->str);
    ck_assert_msg(ev.rows >= rows && ev.cols == cols, "%s(%s): %zux%zu, kernel %zux%zu",
                  fn->name, describe(c), ev.rows, ev.cols, rows, cols);
    /* ck_abort_msg only on a failure: check records every ck_assert it
     * passes, and FT_SCHEDULE has 6005 cells a call. */
    for (size_t i = 0; i < rows * cols; i++) {
        const ftc_ev_cell *got = &ev.cells[i];
        double want = st != FTC_OK || fn->result == FTC_TYPE_TEXT ? 0
                      : fn->result == FTC_TYPE_ARRAY              ? res.cells[i]
                                                                  : res.number;

        if (st != FTC_OK && got->kind != FTC_EV_ERROR)
            ck_abort_msg("%s(%s): kernel: %s; expansion: a value", fn->name, describe(c),
                         err.message);
        if (st == FTC_OK && fn->result == FTC_TYPE_TEXT &&
            (got->kind != FTC_EV_TEXT || strcmp(got->text, res.text) != 0))
            ck_abort_msg("%s(%s): kernel %s, expansion %s", fn->name, describe(c), res.text,
                         got->kind == FTC_EV_TEXT ? got->text : "no text");
        if (st == FTC_OK && fn->result != FTC_TYPE_TEXT &&
            (got->kind != FTC_EV_NUMBER || !close_enough(got->number, want)))
            ck_abort_msg("%s(%s) cell %zu: kernel %.17g, expansion %s %.17g", fn->name,
                         describe(c), i, want,
                         got->kind == FTC_EV_ERROR ? ftc_ev_error_name(got->error) : "",
                         got->number);
    }
    /* FT_SCHEDULE's rows beyond Months are #N/A, as the add-in leaves them. */
    for (size_t i = rows * cols; i < ev.rows * ev.cols; i++)
        if (ev.cells[i].kind != FTC_EV_ERROR || ev.cells[i].error != FTC_EV_NA)
            ck_abort_msg("%s(%s): cell %zu beyond the result is not #N/A", fn->name,
                         describe(c), i);
    ftc_ev_result_clear(&ev);
    ftc_result_clear(&res);
    return st == FTC_OK;
}

START_TEST(test_random_calls)
{
    const ftc_function *fn = expanded(_i);
    GRand *r = g_rand_new_with_seed(20261203u + (guint32)_i);
    int answered = 0;

    for (int i = 0; i < RANDOM_CALLS; i++) {
        call c;

        random_call(r, fn, &c);
        answered += check_call(fn, &c);
        call_clear(&c);
    }
    /* A good share of the calls have an answer: values are compared. */
    ck_assert_msg(answered >= RANDOM_CALLS / 4, "%s: %d of %d calls answered", fn->name,
                  answered, RANDOM_CALLS);
    g_rand_free(r);
}
END_TEST

static ftc_value_kind info_kind(const ftc_arg_info *info)
{
    return info->choices != NULL ? FTC_VALUE_TEXT : FTC_VALUE_NUMBER;
}

/* Each argument out of its domain, as a cell and as a number in the call
 * (a choice: another word, a number; a number: a text): the kernel's
 * Err:502, the expansion's #N/A. */
START_TEST(test_out_of_domain)
{
    const ftc_function *fn = expanded(_i);
    GRand *r = g_rand_new_with_seed(1203u + (guint32)_i);

    for (size_t k = 0; k < fn->n_args; k++) {
        const ftc_arg_info *info = &fn->args[k];
        const double *bad = outside(info->domain);
        int n_bad = 0;

        while (!isnan(bad[n_bad]))
            n_bad++;

        for (int form = 0; form < 2 * 5; form++) {
            g_autoptr(GString) why = g_string_new(NULL);
            bool literal = form % 2 == 1;
            int which = form / 2;
            ftc_ev_result ev;
            ftc_result res = {0};
            ftc_error err = {.arg = -1};
            call c;

            random_call(r, fn, &c);
            c.n = fn->n_args; /* every argument given, in its domain but k */
            for (size_t j = 0; j < fn->n_args; j++)
                if (fn->args[j].choices != NULL && c.values[j].kind != FTC_VALUE_TEXT)
                    set_text(&c, j, fn->args[j].choices[0], false);
                else if (fn->args[j].choices == NULL && c.values[j].kind != FTC_VALUE_NUMBER)
                    set_number(&c, j, random_in(r, fn->args[j].domain), false);
            if (info->choices != NULL && which == 0)
                set_text(&c, k, "dora", literal);
            else if (info->choices != NULL && which == 1)
                set_number(&c, k, 2, literal);
            else if (info->choices == NULL && which == 0 && !literal)
                set_text(&c, k, "12", false); /* a number as text: no number */
            else if (info->choices != NULL || which == 0 || which > n_bad) {
                call_clear(&c);
                continue;
            } else
                set_number(&c, k, bad[which - 1], literal);
            ck_assert_int_eq(ftc_call(fn, c.values, c.n, &res, &err), FTC_ERR_INVALID);
            ck_assert_int_eq(err.arg, (int)k);
            ck_assert_msg(evaluate(fn, &c, &ev, why), "%s(%s): %s", fn->name, describe(&c),
                          why->str);
            /* A text where a number is due fails the guard's ISNUMBER, but
             * a whole-months guard's INT() of it is #VALUE! in Calc unless
             * Calc reads the text as a number: an error either way. */
            for (size_t i = 0; i < ev.rows * ev.cols; i++)
                if (ev.cells[i].kind != FTC_EV_ERROR ||
                    (ev.cells[i].error != FTC_EV_NA && c.values[k].kind == info_kind(info)))
                    ck_abort_msg("%s(%s): %s out of its domain, cell %zu not #N/A", fn->name,
                                 describe(&c), info->name.en, i);
            ftc_ev_result_clear(&ev);
            call_clear(&c);
        }
    }
    g_rand_free(r);
}
END_TEST

/* The worked examples, as written, through the expansion. */
START_TEST(test_examples)
{
    const ftc_function *fn = expanded(_i);

    for (size_t e = 0; e < fn->n_examples; e++) {
        ftc_arg_list list;
        call c = {0};

        ftc_test_args(fn->examples[e].args, &list);
        c.n = list.n;
        for (size_t k = 0; k < list.n; k++) {
            c.values[k] = list.values[k];
            if (list.values[k].kind == FTC_VALUE_TEXT)
                set_text(&c, k, list.values[k].text, true);
            else
                c.texts[k] = g_strdup(list.typed[k]);
        }
        ck_assert_int_eq(check_call(fn, &c), fn->examples[e].status == FTC_OK);
        call_clear(&c);
        ftc_arg_list_clear(&list);
    }
}
END_TEST

static Suite *expansions_suite(void)
{
    Suite *s = suite_create("expansions");
    TCase *tc = tcase_create("expansions");
    int n = n_expanded();

    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_placeholders_name_arguments, 0, n);
    tcase_add_test(tc, test_placeholder_errors);
    tcase_add_loop_test(tc, test_examples, 0, n);
    tcase_add_loop_test(tc, test_random_calls, 0, n);
    tcase_add_loop_test(tc, test_out_of_domain, 0, n);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    /* Each evaluation of FT_SCHEDULE's expansion allocates and frees some
     * 10 MB: kept by malloc rather than returned to the system each time,
     * which took more time than the evaluation. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    return ftc_test_run(expansions_suite());
}
