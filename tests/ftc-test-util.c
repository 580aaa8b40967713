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

