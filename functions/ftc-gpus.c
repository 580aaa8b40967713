/* ftc-gpus.c: the GPU catalogue behind GPU_PRICE, GPU_PRICE_DATE and
 * GPU_SPEC: the "gpus" list of the price files (ftc-prices.c reads the
 * files, keeps the layers and reloads them), its index over the layers,
 * and the three functions.
 *
 *   "gpus": [{"gpu": "H100", "variant": "H100 SXM", "memory_gb": 80,
 *             "bf16_tflops": 989, "watts": 700, "checked": "2026-11-29",
 *             "source": "...", "prices": [{"provider": "aws",
 *             "on_demand": 6.88, "instance": "p5.48xlarge",
 *             "gpus_per_instance": 8, "checked": ..., "source": ...}]}]
 *
 * A GPU object with any datasheet figure replaces that GPU's figures in
 * the layers below; one with only "prices" adds or replaces prices. */
#include "ftc-price-files.h"

#include <math.h>
#include <string.h>

const char *const ftc_gpu_price_kind_names[FTC_GPU_PRICE_KIND_COUNT + 1] = {
    [FTC_GPU_ON_DEMAND] = "on_demand",
    [FTC_GPU_SPOT] = "spot",
    [FTC_GPU_RESERVED_1Y] = "reserved_1y",
    [FTC_GPU_RESERVED_3Y] = "reserved_3y",
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
#define MAX_GPUS_PER_INSTANCE 1024

static int word_index(const char *const *words, const char *key)
{
    for (int i = 0; words[i] != NULL; i++)
        if (strcmp(words[i], key) == 0)
            return i;
    return -1;
}

static const char *chunk(ftc_price_layer *layer, const char *s)
{
    return g_string_chunk_insert_const(layer->strings, s != NULL ? s : "");
}

/* "checked" and "source" of an object, into *checked and *source. */
static bool dated(JsonObject *obj, ftc_price_layer *layer, const char *what, int *checked,
                  const char **source, char **error)
{
    JsonNode *src = json_object_get_member(obj, "source");

    *checked = ftc_date_parse(ftc_price_file_string(obj, "checked"));
    if (*checked < 0) {
        ftc_price_file_error(error, "%s: \"checked\" must be a date YYYY-MM-DD", what);
        return false;
    }
    if (src != NULL && ftc_price_file_string(obj, "source") == NULL) {
        ftc_price_file_error(error, "%s: \"source\" must be text", what);
        return false;
    }
    *source = chunk(layer, ftc_price_file_string(obj, "source"));
    return true;
}

static bool parse_price(JsonNode *node, const char *gpu, ftc_price_layer *layer,
                        const char *origin, char **error)
{
    JsonObject *obj;
    g_autoptr(GList) members = NULL;
    g_autofree char *what = NULL;
    ftc_gpu_price *p;
    const char *provider;
    bool any = false;

    if (!JSON_NODE_HOLDS_OBJECT(node)) {
        ftc_price_file_error(error, "%s: a price is not an object", gpu);
        return false;
    }
    obj = json_node_get_object(node);
    provider = ftc_price_file_string(obj, "provider");
    if (!ftc_price_file_name_ok(provider)) {
        ftc_price_file_error(error, "%s: \"provider\" must be non-empty text without control "
                                    "characters", gpu);
        return false;
    }
    what = g_strdup_printf("%s at %s", gpu, provider);
    p = g_new0(ftc_gpu_price, 1);
    g_ptr_array_add(layer->gpu_prices, p);
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
                ftc_price_file_error(error, "%s: \"instance\" must be text", what);
                return false;
            }
            continue;
        }
        if (strcmp(key, "gpus_per_instance") == 0) {
            if (!ftc_price_file_number(value, &x) || !(x >= 1 && x <= MAX_GPUS_PER_INSTANCE)) {
                ftc_price_file_error(error, "%s: \"gpus_per_instance\" must be a count "
                                            "from 1 to %d", what, MAX_GPUS_PER_INSTANCE);
                return false;
            }
            continue;
        }
        if (kind < 0) {
            ftc_price_file_error(error, "%s: unknown field \"%s\"", what, key);
            return false;
        }
        if (!ftc_price_file_number(value, &x) || !isfinite(x) || x < 0 ||
            x > MAX_GPU_HOUR_PRICE) {
            ftc_price_file_error(error, "%s: \"%s\" must be a price from 0 to %g per "
                                        "GPU-hour", what, key, MAX_GPU_HOUR_PRICE);
            return false;
        }
        p->price[kind] = x + 0.0;
        any = true;
    }
    if (!any) {
        ftc_price_file_error(error, "%s: no price", what);
        return false;
    }
    return true;
}

