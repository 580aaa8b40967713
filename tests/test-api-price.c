/* The functions on the price catalogue in force, as a sheet calls them
 * (functions/ftc-api-price.c): API_PRICE's PromptTokens (long-context
 * tiers), retired models and the fine-tuning kinds, API_MODEL_RETIRES and
 * API_MODELS (a column of texts).
 *
 * The catalogue is the shipped one overridden by tests/data/
 * prices-schema.json (FTCOST_PRICES): gpt-5.6 cut from 5/30 to 4/20 on
 * 2026-08-21 with a tier above 272 000 prompt tokens (10/45 before, 8/30
 * after), o4-mini retired on 2026-10-23, acme/tuned-1 with ft_training 3
 * (4 above 5000 tokens) and ft_training_full 25, acme/intro-1 with prices
 * scheduled from 2026-07-01 (1.5) and 2127-01-01.  "Today" is the test
 * clock (FTCOST_TODAY), set per case. */
#include "ftc-test-util.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#define TODAY "2026-12-03" /* tests/meson.build's test clock */

typedef struct {
    const char *today; /* FTCOST_TODAY for the call */
    const char *name, *args;
    ftc_status status;
    double want; /* FTC_OK: the number */
    int arg;     /* otherwise: the argument blamed */
} call_case;

/* Date serials: 2026-06-01 46174, 2026-08-20 46254, 2026-09-01 46266,
 * 2026-10-22 46317, 2026-10-23 46318, 2126-12-10 82890; the day before
 * 2026-08-05 46238, 2026-02-19 46071, 2026-10-16 46310. */
