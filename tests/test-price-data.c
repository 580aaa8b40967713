/* The price data model and its readers (functions/ftc-model-layer.c,
 * ftc-read-ftcost.c, ftc-read-litellm.c, ftc-read-genai.c,
 * ftc-price-file.c's shipped layers): retirement, long-context tiers,
 * scheduled and past periods, ft_training_full, the listing by kind, the
 * formats told apart by content, and every refusal.  Values come from the
 * fixtures in tests/data. */
#include "ftc-test-util.h"
#include "ftcost-private.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "test-shipped-resources.h"

static char *data_path(const char *name)
{
    return g_build_filename(g_getenv("FTCOST_TEST_DATA"), name, NULL);
}

static ftc_price_list *load(const char *name)
{
    g_autofree char *path = data_path(name);
    g_autoptr(GError) error = NULL;
    ftc_price_list *list = ftc_price_list_load(path, &error);

    ck_assert_msg(list != NULL, "%s: %s", name, error != NULL ? error->message : "?");
    return list;
}

/* A file's text read as it would be on `day`. */
static ftc_price_list *parse(const char *name, const char *day)
{
    g_autofree char *path = data_path(name);
    g_autofree char *data = NULL;
    g_autoptr(GError) error = NULL;
    gsize len = 0;
    ftc_price_layer *layer;
    ftc_price_list *list;

    ck_assert(g_file_get_contents(path, &data, &len, NULL));
    layer = ftc_price_layer_parse(data, len, name, ftc_date_parse(day), &error);
    ck_assert_msg(layer != NULL, "%s: %s", name, error != NULL ? error->message : "?");
    list = ftc_price_list_new_from_layer(layer);
    ftc_price_layer_free(layer);
    return list;
}

/* --- quotes: a price on a day for a prompt -------------------------------- */

typedef struct {
    const char *file, *model, *kind;
    const char *day; /* NULL: today */
    double tokens;   /* NAN: left out */
    ftc_quote_status want;
    double price;   /* FTC_QUOTE_OK */
    const char *at; /* RETIRED / TOO_EARLY: the day it names */
} quote_case;

#define SCHEMA "prices-schema.json"
#define GENAI "genai-prices-sample.json"
#define LITELLM "litellm-prices.json"

