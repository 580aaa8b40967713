/* Concurrency: Calc may call the add-in from several threads (it does not
 * today for add-in calls, see tests/e2e/threads_e2e.py, but a component
 * must not depend on that), so the core must give every caller the answer
 * a lone caller gets.  Eight threads call every function of the catalogue
 * with a fixed set of arguments (every example, its required arguments
 * alone, and out-of-domain values) and compare each outcome (status,
 * argument blamed, message, value, bit for bit) with the single-threaded
 * one; meanwhile API_PRICE reads a price file that another thread keeps
 * replacing (atomically, then in place), which must give one of the
 * file's versions, never anything else.  Run under ASan, valgrind and
 * helgrind/drd, it is also a race detector's workload. */
#include "ftc-test-util.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define THREADS 8
#define ROUNDS 40

/* The override file's versions: one model, two prices and two dates. */
#define MODEL "threads-test-model"
static const double version_price[2] = {1.5, 2.25};
static const char *const version_date[2] = {"2025-01-02", "2025-07-31"};

typedef struct {
    const ftc_function *fn;
    ftc_arg_list args; /* as written in a cell, parsed (ftc_test_args) */
    size_t n;          /* the first n of them are passed */
    char *label;
} call_case;

typedef struct {
    ftc_status status;
    int arg;
    char message[FTC_ERROR_MESSAGE_MAX];
    ftc_result result;
} outcome;

static GPtrArray *cases;  /* call_case * */
static outcome *baseline; /* one per case */
static char *price_path;  /* $FTCOST_PRICES */
static char *price_dir;

static void case_free(gpointer p)
{
    call_case *c = p;

    g_free(c->label);
    ftc_arg_list_clear(&c->args);
    g_free(c);
}

/* A call on arguments written as in a cell, the first `max` of them. */
static const call_case *add_case(const ftc_function *fn, const char *args, size_t max)
{
    call_case *c = g_new0(call_case, 1);

    c->fn = fn;
    ftc_test_args(args, &c->args);
    c->n = MIN(c->args.n, max);
    c->label = c->n < c->args.n ? g_strdup_printf("%s(%s) without its last %zu", fn->name, args,
                                                  c->args.n - c->n)
                                : g_strdup_printf("%s(%s)", fn->name, args);
    g_ptr_array_add(cases, c);
    return c;
}

static void make_cases(void)
{
    cases = g_ptr_array_new_with_free_func(case_free);
    for (size_t f = 0; f < ftc_function_count(); f++) {
        const ftc_function *fn = ftc_function_at(f);

        for (size_t e = 0; e < fn->n_examples; e++) {
            const char *args = fn->examples[e].args;
            size_t required = ftc_function_required_args(fn);
            const call_case *all = add_case(fn, args, SIZE_MAX);

            /* the required arguments alone: defaults for the rest */
            if (all->args.n > required && required > 0)
                add_case(fn, args, required);
        }
        /* out of every domain, and too few */
        g_autoptr(GString) bad = g_string_new(NULL);
        for (size_t k = 0; k < fn->n_args; k++)
            g_string_append_printf(bad, "%s%s", k > 0 ? ";" : "",
                                   fn->args[k].domain == FTC_DOMAIN_TEXT ? "\"\"" : "-2");
        add_case(fn, bad->str, SIZE_MAX);
        /* too few; with nothing required (API_MODELS) no argument is a
         * call whose answer lists the writer's model as it comes and goes */
        if (ftc_function_required_args(fn) > 0)
            add_case(fn, "", SIZE_MAX);
    }
    add_case(ftc_function_find("API_PRICE"), "\"no-such-model\";\"input\"", SIZE_MAX);
}

static void run_case(const call_case *c, outcome *o)
{
    ftc_error err = {.arg = -99};

    memset(o, 0, sizeof *o);
    o->status = ftc_call(c->fn, c->args.values, c->n, &o->result, &err);
    o->arg = err.arg;
    if (o->status != FTC_OK)
        g_strlcpy(o->message, err.message, sizeof o->message);
}

