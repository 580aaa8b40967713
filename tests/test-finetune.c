/* The fine-tuning side: FT_TCO and its items, training, serving,
 * self-hosting, energy (functions/ftc-finetune.c). */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>

typedef struct {
    const char *name, *args;
    double want; /* worked out by hand from the spec's formulas */
} number_case;

static const number_case number_cases[] = {
    /* spec: 200 + 3000*24 + 320*150*24 + 200*1*24/12 + 200*floor(24/18) */
    {"FT_TCO", "200; 3000; 320; 1; 18", 1224800},
    {"FT_TCO", "200; 3000; 320; 1; 18; 150; 24", 1224800},
    {"FT_TCO", "200; 3000; 320; 1; 18; ; ", 1224800},
    /* lifecycle 12 in 24 months: two rebuilds */
    {"FT_TCO", "100; 10; 1; 2; 12; 100; 24", 100 + 240 + 2400 + 400 + 200},
    /* deprecation exactly at the horizon's end counts: floor(36/12) = 3 */
    {"FT_TCO", "1000; 0; 0; 0; 12; 150; 36", 4000},
    /* a horizon that is not whole: floor(18.5/6) = 3 rebuilds */
    {"FT_TCO", "10; 0; 0; 0; 6; 0; 18.5", 40},
    /* lifecycle past the horizon: no rebuild */
    {"FT_TCO", "500; 0; 0; 0; 36; 0; 24", 500},
    {"FT_TCO", "0; 1000; 10; 0; 18; 200", 1000 * 24 + 10 * 200 * 24},
    {"FT_HIDDEN_SHARE", "200; 3000; 320; 1; 18", 1.0 - 200.0 / 1224800.0},
    {"FT_HIDDEN_SHARE", "0; 3000; 0; 0; 18", 1.0},
    {"FT_HIDDEN_SHARE", "1000; 0; 0; 0; 36; 0; 24", 0.0},
    {"FT_TRAINING_COST", "1.32; 1; 1; 10", 13.2},
    {"FT_TRAINING_COST", "2; 10", 20},
    {"FT_TRAINING_COST", "2; 10; 4; 3; 0.25", 300},
    {"FT_TRAINING_COST", "2; 10; ; ; 1", 40},
    {"FT_TRAINING_TOKENS_COST", "5000000; 3; 25", 375},
    {"FT_TRAINING_TOKENS_COST", "1000000; 2; 8; 3", 48},
    {"FT_SERVING_COST", "2; 2", 2920},
    {"FT_SERVING_COST", "1.5; 4; 100; 0.2", 720},
    {"FT_SERVING_COST", "1.5; 0", 0},
    {"FT_SELFHOST_PER_MTOK", "2; 1000; 0.5", 10.0 / 9.0},
    {"FT_SELFHOST_PER_MTOK", "3.6; 1000", 1},
    {"FT_SELFHOST_PER_MTOK", "2; 1000; 0.5; 4", 40.0 / 9.0},
    {"FT_ENERGY_KWH", "700; 8; 100", 672},
    {"FT_ENERGY_KWH", "1000; 1; 1; 1.5", 1.5},
    {"FT_ENERGY_KWH", "1000; 1; 1; 1", 1},
    {"FT_CO2_KG", "672; 400", 268.8},
    {"FT_CO2_KG", "0; 400", 0},
};

START_TEST(test_numbers)
{
    const number_case *c = &number_cases[_i];

    ck_assert_result_number(c->name, c->args, c->want);
}
END_TEST

typedef struct {
    const char *name, *args;
    int arg; /* the argument blamed, -1 for a rule across arguments */
} error_case;

