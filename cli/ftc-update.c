/* ftc-update.c: `ftcost prices update [--dry-run] [SOURCE...]`: fetch the
 * newest published price data, check it with the loader every price file
 * goes through, show what changes against the catalogue in force, and
 * install it as the user's price data: one file per format in
 * $XDG_CONFIG_HOME/ftcost/updates/ (the layer ftc-price-file.c reads).
 *
 * All or nothing: every source is fetched and checked before a file is
 * written; a file is replaced by renaming a complete one over it (the one
 * before kept as NAME.json.previous), so a Calc re-reading a changed file
 * sees the old one or the new one, never half of one.  HTTP with
 * libsoup 3: TLS verified (the session's default, never turned off),
 * https:// only but for the loopback host, at most MAX_REDIRECTS redirects
 * (followed here, each checked like the first URL), the price file's size
 * limit enforced while reading, and one deadline for the whole fetch (a
 * watchdog thread cancels what is under way). */
#include "ftc-update.h"
#include "ftc-exit.h"
#include "ftc-price-file.h"
#include "ftcost-private.h"
#include "ftcost.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <libsoup/soup.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT 20.0
#define MAX_REDIRECTS 5
#define CHUNK 65536

static const char *const default_sources[] = {
    "https://raw.githubusercontent.com/BerriAI/litellm/main/"
    "model_prices_and_context_window.json",
    "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json",
};

static const char update_usage[] =
    "usage: ftcost prices update [--dry-run] [SOURCE...]\n"
    "\n"
    "Fetches the newest published price data, checks it as a price file is\n"
    "checked (a source that fails, times out, is over 64 MiB, is cut short or\n"
    "does not validate changes nothing), lists what changes (added, changed\n"
    "old -> new, retiring, removed) and installs it in\n"
    "$XDG_CONFIG_HOME/ftcost/updates/<format>.json (litellm, genai-prices or\n"
    "ftcost: the format is told from the content), the file before kept as\n"
    "<format>.json.previous.  Your prices.json and $FTCOST_PRICES still win.\n"
    "\n"
    "SOURCE: an https:// URL (http:// only for 127.0.0.1 and localhost) or a\n"
    "local file.  Without one, the sources in $FTCOST_PRICE_SOURCES (separated\n"
    "by spaces), else:\n"
    "  https://raw.githubusercontent.com/BerriAI/litellm/main/"
    "model_prices_and_context_window.json\n"
    "  https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json\n"
    "\n"
    "  --dry-run   list what would change, install nothing\n"
    "$FTCOST_UPDATE_TIMEOUT: seconds for the whole download (default 20).\n";

static GQuark update_error_quark(void);
G_DEFINE_QUARK(ftc - update - error - quark, update_error)
#define UPDATE_ERROR (update_error_quark())