/* NULL when equal, else what differs (g_free it). */
static char *compare(const outcome *got, const outcome *want)
{
    const ftc_result *a = &got->result, *b = &want->result;

    if (got->status != want->status)
        return g_strdup_printf("status %d, want %d (%s)", got->status, want->status,
                               got->message);
    if (got->status != FTC_OK)
        return got->arg == want->arg && strcmp(got->message, want->message) == 0
                   ? NULL
                   : g_strdup_printf("error %d \"%s\", want %d \"%s\"", got->arg, got->message,
                                     want->arg, want->message);
    if (a->type != b->type)
        return g_strdup_printf("type %d, want %d", a->type, b->type);
    switch (a->type) {
    case FTC_TYPE_NUMBER:
        if (memcmp(&a->number, &b->number, sizeof a->number) != 0)
            return g_strdup_printf("%.17g, want %.17g", a->number, b->number);
        return NULL;
    case FTC_TYPE_TEXT:
        return g_strcmp0(a->text, b->text) == 0
                   ? NULL
                   : g_strdup_printf("\"%s\", want \"%s\"", a->text, b->text);
    case FTC_TYPE_ARRAY:
        if (a->rows != b->rows || a->cols != b->cols)
            return g_strdup_printf("%zux%zu, want %zux%zu", a->rows, a->cols, b->rows, b->cols);
        if (memcmp(a->cells, b->cells, a->rows * a->cols * sizeof *a->cells) != 0)
            return g_strdup("array cells differ");
        return NULL;
    case FTC_TYPE_TEXT_COLUMN:
        if (a->rows != b->rows || a->cols != b->cols)
            return g_strdup_printf("%zux%zu, want %zux%zu", a->rows, a->cols, b->rows, b->cols);
        for (size_t i = 0; i < a->rows * a->cols; i++)
            if (strcmp(a->texts[i], b->texts[i]) != 0)
                return g_strdup_printf("\"%s\", want \"%s\"", a->texts[i], b->texts[i]);
        return NULL;
    }
    return g_strdup("unknown type");
}

/* --- the price file and its writer -------------------------------------- */

static char *price_file(int version)
{
    return g_strdup_printf("{\"format\": \"ftcost-prices\", \"version\": 1, \"models\": [\n"
                           "  {\"provider\": \"threads\", \"model\": \"" MODEL "\",\n"
                           "   \"input\": %g, \"output\": 3, \"checked\": \"%s\"}]}\n",
                           version_price[version], version_date[version]);
}

static int date_serial(const char *iso)
{
    GDate d, epoch;
    int y, m, day;

    if (sscanf(iso, "%d-%d-%d", &y, &m, &day) != 3)
        g_error("bad date %s", iso);
    g_date_clear(&d, 1);
    g_date_clear(&epoch, 1);
    g_date_set_dmy(&d, (GDateDay)day, (GDateMonth)m, (GDateYear)y);
    g_date_set_dmy(&epoch, 30, G_DATE_DECEMBER, 1899);
    return g_date_days_between(&epoch, &d);
}

typedef struct {
    gint stop;
    gint in_place; /* 0: replace by rename (readers see whole files only) */
    gint writes;
} writer_state;

static gpointer writer(gpointer data)
{
    writer_state *w = data;
    g_autofree char *tmp = g_strconcat(price_path, ".tmp", NULL);

    for (int i = 0; !g_atomic_int_get(&w->stop); i++) {
        g_autofree char *text = price_file(i % 2);

        if (g_atomic_int_get(&w->in_place)) {
            /* Truncated and rewritten where it is: a reader may catch it
             * half written (the file is then ignored as a whole). */
            FILE *f = fopen(price_path, "w");

            g_assert_nonnull(f);
            for (size_t done = 0, len = strlen(text); done < len; done += 16) {
                fwrite(text + done, 1, MIN(len - done, 16), f);
                fflush(f);
            }
            fclose(f);
        } else {
            g_assert_true(g_file_set_contents(tmp, text, -1, NULL));
            g_assert_cmpint(g_rename(tmp, price_path), ==, 0);
        }
        g_atomic_int_inc(&w->writes);
        g_usleep(200);
    }
    return NULL;
}

/* --- the readers -------------------------------------------------------- */

typedef struct {
    int id;
    const writer_state *w;
    char *failure; /* the first one */
    int failures;
    int price_reads[3]; /* version 0, version 1, ignored (torn) */
} reader_state;

static void fail_once(reader_state *r, char *what)
{
    r->failures++;
    if (r->failure == NULL)
        r->failure = what;
    else
        g_free(what);
}

/* API_PRICE and API_PRICE_DATE of the rewritten model: one of the file's
 * versions (or, while it is rewritten in place, no such model: the torn
 * file is ignored). */
static void read_override(reader_state *r, bool torn_ok)
{
    static const ftc_value price_args[] = {{.kind = FTC_VALUE_TEXT, .text = MODEL},
                                           {.kind = FTC_VALUE_TEXT, .text = "input"}};
    const ftc_function *price = ftc_function_find("API_PRICE");
    const ftc_function *date = ftc_function_find("API_PRICE_DATE");
    ftc_result res = {0};
    ftc_error err = {.arg = -99};
    ftc_status st = ftc_call(price, price_args, 2, &res, &err);

    if (st == FTC_OK && (res.number == version_price[0] || res.number == version_price[1]))
        r->price_reads[res.number == version_price[0] ? 0 : 1]++;
    else if (st == FTC_ERR_NO_ANSWER && torn_ok)
        r->price_reads[2]++;
    else
        fail_once(r, g_strdup_printf("API_PRICE(" MODEL "): status %d, %.17g (%s)", st,
                                     res.number, err.message));
    ftc_result_clear(&res);
    st = ftc_call(date, price_args, 1, &res, &err);
    if (!(st == FTC_OK && (res.number == date_serial(version_date[0]) ||
                           res.number == date_serial(version_date[1]))) &&
        !(st == FTC_ERR_NO_ANSWER && torn_ok))
        fail_once(r, g_strdup_printf("API_PRICE_DATE(" MODEL "): status %d, %.17g (%s)", st,
                                     res.number, err.message));
    ftc_result_clear(&res);
}

