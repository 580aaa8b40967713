/* ftc-gpus.c: the GPU catalogue: the "gpus" list of ftcost's price files
 * (the price-file layer reads the files and reloads them), one layer per
 * file, and its index over the layers.
 *
 *   "gpus": [{"gpu": "H100", "variant": "H100 SXM", "memory_gb": 80,
 *             "bf16_tflops": 989, "watts": 700, "checked": "2026-11-29",
 *             "source": "...", "prices": [{"provider": "aws",
 *             "on_demand": 6.88, "instance": "p5.48xlarge",
 *             "gpus_per_instance": 8, "checked": ..., "source": ...}]}]
 *
 * A GPU object with any datasheet figure replaces that GPU's figures in
 * the layers below; one with only "prices" adds or replaces prices. */
#include "ftc-gpus.h"

#include <math.h>
#include <string.h>

const char *const ftc_gpu_price_kind_names[FTC_GPU_PRICE_KIND_COUNT + 1] = {
    [FTC_GPU_ON_DEMAND] = "on_demand",     [FTC_GPU_SPOT] = "spot",
    [FTC_GPU_RESERVED_1Y] = "reserved_1y", [FTC_GPU_RESERVED_3Y] = "reserved_3y",
    [FTC_GPU_PRICE_KIND_COUNT] = NULL,
};

const char *const ftc_gpu_field_names[FTC_GPU_FIELD_COUNT + 1] = {
    [FTC_GPU_MEMORY_GB] = "memory_gb",
    [FTC_GPU_BF16_TFLOPS] = "bf16_tflops",
    [FTC_GPU_WATTS] = "watts",
    [FTC_GPU_FIELD_COUNT] = NULL,
};

/* Bounds that catch a unit slip (MB for GB, a sparsity figure is fine). */
static const double field_max[FTC_GPU_FIELD_COUNT] = {
    [FTC_GPU_MEMORY_GB] = 10000,
    [FTC_GPU_BF16_TFLOPS] = 100000,
    [FTC_GPU_WATTS] = 100000,
};
#define MAX_GPU_HOUR_PRICE 10000.0

struct ftc_gpu_layer {
    gatomicrefcount ref;
    GPtrArray *specs;  /* ftc_gpu_spec *, owned */
    GPtrArray *prices; /* ftc_gpu_price *, owned */
    GStringChunk *strings;
};

static ftc_gpu_layer *layer_new(void)
{
    ftc_gpu_layer *layer = g_new0(ftc_gpu_layer, 1);

    g_atomic_ref_count_init(&layer->ref);
    layer->specs = g_ptr_array_new_with_free_func(g_free);
    layer->prices = g_ptr_array_new_with_free_func(g_free);
    layer->strings = g_string_chunk_new(1024);
    return layer;
}

ftc_gpu_layer *ftc_gpu_layer_ref(ftc_gpu_layer *layer)
{
    g_atomic_ref_count_inc(&layer->ref);
    return layer;
}

void ftc_gpu_layer_unref(ftc_gpu_layer *layer)
{
    if (layer != NULL && g_atomic_ref_count_dec(&layer->ref)) {
        g_ptr_array_unref(layer->specs);
        g_ptr_array_unref(layer->prices);
        g_string_chunk_free(layer->strings);
        g_free(layer);
    }
}

size_t ftc_gpu_layer_count(const ftc_gpu_layer *layer)
{
    return layer != NULL ? layer->specs->len + layer->prices->len : 0;
}
#define MAX_GPUS_PER_INSTANCE 1024

static int word_index(const char *const *words, const char *key)
{
    for (int i = 0; words[i] != NULL; i++)
        if (strcmp(words[i], key) == 0)
            return i;
    return -1;
}

static const char *chunk(ftc_gpu_layer *layer, const char *s)
{
    return g_string_chunk_insert_const(layer->strings, s != NULL ? s : "");
}

