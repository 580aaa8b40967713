/* ftc_call() (functions/ftc-call.c): arity, defaults and argument domains,
 * checked for every argument of every function in the catalogue. */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* The arguments of fn's first successful example (parsed into *list),
 * padded with omitted ones to all of fn's arguments. */
static void valid_args(const ftc_function *fn, ftc_arg_list *list,
                       ftc_value values[FTC_TEST_MAX_VALUES])
{
    size_t i = 0;

    while (i < fn->n_examples && fn->examples[i].status != FTC_OK)
        i++;
    ck_assert_msg(i < fn->n_examples, "%s has no successful example", fn->name);
    ftc_test_args(fn->examples[i].args, list);
    ck_assert_uint_le(fn->n_args, FTC_TEST_MAX_VALUES);
    for (size_t k = 0; k < fn->n_args; k++)
        values[k] = k < list->n ? list->values[k] : (ftc_value){.kind = FTC_VALUE_MISSING};
}

/* Calls fn with its example's arguments, argument `arg` replaced by
 * `value` (as typed in a cell). */
static ftc_status call_with(const ftc_function *fn, size_t arg, const char *value,
                            ftc_result *r, ftc_error *err)
{
    ftc_value values[FTC_TEST_MAX_VALUES];
    ftc_arg_list list, replacement;
    ftc_status st;

    valid_args(fn, &list, values);
    ftc_test_args(value, &replacement);
    ck_assert_uint_eq(replacement.n, 1);
    values[arg] = replacement.values[0];
    st = ftc_call(fn, values, fn->n_args, r, err);
    ftc_arg_list_clear(&replacement);
    ftc_arg_list_clear(&list);
    return st;
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
                          fn->args[arg].name.en, bad[k], st, err.arg);
            ck_assert_ptr_nonnull(strstr(err.message, fn->args[arg].name.en));
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
        const char *name = a->name.en;
        ftc_value omitted[FTC_TEST_MAX_VALUES], explicit[FTC_TEST_MAX_VALUES];
        ftc_arg_list list;
        ftc_result r1, r2;
        ftc_error e1, e2;
        ftc_status s1, s2;

        /* optional without a constant default: the kernel's, checked by its suite */
        if (!a->optional ||
            (a->default_arg < 0 && a->domain != FTC_DOMAIN_TEXT && isnan(a->default_value)) ||
            (a->default_arg < 0 && a->domain == FTC_DOMAIN_TEXT && a->default_text == NULL))
            continue;
        valid_args(fn, &list, omitted);
        omitted[arg] = (ftc_value){.kind = FTC_VALUE_MISSING};
        memcpy(explicit, omitted, sizeof explicit);
        if (a->default_arg >= 0)
            explicit[arg] = omitted[a->default_arg].kind != FTC_VALUE_MISSING
                                ? omitted[a->default_arg]
                                : (ftc_value){.kind = FTC_VALUE_NUMBER,
                                              .number = fn->args[a->default_arg].default_value};
        else if (a->domain == FTC_DOMAIN_TEXT) {
            ck_assert_msg(a->default_text != NULL, "%s: %s has no default text", fn->name,
                          name);
            explicit[arg] = (ftc_value){.kind = FTC_VALUE_TEXT, .text = a->default_text};
        } else
            explicit[arg] = (ftc_value){.kind = FTC_VALUE_NUMBER, .number = a->default_value};

        s1 = ftc_call(fn, omitted, fn->n_args, &r1, &e1);
        s2 = ftc_call(fn, explicit, fn->n_args, &r2, &e2);
        ftc_arg_list_clear(&list);
        ck_assert_msg(s1 == FTC_OK && s2 == FTC_OK,
                      "%s: %s left out / given its default: %d %d", fn->name, name, s1, s2);
        ck_assert_int_eq(r1.type, r2.type);
        if (r1.type == FTC_TYPE_NUMBER)
            ck_assert_double_eq(r1.number, r2.number);
        else if (r1.type == FTC_TYPE_TEXT)
            ck_assert_str_eq(r1.text, r2.text);
        else if (r1.type == FTC_TYPE_TEXT_COLUMN) {
            ck_assert_uint_eq(r1.rows * r1.cols, r2.rows * r2.cols);
            for (size_t i = 0; i < r1.rows * r1.cols; i++)
                ck_assert_str_eq(r1.texts[i], r2.texts[i]);
        } else {
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
    if (ftc_function_required_args(fn) > 0) {
        ck_assert_int_eq(ftc_call(fn, values, 0, &r, &err), FTC_ERR_INVALID);
        ck_assert_int_eq(err.arg, 0);
        /* a NULL error is allowed: the status still says what happened */
        ck_assert_int_eq(ftc_call(fn, values, 0, &r, NULL), FTC_ERR_INVALID);
    } else {
        /* nothing required (API_MODELS): no argument is a call of its own */
        ck_assert_int_ne(ftc_call(fn, NULL, 0, &r, &err), FTC_ERR_INVALID);
        ftc_result_clear(&r);
    }
    ck_assert_int_eq(ftc_call(fn, NULL, 3, &r, &err), FTC_ERR_INVALID);
    ck_assert_int_eq(ftc_call(NULL, values, 3, &r, &err), FTC_ERR_INVALID);
    ck_assert_int_eq(ftc_call(fn, values, 1, NULL, &err), FTC_ERR_INVALID);
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
    {FTC_DOMAIN_WHOLE_NON_NEGATIVE, "0", true},
    {FTC_DOMAIN_WHOLE_NON_NEGATIVE, "272001", true},
    {FTC_DOMAIN_WHOLE_NON_NEGATIVE, "1e15", true},
    {FTC_DOMAIN_WHOLE_NON_NEGATIVE, "0.5", false},
    {FTC_DOMAIN_WHOLE_NON_NEGATIVE, "-1", false},
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
            ck_assert_msg(refused != c->accepted, "%s: %s = %s: status %d, arg %d", fn->name,
                          fn->args[arg].name.en, c->value, st, err.arg);
            ftc_result_clear(&r);
        }
    }
    ck_assert_msg(tried, "no argument has domain %d", c->domain);
}
END_TEST

