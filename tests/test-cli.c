/* The `ftcost` command (cli/ftcost.c), run as a user runs it: every worked
 * example of the catalogue, errors and exit codes, help, the reference. */
#include "ftc-test-util.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int status; /* exit code */
    char *out, *err;
} run_result;

static void run_result_clear(run_result *r)
{
    g_free(r->out);
    g_free(r->err);
}

/* Runs the command with argv[1..] = args (NULL-terminated). */
static run_result run(const char *const *args)
{
    const char *cli = g_getenv("FTCOST_CLI");
    GPtrArray *argv = g_ptr_array_new();
    g_autoptr(GError) error = NULL;
    run_result r = {0};
    int wait_status;

    ck_assert_msg(cli != NULL, "FTCOST_CLI is not set");
    g_ptr_array_add(argv, (char *)cli);
    for (; *args != NULL; args++)
        g_ptr_array_add(argv, (char *)*args);
    g_ptr_array_add(argv, NULL);
    ck_assert_msg(g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error),
                  "cannot run %s: %s", cli, error ? error->message : "?");
    ck_assert_msg(WIFEXITED(wait_status), "ftcost did not exit normally");
    r.status = WEXITSTATUS(wait_status);
    g_ptr_array_free(argv, TRUE);
    return r;
}

#define RUN(...) run((const char *const[]){__VA_ARGS__, NULL})

START_TEST(test_spec_example_exact)
{
    run_result r = RUN("FT_TCO", "200", "3000", "320", "1", "18");

    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "1224800\n");
    ck_assert_str_eq(r.err, "");
    run_result_clear(&r);
}
END_TEST

/* Every example of every function, through the command. */
START_TEST(test_examples)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);

    for (size_t e = 0; e < fn->n_examples; e++) {
        const ftc_example *ex = &fn->examples[e];
        g_auto(GStrv) parts = g_strsplit(ex->args, ";", -1);
        g_autoptr(GPtrArray) argv = g_ptr_array_new();
        run_result r;

        g_ptr_array_add(argv, (char *)fn->name);
        for (char **p = parts; *p != NULL; p++)
            g_ptr_array_add(argv, g_strstrip(*p));
        g_ptr_array_add(argv, NULL);
        r = run((const char *const *)argv->pdata);

        switch (ex->status) {
        case FTC_ERR_INVALID:
            ck_assert_int_eq(r.status, 2);
            ck_assert_msg(g_str_has_prefix(r.err, "Err:502: "), "stderr: %s", r.err);
            ck_assert_str_eq(r.out, "");
            break;
        case FTC_ERR_NO_ANSWER:
            ck_assert_int_eq(r.status, 3);
            ck_assert_msg(g_str_has_prefix(r.err, "#N/A: "), "stderr: %s", r.err);
            break;
        case FTC_OK:
            ck_assert_msg(r.status == 0, "%s(%s): exit %d: %s", fn->name, ex->args, r.status,
                          r.err);
            if (fn->result == FTC_TYPE_NUMBER) {
                char *end;
                double got = g_ascii_strtod(r.out, &end);

                ck_assert_str_eq(end, "\n");
                ck_assert_msg(ftc_test_close(got, ex->number), "%s(%s) printed %s", fn->name,
                              ex->args, r.out);
            } else if (fn->result == FTC_TYPE_TEXT) {
                g_autofree char *want = g_strconcat(ex->text, "\n", NULL);

                ck_assert_str_eq(r.out, want);
            } else {
                g_auto(GStrv) rows = g_strsplit(g_strchomp(r.out), "\n", -1);
                size_t cell = 0;

                ck_assert_uint_eq(g_strv_length(rows), ex->rows);
                for (size_t i = 0; rows[i] != NULL; i++) {
                    g_auto(GStrv) cols = g_strsplit(rows[i], "\t", -1);

                    ck_assert_uint_eq(g_strv_length(cols), ex->cols);
                    for (size_t j = 0; cols[j] != NULL && cell < ex->n_cells; j++, cell++)
                        ck_assert(ftc_test_close(g_ascii_strtod(cols[j], NULL),
                                                 ex->cells[cell]));
                }
                ck_assert_uint_eq(cell, ex->n_cells);
            }
            break;
        }
        run_result_clear(&r);
    }
}
END_TEST

typedef struct {
    const char *args[10];
    int status;
    const char *err_prefix; /* stderr starts with it */
} error_case;