static const quote_case quote_cases[] = {
    /* gpt-5.6 cut to 4/20/0.40 on 2026-08-21; above 272 000 tokens 8/30/0.8 */
    {SCHEMA, "gpt-5.6", "input", "2026-09-01", 300000, FTC_QUOTE_OK, 8, NULL},
    {SCHEMA, "gpt-5.6", "input", "2026-09-01", 272000, FTC_QUOTE_OK, 4, NULL},
    {SCHEMA, "gpt-5.6", "input", "2026-09-01", 272001, FTC_QUOTE_OK, 8, NULL},
    {SCHEMA, "gpt-5.6", "cached_input", "2026-09-01", 300000, FTC_QUOTE_OK, 0.8, NULL},
    {SCHEMA, "gpt-5.6", "output", NULL, NAN, FTC_QUOTE_OK, 20, NULL},
    {SCHEMA, "gpt-5.6", "output", NULL, 0, FTC_QUOTE_OK, 20, NULL},
    /* before the cut: the history period and its own tiers */
    {SCHEMA, "gpt-5.6", "output", "2026-06-01", 300000, FTC_QUOTE_OK, 45, NULL},
    {SCHEMA, "gpt-5.6", "output", "2026-06-01", NAN, FTC_QUOTE_OK, 30, NULL},
    /* a kind that period's tier does not list keeps the period's price */
    {SCHEMA, "gpt-5.6", "cached_input", "2026-06-01", 300000, FTC_QUOTE_OK, 0.5, NULL},
    {SCHEMA, "gpt-5.6", "input", "2026-04-30", NAN, FTC_QUOTE_TOO_EARLY, 0, "2026-05-01"},
    /* retired on 2026-10-23: the price the day before, none from that day */
    {SCHEMA, "o4-mini", "input", "2026-10-22", NAN, FTC_QUOTE_OK, 1.1, NULL},
    {SCHEMA, "o4-mini", "input", "2026-10-23", NAN, FTC_QUOTE_RETIRED, 0, "2026-10-23"},
    {SCHEMA, "o4-mini", "input", NULL, NAN, FTC_QUOTE_RETIRED, 0, "2026-10-23"},
    {SCHEMA, "gpt-5-mini", "output", NULL, NAN, FTC_QUOTE_OK, 2, NULL},
    /* scheduled periods, listed out of order: 1.5 from 2026-07-01, 2 from 2127 */
    {SCHEMA, "intro-1", "input", "2026-06-30", NAN, FTC_QUOTE_OK, 1, NULL},
    {SCHEMA, "intro-1", "input", "2026-07-01", NAN, FTC_QUOTE_OK, 1.5, NULL},
    {SCHEMA, "intro-1", "input", NULL, NAN, FTC_QUOTE_OK, 1.5, NULL},
    {SCHEMA, "intro-1", "input", "2127-01-01", NAN, FTC_QUOTE_OK, 2, NULL},
    {SCHEMA, "intro-1", "output", "2127-01-02", 100001, FTC_QUOTE_OK, 6, NULL},
    {SCHEMA, "intro-1", "input", "2127-01-02", 100001, FTC_QUOTE_OK, 2, NULL},
    /* ft_training_full beside ft_training; two tiers, each for its kinds */
    {SCHEMA, "tuned-1", "ft_training_full", NULL, NAN, FTC_QUOTE_OK, 25, NULL},
    {SCHEMA, "tuned-1", "ft_training", NULL, 6000, FTC_QUOTE_OK, 4, NULL},
    {SCHEMA, "tuned-1", "ft_training", NULL, 2000, FTC_QUOTE_OK, 3, NULL},
    {SCHEMA, "tuned-1", "input", NULL, 6000, FTC_QUOTE_OK, 2, NULL},
    {SCHEMA, "tuned-1", "input", NULL, 1000, FTC_QUOTE_OK, 1, NULL},
    {SCHEMA, "tuned-1", "output", NULL, NAN, FTC_QUOTE_NO_KIND, 0, NULL},
    {SCHEMA, "no-such-model", "input", NULL, NAN, FTC_QUOTE_NO_MODEL, 0, NULL},
    /* genai-prices: a tier from "start" 200000 applies above it, to all tokens */
    {GENAI, "claude-sonnet-4-5", "input", "2026-12-01", 200000, FTC_QUOTE_OK, 3, NULL},
    {GENAI, "claude-sonnet-4-5", "input", "2026-12-01", 200001, FTC_QUOTE_OK, 6, NULL},
    {GENAI, "anthropic/claude-sonnet-4-5", "output", NULL, 300000, FTC_QUOTE_OK, 22.5, NULL},
    {GENAI, "claude-sonnet-4-5", "cache_write", NULL, NAN, FTC_QUOTE_OK, 3.75, NULL},
    {GENAI, "claude-sonnet-4-5", "cached_input", NULL, 1e6, FTC_QUOTE_OK, 0.6, NULL},
    {GENAI, "claude-3-haiku", "output", NULL, NAN, FTC_QUOTE_OK, 1.25, NULL},
    /* o3's history: the dated cut is today's price; the undated price
     * before it has no first day in the data */
    {GENAI, "o3", "output", "2025-06-10", NAN, FTC_QUOTE_OK, 8, NULL},
    {GENAI, "o3", "output", "2025-06-09", NAN, FTC_QUOTE_TOO_EARLY, 0, "2025-06-10"},
    /* a price announced for 2127 is scheduled; a time-of-day price left out */
    {GENAI, "gpt-later", "input", NULL, NAN, FTC_QUOTE_OK, 1, NULL},
    {GENAI, "gpt-later", "output", "2127-01-01", NAN, FTC_QUOTE_OK, 8, NULL},
    {GENAI, "dall-e-3", "input", NULL, NAN, FTC_QUOTE_NO_MODEL, 0, NULL},
    /* a time-of-day window of more than 12 hours is the price most of a
     * day pays (DeepSeek's standard hours beside its off-peak base); 12
     * hours exactly, across midnight, is not */
    {GENAI, "peak-hours", "input", NULL, NAN, FTC_QUOTE_OK, 0.27, NULL},
    {GENAI, "peak-hours", "output", NULL, NAN, FTC_QUOTE_OK, 1.1, NULL},
    {GENAI, "night-rate", "input", NULL, NAN, FTC_QUOTE_OK, 3, NULL},
    {GENAI, "long-night", "input", NULL, NAN, FTC_QUOTE_OK, 1, NULL},
    /* the names "match" accepts as they are: aliases, by any case, also
     * after the provider; a prefix or a name inside an "and" is none */
    {GENAI, "peak-hours-latest", "output", NULL, NAN, FTC_QUOTE_OK, 1.1, NULL},
    {GENAI, "OpenAI/PEAK-HOURS-LATEST", "input", NULL, NAN, FTC_QUOTE_OK, 0.27, NULL},
    {GENAI, "peak-hours-2", "input", NULL, NAN, FTC_QUOTE_NO_MODEL, 0, NULL},
    {GENAI, "night-rate-eu", "input", NULL, NAN, FTC_QUOTE_NO_MODEL, 0, NULL},
    /* LiteLLM: deprecation_date, *_above_200k_tokens */
    /* a LiteLLM file vouches for its own day only, or for a model retired
     * before that day for its last day served (the price it had then) */
    {LITELLM, "claude-3-5-haiku-20241022", "input", "2025-09-30", NAN, FTC_QUOTE_OK, 0.8, NULL},
    {LITELLM, "claude-3-5-haiku-20241022", "input", "2025-09-29", NAN, FTC_QUOTE_TOO_EARLY, 0,
     "2025-09-30"},
    {LITELLM, "gemini-2.5-pro", "input", "2026-11-30", NAN, FTC_QUOTE_TOO_EARLY, 0,
     "2026-12-01"},
    {LITELLM, "claude-3-5-haiku-20241022", "input", NULL, NAN, FTC_QUOTE_RETIRED, 0,
     "2025-10-01"},
    {LITELLM, "claude-3-5-haiku-20241022", "input", "2025-10-01", NAN, FTC_QUOTE_RETIRED, 0,
     "2025-10-01"},
    {LITELLM, "gemini-2.5-pro", "input", "2026-12-01", 300000, FTC_QUOTE_OK, 2.5, NULL},
    {LITELLM, "gemini-2.5-pro", "output", "2026-12-01", 200001, FTC_QUOTE_OK, 15, NULL},
    {LITELLM, "gemini-2.5-pro", "output", "2026-12-01", 200000, FTC_QUOTE_OK, 10, NULL},
    {LITELLM, "gemini-2.5-pro", "cached_input", "2026-12-01", 300000, FTC_QUOTE_OK, 0.31, NULL},
};

