/* ftc-model-layer.c: one price file's model entries, what every reader
 * fills, and the prices of an entry on a day. */
#include "ftc-models.h"

#include <math.h>
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
    g_ptr_array_add(layer->entries, e);
    return e;
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
static int current_from(const ftc_price_entry *e)
{
    return e->since >= 0 ? e->since : e->checked;
}

int ftc_price_entry_first_day(const ftc_price_entry *e)
{
    return e->n_history > 0 ? e->history[0].from : current_from(e);
}

const double *ftc_price_entry_on(const ftc_price_entry *e, int day)
{
    const double *found = NULL;

    if (e == NULL)
        return NULL;
    if (day >= current_from(e))
        return e->price;
    for (size_t i = 0; i < e->n_history && e->history[i].from <= day; i++)
        found = e->history[i].price;
    return found;
}