static bool parse_gpu(JsonNode *node, guint i, ftc_price_layer *layer, const char *origin,
                      char **error)
{
    JsonObject *obj;
    JsonNode *prices;
    g_autoptr(GList) members = NULL;
    ftc_gpu_spec spec = {0};
    const char *gpu;
    bool any_field = false;

    if (!JSON_NODE_HOLDS_OBJECT(node)) {
        ftc_price_file_error(error, "gpus[%u] is not an object", i);
        return false;
    }
    obj = json_node_get_object(node);
    gpu = ftc_price_file_string(obj, "gpu");
    if (!ftc_price_file_name_ok(gpu)) {
        ftc_price_file_error(error, "gpus[%u]: \"gpu\" must be non-empty text without "
                                    "control characters", i);
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
                ftc_price_file_error(error, "%s: \"variant\" must be text", gpu);
                return false;
            }
            continue;
        }
        if (field < 0) {
            ftc_price_file_error(error, "%s: unknown field \"%s\"", gpu, key);
            return false;
        }
        if (!ftc_price_file_number(json_object_get_member(obj, key), &x) || !isfinite(x) ||
            x <= 0 || x > field_max[field]) {
            ftc_price_file_error(error, "%s: \"%s\" must be a number above 0 and at most %g",
                                 gpu, key, field_max[field]);
            return false;
        }
        spec.spec[field] = x;
        any_field = true;
    }
    if (any_field) {
        ftc_gpu_spec *s = g_memdup2(&spec, sizeof spec);

        g_ptr_array_add(layer->gpu_specs, s);
        s->gpu = chunk(layer, gpu);
        s->variant = chunk(layer, ftc_price_file_string(obj, "variant"));
        s->origin = chunk(layer, origin);
        if (!dated(obj, layer, gpu, &s->checked, &s->source, error))
            return false;
    }
    prices = json_object_get_member(obj, "prices");
    if (prices == NULL) {
        if (!any_field) {
            ftc_price_file_error(error, "%s: neither datasheet figures nor prices", gpu);
            return false;
        }
        return true;
    }
    if (!JSON_NODE_HOLDS_ARRAY(prices)) {
        ftc_price_file_error(error, "%s: \"prices\" must be an array", gpu);
        return false;
    }
    for (guint k = 0; k < json_array_get_length(json_node_get_array(prices)); k++)
        if (!parse_price(json_array_get_element(json_node_get_array(prices), k), gpu, layer,
                         origin, error))
            return false;
    return true;
}