static const call_case call_cases[] = {
    /* the spec's example: after the cut, above 272 000 tokens */
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; 46266; 300000", FTC_OK, 8, 0},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; 46266; 272000", FTC_OK, 4, 0},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; 46266; 272001", FTC_OK, 8, 0},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; 46266; 0", FTC_OK, 4, 0},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"cached_input\"; 46266; 300000", FTC_OK, 0.8, 0},
    /* today, with and without a long prompt */
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"output\"; ; 300000", FTC_OK, 30, 0},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"output\"", FTC_OK, 20, 0},
    /* before the cut: the history's own tier; a kind the tier does not
     * list keeps the base price (cached 0.5) */
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"output\"; 46254; 300000", FTC_OK, 45, 0},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"cached_input\"; 46174; 300000", FTC_OK, 0.5, 0},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; 46254", FTC_OK, 5, 0},
    /* PromptTokens: a whole number >= 0 */
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; 46266; 1.5", FTC_ERR_INVALID, 0, 3},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; 46266; -1", FTC_ERR_INVALID, 0, 3},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; 46266; \"many\"", FTC_ERR_INVALID, 0, 3},
    {TODAY, "API_PRICE", "\"gpt-5.6\"; \"input\"; ; 1e400", FTC_ERR_INVALID, 0, 3},
    /* retired: #N/A from its day on, today or at a date */
    {TODAY, "API_PRICE", "\"o4-mini\"", FTC_ERR_NO_ANSWER, 0, 0},
    {"2026-10-23", "API_PRICE", "\"o4-mini\"", FTC_ERR_NO_ANSWER, 0, 0},
    {"2026-10-22", "API_PRICE", "\"o4-mini\"", FTC_OK, 1.1, 0},
    {TODAY, "API_PRICE", "\"o4-mini\"; \"input\"; 46317", FTC_OK, 1.1, 0},
    {TODAY, "API_PRICE", "\"o4-mini\"; \"input\"; 46317.99", FTC_OK, 1.1, 0},
    {TODAY, "API_PRICE", "\"o4-mini\"; \"input\"; 46318", FTC_ERR_NO_ANSWER, 0, 2},
    {TODAY, "API_PRICE", "\"o4-mini\"; \"input\"; 1e300", FTC_ERR_NO_ANSWER, 0, 2},
    /* no "since", checked (2026-11-29) after it retired: the shipped price
     * is known on its last day served (the day before it retires), not
     * before and not after */
    {TODAY, "API_PRICE", "\"claude-opus-4-1\"; \"input\"; 46238", FTC_OK, 15, 0},
    {TODAY, "API_PRICE", "\"claude-opus-4-1\"; \"output\"; 46238.5", FTC_OK, 75, 0},
    {TODAY, "API_PRICE", "\"claude-opus-4-1\"; \"input\"; 46237", FTC_ERR_NO_ANSWER, 0, 2},
    {TODAY, "API_PRICE", "\"claude-opus-4-1\"; \"input\"; 46239", FTC_ERR_NO_ANSWER, 0, 2},
    {TODAY, "API_PRICE", "\"claude-opus-4-1\"", FTC_ERR_NO_ANSWER, 0, 0},
    {TODAY, "API_PRICE", "\"claude-3-5-haiku\"; \"output\"; 46071", FTC_OK, 4, 0},
    {TODAY, "API_PRICE", "\"gemini-2.5-pro\"; \"output\"; 46310", FTC_OK, 10, 0},
    {TODAY, "API_PRICE", "\"gemini/gemini-2.5-flash\"; \"input\"; 46310", FTC_OK, 0.3, 0},
    {TODAY, "API_PRICE", "\"gemini-2.5-flash-lite\"; \"output\"; 46310", FTC_OK, 0.4, 0},
    {TODAY, "API_PRICE", "\"gemini-2.5-flash-lite\"; \"output\"; 46000", FTC_ERR_NO_ANSWER, 0,
     2},
    /* the vendored dataset's entry of a model the reviewed file retires,
     * under the dataset's name of the provider (google for gemini) or an
     * alias of it: the same model, retired on the same day (46311) */
    {TODAY, "API_MODEL_RETIRES", "\"google/gemini-2.5-flash\"", FTC_OK, 46311, 0},
    {TODAY, "API_MODEL_RETIRES", "\"Google/Gemini-2.5-Flash-Latest\"", FTC_OK, 46311, 0},
    {TODAY, "API_MODEL_RETIRES", "\"google/gemini-2.5-pro\"", FTC_OK, 46311, 0},
    {TODAY, "API_PRICE", "\"google/gemini-2.5-flash\"", FTC_ERR_NO_ANSWER, 0, 0},
    {TODAY, "API_PRICE", "\"google/gemini-2.5-flash-lite\"; \"output\"", FTC_ERR_NO_ANSWER, 0,
     0},
    {"2026-10-15", "API_PRICE", "\"google/gemini-2.5-flash\"", FTC_OK, 0.3, 0},
    {TODAY, "API_PRICE", "\"google/gemini-2.5-flash\"; \"output\"; 46310", FTC_OK, 2.5, 0},
    {TODAY, "API_PRICE", "\"google/gemini-2.5-flash\"; \"output\"; 46311", FTC_ERR_NO_ANSWER, 0,
     2},
    /* another vendor's model that Google serves keeps its own days */
    {TODAY, "API_MODEL_RETIRES", "\"google/claude-3-5-haiku\"", FTC_ERR_NO_ANSWER, 0, 0},
    {TODAY, "API_PRICE", "\"google/claude-3-5-haiku\"", FTC_OK, 0.8, 0},
    /* the kinds of a model fine-tuned at the provider */
    {TODAY, "API_PRICE", "\"acme/tuned-1\"; \"ft_training_full\"", FTC_OK, 25, 0},
    {TODAY, "API_PRICE", "\"acme/tuned-1\"; \"FT_Training\"; ; 6000", FTC_OK, 4, 0},
    {TODAY, "API_PRICE", "\"acme/tuned-1\"; \"ft_training\"; ; 5000", FTC_OK, 3, 0},
    {TODAY, "API_PRICE", "\"acme/tuned-1\"; \"input\"; ; 6000", FTC_OK, 2, 0},
    {TODAY, "API_PRICE", "\"acme/tuned-1\"; \"ft_input\"", FTC_ERR_NO_ANSWER, 0, 1},
    {TODAY, "API_PRICE", "\"acme/tuned-1\"; \"ft_output\"", FTC_ERR_NO_ANSWER, 0, 1},
    {TODAY, "API_PRICE", "\"acme/tuned-1\"; \"full\"", FTC_ERR_INVALID, 0, 1},
    /* a scheduled price: in force from its day, today or at a date */
    {TODAY, "API_PRICE", "\"acme/intro-1\"", FTC_OK, 1.5, 0},
    {"2026-06-30", "API_PRICE", "\"acme/intro-1\"", FTC_OK, 1, 0},
    {TODAY, "API_PRICE", "\"acme/intro-1\"; \"input\"; 46174", FTC_OK, 1, 0},
    /* API_MODEL_RETIRES: the day, announced or past */
    {TODAY, "API_MODEL_RETIRES", "\"o4-mini\"", FTC_OK, 46318, 0},
    {TODAY, "API_MODEL_RETIRES", "\"OPENAI/O4-MINI\"", FTC_OK, 46318, 0},
    {TODAY, "API_MODEL_RETIRES", "\"gpt-5-mini\"", FTC_OK, 82890, 0},
    {TODAY, "API_MODEL_RETIRES", "\"gpt-5.6\"", FTC_ERR_NO_ANSWER, 0, 0},
    {TODAY, "API_MODEL_RETIRES", "\"no-such-model\"", FTC_ERR_NO_ANSWER, 0, 0},
    {TODAY, "API_MODEL_RETIRES", "\"\"", FTC_ERR_INVALID, 0, 0},
    {TODAY, "API_MODEL_RETIRES", "12", FTC_ERR_INVALID, 0, 0},
};

