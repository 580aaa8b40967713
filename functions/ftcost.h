/* ftcost.h: the public API of libftcost, the cost core of ftcost.
 *
 * Plain C on doubles: no UNO, no LibreOffice types.  Every spreadsheet
 * function is described by one entry of a metadata table (name, arguments,
 * units, domains, defaults, help in en/de/fr, examples) and evaluated by
 * ftc_call(), which fills defaults, checks every argument against its
 * domain and maps failures onto one status enum.  The Calc add-in, the
 * `ftcost` command, the generated reference and the help tests all read the
 * same table.
 */
#ifndef FTCOST_H
#define FTCOST_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(FTC_COMPILATION)
#define FTC_API __attribute__((visibility("default")))
#else
#define FTC_API
#endif

/* The add-in's UNO service: a workbook stores a call under it, upper-cased
 * (of:=ORG.FTCOST.FUNCTIONS.FT_TCO(...)).  Never change it. */
#define FTC_ADDIN_SERVICE "org.ftcost.Functions"

/* What a call produced; the spreadsheet shows the error names in brackets. */
typedef enum {
    FTC_OK = 0,
    FTC_ERR_INVALID,   /* bad argument: Err:502 (IllegalArgumentException) */
    FTC_ERR_NO_ANSWER, /* no answer exists: #N/A (a void any) */
} ftc_status;

#define FTC_ERROR_MESSAGE_MAX 256

typedef struct {
    int arg; /* index of the offending argument, -1 when none is to blame */
    char message[FTC_ERROR_MESSAGE_MAX]; /* English, names the argument */
} ftc_error;

typedef enum {
    FTC_TYPE_NUMBER,
    FTC_TYPE_TEXT,
    FTC_TYPE_ARRAY,       /* result only: a matrix of numbers */
    FTC_TYPE_TEXT_COLUMN, /* result only: a column of texts (rows x 1) */
} ftc_type;

typedef enum { FTC_LANG_EN, FTC_LANG_DE, FTC_LANG_FR, FTC_LANG_COUNT } ftc_lang;

/* A text of the help, in English: ftc_text() gives it in a language.  The
 * translations are functions/po/LANG.po, keyed by the English text (and the
 * context, for the same English translated two ways), compiled into a table
 * at build time; FTC_L10N marks a text for extraction (HACKING.md,
 * "Translating the help"). */
typedef struct {
    const char *en;
    const char *context; /* NULL, or the msgctxt that tells two uses apart */
} ftc_l10n;
#define FTC_L10N(en_)                                                                          \
    {                                                                                          \
        .en = en_                                                                              \
    }
#define FTC_L10N_CTX(context_, en_)                                                            \
    {                                                                                          \
        .en = en_, .context = context_                                                         \
    }

/* The unit an argument is given in; rendered into every help text. */
typedef enum {
    FTC_UNIT_MONEY,
    FTC_UNIT_MONEY_PER_MONTH,
    FTC_UNIT_MONEY_PER_HOUR,
    FTC_UNIT_MONEY_PER_MTOK,
    FTC_UNIT_MONTHS,
    FTC_UNIT_HOURS,
    FTC_UNIT_HOURS_PER_MONTH,
    FTC_UNIT_TOKENS,
    FTC_UNIT_TOKENS_PER_MONTH,
    FTC_UNIT_TOKENS_PER_SECOND,
    FTC_UNIT_COUNT,
    FTC_UNIT_PER_YEAR,
    FTC_UNIT_FRACTION,
    FTC_UNIT_FRACTION_PER_MONTH,
    FTC_UNIT_WATTS,
    FTC_UNIT_KWH,
    FTC_UNIT_GRAMS_PER_KWH,
    FTC_UNIT_RATIO,
    FTC_UNIT_SCORE,
    FTC_UNIT_TEXT,
    FTC_UNIT_BYTES,
    FTC_UNIT_GB,
    FTC_UNIT_PARAMETERS,
    FTC_UNIT_TFLOPS,
    FTC_UNIT_QUERIES_PER_MONTH,
    FTC_UNIT_DATE,
    FTC_UNIT_LAST
} ftc_unit;

