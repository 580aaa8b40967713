/* Any input, any arity, any kind of value into every function: the call
 * returns a status of the enum and a finite result or a clear error, never
 * a crash, an infinity or a NaN.  A seeded sweep, so it is the same every
 * run; tests/fuzz/fuzz-core.c explores the same decoder with libFuzzer
 * (tests/ftc-test-fuzz.c). */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>
#include <string.h>

enum { CALLS_PER_SEED = 20000, SEEDS = 10, BYTES = 96 };

START_TEST(test_random_calls)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(0x5eed0000u + (guint32)_i);
    uint8_t bytes[BYTES];
    size_t counts[3] = {0};

    for (int call = 0; call < CALLS_PER_SEED; call++) {
        for (size_t i = 0; i < sizeof bytes; i++)
            bytes[i] = (uint8_t)g_rand_int(rand);
        ftc_status status;
        const char *problem =
            ftc_test_fuzz_call(bytes, 1 + (size_t)g_rand_int_range(rand, 0, BYTES), &status);

        ck_assert_msg(problem == NULL, "call %d: %s", call, problem);
        counts[status]++;
    }
    /* the sweep reaches all three outcomes, or it tests too little */
    ck_assert_uint_gt(counts[FTC_OK], 0);
    ck_assert_uint_gt(counts[FTC_ERR_INVALID], 0);
}
END_TEST

/* The same bytes as element-wise calls: grids of 0 to 3 x 0 to 3 values. */
START_TEST(test_random_grid_calls)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(0x9e1d0000u + (guint32)_i);
    uint8_t bytes[BYTES * 4];
    size_t counts[3] = {0};

    for (int call = 0; call < CALLS_PER_SEED / 4; call++) {
        for (size_t i = 0; i < sizeof bytes; i++)
            bytes[i] = (uint8_t)g_rand_int(rand);
        ftc_status status;
        const char *problem = ftc_test_fuzz_grid_call(
            bytes, 1 + (size_t)g_rand_int_range(rand, 0, sizeof bytes), &status);

        ck_assert_msg(problem == NULL, "grid call %d: %s", call, problem);
        counts[status]++;
    }
    ck_assert_uint_gt(counts[FTC_OK], 0);
    ck_assert_uint_gt(counts[FTC_ERR_INVALID], 0);
}
END_TEST

/* Every function with every argument at a valid value drawn at random:
 * mostly successes, so the kernels themselves are exercised hard. */
START_TEST(test_valid_random_values)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(0xfeed0000u + (guint32)_i);
    const ftc_function *fn = ftc_function_at((size_t)_i);
    ftc_arg_list example = {0};
    size_t ok = 0;

    /* text arguments (a model name, a kind of price) take their value from
     * the function's first successful example: "gpt-4o" without quotes */
    for (size_t e = 0; e < fn->n_examples; e++)
        if (fn->examples[e].status == FTC_OK) {
            ftc_test_args(fn->examples[e].args, &example);
            break;
        }

    for (int call = 0; call < 2000; call++) {
        ftc_value args[FTC_TEST_MAX_VALUES];
        ftc_result r;
        ftc_error err;

        for (size_t i = 0; i < fn->n_args; i++) {
            double x = g_rand_double_range(rand, 0, 1);

            switch (fn->args[i].domain) {
            case FTC_DOMAIN_WHOLE_MONTHS:
                x = g_rand_int_range(rand, 1, FTC_MAX_MONTHS + 1);
                break;
            case FTC_DOMAIN_WHOLE_NON_NEGATIVE:
                x = floor(x * 1e6);
                break;
            case FTC_DOMAIN_ABOVE_MINUS_1:
                x = x * 0.2 - 0.1;
                break;
            case FTC_DOMAIN_AT_LEAST_1:
                x += 1;
                break;
            case FTC_DOMAIN_FRACTION_BELOW_1:
                x *= 0.99;
                break;
            case FTC_DOMAIN_FRACTION_ABOVE_0:
                x = 1 - x * 0.99;
                break;
            case FTC_DOMAIN_FRACTION:
                break;
            default:
                x = x * pow(10, g_rand_int_range(rand, 0, 10)) + 1e-9;
            }
            args[i] = (ftc_value){.kind = FTC_VALUE_NUMBER, .number = x};
            if (fn->args[i].domain == FTC_DOMAIN_TEXT)
                args[i] =
                    i < example.n ? example.values[i] : (ftc_value){.kind = FTC_VALUE_MISSING};
        }
        if (ftc_call(fn, args, fn->n_args, &r, &err) == FTC_OK) {
            ok++;
            ftc_result_clear(&r);
        }
    }
    ftc_arg_list_clear(&example);
    ck_assert_msg(ok > 100, "%s: only %zu of 2000 valid calls succeeded", fn->name, ok);
}
END_TEST

static Suite *robustness_suite(void)
{
    Suite *s = suite_create("robustness");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_random_calls, 0, SEEDS);
    tcase_add_loop_test(tc, test_random_grid_calls, 0, SEEDS);
    tcase_add_loop_test(tc, test_valid_random_values, 0, (int)ftc_function_count());
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(robustness_suite());
}
