/* ftcost-private.h: internals shared by the core's source files. */
#ifndef FTCOST_PRIVATE_H
#define FTCOST_PRIVATE_H

#include "ftcost.h"

#define FTC_N_ELEMENTS(array) (sizeof(array) / sizeof((array)[0]))

/* --- writing catalogue entries --------------------------------------------
 * A function is one block in the file of its kernel: an enum naming its
 * argument positions (the kernel reads a[NAME], the table is indexed by
 * the same names), the argument table, the worked examples, the entry. */
/* A text in English, translated in functions/po/LANG.po; LC gives the
 * context that tells apart two uses of the same English. */
#define L(en) FTC_L10N(en)
#define LC(context, en) FTC_L10N_CTX(context, en)
#define NO_TEXT FTC_L10N(NULL)
#define REQUIRED(unit_, domain_)                                                               \
    .unit = unit_, .domain = domain_, .optional = false, .default_arg = FTC_NO_ARG
#define OPTIONAL(unit_, domain_, value)                                                        \
    .unit = unit_, .domain = domain_, .optional = true, .default_value = value,                \
    .default_arg = FTC_NO_ARG
/* A text argument that takes one of `words` (NULL-terminated). */
#define REQUIRED_CHOICE(words)                                                                 \
    .unit = FTC_UNIT_TEXT, .domain = FTC_DOMAIN_TEXT, .optional = false,                       \
    .default_arg = FTC_NO_ARG, .choices = words
#define OPTIONAL_CHOICE(words, default_word)                                                   \
    .unit = FTC_UNIT_TEXT, .domain = FTC_DOMAIN_TEXT, .optional = true,                        \
    .default_arg = FTC_NO_ARG, .default_text = default_word, .choices = words
#define REQUIRED_TEXT                                                                          \
    .unit = FTC_UNIT_TEXT, .domain = FTC_DOMAIN_TEXT, .optional = false,                       \
    .default_arg = FTC_NO_ARG
