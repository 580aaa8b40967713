/* ftc-model-layer.c: one price file's model entries, what every reader
 * fills, and the prices of an entry on a day. */
#include "ftc-models.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[FTC_PRICE_KIND_COUNT] = {
    [FTC_PRICE_INPUT] = "input",
    [FTC_PRICE_OUTPUT] = "output",
    [FTC_PRICE_CACHED_INPUT] = "cached_input",
    [FTC_PRICE_BATCH_INPUT] = "batch_input",
    [FTC_PRICE_BATCH_OUTPUT] = "batch_output",
    [FTC_PRICE_FT_INPUT] = "ft_input",
    [FTC_PRICE_FT_OUTPUT] = "ft_output",
    [FTC_PRICE_FT_TRAINING] = "ft_training",
    [FTC_PRICE_CACHE_WRITE] = "cache_write",
    [FTC_PRICE_FT_TRAINING_FULL] = "ft_training_full",
};

const char *ftc_price_kind_name(ftc_price_kind kind)
{
    return (unsigned)kind < FTC_PRICE_KIND_COUNT ? kind_names[kind] : NULL;
}

bool ftc_price_kind_parse(const char *name, ftc_price_kind *kind)
{
    for (int k = 0; name != NULL && k < FTC_PRICE_KIND_COUNT; k++)
        if (g_ascii_strcasecmp(name, kind_names[k]) == 0) {
            *kind = (ftc_price_kind)k;
            return true;
        }
    return false;
}

ftc_model_layer *ftc_model_layer_new(void)
{
    ftc_model_layer *layer = g_new0(ftc_model_layer, 1);

    g_atomic_ref_count_init(&layer->ref);
    layer->entries = g_ptr_array_new_with_free_func(g_free);
    layer->blocks = g_ptr_array_new_with_free_func(g_free);
    layer->strings = g_string_chunk_new(4096);
    return layer;
}

ftc_model_layer *ftc_model_layer_ref(ftc_model_layer *layer)
{
    g_atomic_ref_count_inc(&layer->ref);
    return layer;
}

void ftc_model_layer_unref(ftc_model_layer *layer)
{
    if (layer != NULL && g_atomic_ref_count_dec(&layer->ref)) {
        g_ptr_array_unref(layer->entries);
        g_ptr_array_unref(layer->blocks);
        g_string_chunk_free(layer->strings);
        g_free(layer);
    }
}

const char *ftc_model_layer_string(ftc_model_layer *layer, const char *s)
{
    return g_string_chunk_insert_const(layer->strings, s != NULL ? s : "");
}

void *ftc_model_layer_alloc(ftc_model_layer *layer, size_t size)
{
    void *block = g_malloc0(size > 0 ? size : 1);

    g_ptr_array_add(layer->blocks, block);
    return block;
}

ftc_model_entry *ftc_model_layer_add(ftc_model_layer *layer, const char *provider,
                                     const char *model, const char *origin)
{
    ftc_model_entry *e = g_new0(ftc_model_entry, 1);

    for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
        e->pub.price[k] = NAN;
    e->pub.provider = ftc_model_layer_string(layer, provider);
    e->pub.model = ftc_model_layer_string(layer, model);
    e->pub.origin = ftc_model_layer_string(layer, origin);
    e->pub.source = "";
    e->pub.since = -1;
    e->pub.retires = -1;
    e->pub.successor = "";
    g_ptr_array_add(layer->entries, e);
    return e;
}

ftc_price_tier *ftc_model_layer_tiers(ftc_model_layer *layer, size_t n)
{
    ftc_price_tier *tiers = ftc_model_layer_alloc(layer, n * sizeof *tiers);

    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
            tiers[i].price[k] = NAN;
    return tiers;
}

ftc_price_period *ftc_model_layer_periods(ftc_model_layer *layer, size_t n)
{
    ftc_price_period *periods = ftc_model_layer_alloc(layer, n * sizeof *periods);

    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
            periods[i].price[k] = NAN;
    return periods;
}

