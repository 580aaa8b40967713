/* ftcost: the cost core from the command line.
 *
 *   ftcost FUNCTION ARG...      evaluate, arguments in spreadsheet order
 *   ftcost --list               functions with one-line descriptions
 *   ftcost help FUNCTION        full help from the catalogue
 *   ftcost reference            the Markdown function reference
 *   ftcost prices [FILTER]      the price catalogue behind API_PRICE
 *   ftcost prices --diff FILE   where it and a price file disagree
 *   ftcost prices update [SOURCE...]   fetch, check, install (ftc-update.c)
 *   ftcost gpus [FILTER]        the GPU catalogue behind GPU_PRICE, GPU_SPEC
 *   ftcost share [--values] IN OUT   a copy without add-in calls (ftc-share.c)
 *
 * Errors use Calc's spelling on stderr: "Err:502: ..." (exit 2), "#VALUE!:
 * ..." for text where a number is required (exit 2), "#N/A: ..." (exit 3);
 * an unknown function or a wrong argument count prints usage (exit 64).
 * Every exit status is one of ftc-exit.h.
 */
#include "ftcost.h"
#include "ftc-exit.h"
#include "ftc-share.h"
#include "ftc-update.h"

#include <glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HELP_MAX 1024

static const char usage_text[] =
    "usage: ftcost FUNCTION [ARG...]     evaluate (arguments in spreadsheet order;\n"
    "                                     \"\" leaves an optional argument out)\n"
    "       ftcost --list                list the functions\n"
    "       ftcost help FUNCTION [--lang en|de|fr]\n"
    "       ftcost reference [--lang en|de|fr]   Markdown reference of every function\n"
    "       ftcost prices [FILTER]       the price catalogue behind API_PRICE, tab-separated\n"
    "                                     (FILTER: part of provider/model, any case)\n"
    "       ftcost prices --diff FILE    where the catalogue and a price file (LiteLLM's\n"
    "                                     model_prices_and_context_window.json) disagree\n"
    "       ftcost prices update [--dry-run] [SOURCE...]   fetch the newest published\n"
    "                                     prices (LiteLLM's, genai-prices'), check them,\n"
    "                                     show what changes, install them for you\n"
    "                                     (ftcost prices update --help)\n"
    "       ftcost gpus [FILTER]         the GPU catalogue behind GPU_PRICE and GPU_SPEC\n"
    "                                     (FILTER: part of gpu/provider, any case)\n"
    "       ftcost share [--values] IN OUT   a copy of a workbook that needs no add-in\n"
    "                                     (ftcost share --help)\n"
    "       ftcost --version\n";

static int usage(const char *complaint)
{
    if (complaint != NULL)
        fprintf(stderr, "ftcost: %s\n", complaint);
    fputs(usage_text, stderr);
    return FTC_EXIT_USAGE;
}

/* A whole argument that reads as a number, in the C locale ("1e6", " 2.5 "). */
static bool parse_number(const char *s, double *out)
{
    char *end;

    *out = g_ascii_strtod(s, &end);
    if (end == s)
        return false;
    while (g_ascii_isspace(*end))
        end++;
    return *end == '\0';
}

/* The shortest form that reads back as the same double: 58802.4, not
 * 58802.400000000001. */
static void format_shortest(double x, char buf[G_ASCII_DTOSTR_BUF_SIZE])
{
    static const char *const formats[] = {"%.15g", "%.16g", "%.17g"};

    for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
        g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], x);
        if (g_ascii_strtod(buf, NULL) == x || isnan(x))
            break;
    }
}

static void print_number(FILE *f, double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    format_shortest(x, buf);
    fputs(buf, f);
}

/* An example's number as the help's language writes it: 0,5 in de and fr. */
static void print_number_in(double x, ftc_lang lang)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    format_shortest(x, buf);
    for (char *p = buf; lang != FTC_LANG_EN && *p != '\0'; p++)
        if (*p == '.')
            *p = ',';
    fputs(buf, stdout);
}

