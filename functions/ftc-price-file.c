/* ftc-price-file.c: the price-file layer (see ftc-price-file.h).
 *
 * The files, lowest layer first, each overriding the ones below entry by
 * entry (what an entry is, is the reader's business):
 *   1. the files shipped inside the library (a vendored dataset, then
 *      functions/prices.json; compiled in as GResources, in the order
 *      functions/meson.build lists them),
 *   2. what `ftcost prices update` installs, one file per format in
 *      $XDG_CONFIG_HOME/ftcost/updates/: litellm.json, then
 *      genai-prices.json, then ftcost.json (ftc_price_file_update_names),
 *   3. $XDG_CONFIG_HOME/ftcost/prices.json (~/.config/ftcost/prices.json),
 *   4. the file named in $FTCOST_PRICES.
 * A file that cannot be used (unreadable, not a regular file, over 64 MiB,
 * not UTF-8, too deeply nested, not JSON, or refused by the reader) is
 * ignored as a whole, with one line on stderr each time it changes.
 * Refreshing stats the user's files (five stat calls) and re-reads only
 * a file that changed: `ftcost prices update` replaces a file by renaming a
 * complete one over it, so a reader sees the old file or the new one. */
#include "ftc-price-file.h"
#include "ftcost-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_NESTING 32
#define MAX_NAME 256

G_DEFINE_QUARK(ftc - price - file - error - quark, ftc_price_file_error)

void ftc_price_file_fail(GError **error, const char *fmt, ...)
{
    va_list ap;

    if (error == NULL || *error != NULL)
        return;
    va_start(ap, fmt);
    *error = g_error_new_valist(FTC_PRICE_FILE_ERROR, FTC_PRICE_FILE_ERROR_UNUSABLE, fmt, ap);
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

bool ftc_price_file_source(JsonObject *obj, const char *what, const char **source,
                           GError **error)
{
    *source = ftc_price_file_string(obj, "source");
    if (json_object_has_member(obj, "source") && *source == NULL) {
        ftc_price_file_fail(error, "%s: \"source\" must be text", what);
        return false;
    }
    return true;
}

char *ftc_price_file_key(const char *a, const char *b)
{
    g_autofree char *key = g_strdup_printf("%s/%s", a, b);

    return g_ascii_strdown(key, -1);
}

/* ftcost's own files say so; genai-prices' data file is an array of
 * providers, each with "id" and "models"; any other object is read as
 * LiteLLM's (whose reader refuses what is not). */
ftc_price_format ftc_price_file_format(JsonNode *root)
{
    JsonObject *obj;

    if (JSON_NODE_HOLDS_ARRAY(root))
        return FTC_PRICE_FORMAT_GENAI_PRICES;
    obj = json_node_get_object(root);
    if (json_object_has_member(obj, "format") || json_object_has_member(obj, "models") ||
        json_object_has_member(obj, "gpus"))
        return FTC_PRICE_FORMAT_FTCOST;
    return FTC_PRICE_FORMAT_LITELLM;
}

const char *ftc_price_file_format_name(ftc_price_format format)
{
    switch (format) {
    case FTC_PRICE_FORMAT_FTCOST:
        return "ftcost";
    case FTC_PRICE_FORMAT_LITELLM:
        return "litellm";
    case FTC_PRICE_FORMAT_GENAI_PRICES:
        return "genai-prices";
    }
    return "unknown";
}

bool ftc_price_file_ftcost_header(JsonObject *root, GError **error)
{
    const char *format = ftc_price_file_string(root, "format");
    double v;

    if (format == NULL || strcmp(format, "ftcost-prices") != 0) {
        ftc_price_file_fail(error, "\"format\" must be \"ftcost-prices\"");
        return false;
    }
    if (!ftc_price_file_number(json_object_get_member(root, "version"), &v) || v != 1) {
        ftc_price_file_fail(error, "\"version\" must be 1");
        return false;
    }
    return true;
}

JsonNode *ftc_price_file_parse_json(const char *data, size_t len, GError **error)
{
    g_autoptr(JsonParser) parser = NULL;
    g_autoptr(GError) json_error = NULL;
    JsonNode *root;

    if (len > FTC_PRICE_FILE_MAX_SIZE) {
        ftc_price_file_fail(error, "larger than %u MiB", FTC_PRICE_FILE_MAX_SIZE >> 20);
        return NULL;
    }
    if (len > G_MAXSSIZE || !g_utf8_validate_len(data, len, NULL)) {
        ftc_price_file_fail(error, "not UTF-8 text");
        return NULL;
    }
    if (!nesting_ok(data, len)) {
        ftc_price_file_fail(error, "nested more than %d levels deep", MAX_NESTING);
        return NULL;
    }
    parser = json_parser_new_immutable();
    if (!json_parser_load_from_data(parser, data, (gssize)len, &json_error)) {
        ftc_price_file_fail(error, "not JSON: %s", json_error->message);
        return NULL;
    }
    root = json_parser_steal_root(parser);
    if (root == NULL || (!JSON_NODE_HOLDS_OBJECT(root) && !JSON_NODE_HOLDS_ARRAY(root))) {
        ftc_price_file_fail(error, "not a JSON object");
        if (root != NULL)
            json_node_unref(root);
        return NULL;
    }
    return root;
}

static void *read_data(const char *data, size_t len, const char *origin, int file_date,
                       const ftc_price_file_reader *reader, GError **error)
{
    JsonNode *root = ftc_price_file_parse_json(data, len, error);
    void *layer;

    if (root == NULL)
        return NULL;
    layer = reader->read(root, origin, file_date, error);
    json_node_unref(root);
    return layer;
}

/* Reads a regular file of at most FTC_PRICE_FILE_MAX_SIZE bytes without
 * ever blocking (a FIFO is refused, not opened for reading and waited on). */
static char *read_file(const char *path, size_t *len, struct stat *st, GError **error)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    char *data;
    size_t got = 0;

    if (fd < 0) {
        ftc_price_file_fail(error, "cannot open it: %s", g_strerror(errno));
        return NULL;
    }
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        ftc_price_file_fail(error, "not a regular file");
        close(fd);
        return NULL;
    }
    if (st->st_size < 0 || (guint64)st->st_size > FTC_PRICE_FILE_MAX_SIZE) {
        ftc_price_file_fail(error, "larger than %u MiB", FTC_PRICE_FILE_MAX_SIZE >> 20);
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
        ftc_price_file_fail(error, "it changed or failed while being read");
        g_free(data);
        return NULL;
    }
    data[got] = '\0';
    *len = got;
    return data;
}

