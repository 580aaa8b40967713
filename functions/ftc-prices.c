/* ftc-prices.c: the price catalogue behind API_PRICE and API_PRICE_DATE.
 *
 * Three layers, later ones overriding earlier ones entry by entry (an entry
 * is a provider and a model):
 *   1. the catalogue shipped inside the library (functions/prices.json,
 *      compiled in as a GResource),
 *   2. $XDG_CONFIG_HOME/ftcost/prices.json (~/.config/ftcost/prices.json),
 *   3. the file named in $FTCOST_PRICES.
 * An override file is in ftcost's format (see prices.json) or LiteLLM's
 * model_prices_and_context_window.json.  A file that cannot be used
 * (unreadable, not a regular file, over 64 MiB, not UTF-8, too deeply
 * nested, not JSON, a wrong type or an impossible price anywhere) is
 * ignored as a whole, with one line on stderr each time it changes; the
 * other layers still answer.
 *
 * The catalogue in force is an immutable, reference-counted snapshot.
 * ftc_prices_get() stats the override files (two stat calls), re-reads
 * only a file that changed, and swaps in a new snapshot under a mutex;
 * readers keep the snapshot they got for as long as they hold it. */
#include "ftc-price-files.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ftc-prices-resources.h"

#define SHIPPED_RESOURCE "/org/ftcost/prices.json"
#define MAX_FILE_SIZE (64u << 20)
#define MAX_NESTING 32
#define MAX_NAME 256
#define MAX_PRICE 1e6 /* per million tokens: a dollar a token */

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

/* LiteLLM's per-token fields, by kind (NULL: LiteLLM has none). */
static const char *const litellm_fields[FTC_PRICE_KIND_COUNT] = {
    [FTC_PRICE_INPUT] = "input_cost_per_token",
    [FTC_PRICE_OUTPUT] = "output_cost_per_token",
    [FTC_PRICE_CACHED_INPUT] = "cache_read_input_token_cost",
    [FTC_PRICE_BATCH_INPUT] = "input_cost_per_token_batches",
    [FTC_PRICE_BATCH_OUTPUT] = "output_cost_per_token_batches",
    [FTC_PRICE_CACHE_WRITE] = "cache_creation_input_token_cost",
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

/* --- layers: the entries of one file ------------------------------------- */

typedef struct {
    ftc_price_entry pub;
    int bare_rank; /* 0: owns its bare model name; 1: only as provider/model */
    size_t order;  /* position in its file */
} entry;

static void layer_unref(ftc_price_layer *layer)
{
    if (layer != NULL && g_atomic_ref_count_dec(&layer->ref)) {
        g_ptr_array_unref(layer->entries);
        g_ptr_array_unref(layer->gpu_specs);
        g_ptr_array_unref(layer->gpu_prices);
        g_ptr_array_unref(layer->histories);
        g_string_chunk_free(layer->strings);
        g_free(layer);
    }
}

void ftc_price_layer_free(ftc_price_layer *layer)
{
    layer_unref(layer);
}

size_t ftc_price_layer_count(const ftc_price_layer *layer)
{
    return layer != NULL ? layer->entries->len + layer->gpu_specs->len + layer->gpu_prices->len
                         : 0;
}

static ftc_price_layer *layer_new(void)
{
    ftc_price_layer *layer = g_new0(ftc_price_layer, 1);

    g_atomic_ref_count_init(&layer->ref);
    layer->entries = g_ptr_array_new_with_free_func(g_free);
    layer->gpu_specs = g_ptr_array_new_with_free_func(g_free);
    layer->gpu_prices = g_ptr_array_new_with_free_func(g_free);
    layer->histories = g_ptr_array_new_with_free_func(g_free);
    layer->strings = g_string_chunk_new(4096);
    return layer;
}

void ftc_price_file_error(char **error, const char *fmt, ...)
{
    va_list ap;

    if (error == NULL || *error != NULL)
        return;
    va_start(ap, fmt);
    *error = g_strdup_vprintf(fmt, ap);
    va_end(ap);
}

/* json-glib parses recursively: refuse deep nesting before it sees it. */
static bool nesting_ok(const char *data, size_t len)
{
    int depth = 0;
    bool in_string = false;

    for (size_t i = 0; i < len; i++) {
        char c = data[i];

        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > MAX_NESTING)
                return false;
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return true;
}

/* A name fit for a cell and a tab-separated listing. */
bool ftc_price_file_name_ok(const char *s)
{
    size_t n = s != NULL ? strlen(s) : 0;

    if (n == 0 || n > MAX_NAME)
        return false;
    for (; *s != '\0'; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return false;
    return true;
}

bool ftc_price_file_number(JsonNode *node, double *out)
{
    GType type;

    if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
        return false;
    type = json_node_get_value_type(node);
    if (type == G_TYPE_INT64)
        *out = (double)json_node_get_int(node);
    else if (type == G_TYPE_DOUBLE)
        *out = json_node_get_double(node);
    else
        return false;
    return true;
}

const char *ftc_price_file_string(JsonObject *obj, const char *name)
{
    JsonNode *node = json_object_get_member(obj, name);

    if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
        json_node_get_value_type(node) != G_TYPE_STRING)
        return NULL;
    return json_node_get_string(node);
}

static bool price_ok(double x)
{
    return isfinite(x) && x >= 0 && x <= MAX_PRICE;
}

/* 2.5e-06 * 1e6 = 2.4999999999999996: round to 12 significant digits. */
static double per_million(double per_token)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    return g_ascii_strtod(g_ascii_formatd(buf, sizeof buf, "%.12g", per_token * 1e6), NULL) +
           0.0;
}