bool ftc_gpus_parse(JsonNode *gpus, ftc_price_layer *layer, const char *origin, char **error)
{
    JsonArray *array;

    if (gpus == NULL)
        return true;
    if (!JSON_NODE_HOLDS_ARRAY(gpus)) {
        ftc_price_file_error(error, "\"gpus\" must be an array");
        return false;
    }
    array = json_node_get_array(gpus);
    if (json_array_get_length(array) > FTC_PRICE_FILE_MAX_ENTRIES) {
        ftc_price_file_error(error, "more than %d GPUs", FTC_PRICE_FILE_MAX_ENTRIES);
        return false;
    }
    for (guint i = 0; i < json_array_get_length(array); i++)
        if (!parse_gpu(json_array_get_element(array, i), i, layer, origin, error))
            return false;
    if (layer->gpu_prices->len > FTC_PRICE_FILE_MAX_ENTRIES) {
        ftc_price_file_error(error, "more than %d GPU prices", FTC_PRICE_FILE_MAX_ENTRIES);
        return false;
    }
    return true;
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

ftc_gpu_index *ftc_gpu_index_new(ftc_price_layer *const *layers, size_t n_layers)
{
    ftc_gpu_index *index = g_new0(ftc_gpu_index, 1);

    index->specs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    index->prices = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t l = 0; l < n_layers; l++) {
        if (layers[l] == NULL)
            continue;
        for (guint i = 0; i < layers[l]->gpu_specs->len; i++) {
            ftc_gpu_spec *s = g_ptr_array_index(layers[l]->gpu_specs, i);

            g_hash_table_replace(index->specs, spec_key(s->gpu), s);
        }
        for (guint i = 0; i < layers[l]->gpu_prices->len; i++) {
            ftc_gpu_price *p = g_ptr_array_index(layers[l]->gpu_prices, i);

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

size_t ftc_price_list_gpu_count(const ftc_price_list *list)
{
    const ftc_gpu_index *index = ftc_price_list_gpu_index(list);

    return index != NULL ? index->sorted_specs->len : 0;
}

const ftc_gpu_spec *ftc_price_list_gpu_at(const ftc_price_list *list, size_t i)
{
    const ftc_gpu_index *index = ftc_price_list_gpu_index(list);

    return index != NULL && i < index->sorted_specs->len
               ? g_ptr_array_index(index->sorted_specs, i)
               : NULL;
}

size_t ftc_price_list_gpu_price_count(const ftc_price_list *list)
{
    const ftc_gpu_index *index = ftc_price_list_gpu_index(list);

    return index != NULL ? index->sorted_prices->len : 0;
}

const ftc_gpu_price *ftc_price_list_gpu_price_at(const ftc_price_list *list, size_t i)
{
    const ftc_gpu_index *index = ftc_price_list_gpu_index(list);

    return index != NULL && i < index->sorted_prices->len
               ? g_ptr_array_index(index->sorted_prices, i)
               : NULL;
}

const ftc_gpu_spec *ftc_price_list_find_gpu(const ftc_price_list *list, const char *gpu)
{
    const ftc_gpu_index *index = ftc_price_list_gpu_index(list);
    g_autofree char *key = NULL;

    if (index == NULL || gpu == NULL)
        return NULL;
    key = spec_key(gpu);
    return g_hash_table_lookup(index->specs, key);
}

const ftc_gpu_price *ftc_price_list_find_gpu_price(const ftc_price_list *list,
                                                   const char *gpu, const char *provider)
{
    const ftc_gpu_index *index = ftc_price_list_gpu_index(list);
    g_autofree char *key = NULL;

    if (index == NULL || gpu == NULL || provider == NULL)
        return NULL;
    key = ftc_price_file_key(gpu, provider);
    return g_hash_table_lookup(index->prices, key);
}

/* --- the functions ------------------------------------------------------------ */

#define ARG_GPU                                                                  \
    {.name = L("Gpu", "GPU", "GPU"),                                             \
     .description = L("GPU name as in the catalogue: \"H100\", \"A100-80GB\", "  \
                      "\"L4\" (see `ftcost gpus`); case does not matter",        \
                      "GPU-Name wie im Katalog: \"H100\", \"A100-80GB\", "       \
                      "\"L4\" (siehe `ftcost gpus`); Groß- und "                 \
                      "Kleinschreibung egal",                                    \
                      "Nom du GPU tel que dans le catalogue : \"H100\", "        \
                      "\"A100-80GB\", \"L4\" (voir `ftcost gpus`) ; la casse "   \
                      "est indifférente"),                                       \
     REQUIRED_TEXT}

#define ARG_PROVIDER                                                             \
    {.name = L("Provider", "Anbieter", "Fournisseur"),                           \
     .description = L("Cloud: \"aws\", \"gcp\", \"azure\", \"lambda\", "         \
                      "\"runpod\", ...",                                         \
                      "Cloud: \"aws\", \"gcp\", \"azure\", \"lambda\", "         \
                      "\"runpod\", ...",                                         \
                      "Cloud : \"aws\", \"gcp\", \"azure\", \"lambda\", "        \
                      "\"runpod\", ..."),                                        \
     REQUIRED_TEXT}

static ftc_status need_name(const char *fn, const char *what, int arg, const char *name,
                            ftc_error *err)
{
    if (name == NULL || *name == '\0')
        return ftc_fail(err, FTC_ERR_INVALID, arg, "%s: %s must not be empty", fn, what);
    return FTC_OK;
}

/* The GPU's price entry at the provider, or #N/A saying which is unknown. */
static ftc_status find_price(const ftc_price_list *list, const char *fn, const ftc_value *a,
                             const ftc_gpu_price **out, ftc_error *err)
{
    ftc_status st = need_name(fn, "Gpu", 0, a[0].text, err);

    if (st == FTC_OK)
        st = need_name(fn, "Provider", 1, a[1].text, err);
    if (st != FTC_OK)
        return st;
    *out = ftc_price_list_find_gpu_price(list, a[0].text, a[1].text);
    if (*out == NULL)
        return ftc_fail(err, FTC_ERR_NO_ANSWER, 1,
                        "%s: no price for the GPU \"%.40s\" at \"%.40s\" (see `ftcost gpus`)",
                        fn, a[0].text, a[1].text);
    return FTC_OK;
}

/* --- GPU_PRICE ---------------------------------------------------------------- */

enum { PRICE_GPU, PRICE_PROVIDER, PRICE_KIND, PRICE_N };

static const ftc_arg_info gpu_price_args[] = {
    [PRICE_GPU] = ARG_GPU,
    [PRICE_PROVIDER] = ARG_PROVIDER,
    [PRICE_KIND] = {.name = L("Kind", "Art", "Type"),
                    .description = L("Which price: on demand, spot, or reserved for one "
                                     "or three years",
                                     "Welcher Preis: auf Abruf, Spot, oder für ein oder "
                                     "drei Jahre reserviert",
                                     "Quel prix : à la demande, spot, ou réservé pour un "
                                     "ou trois ans"),
                    OPTIONAL_CHOICE(ftc_gpu_price_kind_names, "on_demand")},
};
FTC_ARGS_MATCH(gpu_price_args, PRICE_N);

/* The shipped catalogue (functions/prices.json); change these with it. */
static const ftc_example gpu_price_examples[] = {
    NUMBER_EXAMPLE("\"H100\"; \"aws\"", 6.88),
    NUMBER_EXAMPLE("\"h100\"; \"AWS\"; \"spot\"", 2.203613),
    NUMBER_EXAMPLE("\"A100-80GB\"; \"lambda\"", 2.79),
    ERROR_EXAMPLE("\"H100\"; \"lambda\"; \"spot\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"H100\"; \"no-such-cloud\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"no-such-gpu\"; \"aws\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"H100\"; \"aws\"; \"hourly\"", FTC_ERR_INVALID),
};

static ftc_status eval_gpu_price(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    int kind = (int)a[PRICE_KIND].number;
    ftc_price_list *list = ftc_prices_get();
    const ftc_gpu_price *p;
    ftc_status st = find_price(list, "GPU_PRICE", a, &p, err);

    if (st == FTC_OK && isnan(p->price[kind]))
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, PRICE_KIND, "GPU_PRICE: %s at %s has no %s price",
                      p->gpu, p->provider, ftc_gpu_price_kind_names[kind]);
    if (st == FTC_OK)
        ftc_number(out, p->price[kind]);
    ftc_price_list_unref(list);
    return st;
}

const ftc_function ftc_fn_gpu_price = {
    .name = "GPU_PRICE",
    .description = L("Price of one GPU-hour at a cloud provider, from the dated GPU "
                     "catalogue shipped with ftcost or your own price file.",
                     "Preis einer GPU-Stunde bei einem Cloud-Anbieter, aus dem "
                     "datierten GPU-Katalog von ftcost oder Ihrer eigenen Preisdatei.",
                     "Prix d'une heure de GPU chez un fournisseur de cloud, tiré du "
                     "catalogue de GPU daté fourni avec ftcost ou de votre propre "
                     "fichier de prix."),
    .result = FTC_TYPE_NUMBER, ARGS(gpu_price_args),
    .notes = L("USD list prices: an instance's price divided by its GPUs, as of "
               "GPU_PRICE_DATE. #N/A for an unknown GPU or provider, or a kind of "
               "price that provider has none of. Your own prices go in a \"gpus\" "
               "list of ~/.config/ftcost/prices.json or of FTCOST_PRICES.",
               "Listenpreise in USD: Preis einer Instanz geteilt durch ihre GPUs, "
               "zum Stand von GPU_PRICE_DATE. #N/A bei unbekannter GPU oder "
               "unbekanntem Anbieter oder einer Preisart, die der Anbieter nicht "
               "hat. Eigene Preise in einer \"gpus\"-Liste von "
               "~/.config/ftcost/prices.json oder FTCOST_PRICES.",
               "Prix catalogue en USD : prix d'une instance divisé par ses GPU, à la "
               "date de GPU_PRICE_DATE. #N/A pour un GPU ou un fournisseur inconnu, "
               "ou un type de prix que ce fournisseur n'a pas. Vos propres prix vont "
               "dans une liste \"gpus\" de ~/.config/ftcost/prices.json ou de "
               "FTCOST_PRICES."),
    EXAMPLES(gpu_price_examples), .eval = eval_gpu_price,
    .dated_by = "GPU_PRICE_DATE",
};

/* --- GPU_PRICE_DATE ----------------------------------------------------------- */

static const ftc_arg_info gpu_price_date_args[] = {ARG_GPU, ARG_PROVIDER};

static const ftc_example gpu_price_date_examples[] = {
    NUMBER_EXAMPLE("\"H100\"; \"aws\"", 46355), /* 2026-11-29 */
    ERROR_EXAMPLE("\"H100\"; \"no-such-cloud\"", FTC_ERR_NO_ANSWER),
};

static ftc_status eval_gpu_price_date(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    ftc_price_list *list = ftc_prices_get();
    const ftc_gpu_price *p;
    ftc_status st = find_price(list, "GPU_PRICE_DATE", a, &p, err);

    if (st == FTC_OK)
        ftc_number(out, p->checked);
    ftc_price_list_unref(list);
    return st;
}

const ftc_function ftc_fn_gpu_price_date = {
    .name = "GPU_PRICE_DATE",
    .description = L("Date on which a GPU's price at a provider was checked, as a "
                     "date serial: format the cell as a date.",
                     "Datum, an dem der Preis einer GPU bei einem Anbieter geprüft "
                     "wurde, als Datumszahl: Zelle als Datum formatieren.",
                     "Date à laquelle le prix d'un GPU chez un fournisseur a été "
                     "vérifié, en numéro de série de date : formatez la cellule en "
                     "date."),
    .result = FTC_TYPE_NUMBER, ARGS(gpu_price_date_args),
    .notes = L("#N/A for an unknown GPU or provider.",
               "#N/A bei unbekannter GPU oder unbekanntem Anbieter.",
               "#N/A pour un GPU ou un fournisseur inconnu."),
    EXAMPLES(gpu_price_date_examples), .eval = eval_gpu_price_date,
    .dated_by = "GPU_PRICE_DATE",
};

/* --- GPU_SPEC ----------------------------------------------------------------- */

enum { SPEC_GPU, SPEC_FIELD, SPEC_N };

static const ftc_arg_info gpu_spec_args[] = {
    [SPEC_GPU] = ARG_GPU,
    [SPEC_FIELD] = {.name = L("Field", "Feld", "Champ"),
                    .description = L("Which figure of the datasheet: memory in GB, "
                                     "dense BF16 peak in TFLOPS, board power in watts",
                                     "Welche Angabe des Datenblatts: Speicher in GB, "
                                     "dichte BF16-Spitze in TFLOPS, Boardleistung in "
                                     "Watt",
                                     "Quelle valeur de la fiche technique : mémoire en "
                                     "Go, crête BF16 dense en TFLOPS, puissance de la "
                                     "carte en watts"),
                    REQUIRED_CHOICE(ftc_gpu_field_names)},
};
FTC_ARGS_MATCH(gpu_spec_args, SPEC_N);

static const ftc_example gpu_spec_examples[] = {
    NUMBER_EXAMPLE("\"H100\"; \"memory_gb\"", 80),
    NUMBER_EXAMPLE("\"H100\"; \"BF16_TFLOPS\"", 989.5),
    NUMBER_EXAMPLE("\"L4\"; \"watts\"", 72),
    ERROR_EXAMPLE("\"T4\"; \"bf16_tflops\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"no-such-gpu\"; \"watts\"", FTC_ERR_NO_ANSWER),
    ERROR_EXAMPLE("\"H100\"; \"colour\"", FTC_ERR_INVALID),
};

static ftc_status eval_gpu_spec(const ftc_value *a, ftc_result *out, ftc_error *err)
{
    int field = (int)a[SPEC_FIELD].number;
    ftc_price_list *list = ftc_prices_get();
    const ftc_gpu_spec *s = NULL;
    ftc_status st = need_name("GPU_SPEC", "Gpu", SPEC_GPU, a[SPEC_GPU].text, err);

    if (st == FTC_OK && (s = ftc_price_list_find_gpu(list, a[SPEC_GPU].text)) == NULL)
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, SPEC_GPU,
                      "GPU_SPEC: no datasheet for the GPU \"%.40s\" (see `ftcost gpus`)",
                      a[SPEC_GPU].text);
    if (st == FTC_OK && isnan(s->spec[field]))
        st = ftc_fail(err, FTC_ERR_NO_ANSWER, SPEC_FIELD, "GPU_SPEC: %s has no %s", s->gpu,
                      ftc_gpu_field_names[field]);
    if (st == FTC_OK)
        ftc_number(out, s->spec[field]);
    ftc_price_list_unref(list);
    return st;
}

const ftc_function ftc_fn_gpu_spec = {
    .name = "GPU_SPEC",
    .description = L("A figure from a GPU's datasheet: \"memory_gb\", "
                     "\"bf16_tflops\" (dense peak) or \"watts\" (board power).",
                     "Eine Angabe aus dem Datenblatt einer GPU: \"memory_gb\", "
                     "\"bf16_tflops\" (dichte Spitze) oder \"watts\" "
                     "(Boardleistung).",
                     "Une valeur de la fiche technique d'un GPU : \"memory_gb\", "
                     "\"bf16_tflops\" (crête dense) ou \"watts\" (puissance de la "
                     "carte)."),
    .result = FTC_TYPE_NUMBER, ARGS(gpu_spec_args),
    .notes = L("#N/A for an unknown GPU or a figure its datasheet does not give "
               "(T4: no BF16). Feeds FT_GPU_HOURS, FT_GPUS_NEEDED and FT_ENERGY_KWH.",
               "#N/A bei unbekannter GPU oder einer Angabe, die ihr Datenblatt nicht "
               "nennt (T4: kein BF16). Speist FT_GPU_HOURS, FT_GPUS_NEEDED und "
               "FT_ENERGY_KWH.",
               "#N/A pour un GPU inconnu ou une valeur que sa fiche technique ne "
               "donne pas (T4 : pas de BF16). Alimente FT_GPU_HOURS, FT_GPUS_NEEDED "
               "et FT_ENERGY_KWH."),
    EXAMPLES(gpu_spec_examples), .eval = eval_gpu_spec,
};