void *ftc_price_file_load(const char *path, const ftc_price_file_reader *reader, GError **error)
{
    struct stat st;
    g_autofree char *data = NULL;
    size_t len = 0;

    if (stat(path, &st) != 0) {
        ftc_price_file_fail(error, "%s", g_strerror(errno));
        return NULL;
    }
    data = read_file(path, &len, &st, error);
    if (data == NULL)
        return NULL;
    return read_data(data, len, path, ftc_price_date_from_unix(st.st_mtim.tv_sec), reader,
                     error);
}

/* --- the layered files ---------------------------------------------------- */

enum { USER_UPDATE, USER_CONFIG = USER_UPDATE + FTC_PRICE_FILE_N_UPDATES, USER_ENV, N_USER };

const char *const ftc_price_file_update_names[FTC_PRICE_FILE_N_UPDATES] = {
    "litellm", "genai-prices", "ftcost"};

char *ftc_price_file_update_dir(void)
{
    return g_build_filename(g_get_user_config_dir(), "ftcost", "updates", NULL);
}

/* One user file: where it is, what it was when last read, and what
 * reading it gave. */
typedef struct {
    char *path;
    bool present;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
    void *layer;
} file_state;

struct ftc_price_file_set {
    const ftc_price_file_reader *reader;
    GResource *resource;
    char *resource_dir;
    bool user_files;
    bool shipped_read;
    size_t n_shipped;
    void *shipped[FTC_PRICE_FILE_MAX_LAYERS - N_USER];
    file_state files[N_USER];
};

ftc_price_file_set *ftc_price_file_set_new(GResource *resource, const char *resource_dir,
                                           const ftc_price_file_reader *reader, bool user_files)
{
    ftc_price_file_set *set = g_new0(ftc_price_file_set, 1);

    set->reader = reader;
    set->resource = g_resource_ref(resource);
    set->resource_dir = g_strdup(resource_dir);
    set->user_files = user_files;
    return set;
}

void ftc_price_file_set_free(ftc_price_file_set *set)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->n_shipped; i++)
        if (set->shipped[i] != NULL)
            set->reader->unref(set->shipped[i]);
    for (int l = 0; l < N_USER; l++) {
        g_free(set->files[l].path);
        if (set->files[l].layer != NULL)
            set->reader->unref(set->files[l].layer);
    }
    g_resource_unref(set->resource);
    g_free(set->resource_dir);
    g_free(set);
}

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

