/* The `ftcost` command (cli/ftcost.c), run as a user runs it: every worked
 * example of the catalogue, errors and exit codes, help, the reference. */
#include "ftc-test-util.h"

#include <glib.h>
#include <glib/gstdio.h>
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
        g_autoptr(GPtrArray) argv = g_ptr_array_new();
        ftc_arg_list list;
        run_result r;

        ftc_test_args(ex->args, &list);
        g_ptr_array_add(argv, (char *)fn->name);
        /* "gpt-4o" in a cell is gpt-4o on the command line */
        for (size_t k = 0; k < list.n; k++)
            g_ptr_array_add(argv, list.values[k].kind == FTC_VALUE_TEXT
                                      ? (char *)list.values[k].text
                                      : list.typed[k]);
        g_ptr_array_add(argv, NULL);
        r = run((const char *const *)argv->pdata);
        ftc_arg_list_clear(&list);

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
            } else if (fn->result == FTC_TYPE_TEXT_COLUMN) {
                /* one text a line */
                g_auto(GStrv) rows = g_strsplit(g_strchomp(r.out), "\n", -1);

                ck_assert_uint_eq(g_strv_length(rows), ex->rows);
                for (size_t i = 0; i < ex->n_cells; i++)
                    ck_assert_str_eq(rows[i], ex->texts[i]);
            } else {
                g_auto(GStrv) rows = g_strsplit(g_strchomp(r.out), "\n", -1);
                size_t cell = 0;

                ck_assert_uint_eq(g_strv_length(rows), ex->rows);
                for (size_t i = 0; rows[i] != NULL; i++) {
                    g_auto(GStrv) cols = g_strsplit(rows[i], "\t", -1);

                    ck_assert_uint_eq(g_strv_length(cols), ex->cols);
                    for (size_t j = 0; cols[j] != NULL && cell < ex->n_cells; j++, cell++)
                        ck_assert(
                            ftc_test_close(g_ascii_strtod(cols[j], NULL), ex->cells[cell]));
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
    {{"API_PRICE", "gpt-4o", "dinner"}, 2, "Err:502: API_PRICE: Kind must be one of input, "},
    {{"API_PRICE", "gpt-4o", "12"}, 2, "Err:502: API_PRICE: Kind must be one of"},
    {{"API_PRICE", "no-such-model"},
     3,
     "#N/A: API_PRICE: no price for the model "
     "\"no-such-model\""},
    {{"API_PRICE", "mistral-small-latest", "ft_training"},
     3,
     "#N/A: API_PRICE: mistral/mistral-small-latest has no ft_training price"},
    {{"API_PRICE"}, 64, "ftcost: API_PRICE takes 1 to 4 arguments, not 0"},
    {{"API_PRICE", "gpt-4o", "input", "x"}, 2, "Err:502: API_PRICE: AsOf must be a number"},
    {{"API_PRICE", "gpt-4o", "input", "1", "2", "3"},
     64,
     "ftcost: API_PRICE takes 1 to 4 arguments"},
    {{"API_PRICE", "gpt-5.6", "input", "46266", "1.5"},
     2,
     "Err:502: API_PRICE: PromptTokens must be a whole number ≥ 0 (got 1.5)"},
    {{"API_PRICE", "o4-mini", "output"},
     3,
     "#N/A: API_PRICE: openai/o4-mini is no longer served from 2026-10-23"},
    {{"API_PRICE", "o4-mini", "output", "46318"},
     3,
     "#N/A: API_PRICE: openai/o4-mini is no longer served from 2026-10-23"},
    {{"API_MODEL_RETIRES", "voyage-3.5"},
     3,
     "#N/A: API_MODEL_RETIRES: no day is known on which voyage/voyage-3.5 stops"},
    {{"API_MODELS", "no-such-provider"},
     3,
     "#N/A: API_MODELS: no model of \"no-such-provider\" has a price of kind input today"},
    {{"API_MODELS", "openai", "dinner"}, 2, "Err:502: API_MODELS: Kind must be one of input, "},
    {{"API_MODELS", "openai", "input", "x"}, 64, "ftcost: API_MODELS takes 0 to 2 arguments"},
    {{"API_PRICE", "o3", "input", "45748"},
     3,
     "#N/A: API_PRICE: no price of openai/o3 known "
     "before 2025-04-16"},
    {{"API_PRICE_DATE", "nope"}, 3, "#N/A: API_PRICE_DATE: no price for the model"},
    {{"prices", "no-such-model-anywhere"}, 3, "#N/A: no model matches"},
    {{"prices", "a", "b"}, 64, "ftcost: prices takes at most one filter"},
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
        g_autofree char *line = g_strdup_printf("%-24s %s\n", fn->name, fn->description.en);

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
    ck_assert_ptr_nonnull(strstr(en.out, "FT_TCO(Training, MonthlyServing, MonthlyEngHours, "
                                         "RetrainsPerYear, LifecycleMonths, "
                                         "[HourlyRate = 150], [Horizon = 24])"));
    /* examples with an English Calc's separator */
    ck_assert_ptr_nonnull(strstr(en.out, "FT_TCO(200, 3000, 320, 1, 18) = 1224800"));
    ck_assert_ptr_nonnull(strstr(en.out, "money per hour"));
    ck_assert_int_eq(de.status, 0);
    ck_assert_ptr_nonnull(strstr(de.out, "[Stundensatz = 150]"));
    ck_assert_ptr_nonnull(strstr(de.out, "Gesamtbetriebskosten"));
    ck_assert_int_eq(fr.status, 0);
    ck_assert_ptr_nonnull(strstr(fr.out, "[CroissanceMensuelle = 0]"));
    ck_assert_ptr_nonnull(strstr(de.out, "FT_TCO(200; 3000; 320; 1; 18) = 1224800"));
    run_result_clear(&en);
    run_result_clear(&de);
    run_result_clear(&fr);
}
END_TEST

/* The arguments' descriptions start in one column, counted in characters:
 * "Entraînement" is 12 characters and 13 bytes. */
START_TEST(test_help_columns)
{
    run_result fr = RUN("help", "--lang", "fr", "FT_TCO");
    const char *args = strstr(fr.out, "Arguments:\n");
    g_auto(GStrv) lines = NULL;
    int n_args = 0;

    ck_assert_int_eq(fr.status, 0);
    ck_assert_ptr_nonnull(args);
    lines = g_strsplit(args + strlen("Arguments:\n"), "\n", -1);
    for (char **l = lines; *l != NULL && **l != '\0'; l++) {
        const char *desc = strchr(*l + 2, ' ');

        ck_assert_msg(g_str_has_prefix(*l, "  ") && desc != NULL, "%s", *l);
        while (*desc == ' ')
            desc++;
        ck_assert_msg(g_utf8_pointer_to_offset(*l, desc) == 23, "column %ld: %s",
                      g_utf8_pointer_to_offset(*l, desc), *l);
        n_args++;
    }
    ck_assert_int_eq(n_args, 7);
    run_result_clear(&fr);
}
END_TEST

typedef struct {
    const char *args[4];
    const char *out;
} price_case;

/* API_PRICE through the command, as in the issue: `ftcost API_PRICE gpt-4o
 * output`; text arguments need no quotes there. */
static const price_case price_cases[] = {
    {{"API_PRICE", "gpt-4o", "output"}, "10\n"},
    {{"API_PRICE", "gpt-4o"}, "2.5\n"},
    {{"API_PRICE", "gpt-4o", ""}, "2.5\n"},
    {{"api_price", "OPENAI/GPT-4O-MINI", "Cached_Input"}, "0.075\n"},
    {{"API_PRICE", "claude-haiku-4-5", "batch_output"}, "2.5\n"},
    {{"API_PRICE", "gpt-4.1", "batch_output"}, "4\n"},
    {{"API_PRICE", "together_ai/deepseek-ai/DeepSeek-R1", "output"}, "7\n"},
    {{"API_PRICE", "meta-llama/llama-3.3-70b-instruct-turbo"}, "1.04\n"},
    {{"API_PRICE_DATE", "claude-sonnet-4-5"}, "46355\n"},
};

START_TEST(test_api_price)
{
    const price_case *c = &price_cases[_i];
    run_result r = run(c->args);

    ck_assert_msg(r.status == 0, "exit %d: %s", r.status, r.err);
    ck_assert_str_eq(r.out, c->out);
    ck_assert_str_eq(r.err, "");
    run_result_clear(&r);
}
END_TEST

/* A note is a note, not an error; numbers in the shortest form that reads
 * back the same (58802.4, not 58802.400000000001). */
START_TEST(test_help_sections)
{
    run_result r = RUN("help", "RAG_TCO");

    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "\nNotes:\n  Month m (from 0) costs") != NULL, "%s", r.out);
    ck_assert_ptr_null(strstr(r.out, "Errors:\n  Month"));
    ck_assert_ptr_nonnull(strstr(r.out, "RAG_TCO(625.1, 1200, 15000) = 58802.4\n"));
    ck_assert_ptr_nonnull(strstr(r.out, "= 71618.19949634299\n"));
    run_result_clear(&r);
}
END_TEST