static void print_result(const ftc_result *r)
{
    switch (r->type) {
    case FTC_TYPE_NUMBER:
        print_number(stdout, r->number);
        putchar('\n');
        break;
    case FTC_TYPE_TEXT:
        puts(r->text);
        break;
    case FTC_TYPE_ARRAY:
        for (size_t i = 0; i < r->rows; i++) {
            for (size_t j = 0; j < r->cols; j++) {
                if (j > 0)
                    putchar('\t');
                print_number(stdout, r->cells[i * r->cols + j]);
            }
            putchar('\n');
        }
        break;
    case FTC_TYPE_TEXT_COLUMN:
        for (size_t i = 0; i < r->rows * r->cols; i++)
            puts(r->texts[i]);
        break;
    }
}

static int evaluate(const ftc_function *fn, int argc, char **argv)
{
    size_t n = (size_t)argc;
    ftc_value args[16];
    ftc_result result;
    ftc_error err = {.arg = -1};
    ftc_status st;

    if (n < ftc_function_required_args(fn) || n > fn->n_args || n > G_N_ELEMENTS(args)) {
        char syntax[HELP_MAX];

        ftc_syntax(fn, FTC_LANG_EN, syntax, sizeof syntax);
        fprintf(stderr, "ftcost: %s takes %zu to %zu arguments, not %zu: %s\n", fn->name,
                ftc_function_required_args(fn), fn->n_args, n, syntax);
        return usage(NULL);
    }
    for (size_t i = 0; i < n; i++) {
        const char *s = argv[i];

        if (s[0] == '\0')
            args[i] = (ftc_value){.kind = FTC_VALUE_MISSING};
        else if (fn->args[i].domain != FTC_DOMAIN_TEXT && parse_number(s, &args[i].number))
            args[i].kind = FTC_VALUE_NUMBER;
        else if (fn->args[i].domain != FTC_DOMAIN_TEXT && !fn->args[i].optional) {
            /* Calc stops text for a required number before calling us. */
            fprintf(stderr, "#VALUE!: %s: %s must be a number, not \"%s\"\n", fn->name,
                    ftc_text(&fn->args[i].name, FTC_LANG_EN), s);
            return FTC_EXIT_INVALID;
        } else
            args[i] = (ftc_value){.kind = FTC_VALUE_TEXT, .text = s};
    }

    st = ftc_call(fn, args, n, &result, &err);
    switch (st) {
    case FTC_OK:
        print_result(&result);
        ftc_result_clear(&result);
        return FTC_EXIT_OK;
    case FTC_ERR_INVALID:
        fprintf(stderr, "Err:502: %s\n", err.message);
        return FTC_EXIT_INVALID;
    case FTC_ERR_NO_ANSWER:
        fprintf(stderr, "#N/A: %s\n", err.message);
        return FTC_EXIT_NO_ANSWER;
    }
    return FTC_EXIT_INVALID;
}

static int list_functions(void)
{
    for (size_t i = 0; i < ftc_function_count(); i++) {
        const ftc_function *fn = ftc_function_at(i);

        printf("%-24s %s\n", fn->name, ftc_text(&fn->description, FTC_LANG_EN));
    }
    return FTC_EXIT_OK;
}

/* --- help and the reference: one renderer, two layouts --------------------- */

static const ftc_l10n heading_arguments = FTC_L10N("Arguments");
static const ftc_l10n heading_notes = FTC_L10N("Notes");
static const ftc_l10n heading_errors = FTC_L10N("Errors");
static const ftc_l10n heading_examples = FTC_L10N("Examples");
/* Functions returning a number take ranges for their numbers and so see text
 * in a required one themselves (Err:502); for the others Calc stops text in
 * a required number before the call, with #VALUE!. */
static const ftc_l10n generic_errors_element_wise =
    FTC_L10N("Err:502 when an argument is outside the values it accepts, text is given "
             "for a number, or the result is too large to represent; in Calc too few "
             "arguments give Err:504.");
static const ftc_l10n generic_errors_single =
    FTC_L10N("Err:502 when an argument is outside the values it accepts, text is given "
             "for an optional number, or the result is too large to represent; in Calc "
             "text for a required number gives #VALUE! and too few arguments Err:504.");
static const char *const status_names[] = {
    [FTC_OK] = "",
    [FTC_ERR_INVALID] = "Err:502",
    [FTC_ERR_NO_ANSWER] = "#N/A",
};

