/* The API side: API_COST and API_TCO (functions/ftc-api.c). */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>

static const ftc_number_case number_cases[] = {
    /* spec: (1e6*2.5 + 2e5*10) / 1e6 */
    {"API_COST", "1000000; 200000; 2.5; 10", 4.5},
    /* spec: (6e5*2.5 + 4e5*1.25 + 2e5*10) / 1e6 */
    {"API_COST", "1000000; 200000; 2.5; 10; 400000; 1.25", 4.0},
    /* CachedPrice left out: the cached part costs the input price */
    {"API_COST", "1000000; 0; 2; 0; 500000", 2.0},
    {"API_COST", "1000000; 0; 2; 0; 500000; ; 0", 2.0},
    /* batch discount on the whole bill */
    {"API_COST", "1000000; 200000; 2.5; 10; 0; ; 0.5", 2.25},
    {"API_COST", "1000000; 200000; 2.5; 10; 0; 0; 1", 0},
    /* all of the input from the cache */
    {"API_COST", "100; 0; 1; 1; 100; 0.5", 5e-5},
    /* spec: 24 months of 450 */
    {"API_TCO", "100000000; 20000000; 2.5; 10", 10800},
    {"API_TCO", "100000000; 20000000; 2.5; 10; 0; 24; 0; 0", 10800},
    /* spec: 450 * (1.05^24 - 1) / 0.05, as an exact rational sum */
    {"API_TCO", "100000000; 20000000; 2.5; 10; 0.05", 20025.899493423298},
    {"API_TCO", "100000000; 20000000; 2.5; 10; ; 1", 450},
    {"API_TCO", "0; 0; 0; 0; 0; 12; 1000", 12000},
    /* volume doubling while prices halve: a flat bill */
    {"API_TCO", "100000000; 20000000; 2.5; 10; 1; 24; 0; -0.5", 10800},
    /* prices cut 10 % a month: 100 * (1 - 0.9^3) / 0.1 */
    {"API_TCO", "1000000; 0; 100; 0; 0; 3; 0; -0.1", 271},
    {"API_TCO", "1000000; 0; 100; 0; 0; 3; 50; -0.1", 421},
    {"API_TCO", "1000000; 0; 100; 0; 0; 1200", 120000},
    {"API_TCO", "1000000; 0; 100; 0; -0.99; 2", 101},
};

FTC_TEST_NUMBERS(number_cases)

static const ftc_invalid_case invalid_cases[] = {
    {"API_COST", "-1; 0; 1; 1", 0},
    {"API_COST", "1; 0; -1; 1", 2},
    {"API_COST", "100; 0; 1; 1; 101", 4}, /* cached > input */
    {"API_COST", "100; 0; 1; 1; 10; -1", 5},
    {"API_COST", "100; 0; 1; 1; 10; 1; 1.01", 6},
    {"API_COST", "100; 0; 1; 1; 10; 1; -0.5", 6},
    {"API_COST", "100; 0; 1; 1; many", 4},
    {"API_TCO", "1; 1; 1; 1; -1", 4},
    {"API_TCO", "1; 1; 1; 1; 0; 0", 5},
    {"API_TCO", "1; 1; 1; 1; 0; 12.5", 5},
    {"API_TCO", "1; 1; 1; 1; 0; 1201", 5},
    {"API_TCO", "1; 1; 1; 1; 0; 24; -5", 6},
    {"API_TCO", "1; 1; 1; 1; 0; 24; 0; -1", 7},
    /* doubling every month for 100 years overflows a double */
    {"API_TCO", "1000000; 0; 100; 0; 1; 1200", -1},
};

FTC_TEST_INVALID(invalid_cases)

/* API_TCO over one month is API_COST of that month plus the labour. */
START_TEST(test_tco_one_month_is_cost)
{
    ftc_result tco, cost;
    ftc_error err;

    ck_assert_int_eq(ftc_test_call("API_TCO", "3e7; 4e6; 3; 15; 0.2; 1; 70", &tco, &err),
                     FTC_OK);
    ck_assert_int_eq(ftc_test_call("API_COST", "3e7; 4e6; 3; 15", &cost, &err), FTC_OK);
    ck_assert(ftc_test_close(tco.number, cost.number + 70));
}
END_TEST

static Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("core");

    tcase_add_loop_test(tc, test_numbers, 0, G_N_ELEMENTS(number_cases));
    tcase_add_loop_test(tc, test_invalid, 0, G_N_ELEMENTS(invalid_cases));
    tcase_add_test(tc, test_tco_one_month_is_cost);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(api_suite());
}