bool ftc_model_price_ok(double x)
{
    return isfinite(x) && x >= 0 && x <= FTC_MODEL_MAX_PRICE;
}

/* 2.5e-06 * 1e6 = 2.4999999999999996: round to 12 significant digits. */
double ftc_model_per_million(double per_token)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    return g_ascii_strtod(g_ascii_formatd(buf, sizeof buf, "%.12g", per_token * 1e6), NULL) +
           0.0;
}

/* Without "since" the current prices are known from the day they were
 * checked: an earlier day has no price we can vouch for. */
/* Without `since`, the price is known from the day the data describes: the
 * day it was checked, or for a model checked on or after its retirement
 * (a legacy price, read from a page that still lists it) its last day
 * served: the source describes the price it had then, and no earlier day. */
static int current_from(const ftc_price_entry *e)
{
    if (e->since >= 0)
        return e->since;
    return e->retires >= 0 && e->checked >= e->retires ? e->retires - 1 : e->checked;
}

int ftc_price_entry_first_day(const ftc_price_entry *e)
{
    return e->n_history > 0 ? e->history[0].from : current_from(e);
}

/* The scheduled period begun by `day`, or NULL. */
static const ftc_price_period *scheduled_on(const ftc_price_entry *e, int day)
{
    const ftc_price_period *found = NULL;

    for (size_t i = 0; i < e->n_scheduled && e->scheduled[i].from <= day; i++)
        found = &e->scheduled[i];
    return found;
}

/* The prices on `day` and their tiers; `today` takes the current prices
 * even before their first day (a clock behind the file's date). */
static const double *prices_on(const ftc_price_entry *e, int day, bool today,
                               const ftc_price_tier **tiers, size_t *n_tiers)
{
    const ftc_price_period *period = scheduled_on(e, day);

    if (period == NULL && (today || day >= current_from(e))) {
        *tiers = e->tiers;
        *n_tiers = e->n_tiers;
        return e->price;
    }
    for (size_t i = 0; period == NULL && i < e->n_history && e->history[i].from <= day; i++)
        if (i + 1 == e->n_history || e->history[i + 1].from > day)
            period = &e->history[i];
    if (period == NULL)
        return NULL;
    *tiers = period->tiers;
    *n_tiers = period->n_tiers;
    return period->price;
}

const double *ftc_price_entry_on(const ftc_price_entry *e, int day)
{
    const ftc_price_tier *tiers;
    size_t n_tiers;

    return e != NULL ? prices_on(e, day, false, &tiers, &n_tiers) : NULL;
}

/* FTCOST_TODAY=YYYY-MM-DD sets the clock's day: tests (and a reader who
 * wants the answers of another day) get the same answers on any date. */
int ftc_price_today(void)
{
    int day = ftc_date_parse(g_getenv("FTCOST_TODAY"));

    return day >= 0 ? day
                    : ftc_price_date_from_unix((long long)(g_get_real_time() / G_USEC_PER_SEC));
}

ftc_quote_status ftc_price_entry_quote(const ftc_price_entry *e, ftc_price_kind kind, int day,
                                       double prompt_tokens, ftc_price_quote *out)
{
    bool today = day == FTC_PRICE_TODAY;
    const ftc_price_tier *tiers = NULL;
    const double *prices;
    size_t n_tiers = 0;

    memset(out, 0, sizeof *out);
    out->entry = e;
    out->day = today ? ftc_price_today() : day;
    out->price = NAN;
    if (e == NULL || (unsigned)kind >= FTC_PRICE_KIND_COUNT)
        return out->status = e == NULL ? FTC_QUOTE_NO_MODEL : FTC_QUOTE_NO_KIND;
    if (e->retires >= 0 && out->day >= e->retires) {
        out->day = e->retires;
        return out->status = FTC_QUOTE_RETIRED;
    }
    prices = prices_on(e, out->day, today, &tiers, &n_tiers);
    if (prices == NULL) {
        out->day = ftc_price_entry_first_day(e);
        return out->status = FTC_QUOTE_TOO_EARLY;
    }
    out->price = prices[kind];
    /* the highest tier the prompt is above that prices this kind */
    for (size_t i = 0; !isnan(prompt_tokens) && i < n_tiers; i++)
        if (prompt_tokens > tiers[i].above && !isnan(tiers[i].price[kind])) {
            out->price = tiers[i].price[kind];
            out->tier_above = tiers[i].above;
        }
    return out->status = isnan(out->price) ? FTC_QUOTE_NO_KIND : FTC_QUOTE_OK;
}