/* `ftcost prices [FILTER]`: a header, one tab-separated line per model. */
/* `ftcost prices --diff FILE`: the prices where the catalogue and a LiteLLM
 * file disagree (the fixture is an older LiteLLM), exit 1; against the
 * reviewed file itself, none, exit 0, the vendored models it lacks listed
 * as such (each name set against the entry that answers to it: the
 * vendored openai/gpt-oss-120b not against Together's openai/gpt-oss-120b). */
START_TEST(test_prices_diff)
{
    g_autofree char *litellm =
        g_build_filename(g_getenv("FTCOST_TEST_DATA"), "litellm-prices.json", NULL);
    run_result older = RUN("prices", "--diff", litellm);
    run_result same = RUN("prices", "--diff", g_getenv("FTCOST_SHIPPED_PRICES"));
    run_result none = RUN("prices", "--diff", "/nonexistent/prices.json");

    ck_assert_int_eq(older.status, 1);
    ck_assert_ptr_nonnull(
        strstr(older.out, "\ngemini\tgemini-2.5-pro\tcached_input\t0.125\t0.31\n"));
    ck_assert_ptr_nonnull(
        strstr(older.out, "\nmistral\tmistral-small-latest\toutput\t0.6\t0.3\n"));
    /* the same price in both: no line */
    ck_assert_ptr_null(strstr(older.out, "\topenai\tgpt-4o\tinput\t"));
    ck_assert_ptr_nonnull(strstr(older.err, "prices differ from"));
    ck_assert_int_eq(same.status, 0);
    /* only the vendored models the reviewed file lacks, listed as such */
    ck_assert(g_str_has_prefix(same.out, "provider\tmodel\tkind\tftcost\tfile\n"));
    {
        g_auto(GStrv) lines = g_strsplit(g_strchomp(same.out), "\n", -1);

        ck_assert_uint_ge(g_strv_length(lines), 200);
        for (guint i = 1; lines[i] != NULL; i++)
            ck_assert_msg(g_str_has_suffix(lines[i], "\t-\t-\tnot in the file"), "%s",
                          lines[i]);
    }
    ck_assert_ptr_null(strstr(same.out, "\topenai\tgpt-4o\t"));
    ck_assert_ptr_nonnull(
        strstr(same.out, "\ndeepseek\tdeepseek-chat\t-\t-\tnot in the file\n"));
    ck_assert_ptr_nonnull(strstr(same.out, "\nopenai\tgpt-oss-120b\t-\t-\tnot in the file\n"));
    ck_assert_ptr_nonnull(strstr(same.err, "0 prices differ"));
    ck_assert_int_eq(none.status, 2);
    ck_assert_ptr_nonnull(strstr(none.err, "cannot use /nonexistent/prices.json"));
    run_result_clear(&older);
    run_result_clear(&same);
    run_result_clear(&none);
}
END_TEST

