/* ftc-read-genai.c: pydantic genai-prices' published data file
 * (prices/data.json, or data_slim.json): an array of providers,
 *   [{"id": "openai", "name": ..., "models": [{"id": "gpt-5",
 *     "match": {...}, "prices": {"input_mtok": 1.25, "output_mtok": 10,
 *     "cache_read_mtok": 0.125}}]}]
 * Prices are per million tokens already.  A price is a number or tiered,
 * {"base": 3, "tiers": [{"start": 200000, "price": 6}]}: a request whose
 * input tokens are more than `start` pays the tier's price for all its
 * tokens of that kind (genai-prices' TieredPrices: "threshold-based", its
 * tests bill 200 000 tokens at the base and 200 001 at the tier), which
 * is ftcost's tier with "above" = start.  "prices" may instead be a list
 * of {"constraint": {"start_date": "YYYY-MM-DD"}, "prices": {...}} with
 * one unconstrained: a price history.
 *
 * Mapped: input_mtok -> input, output_mtok -> output, cache_read_mtok ->
 * cached_input, cache_write_mtok -> cache_write; provider "id" and model
 * "id" name the entry, and the names its "match" rule accepts as they are
 * ("equals", alone or among the alternatives of an "or") are its aliases:
 * "claude-opus-4" for claude-opus-4-0.  Prefixes, substrings and patterns
 * ("starts_with", "contains", "regex") are not names: not read.  The data
 * carries no day
 * checked: entries are dated by the file, as LiteLLM's.  Left out, as
 * ftcost has no kind or no day for them: audio prices, prices per request
 * or tool use, time-of-day prices (constraint start_time/end_time: the
 * price most of the day pays holds - the unconstrained one, or a window's
 * of more than 12 hours, as DeepSeek's standard hours 00:30-16:30 UTC
 * beside its off-peak base), "deprecated" (a flag without a day: no
 * retirement is invented), and the unconstrained price of a history
 * whose dated changes began by the file's day (the day it started is not
 * in the data: the answer starts at the first dated change). */
#include "ftc-models.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *field;
    ftc_price_kind kind;
} fields[] = {
    {"input_mtok", FTC_PRICE_INPUT},
    {"output_mtok", FTC_PRICE_OUTPUT},
    {"cache_read_mtok", FTC_PRICE_CACHED_INPUT},
    {"cache_write_mtok", FTC_PRICE_CACHE_WRITE},
};
#define MAX_TIERS 16

typedef struct {
    double price[FTC_PRICE_KIND_COUNT];
    ftc_price_tier tiers[MAX_TIERS];
    size_t n_tiers;
} prices;

static bool price_value(JsonNode *node, double *out)
{
    return ftc_price_file_number(node, out) && ftc_model_price_ok(*out);
}

/* One kind's {"base", "tiers"} into p. */
static bool read_tiered(JsonObject *obj, ftc_price_kind kind, prices *p, const char *what,
                        const char *field, GError **error)
{
    JsonNode *tiers = json_object_get_member(obj, "tiers");
    JsonArray *array;
    double last = 0;

    if (!price_value(json_object_get_member(obj, "base"), &p->price[kind]) || tiers == NULL ||
        !JSON_NODE_HOLDS_ARRAY(tiers)) {
        ftc_price_file_fail(error,
                            "%s: \"%s\" must be a price or {\"base\": price, "
                            "\"tiers\": [...]}",
                            what, field);
        return false;
    }
    array = json_node_get_array(tiers);
    for (guint i = 0; i < json_array_get_length(array); i++) {
        JsonNode *node = json_array_get_element(array, i);
        JsonObject *tier = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
        double start, price;
        size_t t;

        if (tier == NULL ||
            !ftc_price_file_number(json_object_get_member(tier, "start"), &start) ||
            !price_value(json_object_get_member(tier, "price"), &price)) {
            ftc_price_file_fail(error,
                                "%s: \"%s\" tiers[%u] must have \"start\" (tokens) and "
                                "\"price\" from 0 to %g",
                                what, field, i, FTC_MODEL_MAX_PRICE);
            return false;
        }
        if (i > 0 && start <= last) {
            ftc_price_file_fail(error,
                                "%s: \"%s\" tiers must be in ascending order of "
                                "\"start\"",
                                what, field);
            return false;
        }
        last = start;
        for (t = 0; t < p->n_tiers && p->tiers[t].above != start; t++)
            ;
        if (t == p->n_tiers) {
            if (t == MAX_TIERS) {
                ftc_price_file_fail(error, "%s: more than %d price tiers", what, MAX_TIERS);
                return false;
            }
            p->tiers[t].above = start;
            for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
                p->tiers[t].price[k] = NAN;
            p->n_tiers++;
        }
        if (!isnan(p->tiers[t].price[kind])) {
            ftc_price_file_fail(error, "%s: \"%s\" has two tiers from %.0f tokens", what, field,
                                start);
            return false;
        }
        p->tiers[t].price[kind] = price;
    }
    return true;
}