/* --- what every reader's entries promise ---------------------------------- */

#define MAX_TIER_ABOVE 1e9

static bool tiers_ok(const ftc_price_tier *tiers, size_t n, const double *base,
                     const char *what, const ftc_price_entry *e, GError **error)
{
    for (size_t i = 0; i < n; i++) {
        bool any = false;

        if (!(tiers[i].above > 0 && tiers[i].above <= MAX_TIER_ABOVE &&
              tiers[i].above == floor(tiers[i].above))) {
            ftc_price_file_fail(error,
                                "%s/%s: %s tiers[%zu]: \"above\" must be a whole "
                                "number of prompt tokens from 1 to %g",
                                e->provider, e->model, what, i, MAX_TIER_ABOVE);
            return false;
        }
        if (i > 0 && tiers[i].above <= tiers[i - 1].above) {
            ftc_price_file_fail(error,
                                "%s/%s: %s tiers must be in ascending order of "
                                "\"above\"",
                                e->provider, e->model, what);
            return false;
        }
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++) {
            if (isnan(tiers[i].price[k]))
                continue;
            if (!ftc_model_price_ok(tiers[i].price[k])) {
                ftc_price_file_fail(error,
                                    "%s/%s: %s tiers[%zu]: \"%s\" must be a price "
                                    "from 0 to %g per million tokens",
                                    e->provider, e->model, what, i, kind_names[k],
                                    FTC_MODEL_MAX_PRICE);
                return false;
            }
            if (isnan(base[k])) {
                ftc_price_file_fail(error,
                                    "%s/%s: %s tiers[%zu]: \"%s\" has no base price "
                                    "to rise from",
                                    e->provider, e->model, what, i, kind_names[k]);
                return false;
            }
            any = true;
        }
        if (!any) {
            ftc_price_file_fail(error, "%s/%s: %s tiers[%zu]: no price", e->provider, e->model,
                                what, i);
            return false;
        }
    }
    return true;
}

static int compare_periods(const void *a, const void *b)
{
    return ((const ftc_price_period *)a)->from - ((const ftc_price_period *)b)->from;
}

bool ftc_model_entry_check(ftc_model_entry *me, GError **error)
{
    ftc_price_entry *e = &me->pub;

    if (!tiers_ok(e->tiers, e->n_tiers, e->price, "the", e, error))
        return false;
    for (size_t i = 0; i < e->n_history; i++)
        if (!tiers_ok(e->history[i].tiers, e->history[i].n_tiers, e->history[i].price,
                      "a history period's", e, error))
            return false;
    /* the readers fill `scheduled`: sorted here, one period a day */
    if (e->n_scheduled > 1) /* qsort's base may not be NULL, even for no elements */
        qsort((void *)e->scheduled, e->n_scheduled, sizeof *e->scheduled, compare_periods);
    for (size_t i = 0; i < e->n_scheduled; i++) {
        if (!tiers_ok(e->scheduled[i].tiers, e->scheduled[i].n_tiers, e->scheduled[i].price,
                      "a scheduled period's", e, error))
            return false;
        if (e->scheduled[i].from <= current_from(e) ||
            (i > 0 && e->scheduled[i].from == e->scheduled[i - 1].from)) {
            ftc_price_file_fail(error,
                                "%s/%s: scheduled periods must start on different "
                                "days after the current prices' first day",
                                e->provider, e->model);
            return false;
        }
    }
    return true;
}