START_TEST(test_prices_listing)
{
    run_result all = RUN("prices");
    run_result some = RUN("prices", "GPT-4O");
    g_auto(GStrv) lines = NULL, fields = NULL;
    guint gpt_4o = 0, gpt_4o_mini = 0;

    ck_assert_int_eq(all.status, 0);
    ck_assert_str_eq(all.err, "");
    lines = g_strsplit(g_strchomp(all.out), "\n", -1);
    ck_assert_str_eq(lines[0], "provider\tmodel\tinput\toutput\tcached_input\tbatch_input\t"
                               "batch_output\tft_input\tft_output\tft_training\tcache_write\t"
                               "ft_training_full\tchecked\t"
                               "since\tretires\tsource\torigin");
    ck_assert_uint_ge(g_strv_length(lines), 26);
    ck_assert_ptr_nonnull(strstr(all.out, "\nanthropic\tclaude-opus-4-1\t15\t75\t1.5\t7.5\t"
                                          "37.5\t-\t-\t-\t-\t-\t2026-11-29\t-\t2026-08-05\t"
                                          "https://docs.anthropic.com/en/docs/about-claude/"
                                          "pricing\tshipped\n"));
    ck_assert_int_eq(some.status, 0);
    g_strfreev(lines);
    lines = g_strsplit(g_strchomp(some.out), "\n", -1);
    /* reviewed: gpt-4o and gpt-4o-mini; the rest (gpt-4o-2024-05-13,
     * chatgpt-4o-latest, ...) from the vendored genai-prices data */
    ck_assert_uint_ge(g_strv_length(lines), 5);
    for (guint i = 1; lines[i] != NULL; i++) {
        const char *origin = strrchr(lines[i], '\t') + 1;

        if (strcmp(origin, "shipped") != 0) {
            ck_assert_str_eq(origin, "shipped genai-prices.json");
            ck_assert_ptr_nonnull(strstr(lines[i], "\t2026-09-23\t-\t-\t-\t"));
        } else if (g_str_has_prefix(lines[i], "openai\tgpt-4o\t")) {
            gpt_4o = i;
        } else {
            ck_assert(g_str_has_prefix(lines[i], "openai\tgpt-4o-mini\t0.15\t0.6\t0.075\t"));
            gpt_4o_mini = i;
        }
    }
    ck_assert_uint_gt(gpt_4o_mini, gpt_4o); /* sorted */
    fields = g_strsplit(lines[gpt_4o], "\t", -1);
    ck_assert_uint_eq(g_strv_length(fields), 17);
    ck_assert_str_eq(fields[0], "openai");
    ck_assert_str_eq(fields[1], "gpt-4o");
    ck_assert_str_eq(fields[2], "2.5");
    ck_assert_str_eq(fields[9], "-"); /* no sourced ft_training price */
    ck_assert_str_eq(fields[12], "2026-11-29");
    /* since when o3's prices hold (its cut) */
    ck_assert_ptr_nonnull(strstr(all.out, "\t2026-11-29\t2025-06-10\t"));
    /* the day o4-mini stops (announced in April, past since 2026-10-23) */
    ck_assert_ptr_nonnull(strstr(all.out, "\t2026-11-29\t2025-04-16\t2026-10-23\thttps://"));
    run_result_clear(&all);
    run_result_clear(&some);
}
END_TEST