static entry *entry_new(ftc_price_layer *layer, const char *provider, const char *model,
                        const char *origin)
{
    entry *e = g_new0(entry, 1);

    for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
        e->pub.price[k] = NAN;
    e->pub.provider = g_string_chunk_insert_const(layer->strings, provider);
    e->pub.model = g_string_chunk_insert_const(layer->strings, model);
    e->pub.origin = g_string_chunk_insert_const(layer->strings, origin);
    e->pub.source = "";
    e->pub.since = -1;
    e->order = layer->entries->len;
    return e;
}

/* Keys of a price object that are not prices: the entry's and a period's. */
static const char *const entry_keys[] = {"provider", "model", "checked", "note", "source",
                                         "since", "history", NULL};
static const char *const period_keys[] = {"from", "note", "source", NULL};

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
                         const char *provider, const char *model, char **error)
{
    g_autoptr(GList) members = json_object_get_members(obj);
    JsonNode *source = json_object_get_member(obj, "source");
    bool any_price = false;

    if (source != NULL && ftc_price_file_string(obj, "source") == NULL) {
        ftc_price_file_error(error, "%s/%s: \"source\" must be text", provider, model);
        return false;
    }
    for (GList *m = members; m != NULL; m = m->next) {
        const char *key = m->data;
        ftc_price_kind kind;
        double x;

        if (is_one_of(key, other_keys))
            continue;
        if (!ftc_price_kind_parse(key, &kind) || strcmp(key, kind_names[kind]) != 0) {
            ftc_price_file_error(error, "%s/%s: unknown field \"%s\"", provider, model, key);
            return false;
        }
        if (!ftc_price_file_number(json_object_get_member(obj, key), &x) || !price_ok(x)) {
            ftc_price_file_error(error, "%s/%s: \"%s\" must be a price from 0 to %g per "
                                        "million tokens", provider, model, key, MAX_PRICE);
            return false;
        }
        price[kind] = x + 0.0;
        any_price = true;
    }
    if (!any_price)
        ftc_price_file_error(error, "%s/%s: no price", provider, model);
    return any_price;
}

static int compare_periods(const void *a, const void *b)
{
    return ((const ftc_price_period *)a)->from - ((const ftc_price_period *)b)->from;
}

/* "since" (the day the entry's prices took effect) and "history" (earlier
 * prices, each with the day it took effect, all before "since"). */
