/* ftc-price-files.h: what ftc-prices.c (models, layers, reload) and
 * ftc-gpus.c (the "gpus" list) share about reading a price file.
 * Internal. */
#ifndef FTC_PRICE_FILES_H
#define FTC_PRICE_FILES_H

#include "ftcost-private.h"

#include <glib.h>
#include <json-glib/json-glib.h>

#define FTC_PRICE_FILE_MAX_ENTRIES 200000

/* One file's entries; strings live in `strings`. */
struct ftc_price_layer {
    gatomicrefcount ref;
    GPtrArray *entries;    /* models */
    GPtrArray *gpu_specs;  /* ftc_gpu_spec *, owned */
    GPtrArray *gpu_prices; /* ftc_gpu_price *, owned */
    GPtrArray *histories;  /* ftc_price_period arrays of the entries, owned */
    GStringChunk *strings;
};

/* Sets *error (when NULL before) to the message. */
void ftc_price_file_error(char **error, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* A name fit for a cell and a tab-separated listing. */
bool ftc_price_file_name_ok(const char *s);
bool ftc_price_file_number(JsonNode *node, double *out);
/* The member's string, or NULL when absent or not a string. */
const char *ftc_price_file_string(JsonObject *obj, const char *name);

/* "a/b" in lower case: the key entries are found by, any case given. */
char *ftc_price_file_key(const char *a, const char *b);

/* The "gpus" array of an ftcost price file, into layer (ftc-gpus.c). */
bool ftc_gpus_parse(JsonNode *gpus, ftc_price_layer *layer, const char *origin, char **error);

/* The GPUs in force over the layers (later ones win, entry by entry). */
typedef struct ftc_gpu_index ftc_gpu_index;
ftc_gpu_index *ftc_gpu_index_new(ftc_price_layer *const *layers, size_t n_layers);
void ftc_gpu_index_free(ftc_gpu_index *index);
const ftc_gpu_index *ftc_price_list_gpu_index(const ftc_price_list *list);

#endif