static void fail(GError **error, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void fail(GError **error, const char *fmt, ...)
{
    va_list ap;

    if (error == NULL || *error != NULL)
        return;
    va_start(ap, fmt);
    *error = g_error_new_valist(UPDATE_ERROR, 0, fmt, ap);
    va_end(ap);
}

/* --- the deadline ---------------------------------------------------------- */

typedef struct {
    GMutex mu;
    GCond cond;
    bool done;
    gint64 deadline; /* monotonic, microseconds */
    GCancellable *cancel;
} watchdog;

static gpointer watchdog_run(gpointer p)
{
    watchdog *w = p;

    g_mutex_lock(&w->mu);
    while (!w->done)
        if (!g_cond_wait_until(&w->cond, &w->mu, w->deadline)) {
            g_cancellable_cancel(w->cancel);
            break;
        }
    g_mutex_unlock(&w->mu);
    return NULL;
}

static void watchdog_stop(watchdog *w, GThread *thread)
{
    g_mutex_lock(&w->mu);
    w->done = true;
    g_cond_signal(&w->cond);
    g_mutex_unlock(&w->mu);
    g_thread_join(thread);
}

/* --- fetching -------------------------------------------------------------- */

/* At most FTC_PRICE_FILE_MAX_SIZE bytes, refused as soon as there are more;
 * `declared` (-1: none) is what the server said it would send. */
static GBytes *read_stream(GInputStream *in, goffset declared, GCancellable *cancel,
                           GError **error)
{
    g_autoptr(GByteArray) buf = g_byte_array_new();
    g_autofree guint8 *chunk = g_malloc(CHUNK);

    for (;;) {
        gssize n = g_input_stream_read(in, chunk, CHUNK, cancel, error);

        if (n < 0)
            return NULL;
        if (n == 0)
            break;
        if ((guint64)buf->len + (guint64)n > FTC_PRICE_FILE_MAX_SIZE) {
            fail(error, "larger than %u MiB, the limit of a price file",
                 FTC_PRICE_FILE_MAX_SIZE >> 20);
            return NULL;
        }
        g_byte_array_append(buf, chunk, (guint)n);
    }
    if (declared >= 0 && (goffset)buf->len != declared) {
        fail(error, "cut short: %u of %" G_GINT64_FORMAT " bytes", buf->len, (gint64)declared);
        return NULL;
    }
    return g_byte_array_free_to_bytes(g_steal_pointer(&buf));
}

static GBytes *read_local(const char *path, GCancellable *cancel, GError **error)
{
    g_autoptr(GFile) file = g_file_new_for_path(path);
    g_autoptr(GFileInputStream) in = NULL;
    struct stat st;

    /* a FIFO would block the open */
    if (stat(path, &st) != 0) {
        fail(error, "%s", g_strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        fail(error, "not a regular file");
        return NULL;
    }
    in = g_file_read(file, cancel, error);
    return in != NULL ? read_stream(G_INPUT_STREAM(in), st.st_size, cancel, error) : NULL;
}

static bool loopback(const char *host)
{
    return host != NULL && (strcmp(host, "127.0.0.1") == 0 || strcmp(host, "::1") == 0 ||
                            g_ascii_strcasecmp(host, "localhost") == 0);
}

static bool url_allowed(GUri *uri, GError **error)
{
    const char *scheme = g_uri_get_scheme(uri);

    if (g_ascii_strcasecmp(scheme, "https") == 0)
        return true;
    if (g_ascii_strcasecmp(scheme, "http") == 0 && loopback(g_uri_get_host(uri)))
        return true;
    fail(error, "refused %s:// to %s: only https:// (http:// only to 127.0.0.1 or localhost)",
         scheme, g_uri_get_host(uri) != NULL ? g_uri_get_host(uri) : "no host");
    return false;
}

static GBytes *read_response(SoupMessage *msg, GInputStream *in, GCancellable *cancel,
                             GError **error)
{
    SoupMessageHeaders *headers = soup_message_get_response_headers(msg);
    const char *coding = soup_message_headers_get_one(headers, "Content-Encoding");
    goffset declared = -1;

    if (soup_message_headers_get_encoding(headers) == SOUP_ENCODING_CONTENT_LENGTH)
        declared = soup_message_headers_get_content_length(headers);
    if (declared > (goffset)FTC_PRICE_FILE_MAX_SIZE && coding == NULL) {
        fail(error, "larger than %u MiB, the limit of a price file",
             FTC_PRICE_FILE_MAX_SIZE >> 20);
        return NULL;
    }
    /* a compressed body is decoded on the way: its length is not the one read */
    if (coding != NULL && g_ascii_strcasecmp(coding, "identity") != 0)
        declared = -1;
    return read_stream(in, declared, cancel, error);
}

static GBytes *fetch_url(SoupSession *session, const char *url, GCancellable *cancel,
                         GError **error)
{
    g_autoptr(GUri) uri = g_uri_parse(url, SOUP_HTTP_URI_FLAGS, NULL);

    if (uri == NULL || g_uri_get_host(uri) == NULL || *g_uri_get_host(uri) == '\0') {
        fail(error, "not a URL");
        return NULL;
    }
    for (int hop = 0;; hop++) {
        g_autoptr(SoupMessage) msg = NULL;
        g_autoptr(GInputStream) in = NULL;
        const char *location;
        GUri *next;
        guint status;

        if (!url_allowed(uri, error))
            return NULL;
        msg = soup_message_new_from_uri(SOUP_METHOD_GET, uri);
        soup_message_add_flags(msg, SOUP_MESSAGE_NO_REDIRECT);
        in = soup_session_send(session, msg, cancel, error);
        if (in == NULL)
            return NULL;
        status = soup_message_get_status(msg);
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            location = soup_message_headers_get_one(soup_message_get_response_headers(msg),
                                                    "Location");
            if (hop == MAX_REDIRECTS) {
                fail(error, "more than %d redirects", MAX_REDIRECTS);
                return NULL;
            }
            next = location != NULL
                       ? g_uri_parse_relative(uri, location, SOUP_HTTP_URI_FLAGS, NULL)
                       : NULL;
            if (next == NULL) {
                fail(error, "HTTP %u without a usable Location", status);
                return NULL;
            }
            g_input_stream_close(in, NULL, NULL);
            g_uri_unref(uri);
            uri = next;
            continue;
        }
        if (status != SOUP_STATUS_OK) {
            fail(error, "HTTP %u %s", status,
                 soup_message_get_reason_phrase(msg) != NULL
                     ? soup_message_get_reason_phrase(msg)
                     : "");
            return NULL;
        }
        return read_response(msg, in, cancel, error);
    }
}

/* --- checking and showing -------------------------------------------------- */

typedef struct {
    const char *source;
    GBytes *data;
    int format_index; /* into ftc_price_file_update_names */
    bool had_previous;
    ftc_price_list *list;
} fetched;

static void fetched_clear(fetched *f)
{
    g_clear_pointer(&f->data, g_bytes_unref);
    g_clear_pointer(&f->list, ftc_price_list_unref);
}

/* Checked as every price file is: the loader's own limits and reader. */
static bool check(fetched *f, GError **error)
{
    gsize len = 0;
    const char *data = g_bytes_get_data(f->data, &len);
    JsonNode *root = ftc_price_file_parse_json(data != NULL ? data : "", len, error);
    const char *name;
    ftc_price_layer *layer;

    if (root == NULL)
        return false;
    name = ftc_price_file_format_name(ftc_price_file_format(root));
    json_node_unref(root);
    f->format_index = -1;
    for (int u = 0; u < FTC_PRICE_FILE_N_UPDATES; u++)
        if (strcmp(ftc_price_file_update_names[u], name) == 0)
            f->format_index = u;
    layer = ftc_price_layer_parse(data, len, f->source, ftc_price_today(), error);
    if (layer == NULL)
        return false;
    f->list = ftc_price_list_new_from_layer(layer);
    ftc_price_layer_free(layer);
    return true;
}

static char *update_path(int u, const char *suffix)
{
    g_autofree char *dir = ftc_price_file_update_dir();
    g_autofree char *name = g_strconcat(ftc_price_file_update_names[u], ".json", suffix, NULL);

    return g_build_filename(dir, name, NULL);
}

static void append_price(GString *out, double x)
{
    char number[G_ASCII_DTOSTR_BUF_SIZE];

    g_string_append(out, isnan(x) ? "-" : g_ascii_formatd(number, sizeof number, "%.12g", x));
}

static bool same_price(double a, double b)
{
    return (isnan(a) && isnan(b)) ||
           (!isnan(a) && !isnan(b) && fabs(a - b) <= 1e-12 * fmax(fabs(a), fabs(b)));
}

static const ftc_price_entry *find_exact(const ftc_price_list *list, const ftc_price_entry *e)
{
    g_autofree char *key = g_strdup_printf("%s/%s", e->provider, e->model);
    const ftc_price_entry *o = ftc_price_list_find(list, key);

    return o != NULL && g_ascii_strcasecmp(o->provider, e->provider) == 0 &&
                   g_ascii_strcasecmp(o->model, e->model) == 0
               ? o
               : NULL;
}

/* Whether `origin` is a layer above update u: a later update, the user's
 * prices.json or $FTCOST_PRICES. */
static bool origin_above(const char *origin, int u)
{
    g_autofree char *config =
        g_build_filename(g_get_user_config_dir(), "ftcost", "prices.json", NULL);
    const char *env = g_getenv("FTCOST_PRICES");

    for (int v = u + 1; v < FTC_PRICE_FILE_N_UPDATES; v++) {
        g_autofree char *path = update_path(v, "");

        if (strcmp(origin, path) == 0)
            return true;
    }
    return strcmp(origin, config) == 0 ||
           (env != NULL && *env != '\0' && strcmp(origin, env) == 0);
}

/* One line per change: added, changed (old -> new), retiring, removed. */
static void show_changes(const fetched *f, ftc_price_list *before)
{
    g_autofree char *installed = update_path(f->format_index, "");
    size_t added = 0, changed = 0, retiring = 0, removed = 0;
    g_autoptr(GString) line = g_string_new(NULL);

    for (size_t i = 0; i < ftc_price_list_count(f->list); i++) {
        const ftc_price_entry *e = ftc_price_list_at(f->list, i);
        const ftc_price_entry *old = find_exact(before, e);

        g_string_truncate(line, 0);
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++) {
            if (old != NULL ? same_price(old->price[k], e->price[k]) : isnan(e->price[k]))
                continue;
            g_string_append_printf(line, "%s%s ", line->len > 0 ? ", " : "",
                                   ftc_price_kind_name((ftc_price_kind)k));
            if (old != NULL) {
                append_price(line, old->price[k]);
                g_string_append(line, " -> ");
            }
            append_price(line, e->price[k]);
        }
        if (old == NULL) {
            added++;
            printf("added    %s/%s: %s\n", e->provider, e->model, line->str);
        } else if (line->len > 0) {
            changed++;
            printf("changed  %s/%s: %s%s%s%s\n", e->provider, e->model, line->str,
                   origin_above(old->origin, f->format_index) ? " (" : "",
                   origin_above(old->origin, f->format_index) ? old->origin : "",
                   origin_above(old->origin, f->format_index) ? " still overrides it)" : "");
        }
        if (e->retires >= 0 && (old == NULL || old->retires != e->retires)) {
            char day[FTC_DATE_TEXT_MAX];

            retiring++;
            ftc_date_format(e->retires, day);
            printf("retires  %s/%s: on %s%s%s\n", e->provider, e->model, day,
                   e->successor[0] != '\0' ? ", successor " : "", e->successor);
        }
    }
    for (size_t i = 0; i < ftc_price_list_count(before); i++) {
        const ftc_price_entry *e = ftc_price_list_at(before, i);

        if (strcmp(e->origin, installed) == 0 && find_exact(f->list, e) == NULL) {
            removed++;
            printf("removed  %s/%s: no longer in this source\n", e->provider, e->model);
        }
    }
    printf("%s (%s): %zu added, %zu changed, %zu retiring, %zu removed\n",
           ftc_price_file_update_names[f->format_index], f->source, added, changed, retiring,
           removed);
}