static void print_example_result(const ftc_function *fn, const ftc_example *ex, ftc_lang lang)
{
    if (ex->status != FTC_OK) {
        fputs(status_names[ex->status], stdout);
        return;
    }
    switch (fn->result) {
    case FTC_TYPE_NUMBER:
        print_number_in(ex->number, lang);
        break;
    case FTC_TYPE_TEXT:
        printf("\"%s\"", ex->text);
        break;
    case FTC_TYPE_ARRAY:
        printf("a %zu×%zu array {", ex->rows, ex->cols);
        for (size_t i = 0; i < ex->n_cells; i++) {
            /* Calc's inline-array separators: ',' between columns and ';'
             * between rows in English, ';' and '|' in German and French */
            if (i > 0 && lang == FTC_LANG_EN)
                fputs(i % ex->cols == 0 ? "; " : ", ", stdout);
            else if (i > 0)
                fputs(i % ex->cols == 0 ? " | " : "; ", stdout);
            print_number_in(ex->cells[i], lang);
        }
        if (ex->n_cells < ex->rows * ex->cols)
            fputs(lang == FTC_LANG_EN ? "; ...}" : " | ...}", stdout);
        else
            fputs("}", stdout);
        break;
    case FTC_TYPE_TEXT_COLUMN:
        printf("a column of %zu texts {", ex->rows);
        for (size_t i = 0; i < ex->n_cells; i++)
            printf("%s\"%s\"", i > 0 ? " | " : "", ex->texts[i]);
        fputs(ex->n_cells < ex->rows ? " | ...}" : "}", stdout);
        break;
    }
}

static void print_help(const ftc_function *fn, ftc_lang lang, bool markdown)
{
    char text[HELP_MAX];
    const char *notes = ftc_text(&fn->notes, lang);

    ftc_syntax(fn, lang, text, sizeof text);
    if (markdown)
        printf("## %s\n\n`%s`\n\n%s\n\n", fn->name, text, ftc_text(&fn->description, lang));
    else
        printf("%s\n\n%s\n\n", text, ftc_text(&fn->description, lang));

    if (markdown)
        printf("### %s\n\n", ftc_text(&heading_arguments, lang));
    else
        printf("%s:\n", ftc_text(&heading_arguments, lang));
    for (size_t i = 0; i < fn->n_args; i++) {
        const char *name = ftc_text(&fn->args[i].name, lang);
        /* padded to 20 characters, not bytes ("Coût") */
        int pad = 20 - (int)g_utf8_strlen(name, -1);

        ftc_arg_help(fn, i, lang, text, sizeof text);
        if (markdown)
            printf("- **%s**: %s\n", name, text);
        else
            printf("  %s%*s %s\n", name, pad > 0 ? pad : 0, "", text);
    }

    if (notes != NULL && markdown)
        printf("\n### %s\n\n%s\n", ftc_text(&heading_notes, lang), notes);
    else if (notes != NULL)
        printf("\n%s:\n  %s\n", ftc_text(&heading_notes, lang), notes);
    if (markdown)
        printf("\n### %s\n\n", ftc_text(&heading_errors, lang));
    else
        printf("\n%s:\n  ", ftc_text(&heading_errors, lang));
    printf("%s\n", ftc_text(fn->result == FTC_TYPE_NUMBER ? &generic_errors_element_wise
                                                          : &generic_errors_single,
                            lang));

    if (markdown)
        printf("\n### %s\n\n", ftc_text(&heading_examples, lang));
    else
        printf("\n%s:\n", ftc_text(&heading_examples, lang));
    for (size_t i = 0; i < fn->n_examples; i++) {
        const ftc_example *ex = &fn->examples[i];

        ftc_example_args(ex->args, lang, text, sizeof text);
        printf(markdown ? "- `%s(%s)` = " : "  %s(%s) = ", fn->name, text);
        print_example_result(fn, ex, lang);
        putchar('\n');
    }
    if (markdown)
        putchar('\n');
}

static const ftc_l10n reference_title = FTC_L10N("ftcost function reference");
static const ftc_l10n reference_intro =
    FTC_L10N("Generated by `ftcost reference` from the function catalogue "
             "(functions/ftc-catalogue.c); do not edit. Money is in the workbook's "
             "currency, token prices are per million tokens, fractions are 0.2 for "
             "20 %. In a saved file a call reads `of:=ORG.FTCOST.FUNCTIONS.NAME(...)`. "
             "In Calc, a function that returns a number takes a range or an inline "
             "array for any number argument and returns the array of results, element "
             "by element (a bad element is Err:502 or #N/A in its place).");

