/* ftc-api-price.c: API_PRICE and API_PRICE_DATE, the functions on the model
 * prices in force (ftc_prices_get(): ftc-price-list.c). */
#include "ftcost-private.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARG_MODEL                                                                              \
    {                                                                                          \
        .name = L("Model"),                                                                    \
        .description = L("Model name as the provider writes it (\"gpt-4o\"), or "              \
                         "provider/model (\"openai/gpt-4o\"); case does not matter"),          \
        REQUIRED(FTC_UNIT_TEXT, FTC_DOMAIN_TEXT)                                               \
    }

enum { PRICE_MODEL, PRICE_KIND, PRICE_AS_OF, PRICE_PROMPT_TOKENS, PRICE_N };

static ftc_status find_model(const ftc_price_list *list, const char *fn, const char *model,
                             const ftc_price_entry **out, ftc_error *err)
{
    if (model == NULL || *model == '\0')
        return ftc_fail(err, FTC_ERR_INVALID, 0, "%s: Model must name a model, e.g. \"gpt-4o\"",
                        fn);
    *out = ftc_price_list_find(list, model);
    if (*out == NULL)
        return ftc_fail(err, FTC_ERR_NO_ANSWER, 0,
                        "%s: no price for the model \"%.80s\" (see `ftcost prices`)", fn,
                        model);
    return FTC_OK;
}

/* Kind, the same word for API_PRICE and API_MODELS: Err:502 naming them all. */
static ftc_status parse_kind(const char *fn, const char *word, int arg, ftc_price_kind *kind,
                             ftc_error *err)
{
    char words[160];
    size_t len = 0;

    if (ftc_price_kind_parse(word, kind))
        return FTC_OK;
    words[0] = '\0';
    for (int k = 0; k < FTC_PRICE_KIND_COUNT && len < sizeof words; k++)
        len += (size_t)snprintf(words + len, sizeof words - len, "%s%s", k > 0 ? ", " : "",
                                ftc_price_kind_name((ftc_price_kind)k));
    return ftc_fail(err, FTC_ERR_INVALID, arg, "%s: Kind must be one of %s (got \"%.40s\")", fn,
                    words, word);
}

/* Why a quote has no price, as API_PRICE's #N/A says it. */
static ftc_status quote_failed(const ftc_price_quote *q, ftc_price_kind kind, bool dated,
                               ftc_error *err)
{
    const ftc_price_entry *e = q->entry;
    char day[FTC_DATE_TEXT_MAX];

    ftc_date_format(q->day, day);
    switch (q->status) {
    case FTC_QUOTE_TOO_EARLY:
        return ftc_fail(err, FTC_ERR_NO_ANSWER, PRICE_AS_OF,
                        "API_PRICE: no price of %s/%s known before %s", e->provider, e->model,
                        day);
    case FTC_QUOTE_RETIRED:
        return ftc_fail(err, FTC_ERR_NO_ANSWER, dated ? PRICE_AS_OF : PRICE_MODEL,
                        "API_PRICE: %s/%s is no longer served from %s%s%s%s", e->provider,
                        e->model, day, *e->successor != '\0' ? " (its successor: " : "",
                        e->successor, *e->successor != '\0' ? ")" : "");
    default:
        return ftc_fail(err, FTC_ERR_NO_ANSWER, PRICE_KIND,
                        "API_PRICE: %s/%s has no %s price%s", e->provider, e->model,
                        ftc_price_kind_name(kind), dated ? " on that day" : "");
    }
}