/* The values an argument accepts; ftc_call() enforces them (Err:502). */
typedef enum {
    FTC_DOMAIN_NON_NEGATIVE,       /* x >= 0 */
    FTC_DOMAIN_POSITIVE,           /* x > 0 */
    FTC_DOMAIN_FRACTION,           /* 0 <= x <= 1 */
    FTC_DOMAIN_FRACTION_BELOW_1,   /* 0 <= x < 1 */
    FTC_DOMAIN_FRACTION_ABOVE_0,   /* 0 < x <= 1 */
    FTC_DOMAIN_ABOVE_MINUS_1,      /* x > -1 (growth, price change) */
    FTC_DOMAIN_AT_LEAST_1,         /* x >= 1 (PUE) */
    FTC_DOMAIN_WHOLE_MONTHS,       /* whole number, 1 <= x <= FTC_MAX_MONTHS */
    FTC_DOMAIN_WHOLE_NON_NEGATIVE, /* whole number >= 0 (a count of tokens) */
    FTC_DOMAIN_TEXT,               /* any text */
    FTC_DOMAIN_LAST
} ftc_domain;

/* Cap on every whole-month count: keeps loops bounded (100 years). */
#define FTC_MAX_MONTHS 1200

/* No function takes more arguments than this (checked by the help tests). */
#define FTC_MAX_ARGS 8

/* Marks an argument whose default is a constant, not another argument. */
#define FTC_NO_ARG (-1)

typedef struct {
    ftc_l10n name;        /* display name; the English one is the IDL name */
    ftc_l10n description; /* what it is, without unit or default */
    ftc_unit unit;
    ftc_domain domain;
    bool optional;
    double default_value;     /* used when optional and default_arg < 0; NAN: the
                                 kernel decides (API_PRICE's AsOf: today) */
    int default_arg;          /* >= 0: defaults to that argument's value */
    const char *default_text; /* FTC_DOMAIN_TEXT: the default, e.g. "input"; NULL:
                                 the kernel decides (API_MODELS' Provider: all) */
    /* FTC_DOMAIN_TEXT restricted to these words (NULL-terminated; any case):
     * anything else is Err:502, and the kernel finds the word's index in
     * the value's `number`.  NULL: any text. */
    const char *const *choices;
} ftc_arg_info;

typedef enum {
    FTC_VALUE_MISSING, /* omitted, or an empty parameter */
    FTC_VALUE_NUMBER,
    FTC_VALUE_TEXT,
} ftc_value_kind;

typedef struct {
    ftc_value_kind kind;
    double number;
    const char *text; /* UTF-8, borrowed */
} ftc_value;

typedef struct {
    ftc_type type;
    double number;
    const char *text; /* static storage: never freed */
    size_t rows, cols;
    double *cells; /* row-major, owned: release with ftc_result_clear() */
    char **texts;  /* FTC_TYPE_TEXT_COLUMN: rows x cols UTF-8 texts, owned */
} ftc_result;

/* A worked example: arguments as typed in a cell (';'-separated, empty
 * for an omitted optional argument) and what it gives. */
typedef struct {
    const char *args;
    ftc_status status; /* FTC_OK, or the error it demonstrates */
    double number;     /* FTC_TYPE_NUMBER */
    const char *text;  /* FTC_TYPE_TEXT */
    size_t rows, cols; /* FTC_TYPE_ARRAY, FTC_TYPE_TEXT_COLUMN: the full shape ... */
    size_t n_cells;    /* ... and its leading cells, row-major */
    const double *cells;
    const char *const *texts; /* FTC_TYPE_TEXT_COLUMN: the leading cells */
} ftc_example;

typedef struct ftc_function ftc_function;

/* Kernels see validated numbers with defaults already filled in. */
typedef ftc_status (*ftc_eval_fn)(const ftc_value *args, ftc_result *out, ftc_error *err);

struct ftc_function {
    const char *name; /* display name (all languages), e.g. "FT_TCO" */
    ftc_l10n description;
    ftc_type result;
    size_t n_args;
    const ftc_arg_info *args;
    ftc_l10n notes; /* rules beyond the argument domains: extra Err:502, #N/A */
    size_t n_examples;
    const ftc_example *examples;
    ftc_eval_fn eval;
    /* `ftcost share`: the same value from Calc's built-in functions, in
     * OpenFormula with ';' separators, {{Name}} for the argument of that
     * English name (defaults filled in, each parenthesised; a choice
     * argument as its word in quotes), {{FT_TCO(...)}} for another
     * function's expansion on the arguments of the same names;
     * ftc_formula_expand_function() wraps it in a guard generated from the
     * argument domains.  NULL: no built-in equivalent (the share
     * freezes the value of a call on literal arguments). */
    const char *expansion;
    /* A frozen call's note gives the date of the value: the function that
     * answers it from the same leading arguments ("API_PRICE_DATE"). */
    const char *dated_by;
};

