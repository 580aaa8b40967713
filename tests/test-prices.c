/* The price catalogue (functions/ftc-price-file.c, ftc-models.c,
 * ftc-price-list.c; functions/prices.json):
 * shipped entries, overrides in ftcost's and LiteLLM's formats, lookup,
 * reloading, and files that must be ignored without harm.
 *
 * The suite runs with XDG_CONFIG_HOME set to a directory of its own (see
 * tests/meson.build) and FTCOST_PRICES empty; tests that set either put it
 * back. */
#include "ftc-test-util.h"
#include "ftcost-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- helpers ---------------------------------------------------------------- */

/* API_PRICE(Model; Kind; AsOf): the price on a fixed day, so that a case
 * stays true after a model retires or a scheduled price takes over. */
static double price_on(const char *model, const char *kind, double day)
{
    ftc_value args[3] = {{.kind = FTC_VALUE_TEXT, .text = model},
                         {.kind = FTC_VALUE_TEXT, .text = kind},
                         {.kind = FTC_VALUE_NUMBER, .number = day}};
    ftc_result r;
    ftc_error err;
    ftc_status st = ftc_call(ftc_function_find("API_PRICE"), args, 3, &r, &err);

    return st == FTC_OK ? r.number : st == FTC_ERR_NO_ANSWER ? -1 : -2;
}

static double price_of(const char *model, const char *kind)
{
    ftc_value args[2] = {{.kind = FTC_VALUE_TEXT, .text = model},
                         {.kind = FTC_VALUE_TEXT, .text = kind}};
    ftc_result r;
    ftc_error err;
    ftc_status st = ftc_call(ftc_function_find("API_PRICE"), args, 2, &r, &err);

    return st == FTC_OK ? r.number : st == FTC_ERR_NO_ANSWER ? -1 : -2;
}

static double date_of(const char *model)
{
    ftc_value arg = {.kind = FTC_VALUE_TEXT, .text = model};
    ftc_result r;
    ftc_error err;
    ftc_status st = ftc_call(ftc_function_find("API_PRICE_DATE"), &arg, 1, &r, &err);

    return st == FTC_OK ? r.number : -1;
}

/* Makes the loader look at the files again (path or content changed). */
static void set_override(const char *path)
{
    if (path != NULL)
        g_setenv("FTCOST_PRICES", path, TRUE);
    else
        g_setenv("FTCOST_PRICES", "", TRUE);
}

/* --- the shipped catalogue ------------------------------------------------ */

typedef struct {
    const char *model, *kind;
    double want; /* -1: #N/A */
    double day;  /* AsOf; 0: SHIPPED_DAY */
} shipped_case;

#define SHIPPED_DAY 46357 /* 2026-12-01 */
#define BEFORE_OCT 46296  /* 2026-10-01: before the retirements of 2026-10-23 */

static const shipped_case shipped_cases[] = {
    {"gpt-4o", "input", 2.5, 0},
    {"gpt-4o", "output", 10, 0},
    {"gpt-4o", "cached_input", 1.25, 0},
    {"gpt-4o", "batch_input", 1.25, 0},
    {"gpt-4o", "batch_output", 5, 0},
    {"gpt-4o", "ft_input", -1, 0}, /* left out: its "since" would date them back to 2024 */
    {"gpt-4o", "ft_output", -1, 0},
    {"gpt-4o", "ft_training", -1, 0},
    {"gpt-4o-mini", "ft_training", -1, 0},
    /* gpt-4.1 and gpt-4.1-mini: training from OpenAI's fine-tuning table of
     * 2026-02-07, using the tuned model from LiteLLM's file (2026-11-29) */
    {"gpt-4.1-mini", "ft_training", 5, 0},
    {"gpt-4.1-mini", "ft_input", 0.8, 0},
    {"gpt-4.1-mini", "ft_output", 3.2, 0},
    {"gpt-4.1-mini", "ft_training_full", -1, 0},
    {"gpt-4.1", "ft_training", 25, 0},
    {"gpt-4.1", "ft_input", 3, 0},
    {"gpt-4.1", "ft_output", 12, 0},
    {"gpt-4.1", "ft_training", -1, 46354}, /* 2026-11-28: before the day checked */
    {"gpt-4.1-mini", "batch_output", 0.8, 0},
    {"gpt-4.1-nano", "cached_input", 0.025, BEFORE_OCT}, /* retired 2026-10-23 */
    {"gpt-5", "cached_input", 0.125, 0},                 /* retires 2026-12-10 */
    {"gpt-5", "batch_input", -1, 0},
    /* gpt-5.6: cut from 5/30 to 4/20 on 2026-08-21 (46255); batch left out */
    {"gpt-5.6", "output", 20, 0},
    {"gpt-5.6", "cached_input", 0.4, 0},
    {"gpt-5.6", "cache_write", 5, 0},
    {"gpt-5.6", "output", 30, 46254},
    {"gpt-5.6", "output", 20, 46255},
    {"gpt-5.6", "batch_input", -1, 0},
    {"gpt-5.6", "input", -1, 46211}, /* 2026-07-08, before the API release */
    {"gpt-5.6-luna", "input", 0.2, 0},
    {"gpt-5.6-luna", "input", 1, 46232}, /* 2026-07-29, before the cut */
    {"gpt-5.6-terra", "output", 12, 0},
    {"gpt-6-astra", "cache_write", 12.5, 0},
    {"gpt-6-sol", "output", 10, 0},
    {"gpt-5.5", "batch_output", 15, 0},
    {"gpt-5.4-nano", "input", 0.2, 0},
    {"o3", "batch_input", -1, 0},
    {"o4-mini", "cached_input", 0.275, BEFORE_OCT}, /* retired 2026-10-23 */
    {"claude-opus-4-5", "output", 25, 0},
    {"claude-opus-4-5", "batch_input", -1, 0},
    {"claude-sonnet-4-5", "cached_input", 0.3, 0},
    {"claude-sonnet-4-5", "batch_output", -1, 0},
    {"claude-sonnet-4-6", "batch_output", 7.5, 0},
    {"claude-opus-4-6", "batch_input", 2.5, 0},
    {"claude-opus-4-8", "input", 5, 0},
    {"claude-haiku-4-5", "batch_input", 0.5, 0},
    {"claude-opus-4-7", "cache_write", 6.25, 0},
    {"claude-fable-5-1", "cached_input", 0.25, 0},
    {"claude-sonnet-5", "input", 2, 0},
    {"claude-opus-5", "cache_write", 6.25, 0},
    {"anthropic/claude-opus-5", "batch_output", 12.5, 0},
    /* genai-prices' other name of claude-opus-4-0 (its "match") */
    {"claude-opus-4", "input", 15, 0},
    {"claude-opus-5-5", "cached_input", 0.2, 0},
    {"claude-opus-4-5", "ft_training", -1, 0},
    {"gemini-3.5-flash", "input", 1.5, 0},
    {"gemini-3.5-flash", "cached_input", 0.15, 0},
    {"gemini-3.5-flash", "batch_input", -1, 0},
    {"gemini/gemini-3.5-flash", "output", 9, 0},
    {"gemini-3.1-pro-preview", "batch_output", 6, 0},
    /* introductory price through 2026-12-31, the list price from 2027-01-01 */
    {"gemini-3.6-flash", "input", 0.75, 0},
    {"gemini-3.6-flash", "input", 1.5, 46388},
    {"gemini-3.7-flash", "cached_input", 0.15, 46388},
    {"gemini-embedding-001", "batch_input", -1, 0}, /* two sources disagree */
    {"xai/grok-4.6", "output", 6, 0},
    {"moonshot/kimi-k3", "cached_input", 0.3, 0},
    {"mistral-medium-3-5", "output", 7.5, 0},
    {"mistral/mistral-small-latest", "input", 0.15, 0},
    {"mistral/mistral-small-latest", "output", 0.6, 0},
    {"mistral/mistral-small-latest", "batch_output", -1, 0},
    {"mistral-large-latest", "batch_input", -1, 0},
    {"meta-llama/Llama-3.3-70B-Instruct-Turbo", "input", 1.04, 0},
    {"together_ai/deepseek-ai/DeepSeek-R1", "output", 7, 0},
    {"qwen/qwen2.5-72b-instruct-turbo", "output", -1, 0},
    {"openai/gpt-oss-120b", "output", 0.6, 0},
    /* case and provider/model */
    {"GPT-4O", "INPUT", 2.5, 0},
    {"OpenAI/GPT-4o-Mini", "Output", 0.6, 0},
    {"anthropic/claude-haiku-4-5", "output", 5, 0},
    {"anthropic/gpt-4o", "input", -1, 0}, /* wrong provider */
    {"gpt-4.1-nan", "input", -1, 0},      /* a prefix is not a match */
    {"gpt-4o ", "input", -1, 0},
    {"no-such-model", "input", -1, 0},
    /* the vendored genai-prices data (functions/data/genai-prices.json),
     * below the reviewed file: what the reviewed file lacks */
    {"gpt-4", "input", 30, 0},
    {"gpt-4", "output", 60, 0},
    {"grok-3", "output", 15, 0},
    {"x-ai/grok-4-0709", "cached_input", 0.75, 0},
    {"mistral-medium-2312", "input", 2.7, 0},
    {"deepseek-chat", "input", 0.27, 0}, /* standard hours, not the off-peak base */
    {"deepseek/deepseek-reasoner", "output", 2.19, 0},
    {"together/meta-llama/Llama-3.3-70B-Instruct-Turbo", "input", 0.88, 0},
    {"gpt-oss-120b", "output", 0.18, 0}, /* OpenAI's own, not Together's */
    /* ... and what the reviewed file has, it answers, by any name */
    {"mistral-small-latest", "input", 0.15, 0}, /* genai-prices: 0.1 */
    {"mistral/mistral-embed", "output", -1, 0}, /* genai-prices: 0.1 */
    /* retired 2026-10-16 in the reviewed file: the dataset's entry does not
     * answer in its place; its own name asks for the dataset's entry, the
     * same model at the same provider (google for gemini), retired on the
     * same day: its price the day before, none today */
    {"gemini-2.5-flash", "input", -1, 0},
    {"google/gemini-2.5-flash", "input", -1, 0},
    {"google/gemini-2.5-flash", "input", 0.3, 46310},
    /* genai-prices' mistral-large (2/6) and gpt-5.6-sol give these names
     * as aliases: an alias never takes a name an entry has */
    {"mistral-large-latest", "input", 0.5, 0},
    {"mistral/mistral-large-latest", "output", 1.5, 0},
    {"gpt-5.6", "input", 4, 0},
    {"mistral-large", "input", 2, 0},
    {"grok-4", "output", 15, 0}, /* grok-4-0709 by its other name */
};