static int print_reference(ftc_lang lang)
{
    printf("# %s\n\n%s\n\n", ftc_text(&reference_title, lang),
           ftc_text(&reference_intro, lang));
    for (size_t i = 0; i < ftc_function_count(); i++) {
        g_autofree char *anchor = g_ascii_strdown(ftc_function_at(i)->name, -1);

        printf("- [%s](#%s)\n", ftc_function_at(i)->name, anchor);
    }
    putchar('\n');
    for (size_t i = 0; i < ftc_function_count(); i++)
        print_help(ftc_function_at(i), lang, true);
    return FTC_EXIT_OK;
}

static bool matches(const char *needle, const char *a, const char *b)
{
    g_autofree char *key = g_strdup_printf("%s/%s", a, b);
    g_autofree char *folded = g_utf8_casefold(key, -1);

    return needle == NULL || strstr(folded, needle) != NULL;
}

/* The price catalogue in force: shipped entries and the user's overrides,
 * one line each, tab-separated, "-" where the model has no such price. */
static int list_prices(const char *filter)
{
    ftc_price_list *list = ftc_prices_get();
    g_autofree char *needle = filter != NULL ? g_utf8_casefold(filter, -1) : NULL;
    g_autoptr(GString) out = g_string_new("provider\tmodel");
    size_t shown = 0;

    for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
        g_string_append_printf(out, "\t%s", ftc_price_kind_name((ftc_price_kind)k));
    g_string_append(out, "\tchecked\tsince\tretires\tsource\torigin\n");
    for (size_t i = 0; i < ftc_price_list_count(list); i++) {
        const ftc_price_entry *e = ftc_price_list_at(list, i);
        char number[G_ASCII_DTOSTR_BUF_SIZE];
        char day[FTC_DATE_TEXT_MAX];

        if (!matches(needle, e->provider, e->model))
            continue;
        shown++;
        g_string_append_printf(out, "%s\t%s", e->provider, e->model);
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++)
            g_string_append_printf(out, "\t%s",
                                   isnan(e->price[k]) ? "-"
                                                      : g_ascii_formatd(number, sizeof number,
                                                                        "%.12g", e->price[k]));
        ftc_date_format(e->checked, day);
        g_string_append_printf(out, "\t%s", day);
        /* since when these prices hold; "-": not known (API_PRICE at an
         * earlier date than "checked" is then #N/A) */
        if (e->since >= 0)
            ftc_date_format(e->since, day);
        g_string_append_printf(out, "\t%s", e->since >= 0 ? day : "-");
        /* the day the provider stops serving it (announced or past) */
        if (e->retires >= 0)
            ftc_date_format(e->retires, day);
        g_string_append_printf(out, "\t%s", e->retires >= 0 ? day : "-");
        g_string_append_printf(out, "\t%s\t%s\n", e->source[0] != '\0' ? e->source : "-",
                               e->origin);
    }
    ftc_price_list_unref(list);
    if (shown == 0) {
        fprintf(stderr, "#N/A: no model matches \"%s\" (ftcost prices lists them all)\n",
                filter);
        return FTC_EXIT_NO_ANSWER;
    }
    fputs(out->str, stdout);
    return FTC_EXIT_OK;
}

/* Where the catalogue in force and a price file (LiteLLM's, typically)
 * disagree: a line per model and kind both give, with both prices; then
 * the models the file lacks.  Exit 1 when they disagree anywhere, as diff. */
