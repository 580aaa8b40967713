/* ftc-read-ftcost.c: the "models" of ftcost's own price format:
 *   {"format": "ftcost-prices", "version": 1, "models": [{"provider",
 *    "model", "input": 2.5, ... (per million tokens), "checked",
 *    "source", "since", "history": [{"from", prices...}], "tiers": [{"above",
 *    prices...}], "scheduled": [{"from", prices...}], "retires",
 *    "successor"}]}
 * History and scheduled periods may carry tiers of their own. */
#include "ftc-models.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Keys of a price object that are not prices: the entry's and a period's. */
static const char *const entry_keys[] = {"provider",  "model",   "checked",   "note",
                                         "source",    "since",   "history",   "tiers",
                                         "scheduled", "retires", "successor", NULL};
static const char *const period_keys[] = {"from", "note", "source", "tiers", NULL};
static const char *const tier_keys[] = {"above", NULL};

static bool is_one_of(const char *key, const char *const *keys)
{
    for (size_t i = 0; keys[i] != NULL; i++)
        if (strcmp(key, keys[i]) == 0)
            return true;
    return false;
}

/* The prices of one object (an entry, or a period of its history) into
 * price[]; at least one.  "source" must be text where it is given. */
static bool parse_prices(JsonObject *obj, const char *const *other_keys, double *price,
                         const char *provider, const char *model, GError **error)
{
    g_autoptr(GList) members = json_object_get_members(obj);
    JsonNode *source = json_object_get_member(obj, "source");
    bool any_price = false;

    if (source != NULL && ftc_price_file_string(obj, "source") == NULL) {
        ftc_price_file_fail(error, "%s/%s: \"source\" must be text", provider, model);
        return false;
    }
    for (GList *m = members; m != NULL; m = m->next) {
        const char *key = m->data;
        ftc_price_kind kind;
        double x;

        if (is_one_of(key, other_keys))
            continue;
        if (!ftc_price_kind_parse(key, &kind) || strcmp(key, ftc_price_kind_name(kind)) != 0) {
            ftc_price_file_fail(error, "%s/%s: unknown field \"%s\"", provider, model, key);
            return false;
        }
        if (!ftc_price_file_number(json_object_get_member(obj, key), &x) ||
            !ftc_model_price_ok(x)) {
            ftc_price_file_fail(error,
                                "%s/%s: \"%s\" must be a price from 0 to %g per "
                                "million tokens",
                                provider, model, key, FTC_MODEL_MAX_PRICE);
            return false;
        }
        price[kind] = x + 0.0;
        any_price = true;
    }
    if (!any_price)
        ftc_price_file_fail(error, "%s/%s: no price", provider, model);
    return any_price;
}

static int compare_periods(const void *a, const void *b)
{
    return ((const ftc_price_period *)a)->from - ((const ftc_price_period *)b)->from;
}

/* "tiers" of obj (an entry or a period): [{"above": tokens, prices...}];
 * ftc_model_entry_check() checks their order and base prices. */
static bool parse_tiers(JsonObject *obj, ftc_model_layer *layer, const char *provider,
                        const char *model, const ftc_price_tier **out, size_t *n_out,
                        GError **error)
{
    JsonNode *node = json_object_get_member(obj, "tiers");
    ftc_price_tier *tiers;
    JsonArray *array;
    guint n;

    *out = NULL;
    *n_out = 0;
    if (node == NULL)
        return true;
    if (!JSON_NODE_HOLDS_ARRAY(node) ||
        json_array_get_length(json_node_get_array(node)) > 100) {
        ftc_price_file_fail(error, "%s/%s: \"tiers\" must be an array of at most 100 tiers",
                            provider, model);
        return false;
    }
    array = json_node_get_array(node);
    n = json_array_get_length(array);
    tiers = ftc_model_layer_tiers(layer, n);
    for (guint i = 0; i < n; i++) {
        JsonNode *tier = json_array_get_element(array, i);

        if (!JSON_NODE_HOLDS_OBJECT(tier) ||
            !ftc_price_file_number(json_object_get_member(json_node_get_object(tier), "above"),
                                   &tiers[i].above)) {
            ftc_price_file_fail(error,
                                "%s/%s: tiers[%u] must be an object with \"above\" "
                                "(prompt tokens)",
                                provider, model, i);
            return false;
        }
        if (!parse_prices(json_node_get_object(tier), tier_keys, tiers[i].price, provider,
                          model, error))
            return false;
    }
    *out = tiers;
    *n_out = n;
    return true;
}