START_TEST(test_shipped_prices)
{
    const shipped_case *c = &shipped_cases[_i];
    double got = price_on(c->model, c->kind, c->day > 0 ? c->day : SHIPPED_DAY);

    ck_assert_msg(got == c->want, "API_PRICE(\"%s\"; \"%s\") = %.17g, want %.17g", c->model,
                  c->kind, got, c->want);
}
END_TEST

/* A vendored entry: its source is the dataset itself, pinned in
 * functions/data/README.md (npm package @pydantic/genai-prices 0.1.8 and
 * its integrity, published 2026-09-23): dated that day, with a price of
 * its own, from one of the providers vendored. */
static void assert_vendored(const ftc_price_entry *e)
{
    const char *providers[] = {"anthropic", "deepseek", "google", "mistral",
                               "openai",    "together", "x-ai"};
    bool known = false;

    ck_assert_str_eq(e->origin, "shipped genai-prices.json");
    ck_assert_str_eq(e->source, "");
    ck_assert_int_eq(e->checked, 46288); /* 2026-09-23 */
    ck_assert_msg(!isnan(e->price[FTC_PRICE_INPUT]) || !isnan(e->price[FTC_PRICE_OUTPUT]),
                  "%s/%s: no price", e->provider, e->model);
    for (size_t p = 0; p < G_N_ELEMENTS(providers); p++)
        known = known || strcmp(e->provider, providers[p]) == 0;
    ck_assert_msg(known, "vendored provider %s", e->provider);
}

/* Retired and retiring models of the shipped catalogue: the price the day
 * before, none from the day the provider stops serving them. */
typedef struct {
    const char *model, *day;
    ftc_quote_status want;
    const char *successor; /* NULL: none named */
} retire_case;

static const retire_case retire_cases[] = {
    {"gpt-5", "2026-12-09", FTC_QUOTE_OK, "gpt-5.5"},
    {"gpt-5", "2026-12-10", FTC_QUOTE_RETIRED, "gpt-5.5"},
    {"gpt-5-mini", "2026-12-10", FTC_QUOTE_RETIRED, "gpt-5.4-mini"},
    {"gpt-5-nano", "2026-12-10", FTC_QUOTE_RETIRED, "gpt-5.4-nano"},
    {"o3", "2026-12-10", FTC_QUOTE_RETIRED, NULL},
    {"o4-mini", "2026-10-22", FTC_QUOTE_OK, NULL},
    {"o4-mini", "2026-10-23", FTC_QUOTE_RETIRED, NULL},
    {"gpt-4.1-nano", "2026-10-23", FTC_QUOTE_RETIRED, NULL},
    {"claude-opus-4-1", "2026-08-05", FTC_QUOTE_RETIRED, NULL},
    {"claude-3-5-haiku", "2026-02-19", FTC_QUOTE_RETIRED, NULL},
    {"gemini-2.5-flash", "2026-10-16", FTC_QUOTE_RETIRED, "gemini-3.6-flash"},
    {"google/gemini-2.5-flash", "2026-10-16", FTC_QUOTE_RETIRED, "gemini-3.6-flash"},
    {"google/gemini-2.5-flash", "2026-10-15", FTC_QUOTE_OK, "gemini-3.6-flash"},
    {"gemini-2.5-pro", "2026-10-16", FTC_QUOTE_RETIRED, NULL},
    {"gemini-2.5-flash-lite", "2026-12-01", FTC_QUOTE_RETIRED, "gemini-3.1-flash-lite"},
    {"gemini-3-flash-preview", "2026-12-01", FTC_QUOTE_OK, "gemini-3.6-flash"},
    {"gpt-4o", "2126-01-01", FTC_QUOTE_OK, NULL}, /* no retirement known */
};

START_TEST(test_shipped_retirements)
{
    const retire_case *c = &retire_cases[_i];
    ftc_price_list *list = ftc_prices_get();
    const ftc_price_entry *e = ftc_price_list_find(list, c->model);
    ftc_price_quote q;

    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(ftc_price_entry_quote(e, FTC_PRICE_INPUT, ftc_date_parse(c->day), NAN, &q),
                     c->want);
    if (c->want == FTC_QUOTE_RETIRED)
        ck_assert_int_eq(q.day, e->retires);
    else
        ck_assert(q.price > 0);
    if (c->successor != NULL)
        ck_assert_str_eq(e->successor, c->successor);
    else
        ck_assert(e->successor == NULL || e->successor[0] == '\0');
    ftc_price_list_unref(list);
}
END_TEST