START_TEST(test_quote)
{
    const quote_case *c = &quote_cases[_i];
    ftc_price_list *list = parse(c->file, "2026-12-01");
    ftc_price_kind kind;
    ftc_price_quote q;
    int day = c->day != NULL ? ftc_date_parse(c->day) : FTC_PRICE_TODAY;

    ck_assert(ftc_price_kind_parse(c->kind, &kind));
    ck_assert_int_eq(ftc_price_list_quote(list, c->model, kind, day, c->tokens, &q), c->want);
    ck_assert_int_eq(q.status, c->want);
    if (c->want == FTC_QUOTE_OK)
        ck_assert_msg(q.price == c->price, "%s %s: %.17g, want %.17g", c->model, c->kind,
                      q.price, c->price);
    else
        ck_assert(isnan(q.price));
    if (c->at != NULL)
        ck_assert_int_eq(q.day, ftc_date_parse(c->at));
    ck_assert((q.entry == NULL) == (c->want == FTC_QUOTE_NO_MODEL));
    ftc_price_list_unref(list);
}
END_TEST

/* The API's "today" is the clock's day, the day the quote names. */
START_TEST(test_today)
{
    ftc_price_list *list = load(SCHEMA);
    ftc_price_quote q;

    ck_assert_int_eq(
        ftc_price_list_quote(list, "gpt-5.6", FTC_PRICE_INPUT, FTC_PRICE_TODAY, NAN, &q),
        FTC_QUOTE_OK);
    ck_assert_int_eq(q.day, ftc_price_today());
    ck_assert_int_ge(ftc_price_today(), ftc_date_parse("2026-01-01"));
    ck_assert(q.tier_above == 0);
    ftc_price_list_quote(list, "gpt-5.6", FTC_PRICE_INPUT, FTC_PRICE_TODAY, 3e5, &q);
    ck_assert(q.tier_above == 272000);
    ftc_price_list_unref(list);
}
END_TEST