/* A ModelPrice object into p (tiers ascending). */
static bool read_prices(JsonNode *node, prices *p, const char *what, GError **error)
{
    JsonObject *obj;

    for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
        p->price[k] = NAN;
    p->n_tiers = 0;
    if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node)) {
        ftc_price_file_fail(error, "%s: \"prices\" must be an object or a list of them", what);
        return false;
    }
    obj = json_node_get_object(node);
    for (size_t f = 0; f < G_N_ELEMENTS(fields); f++) {
        JsonNode *value = json_object_get_member(obj, fields[f].field);

        if (value == NULL || JSON_NODE_HOLDS_NULL(value))
            continue;
        if (JSON_NODE_HOLDS_OBJECT(value)) {
            if (!read_tiered(json_node_get_object(value), fields[f].kind, p, what,
                             fields[f].field, error))
                return false;
        } else if (!price_value(value, &p->price[fields[f].kind])) {
            ftc_price_file_fail(error,
                                "%s: \"%s\" must be a price from 0 to %g per million "
                                "tokens",
                                what, fields[f].field, FTC_MODEL_MAX_PRICE);
            return false;
        }
    }
    for (size_t i = 1; i < p->n_tiers; i++) /* a few: insertion sort */
        for (size_t j = i; j > 0 && p->tiers[j].above < p->tiers[j - 1].above; j--) {
            ftc_price_tier swap = p->tiers[j];

            p->tiers[j] = p->tiers[j - 1];
            p->tiers[j - 1] = swap;
        }
    return true;
}

static const ftc_price_tier *keep_tiers(ftc_model_layer *layer, const prices *p)
{
    ftc_price_tier *tiers = ftc_model_layer_tiers(layer, p->n_tiers);

    memcpy(tiers, p->tiers, p->n_tiers * sizeof *tiers);
    return tiers;
}

static void set_period(ftc_model_layer *layer, ftc_price_period *period, int from,
                       const prices *p)
{
    period->from = from;
    memcpy(period->price, p->price, sizeof p->price);
    period->tiers = keep_tiers(layer, p);
    period->n_tiers = p->n_tiers;
}

/* Seconds from "HH:MM:SS" (a trailing "Z" allowed), or -1. */
static int time_of_day(const char *s)
{
    unsigned h, m, sec;
    char z[2] = "";

    if (s == NULL || sscanf(s, "%2u:%2u:%2u%1[Z]", &h, &m, &sec, z) < 3 || h > 24 || m > 59 ||
        sec > 59 || strlen(s) != (z[0] != '\0' ? 9u : 8u))
        return -1;
    return (int)(h * 3600 + m * 60 + sec);
}

/* A time-of-day constraint that covers more than half of a day. */
static bool most_of_the_day(JsonObject *constraint)
{
    int from = time_of_day(ftc_price_file_string(constraint, "start_time"));
    int to = time_of_day(ftc_price_file_string(constraint, "end_time"));

    return from >= 0 && to >= 0 && (to - from + 86400) % 86400 > 43200;
}

/* The "prices" list: dated changes before the file's day make the history
 * and the current prices, later ones the scheduled periods. */
