#include "ftc-test-util.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

ftc_status ftc_test_call(const char *name, const char *args, ftc_result *out, ftc_error *err)
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

double ftc_test_number(const char *name, const char *args)
{
    ftc_result r;
    ftc_error e;

    ck_assert_msg(ftc_test_call(name, args, &r, &e) == FTC_OK, "%s(%s): %s", name, args,
                  e.message);
    ck_assert_int_eq(r.type, FTC_TYPE_NUMBER);
    return r.number;
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

/* A fresh directory; removed with its files by ftc_test_remove_dir(). */
char *ftc_test_make_dir(void)
{
    char *dir = g_dir_make_tmp("ftcost-prices-XXXXXX", NULL);

    ck_assert_ptr_nonnull(dir);
    return dir;
}

void ftc_test_remove_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);

        if (g_rmdir(path) != 0)
            g_remove(path);
    }
    g_rmdir(dir);
}

void ftc_test_write_file(const char *path, const char *data, gssize len)
{
    ck_assert(g_file_set_contents(path, data, len, NULL));
}

/* stderr into a file until ftc_test_capture_end(): what the loader said. */
ftc_test_capture ftc_test_capture_begin(void)
{
    ftc_test_capture c = {.path =
                              g_build_filename(g_get_tmp_dir(), "ftcost-stderr-XXXXXX", NULL)};
    int fd = g_mkstemp(c.path);

    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    c.saved = dup(2);
    dup2(fd, 2);
    close(fd);
    return c;
}

char *ftc_test_capture_end(ftc_test_capture *c)
{
    char *text = NULL;

    fflush(stderr);
    dup2(c->saved, 2);
    close(c->saved);
    ck_assert(g_file_get_contents(c->path, &text, NULL, NULL));
    g_remove(c->path);
    g_free(c->path);
    return text;
}

size_t ftc_test_count_lines(const char *text)
{
    size_t n = 0;

    for (; *text != '\0'; text++)
        n += *text == '\n';
    return n;
}