/* --- retirement and successor --------------------------------------------- */

START_TEST(test_retires)
{
    ftc_price_list *list = load(SCHEMA);
    ftc_price_list *genai = parse(GENAI, "2026-12-01");
    const ftc_price_entry *e = ftc_price_list_find(list, "O4-MINI");

    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->retires, ftc_date_parse("2026-10-23"));
    ck_assert_str_eq(e->successor, "gpt-5-mini");
    e = ftc_price_list_find(list, "gpt-5.6");
    ck_assert_int_eq(e->retires, -1);
    ck_assert_str_eq(e->successor, "");
    /* genai-prices' "deprecated" has no day: no retirement is made up */
    e = ftc_price_list_find(genai, "claude-3-haiku");
    ck_assert_int_eq(e->retires, -1);
    ftc_price_list_unref(genai);
    ftc_price_list_unref(list);
}
END_TEST

/* --- the listing for API_MODELS -------------------------------------------- */

typedef struct {
    const char *provider, *kind, *day;
    const char *want; /* "provider/model ..." in order */
} priced_case;

static const priced_case priced_cases[] = {
    {NULL, "input", NULL, "acme/intro-1 acme/tuned-1 openai/gpt-5-mini openai/gpt-5.6"},
    {"OpenAI", "input", NULL, "openai/gpt-5-mini openai/gpt-5.6"},
    {"openai", "input", "2026-10-22", "openai/gpt-5-mini openai/gpt-5.6 openai/o4-mini"},
    {NULL, "ft_training_full", NULL, "acme/tuned-1"},
    {NULL, "cached_input", "2026-06-01", "openai/gpt-5.6"},
    {NULL, "batch_input", NULL, ""},
    {"nobody", "input", NULL, ""},
};

START_TEST(test_priced)
{
    const priced_case *c = &priced_cases[_i];
    ftc_price_list *list = load(SCHEMA);
    const ftc_price_entry *out[8];
    g_autoptr(GString) got = g_string_new(NULL);
    ftc_price_kind kind;
    int day = c->day != NULL ? ftc_date_parse(c->day) : FTC_PRICE_TODAY;
    size_t n;

    ck_assert(ftc_price_kind_parse(c->kind, &kind));
    n = ftc_price_list_priced(list, c->provider, kind, day, out, G_N_ELEMENTS(out));
    ck_assert_uint_eq(ftc_price_list_priced(list, c->provider, kind, day, NULL, 0), n);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(got, "%s%s/%s", i > 0 ? " " : "", out[i]->provider,
                               out[i]->model);
    ck_assert_str_eq(got->str, c->want);
    /* a short buffer gets the first ones and the count of all */
    if (n > 1) {
        ck_assert_uint_eq(ftc_price_list_priced(list, c->provider, kind, day, out, 1), n);
        ck_assert(g_str_has_prefix(c->want, out[0]->provider));
    }
    ftc_price_list_unref(list);
}
END_TEST

/* --- the shipped layers: a vendored file below the reviewed one ----------- */

