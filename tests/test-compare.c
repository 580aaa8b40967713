/* Fine-tuning against the API: FT_BREAKEVEN, FT_BREAKEVEN_VOLUME,
 * FT_SCHEDULE, FT_VERDICT (functions/ftc-compare.c). */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>
#include <string.h>

typedef struct {
    const char *name, *args;
    double want;
} number_case;

static const number_case number_cases[] = {
    /* spec: 50000 + 3000*10 = 80000 = 8000*10 */
    {"FT_BREAKEVEN", "50000; 3000; 8000", 10},
    /* spec: month 14, 92000 <= 100000*(1.05^14 - 1) = 97993 */
    {"FT_BREAKEVEN", "50000; 3000; 5000; 0.05", 14},
    {"FT_BREAKEVEN", "0; 0; 1", 1},
    {"FT_BREAKEVEN", "0; 0; 0", 1}, /* nothing to recover: even at once */
    {"FT_BREAKEVEN", "1000; 0; 100; 0; 10", 10},
    {"FT_BREAKEVEN", "1000; 0; 100; 0; 1200", 10},
    /* a shrinking API bill still crosses in time: 100*(1-0.5^m)/0.5 >= 150 */
    {"FT_BREAKEVEN", "150; 0; 100; -0.5", 2},
    /* needs more than the default 120 months */
    {"FT_BREAKEVEN", "1000000; 0; 1000; 0; 1200", 1000},
    {"FT_BREAKEVEN_VOLUME", "10000; 1; 6", 2000000000},
    {"FT_BREAKEVEN_VOLUME", "0; 1; 6", 0},
    {"FT_BREAKEVEN_VOLUME", "5000; 0; 2.5", 2000000000},
};

START_TEST(test_numbers)
{
    ck_assert_result_number(number_cases[_i].name, number_cases[_i].args,
                            number_cases[_i].want);
}
END_TEST

typedef struct {
    const char *name, *args;
    ftc_status status;
    int arg;
} error_case;

static const error_case error_cases[] = {
    {"FT_BREAKEVEN", "50000; 3000; 2000", FTC_ERR_NO_ANSWER, -1},
    {"FT_BREAKEVEN", "1000; 0; 100; 0; 9", FTC_ERR_NO_ANSWER, -1},
    {"FT_BREAKEVEN", "1000000; 0; 1000", FTC_ERR_NO_ANSWER, -1},
    {"FT_BREAKEVEN", "1; 0; 1; 0; 0", FTC_ERR_INVALID, 4},
    {"FT_BREAKEVEN", "1; 0; 1; 0; 1201", FTC_ERR_INVALID, 4},
    {"FT_BREAKEVEN", "1; 0; 1; 0; 2.5", FTC_ERR_INVALID, 4},
    {"FT_BREAKEVEN", "1; 0; 1; -1", FTC_ERR_INVALID, 3},
    {"FT_BREAKEVEN", "-1; 0; 1", FTC_ERR_INVALID, 0},
    {"FT_BREAKEVEN_VOLUME", "10000; 6; 6", FTC_ERR_NO_ANSWER, -1},
    {"FT_BREAKEVEN_VOLUME", "10000; 7; 6", FTC_ERR_NO_ANSWER, -1},
    {"FT_BREAKEVEN_VOLUME", "10000; -1; 6", FTC_ERR_INVALID, 1},
    {"FT_SCHEDULE", "1; 1; 1; 0; 0", FTC_ERR_INVALID, 4},
    {"FT_SCHEDULE", "1; 1; 1; 0; 1201", FTC_ERR_INVALID, 4},
    {"FT_SCHEDULE", "1; 1; 1; 0; 3.5", FTC_ERR_INVALID, 4},
    {"FT_SCHEDULE", "1; 1; 1; 0; ten", FTC_ERR_INVALID, 4},
    {"FT_VERDICT", "0.9; 0.85; 1; 1; 1", FTC_ERR_INVALID, 4},
    {"FT_VERDICT", "0.9; 0.85; 1; 1; -0.1", FTC_ERR_INVALID, 4},
    {"FT_VERDICT", "0.9; -0.85; 1; 1", FTC_ERR_INVALID, 1},
    {"FT_VERDICT", "0.9; 0.85; -1; 1", FTC_ERR_INVALID, 2},
};

START_TEST(test_errors)
{
    const error_case *c = &error_cases[_i];

    ck_assert_result_error(c->name, c->args, c->status, c->arg);
}
END_TEST

typedef struct {
    const char *args, *want;
} verdict_case;

