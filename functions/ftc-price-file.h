/* ftc-price-file.h: the price-file layer.  Reading a price file (limits,
 * UTF-8, nesting, JSON), telling its format by its content, the helpers
 * every reader of a price file uses, and the layered files in force with
 * their reload.  It knows nothing of models or GPUs: what a file holds is
 * a reader's business (ftc-price-list.c passes one).  Internal. */
#ifndef FTC_PRICE_FILE_H
#define FTC_PRICE_FILE_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>
#include <stddef.h>

#define FTC_PRICE_FILE_MAX_ENTRIES 200000
#define FTC_PRICE_FILE_MAX_SIZE (64u << 20)

/* Loaders report with GError in this domain; the message says why the
 * whole file is unusable. */
#define FTC_PRICE_FILE_ERROR (ftc_price_file_error_quark())
GQuark ftc_price_file_error_quark(void);
enum { FTC_PRICE_FILE_ERROR_UNUSABLE };

/* Sets *error (when NULL before) to the message. */
void ftc_price_file_fail(GError **error, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* A name fit for a cell and a tab-separated listing. */
bool ftc_price_file_name_ok(const char *s);
bool ftc_price_file_number(JsonNode *node, double *out);
/* The member's string, or NULL when absent or not a string. */
const char *ftc_price_file_string(JsonObject *obj, const char *name);
/* "a/b" in lower case: the key entries are found by, any case given. */
char *ftc_price_file_key(const char *a, const char *b);
/* "source" of obj: text when given (*source gets it, or NULL). */
bool ftc_price_file_source(JsonObject *obj, const char *what, const char **source,
                           GError **error);

/* The formats a price file comes in, told apart by content alone. */
typedef enum {
    FTC_PRICE_FORMAT_FTCOST,       /* {"format": "ftcost-prices", "models", "gpus"} */
    FTC_PRICE_FORMAT_LITELLM,      /* model_prices_and_context_window.json */
    FTC_PRICE_FORMAT_GENAI_PRICES, /* pydantic genai-prices' data.json */
} ftc_price_format;
ftc_price_format ftc_price_file_format(JsonNode *root);
/* "ftcost", "litellm", "genai-prices": the name of an installed update. */
const char *ftc_price_file_format_name(ftc_price_format format);
/* ftcost's header: "format": "ftcost-prices", "version": 1. */
bool ftc_price_file_ftcost_header(JsonObject *root, GError **error);

/* Checks the text (size, UTF-8, nesting) and parses it: the root, an
 * object or an array (json_node_unref it), or NULL with *error. */
JsonNode *ftc_price_file_parse_json(const char *data, size_t len, GError **error);

/* What turns one file's JSON into the caller's layer (reference counted
 * by the caller; `unref` drops one). */
typedef struct {
    void *(*read)(JsonNode *root, const char *origin, int file_date, GError **error);
    void *(*ref)(void *layer);
    void (*unref)(void *layer);
} ftc_price_file_reader;

/* One file on disk read with `reader` (NULL with *error).  The file's
 * modification day is its file_date. */
void *ftc_price_file_load(const char *path, const ftc_price_file_reader *reader,
                          GError **error);

/* The files in force, lowest layer first: the files shipped in
 * `resource` under `resource_dir` ("/org/ftcost/shipped/": its children
 * "0/", "1/", ... each holding one file), then what `ftcost prices update`
 * installs ($XDG_CONFIG_HOME/ftcost/updates/<name>.json for each name of
 * ftc_price_file_update_names, in that order), then
 * $XDG_CONFIG_HOME/ftcost/prices.json and the file named in
 * $FTCOST_PRICES.  A user file that cannot be used is left out with one
 * line on stderr each time it changes; the other layers still answer. */
#define FTC_PRICE_FILE_MAX_LAYERS 16
/* The installed updates, one per format, lowest first: "litellm" (a
 * broad list), "genai-prices" (a curated one) over it, "ftcost" on top.
 * ftc_price_file_update_dir() is their directory (g_free it). */
#define FTC_PRICE_FILE_N_UPDATES 3
extern const char *const ftc_price_file_update_names[FTC_PRICE_FILE_N_UPDATES];
char *ftc_price_file_update_dir(void);
typedef struct ftc_price_file_set ftc_price_file_set;
ftc_price_file_set *ftc_price_file_set_new(GResource *resource, const char *resource_dir,
                                           const ftc_price_file_reader *reader,
                                           bool user_files);
void ftc_price_file_set_free(ftc_price_file_set *set);
/* Stats the user's files, re-reads those that changed; fills layers[]
 * (borrowed, NULL for a layer left out) and *n; true when a layer changed
 * since the last call.  Not thread-safe: the caller holds a lock. */
bool ftc_price_file_set_refresh(ftc_price_file_set *set,
                                void *layers[FTC_PRICE_FILE_MAX_LAYERS], size_t *n);
/* How many of the lowest layers are shipped files below the top shipped
 * one (vendored datasets: a fallback under the reviewed file), once the
 * set was refreshed. */
size_t ftc_price_file_set_fallback_count(const ftc_price_file_set *set);

#endif