/* --- installing ------------------------------------------------------------ */

/* A complete copy beside the target, flushed to disk: *tmp names it. */
static bool write_temp(const fetched *f, char **tmp, GError **error)
{
    g_autofree char *dir = ftc_price_file_update_dir();
    gsize len = 0;
    const char *data = g_bytes_get_data(f->data, &len);
    int fd;

    if (g_mkdir_with_parents(dir, 0755) != 0) {
        fail(error, "cannot create %s: %s", dir, g_strerror(errno));
        return false;
    }
    *tmp = g_strdup_printf("%s/.%s.json.XXXXXX", dir,
                           ftc_price_file_update_names[f->format_index]);
    fd = g_mkstemp_full(*tmp, O_RDWR | O_CLOEXEC, 0644);
    if (fd < 0) {
        fail(error, "cannot write in %s: %s", dir, g_strerror(errno));
        g_clear_pointer(tmp, g_free);
        return false;
    }
    for (gsize done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            fail(error, "cannot write %s: %s", *tmp, g_strerror(errno));
            break;
        }
        done += (gsize)n;
    }
    if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
        fail(error, "cannot write %s: %s", *tmp, g_strerror(errno));
    if (close(fd) != 0)
        fail(error, "cannot write %s: %s", *tmp, g_strerror(errno));
    if (error != NULL && *error != NULL) {
        unlink(*tmp);
        g_clear_pointer(tmp, g_free);
        return false;
    }
    return true;
}