/* --- ftc_call_grid: element-wise calls ------------------------------------ */

#define N(x) ((ftc_value){.kind = FTC_VALUE_NUMBER, .number = (x)})

/* The scalar call the grid's element must equal. */
static double scalar(const char *name, const ftc_value *args, size_t n, ftc_status *st)
{
    ftc_result r;
    ftc_error e;
    double d;

    *st = ftc_call(ftc_function_find(name), args, n, &r, &e);
    d = r.number;
    ftc_result_clear(&r);
    return d;
}

/* A column of Training against a row of Horizons: a 3 x 3 grid whose every
 * element is FT_TCO of its row's and column's values. */
START_TEST(test_grid_row_by_column)
{
    const ftc_function *fn = ftc_function_find("FT_TCO");
    ftc_value training[] = {N(0), N(200), N(5000)};
    ftc_value horizon[] = {N(6), N(12), N(24)};
    ftc_value serving = N(3000), hours = N(320), retrains = N(1), life = N(18), rate = N(150);
    ftc_grid g[] = {{3, 1, training}, {1, 1, &serving}, {1, 1, &hours}, {1, 1, &retrains},
                    {1, 1, &life},    {1, 1, &rate},    {1, 3, horizon}};
    ftc_grid_result out;
    ftc_error err = {.arg = -99};

    ck_assert_int_eq(ftc_call_grid(fn, g, 7, &out, &err), FTC_OK);
    ck_assert_uint_eq(out.rows, 3);
    ck_assert_uint_eq(out.cols, 3);
    ck_assert_uint_eq(out.n_errors, 0);
    for (size_t r = 0; r < 3; r++)
        for (size_t c = 0; c < 3; c++) {
            ftc_value one[] = {training[r], serving, hours, retrains, life, rate, horizon[c]};
            ftc_status st;
            double want = scalar("FT_TCO", one, 7, &st);

            ck_assert_int_eq(st, FTC_OK);
            ck_assert_int_eq(out.status[r * 3 + c], FTC_OK);
            ck_assert_msg(ftc_test_close(out.numbers[r * 3 + c], want),
                          "[%zu][%zu] %.17g != %.17g", r, c, out.numbers[r * 3 + c], want);
        }
    /* The contract's example sits at Training 200, Horizon 24. */
    ck_assert(ftc_test_close(out.numbers[1 * 3 + 2], 1224800.0));
    ftc_grid_result_clear(&out);
}
END_TEST

/* Equal shapes pair up; a bad element is an error in its place only, and a
 * missing element (an empty cell) takes the argument's default. */
