/* bench-core.c: the cost core alone, in ns per call, against the same
 * arithmetic written inline.
 *
 * For FT_TCO, API_TCO and FT_SCHEDULE it times three things in one run:
 *   native  the arithmetic of the spec inlined here (what a compiler makes of
 *           the formula with no table, no checks, no result struct);
 *   kernel  the function's kernel (its table entry's .eval) on already-valid arguments;
 *   call    ftc_call(): arity, defaults, domain checks, finiteness, i.e. what
 *           the add-in pays on every cell before the UNO conversions.
 * call - kernel is the price of the table-driven validation; kernel - native
 * the price of the ftc_value/ftc_result plumbing.
 *
 * The arguments cycle through a table of varied, valid rows (like the Calc
 * benchmark's input columns), so neither the compiler nor the branch
 * predictor sees one constant call; every result goes into a volatile sink.
 * Each measurement is the median (and min) of several timed rounds.
 *
 * usage: bench-core [ITERATIONS] [ROUNDS]   (defaults 2000000 and 7)
 */
#include "ftcost-private.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROWS 4096 /* a power of two: the row index is a mask */

static volatile double g_sink;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* The same generator as bench.py's input columns, so both see the same mix
 * of values (whole horizons, lifecycles that do or do not divide them...). */
typedef struct {
    double tco[7];
    double api[8];
    double sched[5];
} row;

static row g_rows[ROWS];

static void make_rows(void)
{
    for (uint32_t i = 0; i < ROWS; i++) {
        row *r = &g_rows[i];
        r->tco[0] = 100.0 + (i * 37 % 1000) * 10.0; /* Training */
        r->tco[1] = 500.0 + i * 53 % 5000;          /* MonthlyServing */
        r->tco[2] = i * 11 % 400;                   /* MonthlyEngHours */
        r->tco[3] = i % 5;                          /* RetrainsPerYear */
        r->tco[4] = 6.0 + i % 30;                   /* LifecycleMonths */
        r->tco[5] = 80.0 + i % 120;                 /* HourlyRate */
        r->tco[6] = 12.0 + i % 37;                  /* Horizon */
        r->api[0] = 1e6 * (1 + i * 7 % 500);        /* MonthlyInputTokens */
        r->api[1] = 2e5 * (1 + i * 13 % 500);       /* MonthlyOutputTokens */
        r->api[2] = 0.25 * (1 + i % 12);            /* InputPrice */
        r->api[3] = 1.0 * (1 + i % 15);             /* OutputPrice */
        r->api[4] = 0.005 * (i % 21);               /* MonthlyGrowth */
        r->api[5] = 12.0 + i % 37;                  /* Horizon */
        r->api[6] = 100.0 * (i % 50);               /* MonthlyPromptEng */
        r->api[7] = -0.005 * (i % 11);              /* MonthlyPriceChange */
        r->sched[0] = r->tco[0];                    /* FtUpfront */
        r->sched[1] = r->tco[1];                    /* FtMonthly */
        r->sched[2] = 1000.0 + i * 29 % 20000;      /* ApiMonthly */
        r->sched[3] = r->api[4];                    /* ApiGrowth */
        r->sched[4] = r->tco[6];                    /* Months */
    }
}

/* --- native: the spec's formulas, inlined ------------------------------- */

static double native_tco(const double *a)
{
    double t = a[0], h = a[6];
    return t + a[1] * h + a[2] * a[5] * h + t * a[3] * h / 12.0 + t * floor(h / a[4]);
}

static double native_api_tco(const double *a)
{
    double first = (a[0] * a[2] + a[1] * a[3]) / 1e6;
    double ratio = (1.0 + a[4]) * (1.0 + a[7]);
    double sum = 0.0;
    for (double m = 0; m < a[5]; m++)
        sum += first * pow(ratio, m);
    return sum + a[6] * a[5];
}

/* The whole (Months+1) x 5 table, in a caller's buffer (no allocation). */
static double native_schedule(const double *a, double *cells)
{
    size_t months = (size_t)a[4];
    double api_sum = 0.0;
    memset(cells, 0, 5 * sizeof *cells);
    cells[1] = cells[3] = a[0];
    for (size_t m = 1; m <= months; m++) {
        double *r = cells + 5 * m;
        r[0] = (double)m;
        r[1] = a[1];
        r[2] = a[2] * pow(1.0 + a[3], (double)m - 1.0);
        api_sum += r[2];
        r[3] = a[0] + a[1] * (double)m;
        r[4] = api_sum;
    }
    return cells[5 * months + 4];
}

/* --- the variants, one call each on row i -------------------------------- */

typedef double (*bench_fn)(uint32_t i);

static ftc_value g_vals[ROWS][3][FTC_MAX_ARGS]; /* row, function, argument */
static const ftc_function *g_fn[3];
enum { F_TCO, F_API, F_SCHED };
static const size_t g_n_args[3] = {7, 8, 5};

static double via_call(int f, uint32_t i)
{
    ftc_result r;
    ftc_error err;
    double v;
    if (ftc_call(g_fn[f], g_vals[i][f], g_n_args[f], &r, &err) != FTC_OK) {
        fprintf(stderr, "bench-core: %s failed on row %u: %s\n", g_fn[f]->name, i, err.message);
        exit(1);
    }
    v = r.type == FTC_TYPE_ARRAY ? r.cells[r.rows * r.cols - 1] : r.number;
    ftc_result_clear(&r);
    return v;
}

