/* ftc_call() (functions/ftc-call.c): arity, defaults and argument domains,
 * checked for every argument of every function in the catalogue. */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* The arguments of fn's first successful example, padded with empty
 * strings to all of fn's arguments. */
static GStrv valid_args(const ftc_function *fn)
{
    GStrv parts = NULL;

    for (size_t i = 0; i < fn->n_examples && parts == NULL; i++)
        if (fn->examples[i].status == FTC_OK)
            parts = g_strsplit(fn->examples[i].args, ";", -1);
    ck_assert_msg(parts != NULL, "%s has no successful example", fn->name);
    for (guint n = g_strv_length(parts); n < fn->n_args; n++) {
        parts = g_renew(char *, parts, n + 2);
        parts[n] = g_strdup("");
        parts[n + 1] = NULL;
    }
    return parts;
}

/* Calls fn with its example's arguments, argument `arg` replaced. */
static ftc_status call_with(const ftc_function *fn, size_t arg, const char *value,
                            ftc_result *r, ftc_error *err)
{
    g_auto(GStrv) parts = valid_args(fn);
    g_autofree char *args = NULL;

    g_free(parts[arg]);
    parts[arg] = g_strdup(value);
    args = g_strjoinv(";", parts);
    return ftc_test_call(fn->name, args, r, err);
}

/* Every number argument of every function refuses NaN, infinities and
 * text; every text argument refuses numbers; both blame that argument. */
START_TEST(test_bad_values_blame_the_argument)
{
    static const char *const bad_numbers[] = {"nan", "inf", "-inf", "-nan", "text", NULL};
    static const char *const bad_texts[] = {"0", "2.5", "nan", "-1e300", NULL};
    const ftc_function *fn = ftc_function_at((size_t)_i);

    for (size_t arg = 0; arg < fn->n_args; arg++) {
        const char *const *bad =
            fn->args[arg].domain == FTC_DOMAIN_TEXT ? bad_texts : bad_numbers;

        for (size_t k = 0; bad[k] != NULL; k++) {
            ftc_result r;
            ftc_error err = {.arg = -99};
            ftc_status st = call_with(fn, arg, bad[k], &r, &err);

            ck_assert_msg(st == FTC_ERR_INVALID && err.arg == (int)arg,
                          "%s: %s = %s gave status %d blaming %d", fn->name,
                          fn->args[arg].name.text[FTC_LANG_EN], bad[k], st, err.arg);
            ck_assert_ptr_nonnull(strstr(err.message, fn->args[arg].name.text[FTC_LANG_EN]));
            ftc_result_clear(&r);
        }
    }
}
END_TEST

/* Leaving an optional argument out is the same as giving its default. */
START_TEST(test_defaults)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);

    for (size_t arg = 0; arg < fn->n_args; arg++) {
        const ftc_arg_info *a = &fn->args[arg];
        g_auto(GStrv) parts = valid_args(fn);
        g_autofree char *omitted = NULL, *explicit = NULL;
        char number[G_ASCII_DTOSTR_BUF_SIZE];
        ftc_result r1, r2;
        ftc_error e1, e2;
        ftc_status s1, s2;

        /* optional without a constant default: the kernel's, checked by its suite */
        if (!a->optional || (a->default_arg < 0 && a->domain != FTC_DOMAIN_TEXT &&
                             isnan(a->default_value)))
            continue;
        g_free(parts[arg]);
        parts[arg] = g_strdup("");
        omitted = g_strjoinv(";", parts);
        g_free(parts[arg]);
        if (a->default_arg >= 0)
            parts[arg] = g_strdup(parts[a->default_arg][0] != '\0'
                                      ? parts[a->default_arg]
                                      : g_ascii_dtostr(number, sizeof number,
                                                       fn->args[a->default_arg].default_value));
        else if (a->domain == FTC_DOMAIN_TEXT) {
            ck_assert_msg(a->default_text != NULL, "%s: %s has no default text", fn->name,
                          a->name.text[FTC_LANG_EN]);
            parts[arg] = g_strdup_printf("\"%s\"", a->default_text);
        } else
            parts[arg] = g_strdup(g_ascii_dtostr(number, sizeof number, a->default_value));
        explicit = g_strjoinv(";", parts);

        s1 = ftc_test_call(fn->name, omitted, &r1, &e1);
        s2 = ftc_test_call(fn->name, explicit, &r2, &e2);
        ck_assert_msg(s1 == FTC_OK && s2 == FTC_OK, "%s(%s) / (%s): %d %d", fn->name,
                      omitted, explicit, s1, s2);
        ck_assert_int_eq(r1.type, r2.type);
        if (r1.type == FTC_TYPE_NUMBER)
            ck_assert_double_eq(r1.number, r2.number);
        else if (r1.type == FTC_TYPE_TEXT)
            ck_assert_str_eq(r1.text, r2.text);
        else {
            ck_assert_uint_eq(r1.rows * r1.cols, r2.rows * r2.cols);
            ck_assert(memcmp(r1.cells, r2.cells, r1.rows * r1.cols * sizeof(double)) == 0);
        }
        ftc_result_clear(&r1);
        ftc_result_clear(&r2);
    }
}
END_TEST