static ftc_status eval_api_price(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    double as_of = a[PRICE_AS_OF].number;          /* NAN: left out, today */
    double tokens = a[PRICE_PROMPT_TOKENS].number; /* NAN: left out, the base tier */
    const ftc_price_entry *e;
    ftc_price_kind kind;
    ftc_price_list *list;
    ftc_price_quote q;
    ftc_status st = parse_kind("API_PRICE", a[PRICE_KIND].text, PRICE_KIND, &kind, err);

    if (st != FTC_OK)
        return st;
    list = ftc_prices_get();
    st = find_model(list, "API_PRICE", a[PRICE_MODEL].text, &e, err);
    /* a date-time serial counts for its day; far futures for the last one */
    if (st == FTC_OK && ftc_price_entry_quote(e, kind,
                                              isnan(as_of)       ? FTC_PRICE_TODAY
                                              : as_of >= INT_MAX ? INT_MAX
                                                                 : (int)floor(as_of),
                                              tokens, &q) != FTC_QUOTE_OK)
        st = quote_failed(&q, kind, !isnan(as_of), err);
    if (st == FTC_OK)
        ftc_number(out, q.price);
    ftc_price_list_unref(list);
    return st;
}

#define ARG_KIND                                                                               \
    {                                                                                          \
        .name = L("Kind"),                                                                     \
        .description = L("Which price: \"input\", \"output\", \"cached_input\", "              \
                         "\"cache_write\", \"batch_input\", \"batch_output\", or for a model " \
                         "fine-tuned at the provider \"ft_input\", \"ft_output\", "            \
                         "\"ft_training\" (training, per million training tokens), "           \
                         "\"ft_training_full\" (full fine-tuning, where it is billed apart)"), \
        .unit = FTC_UNIT_TEXT, .domain = FTC_DOMAIN_TEXT, .optional = true,                    \
        .default_arg = FTC_NO_ARG, .default_text = "input"                                     \
    }

static const ftc_arg_info api_price_args[] = {
    [PRICE_MODEL] = ARG_MODEL,
    [PRICE_KIND] = ARG_KIND,
    [PRICE_AS_OF] = {.name = L("AsOf"),
                     .description =
                         L("The day whose price is wanted, to re-check a budget against what "
                           "was charged then; left out: today's price"),
                     OPTIONAL(FTC_UNIT_DATE, FTC_DOMAIN_NON_NEGATIVE, NAN)},
    [PRICE_PROMPT_TOKENS] = {.name = L("PromptTokens"),
                             .description = L(
                                 "The length of one request's prompt, a whole number: where "
                                 "the provider bills a longer prompt at another rate for the "
                                 "whole request, the price of the tier it falls in; left out: "
                                 "the base price"),
                             OPTIONAL(FTC_UNIT_TOKENS, FTC_DOMAIN_WHOLE_NON_NEGATIVE, NAN)},
};
FTC_ARGS_MATCH(api_price_args, PRICE_N);

/* The shipped catalogue (functions/prices.json, and the vendored
 * genai-prices data below it for the models it lacks); change these with
 * them. */