/* Every shipped entry is usable for a budget: the two main prices, a
 * plausible date, a provider's page to check it against; a vendored one
 * answers only what no reviewed entry answers. */
START_TEST(test_shipped_entries)
{
    ftc_price_list *list = ftc_prices_get();
    /* the first six with at least three models each */
    const char *providers[] = {"openai", "anthropic", "gemini",   "mistral", "together_ai",
                               "voyage", "xai",       "deepseek", "moonshot"};
    size_t per_provider[G_N_ELEMENTS(providers)] = {0};
    const int from = 45658; /* 2025-01-01 */
    const int to = 46387;   /* 2026-12-31 */
    size_t n_reviewed = 0, n_vendored = 0;

    ck_assert_uint_ge(ftc_price_list_count(list), 25);
    ck_assert_ptr_null(ftc_price_list_at(list, ftc_price_list_count(list)));
    for (size_t i = 0; i < ftc_price_list_count(list); i++) {
        const ftc_price_entry *e = ftc_price_list_at(list, i);
        bool known = false;

        {
            g_autofree char *key = g_strdup_printf("%s/%s", e->provider, e->model);
            const ftc_price_entry *bare = ftc_price_list_find(list, e->model);

            const ftc_price_entry *by_key = ftc_price_list_find(list, key);

            /* "openai/gpt-oss-120b" is the reviewed Together entry's model
             * name: it answers before the vendored openai/gpt-oss-120b */
            ck_assert_msg(by_key == e || (by_key != NULL && strcmp(e->origin, "shipped") != 0 &&
                                          strcmp(by_key->origin, "shipped") == 0 &&
                                          g_ascii_strcasecmp(by_key->model, key) == 0),
                          "%s finds %s/%s", key, by_key->provider, by_key->model);
            ck_assert_ptr_nonnull(bare);
            /* a bare name a reviewed entry has is the reviewed entry's */
            ck_assert_msg(strcmp(e->origin, "shipped") != 0 ||
                              strcmp(bare->origin, "shipped") == 0,
                          "%s answers for %s", bare->origin, e->model);
        }
        /* sorted by provider, then model */
        if (i > 0) {
            const ftc_price_entry *prev = ftc_price_list_at(list, i - 1);
            int c = g_ascii_strcasecmp(prev->provider, e->provider);

            ck_assert(c < 0 || (c == 0 && g_ascii_strcasecmp(prev->model, e->model) < 0));
        }
        if (strcmp(e->origin, "shipped") != 0) {
            assert_vendored(e);
            n_vendored++;
            continue;
        }
        n_reviewed++;
        /* an embedding model bills its input only (Voyage sells nothing else) */
        ck_assert_msg(!isnan(e->price[FTC_PRICE_INPUT]) &&
                          (!isnan(e->price[FTC_PRICE_OUTPUT]) || strstr(e->model, "embed") ||
                           strcmp(e->provider, "voyage") == 0),
                      "%s/%s lacks input or output", e->provider, e->model);
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
            ck_assert(isnan(e->price[k]) || (e->price[k] >= 0 && e->price[k] < 1000));
        /* cached and batch prices are discounts */
        ck_assert(isnan(e->price[FTC_PRICE_CACHED_INPUT]) ||
                  e->price[FTC_PRICE_CACHED_INPUT] < e->price[FTC_PRICE_INPUT]);
        ck_assert(isnan(e->price[FTC_PRICE_BATCH_OUTPUT]) ||
                  e->price[FTC_PRICE_BATCH_OUTPUT] < e->price[FTC_PRICE_OUTPUT]);
        ck_assert_msg(e->checked >= from && e->checked <= to, "%s: checked %d", e->model,
                      e->checked);
        ck_assert_msg(g_str_has_prefix(e->source, "https://"), "%s: source %s", e->model,
                      e->source);
        for (size_t p = 0; p < G_N_ELEMENTS(providers); p++)
            if (strcmp(e->provider, providers[p]) == 0) {
                per_provider[p]++;
                known = true;
            }
        ck_assert_msg(known, "provider %s", e->provider);
    }
    ck_assert_uint_ge(n_reviewed, 45);
    ck_assert_uint_ge(n_vendored, 200);
    for (size_t p = 0; p < G_N_ELEMENTS(providers); p++)
        ck_assert_msg(per_provider[p] >= (p < 6 ? 3 : 1), "only %zu %s models", per_provider[p],
                      providers[p]);
    ftc_price_list_unref(list);
}
END_TEST

/* No source, no entry: every shipped model, GPU and history period (read
 * from the catalogue compiled into the library, i.e. what users get) names
 * an https source, says what was read there, and is dated. */
static void assert_cited(JsonObject *o, const char *what, const char *date_key)
{
    const char *source = json_object_get_string_member_with_default(o, "source", "");
    const char *note = json_object_get_string_member_with_default(o, "note", "");
    const char *date = json_object_get_string_member_with_default(o, date_key, "");

    ck_assert_msg(g_str_has_prefix(source, "https://") && strlen(source) > 12, "%s: no source",
                  what);
    ck_assert_msg(strlen(note) >= 20, "%s: no note of what was read at the source", what);
    ck_assert_msg(ftc_date_parse(date) > 0, "%s: \"%s\" is not a date", what, date_key);
}

/* The reviewed file, the top one of the shipped layers. */
static GBytes *shipped_prices_json(void)
{
    GBytes *found = NULL;

    for (int i = 0; i < 16; i++) {
        g_autofree char *path = g_strdup_printf("/org/ftcost/shipped/%d/prices.json", i);
        GBytes *bytes = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

        if (bytes != NULL) {
            if (found != NULL)
                g_bytes_unref(found);
            found = bytes;
        }
    }
    return found;
}

START_TEST(test_shipped_cited)
{
    g_autoptr(GBytes) bytes = shipped_prices_json();
    g_autoptr(JsonParser) parser = json_parser_new();
    JsonObject *root;
    size_t n_cited = 0;
    static const char *const lists[] = {"models", "gpus"};

    ck_assert_ptr_nonnull(bytes);
    ck_assert(json_parser_load_from_data(parser, g_bytes_get_data(bytes, NULL),
                                         (gssize)g_bytes_get_size(bytes), NULL));
    root = json_node_get_object(json_parser_get_root(parser));
    for (size_t l = 0; l < G_N_ELEMENTS(lists); l++) {
        JsonArray *entries = json_object_get_array_member(root, lists[l]);

        for (guint i = 0; i < json_array_get_length(entries); i++) {
            JsonObject *o = json_array_get_object_element(entries, i);
            g_autofree char *what = g_strdup_printf(
                "%s[%u] %s", lists[l], i,
                json_object_get_string_member_with_default(o, l == 0 ? "model" : "gpu", "?"));

            assert_cited(o, what, "checked");
            n_cited++;
            for (int k = 0; k < 2; k++) {
                const char *periods = k == 0 ? "history" : "scheduled";
                JsonArray *list = json_object_has_member(o, periods)
                                      ? json_object_get_array_member(o, periods)
                                      : NULL;

                for (guint h = 0; list != NULL && h < json_array_get_length(list); h++) {
                    g_autofree char *period = g_strdup_printf("%s %s[%u]", what, periods, h);

                    assert_cited(json_array_get_object_element(list, h), period, "from");
                }
            }
        }
    }
    ck_assert_uint_ge(n_cited, 30);
}
END_TEST

