#include "ftc-test-util.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

void ftc_test_args(const char *args, ftc_arg_list *out)
{
    ftc_error err;

    ck_assert_msg(ftc_arg_list_parse(args, out, &err), "(%s): %s", args, err.message);
}

ftc_status ftc_test_call(const char *name, const char *args, ftc_result *out, ftc_error *err)
{
    const ftc_function *fn = ftc_function_find(name);
    ftc_arg_list list;
    ftc_status st;

    ck_assert_msg(fn != NULL, "no function %s", name);
    ftc_test_args(args, &list);
    st = ftc_call(fn, list.values, list.n, out, err);
    ftc_arg_list_clear(&list);
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
