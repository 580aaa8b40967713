/* The catalogue as users read it (functions/ftc-catalogue.c, ftc-help.c):
 * every function and argument named and described in en/de/fr, units where
 * money, time or tokens are meant, sane defaults, and worked examples that
 * reproduce through the core. */
#include "ftc-test-util.h"
#include "ftcost-private.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static bool is_identifier(const char *s)
{
    if (!g_ascii_isalpha(s[0]))
        return false;
    for (; *s != '\0'; s++)
        if (!g_ascii_isalnum(*s) && *s != '_')
            return false;
    return true;
}

START_TEST(test_function_names)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);

    ck_assert_ptr_nonnull(fn);
    ck_assert(is_identifier(fn->name));
    for (const char *p = fn->name; *p != '\0'; p++)
        ck_assert_msg(!g_ascii_islower(*p), "%s is not upper case", fn->name);
    ck_assert(g_str_has_prefix(fn->name, "FT_") || g_str_has_prefix(fn->name, "API_") ||
              g_str_has_prefix(fn->name, "RAG_") || g_str_has_prefix(fn->name, "GPU_"));
    ck_assert_ptr_eq(ftc_function_find(fn->name), fn);
    /* programmatic names are the display names in lower case */
    g_autofree char *lower = g_ascii_strdown(fn->name, -1);
    ck_assert_ptr_eq(ftc_function_find(lower), fn);
    for (size_t j = 0; j < (size_t)_i; j++)
        ck_assert_str_ne(ftc_function_at(j)->name, fn->name);
}
END_TEST

START_TEST(test_function_texts)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);

    for (int lang = 0; lang < FTC_LANG_COUNT; lang++) {
        const char *d = ftc_text(&fn->description, lang);

        ck_assert_msg(d != NULL && strlen(d) > 20, "%s: no description in %s", fn->name,
                      ftc_lang_code(lang));
        ck_assert(g_utf8_validate(d, -1, NULL));
        ck_assert_msg(g_ascii_isupper(d[0]) || d[0] == '"' || !g_ascii_isalpha(d[0]),
                      "%s: description starts lower case", fn->name);
        /* notes are all three languages or none */
        ck_assert((ftc_text(&fn->notes, lang) == NULL) ==
                  (ftc_text(&fn->notes, FTC_LANG_EN) == NULL));
    }
    ck_assert_str_ne(ftc_text(&fn->description, FTC_LANG_DE), fn->description.en);
    ck_assert_str_ne(ftc_text(&fn->description, FTC_LANG_FR), fn->description.en);
    ck_assert_str_ne(ftc_text(&fn->description, FTC_LANG_FR),
                     ftc_text(&fn->description, FTC_LANG_DE));
}
END_TEST

/* The English argument name says what it measures; the unit must agree. */
typedef struct {
    const char *word;
    ftc_unit units[4];
    const char *unless; /* a word that changes the meaning: PriceChange */
} unit_rule;

static const unit_rule unit_rules[] = {
    {"Price", {FTC_UNIT_MONEY_PER_MTOK, FTC_UNIT_LAST}, "Change"},
    {"Change", {FTC_UNIT_FRACTION_PER_MONTH, FTC_UNIT_LAST}, NULL},
    {"Rate", {FTC_UNIT_MONEY_PER_HOUR, FTC_UNIT_LAST}, NULL},
    {"Tokens",
     {FTC_UNIT_TOKENS, FTC_UNIT_TOKENS_PER_MONTH, FTC_UNIT_TOKENS_PER_SECOND, FTC_UNIT_LAST},
     NULL},
    {"Months", {FTC_UNIT_MONTHS, FTC_UNIT_LAST}, NULL},
    {"Horizon", {FTC_UNIT_MONTHS, FTC_UNIT_LAST}, NULL},
    {"Hours", {FTC_UNIT_HOURS, FTC_UNIT_HOURS_PER_MONTH, FTC_UNIT_LAST}, NULL},
    {"Monthly",
     {FTC_UNIT_MONEY_PER_MONTH, FTC_UNIT_TOKENS_PER_MONTH, FTC_UNIT_HOURS_PER_MONTH,
      FTC_UNIT_FRACTION_PER_MONTH},
     NULL},
    {"Upfront", {FTC_UNIT_MONEY, FTC_UNIT_LAST}, NULL},
    {"Training", {FTC_UNIT_MONEY, FTC_UNIT_TOKENS, FTC_UNIT_LAST}, NULL},
    {"Tco", {FTC_UNIT_MONEY, FTC_UNIT_LAST}, NULL},
    {"Growth", {FTC_UNIT_FRACTION_PER_MONTH, FTC_UNIT_LAST}, NULL},
};