START_TEST(test_price_dates)
{
    ck_assert_double_eq(date_of("gpt-4o"), 46355);           /* 2026-11-29 */
    ck_assert_double_eq(date_of("claude-haiku-4-5"), 46355); /* 2026-11-29 */
    ck_assert_double_eq(date_of("anthropic/claude-sonnet-5"), 46355);
    ck_assert_double_eq(date_of("anthropic/claude-opus-5"), 46355);
    /* the vendored claude-opus-4-0, by its other name: the data's day */
    ck_assert_double_eq(date_of("anthropic/claude-opus-4"), 46288); /* 2026-09-23 */
    ck_assert_double_eq(date_of("anthropic/claude-opus-3-9"), -1);
    ck_assert_double_eq(date_of("nope"), -1);
    ck_assert_int_eq(ftc_price_date_from_unix(0), 25569);          /* 1970-01-01 */
    ck_assert_int_eq(ftc_price_date_from_unix(1779494400), 46165); /* 2026-05-23 */
    ck_assert_int_eq(ftc_price_date_from_unix(1779494400 + 86399), 46165);
    ck_assert_int_eq(ftc_price_date_from_unix(-1), 25568);
    ck_assert_int_eq(ftc_price_date_from_unix(-9000000000000LL), -1);
}
END_TEST

START_TEST(test_kinds)
{
    ftc_price_kind kind;

    for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++) {
        g_autofree char *upper = g_ascii_strup(ftc_price_kind_name(k), -1);

        ck_assert(ftc_price_kind_parse(upper, &kind));
        ck_assert_int_eq(kind, k);
    }
    ck_assert_str_eq(ftc_price_kind_name(FTC_PRICE_FT_TRAINING), "ft_training");
    ck_assert_ptr_null(ftc_price_kind_name(FTC_PRICE_KIND_COUNT));
    ck_assert(!ftc_price_kind_parse("cached", &kind));
    ck_assert(!ftc_price_kind_parse("", &kind));
    ck_assert(!ftc_price_kind_parse(NULL, &kind));
}
END_TEST

/* Err:502 for what is wrong with the call, #N/A for what the catalogue
 * does not have, each blaming its argument. */
START_TEST(test_errors)
{
    ck_assert_result_error("API_PRICE", "\"gpt-4o\"; \"dinner\"", FTC_ERR_INVALID, 1);
    ck_assert_result_error("API_PRICE", "\"no-such\"; \"dinner\"", FTC_ERR_INVALID, 1);
    ck_assert_result_error("API_PRICE", "\"gpt-4o\"; \"\"", FTC_ERR_INVALID, 1);
    ck_assert_result_error("API_PRICE", "\"\"", FTC_ERR_INVALID, 0);
    ck_assert_result_error("API_PRICE", "4", FTC_ERR_INVALID, 0);
    ck_assert_result_error("API_PRICE", "\"gpt-4o\"; 1", FTC_ERR_INVALID, 1);
    ck_assert_result_error("API_PRICE", "\"no-such\"", FTC_ERR_NO_ANSWER, 0);
    ck_assert_result_error("API_PRICE", "\"codestral-latest\"; \"batch_input\"",
                           FTC_ERR_NO_ANSWER, 1);
    ck_assert_result_error("API_PRICE_DATE", "\"no-such\"", FTC_ERR_NO_ANSWER, 0);
    ck_assert_result_error("API_PRICE_DATE", "\"\"", FTC_ERR_INVALID, 0);
    ck_assert_result_number("API_PRICE", "\"gpt-4o\"; ", 2.5);
    ck_assert_result_number("API_PRICE", "\"GPT-4O\"; \"Batch_Output\"", 5);
}
END_TEST

/* --- overrides ------------------------------------------------------------ */

static const char own_format[] =
    "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": [\n"
    " {\"provider\": \"openai\", \"model\": \"gpt-4o\", \"input\": 2, \"output\": 8,\n"
    "  \"checked\": \"2026-10-01\", \"source\": \"https://example.com/quote\",\n"
    "  \"note\": \"our negotiated price\"},\n"
    " {\"provider\": \"acme\", \"model\": \"acme-llm-1\", \"input\": 0.5, \"output\": 1.5,\n"
    "  \"ft_training\": 4, \"checked\": \"2026-09-15\"},\n"
    " {\"provider\": \"acme\", \"model\": \"gpt-4o-mini\", \"input\": 9, \"output\": 9,\n"
    "  \"checked\": \"2026-09-15\"}\n"
    "]}\n";

START_TEST(test_override_own_format)
{
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "prices.json", NULL);
    ftc_price_list *list;
    const ftc_price_entry *e;

    ftc_test_write_file(path, own_format, -1);
    set_override(path);
    /* replaced whole: the override has no cached price */
    ck_assert_double_eq(price_of("gpt-4o", "input"), 2);
    ck_assert_double_eq(price_of("openai/gpt-4o", "output"), 8);
    ck_assert_double_eq(price_of("gpt-4o", "cached_input"), -1);
    ck_assert_double_eq(date_of("gpt-4o"), 46296); /* 2026-10-01 */
    /* added */
    ck_assert_double_eq(price_of("ACME-LLM-1", "ft_training"), 4);
    ck_assert_double_eq(price_of("acme/acme-llm-1", "output"), 1.5);
    ck_assert_double_eq(date_of("acme-llm-1"), 46280);
    /* the same model at another provider: both there, the bare name going
     * to the later file */
    ck_assert_double_eq(price_of("acme/gpt-4o-mini", "input"), 9);
    ck_assert_double_eq(price_of("gpt-4o-mini", "input"), 9);
    ck_assert_double_eq(price_of("openai/gpt-4o-mini", "input"), 0.15);
    /* untouched shipped entries still answer */
    ck_assert_double_eq(price_of("claude-haiku-4-5", "output"), 5);

    list = ftc_prices_get();
    e = ftc_price_list_find(list, "gpt-4o");
    ck_assert_str_eq(e->origin, path);
    ck_assert_str_eq(e->source, "https://example.com/quote");
    ck_assert_str_eq(ftc_price_list_find(list, "acme-llm-1")->source, "");
    ftc_price_list_unref(list);

    set_override(NULL);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 2.5);
    ck_assert_double_eq(price_of("acme-llm-1", "input"), -1);
    ftc_test_remove_dir(dir);
}
END_TEST

/* API_PRICE with its arguments as written in a cell, against the value
 * wanted (-1: #N/A). */
typedef struct {
    const char *args;
    double want;
} api_price_case;

static void check_api_price(const api_price_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ftc_result r;
        ftc_error e;
        ftc_status st = ftc_test_call("API_PRICE", cases[i].args, &r, &e);

        if (cases[i].want < 0)
            ck_assert_msg(st == FTC_ERR_NO_ANSWER, "API_PRICE(%s): %d", cases[i].args, st);
        else
            ck_assert_msg(st == FTC_OK && r.number == cases[i].want, "API_PRICE(%s) = %g: %s",
                          cases[i].args, r.number, e.message);
    }
}

/* Prices at a date: each period from its day until the next, today's from
 * "since"; nothing before the first; without "since", today's price from the
 * day it was checked and nothing before. */
