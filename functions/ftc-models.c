/* ftc-models.c: the model prices in force: one file's models read by the
 * reader of its format, and the index over the layers (a later layer's
 * entry for a provider and model replaces an earlier one's). */
#include "ftc-models.h"

#include <string.h>

ftc_model_layer *ftc_models_read(JsonNode *root, const char *origin, int file_date,
                                 bool models_optional, GError **error)
{
    ftc_model_layer *layer = ftc_model_layer_new();
    bool ok = true;

    switch (ftc_price_file_format(root)) {
    case FTC_PRICE_FORMAT_FTCOST:
        if (!models_optional || json_object_has_member(json_node_get_object(root), "models"))
            ok = ftc_read_ftcost_models(json_node_get_object(root), layer, origin, error);
        break;
    case FTC_PRICE_FORMAT_LITELLM:
        ok = ftc_read_litellm(json_node_get_object(root), layer, origin, file_date, error);
        break;
    case FTC_PRICE_FORMAT_GENAI_PRICES:
        ok = ftc_read_genai(json_node_get_array(root), layer, origin, file_date, error);
        break;
    }
    if (!ok) {
        ftc_model_layer_unref(layer);
        return NULL;
    }
    return layer;
}

/* --- the index over the layers -------------------------------------------- */

struct ftc_model_index {
    GPtrArray *sorted;    /* const ftc_model_entry *, effective entries */
    GHashTable *by_key;   /* "provider/model" lower case -> entry */
    GHashTable *by_model; /* "model" lower case -> entry */
    GHashTable *fallback; /* entries in force from a fallback layer */
    GPtrArray *retired;   /* ftc_model_entry copies the index owns (see retire_as) */
};

static int compare_entries(gconstpointer a, gconstpointer b)
{
    const ftc_model_entry *x = *(const ftc_model_entry *const *)a;
    const ftc_model_entry *y = *(const ftc_model_entry *const *)b;
    int c = g_ascii_strcasecmp(x->pub.provider, y->pub.provider);

    return c != 0 ? c : g_ascii_strcasecmp(x->pub.model, y->pub.model);
}

/* The bare-name rank of an entry in force (a fallback layer's after all). */
static int rank_of(const ftc_model_index *index, const ftc_model_entry *e)
{
    return e->bare_rank + (g_hash_table_contains(index->fallback, e) ? 2 : 0);
}

static char *entry_key(const ftc_model_entry *e)
{
    return ftc_price_file_key(e->pub.provider, e->pub.model);
}

/* name -> e in by_model, unless a name of any entry or an earlier alias
 * has it. */
static void add_name(ftc_model_index *index, char *name, ftc_model_entry *e)
{
    if (g_hash_table_contains(index->by_key, name) ||
        g_hash_table_contains(index->by_model, name))
        g_free(name);
    else
        g_hash_table_insert(index->by_model, name, e);
}

/* The other names of the entries in force ("claude-opus-4", also as
 * "anthropic/claude-opus-4"), after every entry's own names: an alias
 * never takes a name an entry has; a later layer's alias first. */
static void add_aliases(ftc_model_index *index, ftc_model_layer *const *layers, size_t n_layers)
{
    for (size_t l = n_layers; l-- > 0;)
        for (guint i = 0; layers[l] != NULL && i < layers[l]->entries->len; i++) {
            ftc_model_entry *e = g_ptr_array_index(layers[l]->entries, i);
            g_autofree char *key = NULL;

            if (e->n_aliases == 0)
                continue;
            key = entry_key(e);
            if (g_hash_table_lookup(index->by_key, key) != e)
                continue; /* overridden */
            for (size_t a = 0; a < e->n_aliases; a++) {
                add_name(index, g_ascii_strdown(e->aliases[a], -1), e);
                add_name(index, ftc_price_file_key(e->pub.provider, e->aliases[a]), e);
            }
        }
}

/* Every value of `table` that `copies` maps to a copy becomes that copy. */
static void replace_values(GHashTable *table, GHashTable *copies)
{
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, table);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        if (g_hash_table_contains(copies, value))
            g_hash_table_iter_replace(&iter, g_hash_table_lookup(copies, value));
}

/* Two names of one provider: the reviewed file's (LiteLLM's) and the
 * vendored genai-prices dataset's.  Google's "google" also serves other
 * vendors' models (Claude on Vertex AI), which keep their own days. */
static bool same_provider(const char *a, const char *b)
{
    static const char *const names[][2] = {
        {"gemini", "google"}, {"xai", "x-ai"}, {"together_ai", "together"}};

    if (g_ascii_strcasecmp(a, b) == 0)
        return true;
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        if ((g_ascii_strcasecmp(a, names[i][0]) == 0 &&
             g_ascii_strcasecmp(b, names[i][1]) == 0) ||
            (g_ascii_strcasecmp(a, names[i][1]) == 0 &&
             g_ascii_strcasecmp(b, names[i][0]) == 0))
            return true;
    return false;
}

/* The entry of another layer for the model a fallback entry names, by its
 * model name or an alias, at the same provider under another name
 * ("google/gemini-2.5-flash" is the reviewed "gemini/gemini-2.5-flash"),
 * or NULL. */
static const ftc_model_entry *same_model(const ftc_model_index *index, const ftc_model_entry *e)
{
    for (size_t a = 0; a <= e->n_aliases; a++) {
        g_autofree char *name = g_ascii_strdown(a == 0 ? e->pub.model : e->aliases[a - 1], -1);
        const ftc_model_entry *r = g_hash_table_lookup(index->by_model, name);

        if (r != NULL && !g_hash_table_contains(index->fallback, r) &&
            same_provider(e->pub.provider, r->pub.provider))
            return r;
    }
    return NULL;
}