START_TEST(test_shipped_layers)
{
    ftc_price_list *list = ftc_price_list_new_from_resource(ftc_test_shipped_get_resource(),
                                                            "/org/ftcost/test-shipped/");
    const ftc_price_entry *e = ftc_price_list_find(list, "gpt-4o");

    ck_assert_uint_eq(ftc_price_list_count(list), 2);
    /* the reviewed file's entry replaces the vendored one */
    ck_assert_ptr_nonnull(e);
    ck_assert(e->price[FTC_PRICE_CACHED_INPUT] == 1.25);
    ck_assert_str_eq(e->origin, "shipped");
    ck_assert_int_eq(e->checked, ftc_date_parse("2026-11-29"));
    /* the vendored file's own: dated by the day its copy describes */
    e = ftc_price_list_find(list, "gpt-4.1-nano");
    ck_assert_ptr_nonnull(e);
    ck_assert(e->price[FTC_PRICE_OUTPUT] == 0.4);
    ck_assert_str_eq(e->origin, "shipped vendored.json");
    ck_assert_int_eq(e->checked, ftc_date_parse("2026-11-20"));
    ck_assert_int_eq(e->retires, ftc_date_parse("2026-10-23"));
    ftc_price_list_unref(list);
    /* an empty place: no layer, no crash */
    list = ftc_price_list_new_from_resource(ftc_test_shipped_get_resource(), "/org/none/");
    ck_assert_uint_eq(ftc_price_list_count(list), 0);
    ftc_price_list_unref(list);
}
END_TEST

/* --- refusals: the whole file, with a message naming model and field ------ */

typedef struct {
    const char *label, *data, *says;
} bad_case;