/* --- the catalogue ------------------------------------------------------ */
FTC_API size_t ftc_function_count(void);
FTC_API const ftc_function *ftc_function_at(size_t index);
/* Case-insensitive match on the display name ("ft_tco" finds FT_TCO). */
FTC_API const ftc_function *ftc_function_find(const char *name);
/* Required arguments: those before the first optional one. */
FTC_API size_t ftc_function_required_args(const ftc_function *fn);

/* --- calling -------------------------------------------------------------
 * args[0..n_args-1]; n_args may stop short of fn->n_args when trailing
 * optional arguments are left out.  On FTC_OK `out` holds the result (free
 * arrays with ftc_result_clear); otherwise `err` says why.  Never aborts. */
FTC_API ftc_status ftc_call(const ftc_function *fn, const ftc_value *args, size_t n_args,
                            ftc_result *out, ftc_error *err);
FTC_API void ftc_result_clear(ftc_result *result);

/* --- element-wise calls ("Array arguments" in FUNCTIONS.md) ---------------
 * One argument of an element-wise call: a single value (1 x 1) or a grid
 * of rows x cols values, row-major. */
typedef struct {
    size_t rows, cols;
    const ftc_value *cells;
} ftc_grid;

/* The results of an element-wise call: rows x cols numbers, row-major, and
 * each element's status (FTC_OK: its number is the result; otherwise the
 * number is 0 and the element is an error, Err:502 or #N/A).  Release with
 * ftc_grid_result_clear(). */
typedef struct {
    size_t rows, cols;
    double *numbers;
    unsigned char *status; /* ftc_status per element */
    size_t n_errors;       /* elements that are not FTC_OK */
    ftc_error first_error; /* why the first of them failed */
} ftc_grid_result;

/* Most elements one call may produce: 4 x 1,048,576 (a whole column of
 * Calc times four).  Bounds the memory of a call to about 40 MB here. */
#define FTC_GRID_MAX_CELLS ((size_t)1 << 22)

/* Calls fn once per element, through ftc_call: a 1 x 1 argument is used for
 * every element, a dimension of 1 is repeated along the other arguments'
 * (a row against a column makes a grid), equal dimensions pair up.  The
 * whole call fails with FTC_ERR_INVALID (err says why, out left empty)
 * when the shapes cannot pair, the grid is larger than FTC_GRID_MAX_CELLS
 * or empty, memory runs out, or fn does not return a number.  Otherwise
 * FTC_OK, with bad elements marked in out->status. */
FTC_API ftc_status ftc_call_grid(const ftc_function *fn, const ftc_grid *args, size_t n_args,
                                 ftc_grid_result *out, ftc_error *err);
FTC_API void ftc_grid_result_clear(ftc_grid_result *result);

/* --- the price catalogue (ftc-price-list.c, on ftc-models.c) -------------
 * Prices per million tokens of hosted models: the catalogue shipped inside
 * the library (functions/prices.json), overridden entry by entry by what
 * `ftcost prices update` installed ($XDG_CONFIG_HOME/ftcost/updates/),
 * then by $XDG_CONFIG_HOME/ftcost/prices.json and then by the file named
 * in $FTCOST_PRICES, in ftcost's own format, LiteLLM's
 * model_prices_and_context_window.json or genai-prices' data.json.
 * Loaded lazily, reloaded when a file changes; a file that cannot be used
 * is ignored with one line on stderr and the rest still answers.
 * Thread-safe. */
typedef enum {
    FTC_PRICE_INPUT,
    FTC_PRICE_OUTPUT,
    FTC_PRICE_CACHED_INPUT,
    FTC_PRICE_BATCH_INPUT,
    FTC_PRICE_BATCH_OUTPUT,
    FTC_PRICE_FT_INPUT, /* inference on a fine-tuned model */
    FTC_PRICE_FT_OUTPUT,
    FTC_PRICE_FT_TRAINING,      /* training, per million training tokens */
    FTC_PRICE_CACHE_WRITE,      /* writing the prompt cache, where it is billed */
    FTC_PRICE_FT_TRAINING_FULL, /* full fine-tuning, per million training tokens */
    FTC_PRICE_KIND_COUNT
} ftc_price_kind;