static bool read_conditional(JsonArray *list, ftc_model_layer *layer, ftc_model_entry *e,
                             const char *what, GError **error)
{
    guint n = json_array_get_length(list);
    g_autofree prices *all = g_new0(prices, n > 0 ? n : 1);
    g_autofree int *from = g_new(int, n > 0 ? n : 1);
    ftc_price_period *history, *scheduled;
    size_t n_history = 0, n_scheduled = 0;
    int current = -1, base = -1, unconstrained = 0, long_window = -1;

    for (guint i = 0; i < n; i++) {
        JsonNode *node = json_array_get_element(list, i);
        JsonObject *obj = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
        JsonNode *constraint = obj != NULL ? json_object_get_member(obj, "constraint") : NULL;

        if (obj == NULL) {
            ftc_price_file_fail(error, "%s: prices[%u] is not an object", what, i);
            return false;
        }
        if (!read_prices(json_object_get_member(obj, "prices"), &all[i], what, error))
            return false;
        from[i] = -1;
        if (constraint == NULL || JSON_NODE_HOLDS_NULL(constraint)) {
            unconstrained++;
            base = (int)i;
            continue;
        }
        if (!JSON_NODE_HOLDS_OBJECT(constraint)) {
            ftc_price_file_fail(error, "%s: prices[%u]: \"constraint\" must be an object", what,
                                i);
            return false;
        }
        if (!json_object_has_member(json_node_get_object(constraint), "start_date")) {
            from[i] = -2; /* a time of day: left out, unless it is most of the day */
            if (most_of_the_day(json_node_get_object(constraint)))
                long_window = (int)i;
            continue;
        }
        from[i] = ftc_date_parse(
            ftc_price_file_string(json_node_get_object(constraint), "start_date"));
        if (from[i] < 0) {
            ftc_price_file_fail(error,
                                "%s: prices[%u]: \"start_date\" must be a date "
                                "YYYY-MM-DD",
                                what, i);
            return false;
        }
        for (guint j = 0; j < i; j++)
            if (from[j] == from[i]) {
                ftc_price_file_fail(error, "%s: two prices from the same day", what);
                return false;
            }
    }
    if (unconstrained != 1) {
        ftc_price_file_fail(error,
                            "%s: \"prices\" needs exactly one price without a "
                            "constraint",
                            what);
        return false;
    }
    history = ftc_model_layer_periods(layer, n);
    scheduled = ftc_model_layer_periods(layer, n);
    /* the latest change by the file's day is today's price */
    for (guint i = 0; i < n; i++)
        if (from[i] >= 0 && from[i] <= e->pub.checked &&
            (current < 0 || from[i] > from[current]))
            current = (int)i;
    for (guint i = 0; i < n; i++) {
        if (from[i] < 0 || (int)i == current)
            continue;
        if (from[i] > e->pub.checked)
            set_period(layer, &scheduled[n_scheduled++], from[i], &all[i]);
        else
            set_period(layer, &history[n_history++], from[i], &all[i]);
    }
    if (current < 0)
        current = long_window >= 0 ? long_window : base;
    else
        e->pub.since = from[current];
    memcpy(e->pub.price, all[current].price, sizeof all[current].price);
    e->pub.tiers = keep_tiers(layer, &all[current]);
    e->pub.n_tiers = all[current].n_tiers;
    /* sorted oldest first, as ftc_price_entry_on() reads them */
    for (size_t i = 1; i < n_history; i++)
        for (size_t j = i; j > 0 && history[j].from < history[j - 1].from; j--) {
            ftc_price_period swap = history[j];

            history[j] = history[j - 1];
            history[j - 1] = swap;
        }
    e->pub.history = history;
    e->pub.n_history = n_history;
    e->pub.scheduled = scheduled;
    e->pub.n_scheduled = n_scheduled;
    return true;
}

#define MAX_ALIASES 64

/* The names `match` accepts as they are, into names[] (an "and" narrows
 * what it holds: none of its names is taken). */
static void collect_equals(JsonNode *match, const char **names, size_t *n, int depth)
{
    JsonObject *obj =
        match != NULL && JSON_NODE_HOLDS_OBJECT(match) ? json_node_get_object(match) : NULL;
    JsonNode *alternatives = obj != NULL ? json_object_get_member(obj, "or") : NULL;
    const char *name = obj != NULL ? ftc_price_file_string(obj, "equals") : NULL;

    if (obj == NULL || depth > 8)
        return;
    if (ftc_price_file_name_ok(name) && *n < MAX_ALIASES)
        names[(*n)++] = name;
    if (alternatives != NULL && JSON_NODE_HOLDS_ARRAY(alternatives))
        for (guint i = 0; i < json_array_get_length(json_node_get_array(alternatives)); i++)
            collect_equals(json_array_get_element(json_node_get_array(alternatives), i), names,
                           n, depth + 1);
}