START_TEST(test_history)
{
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "prices.json", NULL);
    static const api_price_case cases[] = {
        {"\"m1\"; \"input\"", 1},
        {"\"m1\"; \"input\"; 46000", 1},   /* after since (2025-06-10 = 45818) */
        {"\"m1\"; \"input\"; 45818", 1},   /* since's day */
        {"\"m1\"; \"input\"; 45817", 3},   /* the later period */
        {"\"m1\"; \"input\"; 45778.9", 3}, /* 2025-05-01 21:36 */
        {"\"m1\"; \"input\"; 45777", 4},   /* the earlier period */
        {"\"m1\"; \"input\"; 45658", 4},   /* its first day, 2025-01-01 */
        {"\"m1\"; \"input\"; 45657", -1},  /* before the first known price */
        {"\"m1\"; \"output\"; 45800", -1}, /* no output price then */
        {"\"m1\"; \"output\"; 45818", 9},
        {"\"m2\"; \"input\"; 46023", 7},  /* no since: from checked, 2026-01-01 */
        {"\"m2\"; \"input\"; 46022", -1}, /* the day before: not known */
        {"\"m2\"; \"input\"; 0", -1},
        {"\"m1\"; \"input\"; 1E300", 1}, /* far future: today's */
    };

    /* the periods out of order in the file */
    ftc_test_write_file(
        path,
        "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
        "{\"provider\": \"x\", \"model\": \"m1\", \"input\": 1, \"output\": 9, "
        " \"checked\": \"2026-01-01\", \"since\": \"2025-06-10\", \"history\": ["
        "  {\"from\": \"2025-05-01\", \"input\": 3, \"source\": \"a\", \"note\": \"b\"},"
        "  {\"from\": \"2025-01-01\", \"input\": 4}]},"
        "{\"provider\": \"x\", \"model\": \"m2\", \"input\": 7, \"checked\": \"2026-01-01\"}]}",
        -1);
    g_setenv("FTCOST_PRICES", path, TRUE);
    check_api_price(cases, G_N_ELEMENTS(cases));
    g_setenv("FTCOST_PRICES", "", TRUE);
    ftc_test_remove_dir(dir);
}
END_TEST

/* The shipped catalogue at a date: gpt-4o-mini had no cached price
 * before Prompt Caching (2024-10-01), nothing before its launch
 * (2024-07-18); the gpt-4o alias at the 2024-05-13 snapshot's prices until
 * it moved on 2024-10-02; Claude Opus 5.5 from its release (2026-09-23). */
START_TEST(test_shipped_history)
{
    static const api_price_case cases[] = {
        {"\"gpt-4o-mini\"; \"input\"; 45505", 0.15},         /* 2024-08-01 */
        {"\"gpt-4o-mini\"; \"output\"; 45491", 0.6},         /* launch day */
        {"\"gpt-4o-mini\"; \"cached_input\"; 45565", -1},    /* 2024-09-30 */
        {"\"gpt-4o-mini\"; \"cached_input\"; 45566", 0.075}, /* 2024-10-01 */
        {"\"gpt-4o-mini\"; \"input\"; 45490", -1},           /* before launch */
        {"\"gpt-4o\"; \"input\"; 45566", 5},                 /* 2024-10-01: still 05-13 */
        {"\"gpt-4o\"; \"cached_input\"; 45444", -1},         /* no caching then */
        {"\"gpt-4o\"; \"input\"; 45567", 2.5},               /* 2024-10-02: 08-06 */
        {"\"claude-opus-5-5\"; \"output\"; 46288", 20},      /* 2026-09-23 */
        {"\"claude-opus-5\"; \"input\"; 46227", 5},          /* 2026-07-24 */
        {"\"claude-opus-5\"; \"input\"; 46226", -1},
        {"\"claude-opus-5-5\"; \"input\"; 46287", -1},
    };

    g_setenv("FTCOST_PRICES", "", TRUE);
    check_api_price(cases, G_N_ELEMENTS(cases));
}
END_TEST

static char *fixture_path(void)
{
    const char *dir = g_getenv("FTCOST_TEST_DATA");

    ck_assert_msg(dir != NULL, "FTCOST_TEST_DATA is not set");
    return g_build_filename(dir, "litellm-prices.json", NULL);
}

typedef struct {
    const char *model, *kind;
    double want;
} litellm_case;

static const litellm_case litellm_cases[] = {
    {"gpt-4o", "input", 2.5}, /* 2.5e-06 per token, exactly 2.5 */
    {"gpt-4o", "output", 10},
    {"gpt-4o", "cached_input", 1.25},
    {"gpt-4o", "batch_output", 5},
    {"gpt-4o", "ft_training", -1},  /* the override replaces the entry */
    {"gpt-4o-mini", "input", 0.15}, /* 1.5e-07: 0.15, not 0.15000000000000002 */
    {"gpt-4o-mini", "cached_input", 0.075},
    {"gpt-4.1-nano", "cached_input", 0.025},
    {"o3-mini", "output", 4.4},
    {"ft:gpt-4o-mini-2024-07-18", "output", 1.2},
    {"text-embedding-3-small", "input", 0.02},
    {"text-embedding-3-small", "output", 0},
    {"dall-e-3", "input", -1}, /* priced per pixel: skipped */
    {"whisper-1", "input", -1},
    {"sample_spec", "input", -1},
    {"azure/gpt-4o-mini", "input", 0.165},
    {"claude-sonnet-4-5", "cached_input", 0.3},
    {"claude-sonnet-4-5", "batch_input", -1},
    /* cache_creation_input_token_cost 3.75e-06 */
    {"claude-sonnet-4-5-20250929", "cache_write", 3.75},
    /* its deprecation_date 2025-10-01 has passed: no price today */
    {"claude-3-5-haiku-20241022", "output", -1},
    {"gemini-2.5-flash", "input", 0.3},
    {"gemini/gemini-2.5-pro", "cached_input", 0.31},
    {"vertex_ai/gemini-2.5-flash", "output", 2.5},
    {"mistral-large-latest", "output", 1.5},
    {"together_ai/meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", "input", 0.18},
    {"meta-llama/meta-llama-3.1-8b-instruct-turbo", "output", 0.18},
    {"deepseek-chat", "cached_input", 0.07},
    {"deepseek/deepseek-chat", "output", 1.1},
    {"llama-3.3-70b-versatile", "output", 0.79},
    {"openrouter/openai/gpt-4o", "input", 2.5},
    {"us.anthropic.claude-3-5-haiku-20241022-v1:0", "input", 0.8},
    /* shipped entries the file does not name still answer */
    {"claude-sonnet-5", "output", 10},
    {"gpt-5.4-nano", "cached_input", 0.02},
};

START_TEST(test_override_litellm)
{
    g_autofree char *path = fixture_path();
    const litellm_case *c = &litellm_cases[_i];
    double got;

    set_override(path);
    got = price_of(c->model, c->kind);
    ck_assert_msg(got == c->want, "API_PRICE(\"%s\"; \"%s\") = %.17g, want %.17g", c->model,
                  c->kind, got, c->want);
    set_override(NULL);
}
END_TEST

START_TEST(test_litellm_layer)
{
    g_autofree char *path = fixture_path();
    g_autofree char *data = NULL;
    g_autoptr(GError) error = NULL;
    gsize len;
    ftc_price_layer *layer;
    GStatBuf st;
    ftc_price_list *list;
    const ftc_price_entry *e;

    ck_assert(g_file_get_contents(path, &data, &len, NULL));
    layer = ftc_price_layer_parse(data, len, "fixture", 46000, &error);
    ck_assert_msg(layer != NULL, "%s", error->message);
    /* 38 keys, less sample_spec, dall-e-3 and whisper-1 */
    ck_assert_uint_eq(ftc_price_layer_count(layer), 35);
    ftc_price_layer_free(layer);

    /* LiteLLM has no dates: the file's modification day stands in */
    ck_assert_int_eq(g_stat(path, &st), 0);
    set_override(path);
    ck_assert_double_eq(date_of("gpt-4o"), ftc_price_date_from_unix(st.st_mtime));
    list = ftc_prices_get();
    e = ftc_price_list_find(list, "gemini-2.5-flash");
    ck_assert_str_eq(e->provider, "gemini");
    ck_assert_str_eq(e->model, "gemini-2.5-flash");
    ck_assert_str_eq(e->origin, path);
    ck_assert_str_eq(e->source, "");
    e = ftc_price_list_find(list, "gpt-4o");
    ck_assert_str_eq(e->provider, "openai"); /* not azure's or openrouter's */
    ftc_price_list_unref(list);
    set_override(NULL);
}
END_TEST