/* The installed file before, kept as .previous (a hard link: the target
 * is never missing). */
static bool keep_previous(fetched *f, GError **error)
{
    g_autofree char *target = update_path(f->format_index, "");
    g_autofree char *previous = update_path(f->format_index, ".previous");
    struct stat st;

    if (lstat(target, &st) != 0)
        return true;
    if (unlink(previous) != 0 && errno != ENOENT) {
        fail(error, "cannot replace %s: %s", previous, g_strerror(errno));
        return false;
    }
    if (link(target, previous) != 0) {
        fail(error, "cannot keep %s as %s: %s", target, previous, g_strerror(errno));
        return false;
    }
    f->had_previous = true;
    return true;
}

/* The target replaced in one rename. */
static bool put_in_place(const fetched *f, const char *tmp, GError **error)
{
    g_autofree char *target = update_path(f->format_index, "");
    g_autofree char *dir = ftc_price_file_update_dir();
    int dfd;

    if (rename(tmp, target) != 0) {
        fail(error, "cannot install %s: %s", target, g_strerror(errno));
        return false;
    }
    dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return true;
}

/* Every file written, and the ones before kept, before any is put in
 * place: a failure before the renames leaves the installed files as they
 * were. */
static bool install(fetched *f, size_t n, char **tmp, size_t *bad, GError **error)
{
    for (*bad = 0; *bad < n; (*bad)++)
        if (!write_temp(&f[*bad], &tmp[*bad], error))
            return false;
    for (*bad = 0; *bad < n; (*bad)++)
        if (!keep_previous(&f[*bad], error))
            return false;
    for (*bad = 0; *bad < n; (*bad)++) {
        if (!put_in_place(&f[*bad], tmp[*bad], error))
            return false;
        g_clear_pointer(&tmp[*bad], g_free);
    }
    return true;
}