static double via_kernel(int f, uint32_t i)
{
    ftc_result r;
    ftc_error err;
    double v;
    memset(&r, 0, sizeof r);
    g_fn[f]->eval(g_vals[i][f], &r, &err); /* the kernel, as the table holds it */
    v = r.type == FTC_TYPE_ARRAY ? r.cells[r.rows * r.cols - 1] : r.number;
    ftc_result_clear(&r);
    return v;
}

static double tco_native(uint32_t i)
{
    return native_tco(g_rows[i].tco);
}
static double tco_kernel(uint32_t i)
{
    return via_kernel(F_TCO, i);
}
static double tco_call(uint32_t i)
{
    return via_call(F_TCO, i);
}
static double api_native(uint32_t i)
{
    return native_api_tco(g_rows[i].api);
}
static double api_kernel(uint32_t i)
{
    return via_kernel(F_API, i);
}
static double api_call(uint32_t i)
{
    return via_call(F_API, i);
}
static double sched_native(uint32_t i)
{
    double cells[5 * (FTC_MAX_MONTHS + 1)];
    return native_schedule(g_rows[i].sched, cells);
}
static double sched_kernel(uint32_t i)
{
    return via_kernel(F_SCHED, i);
}
static double sched_call(uint32_t i)
{
    return via_call(F_SCHED, i);
}

typedef struct {
    const char *function, *variant;
    bench_fn fn;
    double scale; /* fewer iterations for the looping functions */
} bench;

static const bench g_benches[] = {
    {"FT_TCO", "native", tco_native, 1.0},        {"FT_TCO", "kernel", tco_kernel, 1.0},
    {"FT_TCO", "ftc_call", tco_call, 1.0},        {"API_TCO", "native", api_native, 0.1},
    {"API_TCO", "kernel", api_kernel, 0.1},       {"API_TCO", "ftc_call", api_call, 0.1},
    {"FT_SCHEDULE", "native", sched_native, 0.1}, {"FT_SCHEDULE", "kernel", sched_kernel, 0.1},
    {"FT_SCHEDULE", "ftc_call", sched_call, 0.1},
};

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Every variant must compute the same values, or the comparison means
 * nothing. */
static int check_agreement(void)
{
    int bad = 0;
    for (size_t b = 0; b < sizeof g_benches / sizeof g_benches[0]; b += 3)
        for (uint32_t i = 0; i < ROWS; i++) {
            double want = g_benches[b].fn(i);
            for (size_t k = 1; k < 3; k++) {
                double got = g_benches[b + k].fn(i);
                if (!(fabs(got - want) <= 1e-12 * fmax(fabs(got), fabs(want)))) {
                    if (bad++ < 5)
                        fprintf(stderr, "bench-core: %s %s row %u: %.17g, native %.17g\n",
                                g_benches[b].function, g_benches[b + k].variant, i, got, want);
                }
            }
        }
    return bad;
}

int main(int argc, char **argv)
{
    long iterations = argc > 1 ? atol(argv[1]) : 2000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 7;
    double times[64];

    if (iterations < ROWS || rounds < 1 || rounds > 64) {
        fprintf(stderr, "usage: bench-core [ITERATIONS >= %d] [ROUNDS 1..64]\n", ROWS);
        return 2;
    }
    make_rows();
    g_fn[F_TCO] = ftc_function_find("FT_TCO");
    g_fn[F_API] = ftc_function_find("API_TCO");
    g_fn[F_SCHED] = ftc_function_find("FT_SCHEDULE");
    for (int f = 0; f < 3; f++)
        if (g_fn[f] == NULL || g_fn[f]->n_args != g_n_args[f]) {
            fprintf(stderr, "bench-core: the catalogue changed (function %d)\n", f);
            return 1;
        }
    for (uint32_t i = 0; i < ROWS; i++) {
        const double *src[3] = {g_rows[i].tco, g_rows[i].api, g_rows[i].sched};
        for (int f = 0; f < 3; f++)
            for (size_t k = 0; k < g_n_args[f]; k++)
                g_vals[i][f][k] = (ftc_value){.kind = FTC_VALUE_NUMBER, .number = src[f][k]};
    }
    if (check_agreement() != 0) {
        fprintf(stderr, "bench-core: the variants disagree: not benchmarking\n");
        return 1;
    }

    printf("core alone: %ld calls x %d rounds (x0.1 for the month loops), "
           "%d rows of varied arguments; median (min) ns per call\n",
           iterations, rounds, ROWS);
    printf("%-12s %-9s %10s %10s %8s\n", "function", "variant", "median ns", "min ns",
           "/native");
    double native_median = 0.0;
    for (size_t b = 0; b < sizeof g_benches / sizeof g_benches[0]; b++) {
        const bench *bn = &g_benches[b];
        long n = (long)((double)iterations * bn->scale);
        for (int r = 0; r < rounds; r++) {
            double acc = 0.0, t0 = now_ns();
            for (long k = 0; k < n; k++)
                acc += bn->fn((uint32_t)k & (ROWS - 1));
            times[r] = (now_ns() - t0) / (double)n;
            g_sink = acc;
        }
        qsort(times, (size_t)rounds, sizeof times[0], cmp_double);
        double median = times[rounds / 2];
        if (strcmp(bn->variant, "native") == 0)
            native_median = median;
        printf("%-12s %-9s %10.1f %10.1f %8.2f\n", bn->function, bn->variant, median, times[0],
               native_median > 0 ? median / native_median : 0.0);
    }
    return 0;
}
