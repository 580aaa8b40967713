/* libFuzzer target for the price-file loader (functions/ftc-price-list.c
 * and the layers below it): any
 * bytes as an override file, in ftcost's format, LiteLLM's or
 * genai-prices'.  The loader
 * must give either entries that hold their promises or an error message,
 * never both, never neither, never a crash, a leak, a hang or undefined
 * behaviour.  Built by tests/fuzz/meson.build when clang has libFuzzer;
 * seeded with the shipped catalogue and a fixture of each format. */
#include "ftcost-private.h"

#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Each of N prices absent (NaN) or in [0, MAX], and one at least there. */
static void check_prices(const double *price, int n, double max)
{
    bool priced = false;

    for (int k = 0; k < n; k++) {
        if (isnan(price[k]))
            continue;
        if (!(price[k] >= 0 && price[k] <= max) || signbit(price[k]))
            abort();
        priced = true;
    }
    if (!priced)
        abort();
}

static void check_entry(const ftc_price_entry *e)
{
    if (e->provider == NULL || e->model == NULL || *e->provider == '\0' || *e->model == '\0' ||
        e->source == NULL || e->origin == NULL || e->checked < 0)
        abort();
    check_prices(e->price, FTC_PRICE_KIND_COUNT, 1e6);
    /* a history is sorted, before `since`, and answers on every day from
     * its first; today's prices from `since` on */
    if (e->n_history > 0 && (e->since < 0 || e->history == NULL))
        abort();
    for (size_t i = 0; i < e->n_history; i++)
        if (e->history[i].from >= e->since ||
            (i > 0 && e->history[i].from <= e->history[i - 1].from) ||
            ftc_price_entry_on(e, e->history[i].from) != e->history[i].price)
            abort();
    /* today's prices from `since`; without it from `checked`, or from the
     * last day served for a model checked on or after its retirement */
    int from = e->since >= 0                                 ? e->since
               : e->retires >= 0 && e->checked >= e->retires ? e->retires - 1
                                                             : e->checked;
    if (ftc_price_entry_on(e, from) != e->price ||
        (e->since < 0 && from > 0 && ftc_price_entry_on(e, from - 1) != NULL))
        abort();
}

/* Tiers ascending, whole, each pricing only kinds with a base price. */
static void check_tiers(const ftc_price_tier *tiers, size_t n, const double *base)
{
    if (n > 0 && tiers == NULL)
        abort();
    for (size_t i = 0; i < n; i++) {
        if (!(tiers[i].above > 0 && tiers[i].above == floor(tiers[i].above)) ||
            (i > 0 && tiers[i].above <= tiers[i - 1].above))
            abort();
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
            if (!isnan(tiers[i].price[k]) &&
                (isnan(base[k]) || !(tiers[i].price[k] >= 0 && tiers[i].price[k] <= 1e6)))
                abort();
    }
}

/* Scheduled periods after today's first day, sorted, each in force from
 * its day; a quote on any day either answers a price in range or says
 * why not; retirement wins from its day. */
static void check_later(const ftc_price_entry *e)
{
    int first = e->since >= 0 ? e->since : e->checked;
    ftc_price_quote q;

    check_tiers(e->tiers, e->n_tiers, e->price);
    for (size_t i = 0; i < e->n_history; i++)
        check_tiers(e->history[i].tiers, e->history[i].n_tiers, e->history[i].price);
    for (size_t i = 0; i < e->n_scheduled; i++) {
        check_tiers(e->scheduled[i].tiers, e->scheduled[i].n_tiers, e->scheduled[i].price);
        if (e->scheduled[i].from <= first ||
            (i > 0 && e->scheduled[i].from <= e->scheduled[i - 1].from) ||
            ftc_price_entry_on(e, e->scheduled[i].from) != e->scheduled[i].price)
            abort();
    }
    if (e->successor == NULL || (e->retires < -1))
        abort();
    for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++) {
        ftc_price_entry_quote(e, (ftc_price_kind)k, first, 1e9, &q);
        if ((q.status == FTC_QUOTE_OK) != (!isnan(q.price) && q.price >= 0 && q.price <= 1e6))
            abort();
        if (e->retires >= 0 && ftc_price_entry_quote(e, (ftc_price_kind)k, e->retires, NAN,
                                                     &q) != FTC_QUOTE_RETIRED)
            abort();
    }
}

/* Every GPU figure and price in range, each found by its names. */
static void check_gpus(const ftc_price_list *list)
{
    for (size_t i = 0; i < ftc_price_list_gpu_count(list); i++) {
        const ftc_gpu_spec *s = ftc_price_list_gpu_at(list, i);

        if (s == NULL || ftc_price_list_find_gpu(list, s->gpu) != s || s->checked < 0)
            abort();
        for (int f = 0; f < FTC_GPU_FIELD_COUNT; f++)
            if (!isnan(s->spec[f]) && !(s->spec[f] > 0 && s->spec[f] <= 100000))
                abort();
    }
    for (size_t i = 0; i < ftc_price_list_gpu_price_count(list); i++) {
        const ftc_gpu_price *p = ftc_price_list_gpu_price_at(list, i);

        if (p == NULL || ftc_price_list_find_gpu_price(list, p->gpu, p->provider) != p ||
            p->checked < 0)
            abort();
        check_prices(p->price, FTC_GPU_PRICE_KIND_COUNT, 10000);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    GError *error = NULL;
    ftc_price_layer *layer =
        ftc_price_layer_parse((const char *)data, size, "fuzz", 46000, &error);

    if ((layer == NULL) == (error == NULL) || (error != NULL && *error->message == '\0'))
        abort();
    if (layer != NULL) {
        ftc_price_list *list = ftc_price_list_new_from_layer(layer);
        size_t n = ftc_price_list_count(list);

        /* models, GPUs or both */
        if ((n == 0 &&
             ftc_price_list_gpu_count(list) + ftc_price_list_gpu_price_count(list) == 0) ||
            n > ftc_price_layer_count(layer))
            abort();
        check_gpus(list);
        for (size_t i = 0; i < n; i++) {
            const ftc_price_entry *e = ftc_price_list_at(list, i);
            char *key = g_strdup_printf("%s/%s", e->provider, e->model);

            check_entry(e);
            check_later(e);
            /* every entry is found by provider/model; its bare name finds
             * some entry */
            if (ftc_price_list_find(list, key) != e ||
                ftc_price_list_find(list, e->model) == NULL)
                abort();
            g_free(key);
        }
        ftc_price_list_unref(list);
        ftc_price_layer_free(layer);
    }
    if (error != NULL)
        g_error_free(error);
    return 0;
}