/* --- the command ----------------------------------------------------------- */

/* One line: which source, why, and what it left (`installed`: how many
 * sources before it were put in place; 0 but for a failed rename). */
static int refuse(const char *source, const GError *error, size_t installed)
{
    g_autofree char *message = g_strdup(error->message);

    g_strdelimit(message, "\r\n", ' ');
    if (installed == 0)
        fprintf(stderr, "ftcost: prices update: %s: %s; nothing was changed\n", source,
                message);
    else
        fprintf(stderr,
                "ftcost: prices update: %s: %s; only the %zu source(s) before it "
                "were installed\n",
                source, message, installed);
    return FTC_EXIT_INVALID;
}

static bool parse_timeout(double *seconds)
{
    const char *s = g_getenv("FTCOST_UPDATE_TIMEOUT");
    char *end;

    *seconds = DEFAULT_TIMEOUT;
    if (s == NULL || *s == '\0')
        return true;
    *seconds = g_ascii_strtod(s, &end);
    return end != s && *end == '\0' && *seconds > 0 && *seconds <= 3600;
}

static GBytes *fetch(const char *source, SoupSession **session, double timeout,
                     GCancellable *cancel, GError **error)
{
    g_autoptr(GError) local = NULL;
    GBytes *data;

    if (strstr(source, "://") == NULL)
        data = read_local(source, cancel, &local);
    else {
        if (*session == NULL)
            *session = soup_session_new_with_options(
                "timeout", (guint)ceil(timeout), "user-agent", "ftcost/" FTCOST_VERSION, NULL);
        data = fetch_url(*session, source, cancel, &local);
    }
    if (data == NULL && g_cancellable_is_cancelled(cancel))
        fail(error, "no complete answer within %g s", timeout);
    else if (data == NULL)
        g_propagate_error(error, g_steal_pointer(&local));
    return data;
}