/* "checked" and "source" of an object, into *checked and *source. */
static bool dated(JsonObject *obj, ftc_gpu_layer *layer, const char *what, int *checked,
                  const char **source, GError **error)
{
    JsonNode *src = json_object_get_member(obj, "source");

    *checked = ftc_date_parse(ftc_price_file_string(obj, "checked"));
    if (*checked < 0) {
        ftc_price_file_fail(error, "%s: \"checked\" must be a date YYYY-MM-DD", what);
        return false;
    }
    if (src != NULL && ftc_price_file_string(obj, "source") == NULL) {
        ftc_price_file_fail(error, "%s: \"source\" must be text", what);
        return false;
    }
    *source = chunk(layer, ftc_price_file_string(obj, "source"));
    return true;
}

static bool parse_price(JsonNode *node, const char *gpu, ftc_gpu_layer *layer,
                        const char *origin, GError **error)
{
    JsonObject *obj;
    g_autoptr(GList) members = NULL;
    g_autofree char *what = NULL;
    ftc_gpu_price *p;
    const char *provider;
    bool any = false;

    if (!JSON_NODE_HOLDS_OBJECT(node)) {
        ftc_price_file_fail(error, "%s: a price is not an object", gpu);
        return false;
    }
    obj = json_node_get_object(node);
    provider = ftc_price_file_string(obj, "provider");
    if (!ftc_price_file_name_ok(provider)) {
        ftc_price_file_fail(error,
                            "%s: \"provider\" must be non-empty text without control "
                            "characters",
                            gpu);
        return false;
    }
    what = g_strdup_printf("%s at %s", gpu, provider);
    p = g_new0(ftc_gpu_price, 1);
    g_ptr_array_add(layer->prices, p);
    p->gpu = chunk(layer, gpu);
    p->provider = chunk(layer, provider);
    p->origin = chunk(layer, origin);
    p->instance = chunk(layer, ftc_price_file_string(obj, "instance"));
    for (int k = 0; k < FTC_GPU_PRICE_KIND_COUNT; k++)
        p->price[k] = NAN;
    if (!dated(obj, layer, what, &p->checked, &p->source, error))
        return false;
    members = json_object_get_members(obj);
    for (GList *m = members; m != NULL; m = m->next) {
        const char *key = m->data;
        JsonNode *value = json_object_get_member(obj, key);
        int kind = word_index(ftc_gpu_price_kind_names, key);
        double x;

        if (strcmp(key, "provider") == 0 || strcmp(key, "checked") == 0 ||
            strcmp(key, "source") == 0 || strcmp(key, "note") == 0 ||
            strcmp(key, "region") == 0)
            continue;
        if (strcmp(key, "instance") == 0) {
            if (ftc_price_file_string(obj, key) == NULL) {
                ftc_price_file_fail(error, "%s: \"instance\" must be text", what);
                return false;
            }
            continue;
        }
        if (strcmp(key, "gpus_per_instance") == 0) {
            if (!ftc_price_file_number(value, &x) || !(x >= 1 && x <= MAX_GPUS_PER_INSTANCE)) {
                ftc_price_file_fail(error,
                                    "%s: \"gpus_per_instance\" must be a count "
                                    "from 1 to %d",
                                    what, MAX_GPUS_PER_INSTANCE);
                return false;
            }
            continue;
        }
        if (kind < 0) {
            ftc_price_file_fail(error, "%s: unknown field \"%s\"", what, key);
            return false;
        }
        if (!ftc_price_file_number(value, &x) || !isfinite(x) || x < 0 ||
            x > MAX_GPU_HOUR_PRICE) {
            ftc_price_file_fail(error,
                                "%s: \"%s\" must be a price from 0 to %g per "
                                "GPU-hour",
                                what, key, MAX_GPU_HOUR_PRICE);
            return false;
        }
        p->price[kind] = x + 0.0;
        any = true;
    }
    if (!any) {
        ftc_price_file_fail(error, "%s: no price", what);
        return false;
    }
    return true;
}