static bool parse_history(JsonObject *obj, ftc_price_layer *layer, entry *e, char **error)
{
    const char *provider = e->pub.provider, *model = e->pub.model;
    JsonNode *since = json_object_get_member(obj, "since");
    JsonNode *history = json_object_get_member(obj, "history");
    ftc_price_period *periods;
    JsonArray *array;
    guint n;

    e->pub.since = -1;
    if (since != NULL &&
        (e->pub.since = ftc_date_parse(ftc_price_file_string(obj, "since"))) < 0) {
        ftc_price_file_error(error, "%s/%s: \"since\" must be a date YYYY-MM-DD", provider,
                             model);
        return false;
    }
    if (e->pub.since > e->pub.checked) {
        ftc_price_file_error(error, "%s/%s: \"since\" is after \"checked\": a price cannot "
                             "be seen before it takes effect", provider, model);
        return false;
    }
    if (history == NULL)
        return true;
    if (!JSON_NODE_HOLDS_ARRAY(history) || e->pub.since < 0) {
        ftc_price_file_error(error, "%s/%s: \"history\" must be an array, with \"since\" "
                                    "saying when today's prices took effect", provider, model);
        return false;
    }
    array = json_node_get_array(history);
    n = json_array_get_length(array);
    if (n > 1000) {
        ftc_price_file_error(error, "%s/%s: more than 1000 periods in \"history\"", provider,
                             model);
        return false;
    }
    periods = g_new(ftc_price_period, n > 0 ? n : 1);
    g_ptr_array_add(layer->histories, periods);
    for (guint i = 0; i < n; i++) {
        JsonNode *node = json_array_get_element(array, i);
        JsonObject *period;

        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
            periods[i].price[k] = NAN;
        if (!JSON_NODE_HOLDS_OBJECT(node)) {
            ftc_price_file_error(error, "%s/%s: history[%u] is not an object", provider, model,
                                 i);
            return false;
        }
        period = json_node_get_object(node);
        periods[i].from = ftc_date_parse(ftc_price_file_string(period, "from"));
        if (periods[i].from < 0 || periods[i].from >= e->pub.since) {
            ftc_price_file_error(error, "%s/%s: history[%u]: \"from\" must be a date "
                                        "YYYY-MM-DD before \"since\"", provider, model, i);
            return false;
        }
        if (!parse_prices(period, period_keys, periods[i].price, provider, model, error))
            return false;
    }
    qsort(periods, n, sizeof *periods, compare_periods);
    for (guint i = 1; i < n; i++)
        if (periods[i].from == periods[i - 1].from) {
            ftc_price_file_error(error, "%s/%s: two history periods from the same day",
                                 provider, model);
            return false;
        }
    e->pub.history = periods;
    e->pub.n_history = n;
    return true;
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

/* ftcost's own format: {"format": "ftcost-prices", "version": 1,
 * "models": [{"provider", "model", prices..., "checked", "source"}]}. */
static bool parse_ftcost(JsonObject *root, ftc_price_layer *layer, const char *origin,
                         char **error)
{
    const char *format = ftc_price_file_string(root, "format");
    JsonNode *version = json_object_get_member(root, "version");
    JsonNode *models = json_object_get_member(root, "models");
    JsonArray *array;
    double v;

    if (format == NULL || strcmp(format, "ftcost-prices") != 0) {
        ftc_price_file_error(error, "\"format\" must be \"ftcost-prices\"");
        return false;
    }
    if (!ftc_price_file_number(version, &v) || v != 1) {
        ftc_price_file_error(error, "\"version\" must be 1");
        return false;
    }
    /* A file may carry models, GPUs or both. */
    if (!ftc_gpus_parse(json_object_get_member(root, "gpus"), layer, origin, error))
        return false;
    if (models == NULL && json_object_has_member(root, "gpus"))
        return true;
    if (models == NULL || !JSON_NODE_HOLDS_ARRAY(models)) {
        ftc_price_file_error(error, "\"models\" must be an array");
        return false;
    }
    array = json_node_get_array(models);
    if (json_array_get_length(array) > FTC_PRICE_FILE_MAX_ENTRIES) {
        ftc_price_file_error(error, "more than %d models", FTC_PRICE_FILE_MAX_ENTRIES);
        return false;
    }
    for (guint i = 0; i < json_array_get_length(array); i++) {
        JsonNode *node = json_array_get_element(array, i);
        JsonObject *obj;
        const char *provider, *model, *checked, *source;
        entry *e;

        if (!JSON_NODE_HOLDS_OBJECT(node)) {
            ftc_price_file_error(error, "models[%u] is not an object", i);
            return false;
        }
        obj = json_node_get_object(node);
        provider = ftc_price_file_string(obj, "provider");
        model = ftc_price_file_string(obj, "model");
        if (!ftc_price_file_name_ok(provider) || !ftc_price_file_name_ok(model)) {
            ftc_price_file_error(error, "models[%u]: \"provider\" and \"model\" must be non-empty text "
                             "without control characters", i);
            return false;
        }
        e = entry_new(layer, provider, model, origin);
        g_ptr_array_add(layer->entries, e);
        checked = ftc_price_file_string(obj, "checked");
        e->pub.checked = ftc_date_parse(checked);
        if (e->pub.checked < 0) {
            ftc_price_file_error(error, "%s/%s: \"checked\" must be a date YYYY-MM-DD", provider, model);
            return false;
        }
        source = ftc_price_file_string(obj, "source");
        if (source != NULL)
            e->pub.source = g_string_chunk_insert_const(layer->strings, source);

        if (!parse_prices(obj, entry_keys, e->pub.price, provider, model, error) ||
            !parse_history(obj, layer, e, error))
            return false;
    }
    return true;
}

/* LiteLLM's model_prices_and_context_window.json: {"gpt-4o": {
 * "input_cost_per_token": 2.5e-06, "litellm_provider": "openai", ...}}.
 * Entries without a token price (images, audio per second) are skipped. */
static bool parse_litellm(JsonObject *root, ftc_price_layer *layer, const char *origin,
                          int file_date, char **error)
{
    g_autoptr(GList) members = json_object_get_members(root);

    if (json_object_get_size(root) > FTC_PRICE_FILE_MAX_ENTRIES) {
        ftc_price_file_error(error, "more than %d models", FTC_PRICE_FILE_MAX_ENTRIES);
        return false;
    }
    for (GList *m = members; m != NULL; m = m->next) {
        const char *key = m->data, *provider, *model;
        JsonNode *node = json_object_get_member(root, key);
        JsonObject *obj;
        double price[FTC_PRICE_KIND_COUNT];
        bool token_priced = false;
        entry *e;
        int rank = 0;

        if (strcmp(key, "sample_spec") == 0)
            continue;
        if (!JSON_NODE_HOLDS_OBJECT(node)) {
            ftc_price_file_error(error, "\"%s\" is not an object: neither ftcost's format (\"format\": "
                             "\"ftcost-prices\") nor LiteLLM's", key);
            return false;
        }
        obj = json_node_get_object(node);
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++) {
            JsonNode *field = litellm_fields[k] ? json_object_get_member(obj, litellm_fields[k])
                                                : NULL;
            double x;

            price[k] = NAN;
            if (field == NULL || JSON_NODE_HOLDS_NULL(field))
                continue;
            if (!ftc_price_file_number(field, &x) || !isfinite(x) || x < 0 ||
                !price_ok(per_million(x))) {
                ftc_price_file_error(error, "%s: \"%s\" must be a price from 0 to 1 per token", key,
                          litellm_fields[k]);
                return false;
            }
            price[k] = per_million(x);
            token_priced = token_priced || k == FTC_PRICE_INPUT || k == FTC_PRICE_OUTPUT;
        }
        if (!token_priced)
            continue;
        provider = ftc_price_file_string(obj, "litellm_provider");
        if (json_object_has_member(obj, "litellm_provider") && !ftc_price_file_name_ok(provider)) {
            ftc_price_file_error(error, "%s: \"litellm_provider\" must be text", key);
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
            ftc_price_file_error(error, "\"%s\" is not a usable model name", key);
            return false;
        }
        e = entry_new(layer, provider, model, origin);
        memcpy(e->pub.price, price, sizeof price);
        e->pub.checked = file_date;
        e->bare_rank = rank;
        g_ptr_array_add(layer->entries, e);
    }
    return true;
}

