/* ftc-price-list.c: the price catalogue in force, on the model prices and
 * the GPU catalogue: what one price file holds (its models and its GPUs:
 * a file wrong in either is left out as a whole), and the immutable,
 * reference-counted snapshot of all layers.  ftc_prices_get() asks the
 * price-file layer to re-read changed files and swaps in a new snapshot
 * under a mutex; readers keep the snapshot they got for as long as they
 * hold it. */
#include "ftc-gpus.h"
#include "ftc-models.h"

#include "ftc-prices-resources.h"

#include <math.h>

#define SHIPPED_DIR "/org/ftcost/shipped/"

/* One file's models and GPUs. */
struct ftc_price_layer {
    gatomicrefcount ref;
    ftc_model_layer *models;
    ftc_gpu_layer *gpus;
};

struct ftc_price_list {
    gatomicrefcount ref;
    ftc_price_layer *layers[FTC_PRICE_FILE_MAX_LAYERS]; /* references; NULL: left out */
    size_t n_layers;
    ftc_model_index *models;
    ftc_gpu_index *gpus;
};

static void *layer_ref(void *p)
{
    ftc_price_layer *layer = p;

    g_atomic_ref_count_inc(&layer->ref);
    return layer;
}

static void layer_unref(void *p)
{
    ftc_price_layer *layer = p;

    if (layer != NULL && g_atomic_ref_count_dec(&layer->ref)) {
        ftc_model_layer_unref(layer->models);
        ftc_gpu_layer_unref(layer->gpus);
        g_free(layer);
    }
}

void ftc_price_layer_free(ftc_price_layer *layer)
{
    layer_unref(layer);
}

size_t ftc_price_layer_count(const ftc_price_layer *layer)
{
    return layer != NULL ? layer->models->entries->len + ftc_gpu_layer_count(layer->gpus) : 0;
}

static void *read_layer(JsonNode *root, const char *origin, int file_date, GError **error)
{
    ftc_price_layer *layer = g_new0(ftc_price_layer, 1);
    bool ftcost = ftc_price_file_format(root) == FTC_PRICE_FORMAT_FTCOST;
    JsonObject *obj = ftcost ? json_node_get_object(root) : NULL;

    g_atomic_ref_count_init(&layer->ref);
    /* ftcost's files may carry models, GPUs or both */
    if (!ftcost || ftc_price_file_ftcost_header(obj, error))
        layer->gpus = ftc_gpus_read(obj, origin, error);
    if (layer->gpus != NULL)
        layer->models = ftc_models_read(
            root, origin, file_date, obj != NULL && json_object_has_member(obj, "gpus"), error);
    if (layer->models != NULL && ftc_price_layer_count(layer) == 0)
        ftc_price_file_fail(error, "no prices in it");
    else if (layer->models != NULL)
        return layer;
    layer_unref(layer);
    return NULL;
}

static const ftc_price_file_reader reader = {read_layer, layer_ref, layer_unref};

ftc_price_layer *ftc_price_layer_parse(const char *data, size_t len, const char *origin,
                                       int file_date, GError **error)
{
    JsonNode *root = ftc_price_file_parse_json(data, len, error);
    ftc_price_layer *layer;

    if (root == NULL)
        return NULL;
    layer = read_layer(root, origin, file_date, error);
    json_node_unref(root);
    return layer;
}

/* The lowest n_fallback layers answer only what no other layer answers. */
static ftc_price_list *list_build(ftc_price_layer *const *layers, size_t n, size_t n_fallback)
{
    ftc_price_list *list = g_new0(ftc_price_list, 1);
    ftc_model_layer *models[FTC_PRICE_FILE_MAX_LAYERS];
    ftc_gpu_layer *gpus[FTC_PRICE_FILE_MAX_LAYERS];

    g_atomic_ref_count_init(&list->ref);
    list->n_layers = n;
    for (size_t l = 0; l < n; l++) {
        list->layers[l] = layers[l] != NULL ? layer_ref(layers[l]) : NULL;
        models[l] = layers[l] != NULL ? layers[l]->models : NULL;
        gpus[l] = layers[l] != NULL ? layers[l]->gpus : NULL;
    }
    list->models = ftc_model_index_new(models, n, n_fallback);
    list->gpus = ftc_gpu_index_new(gpus, n);
    return list;
}

ftc_price_list *ftc_price_list_new_from_layer(ftc_price_layer *layer)
{
    return list_build(&layer, 1, 0);
}

ftc_price_list *ftc_price_list_load(const char *path, GError **error)
{
    ftc_price_layer *layer = ftc_price_file_load(path, &reader, error);
    ftc_price_list *list;

    if (layer == NULL)
        return NULL;
    list = list_build(&layer, 1, 0);
    layer_unref(layer);
    return list;
}