/* A required argument left empty, and one too many arguments. */
START_TEST(test_arity)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);
    ftc_value values[FTC_TEST_MAX_VALUES];
    ftc_result r;
    ftc_error err;

    for (size_t i = 0; i < G_N_ELEMENTS(values); i++)
        values[i] = (ftc_value){.kind = FTC_VALUE_NUMBER, .number = 1};
    ck_assert_uint_lt(fn->n_args, G_N_ELEMENTS(values));
    ck_assert_int_eq(ftc_call(fn, values, fn->n_args + 1, &r, &err), FTC_ERR_INVALID);
    ck_assert_int_eq(err.arg, -1);
    ck_assert_int_eq(ftc_call(fn, values, 0, &r, &err), FTC_ERR_INVALID);
    ck_assert_int_eq(err.arg, 0);
    ck_assert_int_eq(ftc_call(fn, NULL, 3, &r, &err), FTC_ERR_INVALID);
    ck_assert_int_eq(ftc_call(NULL, values, 3, &r, &err), FTC_ERR_INVALID);
    ck_assert_int_eq(ftc_call(fn, values, 1, NULL, &err), FTC_ERR_INVALID);
    /* a NULL error is allowed: the status still says what happened */
    ck_assert_int_eq(ftc_call(fn, values, 0, &r, NULL), FTC_ERR_INVALID);
}
END_TEST

/* Each domain's edges, tried on the first argument that has that domain. */
typedef struct {
    ftc_domain domain;
    const char *value;
    bool accepted;
} domain_case;

static const domain_case domain_cases[] = {
    {FTC_DOMAIN_NON_NEGATIVE, "0", true},
    {FTC_DOMAIN_NON_NEGATIVE, "-0", true},
    {FTC_DOMAIN_NON_NEGATIVE, "1e300", true},
    {FTC_DOMAIN_NON_NEGATIVE, "-1e-300", false},
    {FTC_DOMAIN_POSITIVE, "1e-300", true},
    {FTC_DOMAIN_POSITIVE, "0", false},
    {FTC_DOMAIN_POSITIVE, "-0", false},
    {FTC_DOMAIN_POSITIVE, "-1", false},
    {FTC_DOMAIN_FRACTION, "0", true},
    {FTC_DOMAIN_FRACTION, "1", true},
    {FTC_DOMAIN_FRACTION, "1.0000001", false},
    {FTC_DOMAIN_FRACTION, "-1e-9", false},
    {FTC_DOMAIN_FRACTION_BELOW_1, "0", true},
    {FTC_DOMAIN_FRACTION_BELOW_1, "0.999", true},
    {FTC_DOMAIN_FRACTION_BELOW_1, "1", false},
    {FTC_DOMAIN_FRACTION_ABOVE_0, "1e-9", true},
    {FTC_DOMAIN_FRACTION_ABOVE_0, "1", true},
    {FTC_DOMAIN_FRACTION_ABOVE_0, "0", false},
    {FTC_DOMAIN_FRACTION_ABOVE_0, "1.01", false},
    {FTC_DOMAIN_ABOVE_MINUS_1, "-0.999", true},
    {FTC_DOMAIN_ABOVE_MINUS_1, "5", true},
    {FTC_DOMAIN_ABOVE_MINUS_1, "-1", false},
    {FTC_DOMAIN_AT_LEAST_1, "1", true},
    {FTC_DOMAIN_AT_LEAST_1, "0.999", false},
    {FTC_DOMAIN_WHOLE_MONTHS, "1", true},
    {FTC_DOMAIN_WHOLE_MONTHS, "1200", true},
    {FTC_DOMAIN_WHOLE_MONTHS, "0", false},
    {FTC_DOMAIN_WHOLE_MONTHS, "1201", false},
    {FTC_DOMAIN_WHOLE_MONTHS, "12.5", false},
    {FTC_DOMAIN_WHOLE_MONTHS, "-12", false},
    {FTC_DOMAIN_WHOLE_MONTHS, "1e300", false},
};

START_TEST(test_domain_edges)
{
    const domain_case *c = &domain_cases[_i];
    bool tried = false;

    for (size_t i = 0; i < ftc_function_count() && !tried; i++) {
        const ftc_function *fn = ftc_function_at(i);

        for (size_t arg = 0; arg < fn->n_args && !tried; arg++) {
            ftc_result r;
            ftc_error err = {.arg = -99};
            ftc_status st;
            bool refused;

            if (fn->args[arg].domain != c->domain)
                continue;
            tried = true;
            st = call_with(fn, arg, c->value, &r, &err);
            refused = st == FTC_ERR_INVALID && err.arg == (int)arg;
            ck_assert_msg(refused != c->accepted, "%s: %s = %s: status %d, arg %d",
                          fn->name, fn->args[arg].name.text[FTC_LANG_EN], c->value, st,
                          err.arg);
            ftc_result_clear(&r);
        }
    }
    ck_assert_msg(tried, "no argument has domain %d", c->domain);
}
END_TEST

static Suite *call_suite(void)
{
    Suite *s = suite_create("call");
    TCase *tc = tcase_create("core");
    int n = (int)ftc_function_count();

    tcase_add_loop_test(tc, test_bad_values_blame_the_argument, 0, n);
    tcase_add_loop_test(tc, test_defaults, 0, n);
    tcase_add_loop_test(tc, test_arity, 0, n);
    tcase_add_loop_test(tc, test_domain_edges, 0, G_N_ELEMENTS(domain_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(call_suite());
}