static void use_fixture(const char *today)
{
    g_autofree char *path =
        g_build_filename(g_getenv("FTCOST_TEST_DATA"), "prices-schema.json", NULL);

    g_setenv("FTCOST_PRICES", path, TRUE);
    g_setenv("FTCOST_TODAY", today, TRUE);
}

START_TEST(test_calls)
{
    const call_case *c = &call_cases[_i];

    use_fixture(c->today);
    if (c->status == FTC_OK)
        ck_assert_result_number(c->name, c->args, c->want);
    else
        ck_assert_result_error(c->name, c->args, c->status, c->arg);
}
END_TEST

/* The message of a retired model's #N/A says since when (and its successor). */
START_TEST(test_retired_message)
{
    ftc_result r;
    ftc_error err;

    use_fixture(TODAY);
    ck_assert_int_eq(ftc_test_call("API_PRICE", "\"o4-mini\"; \"output\"", &r, &err),
                     FTC_ERR_NO_ANSWER);
    ck_assert_str_eq(err.message, "API_PRICE: openai/o4-mini is no longer served from "
                                  "2026-10-23 (its successor: gpt-5-mini)");
    ck_assert_int_eq(ftc_test_call("API_PRICE", "\"gpt-5.6\"; \"input\"; 46000", &r, &err),
                     FTC_ERR_NO_ANSWER);
    ck_assert_str_eq(err.message, "API_PRICE: no price of openai/gpt-5.6 known before "
                                  "2026-05-01");
    /* the vendored entry takes the reviewed entry's successor too */
    ck_assert_int_eq(ftc_test_call("API_PRICE", "\"google/gemini-2.5-flash\"", &r, &err),
                     FTC_ERR_NO_ANSWER);
    ck_assert_str_eq(err.message, "API_PRICE: google/gemini-2.5-flash is no longer served from "
                                  "2026-10-16 (its successor: gemini-3.6-flash)");
}
END_TEST

typedef struct {
    const char *today, *args;
    const char *want; /* "provider/model ..." in order; NULL: an error */
    ftc_status status;
    int arg;
} models_case;

static const models_case models_cases[] = {
    {TODAY, "\"acme\"", "acme/intro-1 acme/tuned-1", FTC_OK, 0},
    {TODAY, "\"ACME\"; \"Input\"", "acme/intro-1 acme/tuned-1", FTC_OK, 0},
    {TODAY, "\"acme\"; \"ft_training\"", "acme/tuned-1", FTC_OK, 0},
    /* every provider's: the shipped catalogue has no such price */
    {TODAY, "; \"ft_training_full\"", "acme/tuned-1", FTC_OK, 0},
    {TODAY, "\"\"; \"ft_training_full\"", "acme/tuned-1", FTC_OK, 0},
    {TODAY, "\"acme\"; \"output\"", "acme/intro-1", FTC_OK, 0},
    {TODAY, "\"acme\"; \"batch_input\"", NULL, FTC_ERR_NO_ANSWER, 0},
    {TODAY, "\"nobody\"", NULL, FTC_ERR_NO_ANSWER, 0},
    {TODAY, "; \"dinner\"", NULL, FTC_ERR_INVALID, 1},
    {TODAY, "\"acme\"; 3", NULL, FTC_ERR_INVALID, 1},
};

static char *joined(const ftc_result *r)
{
    GString *s = g_string_new(NULL);

    for (size_t i = 0; i < r->rows * r->cols; i++)
        g_string_append_printf(s, "%s%s", i > 0 ? " " : "", r->texts[i]);
    return g_string_free(s, FALSE);
}

START_TEST(test_models)
{
    const models_case *c = &models_cases[_i];
    ftc_result r;
    ftc_error err = {.arg = -99};
    ftc_status st;

    use_fixture(c->today);
    st = ftc_test_call("API_MODELS", c->args, &r, &err);
    ck_assert_msg(st == c->status, "API_MODELS(%s): status %d, want %d (%s)", c->args, st,
                  c->status, err.message);
    if (st != FTC_OK) {
        ck_assert_int_eq(err.arg, c->arg);
        ck_assert_ptr_null(r.texts);
        return;
    }
    g_autofree char *got = joined(&r);
    ck_assert_int_eq(r.type, FTC_TYPE_TEXT_COLUMN);
    ck_assert_uint_eq(r.cols, 1);
    ck_assert_str_eq(got, c->want);
    ftc_result_clear(&r);
    ck_assert_ptr_null(r.texts);
    ck_assert_uint_eq(r.rows, 0);
}
END_TEST

