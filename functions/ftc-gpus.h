/* ftc-gpus.h: the GPU catalogue, on the price-file layer: the "gpus" list
 * of ftcost's price files, one layer per file, and the index of what the
 * layers say together.  Knows nothing of models.  Internal. */
#ifndef FTC_GPUS_H
#define FTC_GPUS_H

#include "ftc-price-file.h"
#include "ftcost-private.h"

typedef struct ftc_gpu_layer ftc_gpu_layer;
/* The "gpus" member of an ftcost file's root object (an empty layer when
 * there is none), or NULL with *error. */
ftc_gpu_layer *ftc_gpus_read(JsonObject *root, const char *origin, GError **error);
ftc_gpu_layer *ftc_gpu_layer_ref(ftc_gpu_layer *layer);
void ftc_gpu_layer_unref(ftc_gpu_layer *layer);
size_t ftc_gpu_layer_count(const ftc_gpu_layer *layer); /* figures and prices */

typedef struct ftc_gpu_index ftc_gpu_index;
ftc_gpu_index *ftc_gpu_index_new(ftc_gpu_layer *const *layers, size_t n_layers);
void ftc_gpu_index_free(ftc_gpu_index *index);
size_t ftc_gpu_index_count(const ftc_gpu_index *index);
const ftc_gpu_spec *ftc_gpu_index_at(const ftc_gpu_index *index, size_t i);
size_t ftc_gpu_index_price_count(const ftc_gpu_index *index);
const ftc_gpu_price *ftc_gpu_index_price_at(const ftc_gpu_index *index, size_t i);
const ftc_gpu_spec *ftc_gpu_index_find(const ftc_gpu_index *index, const char *gpu);
const ftc_gpu_price *ftc_gpu_index_find_price(const ftc_gpu_index *index, const char *gpu,
                                              const char *provider);

#endif