/* The user's config file, then $FTCOST_PRICES on top of it. */
START_TEST(test_layers)
{
    g_autofree char *confdir = g_build_filename(g_get_user_config_dir(), "ftcost", NULL);
    g_autofree char *config = g_build_filename(confdir, "prices.json", NULL);
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *env = g_build_filename(dir, "env.json", NULL);

    ck_assert_int_eq(g_mkdir_with_parents(confdir, 0700), 0);
    ftc_test_write_file(
        config,
        "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
        "{\"provider\": \"openai\", \"model\": \"gpt-4o\", \"input\": 3, \"output\": 11,"
        " \"checked\": \"2026-11-01\"},"
        "{\"provider\": \"openai\", \"model\": \"gpt-4o-mini\", \"input\": 0.2,"
        " \"output\": 0.7, \"checked\": \"2026-11-01\"}]}",
        -1);
    set_override(NULL);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 3);
    ck_assert_double_eq(price_of("gpt-4o-mini", "output"), 0.7);
    ck_assert_double_eq(price_of("gpt-4.1", "input"), 2);

    ftc_test_write_file(
        env,
        "{\"gpt-4o\": {\"input_cost_per_token\": 4e-06, "
        "\"output_cost_per_token\": 1.2e-05, \"litellm_provider\": \"openai\"}}",
        -1);
    set_override(env);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 4);         /* env wins */
    ck_assert_double_eq(price_of("gpt-4o-mini", "output"), 0.7); /* config */
    ck_assert_double_eq(price_of("gpt-4.1", "input"), 2);        /* shipped */

    set_override(NULL);
    g_remove(config);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 2.5);
    ck_assert_double_eq(price_of("gpt-4o-mini", "output"), 0.6);
    g_rmdir(confdir);
    ftc_test_remove_dir(dir);
}
END_TEST

/* What `ftcost prices update` installs: updates/litellm.json, then
 * genai-prices.json, then ftcost.json over it, all below the user's
 * prices.json; a file renamed over an installed one is read again. */
START_TEST(test_update_layers)
{
    g_autofree char *confdir = g_build_filename(g_get_user_config_dir(), "ftcost", NULL);
    g_autofree char *updates = g_build_filename(confdir, "updates", NULL);
    g_autofree char *litellm = g_build_filename(updates, "litellm.json", NULL);
    g_autofree char *genai = g_build_filename(updates, "genai-prices.json", NULL);
    g_autofree char *own = g_build_filename(updates, "ftcost.json", NULL);
    g_autofree char *config = g_build_filename(confdir, "prices.json", NULL);
    g_autofree char *tmp = g_build_filename(updates, ".litellm.json.tmp", NULL);
    double shipped;

    set_override(NULL);
    shipped = price_of("gpt-4o", "input");
    ck_assert_double_gt(shipped, 0);
    ck_assert_int_eq(g_mkdir_with_parents(updates, 0700), 0);
    ftc_test_write_file(litellm,
                        "{\"gpt-4o\": {\"input_cost_per_token\": 5e-06, "
                        "\"output_cost_per_token\": 1.5e-05, \"litellm_provider\": \"openai\"},"
                        " \"upd-only\": {\"input_cost_per_token\": 1e-06, "
                        "\"output_cost_per_token\": 1e-06, \"litellm_provider\": \"openai\"}}",
                        -1);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 5);
    ck_assert_double_eq(price_of("upd-only", "input"), 1);

    ftc_test_write_file(
        genai,
        "[{\"id\": \"openai\", \"name\": \"OpenAI\", \"api_pattern\": \"x\","
        " \"models\": [{\"id\": \"gpt-4o\", \"match\": {\"equals\": \"gpt-4o\"},"
        " \"prices\": {\"input_mtok\": 6, \"output_mtok\": 16}}]}]",
        -1);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 6); /* genai-prices over LiteLLM */
    ck_assert_double_eq(price_of("upd-only", "input"), 1);

    ftc_test_write_file(own,
                        "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
                        "{\"provider\": \"openai\", \"model\": \"gpt-4o\", \"input\": 6.5,"
                        " \"checked\": \"2026-11-01\"}]}",
                        -1);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 6.5); /* ftcost's over both */

    ftc_test_write_file(config,
                        "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
                        "{\"provider\": \"openai\", \"model\": \"gpt-4o\", \"input\": 3,"
                        " \"checked\": \"2026-11-01\"}]}",
                        -1);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 3); /* the user's own wins */
    g_remove(config);
    g_remove(own);
    g_remove(genai);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 5);

    /* replaced as the command does it: a complete file renamed over it */
    ftc_test_write_file(
        tmp,
        "{\"gpt-4o\": {\"input_cost_per_token\": 7e-06, "
        "\"output_cost_per_token\": 1.5e-05, \"litellm_provider\": \"openai\"}}",
        -1);
    ck_assert_int_eq(rename(tmp, litellm), 0);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 7);
    ck_assert_double_eq(price_of("upd-only", "input"), -1);

    g_remove(litellm);
    ck_assert_double_eq(price_of("gpt-4o", "input"), shipped);
    g_rmdir(updates);
    g_rmdir(confdir);
}
END_TEST

/* A changed file is read again on the next call; nothing else is. */
START_TEST(test_reload)
{
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "prices.json", NULL);
    g_autofree char *moved = g_build_filename(dir, "other.json", NULL);
    static const char one[] = "{\"m1\": {\"input_cost_per_token\": 1e-06, "
                              "\"output_cost_per_token\": 2e-06}}";
    static const char two[] = "{\"m1\": {\"input_cost_per_token\": 3e-06, "
                              "\"output_cost_per_token\": 2e-06}}";
    ftc_price_list *a, *b;

    ftc_test_write_file(path, one, -1);
    set_override(path);
    ck_assert_double_eq(price_of("m1", "input"), 1);
    ck_assert_double_eq(price_of("litellm/m1", "input"), 1);
    a = ftc_prices_get();
    b = ftc_prices_get();
    ck_assert_ptr_eq(a, b); /* unchanged: the same snapshot */
    ftc_price_list_unref(b);

    /* same size, new content: rewritten through a new file, as editors do */
    ftc_test_write_file(path, two, -1);
    ck_assert_double_eq(price_of("m1", "input"), 3);
    /* the old snapshot is still whole for whoever holds it */
    ck_assert_double_eq(ftc_price_list_find(a, "m1")->price[FTC_PRICE_INPUT], 1);
    ftc_price_list_unref(a);

    /* rewritten in place (same inode, same size), then dated */
    {
        FILE *f = fopen(path, "r+");
        struct timespec times[2] = {{.tv_nsec = UTIME_OMIT}, {.tv_sec = 2000000000}};

        ck_assert_ptr_nonnull(f);
        ck_assert_int_ge(fputs(one, f), 0);
        ck_assert_int_eq(fclose(f), 0);
        ck_assert_int_eq(utimensat(AT_FDCWD, path, times, 0), 0);
    }
    ck_assert_double_eq(price_of("m1", "input"), 1);

    /* gone, then back */
    ck_assert_int_eq(g_rename(path, moved), 0);
    ck_assert_double_eq(price_of("m1", "input"), -1);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 2.5);
    ck_assert_int_eq(g_rename(moved, path), 0);
    ck_assert_double_eq(price_of("m1", "input"), 1);
    ck_assert_double_eq(date_of("m1"), 48717); /* 2033-05-18, the mtime set above */

    set_override(NULL);
    ck_assert_double_eq(price_of("m1", "input"), -1);
    ftc_test_remove_dir(dir);
}
END_TEST