static bool parse_gpu(JsonNode *node, guint i, ftc_gpu_layer *layer, const char *origin,
                      GError **error)
{
    JsonObject *obj;
    JsonNode *prices;
    g_autoptr(GList) members = NULL;
    ftc_gpu_spec spec = {0};
    const char *gpu;
    bool any_field = false;

    if (!JSON_NODE_HOLDS_OBJECT(node)) {
        ftc_price_file_fail(error, "gpus[%u] is not an object", i);
        return false;
    }
    obj = json_node_get_object(node);
    gpu = ftc_price_file_string(obj, "gpu");
    if (!ftc_price_file_name_ok(gpu)) {
        ftc_price_file_fail(error,
                            "gpus[%u]: \"gpu\" must be non-empty text without "
                            "control characters",
                            i);
        return false;
    }
    for (int f = 0; f < FTC_GPU_FIELD_COUNT; f++)
        spec.spec[f] = NAN;
    members = json_object_get_members(obj);
    for (GList *m = members; m != NULL; m = m->next) {
        const char *key = m->data;
        int field = word_index(ftc_gpu_field_names, key);
        double x;

        if (strcmp(key, "gpu") == 0 || strcmp(key, "checked") == 0 ||
            strcmp(key, "source") == 0 || strcmp(key, "note") == 0 ||
            strcmp(key, "prices") == 0)
            continue;
        if (strcmp(key, "variant") == 0) {
            if (ftc_price_file_string(obj, key) == NULL) {
                ftc_price_file_fail(error, "%s: \"variant\" must be text", gpu);
                return false;
            }
            continue;
        }
        if (field < 0) {
            ftc_price_file_fail(error, "%s: unknown field \"%s\"", gpu, key);
            return false;
        }
        if (!ftc_price_file_number(json_object_get_member(obj, key), &x) || !isfinite(x) ||
            x <= 0 || x > field_max[field]) {
            ftc_price_file_fail(error, "%s: \"%s\" must be a number above 0 and at most %g",
                                gpu, key, field_max[field]);
            return false;
        }
        spec.spec[field] = x;
        any_field = true;
    }
    if (any_field) {
        ftc_gpu_spec *s = g_memdup2(&spec, sizeof spec);

        g_ptr_array_add(layer->specs, s);
        s->gpu = chunk(layer, gpu);
        s->variant = chunk(layer, ftc_price_file_string(obj, "variant"));
        s->origin = chunk(layer, origin);
        if (!dated(obj, layer, gpu, &s->checked, &s->source, error))
            return false;
    }
    prices = json_object_get_member(obj, "prices");
    if (prices == NULL) {
        if (!any_field) {
            ftc_price_file_fail(error, "%s: neither datasheet figures nor prices", gpu);
            return false;
        }
        return true;
    }
    if (!JSON_NODE_HOLDS_ARRAY(prices)) {
        ftc_price_file_fail(error, "%s: \"prices\" must be an array", gpu);
        return false;
    }
    for (guint k = 0; k < json_array_get_length(json_node_get_array(prices)); k++)
        if (!parse_price(json_array_get_element(json_node_get_array(prices), k), gpu, layer,
                         origin, error))
            return false;
    return true;
}

static bool parse_gpus(JsonNode *gpus, ftc_gpu_layer *layer, const char *origin, GError **error)
{
    JsonArray *array;

    if (gpus == NULL)
        return true;
    if (!JSON_NODE_HOLDS_ARRAY(gpus)) {
        ftc_price_file_fail(error, "\"gpus\" must be an array");
        return false;
    }
    array = json_node_get_array(gpus);
    if (json_array_get_length(array) > FTC_PRICE_FILE_MAX_ENTRIES) {
        ftc_price_file_fail(error, "more than %d GPUs", FTC_PRICE_FILE_MAX_ENTRIES);
        return false;
    }
    for (guint i = 0; i < json_array_get_length(array); i++)
        if (!parse_gpu(json_array_get_element(array, i), i, layer, origin, error))
            return false;
    if (layer->prices->len > FTC_PRICE_FILE_MAX_ENTRIES) {
        ftc_price_file_fail(error, "more than %d GPU prices", FTC_PRICE_FILE_MAX_ENTRIES);
        return false;
    }
    return true;
}

ftc_gpu_layer *ftc_gpus_read(JsonObject *root, const char *origin, GError **error)
{
    ftc_gpu_layer *layer = layer_new();

    if (root != NULL &&
        !parse_gpus(json_object_get_member(root, "gpus"), layer, origin, error)) {
        ftc_gpu_layer_unref(layer);
        return NULL;
    }
    return layer;
}