/* An array of dated periods ("history" or "scheduled") into *out; each
 * "from" a date YYYY-MM-DD (before `before` unless it is -1), sorted, one
 * period a day. */
static bool parse_periods(JsonNode *node, const char *name, int before, ftc_model_layer *layer,
                          ftc_model_entry *e, const ftc_price_period **out, size_t *n_out,
                          GError **error)
{
    const char *provider = e->pub.provider, *model = e->pub.model;
    ftc_price_period *periods;
    JsonArray *array;
    guint n;

    if (!JSON_NODE_HOLDS_ARRAY(node)) {
        ftc_price_file_fail(error, "%s/%s: \"%s\" must be an array", provider, model, name);
        return false;
    }
    array = json_node_get_array(node);
    n = json_array_get_length(array);
    if (n > 1000) {
        ftc_price_file_fail(error, "%s/%s: more than 1000 periods in \"%s\"", provider, model,
                            name);
        return false;
    }
    periods = ftc_model_layer_periods(layer, n);
    for (guint i = 0; i < n; i++) {
        JsonNode *p = json_array_get_element(array, i);
        JsonObject *period;

        if (!JSON_NODE_HOLDS_OBJECT(p)) {
            ftc_price_file_fail(error, "%s/%s: %s[%u] is not an object", provider, model, name,
                                i);
            return false;
        }
        period = json_node_get_object(p);
        periods[i].from = ftc_date_parse(ftc_price_file_string(period, "from"));
        if (periods[i].from < 0 || (before >= 0 && periods[i].from >= before)) {
            ftc_price_file_fail(error, "%s/%s: %s[%u]: \"from\" must be a date YYYY-MM-DD%s",
                                provider, model, name, i,
                                before >= 0 ? " before \"since\"" : "");
            return false;
        }
        if (!parse_prices(period, period_keys, periods[i].price, provider, model, error) ||
            !parse_tiers(period, layer, provider, model, &periods[i].tiers, &periods[i].n_tiers,
                         error))
            return false;
    }
    qsort(periods, n, sizeof *periods, compare_periods);
    for (guint i = 1; i < n; i++)
        if (periods[i].from == periods[i - 1].from) {
            ftc_price_file_fail(error, "%s/%s: two %s periods from the same day", provider,
                                model, name);
            return false;
        }
    *out = periods;
    *n_out = n;
    return true;
}

/* "since" (the day the entry's prices took effect) and "history" (earlier
 * prices, each with the day it took effect, all before "since"). */
static bool parse_history(JsonObject *obj, ftc_model_layer *layer, ftc_model_entry *e,
                          GError **error)
{
    const char *provider = e->pub.provider, *model = e->pub.model;
    JsonNode *since = json_object_get_member(obj, "since");
    JsonNode *history = json_object_get_member(obj, "history");

    e->pub.since = -1;
    if (since != NULL &&
        (e->pub.since = ftc_date_parse(ftc_price_file_string(obj, "since"))) < 0) {
        ftc_price_file_fail(error, "%s/%s: \"since\" must be a date YYYY-MM-DD", provider,
                            model);
        return false;
    }
    if (e->pub.since > e->pub.checked) {
        ftc_price_file_fail(error,
                            "%s/%s: \"since\" is after \"checked\": a price cannot "
                            "be seen before it takes effect",
                            provider, model);
        return false;
    }
    if (history == NULL)
        return true;
    if (!JSON_NODE_HOLDS_ARRAY(history) || e->pub.since < 0) {
        ftc_price_file_fail(error,
                            "%s/%s: \"history\" must be an array, with \"since\" "
                            "saying when today's prices took effect",
                            provider, model);
        return false;
    }
    return parse_periods(history, "history", e->pub.since, layer, e, &e->pub.history,
                         &e->pub.n_history, error);
}