/* --- files that must be ignored -------------------------------------------- */

typedef struct {
    const char *name;
    const char *data;
    gssize len;       /* -1: strlen */
    const char *says; /* in the one line on stderr */
} bad_case;

static const char truncated[] = "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
                                "{\"provider\": \"x\", \"model\": \"m1\", \"input\": 1, \"out";

static const bad_case bad_cases[] = {
    {"empty", "", -1, "not a JSON object"},
    {"not json", "prices: cheap", -1, "not JSON"},
    {"truncated", truncated, -1, "not JSON"},
    {"array", "[{\"m1\": 1}]", -1, "not a genai-prices provider"},
    {"null", "null", -1, "not a JSON object"},
    {"number", "3", -1, "not a JSON object"},
    {"NaN literal", "{\"m1\": {\"input_cost_per_token\": NaN}}", -1, "not JSON"},
    {"non-UTF-8", "{\"m\xff\": {\"input_cost_per_token\": 1e-06}}", -1, "not UTF-8"},
    {"NUL inside", "{\"m1\": {\"input_cost_per_token\": 1e-06}}\0junk", 44, "not UTF-8"},
    {"nothing priced", "{\"dall-e-3\": {\"input_cost_per_pixel\": 4e-08}}", -1,
     "no prices in it"},
    {"empty object", "{}", -1, "no prices in it"},
    /* LiteLLM */
    {"string price", "{\"m1\": {\"input_cost_per_token\": \"2.5e-06\"}}", -1,
     "\"input_cost_per_token\" must be a price"},
    {"boolean price", "{\"m1\": {\"input_cost_per_token\": true}}", -1, "must be a price"},
    {"negative price", "{\"m1\": {\"input_cost_per_token\": -1e-06}}", -1, "must be a price"},
    {"huge price", "{\"m1\": {\"output_cost_per_token\": 2}}", -1, "must be a price"},
    {"infinite price", "{\"m1\": {\"input_cost_per_token\": 1e999}}", -1, NULL},
    {"entry not an object", "{\"m1\": [1e-06, 2e-06]}", -1, "is not an object"},
    {"provider not text",
     "{\"m1\": {\"input_cost_per_token\": 1e-06, "
     "\"litellm_provider\": 7}}",
     -1, "litellm_provider"},
    {"control character", "{\"m\\u0001\": {\"input_cost_per_token\": 1e-06}}", -1,
     "not a usable model name"},
    /* ftcost's format */
    {"wrong format", "{\"format\": \"prices\", \"version\": 1, \"models\": []}", -1,
     "\"format\" must be"},
    {"version 2", "{\"format\": \"ftcost-prices\", \"version\": 2, \"models\": []}", -1,
     "\"version\" must be 1"},
    {"models not array", "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": {}}", -1,
     "\"models\" must be an array"},
    {"model not object", "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": [1]}", -1,
     "models[0] is not an object"},
    {"no model name",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"input\": 1, \"checked\": \"2026-01-01\"}]}",
     -1, "\"provider\" and \"model\" must be"},
    {"no date",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"model\": \"m1\", \"input\": 1}]}",
     -1, "x/m1: \"checked\" must be a date"},
    {"bad date",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"model\": \"m1\", \"input\": 1, "
     "\"checked\": \"2026-02-30\"}]}",
     -1, "\"checked\" must be a date"},
    {"typo",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"model\": \"m1\", \"inptu\": 1, "
     "\"checked\": \"2026-01-01\"}]}",
     -1, "unknown field \"inptu\""},
    {"negative",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"model\": \"m1\", \"input\": -0.5, "
     "\"checked\": \"2026-01-01\"}]}",
     -1, "\"input\" must be a price"},
    {"too large",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"model\": \"m1\", \"output\": 1e300, "
     "\"checked\": \"2026-01-01\"}]}",
     -1, "\"output\" must be a price"},
    {"price as text",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"model\": \"m1\", \"output\": \"3\", "
     "\"checked\": \"2026-01-01\"}]}",
     -1, "\"output\" must be a price"},
    {"no price",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"model\": \"m1\", \"checked\": \"2026-01-01\"}]}",
     -1, "x/m1: no price"},
    {"source not text",
     "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": ["
     "{\"provider\": \"x\", \"model\": \"m1\", \"input\": 1, "
     "\"source\": 5, \"checked\": \"2026-01-01\"}]}",
     -1, "\"source\" must be text"},
/* prices at a date */
#define HISTORY(since, history)                                                                \
    "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": [{\"provider\": "             \
    "\"x\", \"model\": \"m1\", \"input\": 1, \"checked\": \"2026-01-01\"" since history "}]}"
    {"bad since", HISTORY(", \"since\": \"June 2025\"", ""), -1, "\"since\" must be a date"},
    {"since after checked", HISTORY(", \"since\": \"2026-01-02\"", ""), -1,
     "\"since\" is after \"checked\""},
    {"history without since", HISTORY("", ", \"history\": []"), -1,
     "with \"since\" saying when"},
    {"history not a list", HISTORY(", \"since\": \"2025-06-10\"", ", \"history\": {}"), -1,
     "\"history\" must be an array"},
    {"period not an object", HISTORY(", \"since\": \"2025-06-10\"", ", \"history\": [5]"), -1,
     "history[0] is not an object"},
    {"period after since",
     HISTORY(", \"since\": \"2025-06-10\"",
             ", \"history\": [{\"from\": \"2025-06-10\", \"input\": 2}]"),
     -1, "\"from\" must be a date YYYY-MM-DD before \"since\""},
    {"period undated",
     HISTORY(", \"since\": \"2025-06-10\"", ", \"history\": [{\"input\": 2}]"), -1,
     "history[0]: \"from\" must be"},
    {"period without price",
     HISTORY(", \"since\": \"2025-06-10\"", ", \"history\": [{\"from\": \"2025-01-01\"}]"), -1,
     "x/m1: no price"},
    {"period typo",
     HISTORY(", \"since\": \"2025-06-10\"",
             ", \"history\": [{\"from\": \"2025-01-01\", \"ouptut\": 2}]"),
     -1, "unknown field \"ouptut\""},
    {"two periods one day",
     HISTORY(", \"since\": \"2025-06-10\"",
             ", \"history\": [{\"from\": \"2025-01-01\", \"input\": 2}, "
             "{\"from\": \"2025-01-01\", \"input\": 3}]"),
     -1, "two history periods from the same day"},
#undef HISTORY
};

/* One bad file: ignored with one line naming it, the rest answers, and no
 * second line while it stays as it is. */
static void check_ignored(const char *path, const char *says)
{
    ftc_test_capture c = ftc_test_capture_begin();
    g_autofree char *said = NULL;

    set_override(path);
    ck_assert_double_eq(price_of("gpt-4o", "input"), 2.5);
    ck_assert_double_eq(price_of("m1", "input"), -1);
    ck_assert_double_eq(price_of("claude-sonnet-4-5", "output"), 15);
    said = ftc_test_capture_end(&c);
    ck_assert_msg(ftc_test_count_lines(said) == 1, "said: %s", said);
    ck_assert_msg(g_str_has_prefix(said, "ftcost: ignoring the price file "), "said: %s", said);
    ck_assert_ptr_nonnull(strstr(said, path));
    ck_assert_msg(says == NULL || strstr(said, says) != NULL, "said: %s, want %s", said, says);
    set_override(NULL);
}

START_TEST(test_bad_files)
{
    const bad_case *b = &bad_cases[_i];
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "bad.json", NULL);

    ftc_test_write_file(path, b->data, b->len);
    check_ignored(path, b->says);
    ftc_test_remove_dir(dir);
}
END_TEST

/* Duplicate keys are JSON's business: the last one counts. */
START_TEST(test_duplicate_keys)
{
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "dup.json", NULL);

    ftc_test_write_file(path,
                        "{\"m1\": {\"input_cost_per_token\": 1e-06}, "
                        "\"m1\": {\"input_cost_per_token\": 2e-06, "
                        "\"input_cost_per_token\": 3e-06}}",
                        -1);
    set_override(path);
    ck_assert_double_eq(price_of("m1", "input"), 3);
    set_override(NULL);
    ftc_test_remove_dir(dir);
}
END_TEST