/* --- the index over the layers ----------------------------------------------- */

struct ftc_gpu_index {
    GHashTable *specs;  /* "gpu" lower case -> ftc_gpu_spec * */
    GHashTable *prices; /* "gpu/provider" lower case -> ftc_gpu_price * */
    GPtrArray *sorted_specs, *sorted_prices;
};

static char *spec_key(const char *gpu)
{
    return g_ascii_strdown(gpu, -1);
}

static int compare_specs(gconstpointer a, gconstpointer b)
{
    return g_ascii_strcasecmp((*(const ftc_gpu_spec *const *)a)->gpu,
                              (*(const ftc_gpu_spec *const *)b)->gpu);
}

static int compare_prices(gconstpointer a, gconstpointer b)
{
    const ftc_gpu_price *x = *(const ftc_gpu_price *const *)a;
    const ftc_gpu_price *y = *(const ftc_gpu_price *const *)b;
    int c = g_ascii_strcasecmp(x->gpu, y->gpu);

    return c != 0 ? c : g_ascii_strcasecmp(x->provider, y->provider);
}

static GPtrArray *sorted_values(GHashTable *table, GCompareFunc compare)
{
    GPtrArray *array = g_ptr_array_sized_new(g_hash_table_size(table));
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, table);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(array, value);
    g_ptr_array_sort(array, compare);
    return array;
}

ftc_gpu_index *ftc_gpu_index_new(ftc_gpu_layer *const *layers, size_t n_layers)
{
    ftc_gpu_index *index = g_new0(ftc_gpu_index, 1);

    index->specs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    index->prices = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t l = 0; l < n_layers; l++) {
        if (layers[l] == NULL)
            continue;
        for (guint i = 0; i < layers[l]->specs->len; i++) {
            ftc_gpu_spec *s = g_ptr_array_index(layers[l]->specs, i);

            g_hash_table_replace(index->specs, spec_key(s->gpu), s);
        }
        for (guint i = 0; i < layers[l]->prices->len; i++) {
            ftc_gpu_price *p = g_ptr_array_index(layers[l]->prices, i);

            g_hash_table_replace(index->prices, ftc_price_file_key(p->gpu, p->provider), p);
        }
    }
    index->sorted_specs = sorted_values(index->specs, compare_specs);
    index->sorted_prices = sorted_values(index->prices, compare_prices);
    return index;
}

void ftc_gpu_index_free(ftc_gpu_index *index)
{
    if (index == NULL)
        return;
    g_hash_table_unref(index->specs);
    g_hash_table_unref(index->prices);
    g_ptr_array_unref(index->sorted_specs);
    g_ptr_array_unref(index->sorted_prices);
    g_free(index);
}

size_t ftc_gpu_index_count(const ftc_gpu_index *index)
{
    return index != NULL ? index->sorted_specs->len : 0;
}

const ftc_gpu_spec *ftc_gpu_index_at(const ftc_gpu_index *index, size_t i)
{
    return index != NULL && i < index->sorted_specs->len
               ? g_ptr_array_index(index->sorted_specs, i)
               : NULL;
}

size_t ftc_gpu_index_price_count(const ftc_gpu_index *index)
{
    return index != NULL ? index->sorted_prices->len : 0;
}

const ftc_gpu_price *ftc_gpu_index_price_at(const ftc_gpu_index *index, size_t i)
{
    return index != NULL && i < index->sorted_prices->len
               ? g_ptr_array_index(index->sorted_prices, i)
               : NULL;
}

const ftc_gpu_spec *ftc_gpu_index_find(const ftc_gpu_index *index, const char *gpu)
{
    g_autofree char *key = NULL;

    if (index == NULL || gpu == NULL)
        return NULL;
    key = spec_key(gpu);
    return g_hash_table_lookup(index->specs, key);
}

const ftc_gpu_price *ftc_gpu_index_find_price(const ftc_gpu_index *index, const char *gpu,
                                              const char *provider)
{
    g_autofree char *key = NULL;

    if (index == NULL || gpu == NULL || provider == NULL)
        return NULL;
    key = ftc_price_file_key(gpu, provider);
    return g_hash_table_lookup(index->prices, key);
}