static const error_case error_cases[] = {
    {{"FT_TCO", "-1", "3000", "320", "1", "18"}, 2, "Err:502: FT_TCO: Training "},
    {{"FT_TCO", "200", "3000", "320", "1", "18", "cheap"}, 2, "Err:502: FT_TCO: HourlyRate"},
    {{"FT_TCO", "abc", "3000", "320", "1", "18"}, 2, "#VALUE!: FT_TCO: Training"},
    {{"FT_TCO", "nan", "3000", "320", "1", "18"}, 2, "Err:502: FT_TCO: Training"},
    {{"FT_TCO", "200", "inf", "320", "1", "18"}, 2, "Err:502: FT_TCO: MonthlyServing"},
    {{"API_COST", "100", "0", "1", "1", "101"}, 2, "Err:502: CachedTokens"},
    {{"FT_SCHEDULE", "1", "1", "1", "0", "1201"}, 2, "Err:502: FT_SCHEDULE: Months"},
    {{"FT_BREAKEVEN", "50000", "3000", "2000"}, 3, "#N/A: "},
    {{"FT_TCO", "200"}, 64, "ftcost: FT_TCO takes 5 to 7 arguments, not 1"},
    {{"FT_CO2_KG", "1", "2", "3"}, 64, "ftcost: FT_CO2_KG takes 2 to 2 arguments, not 3"},
    {{"NO_SUCH_FUNCTION", "1"}, 64, "ftcost: unknown function"},
    {{"help", "NO_SUCH_FUNCTION"}, 64, "ftcost: no such function"},
    {{"help"}, 64, "ftcost: help takes one function name"},
    {{"help", "FT_TCO", "--lang"}, 64, "ftcost: --lang needs"},
    {{"--list", "x"}, 64, "ftcost: --list takes no arguments"},
    {{"reference", "x"}, 64, "ftcost: reference takes no arguments"},
};

START_TEST(test_errors)
{
    const error_case *c = &error_cases[_i];
    run_result r = run(c->args);

    ck_assert_int_eq(r.status, c->status);
    ck_assert_msg(g_str_has_prefix(r.err, c->err_prefix), "stderr: %s", r.err);
    ck_assert_str_eq(r.out, "");
    run_result_clear(&r);
}
END_TEST

START_TEST(test_no_arguments)
{
    run_result r = run((const char *const[]){NULL});

    ck_assert_int_eq(r.status, 64);
    ck_assert_ptr_nonnull(strstr(r.err, "usage: ftcost"));
    run_result_clear(&r);
}
END_TEST

START_TEST(test_empty_string_is_omitted)
{
    run_result a = RUN("API_COST", "1000000", "200000", "2.5", "10", "0", "", "0.5");
    run_result b = RUN("API_COST", "1000000", "200000", "2.5", "10", "0", "2.5", "0.5");

    ck_assert_int_eq(a.status, 0);
    ck_assert_str_eq(a.out, "2.25\n");
    ck_assert_str_eq(a.out, b.out);
    run_result_clear(&a);
    run_result_clear(&b);
}
END_TEST

START_TEST(test_list)
{
    run_result r = RUN("--list");

    ck_assert_int_eq(r.status, 0);
    for (size_t i = 0; i < ftc_function_count(); i++) {
        const ftc_function *fn = ftc_function_at(i);
        g_autofree char *line = g_strdup_printf("%-24s %s\n", fn->name,
                                                fn->description.text[FTC_LANG_EN]);

        ck_assert_msg(strstr(r.out, line) != NULL, "--list lacks %s", fn->name);
    }
    run_result_clear(&r);
}
END_TEST

START_TEST(test_help)
{
    run_result en = RUN("help", "ft_tco");
    run_result de = RUN("help", "FT_TCO", "--lang", "de");
    run_result fr = RUN("help", "--lang", "fr", "API_TCO");

    ck_assert_int_eq(en.status, 0);
    ck_assert_ptr_nonnull(strstr(en.out, "FT_TCO(Training; MonthlyServing; MonthlyEngHours; "
                                         "RetrainsPerYear; LifecycleMonths; "
                                         "[HourlyRate = 150]; [Horizon = 24])"));
    ck_assert_ptr_nonnull(strstr(en.out, "FT_TCO(200; 3000; 320; 1; 18) = 1224800"));
    ck_assert_ptr_nonnull(strstr(en.out, "money per hour"));
    ck_assert_int_eq(de.status, 0);
    ck_assert_ptr_nonnull(strstr(de.out, "[Stundensatz = 150]"));
    ck_assert_ptr_nonnull(strstr(de.out, "Gesamtbetriebskosten"));
    ck_assert_int_eq(fr.status, 0);
    ck_assert_ptr_nonnull(strstr(fr.out, "[CroissanceMensuelle = 0]"));
    run_result_clear(&en);
    run_result_clear(&de);
    run_result_clear(&fr);
}
END_TEST

/* docs/REFERENCE.md is the command's output, kept in sync. */
START_TEST(test_reference_in_sync)
{
    const char *path = g_getenv("FTCOST_REFERENCE");
    g_autofree char *committed = NULL;
    run_result r = RUN("reference");

    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(path != NULL && g_file_get_contents(path, &committed, NULL, NULL),
                  "cannot read %s", path ? path : "FTCOST_REFERENCE");
    ck_assert_msg(strcmp(committed, r.out) == 0,
                  "%s is stale: run `ninja -C build update-reference`", path);
    for (size_t i = 0; i < ftc_function_count(); i++) {
        g_autofree char *heading = g_strdup_printf("\n## %s\n", ftc_function_at(i)->name);

        ck_assert_ptr_nonnull(strstr(r.out, heading));
    }
    run_result_clear(&r);
}
END_TEST

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("command");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_spec_example_exact);
    tcase_add_loop_test(tc, test_examples, 0, (int)ftc_function_count());
    tcase_add_loop_test(tc, test_errors, 0, G_N_ELEMENTS(error_cases));
    tcase_add_test(tc, test_no_arguments);
    tcase_add_test(tc, test_empty_string_is_omitted);
    tcase_add_test(tc, test_list);
    tcase_add_test(tc, test_help);
    tcase_add_test(tc, test_reference_in_sync);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(cli_suite());
}