/* A long-context tier: a request whose prompt is longer than `above`
 * tokens is billed, for the kinds it lists, at its prices (for the whole
 * request, as the providers bill it); a kind it does not list keeps the
 * price of the tier below. */
typedef struct {
    double above;                       /* prompt tokens, a whole number > 0 */
    double price[FTC_PRICE_KIND_COUNT]; /* NAN: not listed */
} ftc_price_tier;

/* Prices in force from one day (days since 1899-12-30) until the next. */
typedef struct {
    int from;
    double price[FTC_PRICE_KIND_COUNT]; /* NAN: none then */
    size_t n_tiers;                     /* ascending `above` */
    const ftc_price_tier *tiers;
} ftc_price_period;

typedef struct {
    const char *provider;               /* "openai", "anthropic", "gemini", ... */
    const char *model;                  /* "gpt-4o" */
    double price[FTC_PRICE_KIND_COUNT]; /* per million tokens; NAN: none */
    int checked;                        /* date the price was checked: days since 1899-12-30 */
    const char *source;                 /* the provider's pricing page, or "" */
    const char *origin;                 /* "shipped", or the override file it came from */
    int since;                          /* the day `price` took effect; -1: not known */
    size_t n_history;                   /* earlier prices, oldest first (since >= 0 then) */
    const ftc_price_period *history;
    size_t n_tiers; /* the current prices' long-context tiers */
    const ftc_price_tier *tiers;
    size_t n_scheduled;                /* announced later prices, oldest first, each from a */
    const ftc_price_period *scheduled; /* day after the current ones' first */
    int retires;           /* the day the provider stops serving it; -1: none known */
    const char *successor; /* the model it names to use instead, or "" */
} ftc_price_entry;

/* The prices in force on `day` (days since 1899-12-30): the current ones
 * from `since` on (when `since` is not known: from `checked` on, or from
 * the day before `retires` for a model checked on or after it), else the
 * history's period that covers the day; NULL before the first known price. */
FTC_API const double *ftc_price_entry_on(const ftc_price_entry *e, int day);
/* The first day ftc_price_entry_on() answers. */
FTC_API int ftc_price_entry_first_day(const ftc_price_entry *e);

/* A price as it is billed: on a day, for a prompt of a length.  "Today"
 * (FTC_PRICE_TODAY) is the current prices, or a scheduled period begun by
 * the clock's day; a retired model has no price from its `retires` day. */
#define FTC_PRICE_TODAY (-1)
typedef enum {
    FTC_QUOTE_OK,
    FTC_QUOTE_NO_MODEL,  /* no entry of that name */
    FTC_QUOTE_TOO_EARLY, /* the day is before the first known price: see .day */
    FTC_QUOTE_RETIRED,   /* the day is on or after .day, the retirement */
    FTC_QUOTE_NO_KIND,   /* the entry has no price of that kind then */
} ftc_quote_status;

typedef struct {
    ftc_quote_status status;
    double price;                 /* per million tokens, FTC_QUOTE_OK */
    const ftc_price_entry *entry; /* NULL for FTC_QUOTE_NO_MODEL */
    int day;                      /* the day asked for (today's date for TODAY),
                                     or the first day / retirement it fails on */
    double tier_above;            /* the tier applied; 0: the base price */
} ftc_price_quote;

/* The price of `kind` of the entry on `day` (days since 1899-12-30, or
 * FTC_PRICE_TODAY) for a prompt of `prompt_tokens` (NAN or below the
 * first tier: the base price).  Fills *out; returns out->status. */
FTC_API ftc_quote_status ftc_price_entry_quote(const ftc_price_entry *e, ftc_price_kind kind,
                                               int day, double prompt_tokens,
                                               ftc_price_quote *out);
/* Today's date from the clock, days since 1899-12-30 (UTC); the
 * environment's FTCOST_TODAY (YYYY-MM-DD) instead when it is set. */
FTC_API int ftc_price_today(void);