START_TEST(test_grid_pairs_and_bad_elements)
{
    const ftc_function *fn = ftc_function_find("API_COST");
    ftc_value in[] = {N(1e6), N(-1), N(2e6), N(1e6)};
    ftc_value out_tok[] = {N(2e5), N(2e5), N(1e5), N(2e5)};
    ftc_value in_price = N(2.5), out_price = N(10);
    ftc_value cached[] = {N(4e5), N(0), N(0), {.kind = FTC_VALUE_MISSING}};
    ftc_grid g[] = {
        {4, 1, in}, {4, 1, out_tok}, {1, 1, &in_price}, {1, 1, &out_price}, {4, 1, cached}};
    ftc_grid_result res;
    ftc_error err;

    ck_assert_int_eq(ftc_call_grid(fn, g, 5, &res, &err), FTC_OK);
    ck_assert_uint_eq(res.rows, 4);
    ck_assert_uint_eq(res.cols, 1);
    ck_assert_uint_eq(res.n_errors, 1);
    ck_assert_int_eq(res.status[1], FTC_ERR_INVALID);
    ck_assert(res.numbers[1] == 0.0);
    ck_assert_int_eq(res.first_error.arg, 0);
    ck_assert_ptr_nonnull(strstr(res.first_error.message, "InputTokens"));
    for (size_t k = 0; k < 4; k++) {
        ftc_value one[] = {in[k], out_tok[k], in_price, out_price, cached[k]};
        ftc_status st;
        double want = scalar("API_COST", one, 5, &st);

        ck_assert_int_eq(res.status[k], st);
        if (st == FTC_OK)
            ck_assert(ftc_test_close(res.numbers[k], want));
    }
    ck_assert(ftc_test_close(res.numbers[3], 4.5)); /* the contract's example */
    ftc_grid_result_clear(&res);
}
END_TEST

/* "No answer" elements are #N/A in their place. */
START_TEST(test_grid_no_answer_element)
{
    const ftc_function *fn = ftc_function_find("FT_BREAKEVEN");
    ftc_value up = N(50000), monthly = N(3000), api[] = {N(8000), N(2000)};
    ftc_grid g[] = {{1, 1, &up}, {1, 1, &monthly}, {1, 2, api}};
    ftc_grid_result res;
    ftc_error err;

    ck_assert_int_eq(ftc_call_grid(fn, g, 3, &res, &err), FTC_OK);
    ck_assert_uint_eq(res.rows, 1);
    ck_assert_uint_eq(res.cols, 2);
    ck_assert_int_eq(res.status[0], FTC_OK);
    ck_assert(res.numbers[0] == 10.0);
    ck_assert_int_eq(res.status[1], FTC_ERR_NO_ANSWER);
    ck_assert_uint_eq(res.n_errors, 1);
    ftc_grid_result_clear(&res);
}
END_TEST

/* Shapes that cannot pair, empty and oversized grids, and functions that do
 * not return a number refuse the whole call, before allocating anything. */
START_TEST(test_grid_refusals)
{
    const ftc_function *tco = ftc_function_find("FT_TCO");
    ftc_value two[] = {N(1), N(2)}, three[] = {N(1), N(2), N(3)}, one = N(1);
    static ftc_value big_col[4096], big_row[2048];
    ftc_grid_result res;
    ftc_error err = {.arg = -99};

    ftc_grid mismatch[] = {
        {2, 1, two}, {3, 1, three}, {1, 1, &one}, {1, 1, &one}, {1, 1, &one}};
    ck_assert_int_eq(ftc_call_grid(tco, mismatch, 5, &res, &err), FTC_ERR_INVALID);
    ck_assert_int_eq(err.arg, 1);
    ck_assert_ptr_null(res.numbers);
    ck_assert_ptr_nonnull(strstr(err.message, "does not pair"));

    ftc_grid row_vs_row[] = {
        {1, 2, two}, {1, 3, three}, {1, 1, &one}, {1, 1, &one}, {1, 1, &one}};
    ck_assert_int_eq(ftc_call_grid(tco, row_vs_row, 5, &res, &err), FTC_ERR_INVALID);

    ftc_grid empty[] = {{0, 0, two}, {1, 1, &one}, {1, 1, &one}, {1, 1, &one}, {1, 1, &one}};
    ck_assert_int_eq(ftc_call_grid(tco, empty, 5, &res, &err), FTC_ERR_INVALID);
    ck_assert_int_eq(err.arg, 0);

    for (size_t i = 0; i < 4096; i++)
        big_col[i] = N(1);
    for (size_t i = 0; i < 2048; i++)
        big_row[i] = N(1);
    ftc_grid huge[] = {
        {4096, 1, big_col}, {1, 2048, big_row}, {1, 1, &one}, {1, 1, &one}, {1, 1, &one}};
    ck_assert_int_eq(ftc_call_grid(tco, huge, 5, &res, &err), FTC_ERR_INVALID);
    ck_assert_ptr_null(res.numbers);

    /* An array result and a text result: single values only. */
    ftc_value training[] = {N(0), N(200)}, v = N(3000), h = N(320), rt = N(1), l = N(18);
    ftc_grid items[] = {{2, 1, training}, {1, 1, &v}, {1, 1, &h}, {1, 1, &rt}, {1, 1, &l}};
    ck_assert_int_eq(ftc_call_grid(ftc_function_find("FT_TCO_ITEMS"), items, 5, &res, &err),
                     FTC_ERR_INVALID);
    ftc_value acc[] = {N(0.9), N(0.8)}, p = N(0.85), f = N(1e5), a = N(4e4);
    ftc_grid verdict[] = {{1, 2, acc}, {1, 1, &p}, {1, 1, &f}, {1, 1, &a}};
    ck_assert_int_eq(ftc_call_grid(ftc_function_find("FT_VERDICT"), verdict, 4, &res, &err),
                     FTC_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.message, "text"));
}
END_TEST

