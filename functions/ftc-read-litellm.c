/* ftc-read-litellm.c: LiteLLM's model_prices_and_context_window.json:
 *   {"gpt-4o": {"input_cost_per_token": 2.5e-06, "litellm_provider":
 *    "openai", ...}}
 * Entries without a token price (images, audio per second) are skipped.
 * The file carries no dates: its entries are dated by the file.  Read
 * too: "deprecation_date" (YYYY-MM-DD) as the day the model retires, and
 * "<field>_above_<N>k_tokens" (e.g. input_cost_per_token_above_272k_tokens)
 * as a long-context tier above N * 1000 prompt tokens.  Left out: prices
 * per image, second, character or request, audio and reasoning tokens
 * (ftcost has no such kind), and LiteLLM's fine-tuning fields. */
#include "ftc-models.h"

#include <math.h>
#include <string.h>

/* LiteLLM's per-token fields, by kind (NULL: LiteLLM has none). */
static const char *const litellm_fields[FTC_PRICE_KIND_COUNT] = {
    [FTC_PRICE_INPUT] = "input_cost_per_token",
    [FTC_PRICE_OUTPUT] = "output_cost_per_token",
    [FTC_PRICE_CACHED_INPUT] = "cache_read_input_token_cost",
    [FTC_PRICE_BATCH_INPUT] = "input_cost_per_token_batches",
    [FTC_PRICE_BATCH_OUTPUT] = "output_cost_per_token_batches",
    [FTC_PRICE_CACHE_WRITE] = "cache_creation_input_token_cost",
};

#define ABOVE "_above_"
#define MAX_TIERS 8

/* "input_cost_per_token_above_200k_tokens" -> kind input, 200000 tokens. */
static bool tier_field(const char *key, int *kind, double *above)
{
    const char *at = strstr(key, ABOVE);
    char *end = NULL;
    guint64 k;

    if (at == NULL)
        return false;
    for (int i = 0; i < FTC_PRICE_KIND_COUNT; i++)
        if (litellm_fields[i] != NULL && strlen(litellm_fields[i]) == (size_t)(at - key) &&
            strncmp(key, litellm_fields[i], (size_t)(at - key)) == 0) {
            if (!g_ascii_isdigit(at[strlen(ABOVE)]))
                return false;
            k = g_ascii_strtoull(at + strlen(ABOVE), &end, 10);
            if (end == NULL || strcmp(end, "k_tokens") != 0 || k == 0 || k > 1000000)
                return false;
            *kind = i;
            *above = (double)k * 1000;
            return true;
        }
    return false;
}

/* The entry's tier fields into tiers (one per threshold, ascending). */
static bool read_tiers(JsonObject *obj, const char *key, ftc_model_layer *layer,
                       ftc_model_entry *e, GError **error)
{
    g_autoptr(GList) members = json_object_get_members(obj);
    ftc_price_tier found[MAX_TIERS];
    size_t n = 0;
    ftc_price_tier *tiers;

    for (GList *m = members; m != NULL; m = m->next) {
        double above, x;
        int kind;
        size_t t;
        JsonNode *field = json_object_get_member(obj, m->data);

        if (!tier_field(m->data, &kind, &above) || JSON_NODE_HOLDS_NULL(field))
            continue;
        if (!ftc_price_file_number(field, &x) || !isfinite(x) || x < 0 ||
            !ftc_model_price_ok(ftc_model_per_million(x))) {
            ftc_price_file_fail(error, "%s: \"%s\" must be a price from 0 to 1 per token", key,
                                (const char *)m->data);
            return false;
        }
        for (t = 0; t < n && found[t].above != above; t++)
            ;
        if (t == n) {
            if (n == MAX_TIERS) {
                ftc_price_file_fail(error, "%s: more than %d price tiers", key, MAX_TIERS);
                return false;
            }
            found[n].above = above;
            for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
                found[n].price[k] = NAN;
            n++;
        }
        found[t].price[kind] = ftc_model_per_million(x);
    }
    for (size_t i = 1; i < n; i++) /* a few: insertion sort */
        for (size_t j = i; j > 0 && found[j].above < found[j - 1].above; j--) {
            ftc_price_tier swap = found[j];

            found[j] = found[j - 1];
            found[j - 1] = swap;
        }
    tiers = ftc_model_layer_tiers(layer, n);
    memcpy(tiers, found, n * sizeof *tiers);
    e->pub.tiers = tiers;
    e->pub.n_tiers = n;
    return true;
}