void ftc_price_list_unref(ftc_price_list *list)
{
    if (list == NULL || !g_atomic_ref_count_dec(&list->ref))
        return;
    ftc_model_index_free(list->models);
    ftc_gpu_index_free(list->gpus);
    for (size_t l = 0; l < list->n_layers; l++)
        layer_unref(list->layers[l]);
    g_free(list);
}

/* The snapshot of a set of layered files, brought up to date. */
static ftc_price_list *refreshed(ftc_price_file_set *set, ftc_price_list **current)
{
    void *layers[FTC_PRICE_FILE_MAX_LAYERS];
    size_t n = 0;

    if (ftc_price_file_set_refresh(set, layers, &n) || *current == NULL) {
        ftc_price_list_unref(*current);
        *current = list_build((ftc_price_layer *const *)layers, n,
                              ftc_price_file_set_fallback_count(set));
    }
    g_atomic_ref_count_inc(&(*current)->ref);
    return *current;
}

ftc_price_list *ftc_price_list_new_from_resource(GResource *resource, const char *dir)
{
    ftc_price_file_set *set = ftc_price_file_set_new(resource, dir, &reader, false);
    ftc_price_list *current = NULL;
    ftc_price_list *list = refreshed(set, &current);

    ftc_price_list_unref(current);
    ftc_price_file_set_free(set);
    return list;
}

ftc_price_list *ftc_prices_get(void)
{
    static GMutex lock;
    static ftc_price_file_set *set;
    static ftc_price_list *current;
    ftc_price_list *list;

    g_mutex_lock(&lock);
    if (set == NULL)
        set = ftc_price_file_set_new(ftc_prices_get_resource(), SHIPPED_DIR, &reader, true);
    list = refreshed(set, &current);
    g_mutex_unlock(&lock);
    return list;
}

/* --- what the snapshot says ----------------------------------------------- */

size_t ftc_price_list_count(const ftc_price_list *list)
{
    return list != NULL ? ftc_model_index_count(list->models) : 0;
}

const ftc_price_entry *ftc_price_list_at(const ftc_price_list *list, size_t i)
{
    return list != NULL ? ftc_model_index_at(list->models, i) : NULL;
}

const ftc_price_entry *ftc_price_list_find(const ftc_price_list *list, const char *model)
{
    return list != NULL ? ftc_model_index_find(list->models, model) : NULL;
}

size_t ftc_price_list_gpu_count(const ftc_price_list *list)
{
    return list != NULL ? ftc_gpu_index_count(list->gpus) : 0;
}

const ftc_gpu_spec *ftc_price_list_gpu_at(const ftc_price_list *list, size_t i)
{
    return list != NULL ? ftc_gpu_index_at(list->gpus, i) : NULL;
}

size_t ftc_price_list_gpu_price_count(const ftc_price_list *list)
{
    return list != NULL ? ftc_gpu_index_price_count(list->gpus) : 0;
}

const ftc_gpu_price *ftc_price_list_gpu_price_at(const ftc_price_list *list, size_t i)
{
    return list != NULL ? ftc_gpu_index_price_at(list->gpus, i) : NULL;
}

const ftc_gpu_spec *ftc_price_list_find_gpu(const ftc_price_list *list, const char *gpu)
{
    return list != NULL ? ftc_gpu_index_find(list->gpus, gpu) : NULL;
}

const ftc_gpu_price *ftc_price_list_find_gpu_price(const ftc_price_list *list, const char *gpu,
                                                   const char *provider)
{
    return list != NULL ? ftc_gpu_index_find_price(list->gpus, gpu, provider) : NULL;
}

ftc_quote_status ftc_price_list_quote(const ftc_price_list *list, const char *model,
                                      ftc_price_kind kind, int day, double prompt_tokens,
                                      ftc_price_quote *out)
{
    return ftc_price_entry_quote(ftc_price_list_find(list, model), kind, day, prompt_tokens,
                                 out);
}

size_t ftc_price_list_priced(const ftc_price_list *list, const char *provider,
                             ftc_price_kind kind, int day, const ftc_price_entry **out,
                             size_t max)
{
    size_t n = 0;

    for (size_t i = 0; i < ftc_price_list_count(list); i++) {
        const ftc_price_entry *e = ftc_price_list_at(list, i);
        ftc_price_quote quote;

        if (provider != NULL && g_ascii_strcasecmp(provider, e->provider) != 0)
            continue;
        if (ftc_price_entry_quote(e, kind, day, NAN, &quote) != FTC_QUOTE_OK)
            continue;
        if (n < max)
            out[n] = e;
        n++;
    }
    return n;
}