static bool unit_allowed(const unit_rule *rule, ftc_unit unit)
{
    for (size_t i = 0; i < G_N_ELEMENTS(rule->units) && rule->units[i] != FTC_UNIT_LAST; i++)
        if (rule->units[i] == unit)
            return true;
    return false;
}

START_TEST(test_argument_texts)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);
    bool seen_optional = false;

    ck_assert_uint_le(fn->n_args, FTC_MAX_ARGS);
    /* every function takes an argument; API_MODELS none it requires */
    ck_assert_uint_ge(fn->n_args, 1);
    for (size_t i = 0; i < fn->n_args; i++) {
        const ftc_arg_info *a = &fn->args[i];
        const char *en = a->name.en;

        ck_assert_msg(is_identifier(en), "%s: argument %zu \"%s\" is no IDL name", fn->name, i,
                      en);
        ck_assert_msg(g_ascii_isupper(en[0]) || g_ascii_isdigit(en[1]) || strlen(en) <= 3,
                      "%s: %s should be CamelCase", fn->name, en);
        ck_assert_int_lt(a->unit, FTC_UNIT_LAST);
        ck_assert_int_lt(a->domain, FTC_DOMAIN_LAST);
        for (int lang = 0; lang < FTC_LANG_COUNT; lang++) {
            const char *name = ftc_text(&a->name, lang),
                       *desc = ftc_text(&a->description, lang);
            char help[1024];
            size_t len = ftc_arg_help(fn, i, lang, help, sizeof help);

            ck_assert_msg(name != NULL && *name != '\0' && strchr(name, ' ') == NULL,
                          "%s: argument %zu has no %s name", fn->name, i, ftc_lang_code(lang));
            ck_assert_msg(desc != NULL && strlen(desc) > 5, "%s: %s: no %s description",
                          fn->name, en, ftc_lang_code(lang));
            ck_assert(g_utf8_validate(name, -1, NULL) && g_utf8_validate(desc, -1, NULL));
            ck_assert_uint_lt(len, sizeof help);
            /* the help shows the unit and the accepted values */
            ck_assert_ptr_nonnull(strstr(help, desc));
            ck_assert_ptr_nonnull(strstr(help, ftc_unit_label(a->unit, lang)));
            ck_assert_ptr_nonnull(strstr(help, ftc_domain_label(a->domain, lang)));
            for (size_t j = 0; j < i; j++)
                ck_assert_msg(strcmp(ftc_text(&fn->args[j].name, lang), name) != 0,
                              "%s: two arguments named %s", fn->name, name);
        }
        for (size_t r = 0; r < G_N_ELEMENTS(unit_rules); r++)
            if (strstr(en, unit_rules[r].word) != NULL &&
                (unit_rules[r].unless == NULL || strstr(en, unit_rules[r].unless) == NULL))
                ck_assert_msg(unit_allowed(&unit_rules[r], a->unit),
                              "%s: %s has unit %d, not one for \"%s\"", fn->name, en, a->unit,
                              unit_rules[r].word);

        /* optional arguments come last and default to something valid */
        if (seen_optional)
            ck_assert_msg(a->optional, "%s: required %s after an optional one", fn->name, en);
        seen_optional = seen_optional || a->optional;
        if (a->optional && a->default_arg >= 0) {
            ck_assert_int_lt(a->default_arg, (int)i);
            ck_assert_int_eq(fn->args[a->default_arg].domain, a->domain);
        }
        if (a->optional && a->default_arg < 0) {
            char help[1024], syntax[1024], shown[300];

            ftc_arg_help(fn, i, FTC_LANG_EN, help, sizeof help);
            ftc_syntax(fn, FTC_LANG_EN, syntax, sizeof syntax);
            if (a->domain == FTC_DOMAIN_TEXT && a->default_text == NULL) {
                /* no default text: the kernel decides ("[Provider]") */
                g_autofree char *bare = g_strdup_printf("[%s]", en);

                ck_assert_msg(g_str_has_prefix(help, "Optional. "), "%s: %s", fn->name, help);
                ck_assert_msg(strstr(syntax, bare) != NULL, "%s: syntax lacks %s", fn->name,
                              bare);
                continue;
            } else if (a->domain == FTC_DOMAIN_TEXT) {
                /* a text default is text, shown quoted as in a formula */
                ck_assert_msg(a->default_text != NULL && *a->default_text != '\0',
                              "%s: %s has no default text", fn->name, en);
                ck_assert_double_eq(a->default_value, 0);
                snprintf(shown, sizeof shown, "\"%s\"", a->default_text);
            } else if (isnan(a->default_value)) {
                /* no constant default (the kernel decides): "[AsOf]", "optional)" */
                ck_assert_ptr_null(a->default_text);
                ck_assert_msg(g_str_has_prefix(help, "Optional. "), "%s: %s", fn->name, help);
                g_autofree char *bare = g_strdup_printf("[%s]", en);
                ck_assert_msg(strstr(syntax, bare) != NULL, "%s: syntax lacks %s", fn->name,
                              bare);
                continue;
            } else {
                ck_assert_ptr_null(a->default_text);
                snprintf(shown, sizeof shown, "%.15g", a->default_value);
            }
            ck_assert_msg(strstr(help, shown) != NULL, "%s: %s help lacks default %s", fn->name,
                          en, shown);
            g_autofree char *in_syntax = g_strdup_printf("[%s = %s]", en, shown);
            ck_assert_msg(strstr(syntax, in_syntax) != NULL, "%s: syntax lacks %s", fn->name,
                          in_syntax);
        }
        if (!a->optional) {
            ck_assert_double_eq(a->default_value, 0);
            ck_assert_ptr_null(a->default_text);
        }
        if (a->domain == FTC_DOMAIN_TEXT)
            ck_assert_int_eq(a->unit, FTC_UNIT_TEXT);
    }
}
END_TEST