typedef struct ftc_price_list ftc_price_list;

/* One price file alone (ftcost's format or LiteLLM's), as a catalogue of
 * its own: to compare with the one in force (`ftcost prices --diff`).  NULL
 * with *error (a GError: g_error_free it) saying why the file cannot be
 * used. */
struct _GError;
FTC_API ftc_price_list *ftc_price_list_load(const char *path, struct _GError **error);

/* "input", "cached_input", ... ; NULL past the end. */
FTC_API const char *ftc_price_kind_name(ftc_price_kind kind);
/* Case-insensitive; false for an unknown name. */
FTC_API bool ftc_price_kind_parse(const char *name, ftc_price_kind *kind);
/* The catalogue in force (reloaded first if a file changed), sorted by
 * provider and model.  Never NULL; release with ftc_price_list_unref(). */
FTC_API ftc_price_list *ftc_prices_get(void);
FTC_API void ftc_price_list_unref(ftc_price_list *list);
FTC_API size_t ftc_price_list_count(const ftc_price_list *list);
FTC_API const ftc_price_entry *ftc_price_list_at(const ftc_price_list *list, size_t i);
/* "gpt-4o", "GPT-4o", "openai/gpt-4o", "together_ai/meta-llama/..."; NULL
 * when no entry matches.  The entry lives as long as the list.  Its
 * `retires` and `successor` say when it stops and what follows it. */
FTC_API const ftc_price_entry *ftc_price_list_find(const ftc_price_list *list,
                                                   const char *model);
/* ftc_price_list_find() and ftc_price_entry_quote() in one: the model by
 * name (FTC_QUOTE_NO_MODEL when none). */
FTC_API ftc_quote_status ftc_price_list_quote(const ftc_price_list *list, const char *model,
                                              ftc_price_kind kind, int day,
                                              double prompt_tokens, ftc_price_quote *out);
/* The entries with a price of `kind` on `day` (FTC_PRICE_TODAY: today; a
 * retired model has none), of one `provider` (any case; NULL: all),
 * sorted by provider then model: the first `max` into out[], the number
 * there are returned (call with max 0 to count). */
FTC_API size_t ftc_price_list_priced(const ftc_price_list *list, const char *provider,
                                     ftc_price_kind kind, int day, const ftc_price_entry **out,
                                     size_t max);

/* --- the GPU catalogue (ftc-gpus.c, through ftc-price-list.c) -------------
 * The "gpus" list of the same files as the prices, with the same layers,
 * rules and reload: each GPU's datasheet figures, and its price per
 * GPU-hour at each provider (an instance's price divided by its GPUs).
 * An override replaces a GPU's figures when it gives any, and a GPU's
 * price at a provider as a whole. */
typedef enum {
    FTC_GPU_ON_DEMAND,
    FTC_GPU_SPOT,
    FTC_GPU_RESERVED_1Y,
    FTC_GPU_RESERVED_3Y,
    FTC_GPU_PRICE_KIND_COUNT
} ftc_gpu_price_kind;

typedef enum {
    FTC_GPU_MEMORY_GB,
    FTC_GPU_BF16_TFLOPS, /* dense peak, no sparsity */
    FTC_GPU_WATTS,       /* board power */
    FTC_GPU_FIELD_COUNT
} ftc_gpu_field;

/* "on_demand", ... and "memory_gb", ...: NULL-terminated, by enum value. */
FTC_API extern const char *const ftc_gpu_price_kind_names[FTC_GPU_PRICE_KIND_COUNT + 1];
FTC_API extern const char *const ftc_gpu_field_names[FTC_GPU_FIELD_COUNT + 1];

typedef struct {
    const char *gpu;                  /* "H100" */
    const char *variant;              /* what the figures are of: "H100 SXM" */
    double spec[FTC_GPU_FIELD_COUNT]; /* NAN: not known */
    int checked;                      /* days since 1899-12-30 */
    const char *source;
    const char *origin; /* "shipped", or the file */
} ftc_gpu_spec;

typedef struct {
    const char *gpu;
    const char *provider;                   /* "aws", "lambda", ... */
    double price[FTC_GPU_PRICE_KIND_COUNT]; /* USD per GPU-hour; NAN: none */
    const char *instance;                   /* "p5.48xlarge", or "" */
    int checked;
    const char *source;
    const char *origin;
} ftc_gpu_price;