static int diff_prices(const char *path)
{
    g_autoptr(GError) error = NULL;
    ftc_price_list *theirs = ftc_price_list_load(path, &error);
    ftc_price_list *ours;
    g_autoptr(GString) out = g_string_new("provider\tmodel\tkind\tftcost\tfile\n");
    g_autoptr(GString) missing = g_string_new(NULL);
    size_t differ = 0;

    if (theirs == NULL) {
        fprintf(stderr, "ftcost: cannot use %s: %s\n", path, error->message);
        return FTC_EXIT_INVALID;
    }
    ours = ftc_prices_get();
    for (size_t i = 0; i < ftc_price_list_count(ours); i++) {
        const ftc_price_entry *e = ftc_price_list_at(ours, i);
        g_autofree char *key = g_strdup_printf("%s/%s", e->provider, e->model);
        const ftc_price_entry *t = NULL;

        /* each name set against the file for the entry that answers to it
         * here: a vendored google/gemini-2.5-pro is not compared with the
         * file's gemini-2.5-pro, the reviewed gemini/gemini-2.5-pro is */
        if (ftc_price_list_find(ours, key) == e)
            t = ftc_price_list_find(theirs, key);
        if (t == NULL && ftc_price_list_find(ours, e->model) == e)
            t = ftc_price_list_find(theirs, e->model);
        if (t == NULL) {
            g_string_append_printf(missing, "%s\t%s\t-\t-\tnot in the file\n", e->provider,
                                   e->model);
            continue;
        }
        for (int k = 0; k < FTC_PRICE_KIND_COUNT; k++) {
            double a = e->price[k], b = t->price[k];
            char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

            /* a kind only one side prices is no disagreement: LiteLLM has
             * no fine-tuning prices, ftcost not every field of LiteLLM's */
            if (isnan(a) || isnan(b) || fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b)))
                continue;
            differ++;
            g_string_append_printf(out, "%s\t%s\t%s\t%s\t%s\n", e->provider, e->model,
                                   ftc_price_kind_name((ftc_price_kind)k),
                                   g_ascii_formatd(x, sizeof x, "%.12g", a),
                                   g_ascii_formatd(y, sizeof y, "%.12g", b));
        }
    }
    ftc_price_list_unref(ours);
    ftc_price_list_unref(theirs);
    fputs(out->str, stdout);
    fputs(missing->str, stdout);
    fprintf(stderr, "ftcost: %zu prices differ from %s\n", differ, path);
    return differ > 0 ? FTC_EXIT_DIFFER : FTC_EXIT_OK;
}

static void append_number(GString *out, double x)
{
    char number[G_ASCII_DTOSTR_BUF_SIZE];

    g_string_append_printf(out, "\t%s",
                           isnan(x) ? "-" : g_ascii_formatd(number, sizeof number, "%.12g", x));
}

/* The GPU catalogue in force: a line per GPU and provider with the prices
 * per GPU-hour and the GPU's datasheet figures ("-" where there are none;
 * a GPU without prices gets one line with provider "-"). */
static int list_gpus(const char *filter)
{
    ftc_price_list *list = ftc_prices_get();
    g_autofree char *needle = filter != NULL ? g_utf8_casefold(filter, -1) : NULL;
    g_autoptr(GString) out = g_string_new("gpu\tprovider");
    size_t shown = 0, n_prices = ftc_price_list_gpu_price_count(list);

    for (int k = 0; k < FTC_GPU_PRICE_KIND_COUNT; k++)
        g_string_append_printf(out, "\t%s", ftc_gpu_price_kind_names[k]);
    for (int f = 0; f < FTC_GPU_FIELD_COUNT; f++)
        g_string_append_printf(out, "\t%s", ftc_gpu_field_names[f]);
    g_string_append(out, "\tinstance\tchecked\tsource\torigin\n");
    for (size_t i = 0; i < n_prices; i++) {
        const ftc_gpu_price *p = ftc_price_list_gpu_price_at(list, i);
        const ftc_gpu_spec *spec = ftc_price_list_find_gpu(list, p->gpu);
        char day[FTC_DATE_TEXT_MAX];

        if (!matches(needle, p->gpu, p->provider))
            continue;
        shown++;
        g_string_append_printf(out, "%s\t%s", p->gpu, p->provider);
        for (int k = 0; k < FTC_GPU_PRICE_KIND_COUNT; k++)
            append_number(out, p->price[k]);
        for (int f = 0; f < FTC_GPU_FIELD_COUNT; f++)
            append_number(out, spec != NULL ? spec->spec[f] : NAN);
        ftc_date_format(p->checked, day);
        g_string_append_printf(out, "\t%s\t%s\t%s\t%s\n", p->instance[0] ? p->instance : "-",
                               day, p->source[0] ? p->source : "-", p->origin);
    }
    for (size_t i = 0; i < ftc_price_list_gpu_count(list); i++) {
        const ftc_gpu_spec *spec = ftc_price_list_gpu_at(list, i);
        bool priced = false;
        char day[FTC_DATE_TEXT_MAX];

        for (size_t k = 0; k < n_prices && !priced; k++)
            priced =
                g_ascii_strcasecmp(ftc_price_list_gpu_price_at(list, k)->gpu, spec->gpu) == 0;
        if (priced || !matches(needle, spec->gpu, "-"))
            continue;
        shown++;
        g_string_append_printf(out, "%s\t-", spec->gpu);
        for (int k = 0; k < FTC_GPU_PRICE_KIND_COUNT; k++)
            append_number(out, NAN);
        for (int f = 0; f < FTC_GPU_FIELD_COUNT; f++)
            append_number(out, spec->spec[f]);
        ftc_date_format(spec->checked, day);
        g_string_append_printf(out, "\t-\t%s\t%s\t%s\n", day,
                               spec->source[0] ? spec->source : "-", spec->origin);
    }
    ftc_price_list_unref(list);
    if (shown == 0) {
        fprintf(stderr, "#N/A: no GPU matches \"%s\" (ftcost gpus lists them all)\n",
                filter != NULL ? filter : "");
        return FTC_EXIT_NO_ANSWER;
    }
    fputs(out->str, stdout);
    return FTC_EXIT_OK;
}