static void check_example(const ftc_function *fn, const ftc_example *ex)
{
    ftc_result r;
    ftc_error err = {.arg = -1};
    ftc_status st = ftc_test_call(fn->name, ex->args, &r, &err);

    ck_assert_msg(st == ex->status, "%s(%s): status %d, want %d (%s)", fn->name, ex->args, st,
                  ex->status, err.message);
    if (st != FTC_OK)
        return;
    ck_assert_int_eq(r.type, fn->result);
    switch (fn->result) {
    case FTC_TYPE_NUMBER:
        ck_assert_msg(ftc_test_close(r.number, ex->number), "%s(%s) = %.17g, want %.17g",
                      fn->name, ex->args, r.number, ex->number);
        break;
    case FTC_TYPE_TEXT:
        ck_assert_str_eq(r.text, ex->text);
        break;
    case FTC_TYPE_ARRAY:
        ck_assert_uint_eq(r.rows, ex->rows);
        ck_assert_uint_eq(r.cols, ex->cols);
        ck_assert_uint_le(ex->n_cells, ex->rows * ex->cols);
        ck_assert_uint_ge(ex->n_cells, 1);
        for (size_t i = 0; i < ex->n_cells; i++)
            ck_assert(ftc_test_close(r.cells[i], ex->cells[i]));
        break;
    case FTC_TYPE_TEXT_COLUMN:
        ck_assert_msg(r.rows == ex->rows, "%s(%s): %zu rows, want %zu", fn->name, ex->args,
                      r.rows, ex->rows);
        ck_assert_uint_eq(r.cols, 1);
        ck_assert_uint_eq(ex->cols, 1);
        ck_assert_uint_le(ex->n_cells, ex->rows);
        ck_assert_uint_ge(ex->n_cells, 1);
        for (size_t i = 0; i < ex->n_cells; i++)
            ck_assert_str_eq(r.texts[i], ex->texts[i]);
        break;
    }
    ftc_result_clear(&r);
}