#define ARGS(array) .n_args = FTC_N_ELEMENTS(array), .args = array
#define EXAMPLES(array) .n_examples = FTC_N_ELEMENTS(array), .examples = array
/* The argument table has one entry per name of the position enum. */
#define FTC_ARGS_MATCH(array, count)                                                           \
    _Static_assert(FTC_N_ELEMENTS(array) == (count), #array " and its enum differ")

#define NUMBER_EXAMPLE(args_, value)                                                           \
    {                                                                                          \
        .args = args_, .status = FTC_OK, .number = value                                       \
    }
#define TEXT_EXAMPLE(args_, value)                                                             \
    {                                                                                          \
        .args = args_, .status = FTC_OK, .text = value                                         \
    }
/* A column of texts: its rows, and the leading ones (an array of n). */
#define TEXT_COLUMN_EXAMPLE(args_, rows_, leading)                                             \
    {                                                                                          \
        .args = args_, .status = FTC_OK, .rows = rows_, .cols = 1,                             \
        .n_cells = FTC_N_ELEMENTS(leading), .texts = leading                                   \
    }
#define ERROR_EXAMPLE(args_, st)                                                               \
    {                                                                                          \
        .args = args_, .status = st                                                            \
    }

/* The translations of one language, sorted by context (none first) and
 * English text as strcmp orders them: ftc-l10n-table.c, generated from
 * functions/po/LANG.po by functions/po/l10n-table.py; [FTC_LANG_EN] is empty. */
typedef struct {
    const char *context;
    const char *en;
    const char *text;
} ftc_translation;
typedef struct {
    const ftc_translation *entries;
    size_t n;
} ftc_translation_table;
extern const ftc_translation_table ftc_translations[FTC_LANG_COUNT];

/* Entries defined beside their kernels (ftc-catalogue.c lists them). */
extern const ftc_function ftc_fn_tco, ftc_fn_tco_items, ftc_fn_hidden_share,
    ftc_fn_training_cost, ftc_fn_training_tokens_cost, ftc_fn_serving_cost,
    ftc_fn_selfhost_per_mtok, ftc_fn_energy_kwh, ftc_fn_co2_kg;
extern const ftc_function ftc_fn_api_cost, ftc_fn_api_tco, ftc_fn_api_price,
    ftc_fn_api_price_date, ftc_fn_api_model_retires, ftc_fn_api_models;
extern const ftc_function ftc_fn_breakeven, ftc_fn_breakeven_volume, ftc_fn_schedule,
    ftc_fn_verdict;
extern const ftc_function ftc_fn_rag_embed_cost, ftc_fn_rag_store_gb, ftc_fn_rag_query_cost,
    ftc_fn_rag_tco;
extern const ftc_function ftc_fn_train_flops, ftc_fn_gpu_hours, ftc_fn_train_memory_gb,
    ftc_fn_gpus_needed;
extern const ftc_function ftc_fn_gpu_price, ftc_fn_gpu_price_date, ftc_fn_gpu_spec;

/* The sum over months m = 0 .. months-1 of monthly * ratio^m, term by term
 * as API_TCO adds them (RAG_TCO agrees with it to the last bit). */
double ftc_grown_sum(double monthly, double ratio, int months);

/* Fills err (when not NULL) and returns `status`; printf-style message. */
ftc_status ftc_fail(ftc_error *err, ftc_status status, int arg, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Is x one of the values `domain` accepts (finite, in range)? */
bool ftc_domain_contains(ftc_domain domain, double x);

/* Sets a number result. */
static inline ftc_status ftc_number(ftc_result *out, double value)
{
    out->type = FTC_TYPE_NUMBER;
    out->number = value;
    return FTC_OK;
}

/* Allocates a rows x cols array result (zeroed); FTC_ERR_INVALID when the
 * memory is not there. */
ftc_status ftc_array(ftc_result *out, size_t rows, size_t cols, ftc_error *err);
/* Allocates a column of `rows` texts (each NULL, to be filled with
 * malloc'ed strings); FTC_ERR_INVALID when there is no row or no memory. */
ftc_status ftc_text_column(ftc_result *out, size_t rows, ftc_error *err);

/* The API's spend in month k (k = 0 for the first month) when it starts at
 * `monthly` and is multiplied by `ratio` (1 + growth) each month.
 * FT_BREAKEVEN, FT_SCHEDULE and API_TCO all sum these terms, so they agree
 * to the last bit.  pow() rather than a running product: no drift. */
static inline double ftc_grown(double monthly, double ratio, double k);

/* Share expansions (OpenFormula text) that several functions use.  None is
 * volatile (no INDIRECT, OFFSET, NOW, TODAY, RAND): a shared copy
 * recalculates when an input changes and only then.
 *
 * FTC_MONTHS(M): the column of month numbers 1..M for a fixed M (a string
 * literal: FTC_MAX_MONTHS, or one more for FT_SCHEDULE's row 0), as the
 * rows of cells A1:AM of a hidden, empty sheet that `ftcost share` adds to
 * the copy (FTC_MONTHS_SHEET); a formula masks the months beyond its own n
 * with (m<=n).  Only row numbers are read, never contents, and no cell of
 * the workbook's own sheets is referenced (a formula in column A
 * referencing $A:$A would reference itself: circular to an engine that
 * tracks dependencies by range).  A fixed range, not one of n rows
 * (INDEX(..;1):INDEX(..;n)): Gnumeric 1.12.55 left FT_BREAKEVEN cells of a
 * copy whose stored values were 0 at 0 with that construction; with a
 * fixed range it computes them (share-gnumeric).  Measured: LibreOffice 7.4
 * in .ods and .xlsx, Gnumeric 1.12.55.  ftc_formula_expand_function()
 * writes ftcost_months!$A$1:$A$M in Excel's grammar. */
#define FTC_MONTHS_SHEET "ftcost_months"
#define FTC_MONTHS_PREFIX "[$" FTC_MONTHS_SHEET "."
#define FTC_MONTHS(M) "ROW(" FTC_MONTHS_PREFIX "$A$1:.$A$" M "])"

/* FTC_GROWN_SUM(R, N): the sum of R^k for k = 0 .. N-1 (ftc_grown_sum's
 * factor), closed form: N when R = 1, else (R^N - 1) / (R - 1) with
 * R^N - 1 = expm1(N*LN(R)) written as EXP(MAX(L;0))*2*TANH(L/2)/(1+ABS(TANH(L/2))),
 * which loses no digits when R is close to 1 (EXP(L)-1 would: 1E-10 per
 * month over 12 months is then off in the 7th digit) and does not overflow
 * before R^N does. */
#define FTC_GROWN_SUM(R, N)                                                                    \
    "IF(" R "=1;" N ";EXP(MAX(" N "*LN(" R ");0))*2*TANH(" N "*LN(" R ")/2)/(1+ABS(TANH(" N    \
    "*LN(" R ")/2)))/(" R "-1))"

/* The price loader (ftc-price-list.c), open to the tests and the fuzzer:
 * one file's entries, or NULL with *error saying why the whole file is
 * unusable.  `file_date` (days since 1899-12-30) dates LiteLLM entries,
 * which carry no date of their own. */
typedef struct ftc_price_layer ftc_price_layer;
typedef struct _GError GError;
typedef struct _GResource GResource;
ftc_price_layer *ftc_price_layer_parse(const char *data, size_t len, const char *origin,
                                       int file_date, GError **error);
size_t ftc_price_layer_count(const ftc_price_layer *layer);
void ftc_price_layer_free(ftc_price_layer *layer);
/* A catalogue of that one layer (it takes a reference), as the loader
 * builds them: lookups and the sorted listing. */
ftc_price_list *ftc_price_list_new_from_layer(ftc_price_layer *layer);
/* The catalogue of the files shipped in `resource` under `dir` alone, as
 * ftc_prices_get() reads the library's own ("/org/ftcost/shipped/"). */
ftc_price_list *ftc_price_list_new_from_resource(GResource *resource, const char *dir);
/* The UTC date of a Unix time as days since 1899-12-30 (-1 out of range). */
int ftc_price_date_from_unix(long long seconds);

#include <math.h>

static inline double ftc_grown(double monthly, double ratio, double k)
{
    return monthly * pow(ratio, k);
}

#endif /* FTCOST_PRIVATE_H */