static gpointer reader(gpointer data)
{
    reader_state *r = data;

    for (int round = 0; round < ROUNDS; round++)
        for (guint k = 0; k < cases->len; k++) {
            /* each thread its own order, so that different calls overlap */
            guint i = (k * (guint)(2 * r->id + 1) + (guint)r->id * 7) % cases->len;
            const call_case *c = cases->pdata[i];
            outcome got;
            char *diff;

            run_case(c, &got);
            diff = compare(&got, &baseline[i]);
            if (diff != NULL)
                fail_once(r, g_strdup_printf("thread %d: %s: %s", r->id, c->label, diff));
            g_free(diff);
            ftc_result_clear(&got.result);
            if (k % 8 == 0)
                read_override(r, g_atomic_int_get(&r->w->in_place) != 0);
        }
    return NULL;
}

static void run_threads(bool in_place)
{
    writer_state w = {.in_place = in_place};
    reader_state r[THREADS];
    GThread *readers[THREADS], *writer_thread;
    int reads[3] = {0};

    writer_thread = g_thread_new("price-writer", writer, &w);
    for (int t = 0; t < THREADS; t++) {
        r[t] = (reader_state){.id = t, .w = &w};
        readers[t] = g_thread_new("reader", reader, &r[t]);
    }
    for (int t = 0; t < THREADS; t++)
        g_thread_join(readers[t]);
    g_atomic_int_set(&w.stop, 1);
    g_thread_join(writer_thread);
    for (int t = 0; t < THREADS; t++) {
        ck_assert_msg(r[t].failures == 0, "%d failures, the first: %s", r[t].failures,
                      r[t].failure);
        for (int v = 0; v < 3; v++)
            reads[v] += r[t].price_reads[v];
    }
    /* The file did change under the readers. */
    ck_assert_int_gt(g_atomic_int_get(&w.writes), 1);
    ck_assert_int_gt(reads[0] + reads[1], 0);
    if (!in_place)
        ck_assert_int_eq(reads[2], 0);
}

/* --- setup and tests ---------------------------------------------------- */

static void setup(void)
{
    g_autofree char *first = NULL;

    price_dir = g_dir_make_tmp("ftc-threads-XXXXXX", NULL);
    ck_assert_ptr_nonnull(price_dir);
    price_path = g_build_filename(price_dir, "prices.json", NULL);
    first = price_file(0);
    ck_assert(g_file_set_contents(price_path, first, -1, NULL));
    /* before any thread: the core reads $FTCOST_PRICES on each call */
    g_setenv("FTCOST_PRICES", price_path, TRUE);
    make_cases();
    baseline = g_new0(outcome, cases->len);
    for (guint i = 0; i < cases->len; i++)
        run_case(cases->pdata[i], &baseline[i]);
}

static void teardown(void)
{
    g_autofree char *tmp = g_strconcat(price_path, ".tmp", NULL);

    for (guint i = 0; i < cases->len; i++)
        ftc_result_clear(&baseline[i].result);
    g_clear_pointer(&baseline, g_free);
    g_clear_pointer(&cases, g_ptr_array_unref);
    g_unlink(tmp);
    g_unlink(price_path);
    g_rmdir(price_dir);
    g_clear_pointer(&price_path, g_free);
    g_clear_pointer(&price_dir, g_free);
}

/* The baseline itself is sound: every function is called, some calls
 * succeed and some fail. */
START_TEST(test_cases)
{
    bool seen[64] = {false};
    int ok = 0, bad = 0;

    ck_assert_uint_le(ftc_function_count(), G_N_ELEMENTS(seen));
    for (guint i = 0; i < cases->len; i++) {
        const call_case *c = cases->pdata[i];

        for (size_t f = 0; f < ftc_function_count(); f++)
            seen[f] |= ftc_function_at(f) == c->fn;
        if (baseline[i].status == FTC_OK)
            ok++;
        else
            bad++;
    }
    for (size_t f = 0; f < ftc_function_count(); f++)
        ck_assert_msg(seen[f], "%s never called", ftc_function_at(f)->name);
    ck_assert_int_gt(ok, 0);
    ck_assert_int_gt(bad, 0);
}
END_TEST

START_TEST(test_concurrent_calls)
{
    run_threads(_i == 1);
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");

    tcase_add_checked_fixture(tc, setup, teardown);
    /* valgrind and helgrind are slow: room for them */
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_cases);
    /* 0: the file replaced by rename; 1: rewritten in place */
    tcase_add_loop_test(tc, test_concurrent_calls, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(threads_suite());
}