/* "deprecation_date": null or absent (none known), else YYYY-MM-DD. */
static bool read_retires(JsonObject *obj, const char *key, ftc_model_entry *e, GError **error)
{
    JsonNode *node = json_object_get_member(obj, "deprecation_date");

    if (node == NULL || JSON_NODE_HOLDS_NULL(node))
        return true;
    e->pub.retires = ftc_date_parse(ftc_price_file_string(obj, "deprecation_date"));
    if (e->pub.retires < 0) {
        ftc_price_file_fail(error, "%s: \"deprecation_date\" must be a date YYYY-MM-DD", key);
        return false;
    }
    return true;
}

bool ftc_read_litellm(JsonObject *root, ftc_model_layer *layer, const char *origin,
                      int file_date, GError **error)
{
    g_autoptr(GList) members = json_object_get_members(root);

    if (json_object_get_size(root) > FTC_PRICE_FILE_MAX_ENTRIES) {
        ftc_price_file_fail(error, "more than %d models", FTC_PRICE_FILE_MAX_ENTRIES);
        return false;
    }
    for (GList *m = members; m != NULL; m = m->next) {
        const char *key = m->data, *provider, *model;
        JsonNode *node = json_object_get_member(root, key);
        JsonObject *obj;
        double price[FTC_PRICE_KIND_COUNT];
        bool token_priced = false;
        ftc_model_entry *e;
        int rank = 0;

        if (strcmp(key, "sample_spec") == 0)
            continue;
        if (!JSON_NODE_HOLDS_OBJECT(node)) {
            ftc_price_file_fail(error,
                                "\"%s\" is not an object: neither ftcost's format "
                                "(\"format\": \"ftcost-prices\") nor LiteLLM's",
                                key);
            return false;
        }
        obj = json_node_get_object(node);
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++) {
            JsonNode *field =
                litellm_fields[k] ? json_object_get_member(obj, litellm_fields[k]) : NULL;
            double x;

            price[k] = NAN;
            if (field == NULL || JSON_NODE_HOLDS_NULL(field))
                continue;
            if (!ftc_price_file_number(field, &x) || !isfinite(x) || x < 0 ||
                !ftc_model_price_ok(ftc_model_per_million(x))) {
                ftc_price_file_fail(error, "%s: \"%s\" must be a price from 0 to 1 per token",
                                    key, litellm_fields[k]);
                return false;
            }
            price[k] = ftc_model_per_million(x);
            token_priced = token_priced || k == FTC_PRICE_INPUT || k == FTC_PRICE_OUTPUT;
        }
        if (!token_priced)
            continue;
        provider = ftc_price_file_string(obj, "litellm_provider");
        if (json_object_has_member(obj, "litellm_provider") &&
            !ftc_price_file_name_ok(provider)) {
            ftc_price_file_fail(error, "%s: \"litellm_provider\" must be text", key);
            return false;
        }
        if (provider == NULL)
            provider = "litellm";
        model = key;
        /* "gemini/gemini-2.5-flash" with provider "gemini": the model is
         * gemini-2.5-flash, but "gpt-4o" itself names it first. */
        if (g_str_has_prefix(key, provider) && key[strlen(provider)] == '/' &&
            key[strlen(provider) + 1] != '\0') {
            model = key + strlen(provider) + 1;
            rank = 1;
        }
        if (!ftc_price_file_name_ok(model)) {
            ftc_price_file_fail(error, "\"%s\" is not a usable model name", key);
            return false;
        }
        e = ftc_model_layer_add(layer, provider, model, origin);
        memcpy(e->pub.price, price, sizeof price);
        e->pub.checked = file_date;
        e->bare_rank = rank;
        if (!read_retires(obj, key, e, error) || !read_tiers(obj, key, layer, e, error) ||
            !ftc_model_entry_check(e, error))
            return false;
    }
    return true;
}