static const ftc_example api_price_examples[] = {
    NUMBER_EXAMPLE("\"gpt-4o\"", 2.5),
    NUMBER_EXAMPLE("\"gpt-4o\"; \"output\"", 10),
    NUMBER_EXAMPLE("\"OpenAI/GPT-4o\"; \"cached_input\"", 1.25),
    NUMBER_EXAMPLE("\"Claude-Sonnet-4-6\"; \"batch_output\"", 7.5),
    NUMBER_EXAMPLE("\"gemini-3.5-flash\"; \"cached_input\"", 0.15),
    NUMBER_EXAMPLE("\"claude-sonnet-4-6\"; \"cache_write\"", 3.75),
    /* o3 at a date: cut from 10/40 to 2/8 on 2025-06-10 (45818) */
    NUMBER_EXAMPLE("\"o3\"; \"output\"; 45778", 40),              /* 2025-05-01 */
    NUMBER_EXAMPLE("\"o3\"; \"output\"; 45818", 8),               /* 2025-06-10 */
    NUMBER_EXAMPLE("\"o3\"; \"input\"; 45817.75", 10),            /* 2025-06-09 18:00 */
    ERROR_EXAMPLE("\"o3\"; \"input\"; 45748", FTC_ERR_NO_ANSWER), /* before launch */
    /* gpt-4o before its alias moved to the 2024-08-06 snapshot on 2024-10-02 */
    NUMBER_EXAMPLE("\"gpt-4o\"; \"input\"; 45444", 5), /* 2024-06-01 */
    /* no "since" in the catalogue, checked after it retired (2026-08-05): the
     * price is known on its last day served, not before */
    ERROR_EXAMPLE("\"claude-opus-4-1\"; \"input\"; 46000", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"no-such-model\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"mistral-medium-3-5\"; \"cached_input\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"gpt-4o\"; \"dinner\"", FTC_ERR_INVALID),
    ERROR_EXAMPLE("\"gpt-4o\"; \"input\"; -1", FTC_ERR_INVALID),
    /* fine-tuning at the provider: training per million training tokens,
     * the tuned model's input and output; none for full fine-tuning */
    NUMBER_EXAMPLE("\"gpt-4.1-mini\"; \"ft_training\"", 5),
    NUMBER_EXAMPLE("\"gpt-4.1\"; \"ft_output\"", 12),
    ERROR_EXAMPLE("\"gpt-4.1-mini\"; \"ft_training_full\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"gpt-4o\"; \"ft_training\"", FTC_ERR_NO_ANSWER),
    /* only in the vendored genai-prices data (DeepSeek's standard hours) */
    NUMBER_EXAMPLE("\"deepseek-chat\"; \"input\"", 0.27),
    NUMBER_EXAMPLE("\"x-ai/grok-3\"; \"output\"", 15),
    /* gpt-5.6: cut from 5/30 to 4/20 on 2026-08-21 (46255); a prompt above
     * 272 000 tokens is billed 8/30 after it, 10/45 before */
    NUMBER_EXAMPLE("\"gpt-5.6\"; \"input\"; 46266; 300000", 8),   /* 2026-09-01 */
    NUMBER_EXAMPLE("\"gpt-5.6\"; \"input\"; 46266; 272000", 4),   /* not above the tier */
    NUMBER_EXAMPLE("\"gpt-5.6\"; \"output\"; 46266; 272001", 30), /* just above it */
    NUMBER_EXAMPLE("\"gpt-5.6\"; \"input\"; 46266", 4),           /* left out: the base */
    NUMBER_EXAMPLE("\"gpt-5.6\"; \"output\"; 46254; 300000", 45), /* 2026-08-20 */
    NUMBER_EXAMPLE("\"gpt-5.6\"; \"input\"; 46254", 5),
    ERROR_EXAMPLE("\"gpt-5.6\"; \"input\"; 46266; 1.5", FTC_ERR_INVALID),
    ERROR_EXAMPLE("\"gpt-5.6\"; \"input\"; 46266; -1", FTC_ERR_INVALID),
    /* o4-mini: no longer served from 2026-10-23 (46318) */
    NUMBER_EXAMPLE("\"o4-mini\"; \"input\"; 46317", 1.1),
    ERROR_EXAMPLE("\"o4-mini\"; \"input\"; 46318", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"o4-mini\"", FTC_ERR_NO_ANSWER),
};

const ftc_function ftc_fn_api_price = {
    .name = "API_PRICE",
    .description = L("Price in US dollars per million tokens of a hosted model, from the "
                     "dated price catalogue shipped with ftcost or your own price file."),
    .result = FTC_TYPE_NUMBER,
    ARGS(api_price_args),
    .notes = L("#N/A for an unknown model or a kind of price the model does not "
               "have, a day before its first known price (a model whose entry does "
               "not say since when its price holds: before API_PRICE_DATE), or a "
               "model the provider no longer serves on that day (without AsOf: "
               "today; see API_MODEL_RETIRES); Err:502 for an unknown Kind or a "
               "PromptTokens that is not a whole number. Prices are list prices in USD "
               "as of API_PRICE_DATE: check them at the provider before a budget "
               "is signed. Your own prices go in ~/.config/ftcost/prices.json or "
               "the file named by FTCOST_PRICES (ftcost's format or LiteLLM's)."),
    EXAMPLES(api_price_examples),
    .eval = eval_api_price,
    .dated_by = "API_PRICE_DATE",
};