START_TEST(test_examples_reproduce)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);
    bool has_success = false;

    ck_assert_uint_ge(fn->n_examples, 1);
    for (size_t i = 0; i < fn->n_examples; i++) {
        check_example(fn, &fn->examples[i]);
        has_success = has_success || fn->examples[i].status == FTC_OK;
    }
    ck_assert(has_success);
}
END_TEST

START_TEST(test_syntax)
{
    const ftc_function *fn = ftc_function_find("API_COST");
    char buf[512], tiny[8];
    size_t en_len = ftc_syntax(fn, FTC_LANG_EN, buf, sizeof buf);

    ck_assert_uint_eq(en_len, strlen(buf));
    ck_assert_str_eq(buf, "API_COST(InputTokens, OutputTokens, InputPrice, OutputPrice, "
                          "[CachedTokens = 0], [CachedPrice = InputPrice], [Discount = 0])");
    ftc_syntax(ftc_function_find("FT_VERDICT"), FTC_LANG_DE, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "[Toleranz = 0,1]"));
    /* a text default: quoted, the same in every language */
    ftc_syntax(ftc_function_find("API_PRICE"), FTC_LANG_EN, buf, sizeof buf);
    ck_assert_str_eq(buf, "API_PRICE(Model, [Kind = \"input\"], [AsOf], [PromptTokens])");
    ftc_syntax(ftc_function_find("API_PRICE"), FTC_LANG_DE, buf, sizeof buf);
    ck_assert_str_eq(buf, "API_PRICE(Modell; [Art = \"input\"]; [Stichtag]; [PromptTokens])");
    /* an optional text without a default: the kernel's (every provider) */
    ftc_syntax(ftc_function_find("API_MODELS"), FTC_LANG_EN, buf, sizeof buf);
    ck_assert_str_eq(buf, "API_MODELS([Provider], [Kind = \"input\"])");
    ftc_arg_help(ftc_function_find("API_MODELS"), 0, FTC_LANG_DE, buf, sizeof buf);
    ck_assert_msg(g_str_has_prefix(buf, "Optional. "), "%s", buf);
    ftc_arg_help(ftc_function_find("API_PRICE"), 1, FTC_LANG_FR, buf, sizeof buf);
    ck_assert_msg(g_str_has_prefix(buf, "Facultatif, par défaut \"input\". Quel prix"), "%s",
                  buf);
    ck_assert(g_str_has_suffix(buf, "(texte)"));
    /* a choice: its words, and no "text; text" */
    ftc_arg_help(ftc_function_find("FT_TRAIN_FLOPS"), 3, FTC_LANG_DE, buf, sizeof buf);
    ck_assert_msg(g_str_has_prefix(buf, "Optional, Standard \"full\". "), "%s", buf);
    ck_assert(g_str_has_suffix(buf, "(Text, eines von \"full\", \"lora\", \"qlora\")"));
    /* cut to fit, never past the buffer, and tells the length it needed */
    ck_assert_uint_eq(ftc_syntax(fn, FTC_LANG_EN, tiny, sizeof tiny), en_len);
    ck_assert_str_eq(tiny, "API_COS");
    ck_assert_uint_gt(ftc_arg_help(fn, 0, FTC_LANG_FR, tiny, sizeof tiny), sizeof tiny);
    ck_assert_uint_eq(strlen(tiny), sizeof tiny - 1);
    ck_assert_uint_eq(ftc_arg_help(fn, 99, FTC_LANG_EN, buf, sizeof buf), 0);
}
END_TEST

