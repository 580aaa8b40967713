/* ftc-help.c: help text rendered from the catalogue, in en/de/fr (the
 * translations of functions/po/, compiled in).  The add-in's Function
 * Wizard, `ftcost help` and the reference all use it. */
#include "ftcost-private.h"

#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ftc_l10n unit_labels[FTC_UNIT_LAST] = {
    [FTC_UNIT_MONEY] = L("money, workbook currency"),
    [FTC_UNIT_MONEY_PER_MONTH] = L("money per month"),
    [FTC_UNIT_MONEY_PER_HOUR] = L("money per hour"),
    [FTC_UNIT_MONEY_PER_MTOK] = L("money per million tokens"),
    [FTC_UNIT_MONTHS] = L("months"),
    [FTC_UNIT_HOURS] = L("hours"),
    [FTC_UNIT_HOURS_PER_MONTH] = L("hours per month"),
    [FTC_UNIT_TOKENS] = L("tokens"),
    [FTC_UNIT_TOKENS_PER_MONTH] = L("tokens per month"),
    [FTC_UNIT_TOKENS_PER_SECOND] = L("tokens per second"),
    [FTC_UNIT_COUNT] = L("count"),
    [FTC_UNIT_PER_YEAR] = L("times per year"),
    [FTC_UNIT_FRACTION] = L("fraction, 0.2 = 20 %"),
    [FTC_UNIT_FRACTION_PER_MONTH] = L("fraction per month, 0.05 = 5 %"),
    [FTC_UNIT_WATTS] = L("watts"),
    [FTC_UNIT_KWH] = L("kWh"),
    [FTC_UNIT_GRAMS_PER_KWH] = L("grams of CO2 per kWh"),
    [FTC_UNIT_RATIO] = L("ratio"),
    [FTC_UNIT_SCORE] = L("score, e.g. 0.9 for 90 %"),
    [FTC_UNIT_TEXT] = L("text"),
    [FTC_UNIT_BYTES] = L("bytes"),
    [FTC_UNIT_GB] = L("GB of 10^9 bytes"),
    [FTC_UNIT_PARAMETERS] = L("parameters, 7E9 for 7B"),
    [FTC_UNIT_TFLOPS] = L("TFLOPS, 10^12 operations per second"),
    [FTC_UNIT_QUERIES_PER_MONTH] = L("queries per month"),
    [FTC_UNIT_DATE] = L("a date, the serial number DATE gives"),
};

static const ftc_l10n domain_labels[FTC_DOMAIN_LAST] = {
    [FTC_DOMAIN_NON_NEGATIVE] = L("a number ≥ 0"),
    [FTC_DOMAIN_POSITIVE] = L("a number > 0"),
    [FTC_DOMAIN_FRACTION] = L("from 0 to 1"),
    [FTC_DOMAIN_FRACTION_BELOW_1] = L("from 0 to below 1"),
    [FTC_DOMAIN_FRACTION_ABOVE_0] = L("above 0, at most 1"),
    [FTC_DOMAIN_ABOVE_MINUS_1] = L("above -1"),
    [FTC_DOMAIN_AT_LEAST_1] = L("a number ≥ 1"),
    [FTC_DOMAIN_WHOLE_MONTHS] = L("a whole number from 1 to 1200"),
    [FTC_DOMAIN_WHOLE_NON_NEGATIVE] = L("a whole number ≥ 0"),
    [FTC_DOMAIN_TEXT] = L("text"),
};

static const ftc_l10n word_optional = L("Optional, default");
static const ftc_l10n word_one_of = L("one of");
static const ftc_l10n word_optional_alone = L("Optional");

ftc_lang ftc_lang_from_code(const char *code)
{
    static const char *const prefixes[FTC_LANG_COUNT] = {"en", "de", "fr"};

    /* "de", "de-CH", "de_AT.UTF-8": the language part decides. */
    for (int lang = 0; code != NULL && lang < FTC_LANG_COUNT; lang++)
        if (g_ascii_strncasecmp(code, prefixes[lang], 2) == 0 &&
            (code[2] == '\0' || code[2] == '-' || code[2] == '_' || code[2] == '.'))
            return (ftc_lang)lang;
    return FTC_LANG_EN;
}

const char *ftc_lang_code(ftc_lang lang)
{
    static const char *const codes[FTC_LANG_COUNT] = {"en", "de", "fr"};

    return lang < FTC_LANG_COUNT ? codes[lang] : codes[FTC_LANG_EN];
}

static int compare_translation(const void *key, const void *entry)
{
    const ftc_l10n *s = key;
    const ftc_translation *t = entry;
    int c = strcmp(s->context != NULL ? s->context : "", t->context != NULL ? t->context : "");

    return c != 0 ? c : strcmp(s->en, t->en);
}

/* The build fails on a text without a translation; the English stays as
 * the answer to a text the table has not seen all the same. */
const char *ftc_text(const ftc_l10n *s, ftc_lang lang)
{
    const ftc_translation *t;

    if (s == NULL || s->en == NULL)
        return NULL;
    if (lang == FTC_LANG_EN || lang >= FTC_LANG_COUNT || ftc_translations[lang].n == 0)
        return s->en;
    t = bsearch(s, ftc_translations[lang].entries, ftc_translations[lang].n, sizeof *t,
                compare_translation);
    return t != NULL ? t->text : s->en;
}