/* "scheduled", "retires" and "successor". */
static bool parse_later(JsonObject *obj, ftc_model_layer *layer, ftc_model_entry *e,
                        GError **error)
{
    const char *provider = e->pub.provider, *model = e->pub.model;
    JsonNode *scheduled = json_object_get_member(obj, "scheduled");

    if (scheduled != NULL && !parse_periods(scheduled, "scheduled", -1, layer, e,
                                            &e->pub.scheduled, &e->pub.n_scheduled, error))
        return false;
    if (json_object_has_member(obj, "retires") &&
        (e->pub.retires = ftc_date_parse(ftc_price_file_string(obj, "retires"))) < 0) {
        ftc_price_file_fail(error, "%s/%s: \"retires\" must be a date YYYY-MM-DD", provider,
                            model);
        return false;
    }
    if (json_object_has_member(obj, "successor")) {
        const char *successor = ftc_price_file_string(obj, "successor");

        if (!ftc_price_file_name_ok(successor)) {
            ftc_price_file_fail(error, "%s/%s: \"successor\" must be a model name", provider,
                                model);
            return false;
        }
        e->pub.successor = ftc_model_layer_string(layer, successor);
    }
    return true;
}

bool ftc_read_ftcost_models(JsonObject *root, ftc_model_layer *layer, const char *origin,
                            GError **error)
{
    JsonNode *models = json_object_get_member(root, "models");
    JsonArray *array;

    if (models == NULL || !JSON_NODE_HOLDS_ARRAY(models)) {
        ftc_price_file_fail(error, "\"models\" must be an array");
        return false;
    }
    array = json_node_get_array(models);
    if (json_array_get_length(array) > FTC_PRICE_FILE_MAX_ENTRIES) {
        ftc_price_file_fail(error, "more than %d models", FTC_PRICE_FILE_MAX_ENTRIES);
        return false;
    }
    for (guint i = 0; i < json_array_get_length(array); i++) {
        JsonNode *node = json_array_get_element(array, i);
        JsonObject *obj;
        const char *provider, *model, *checked, *source;
        ftc_model_entry *e;

        if (!JSON_NODE_HOLDS_OBJECT(node)) {
            ftc_price_file_fail(error, "models[%u] is not an object", i);
            return false;
        }
        obj = json_node_get_object(node);
        provider = ftc_price_file_string(obj, "provider");
        model = ftc_price_file_string(obj, "model");
        if (!ftc_price_file_name_ok(provider) || !ftc_price_file_name_ok(model)) {
            ftc_price_file_fail(error,
                                "models[%u]: \"provider\" and \"model\" must be "
                                "non-empty text without control characters",
                                i);
            return false;
        }
        e = ftc_model_layer_add(layer, provider, model, origin);
        checked = ftc_price_file_string(obj, "checked");
        e->pub.checked = ftc_date_parse(checked);
        if (e->pub.checked < 0) {
            ftc_price_file_fail(error, "%s/%s: \"checked\" must be a date YYYY-MM-DD", provider,
                                model);
            return false;
        }
        source = ftc_price_file_string(obj, "source");
        if (source != NULL)
            e->pub.source = ftc_model_layer_string(layer, source);

        if (!parse_prices(obj, entry_keys, e->pub.price, provider, model, error) ||
            !parse_history(obj, layer, e, error) ||
            !parse_tiers(obj, layer, provider, model, &e->pub.tiers, &e->pub.n_tiers, error) ||
            !parse_later(obj, layer, e, error) || !ftc_model_entry_check(e, error))
            return false;
    }
    return true;
}