START_TEST(test_languages)
{
    ck_assert_int_eq(ftc_lang_from_code("de"), FTC_LANG_DE);
    ck_assert_int_eq(ftc_lang_from_code("de-CH"), FTC_LANG_DE);
    ck_assert_int_eq(ftc_lang_from_code("fr_BE.UTF-8"), FTC_LANG_FR);
    ck_assert_int_eq(ftc_lang_from_code("FR"), FTC_LANG_FR);
    ck_assert_int_eq(ftc_lang_from_code("en-US"), FTC_LANG_EN);
    ck_assert_int_eq(ftc_lang_from_code("dexx"), FTC_LANG_EN);
    ck_assert_int_eq(ftc_lang_from_code("ja"), FTC_LANG_EN);
    ck_assert_int_eq(ftc_lang_from_code(""), FTC_LANG_EN);
    ck_assert_int_eq(ftc_lang_from_code(NULL), FTC_LANG_EN);
    ck_assert_str_eq(ftc_lang_code(FTC_LANG_FR), "fr");
    for (int u = 0; u < FTC_UNIT_LAST; u++)
        for (int lang = 0; lang < FTC_LANG_COUNT; lang++)
            ck_assert_ptr_nonnull(ftc_unit_label(u, lang));
    for (int d = 0; d < FTC_DOMAIN_LAST; d++)
        for (int lang = 0; lang < FTC_LANG_COUNT; lang++)
            ck_assert_ptr_nonnull(ftc_domain_label(d, lang));
    ck_assert_ptr_null(ftc_unit_label(FTC_UNIT_LAST, FTC_LANG_EN));
    ck_assert_ptr_null(ftc_function_at(ftc_function_count()));
    ck_assert_ptr_null(ftc_function_find("NO_SUCH"));
    ck_assert_ptr_null(ftc_function_find(NULL));
}
END_TEST

/* The table of a language (generated from functions/po/LANG.po) as
 * ftc_text() searches it: strictly sorted, every text translated. */
static const ftc_translation *table_find(ftc_lang lang, const ftc_l10n *s)
{
    for (size_t i = 0; i < ftc_translations[lang].n; i++) {
        const ftc_translation *t = &ftc_translations[lang].entries[i];

        if (strcmp(t->en, s->en) == 0 && g_strcmp0(t->context, s->context) == 0)
            return t;
    }
    return NULL;
}

static void check_translated(const ftc_l10n *s, ftc_lang lang)
{
    const ftc_translation *t;

    if (s->en == NULL)
        return;
    t = table_find(lang, s);
    ck_assert_msg(t != NULL, "\"%s\" is not in the %s table", s->en, ftc_lang_code(lang));
    ck_assert_str_eq(ftc_text(s, lang), t->text);
}