const char *ftc_unit_label(ftc_unit unit, ftc_lang lang)
{
    return unit < FTC_UNIT_LAST ? ftc_text(&unit_labels[unit], lang) : NULL;
}

const char *ftc_domain_label(ftc_domain domain, ftc_lang lang)
{
    return domain < FTC_DOMAIN_LAST ? ftc_text(&domain_labels[domain], lang) : NULL;
}

/* snprintf that appends at *len and keeps counting past the end. */
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(*len < size ? buf + *len : NULL, *len < size ? size - *len : 0, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len += (size_t)n;
}

/* A default as a reader of that language writes it: 0,1 in de and fr. */
static void format_number(double x, ftc_lang lang, char out[32])
{
    snprintf(out, 32, "%.15g", x);
    if (lang != FTC_LANG_EN)
        for (char *p = out; *p != '\0'; p++)
            if (*p == '.')
                *p = ',';
}

size_t ftc_arg_help(const ftc_function *fn, size_t arg, ftc_lang lang, char *buf, size_t size)
{
    const ftc_arg_info *a;
    size_t len = 0;

    if (size > 0)
        buf[0] = '\0';
    if (fn == NULL || arg >= fn->n_args)
        return 0;
    a = &fn->args[arg];
    /* The default first: Calc's Function Wizard shows the start of a long
     * text only.  "Optional, default 24. Months to count (months; ...)". */
    if (a->optional && a->default_arg >= 0) {
        append(buf, size, &len, "%s %s. ", ftc_text(&word_optional, lang),
               ftc_text(&fn->args[a->default_arg].name, lang));
    } else if (a->optional && a->domain == FTC_DOMAIN_TEXT && a->default_text != NULL) {
        append(buf, size, &len, "%s \"%s\". ", ftc_text(&word_optional, lang), a->default_text);
    } else if (a->optional && (a->domain == FTC_DOMAIN_TEXT || isnan(a->default_value))) {
        append(buf, size, &len, "%s. ", ftc_text(&word_optional_alone, lang));
    } else if (a->optional) {
        char number[32];

        format_number(a->default_value, lang, number);
        append(buf, size, &len, "%s %s. ", ftc_text(&word_optional, lang), number);
    }
    /* Text is its own domain: "(text; text)" would say nothing twice. */
    append(buf, size, &len, "%s (%s", ftc_text(&a->description, lang),
           ftc_unit_label(a->unit, lang));
    if (a->choices != NULL) {
        append(buf, size, &len, ", %s ", ftc_text(&word_one_of, lang));
        for (size_t i = 0; a->choices[i] != NULL; i++)
            append(buf, size, &len, "%s\"%s\"", i > 0 ? ", " : "", a->choices[i]);
    } else if (a->domain != FTC_DOMAIN_TEXT) {
        append(buf, size, &len, "; %s", ftc_domain_label(a->domain, lang));
    }
    append(buf, size, &len, ")");
    return len;
}

/* The separator between a function's arguments as a Calc in that language
 * shows it: ',' in English, ';' in German and French (whose decimal
 * separator is the comma). */
static const char *arg_separator(ftc_lang lang)
{
    return lang == FTC_LANG_EN ? ", " : "; ";
}

size_t ftc_example_args(const char *args, ftc_lang lang, char *buf, size_t size)
{
    size_t len = 0;
    bool quoted = false;

    if (size > 0)
        buf[0] = '\0';
    for (const char *p = args; p != NULL && *p != '\0'; p++) {
        if (*p == '"')
            quoted = !quoted;
        if (quoted || *p == '"') {
            append(buf, size, &len, "%c", *p);
        } else if (*p == ';') {
            append(buf, size, &len, "%s", arg_separator(lang));
            while (p[1] == ' ')
                p++;
        } else if (*p == '.' && lang != FTC_LANG_EN && p > args && g_ascii_isdigit(p[-1]) &&
                   g_ascii_isdigit(p[1])) {
            append(buf, size, &len, ",");
        } else {
            append(buf, size, &len, "%c", *p);
        }
    }
    return len;
}

size_t ftc_syntax(const ftc_function *fn, ftc_lang lang, char *buf, size_t size)
{
    size_t len = 0;

    if (size > 0)
        buf[0] = '\0';
    if (fn == NULL)
        return 0;
    append(buf, size, &len, "%s(", fn->name);
    for (size_t i = 0; i < fn->n_args; i++) {
        const ftc_arg_info *a = &fn->args[i];
        const char *sep = i > 0 ? arg_separator(lang) : "";

        if (!a->optional)
            append(buf, size, &len, "%s%s", sep, ftc_text(&a->name, lang));
        else if (a->default_arg >= 0)
            append(buf, size, &len, "%s[%s = %s]", sep, ftc_text(&a->name, lang),
                   ftc_text(&fn->args[a->default_arg].name, lang));
        else if (a->domain == FTC_DOMAIN_TEXT && a->default_text != NULL)
            append(buf, size, &len, "%s[%s = \"%s\"]", sep, ftc_text(&a->name, lang),
                   a->default_text);
        else if (a->domain == FTC_DOMAIN_TEXT || isnan(a->default_value))
            append(buf, size, &len, "%s[%s]", sep, ftc_text(&a->name, lang));
        else {
            char number[32];

            format_number(a->default_value, lang, number);
            append(buf, size, &len, "%s[%s = %s]", sep, ftc_text(&a->name, lang), number);
        }
    }
    append(buf, size, &len, ")");
    return len;
}