/* Not files one can read as prices: never read, never waited on. */
START_TEST(test_special_files)
{
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *fifo = g_build_filename(dir, "fifo.json", NULL);
    g_autofree char *sub = g_build_filename(dir, "dir.json", NULL);
    g_autofree char *big = g_build_filename(dir, "big.json", NULL);
    g_autofree char *missing = g_build_filename(dir, "missing.json", NULL);
    g_autofree char *link = g_build_filename(dir, "link.json", NULL);
    g_autofree char *deep = g_build_filename(dir, "deep.json", NULL);
    g_autofree char *nested = NULL;
    int fd;

    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    check_ignored(fifo, "not a regular file");
    ck_assert_int_eq(g_mkdir(sub, 0700), 0);
    check_ignored(sub, "not a regular file");
    check_ignored("/dev/null", "not a regular file");
    check_ignored(missing, "No such file");
    /* 65 MiB: refused before anything is read */
    fd = open(big, O_CREAT | O_WRONLY, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, 65 << 20), 0);
    close(fd);
    check_ignored(big, "larger than 64 MiB");
    /* a million brackets would overflow json-glib's recursion */
    nested = g_strnfill(1000000, '[');
    ftc_test_write_file(deep, nested, -1);
    check_ignored(deep, "nested more than");
    /* a symbolic link to a good file is a good file */
    {
        g_autofree char *target = fixture_path();

        ck_assert_int_eq(symlink(target, link), 0);
        set_override(link);
        ck_assert_double_eq(price_of("deepseek-chat", "input"), 0.27);
        set_override(NULL);
    }
    ftc_test_remove_dir(dir);
}
END_TEST

/* A bad file fixed: read again, used, and the message does not repeat. */
START_TEST(test_bad_then_fixed)
{
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "p.json", NULL);
    g_autofree char *said = NULL;
    ftc_test_capture c;

    ftc_test_write_file(path, "{\"m1\": ", -1);
    c = ftc_test_capture_begin();
    set_override(path);
    for (int i = 0; i < 5; i++)
        ck_assert_double_eq(price_of("m1", "input"), -1);
    ftc_test_write_file(path, "{\"m1\": {\"input_cost_per_token\": 5e-07}}", -1);
    ck_assert_double_eq(price_of("m1", "input"), 0.5);
    said = ftc_test_capture_end(&c);
    ck_assert_uint_eq(ftc_test_count_lines(said), 1);
    set_override(NULL);
    ftc_test_remove_dir(dir);
}
END_TEST

/* Calc calls from several threads: answers stay whole while the file is
 * rewritten underneath. */
typedef struct {
    int bad;
} worker_result;

static void *worker(void *data)
{
    worker_result *r = data;

    for (int i = 0; i < 300; i++) {
        double x = price_of("m1", "input"), y = price_of("gpt-4o", "output");

        if (!(x == 1 || x == 2) || y != 10)
            r->bad++;
    }
    return NULL;
}

START_TEST(test_threads)
{
    g_autofree char *dir = ftc_test_make_dir();
    g_autofree char *path = g_build_filename(dir, "p.json", NULL);
    pthread_t threads[4];
    worker_result results[4] = {{0}};

    ftc_test_write_file(path, "{\"m1\": {\"input_cost_per_token\": 1e-06}}", -1);
    set_override(path);
    for (int t = 0; t < 4; t++)
        ck_assert_int_eq(pthread_create(&threads[t], NULL, worker, &results[t]), 0);
    for (int i = 0; i < 50; i++)
        ftc_test_write_file(path,
                            i % 2 ? "{\"m1\": {\"input_cost_per_token\": 1e-06}}"
                                  : "{\"m1\": {\"input_cost_per_token\": 2e-06}}",
                            -1);
    for (int t = 0; t < 4; t++) {
        pthread_join(threads[t], NULL);
        ck_assert_int_eq(results[t].bad, 0);
    }
    set_override(NULL);
    ftc_test_remove_dir(dir);
}
END_TEST

/* The loader, straight: what the fuzzer drives. */
START_TEST(test_layer_parse)
{
    GError *error = NULL;
    ftc_price_layer *layer;

    layer = ftc_price_layer_parse("{\"a\": {\"output_cost_per_token\": 3e-07}}", 39, "t", 1,
                                  &error);
    ck_assert_ptr_nonnull(layer);
    ck_assert_ptr_null(error);
    ck_assert_uint_eq(ftc_price_layer_count(layer), 1);
    ftc_price_layer_free(layer);
    ck_assert_ptr_null(ftc_price_layer_parse("{", 1, "t", 1, &error));
    ck_assert_ptr_nonnull(error);
    g_error_free(error);
    /* a NULL error pointer is fine */
    ck_assert_ptr_null(ftc_price_layer_parse("[]", 2, "t", 1, NULL));
    ck_assert_uint_eq(ftc_price_layer_count(NULL), 0);
    ftc_price_layer_free(NULL);
}
END_TEST

static Suite *prices_suite(void)
{
    Suite *s = suite_create("prices");
    TCase *tc = tcase_create("catalogue");

    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_shipped_prices, 0, G_N_ELEMENTS(shipped_cases));
    tcase_add_loop_test(tc, test_shipped_retirements, 0, G_N_ELEMENTS(retire_cases));
    tcase_add_test(tc, test_shipped_entries);
    tcase_add_test(tc, test_shipped_cited);
    tcase_add_test(tc, test_price_dates);
    tcase_add_test(tc, test_kinds);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_override_own_format);
    tcase_add_test(tc, test_history);
    tcase_add_test(tc, test_shipped_history);
    tcase_add_loop_test(tc, test_override_litellm, 0, G_N_ELEMENTS(litellm_cases));
    tcase_add_test(tc, test_litellm_layer);
    tcase_add_test(tc, test_layers);
    tcase_add_test(tc, test_update_layers);
    tcase_add_test(tc, test_reload);
    tcase_add_loop_test(tc, test_bad_files, 0, G_N_ELEMENTS(bad_cases));
    tcase_add_test(tc, test_duplicate_keys);
    tcase_add_test(tc, test_special_files);
    tcase_add_test(tc, test_bad_then_fixed);
    tcase_add_test(tc, test_threads);
    tcase_add_test(tc, test_layer_parse);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(prices_suite());
}