ftc_price_layer *ftc_price_layer_parse(const char *data, size_t len, const char *origin,
                                       int file_date, char **error)
{
    g_autoptr(JsonParser) parser = NULL;
    g_autoptr(GError) json_error = NULL;
    ftc_price_layer *layer;
    JsonNode *root;
    JsonObject *obj;
    bool ok;

    if (len > MAX_FILE_SIZE) {
        ftc_price_file_error(error, "larger than %u MiB", MAX_FILE_SIZE >> 20);
        return NULL;
    }
    if (len > G_MAXSSIZE || !g_utf8_validate_len(data, len, NULL)) {
        ftc_price_file_error(error, "not UTF-8 text");
        return NULL;
    }
    if (!nesting_ok(data, len)) {
        ftc_price_file_error(error, "nested more than %d levels deep", MAX_NESTING);
        return NULL;
    }
    parser = json_parser_new_immutable();
    if (!json_parser_load_from_data(parser, data, (gssize)len, &json_error)) {
        ftc_price_file_error(error, "not JSON: %s", json_error->message);
        return NULL;
    }
    root = json_parser_get_root(parser);
    if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
        ftc_price_file_error(error, "not a JSON object");
        return NULL;
    }
    obj = json_node_get_object(root);
    layer = layer_new();
    if (json_object_has_member(obj, "format") || json_object_has_member(obj, "models") ||
        json_object_has_member(obj, "gpus"))
        ok = parse_ftcost(obj, layer, origin, error);
    else
        ok = parse_litellm(obj, layer, origin, file_date, error);
    if (ok && ftc_price_layer_count(layer) == 0) {
        ftc_price_file_error(error, "no prices in it");
        ok = false;
    }
    if (!ok) {
        layer_unref(layer);
        return NULL;
    }
    return layer;
}