static ftc_status eval_api_price_date(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    const ftc_price_entry *e;
    ftc_price_list *list = ftc_prices_get();
    ftc_status st = find_model(list, "API_PRICE_DATE", a[PRICE_MODEL].text, &e, err);

    if (st == FTC_OK && e->checked < 0)
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, 0, "API_PRICE_DATE: %s/%s has no date",
                      e->provider, e->model);
    if (st == FTC_OK)
        ftc_number(out, e->checked);
    ftc_price_list_unref(list);
    return st;
}

static const ftc_arg_info api_price_date_args[] = {
    [PRICE_MODEL] = ARG_MODEL,
};

static const ftc_example api_price_date_examples[] = {
    NUMBER_EXAMPLE("\"gpt-4o\"", 46355), /* 2026-11-29 */
    /* the vendored genai-prices data: the day of its copy, 2026-09-23 */
    NUMBER_EXAMPLE("\"grok-3\"", 46288),
    ERROR_EXAMPLE("\"no-such-model\"", FTC_ERR_NO_ANSWER),
};

const ftc_function ftc_fn_api_price_date = {
    .name = "API_PRICE_DATE",
    .description = L("Date on which the price of a model in the catalogue was "
                     "checked, as a date serial: format the cell as a date and "
                     "flag prices older than six months."),
    .result = FTC_TYPE_NUMBER,
    ARGS(api_price_date_args),
    .notes = L("#N/A for an unknown model. Days since 1899-12-30, Calc's default "
               "date system; entries from a LiteLLM file are dated by the "
               "file's modification time."),
    EXAMPLES(api_price_date_examples),
    .eval = eval_api_price_date,
};

static ftc_status eval_api_model_retires(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    const ftc_price_entry *e;
    ftc_price_list *list = ftc_prices_get();
    ftc_status st = find_model(list, "API_MODEL_RETIRES", a[PRICE_MODEL].text, &e, err);

    if (st == FTC_OK && e->retires < 0)
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, 0,
                      "API_MODEL_RETIRES: no day is known on which %s/%s stops", e->provider,
                      e->model);
    if (st == FTC_OK)
        ftc_number(out, e->retires);
    ftc_price_list_unref(list);
    return st;
}

static const ftc_example api_model_retires_examples[] = {
    NUMBER_EXAMPLE("\"o4-mini\"", 46318),               /* 2026-10-23 */
    NUMBER_EXAMPLE("\"OpenAI/O4-Mini\"", 46318),        /* any case, with its provider */
    ERROR_EXAMPLE("\"voyage-3.5\"", FTC_ERR_NO_ANSWER), /* none announced */
    ERROR_EXAMPLE("\"no-such-model\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"\"", FTC_ERR_INVALID),
};

const ftc_function ftc_fn_api_model_retires = {
    .name = "API_MODEL_RETIRES",
    .description = L("Day on which the provider stops serving a model, announced or past, "
                     "as a date serial: from that day API_PRICE has no price for it."),
    .result = FTC_TYPE_NUMBER,
    ARGS(api_price_date_args),
    .notes = L("#N/A when no such day is known, or for an unknown model; Err:502 for an "
               "empty Model. The catalogue's entry may name a successor (the "
               "price list of the ftcost command shows both)."),
    EXAMPLES(api_model_retires_examples),
    .eval = eval_api_model_retires,
};

enum { MODELS_PROVIDER, MODELS_KIND, MODELS_N };

/* "provider/model" in malloc'ed memory (ftc_result_clear frees it). */
static char *entry_name(const ftc_price_entry *e)
{
    size_t len = strlen(e->provider) + 1 + strlen(e->model) + 1;
    char *name = malloc(len);

    if (name != NULL)
        snprintf(name, len, "%s/%s", e->provider, e->model);
    return name;
}