/* A retired model leaves the list on its day; the shipped catalogue's
 * models are listed with the override's, each once, sorted, and every one
 * has the price API_MODELS promises. */
START_TEST(test_models_over_time)
{
    ftc_result before, on, all;
    ftc_error err;
    g_autofree char *b = NULL, *o = NULL, *joined_b = NULL, *joined_o = NULL;

    use_fixture("2026-10-22");
    ck_assert_int_eq(ftc_test_call("API_MODELS", "\"openai\"", &before, &err), FTC_OK);
    use_fixture("2026-10-23");
    ck_assert_int_eq(ftc_test_call("API_MODELS", "\"OpenAI\"", &on, &err), FTC_OK);
    b = g_strdup_printf(" %s ", joined_b = joined(&before));
    o = g_strdup_printf(" %s ", joined_o = joined(&on));
    /* whole names: openai/o4-mini-deep-research is another model */
    ck_assert_ptr_nonnull(strstr(b, " openai/o4-mini "));
    ck_assert_ptr_null(strstr(o, " openai/o4-mini "));
    ck_assert_uint_eq(before.rows, on.rows + 2); /* o4-mini and gpt-4.1-nano */
    ck_assert_ptr_nonnull(strstr(o, "openai/gpt-5.6"));

    use_fixture(TODAY);
    ck_assert_int_eq(ftc_test_call("API_MODELS", "", &all, &err), FTC_OK);
    ck_assert_uint_gt(all.rows, on.rows);
    for (size_t i = 0; i < all.rows; i++) {
        g_autofree char *args = g_strdup_printf("\"%s\"", all.texts[i]);

        if (i > 0) {
            const char *p = all.texts[i - 1], *q = all.texts[i];
            size_t lp = strcspn(p, "/"), lq = strcspn(q, "/");
            g_autofree char *pp = g_ascii_strdown(p, (gssize)lp);
            g_autofree char *qp = g_ascii_strdown(q, (gssize)lq);
            int c = strcmp(pp, qp);

            ck_assert_msg(c < 0 || (c == 0 && g_ascii_strcasecmp(p + lp, q + lq) < 0),
                          "%s before %s", p, q);
        }
        /* each names its entry, which has an input price today */
        ck_assert_msg(ftc_test_number("API_PRICE", args) >= 0, "%s", all.texts[i]);
    }
    ftc_result_clear(&before);
    ftc_result_clear(&on);
    ftc_result_clear(&all);
}
END_TEST

/* API_MODELS("google") on a day, as " provider/model ... ". */
static char *google_models(const char *today)
{
    ftc_result r;
    ftc_error err;
    g_autofree char *names = NULL;

    use_fixture(today);
    ck_assert_int_eq(ftc_test_call("API_MODELS", "\"google\"", &r, &err), FTC_OK);
    names = joined(&r);
    ftc_result_clear(&r);
    return g_strdup_printf(" %s ", names);
}

/* The vendored google/gemini-2.5-flash leaves the list with the reviewed
 * gemini/gemini-2.5-flash, on 2026-10-16. */
START_TEST(test_models_vendored_retired)
{
    g_autofree char *before = google_models("2026-10-15"), *on = google_models("2026-10-16");

    ck_assert_ptr_nonnull(strstr(before, " google/gemini-2.5-flash "));
    ck_assert_ptr_nonnull(strstr(before, " google/gemini-2.5-pro "));
    ck_assert_ptr_null(strstr(on, " google/gemini-2.5-flash "));
    ck_assert_ptr_null(strstr(on, " google/gemini-2.5-pro "));
    ck_assert_ptr_nonnull(strstr(on, " google/gemini-2.5-flash-image "));
}
END_TEST

/* The test clock: a date, or the real clock when it is not one. */
START_TEST(test_clock)
{
    g_setenv("FTCOST_TODAY", "2026-10-23", TRUE);
    ck_assert_int_eq(ftc_price_today(), 46318);
    g_setenv("FTCOST_TODAY", "23.10.2026", TRUE);
    ck_assert_int_gt(ftc_price_today(), 46358); /* the real clock: after this was written */
    g_unsetenv("FTCOST_TODAY");
    ck_assert_int_gt(ftc_price_today(), 46358);
}
END_TEST

static Suite *api_price_suite(void)
{
    Suite *s = suite_create("api-price");
    TCase *tc = tcase_create("functions");

    tcase_add_loop_test(tc, test_calls, 0, G_N_ELEMENTS(call_cases));
    tcase_add_test(tc, test_retired_message);
    tcase_add_loop_test(tc, test_models, 0, G_N_ELEMENTS(models_cases));
    tcase_add_test(tc, test_models_over_time);
    tcase_add_test(tc, test_models_vendored_retired);
    tcase_add_test(tc, test_clock);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(api_price_suite());
}