/* Reads a regular file of at most MAX_FILE_SIZE bytes without ever blocking
 * (a FIFO is refused, not opened for reading and waited on). */
static char *read_file(const char *path, size_t *len, struct stat *st, char **error)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    char *data;
    size_t got = 0;

    if (fd < 0) {
        ftc_price_file_error(error, "cannot open it: %s", g_strerror(errno));
        return NULL;
    }
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        ftc_price_file_error(error, "not a regular file");
        close(fd);
        return NULL;
    }
    if (st->st_size < 0 || (guint64)st->st_size > MAX_FILE_SIZE) {
        ftc_price_file_error(error, "larger than %u MiB", MAX_FILE_SIZE >> 20);
        close(fd);
        return NULL;
    }
    data = g_malloc((size_t)st->st_size + 1);
    while (got < (size_t)st->st_size) {
        ssize_t n = read(fd, data + got, (size_t)st->st_size - got);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got != (size_t)st->st_size) {
        ftc_price_file_error(error, "it changed or failed while being read");
        g_free(data);
        return NULL;
    }
    data[got] = '\0';
    *len = got;
    return data;
}

/* --- the snapshot in force ----------------------------------------------- */

enum { LAYER_SHIPPED, LAYER_CONFIG, LAYER_ENV, N_LAYERS };

struct ftc_price_list {
    gatomicrefcount ref;
    ftc_price_layer *layers[N_LAYERS]; /* references; NULL when absent */
    GPtrArray *sorted;                 /* const entry *, effective entries */
    GHashTable *by_key;                /* "provider/model" lower case -> entry */
    GHashTable *by_model;              /* "model" lower case -> entry */
    ftc_gpu_index *gpus;
};

static int compare_entries(gconstpointer a, gconstpointer b)
{
    const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
    int c = g_ascii_strcasecmp(x->pub.provider, y->pub.provider);

    return c != 0 ? c : g_ascii_strcasecmp(x->pub.model, y->pub.model);
}

char *ftc_price_file_key(const char *a, const char *b)
{
    g_autofree char *key = g_strdup_printf("%s/%s", a, b);

    return g_ascii_strdown(key, -1);
}

static char *entry_key(const entry *e)
{
    return ftc_price_file_key(e->pub.provider, e->pub.model);
}