START_TEST(test_translation_tables)
{
    static const ftc_l10n tokens = FTC_L10N("Tokens"), unknown = FTC_L10N("No such text"),
                          other_context = FTC_L10N_CTX("no such context", "Tokens");

    ck_assert_uint_eq(ftc_translations[FTC_LANG_EN].n, 0);
    for (int lang = 1; lang < FTC_LANG_COUNT; lang++) {
        const ftc_translation_table *tab = &ftc_translations[lang];

        ck_assert_uint_gt(tab->n, 100);
        for (size_t i = 0; i < tab->n; i++) {
            const ftc_translation *t = &tab->entries[i];

            ck_assert(t->text[0] != '\0' && g_utf8_validate(t->text, -1, NULL));
            if (i > 0) {
                const ftc_translation *p = &tab->entries[i - 1];
                int c = strcmp(p->context != NULL ? p->context : "",
                               t->context != NULL ? t->context : "");

                ck_assert_msg(c < 0 || (c == 0 && strcmp(p->en, t->en) < 0),
                              "%s table: \"%s\" before \"%s\"", ftc_lang_code(lang), p->en,
                              t->en);
            }
        }
        for (size_t f = 0; f < ftc_function_count(); f++) {
            const ftc_function *fn = ftc_function_at(f);

            check_translated(&fn->description, lang);
            check_translated(&fn->notes, lang);
            for (size_t i = 0; i < fn->n_args; i++) {
                check_translated(&fn->args[i].name, lang);
                check_translated(&fn->args[i].description, lang);
            }
        }
        /* English where the table has no entry: another context, a new text */
        ck_assert_str_eq(ftc_text(&unknown, lang), "No such text");
        ck_assert_str_eq(ftc_text(&other_context, lang), "Tokens");
    }
    ck_assert_str_eq(ftc_text(&tokens, FTC_LANG_EN), "Tokens");
    ck_assert_str_eq(ftc_text(&tokens, FTC_LANG_FR), "Jetons");
    ck_assert_str_eq(ftc_text(&tokens, FTC_LANG_COUNT), "Tokens");
    ck_assert_ptr_null(ftc_text(&(ftc_l10n)FTC_L10N(NULL), FTC_LANG_DE));
    ck_assert_ptr_null(ftc_text(NULL, FTC_LANG_DE));
}
END_TEST

/* What a spreadsheet user reads: no shell-command backticks, no tracker
 * words ("issue 13"); `flat`: no bracket inside a bracket (an argument's
 * text; a note's formula may nest). */
static void check_readable(const char *fn, const char *what, const char *text, bool flat)
{
    int depth = 0;

    if (text == NULL)
        return;
    ck_assert_msg(strchr(text, '`') == NULL, "%s: %s has a backtick: %s", fn, what, text);
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '(' || *p == '[')
            depth++;
        else if (*p == ')' || *p == ']')
            depth--;
        ck_assert_msg(!flat || depth <= 1, "%s: %s nests brackets: %s", fn, what, text);
    }
    for (const char *p = text; (p = g_strstr_len(p, -1, "issue ")) != NULL; p++)
        ck_assert_msg(!g_ascii_isdigit(p[6]), "%s: %s names a tracker issue: %s", fn, what,
                      text);
}

/* The Function Wizard shows the start of an argument's text: an optional
 * argument's default must be within it. */
#define WIZARD_VISIBLE 45

START_TEST(test_wizard_texts)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);

    for (int lang = 0; lang < FTC_LANG_COUNT; lang++) {
        check_readable(fn->name, "description", ftc_text(&fn->description, lang), true);
        check_readable(fn->name, "notes", ftc_text(&fn->notes, lang), false);
        for (size_t i = 0; i < fn->n_args; i++) {
            const ftc_arg_info *a = &fn->args[i];
            char help[1024], shown[300];
            const char *at;

            ftc_arg_help(fn, i, lang, help, sizeof help);
            check_readable(fn->name, a->name.en, help, true);
            if (!a->optional)
                continue;
            if (a->default_arg >= 0)
                snprintf(shown, sizeof shown, "%s",
                         ftc_text(&fn->args[a->default_arg].name, lang));
            else if (a->domain == FTC_DOMAIN_TEXT && a->default_text != NULL)
                snprintf(shown, sizeof shown, "\"%s\"", a->default_text);
            else if (a->domain == FTC_DOMAIN_TEXT || isnan(a->default_value))
                snprintf(shown, sizeof shown, "%s",
                         lang == FTC_LANG_FR ? "Facultatif" : "Optional");
            else
                snprintf(shown, sizeof shown, "%.15g", a->default_value);
            if (lang != FTC_LANG_EN)
                for (char *p = shown; *p != '\0'; p++)
                    if (*p == '.')
                        *p = ',';
            at = strstr(help, shown);
            ck_assert_msg(at != NULL && (size_t)(at - help) + strlen(shown) <= WIZARD_VISIBLE,
                          "%s: the default %s of %s is not within the first %d characters: %s",
                          fn->name, shown, ftc_text(&a->name, lang), WIZARD_VISIBLE, help);
        }
    }
}
END_TEST