FTC_API size_t ftc_price_list_gpu_count(const ftc_price_list *list);
FTC_API const ftc_gpu_spec *ftc_price_list_gpu_at(const ftc_price_list *list, size_t i);
FTC_API size_t ftc_price_list_gpu_price_count(const ftc_price_list *list);
FTC_API const ftc_gpu_price *ftc_price_list_gpu_price_at(const ftc_price_list *list, size_t i);
/* Case-insensitive; NULL when unknown. */
FTC_API const ftc_gpu_spec *ftc_price_list_find_gpu(const ftc_price_list *list,
                                                    const char *gpu);
FTC_API const ftc_gpu_price *ftc_price_list_find_gpu_price(const ftc_price_list *list,
                                                           const char *gpu,
                                                           const char *provider);

/* --- dates -----------------------------------------------------------------
 * Calc's date serials: days since 1899-12-30 (its default date system). */
#define FTC_DATE_TEXT_MAX 11 /* "YYYY-MM-DD" */
/* "YYYY-MM-DD" of a year 2000 to 2199; -1 when it is not one. */
FTC_API int ftc_date_parse(const char *iso);
/* The serial as "YYYY-MM-DD"; false (and "-") when out of range. */
FTC_API bool ftc_date_format(int serial, char out[FTC_DATE_TEXT_MAX]);

/* --- help text ------------------------------------------------------------ */
FTC_API ftc_lang ftc_lang_from_code(const char *code); /* "de-CH" -> DE */
FTC_API const char *ftc_lang_code(ftc_lang lang);      /* "en", "de", "fr" */
FTC_API const char *ftc_text(const ftc_l10n *s, ftc_lang lang);
FTC_API const char *ftc_unit_label(ftc_unit unit, ftc_lang lang);
FTC_API const char *ftc_domain_label(ftc_domain domain, ftc_lang lang);
/* An argument's domain (ftc_domain_contains) as an interval, for a spreadsheet's validity rule:
 * low and high (NAN: no bound), whether each is included, whole numbers only.  False for text.
 */
typedef struct {
    double low, high;
    bool low_included, high_included, whole;
} ftc_domain_limits;
FTC_API bool ftc_domain_get_limits(ftc_domain domain, ftc_domain_limits *out);
/* The full argument help: for an optional argument its default first, then
 * the description, unit and accepted values.  Returns the length it needed
 * (like snprintf); the text is cut to fit `size`. */
FTC_API size_t ftc_arg_help(const ftc_function *fn, size_t arg, ftc_lang lang, char *buf,
                            size_t size);
/* An example's arguments (';'-separated in the catalogue) as a Calc in
 * `lang` shows them: "\"gpt-4o\", \"output\"" in English, "0,5; 2" in
 * German.  Returns the length it needed, like ftc_arg_help. */
FTC_API size_t ftc_example_args(const char *args, ftc_lang lang, char *buf, size_t size);
/* An argument list as typed in a cell, parsed: a worked example's `args`
 * (the table JSON carries them parsed) or a test's call.  ';' separates the
 * arguments, spaces around each are ignored; "quoted" is a text ("" inside
 * is one quote), nothing an omitted argument (FTC_VALUE_MISSING), anything
 * else a number when g_ascii_strtod reads all of it (200, 0.5, 7E9, -0,
 * nan, inf), else a text as written.  An empty list, or all spaces, has no
 * argument; "1;" has two.  `typed` keeps each argument as written, trimmed
 * ("200", "\"gpt-4o\"", "").  The texts belong to the list. */
typedef struct {
    size_t n;
    ftc_value *values;
    char **typed;
} ftc_arg_list;
/* False, with err saying which argument and why, for an unterminated
 * quote, text after a closing quote or an inline array ({1;2}); *out is
 * then empty.  Release with ftc_arg_list_clear(). */
FTC_API bool ftc_arg_list_parse(const char *text, ftc_arg_list *out, ftc_error *err);
FTC_API void ftc_arg_list_clear(ftc_arg_list *list);
/* "FT_TCO(Training, MonthlyServing, ..., [HourlyRate], [Horizon])" in
 * English, with "; " in German and French. */
FTC_API size_t ftc_syntax(const ftc_function *fn, ftc_lang lang, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* FTCOST_H */