#define FT(entry)                                                                                \
    "{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": [{\"provider\": "               \
    "\"x\", \"model\": \"m1\", \"input\": 1, \"output\": 2, \"checked\": \"2026-01-01\", " entry \
    "}]}"
#define GA(model) "[{\"id\": \"p\", \"models\": [{\"id\": \"m1\", " model "}]}]"

static const bad_case bad_cases[] = {
    {"retires not a date", FT("\"retires\": \"2026-13-01\""),
     "x/m1: \"retires\" must be a date"},
    {"retires a number", FT("\"retires\": 46000"), "x/m1: \"retires\" must be a date"},
    {"successor empty", FT("\"successor\": \"\""), "x/m1: \"successor\" must be a model name"},
    {"successor a number", FT("\"successor\": 5"), "x/m1: \"successor\" must be"},
    {"tiers not a list", FT("\"tiers\": {\"above\": 1}"), "x/m1: \"tiers\" must be an array"},
    {"tier without above", FT("\"tiers\": [{\"input\": 2}]"),
     "x/m1: tiers[0] must be an object"},
    {"tier above text", FT("\"tiers\": [{\"above\": \"272k\", \"input\": 2}]"),
     "tiers[0] must"},
    {"tier above zero", FT("\"tiers\": [{\"above\": 0, \"input\": 2}]"),
     "x/m1: the tiers[0]: \"above\" must be a whole number"},
    {"tier above fraction", FT("\"tiers\": [{\"above\": 1.5, \"input\": 2}]"),
     "\"above\" must be a whole number"},
    {"tiers descending",
     FT("\"tiers\": [{\"above\": 2000, \"input\": 2}, {\"above\": 1000, "
        "\"input\": 3}]"),
     "x/m1: the tiers must be in ascending order of \"above\""},
    {"tiers twice the same",
     FT("\"tiers\": [{\"above\": 1000, \"input\": 2}, {\"above\": 1000, "
        "\"output\": 3}]"),
     "ascending order"},
    {"tier unknown kind", FT("\"tiers\": [{\"above\": 1000, \"inptu\": 2}]"),
     "x/m1: unknown field \"inptu\""},
    {"tier negative price", FT("\"tiers\": [{\"above\": 1000, \"input\": -2}]"),
     "x/m1: \"input\" must be a price"},
    {"tier price text", FT("\"tiers\": [{\"above\": 1000, \"output\": \"9\"}]"),
     "x/m1: \"output\" must be a price"},
    {"tier without base", FT("\"tiers\": [{\"above\": 1000, \"cached_input\": 2}]"),
     "\"cached_input\" has no base price"},
    {"tier without price", FT("\"tiers\": [{\"above\": 1000}]"), "x/m1: no price"},
    {"scheduled bad from", FT("\"scheduled\": [{\"from\": \"soon\", \"input\": 2}]"),
     "x/m1: scheduled[0]: \"from\" must be a date"},
    {"scheduled before prices", FT("\"scheduled\": [{\"from\": \"2025-12-31\", \"input\": 2}]"),
     "after the current prices' first day"},
    {"scheduled same day",
     FT("\"scheduled\": [{\"from\": \"2027-01-01\", \"input\": 2}, "
        "{\"from\": \"2027-01-01\", \"input\": 3}]"),
     "two scheduled periods from the same day"},
    {"scheduled not a list", FT("\"scheduled\": 3"), "\"scheduled\" must be an array"},
    {"scheduled tier unsorted",
     FT("\"scheduled\": [{\"from\": \"2027-01-01\", \"input\": 2, "
        "\"tiers\": [{\"above\": 9, \"input\": 1}, {\"above\": 8, "
        "\"input\": 1}]}]"),
     "a scheduled period's tiers must be in ascending order"},
    {"history tier without base",
     FT("\"since\": \"2026-01-01\", \"history\": [{\"from\": "
        "\"2025-01-01\", \"input\": 2, \"tiers\": [{\"above\": 9, "
        "\"output\": 1}]}]"),
     "a history period's tiers[0]: \"output\" has no base price"},
    {"ft_training_full negative", FT("\"ft_training_full\": -25"),
     "x/m1: \"ft_training_full\" must be a price"},
    /* LiteLLM */
    {"litellm bad deprecation",
     "{\"m1\": {\"input_cost_per_token\": 1e-06, "
     "\"deprecation_date\": \"2026/10/23\"}}",
     "m1: \"deprecation_date\" must be a date"},
    {"litellm tier as text",
     "{\"m1\": {\"input_cost_per_token\": 1e-06, "
     "\"input_cost_per_token_above_200k_tokens\": \"2e-06\"}}",
     "m1: \"input_cost_per_token_above_200k_tokens\" must be a price"},
    {"litellm tier negative",
     "{\"m1\": {\"output_cost_per_token\": 1e-06, "
     "\"output_cost_per_token_above_272k_tokens\": -1e-06}}",
     "must be a price"},
    {"litellm tier without base",
     "{\"m1\": {\"input_cost_per_token\": 1e-06, "
     "\"cache_read_input_token_cost_above_200k_tokens\": 1e-07}}",
     "\"cached_input\" has no base price"},
    /* genai-prices */
    {"genai no provider id", "[{\"models\": []}]", "providers[0]: not a genai-prices provider"},
    {"genai models not a list", "[{\"id\": \"p\", \"models\": {}}]", "not a genai-prices"},
    {"genai model without id", "[{\"id\": \"p\", \"models\": [{\"prices\": {}}]}]",
     "p: models[0]: \"id\" must be"},
    {"genai prices missing", GA("\"match\": {}"), "p/m1: \"prices\" must be an object"},
    {"genai negative", GA("\"prices\": {\"input_mtok\": -1}"),
     "p/m1: \"input_mtok\" must be a price"},
    {"genai price text", GA("\"prices\": {\"output_mtok\": \"3\"}"),
     "p/m1: \"output_mtok\" must be a price"},
    {"genai tiers unsorted",
     GA("\"prices\": {\"input_mtok\": {\"base\": 1, \"tiers\": "
        "[{\"start\": 9, \"price\": 2}, {\"start\": 8, \"price\": 3}]}}"),
     "p/m1: \"input_mtok\" tiers must be in ascending order"},
    {"genai tier without price",
     GA("\"prices\": {\"input_mtok\": {\"base\": 1, \"tiers\": "
        "[{\"start\": 9}]}}"),
     "\"input_mtok\" tiers[0] must have"},
    {"genai tiered without base", GA("\"prices\": {\"input_mtok\": {\"tiers\": []}}"),
     "\"input_mtok\" must be a price or"},
    {"genai tier from zero",
     GA("\"prices\": {\"input_mtok\": {\"base\": 1, \"tiers\": "
        "[{\"start\": 0, \"price\": 2}]}}"),
     "\"above\" must be a whole number"},
    {"genai two undated",
     GA("\"prices\": [{\"prices\": {\"input_mtok\": 1}}, {\"prices\": "
        "{\"input_mtok\": 2}}]"),
     "exactly one price without a constraint"},
    {"genai none undated",
     GA("\"prices\": [{\"constraint\": {\"start_date\": \"2025-01-01\"}, "
        "\"prices\": {\"input_mtok\": 1}}]"),
     "exactly one price without a constraint"},
    {"genai bad start_date",
     GA("\"prices\": [{\"prices\": {\"input_mtok\": 1}}, {\"constraint\": "
        "{\"start_date\": \"June\"}, \"prices\": {\"input_mtok\": 2}}]"),
     "p/m1: prices[1]: \"start_date\" must be a date"},
    {"genai constraint text",
     GA("\"prices\": [{\"prices\": {\"input_mtok\": 1}}, {\"constraint\": "
        "\"later\", \"prices\": {\"input_mtok\": 2}}]"),
     "\"constraint\" must be an object"},
    {"genai same day twice",
     GA("\"prices\": [{\"prices\": {\"input_mtok\": 1}}, "
        "{\"constraint\": {\"start_date\": \"2025-01-01\"}, \"prices\": "
        "{\"input_mtok\": 2}}, {\"constraint\": {\"start_date\": "
        "\"2025-01-01\"}, \"prices\": {\"input_mtok\": 3}}]"),
     "two prices from the same day"},
    {"genai nothing priced",
     "[{\"id\": \"p\", \"models\": [{\"id\": \"img\", \"prices\": "
     "{\"requests_kcount\": 40}}]}]",
     "no prices in it"},
};

START_TEST(test_refused)
{
    const bad_case *b = &bad_cases[_i];
    g_autoptr(GError) error = NULL;
    ftc_price_layer *layer = ftc_price_layer_parse(b->data, strlen(b->data), "bad.json",
                                                   ftc_date_parse("2026-12-01"), &error);

    ck_assert_msg(layer == NULL, "%s: accepted", b->label);
    ck_assert_ptr_nonnull(error);
    ck_assert_msg(strstr(error->message, b->says) != NULL, "%s: said \"%s\", want \"%s\"",
                  b->label, error->message, b->says);
}
END_TEST

/* Each refused file, fixed at the one place, is accepted: the refusal was
 * for that field. */
START_TEST(test_fixtures_accepted)
{
    static const char *const good[] = {
        FT("\"retires\": \"2026-10-23\", \"successor\": \"m2\""),
        FT("\"tiers\": [{\"above\": 1000, \"input\": 2}, {\"above\": 2000, \"output\": 3}]"),
        FT("\"scheduled\": [{\"from\": \"2027-01-01\", \"input\": 2}]"),
        FT("\"ft_training_full\": 25"),
        GA("\"prices\": {\"input_mtok\": {\"base\": 1, \"tiers\": [{\"start\": 8, "
           "\"price\": 2}, {\"start\": 9, \"price\": 3}]}}"),
    };

    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        g_autoptr(GError) error = NULL;
        ftc_price_layer *layer =
            ftc_price_layer_parse(good[i], strlen(good[i]), "good.json", 46000, &error);

        ck_assert_msg(layer != NULL, "%zu: %s", i, error != NULL ? error->message : "");
        ftc_price_layer_free(layer);
    }
}
END_TEST

static Suite *price_data_suite(void)
{
    Suite *s = suite_create("price-data");
    TCase *tc = tcase_create("model");

    tcase_add_loop_test(tc, test_quote, 0, G_N_ELEMENTS(quote_cases));
    tcase_add_test(tc, test_today);
    tcase_add_test(tc, test_retires);
    tcase_add_loop_test(tc, test_priced, 0, G_N_ELEMENTS(priced_cases));
    tcase_add_test(tc, test_shipped_layers);
    tcase_add_loop_test(tc, test_refused, 0, G_N_ELEMENTS(bad_cases));
    tcase_add_test(tc, test_fixtures_accepted);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(price_data_suite());
}