/* ftc_arg_list_parse(): what each argument of a list typed as in a cell is
 * (every test and the table JSON read the worked examples through it). */
START_TEST(test_arg_list_parse)
{
    ftc_arg_list l;
    ftc_error err;

    ck_assert(ftc_arg_list_parse(" 7E9 ; \"a;\"\"b\" ;; -0;abc;", &l, &err));
    ck_assert_uint_eq(l.n, 6);
    ck_assert_int_eq(l.values[0].kind, FTC_VALUE_NUMBER);
    ck_assert_double_eq(l.values[0].number, 7e9);
    ck_assert_str_eq(l.typed[0], "7E9");
    ck_assert_int_eq(l.values[1].kind, FTC_VALUE_TEXT);
    ck_assert_str_eq(l.values[1].text, "a;\"b");
    ck_assert_str_eq(l.typed[1], "\"a;\"\"b\"");
    ck_assert_int_eq(l.values[2].kind, FTC_VALUE_MISSING);
    ck_assert_str_eq(l.typed[2], "");
    ck_assert_int_eq(l.values[3].kind, FTC_VALUE_NUMBER);
    ck_assert(signbit(l.values[3].number));
    ck_assert_int_eq(l.values[4].kind, FTC_VALUE_TEXT); /* a word: as written */
    ck_assert_str_eq(l.values[4].text, "abc");
    ck_assert_int_eq(l.values[5].kind, FTC_VALUE_MISSING); /* after the last ';' */
    ftc_arg_list_clear(&l);
    ck_assert(ftc_arg_list_parse("  ", &l, &err));
    ck_assert_uint_eq(l.n, 0);
    ftc_arg_list_clear(&l);
    ck_assert(ftc_arg_list_parse("\"\"", &l, &err));
    ck_assert_uint_eq(l.n, 1);
    ck_assert_int_eq(l.values[0].kind, FTC_VALUE_TEXT);
    ck_assert_str_eq(l.values[0].text, "");
    ftc_arg_list_clear(&l);
    /* refused, naming the argument */
    ck_assert(!ftc_arg_list_parse("1; \"open", &l, &err));
    ck_assert_int_eq(err.arg, 1);
    ck_assert_ptr_nonnull(strstr(err.message, "unterminated quote"));
    ck_assert_uint_eq(l.n, 0);
    ck_assert(!ftc_arg_list_parse("\"a\"b; 2", &l, &err));
    ck_assert_int_eq(err.arg, 0);
    ck_assert(!ftc_arg_list_parse("1; {1;2}", &l, &err));
    ck_assert_int_eq(err.arg, 1);
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
    tcase_add_test(tc, test_arg_list_parse);
    tcase_add_test(tc, test_grid_row_by_column);
    tcase_add_test(tc, test_grid_pairs_and_bad_elements);
    tcase_add_test(tc, test_grid_no_answer_element);
    tcase_add_test(tc, test_grid_refusals);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(call_suite());
}