static const error_case invalid_cases[] = {
    {"FT_TCO", "-200; 3000; 320; 1; 18", 0},
    {"FT_TCO", "200; 3000; 320; 1; 0", 4},
    {"FT_TCO", "200; 3000; 320; 1; -18", 4},
    {"FT_TCO", "200; 3000; 320; 1; 18; 150; 0", 6},
    {"FT_TCO", "200; 3000; 320; 1; 18; cheap", 5},
    {"FT_TCO", "200; 3000; 320; -1; 18", 3},
    {"FT_TCO_ITEMS", "200; 3000; -320; 1; 18", 2},
    {"FT_HIDDEN_SHARE", "0; 0; 0; 0; 18", -1},
    {"FT_HIDDEN_SHARE", "0; 0; 5; 0; 18; 0", -1}, /* hours at rate 0: total 0 */
    {"FT_TRAINING_COST", "1.32; 1; 1; 10; 1.5", 4},
    {"FT_TRAINING_COST", "1.32; 1; 1; 10; -0.1", 4},
    {"FT_TRAINING_COST", "1.32; 1; -1", 2},
    {"FT_TRAINING_TOKENS_COST", "5000000; -3; 25", 1},
    {"FT_SERVING_COST", "2; 2; -730", 2},
    {"FT_SELFHOST_PER_MTOK", "2; 0", 1},
    {"FT_SELFHOST_PER_MTOK", "2; 1000; 0", 2},
    {"FT_SELFHOST_PER_MTOK", "2; 1000; 1.1", 2},
    {"FT_SELFHOST_PER_MTOK", "2; 1000; 1; 0", 3},
    {"FT_ENERGY_KWH", "700; 8; 100; 0.9", 3},
    {"FT_CO2_KG", "672; -1", 1},
    /* valid inputs whose result overflows a double */
    {"FT_TCO", "1e308; 1e308; 0; 0; 18", -1},
    {"FT_TRAINING_COST", "1e200; 1e200", -1},
};

START_TEST(test_invalid)
{
    const error_case *c = &invalid_cases[_i];

    ck_assert_result_error(c->name, c->args, FTC_ERR_INVALID, c->arg);
}
END_TEST

/* The items are the five terms of the total and sum to it exactly. */
static const char *const items_cases[] = {
    "200; 3000; 320; 1; 18",
    "12345.6; 789.1; 33.3; 2.5; 7; 99.9; 61",
    "0; 0; 0; 0; 1",
    "1e9; 1e7; 1e4; 12; 0.5; 1e3; 1200",
};

START_TEST(test_items_sum_to_total)
{
    ftc_result items, total;
    ftc_error err;
    double sum = 0;

    ck_assert_int_eq(ftc_test_call("FT_TCO_ITEMS", items_cases[_i], &items, &err), FTC_OK);
    ck_assert_int_eq(ftc_test_call("FT_TCO", items_cases[_i], &total, &err), FTC_OK);
    ck_assert_int_eq(items.type, FTC_TYPE_ARRAY);
    ck_assert_uint_eq(items.rows, 5);
    ck_assert_uint_eq(items.cols, 1);
    for (size_t i = 0; i < 5; i++)
        sum += items.cells[i];
    ck_assert_double_eq(sum, total.number);
    ftc_result_clear(&items);
}
END_TEST

START_TEST(test_items_in_order)
{
    static const double want[] = {200, 72000, 1152000, 400, 200};
    ftc_result r;
    ftc_error err;

    ck_assert_int_eq(ftc_test_call("FT_TCO_ITEMS", "200; 3000; 320; 1; 18", &r, &err), FTC_OK);
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        ck_assert_double_eq(r.cells[i], want[i]);
    ftc_result_clear(&r);
}
END_TEST

/* -0 is accepted as 0 and never comes back as "-0". */
START_TEST(test_negative_zero)
{
    ftc_result r;
    ftc_error err;

    ck_assert_int_eq(ftc_test_call("FT_CO2_KG", "-0; 400", &r, &err), FTC_OK);
    ck_assert_double_eq(r.number, 0.0);
    ck_assert(!signbit(r.number));
}
END_TEST

static Suite *finetune_suite(void)
{
    Suite *s = suite_create("finetune");
    TCase *tc = tcase_create("core");

    tcase_add_loop_test(tc, test_numbers, 0, G_N_ELEMENTS(number_cases));
    tcase_add_loop_test(tc, test_invalid, 0, G_N_ELEMENTS(invalid_cases));
    tcase_add_loop_test(tc, test_items_sum_to_total, 0, G_N_ELEMENTS(items_cases));
    tcase_add_test(tc, test_items_in_order);
    tcase_add_test(tc, test_negative_zero);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(finetune_suite());
}