static const verdict_case verdict_cases[] = {
    {"0.90; 0.85; 100000; 40000", "PROMPT"},    /* spec */
    {"0.90; 0.78; 100000; 40000", "FINE-TUNE"}, /* spec */
    {"1; 0.9; 100; 100", "PROMPT"},             /* both limits met exactly */
    {"1; 0.9; 100; 100.01", "FINE-TUNE"},       /* API dearer */
    {"1; 0.99; 1; 1; 0", "FINE-TUNE"},          /* no tolerance */
    {"1; 1; 1; 1; 0", "PROMPT"},
    {"0.9; 0.5; 1; 0; 0.5", "PROMPT"},
    {"90; 85; 100000; 40000", "PROMPT"}, /* percent scale works the same */
};

START_TEST(test_verdict)
{
    ftc_result r;
    ftc_error err;

    ck_assert_int_eq(ftc_test_call("FT_VERDICT", verdict_cases[_i].args, &r, &err), FTC_OK);
    ck_assert_int_eq(r.type, FTC_TYPE_TEXT);
    ck_assert_str_eq(r.text, verdict_cases[_i].want);
}
END_TEST

START_TEST(test_schedule_rows)
{
    /* growth 10 %: API flows 200, 220, 242 */
    static const double want[4][5] = {
        {0, 1000, 0, 1000, 0},
        {1, 100, 200, 1100, 200},
        {2, 100, 220, 1200, 420},
        {3, 100, 242, 1300, 662},
    };
    ftc_result r;
    ftc_error err;

    ck_assert_int_eq(ftc_test_call("FT_SCHEDULE", "1000; 100; 200; 0.1; 3", &r, &err), FTC_OK);
    ck_assert_int_eq(r.type, FTC_TYPE_ARRAY);
    ck_assert_uint_eq(r.rows, 4);
    ck_assert_uint_eq(r.cols, 5);
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 5; j++)
            ck_assert_msg(ftc_test_close(r.cells[i * 5 + j], want[i][j]),
                          "row %zu col %zu: %.17g, want %.17g", i, j, r.cells[i * 5 + j],
                          want[i][j]);
    ftc_result_clear(&r);
}
END_TEST

START_TEST(test_schedule_default_months)
{
    ftc_result r;
    ftc_error err;

    ck_assert_int_eq(ftc_test_call("FT_SCHEDULE", "1; 1; 1", &r, &err), FTC_OK);
    ck_assert_uint_eq(r.rows, 25);
    ftc_result_clear(&r);
    ck_assert_int_eq(ftc_test_call("FT_SCHEDULE", "1; 1; 1; 0; 1200", &r, &err), FTC_OK);
    ck_assert_uint_eq(r.rows, 1201);
    ck_assert_double_eq(r.cells[1200 * 5], 1200);
    ftc_result_clear(&r);
}
END_TEST

/* The schedule's cumulative columns first cross where FT_BREAKEVEN says,
 * and never before: the two share their sums. */
static const char *const crossing_cases[] = {
    "50000; 3000; 8000", "50000; 3000; 5000; 0.05", "123456; 789; 4567; 0.013",
    "1000; 0; 100",      "0.1; 0.3; 0.4; 0.1",      "50000; 3000; 2000",
};

START_TEST(test_schedule_crosses_at_breakeven)
{
    g_auto(GStrv) parts = g_strsplit(crossing_cases[_i], ";", -1);
    /* FT_SCHEDULE needs ApiGrowth before Months: pad to four arguments. */
    g_autofree char *schedule_args = g_strdup_printf("%s%s; 120", crossing_cases[_i],
                                                     g_strv_length(parts) == 3 ? "; 0" : "");
    ftc_result sched, be;
    ftc_error err;
    ftc_status st;
    double crossing = -1;

    ck_assert_int_eq(ftc_test_call("FT_SCHEDULE", schedule_args, &sched, &err), FTC_OK);
    for (size_t m = 1; m <= 120 && crossing < 0; m++)
        if (sched.cells[m * 5 + 3] <= sched.cells[m * 5 + 4])
            crossing = (double)m;
    ftc_result_clear(&sched);

    st = ftc_test_call("FT_BREAKEVEN", crossing_cases[_i], &be, &err);
    if (crossing < 0)
        ck_assert_int_eq(st, FTC_ERR_NO_ANSWER);
    else {
        ck_assert_int_eq(st, FTC_OK);
        ck_assert_double_eq(be.number, crossing);
    }
}
END_TEST

static Suite *compare_suite(void)
{
    Suite *s = suite_create("compare");
    TCase *tc = tcase_create("core");

    tcase_add_loop_test(tc, test_numbers, 0, G_N_ELEMENTS(number_cases));
    tcase_add_loop_test(tc, test_errors, 0, G_N_ELEMENTS(error_cases));
    tcase_add_loop_test(tc, test_verdict, 0, G_N_ELEMENTS(verdict_cases));
    tcase_add_test(tc, test_schedule_rows);
    tcase_add_test(tc, test_schedule_default_months);
    tcase_add_loop_test(tc, test_schedule_crosses_at_breakeven, 0,
                        G_N_ELEMENTS(crossing_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(compare_suite());
}
