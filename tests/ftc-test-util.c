#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

ftc_status ftc_test_call(const char *name, const char *args, ftc_result *out,
                         ftc_error *err)
{
    const ftc_function *fn = ftc_function_find(name);
    g_auto(GStrv) parts = NULL;
    ftc_value values[16];
    size_t n = 0;
    ftc_status st;

    ck_assert_msg(fn != NULL, "no function %s", name);
    if (args[0] != '\0')
        parts = g_strsplit(args, ";", -1);
    for (; parts != NULL && parts[n] != NULL; n++) {
        char *s = g_strstrip(parts[n]), *end;

        ck_assert_uint_lt(n, G_N_ELEMENTS(values));
        values[n] = (ftc_value){.kind = FTC_VALUE_MISSING};
        if (*s == '\0')
            continue;
        /* "gpt-4o" as typed in a cell: text, whatever it reads like */
        if (s[0] == '"' && strlen(s) >= 2 && s[strlen(s) - 1] == '"') {
            s[strlen(s) - 1] = '\0';
            values[n] = (ftc_value){.kind = FTC_VALUE_TEXT, .text = s + 1};
            continue;
        }
        values[n].number = g_ascii_strtod(s, &end);
        if (*end == '\0')
            values[n].kind = FTC_VALUE_NUMBER;
        else
            values[n] = (ftc_value){.kind = FTC_VALUE_TEXT, .text = s};
    }
    st = ftc_call(fn, values, n, out, err);
    return st;
}

bool ftc_test_close(double got, double want)
{
    if (isnan(got) || isnan(want))
        return false;
    return fabs(got - want) <= fmax(FTC_TEST_REL_TOL * fabs(want), 1e-300);
}

int ftc_test_run(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    int failed;

    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#include <string.h>

static uint8_t take_byte(const uint8_t **data, size_t *size)
{
    uint8_t b = 0;

    if (*size > 0) {
        b = **data;
        (*data)++;
        (*size)--;
    }
    return b;
}

static double take_double(const uint8_t **data, size_t *size)
{
    /* Half of the values from a small set of edges, the rest raw bits. */
    static const double edges[] = {0.0, -0.0, 1.0, -1.0, 0.5, 12, 24, 1200, 1201,
                                   1e308, -1e308, 5e-324, INFINITY, -INFINITY, NAN,
                                   0.999999999, 1.000000001, 1e6, 1e15};
    uint8_t mode = take_byte(data, size);
    double x = 0;

    if (mode & 1)
        return edges[(mode >> 1) % G_N_ELEMENTS(edges)];
    for (size_t i = 0; i < sizeof x; i++)
        ((uint8_t *)&x)[i] = take_byte(data, size);
    return x;
}

ftc_status ftc_test_call_from_bytes(const uint8_t *data, size_t size)
{
    static const char *const texts[] = {"", "input", "x", "gpt-4o", "ÄÖÜ€", "1e3"};
    const ftc_function *fn = ftc_function_at(take_byte(&data, &size) % ftc_function_count());
    ftc_value args[FTC_TEST_MAX_VALUES];
    size_t n = take_byte(&data, &size) % (fn->n_args + 2);
    ftc_result r;
    ftc_error err = {.arg = -99};
    ftc_status st;

    for (size_t i = 0; i < n; i++) {
        uint8_t kind = take_byte(&data, &size) % 8;

        if (kind == 0)
            args[i] = (ftc_value){.kind = FTC_VALUE_MISSING};
        else if (kind == 1)
            args[i] = (ftc_value){.kind = FTC_VALUE_TEXT,
                                  .text = texts[take_byte(&data, &size) % G_N_ELEMENTS(texts)]};
        else
            args[i] = (ftc_value){.kind = FTC_VALUE_NUMBER, .number = take_double(&data, &size)};
    }
    st = ftc_call(fn, args, n, &r, &err);
    switch (st) {
    case FTC_OK:
        if (r.type == FTC_TYPE_NUMBER)
            ck_assert_msg(isfinite(r.number), "%s: %g", fn->name, r.number);
        else if (r.type == FTC_TYPE_TEXT)
            ck_assert(r.text != NULL && r.text[0] != '\0');
        else {
            ck_assert(r.rows > 0 && r.cols > 0 && r.cells != NULL);
            for (size_t i = 0; i < r.rows * r.cols; i++)
                ck_assert(isfinite(r.cells[i]));
        }
        ck_assert_int_eq((int)r.type, (int)fn->result);
        ftc_result_clear(&r);
        break;
    case FTC_ERR_INVALID:
    case FTC_ERR_NO_ANSWER:
        ck_assert(err.arg >= -1 && err.arg < (int)fn->n_args);
        ck_assert(memchr(err.message, '\0', sizeof err.message) != NULL);
        ck_assert(err.message[0] != '\0');
        ck_assert_ptr_null(r.cells);
        break;
    default:
        ck_abort_msg("%s: status %d is not in the enum", fn->name, st);
    }
    return st;
}