static ftc_status eval_api_models(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    const char *provider = *a[MODELS_PROVIDER].text != '\0' ? a[MODELS_PROVIDER].text : NULL;
    const ftc_price_entry **found = NULL;
    ftc_price_kind kind;
    ftc_price_list *list;
    size_t n = 0;
    ftc_status st = parse_kind("API_MODELS", a[MODELS_KIND].text, MODELS_KIND, &kind, err);

    if (st != FTC_OK)
        return st;
    list = ftc_prices_get();
    n = ftc_price_list_priced(list, provider, kind, FTC_PRICE_TODAY, NULL, 0);
    if (n == 0)
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, provider != NULL ? MODELS_PROVIDER : MODELS_KIND,
                      "API_MODELS: no model%s%.40s%s has a price of kind %s today",
                      provider != NULL ? " of \"" : "", provider != NULL ? provider : "",
                      provider != NULL ? "\"" : "", ftc_price_kind_name(kind));
    if (st == FTC_OK && (found = calloc(n, sizeof *found)) == NULL)
        st = ftc_fail(err, FTC_ERR_INVALID, -1, "API_MODELS: not enough memory");
    if (st == FTC_OK) {
        /* the day may turn between the two calls: keep what both found */
        size_t again = ftc_price_list_priced(list, provider, kind, FTC_PRICE_TODAY, found, n);

        n = again < n ? again : n;
        st = n > 0 ? ftc_text_column(out, n, err)
                   : ftc_fail(err, FTC_ERR_NO_ANSWER, -1, "API_MODELS: no model has a price");
    }
    for (size_t i = 0; st == FTC_OK && i < n; i++)
        if ((out->texts[i] = entry_name(found[i])) == NULL)
            st = ftc_fail(err, FTC_ERR_INVALID, -1, "API_MODELS: not enough memory");
    free(found);
    ftc_price_list_unref(list);
    return st;
}

static const ftc_arg_info api_models_args[] = {
    [MODELS_PROVIDER] = {.name = L("Provider"),
                         .description = L("Keep only this provider's models (\"openai\", "
                                          "\"anthropic\", ...; case does not matter); left "
                                          "out: every provider's"),
                         .unit = FTC_UNIT_TEXT,
                         .domain = FTC_DOMAIN_TEXT,
                         .optional = true,
                         .default_arg = FTC_NO_ARG},
    [MODELS_KIND] = ARG_KIND,
};
FTC_ARGS_MATCH(api_models_args, MODELS_N);

/* The shipped catalogue (functions/prices.json); change these with it.
 * Providers only the reviewed file names (the vendored genai-prices data
 * has no voyage and says "together"), so that its models leave these
 * lists alone. */
static const char *const voyage_models[] = {"voyage/voyage-3-large", "voyage/voyage-3-lite",
                                            "voyage/voyage-3.5"};
static const char *const together_output[] = {
    "together_ai/deepseek-ai/DeepSeek-R1", "together_ai/deepseek-ai/DeepSeek-V3",
    "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo",
    "together_ai/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo",
    "together_ai/openai/gpt-oss-120b"};
static const ftc_example api_models_examples[] = {
    /* any case, another kind (first: both arguments of a valid call) */
    TEXT_COLUMN_EXAMPLE("\"Together_AI\"; \"output\"", 5, together_output),
    TEXT_COLUMN_EXAMPLE("\"voyage\"", 3, voyage_models),
    /* embeddings have no output price */
    ERROR_EXAMPLE("\"voyage\"; \"output\"", FTC_ERR_NO_ANSWER),
    /* every provider's: none prices full fine-tuning */
    ERROR_EXAMPLE("; \"ft_training_full\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"no-such-provider\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"openai\"; \"dinner\"", FTC_ERR_INVALID),
};

const ftc_function ftc_fn_api_models = {
    .name = "API_MODELS",
    .description = L("The models of the price catalogue in force with a price of a kind "
                     "today, one \"provider/model\" a row, sorted by provider then model: "
                     "enter it as an array formula, e.g. as a list for a model picker."),
    .result = FTC_TYPE_TEXT_COLUMN,
    ARGS(api_models_args),
    .notes = L("A model the provider no longer serves is left out (API_MODEL_RETIRES); "
               "models added by your own price file or by a price update (the "
               "command ftcost prices update) are in. "
               "#N/A when no model matches; Err:502 for an unknown Kind."),
    EXAMPLES(api_models_examples),
    .eval = eval_api_models,
};