/* Examples as the help shows them: ',' between arguments in English (as an
 * English Calc), ';' in German and French, whose decimals take the comma. */
START_TEST(test_example_separators)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);

    for (size_t e = 0; e < fn->n_examples; e++) {
        const char *args = fn->examples[e].args;
        char en[512], de[512];
        size_t n_en = ftc_example_args(args, FTC_LANG_EN, en, sizeof en);

        ck_assert_uint_lt(n_en, sizeof en);
        ftc_example_args(args, FTC_LANG_DE, de, sizeof de);
        ck_assert_msg(strchr(en, ';') == NULL, "%s: English example with ';': %s", fn->name,
                      en);
        ck_assert_msg(strchr(args, ';') == NULL || strchr(de, ';') != NULL, "%s: %s", fn->name,
                      de);
        ck_assert_msg(strchr(args, ';') == NULL || strchr(en, ',') != NULL, "%s: %s", fn->name,
                      en);
    }
    char buf[64];
    ck_assert_uint_eq(ftc_example_args("\"a;b\"; 0.5;;2", FTC_LANG_EN, buf, sizeof buf),
                      strlen("\"a;b\", 0.5, , 2"));
    ck_assert_str_eq(buf, "\"a;b\", 0.5, , 2");
    ftc_example_args("\"gpt-4.1\"; 0.5; 45817.75", FTC_LANG_DE, buf, sizeof buf);
    ck_assert_str_eq(buf, "\"gpt-4.1\"; 0,5; 45817,75");
}
END_TEST

/* A domain's limits (a template's validity rule, the table's "limits") say
 * what ftc_domain_contains accepts: at, just inside and just outside each
 * bound. */
START_TEST(test_domain_limits)
{
    for (int d = 0; d < FTC_DOMAIN_LAST; d++) {
        ftc_domain_limits l;

        if (!ftc_domain_get_limits((ftc_domain)d, &l)) {
            ck_assert_int_eq(d, FTC_DOMAIN_TEXT);
            continue;
        }
        ck_assert(!isnan(l.low)); /* every number domain has a floor */
        ck_assert_int_eq(ftc_domain_contains((ftc_domain)d, l.low), l.low_included);
        ck_assert(!ftc_domain_contains((ftc_domain)d, l.low - 1e-9));
        ck_assert(ftc_domain_contains((ftc_domain)d, l.whole ? l.low + 1 : l.low + 1e-9));
        if (isnan(l.high)) {
            ck_assert(ftc_domain_contains((ftc_domain)d, 1e12));
        } else {
            ck_assert_int_eq(ftc_domain_contains((ftc_domain)d, l.high), l.high_included);
            ck_assert(!ftc_domain_contains((ftc_domain)d, l.high + (l.whole ? 1 : 1e-9)));
            ck_assert(ftc_domain_contains((ftc_domain)d, l.whole ? l.high - 1 : l.high - 1e-9));
        }
        ck_assert_int_eq(ftc_domain_contains((ftc_domain)d, l.low + 1.5),
                         !l.whole && (isnan(l.high) || l.low + 1.5 < l.high));
    }
}
END_TEST

static Suite *help_suite(void)
{
    Suite *s = suite_create("help");
    TCase *tc = tcase_create("catalogue");
    int n = (int)ftc_function_count();

    tcase_add_loop_test(tc, test_function_names, 0, n);
    tcase_add_loop_test(tc, test_function_texts, 0, n);
    tcase_add_loop_test(tc, test_argument_texts, 0, n);
    tcase_add_loop_test(tc, test_examples_reproduce, 0, n);
    tcase_add_loop_test(tc, test_wizard_texts, 0, n);
    tcase_add_loop_test(tc, test_example_separators, 0, n);
    tcase_add_test(tc, test_domain_limits);
    tcase_add_test(tc, test_syntax);
    tcase_add_test(tc, test_languages);
    tcase_add_test(tc, test_translation_tables);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(help_suite());
}