static ftc_price_list *list_build(ftc_price_layer *const layers[N_LAYERS])
{
    ftc_price_list *list = g_new0(ftc_price_list, 1);
    g_autoptr(GHashTable) model_layer = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer value;

    g_atomic_ref_count_init(&list->ref);
    list->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    list->by_model = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (int l = 0; l < N_LAYERS; l++) {
        if (layers[l] == NULL)
            continue;
        g_atomic_ref_count_inc(&layers[l]->ref);
        list->layers[l] = layers[l];
        for (guint i = 0; i < layers[l]->entries->len; i++) {
            entry *e = g_ptr_array_index(layers[l]->entries, i);

            g_hash_table_replace(list->by_key, entry_key(e), e);
        }
    }
    /* A bare model name goes to an entry in force that owns it (rank 0)
     * before one that names it only after its provider; then to the latest
     * layer; within a file, to the first entry. */
    for (int l = 0; l < N_LAYERS; l++) {
        for (guint i = 0; list->layers[l] != NULL && i < list->layers[l]->entries->len; i++) {
            entry *e = g_ptr_array_index(list->layers[l]->entries, i);
            g_autofree char *key = entry_key(e);
            char *model;
            gpointer old_model, old_layer;
            entry *old;

            if (g_hash_table_lookup(list->by_key, key) != e)
                continue; /* overridden */
            model = g_ascii_strdown(e->pub.model, -1);
            old = g_hash_table_lookup(list->by_model, model);
            if (old != NULL &&
                g_hash_table_lookup_extended(model_layer, model, &old_model, &old_layer) &&
                (e->bare_rank > old->bare_rank ||
                 (e->bare_rank == old->bare_rank && GPOINTER_TO_INT(old_layer) == l))) {
                g_free(model);
                continue;
            }
            /* model_layer first: its old key is by_model's, freed next */
            g_hash_table_replace(model_layer, model, GINT_TO_POINTER(l));
            g_hash_table_replace(list->by_model, model, e);
        }
    }
    list->sorted = g_ptr_array_sized_new(g_hash_table_size(list->by_key));
    g_hash_table_iter_init(&iter, list->by_key);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(list->sorted, value);
    g_ptr_array_sort(list->sorted, compare_entries);
    list->gpus = ftc_gpu_index_new(list->layers, N_LAYERS);
    return list;
}

ftc_price_list *ftc_price_list_new_from_layer(ftc_price_layer *layer)
{
    ftc_price_layer *layers[N_LAYERS] = {NULL, NULL, layer};

    return list_build(layers);
}

ftc_price_list *ftc_price_list_load(const char *path, char **error)
{
    struct stat st;
    g_autofree char *data = NULL;
    ftc_price_layer *layer;
    ftc_price_list *list;
    size_t len = 0;

    if (stat(path, &st) != 0) {
        ftc_price_file_error(error, "%s", g_strerror(errno));
        return NULL;
    }
    data = read_file(path, &len, &st, error);
    if (data == NULL)
        return NULL;
    layer = ftc_price_layer_parse(data, len, path, ftc_price_date_from_unix(st.st_mtim.tv_sec),
                                  error);
    if (layer == NULL)
        return NULL;
    list = ftc_price_list_new_from_layer(layer);
    layer_unref(layer);
    return list;
}

void ftc_price_list_unref(ftc_price_list *list)
{
    if (list == NULL || !g_atomic_ref_count_dec(&list->ref))
        return;
    g_ptr_array_unref(list->sorted);
    g_hash_table_unref(list->by_key);
    g_hash_table_unref(list->by_model);
    ftc_gpu_index_free(list->gpus);
    for (int l = 0; l < N_LAYERS; l++)
        layer_unref(list->layers[l]);
    g_free(list);
}

const ftc_gpu_index *ftc_price_list_gpu_index(const ftc_price_list *list)
{
    return list != NULL ? list->gpus : NULL;
}

size_t ftc_price_list_count(const ftc_price_list *list)
{
    return list != NULL ? list->sorted->len : 0;
}

const ftc_price_entry *ftc_price_list_at(const ftc_price_list *list, size_t i)
{
    if (list == NULL || i >= list->sorted->len)
        return NULL;
    return &((const entry *)g_ptr_array_index(list->sorted, i))->pub;
}

const ftc_price_entry *ftc_price_list_find(const ftc_price_list *list, const char *model)
{
    g_autofree char *lower = NULL;
    const entry *e;

    if (list == NULL || model == NULL || *model == '\0')
        return NULL;
    lower = g_ascii_strdown(model, -1);
    e = g_hash_table_lookup(list->by_key, lower);
    if (e == NULL)
        e = g_hash_table_lookup(list->by_model, lower);
    return e != NULL ? &e->pub : NULL;
}

