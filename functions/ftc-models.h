/* ftc-models.h: the model prices, on the price-file layer.  A model layer
 * is one file's entries (ftc-model-layer.c), filled by one reader per
 * format (ftc-read-ftcost.c, ftc-read-litellm.c, ftc-read-genai.c); the
 * model index (ftc-models.c) is what the layers say together.  Knows
 * nothing of GPUs.  Internal. */
#ifndef FTC_MODELS_H
#define FTC_MODELS_H

#include "ftc-price-file.h"
#include "ftcost-private.h"

#define FTC_MODEL_MAX_PRICE 1e6 /* per million tokens: a dollar a token */

typedef struct {
    ftc_price_entry pub;
    int bare_rank;              /* 0: owns its bare model name; 1: only as provider/model */
    const char *const *aliases; /* other names of the model (genai-prices' "equals") */
    size_t n_aliases;
} ftc_model_entry;

/* One file's model entries; strings and arrays live as long as it. */
typedef struct {
    gatomicrefcount ref;
    GPtrArray *entries; /* ftc_model_entry *, owned */
    GPtrArray *blocks;  /* arrays the entries point into, owned */
    GStringChunk *strings;
} ftc_model_layer;

ftc_model_layer *ftc_model_layer_new(void);
ftc_model_layer *ftc_model_layer_ref(ftc_model_layer *layer);
void ftc_model_layer_unref(ftc_model_layer *layer);
/* A new entry (no price yet, since unknown), added to the layer. */
ftc_model_entry *ftc_model_layer_add(ftc_model_layer *layer, const char *provider,
                                     const char *model, const char *origin);
const char *ftc_model_layer_string(ftc_model_layer *layer, const char *s);
/* n tiers / periods owned by the layer, every price NAN. */
ftc_price_tier *ftc_model_layer_tiers(ftc_model_layer *layer, size_t n);
ftc_price_period *ftc_model_layer_periods(ftc_model_layer *layer, size_t n);
/* What every reader's entry promises, checked once it is filled: tiers
 * ascending, each priced where its period has a base price; scheduled
 * periods sorted, after the current prices' first day. */
bool ftc_model_entry_check(ftc_model_entry *e, GError **error);
/* n zeroed bytes owned by the layer. */
void *ftc_model_layer_alloc(ftc_model_layer *layer, size_t size);

bool ftc_model_price_ok(double x);
/* A price per token as per million, to 12 significant digits. */
double ftc_model_per_million(double per_token);

/* The readers, one per format: entries into `layer`, or false with *error
 * naming the model and the field. */
bool ftc_read_ftcost_models(JsonObject *root, ftc_model_layer *layer, const char *origin,
                            GError **error);
bool ftc_read_litellm(JsonObject *root, ftc_model_layer *layer, const char *origin,
                      int file_date, GError **error);
bool ftc_read_genai(JsonArray *root, ftc_model_layer *layer, const char *origin, int file_date,
                    GError **error);

/* One file's models in whichever format it is (ftcost's: its "models"
 * member, which must be there unless `models_optional`). */
ftc_model_layer *ftc_models_read(JsonNode *root, const char *origin, int file_date,
                                 bool models_optional, GError **error);

/* The entries in force over the layers (later ones win, entry by entry).
 * The lowest n_fallback layers (a vendored dataset below the reviewed
 * file) only answer a name no other layer answers: by provider/model or by
 * the bare model name, an entry of a higher layer is found first. */
typedef struct ftc_model_index ftc_model_index;
ftc_model_index *ftc_model_index_new(ftc_model_layer *const *layers, size_t n_layers,
                                     size_t n_fallback);
void ftc_model_index_free(ftc_model_index *index);
size_t ftc_model_index_count(const ftc_model_index *index);
const ftc_price_entry *ftc_model_index_at(const ftc_model_index *index, size_t i);
const ftc_price_entry *ftc_model_index_find(const ftc_model_index *index, const char *model);

#endif