/* A fallback entry of a model that a higher layer has under another
 * provider's name is the same model, served or not: it retires when that
 * entry says, for the same successor.  The layers are shared between
 * snapshots, so the index answers with a copy it owns. */
static void retire_as(ftc_model_index *index)
{
    g_autoptr(GHashTable) copies = g_hash_table_new(g_direct_hash, g_direct_equal);
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, index->fallback);
    while (g_hash_table_iter_next(&iter, &value, NULL)) {
        const ftc_model_entry *e = value, *r = same_model(index, e);
        ftc_model_entry *copy;

        if (r == NULL || r->pub.retires < 0 ||
            (e->pub.retires == r->pub.retires &&
             strcmp(e->pub.successor, r->pub.successor) == 0))
            continue;
        copy = g_memdup2(e, sizeof *e);
        copy->pub.retires = r->pub.retires;
        copy->pub.successor = r->pub.successor;
        g_ptr_array_add(index->retired, copy);
        g_hash_table_insert(copies, value, copy);
    }
    if (g_hash_table_size(copies) == 0)
        return;
    replace_values(index->by_key, copies);
    replace_values(index->by_model, copies);
    for (guint i = 0; i < index->retired->len; i++)
        g_hash_table_add(index->fallback, g_ptr_array_index(index->retired, i));
}

ftc_model_index *ftc_model_index_new(ftc_model_layer *const *layers, size_t n_layers,
                                     size_t n_fallback)
{
    ftc_model_index *index = g_new0(ftc_model_index, 1);
    g_autoptr(GHashTable) model_layer = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer value;

    index->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    index->by_model = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    index->fallback = g_hash_table_new(g_direct_hash, g_direct_equal);
    index->retired = g_ptr_array_new_with_free_func(g_free);
    for (size_t l = 0; l < n_layers; l++)
        for (guint i = 0; layers[l] != NULL && i < layers[l]->entries->len; i++) {
            ftc_model_entry *e = g_ptr_array_index(layers[l]->entries, i);

            g_hash_table_replace(index->by_key, entry_key(e), e);
        }
    /* A bare model name goes to an entry in force that owns it (rank 0)
     * before one that names it only after its provider; then to the latest
     * layer; within a file, to the first entry.  A fallback layer's entry
     * ranks after every other layer's (rank + 2). */
    for (size_t l = 0; l < n_layers; l++) {
        for (guint i = 0; layers[l] != NULL && i < layers[l]->entries->len; i++) {
            ftc_model_entry *e = g_ptr_array_index(layers[l]->entries, i);
            g_autofree char *key = entry_key(e);
            char *model;
            gpointer old_model, old_layer;
            ftc_model_entry *old;

            int rank = e->bare_rank + (l < n_fallback ? 2 : 0);

            if (g_hash_table_lookup(index->by_key, key) != e)
                continue; /* overridden */
            if (l < n_fallback)
                g_hash_table_add(index->fallback, e);
            model = g_ascii_strdown(e->pub.model, -1);
            old = g_hash_table_lookup(index->by_model, model);
            if (old != NULL &&
                g_hash_table_lookup_extended(model_layer, model, &old_model, &old_layer) &&
                (rank > rank_of(index, old) ||
                 (rank == rank_of(index, old) && GPOINTER_TO_SIZE(old_layer) == l))) {
                g_free(model);
                continue;
            }
            /* model_layer first: its old key is by_model's, freed next */
            g_hash_table_replace(model_layer, model, GSIZE_TO_POINTER(l));
            g_hash_table_replace(index->by_model, model, e);
        }
    }
    add_aliases(index, layers, n_layers);
    retire_as(index);
    index->sorted = g_ptr_array_sized_new(g_hash_table_size(index->by_key));
    g_hash_table_iter_init(&iter, index->by_key);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(index->sorted, value);
    g_ptr_array_sort(index->sorted, compare_entries);
    return index;
}

void ftc_model_index_free(ftc_model_index *index)
{
    if (index == NULL)
        return;
    g_ptr_array_unref(index->sorted);
    g_hash_table_unref(index->by_key);
    g_hash_table_unref(index->by_model);
    g_hash_table_unref(index->fallback);
    g_ptr_array_unref(index->retired);
    g_free(index);
}

size_t ftc_model_index_count(const ftc_model_index *index)
{
    return index != NULL ? index->sorted->len : 0;
}

const ftc_price_entry *ftc_model_index_at(const ftc_model_index *index, size_t i)
{
    if (index == NULL || i >= index->sorted->len)
        return NULL;
    return &((const ftc_model_entry *)g_ptr_array_index(index->sorted, i))->pub;
}

const ftc_price_entry *ftc_model_index_find(const ftc_model_index *index, const char *model)
{
    g_autofree char *lower = NULL;
    const ftc_model_entry *e, *bare;

    if (index == NULL || model == NULL || *model == '\0')
        return NULL;
    lower = g_ascii_strdown(model, -1);
    e = g_hash_table_lookup(index->by_key, lower);
    bare = g_hash_table_lookup(index->by_model, lower);
    /* "openai/gpt-oss-120b": a fallback layer's provider openai, model
     * gpt-oss-120b, yields to a reviewed entry whose model is that name */
    if (e == NULL || (bare != NULL && g_hash_table_contains(index->fallback, e) &&
                      !g_hash_table_contains(index->fallback, bare)))
        e = bare;
    return e != NULL ? &e->pub : NULL;
}