/* One override file: where it is, what it was when last read, and what
 * reading it gave. */
typedef struct {
    char *path;
    bool present;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
    ftc_price_layer *layer;
} file_state;

static GMutex lock;
static ftc_price_list *current;
static ftc_price_layer *shipped;
static file_state files[N_LAYERS];

static bool same_stat(const file_state *f, const struct stat *st)
{
    return f->dev == st->st_dev && f->ino == st->st_ino && f->size == st->st_size &&
           f->mtime.tv_sec == st->st_mtim.tv_sec && f->mtime.tv_nsec == st->st_mtim.tv_nsec &&
           f->ctime.tv_sec == st->st_ctim.tv_sec && f->ctime.tv_nsec == st->st_ctim.tv_nsec;
}

static void remember_stat(file_state *f, const struct stat *st)
{
    f->dev = st->st_dev;
    f->ino = st->st_ino;
    f->size = st->st_size;
    f->mtime = st->st_mtim;
    f->ctime = st->st_ctim;
}

static void report(const char *path, const char *problem)
{
    fprintf(stderr, "ftcost: ignoring the price file %s: %s; the other prices still answer\n",
            path, problem);
}

/* Brings files[l] up to date with `path`; true when its layer changed. */
static bool refresh_file(int l, const char *path, bool must_exist)
{
    file_state *f = &files[l];
    struct stat st;
    bool exists = path != NULL && *path != '\0' && stat(path, &st) == 0;
    int stat_errno = errno;
    g_autofree char *data = NULL;
    g_autofree char *error = NULL;
    size_t len = 0;

    if (g_strcmp0(f->path, path) == 0 && f->present == exists &&
        (!exists || same_stat(f, &st)))
        return false;
    g_free(f->path);
    f->path = g_strdup(path);
    f->present = exists;
    layer_unref(f->layer);
    f->layer = NULL;
    if (!exists) {
        memset(&f->mtime, 0, sizeof f->mtime);
        if (must_exist && path != NULL && *path != '\0')
            report(path, g_strerror(stat_errno));
        return true;
    }
    remember_stat(f, &st);
    data = read_file(path, &len, &st, &error);
    if (data != NULL) {
        remember_stat(f, &st); /* what was read, should it differ */
        f->layer = ftc_price_layer_parse(data, len, path,
                                         ftc_price_date_from_unix(st.st_mtim.tv_sec), &error);
    }
    if (f->layer == NULL)
        report(path, error != NULL ? error : "unusable");
    return true;
}

static ftc_price_layer *load_shipped(void)
{
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *error = NULL;
    ftc_price_layer *layer = NULL;
    gsize size = 0;
    const char *data;

    bytes = g_resource_lookup_data(ftc_prices_get_resource(), SHIPPED_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    if (bytes != NULL) {
        data = g_bytes_get_data(bytes, &size);
        layer = ftc_price_layer_parse(data, size, "shipped", -1, &error);
    }
    if (layer == NULL) {
        report("shipped with ftcost", error != NULL ? error : "missing");
        layer = layer_new();
    }
    return layer;
}

ftc_price_list *ftc_prices_get(void)
{
    g_autofree char *config = NULL;
    ftc_price_list *list;
    bool changed = false;

    g_mutex_lock(&lock);
    if (shipped == NULL) {
        shipped = load_shipped();
        changed = true;
    }
    config = g_build_filename(g_get_user_config_dir(), "ftcost", "prices.json", NULL);
    changed = refresh_file(LAYER_CONFIG, config, false) || changed;
    changed = refresh_file(LAYER_ENV, g_getenv("FTCOST_PRICES"), true) || changed;
    if (changed || current == NULL) {
        ftc_price_layer *layers[N_LAYERS] = {shipped, files[LAYER_CONFIG].layer,
                                             files[LAYER_ENV].layer};

        ftc_price_list_unref(current);
        current = list_build(layers);
    }
    list = current;
    g_atomic_ref_count_inc(&list->ref);
    g_mutex_unlock(&lock);
    return list;
}