/* The model's aliases: its "match" names other than its id. */
static void read_aliases(JsonObject *obj, ftc_model_layer *layer, ftc_model_entry *e)
{
    const char *names[MAX_ALIASES];
    const char **aliases;
    size_t n = 0, kept = 0;

    collect_equals(json_object_get_member(obj, "match"), names, &n, 0);
    aliases = ftc_model_layer_alloc(layer, n * sizeof *aliases);
    for (size_t i = 0; i < n; i++)
        if (g_ascii_strcasecmp(names[i], e->pub.model) != 0)
            aliases[kept++] = ftc_model_layer_string(layer, names[i]);
    e->aliases = aliases;
    e->n_aliases = kept;
}

/* One model of a provider; NULL entry (skipped) when it has no token price. */
static bool read_model(JsonNode *node, const char *provider, guint i, ftc_model_layer *layer,
                       const char *origin, int file_date, GError **error)
{
    JsonObject *obj = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
    const char *id = obj != NULL ? ftc_price_file_string(obj, "id") : NULL;
    JsonNode *price_node;
    g_autofree char *what = NULL;
    ftc_model_entry *e;
    prices p;

    if (!ftc_price_file_name_ok(id)) {
        ftc_price_file_fail(error,
                            "%s: models[%u]: \"id\" must be non-empty text without "
                            "control characters",
                            provider, i);
        return false;
    }
    what = g_strdup_printf("%s/%s", provider, id);
    price_node = json_object_get_member(obj, "prices");
    e = ftc_model_layer_add(layer, provider, id, origin);
    e->pub.checked = file_date;
    if (price_node != NULL && JSON_NODE_HOLDS_ARRAY(price_node)) {
        if (!read_conditional(json_node_get_array(price_node), layer, e, what, error))
            return false;
    } else {
        if (!read_prices(price_node, &p, what, error))
            return false;
        memcpy(e->pub.price, p.price, sizeof p.price);
        e->pub.tiers = keep_tiers(layer, &p);
        e->pub.n_tiers = p.n_tiers;
    }
    if (isnan(e->pub.price[FTC_PRICE_INPUT]) && isnan(e->pub.price[FTC_PRICE_OUTPUT])) {
        g_ptr_array_remove_index(layer->entries, layer->entries->len - 1);
        return true; /* priced per image or request only */
    }
    read_aliases(obj, layer, e);
    return ftc_model_entry_check(e, error);
}

bool ftc_read_genai(JsonArray *root, ftc_model_layer *layer, const char *origin, int file_date,
                    GError **error)
{
    size_t n_models = 0;

    for (guint i = 0; i < json_array_get_length(root); i++) {
        JsonNode *node = json_array_get_element(root, i);
        JsonObject *obj = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
        const char *provider = obj != NULL ? ftc_price_file_string(obj, "id") : NULL;
        JsonNode *models = obj != NULL ? json_object_get_member(obj, "models") : NULL;

        if (!ftc_price_file_name_ok(provider) || models == NULL ||
            !JSON_NODE_HOLDS_ARRAY(models)) {
            ftc_price_file_fail(error,
                                "providers[%u]: not a genai-prices provider (\"id\" "
                                "and \"models\")",
                                i);
            return false;
        }
        n_models += json_array_get_length(json_node_get_array(models));
        if (n_models > FTC_PRICE_FILE_MAX_ENTRIES) {
            ftc_price_file_fail(error, "more than %d models", FTC_PRICE_FILE_MAX_ENTRIES);
            return false;
        }
        for (guint m = 0; m < json_array_get_length(json_node_get_array(models)); m++)
            if (!read_model(json_array_get_element(json_node_get_array(models), m), provider, m,
                            layer, origin, file_date, error))
                return false;
    }
    return true;
}