/* "--lang de" anywhere after the subcommand; removes it from argv. */
static bool take_lang(int *argc, char **argv, ftc_lang *lang)
{
    for (int i = 0; i < *argc; i++) {
        if (strcmp(argv[i], "--lang") != 0)
            continue;
        if (i + 1 >= *argc)
            return false;
        *lang = ftc_lang_from_code(argv[i + 1]);
        memmove(&argv[i], &argv[i + 2], (size_t)(*argc - i - 2) * sizeof *argv);
        *argc -= 2;
        return true;
    }
    return true;
}

int main(int argc, char **argv)
{
    const ftc_function *fn;
    ftc_lang lang = FTC_LANG_EN;

    setlocale(LC_ALL, "");
    if (argc < 2)
        return usage(NULL);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_text, stdout);
        return FTC_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("ftcost %s\n", FTCOST_VERSION);
        return FTC_EXIT_OK;
    }
    if (strcmp(argv[1], "--list") == 0)
        return argc == 2 ? list_functions() : usage("--list takes no arguments");
    if (strcmp(argv[1], "prices") == 0) {
        if (argc >= 3 && strcmp(argv[2], "update") == 0)
            return ftc_update_main(argc - 2, argv + 2);
        if (argc >= 3 && strcmp(argv[2], "--diff") == 0)
            return argc == 4 ? diff_prices(argv[3]) : usage("prices --diff takes one file");
        if (argc > 3)
            return usage("prices takes at most one filter");
        return list_prices(argc == 3 ? argv[2] : NULL);
    }
    if (strcmp(argv[1], "gpus") == 0) {
        if (argc > 3)
            return usage("gpus takes at most one filter");
        return list_gpus(argc == 3 ? argv[2] : NULL);
    }
    if (strcmp(argv[1], "share") == 0)
        return ftc_share_main(argc - 1, argv + 1);
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "reference") == 0) {
        int rest = argc - 2;
        char **rest_argv = argv + 2;

        if (!take_lang(&rest, rest_argv, &lang))
            return usage("--lang needs a language: en, de or fr");
        if (strcmp(argv[1], "reference") == 0)
            return rest == 0 ? print_reference(lang) : usage("reference takes no arguments");
        if (rest != 1)
            return usage("help takes one function name");
        fn = ftc_function_find(rest_argv[0]);
        if (fn == NULL)
            return usage("no such function (see ftcost --list)");
        print_help(fn, lang, false);
        return FTC_EXIT_OK;
    }

    fn = ftc_function_find(argv[1]);
    if (fn == NULL) {
        fprintf(stderr, "ftcost: unknown function \"%s\" (see ftcost --list)\n", argv[1]);
        return usage(NULL);
    }
    return evaluate(fn, argc - 2, argv + 2);
}