static bool fetch_all(fetched *f, size_t n, double timeout, GError **error, size_t *bad)
{
    g_autoptr(GCancellable) cancel = g_cancellable_new();
    watchdog w = {.deadline = g_get_monotonic_time() + (gint64)(timeout * G_USEC_PER_SEC),
                  .cancel = cancel};
    GThread *thread;
    SoupSession *session = NULL;
    bool ok = true;

    g_mutex_init(&w.mu);
    g_cond_init(&w.cond);
    thread = g_thread_new("ftcost-deadline", watchdog_run, &w);
    for (*bad = 0; *bad < n && ok; (*bad)++) {
        f[*bad].data = fetch(f[*bad].source, &session, timeout, cancel, error);
        ok = f[*bad].data != NULL && check(&f[*bad], error);
        for (size_t j = 0; ok && j < *bad; j++)
            if (f[j].format_index == f[*bad].format_index) {
                fail(error, "%s gives %s's format too: one source per format", f[j].source,
                     ftc_price_file_update_names[f[j].format_index]);
                ok = false;
            }
        if (!ok)
            break;
    }
    watchdog_stop(&w, thread);
    g_mutex_clear(&w.mu);
    g_cond_clear(&w.cond);
    g_clear_object(&session);
    return ok;
}

int ftc_update_main(int argc, char **argv)
{
    bool dry_run = false, options = true;
    g_autoptr(GPtrArray) sources = g_ptr_array_new();
    g_auto(GStrv) from_env = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree fetched *f = NULL;
    g_autofree char **tmp = NULL;
    ftc_price_list *before;
    double timeout;
    size_t n, bad = 0;
    int status = FTC_EXIT_OK;

    for (int i = 1; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0)
            options = false;
        else if (options && strcmp(argv[i], "--dry-run") == 0)
            dry_run = true;
        else if (options && (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)) {
            fputs(update_usage, stdout);
            return FTC_EXIT_OK;
        } else if (options && argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "ftcost: prices update: unknown option %s\n", argv[i]);
            fputs(update_usage, stderr);
            return FTC_EXIT_USAGE;
        } else
            g_ptr_array_add(sources, argv[i]);
    }
    if (!parse_timeout(&timeout)) {
        fprintf(stderr, "ftcost: prices update: FTCOST_UPDATE_TIMEOUT must be seconds, "
                        "more than 0 and at most 3600\n");
        return FTC_EXIT_USAGE;
    }
    if (sources->len == 0 && g_getenv("FTCOST_PRICE_SOURCES") != NULL) {
        from_env = g_strsplit_set(g_getenv("FTCOST_PRICE_SOURCES"), " \t\n", -1);
        for (char **s = from_env; *s != NULL; s++)
            if (**s != '\0')
                g_ptr_array_add(sources, *s);
    }
    for (size_t i = 0; sources->len == 0 && i < G_N_ELEMENTS(default_sources); i++)
        g_ptr_array_add(sources, (char *)default_sources[i]);

    n = sources->len;
    f = g_new0(fetched, n);
    tmp = g_new0(char *, n);
    for (size_t i = 0; i < n; i++)
        f[i].source = g_ptr_array_index(sources, i);
    if (!fetch_all(f, n, timeout, &error, &bad)) {
        status = refuse(f[bad].source, error, 0);
        goto out;
    }
    before = ftc_prices_get();
    for (size_t i = 0; i < n; i++)
        show_changes(&f[i], before);
    ftc_price_list_unref(before);
    if (dry_run) {
        printf("dry run: nothing installed\n");
        goto out;
    }
    if (!install(f, n, tmp, &bad, &error))
        status = refuse(f[bad].source, error, tmp[0] == NULL ? bad : 0);
    for (size_t i = 0; i < n; i++) {
        g_autofree char *target = update_path(f[i].format_index, "");

        if (tmp[i] != NULL)
            unlink(tmp[i]);
        else if (status == FTC_EXIT_OK && f[i].had_previous)
            printf("installed %s (the one before: %s.previous)\n", target, target);
        else if (status == FTC_EXIT_OK)
            printf("installed %s\n", target);
        g_free(tmp[i]);
    }
out:
    for (size_t i = 0; i < n; i++)
        fetched_clear(&f[i]);
    return status;
}