/* Brings set->files[l] up to date with `path`; true when its layer changed. */
static bool refresh_file(ftc_price_file_set *set, int l, const char *path, bool must_exist)
{
    file_state *f = &set->files[l];
    struct stat st;
    bool exists = path != NULL && *path != '\0' && stat(path, &st) == 0;
    int stat_errno = errno;
    g_autofree char *data = NULL;
    g_autoptr(GError) error = NULL;
    size_t len = 0;

    if (g_strcmp0(f->path, path) == 0 && f->present == exists && (!exists || same_stat(f, &st)))
        return false;
    g_free(f->path);
    f->path = g_strdup(path);
    f->present = exists;
    if (f->layer != NULL)
        set->reader->unref(f->layer);
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
        f->layer = read_data(data, len, path, ftc_price_date_from_unix(st.st_mtim.tv_sec),
                             set->reader, &error);
    }
    if (f->layer == NULL)
        report(path, error != NULL ? error->message : "unusable");
    return true;
}

/* The shipped files: "<dir>0/<name>", "<dir>1/<name>", ... in order; a
 * file without dates of its own as "<dir>N/YYYY-MM-DD/<name>", the day its
 * copy describes.  The top one is "shipped"; a file below it "shipped
 * <name>". */
static void read_shipped(ftc_price_file_set *set)
{
    for (size_t i = 0; i < G_N_ELEMENTS(set->shipped); i++) {
        g_autofree char *dir = g_strdup_printf("%s%zu/", set->resource_dir, i);
        g_autofree char *next = g_strdup_printf("%s%zu/", set->resource_dir, i + 1);
        g_auto(GStrv) names = g_resource_enumerate_children(set->resource, dir,
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
        g_auto(GStrv) dated = NULL;
        g_auto(GStrv) later = NULL;
        g_autofree char *path = NULL;
        g_autofree char *origin = NULL;
        g_autofree char *day = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        const char *name;
        int file_date = -1;
        gsize size = 0;
        const char *data;
        bool top;

        if (names == NULL || names[0] == NULL)
            break;
        name = names[0];
        if (g_str_has_suffix(name, "/")) { /* "YYYY-MM-DD/" */
            day = g_strndup(name, strlen(name) - 1);
            file_date = ftc_date_parse(day);
            g_free(dir);
            dir = g_strdup_printf("%s%zu/%s", set->resource_dir, i, names[0]);
            dated = g_resource_enumerate_children(set->resource, dir,
                                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
            name = dated != NULL && dated[0] != NULL ? dated[0] : "";
        }
        later = g_resource_enumerate_children(set->resource, next, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                              NULL);
        top = later == NULL;
        path = g_strconcat(dir, name, NULL);
        origin = top ? g_strdup("shipped") : g_strdup_printf("shipped %s", name);
        bytes = g_resource_lookup_data(set->resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
        data = bytes != NULL ? g_bytes_get_data(bytes, &size) : NULL;
        set->shipped[i] =
            data != NULL ? read_data(data, size, origin, file_date, set->reader, &error) : NULL;
        if (set->shipped[i] == NULL)
            report(origin, error != NULL ? error->message : "missing");
        set->n_shipped = i + 1;
    }
}

size_t ftc_price_file_set_fallback_count(const ftc_price_file_set *set)
{
    return set->n_shipped > 1 ? set->n_shipped - 1 : 0;
}

bool ftc_price_file_set_refresh(ftc_price_file_set *set,
                                void *layers[FTC_PRICE_FILE_MAX_LAYERS], size_t *n)
{
    bool changed = false;

    if (!set->shipped_read) {
        read_shipped(set);
        set->shipped_read = true;
        changed = true;
    }
    if (set->user_files) {
        const char *config_dir = g_get_user_config_dir();
        g_autofree char *updates = ftc_price_file_update_dir();
        g_autofree char *config = g_build_filename(config_dir, "ftcost", "prices.json", NULL);

        for (int u = 0; u < FTC_PRICE_FILE_N_UPDATES; u++) {
            g_autofree char *name = g_strconcat(ftc_price_file_update_names[u], ".json", NULL);
            g_autofree char *update = g_build_filename(updates, name, NULL);

            changed = refresh_file(set, USER_UPDATE + u, update, false) || changed;
        }
        changed = refresh_file(set, USER_CONFIG, config, false) || changed;
        changed = refresh_file(set, USER_ENV, g_getenv("FTCOST_PRICES"), true) || changed;
    }
    *n = 0;
    for (size_t i = 0; i < set->n_shipped; i++)
        layers[(*n)++] = set->shipped[i];
    for (int l = 0; set->user_files && l < N_USER; l++)
        layers[(*n)++] = set->files[l].layer;
    return changed;
}