/* An override file through the command: it answers, `prices` shows where an
 * entry came from, and a broken one costs one line on stderr. */
START_TEST(test_prices_override)
{
    g_autofree char *dir = g_dir_make_tmp("ftcost-cli-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "prices.json", NULL);
    run_result r;

    ck_assert_ptr_nonnull(dir);
    ck_assert(g_file_set_contents(path,
                                  "{\"gpt-4o\": {\"input_cost_per_token\": 2e-06, "
                                  "\"output_cost_per_token\": 8e-06, "
                                  "\"litellm_provider\": \"openai\"}}",
                                  -1, NULL));
    g_setenv("FTCOST_PRICES", path, TRUE);
    r = RUN("API_PRICE", "gpt-4o", "output");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "8\n");
    run_result_clear(&r);
    r = RUN("prices", "openai/gpt-4o");
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "\nopenai\tgpt-4o\t2\t8\t-\t-\t-\t-\t-\t-\t"));
    ck_assert_ptr_nonnull(strstr(r.out, path));
    run_result_clear(&r);

    ck_assert(
        g_file_set_contents(path, "{\"gpt-4o\": {\"input_cost_per_token\": -1}}", -1, NULL));
    r = RUN("API_PRICE", "gpt-4o", "output");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "10\n"); /* the shipped price again */
    ck_assert(g_str_has_prefix(r.err, "ftcost: ignoring the price file "));
    ck_assert_ptr_nonnull(strstr(r.err, "input_cost_per_token"));
    ck_assert_ptr_eq(strchr(r.err, '\n'), r.err + strlen(r.err) - 1); /* one line */
    run_result_clear(&r);

    g_unsetenv("FTCOST_PRICES");
    g_remove(path);
    g_rmdir(dir);
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
    tcase_add_test(tc, test_help_sections);
    tcase_add_test(tc, test_help_columns);
    tcase_add_test(tc, test_reference_in_sync);
    tcase_add_loop_test(tc, test_api_price, 0, G_N_ELEMENTS(price_cases));
    tcase_add_test(tc, test_prices_listing);
    tcase_add_test(tc, test_prices_diff);
    tcase_add_test(tc, test_prices_override);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(cli_suite());
}
