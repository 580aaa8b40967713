/* ftc-test-util.h: helpers shared by the check suites. */
#ifndef FTC_TEST_UTIL_H
#define FTC_TEST_UTIL_H

#include "ftcost.h"

#include <check.h>
#include <glib.h>

/* Relative tolerance of the contract (shared/spec/FUNCTIONS.md). */
#define FTC_TEST_REL_TOL 1e-12

/* More values than any function takes. */
#define FTC_TEST_MAX_VALUES 16

/* Arguments written as in a cell ("200; 3000; ; 1", "\"gpt-4o\""),
 * parsed by the core's ftc_arg_list_parse(): every test reads a worked
 * example's or its own calls this one way.  The test fails when they do
 * not parse.  Release with ftc_arg_list_clear(). */
void ftc_test_args(const char *args, ftc_arg_list *out);

/* Calls `name` with arguments written as in a cell (ftc_test_args: an
 * empty place leaves that argument out; "quoted" and what does not read as
 * a number is passed as text, without the quotes).  Aborts the test when
 * the function does not exist. */
ftc_status ftc_test_call(const char *name, const char *args, ftc_result *out, ftc_error *err);

/* |got - want| <= 1e-12 * |want| (absolute 1e-300 around 0). */
bool ftc_test_close(double got, double want);

/* Asserts a number result within the contract's tolerance. */
#define ck_assert_result_number(name, args, want)                                              \
    do {                                                                                       \
        ftc_result r_;                                                                         \
        ftc_error e_ = {.arg = -1};                                                            \
        ftc_status st_ = ftc_test_call(name, args, &r_, &e_);                                  \
        ck_assert_msg(st_ == FTC_OK, "%s(%s): status %d: %s", name, args, st_, e_.message);    \
        ck_assert_int_eq(r_.type, FTC_TYPE_NUMBER);                                            \
        ck_assert_msg(ftc_test_close(r_.number, want), "%s(%s) = %.17g, want %.17g", name,     \
                      args, r_.number, (double)(want));                                        \
        ftc_result_clear(&r_);                                                                 \
    } while (0)

/* Asserts an error status; `arg` is the argument to blame, or -1. */
#define ck_assert_result_error(name, args, want_status, want_arg)                              \
    do {                                                                                       \
        ftc_result r_;                                                                         \
        ftc_error e_ = {.arg = -99};                                                           \
        ftc_status st_ = ftc_test_call(name, args, &r_, &e_);                                  \
        ck_assert_msg(st_ == (want_status), "%s(%s): status %d, want %d", name, args, st_,     \
                      want_status);                                                            \
        ck_assert_int_eq(e_.arg, want_arg);                                                    \
        ck_assert_msg(e_.message[0] != '\0', "%s(%s): no message", name, args);                \
        ftc_result_clear(&r_);                                                                 \
    } while (0)

/* Price files: a fresh directory (removed with its files), a file's
 * content, and what the loader says on stderr meanwhile. */
char *ftc_test_make_dir(void);
void ftc_test_remove_dir(const char *dir);
void ftc_test_write_file(const char *path, const char *data, gssize len);
typedef struct {
    int saved;
    char *path;
} ftc_test_capture;
ftc_test_capture ftc_test_capture_begin(void);
char *ftc_test_capture_end(ftc_test_capture *c);
size_t ftc_test_count_lines(const char *text);

/* The tables every module's suite starts with, and their loop tests:
 * FTC_TEST_NUMBERS(number_cases) defines test_numbers (values to 1e-12),
 * FTC_TEST_INVALID(invalid_cases) test_invalid (Err:502 blaming `arg`). */
typedef struct {
    const char *name, *args;
    double want;
} ftc_number_case;

typedef struct {
    const char *name, *args;
    int arg;
} ftc_invalid_case;

#define FTC_TEST_NUMBERS(cases)                                                                \
    START_TEST(test_numbers)                                                                   \
    {                                                                                          \
        ck_assert_result_number(cases[_i].name, cases[_i].args, cases[_i].want);               \
    }                                                                                          \
    END_TEST

#define FTC_TEST_INVALID(cases)                                                                \
    START_TEST(test_invalid)                                                                   \
    {                                                                                          \
        ck_assert_result_error(cases[_i].name, cases[_i].args, FTC_ERR_INVALID,                \
                               cases[_i].arg);                                                 \
    }                                                                                          \
    END_TEST

/* The number a call that must succeed gives (the test fails otherwise). */
double ftc_test_number(const char *name, const char *args);

/* Runs one suite and returns the process exit code. */
int ftc_test_run(Suite *suite);

/* The seeded sweep and the libFuzzer target share the decoder. */
#include "ftc-test-fuzz.h"

#endif
