/* ftcost-uno-gen: writes the UNO side of the add-in from the function table.
 *
 *   ftcost-uno-gen idl OUT.idl
 *       The IDL of org.ftcost.XFunctions: one method per table function, in
 *       table order, named as the display name in lower case; a required
 *       number is `sequence<sequence<any>>` (`double` in a function that
 *       returns an array or text), a required text `string`, an optional
 *       argument `any` (see arg_idl_type); every method returns `any` and raises
 *       IllegalArgumentException.  Parameter names are the English argument
 *       names.
 *
 *       LibreOffice 7.4's unoidl-write rejects lower-case identifiers with
 *       an underscore ("illegal identifier ft_tco"; later versions accept
 *       them and the binary .rdb reader always did), so the IDL spells each
 *       such method with '0' for '_' (ft0tco) and `patch` puts the real name
 *       back into the .rdb.
 *
 *   ftcost-uno-gen patch IN.rdb OUT.rdb
 *       Copies IN.rdb, replacing every placeholder method name by the real
 *       one (same length, in place).  Fails unless each placeholder occurs
 *       exactly once as a length-prefixed UNOIDL string.
 *
 *   ftcost-uno-gen components LIBRARY OUT.components
 *       The component description (environment "uno": the library is C).
 *       It names only org.ftcost.Functions, not com.sun.star.sheet.AddIn:
 *       Calc instantiates every component of that service the first time
 *       it needs its function list (any formula does), and ours would load
 *       with Calc.  Calc finds the functions in the configuration instead
 *       (below) and loads the component at the first call, or when the
 *       Function Wizard shows one of them (ScUnoAddInCollection::
 *       ReadConfiguration and LoadComponent, sc/source/core/tool/addincol.cxx).
 *
 *   ftcost-uno-gen xcu OUT.xcu
 *       That configuration (org.openoffice.Office.CalcAddIns/AddInInfo):
 *       per function its display name, description and category (no
 *       compatibility name), per argument its name and help, in every
 *       language of the table; the same strings XAddIn answers once the
 *       component is loaded.
 *
 *   ftcost-uno-gen json OUT.json
 *       The table (names, arguments, defaults, examples) for the end-to-end
 *       tests, which build their sheets from it.
 *
 * Exit status 0 on success, 1 on any error (message on stderr).
 */
#include "ftcost-uno-names.h"
#include "ftcost.h"

#include <json-glib/json-glib.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 128

static int fail(const char *what, const char *detail)
{
    fprintf(stderr, "ftcost-uno-gen: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    return 1;
}

/* The method name: the display name in lower case. */
static int method_name(const ftc_function *fn, char *buf, size_t size)
{
    size_t n = strlen(fn->name);
    if (n == 0 || n >= size)
        return -1;
    for (size_t i = 0; i <= n; i++)
        buf[i] = (char)tolower((unsigned char)fn->name[i]);
    return 0;
}

/* What the IDL says instead: '_' -> '0' (legal for 7.4's unoidl-write). */
static void placeholder_name(const char *method, char *buf)
{
    size_t i = 0;
    for (; method[i]; i++)
        buf[i] = method[i] == '_' ? '0' : method[i];
    buf[i] = '\0';
}

static bool is_idl_keyword(const char *s)
{
    static const char *const kw[] = {
        "any",          "attribute", "boolean",   "bound",       "byte",
        "char",         "const",     "constants", "constrained", "double",
        "enum",         "exception", "float",     "get",         "hyper",
        "in",           "inout",     "interface", "long",        "maybeambiguous",
        "maybedefault", "maybevoid", "module",    "optional",    "out",
        "property",     "published", "raises",    "readonly",    "removable",
        "sequence",     "service",   "set",       "short",       "singleton",
        "string",       "struct",    "transient", "type",        "typedef",
        "unsigned",     "void",      "TRUE",      "True",        "FALSE",
        "False",
    };
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (strcmp(s, kw[i]) == 0)
            return true;
    return false;
}

/* 7.4's IDL scanner: {UPPER}("_"?{ALNUM})* | {LOWER}{ALNUM}* */
static bool is_idl_identifier(const char *s)
{
    if (!s || !*s || is_idl_keyword(s))
        return false;
    if (isupper((unsigned char)s[0])) {
        for (size_t i = 1; s[i]; i++) {
            if (s[i] == '_') {
                if (!isalnum((unsigned char)s[i + 1]))
                    return false;
            } else if (!isalnum((unsigned char)s[i]) || s[i] & 0x80) {
                return false;
            }
        }
        return true;
    }
    if (!islower((unsigned char)s[0]))
        return false;
    for (size_t i = 1; s[i]; i++)
        if (!isalnum((unsigned char)s[i]) || s[i] & 0x80)
            return false;
    return true;
}

/* What Calc passes for each declared type (ScInterpreter::ScExternal and
 * ScUnoAddInCollection, sc/source/core/tool/): `any` is optional to Calc
 * and takes a value, or a range or inline array as sequence<sequence<any>>;
 * `sequence<sequence<any>>` is required and takes the same, a single value
 * as a 1 x 1 sequence; `double` and `string` take one value, Calc calling
 * once per element of an array itself.  So a required number of a
 * function that returns a number is sequence<sequence<any>> (array
 * arguments, "Array arguments" in FUNCTIONS.md); of one that returns an
 * array or text it stays `double` (those refuse arrays).  That costs Calc
 * about 2 000 instructions per such argument per call (two 1 x 1
 * sequences built and deep-copied), more than the whole add-in; `any`
 * would not, but Calc makes every `any` optional (bench/README.md, "the
 * fast path and the floor"); `sequence<sequence<double>>` costs about
 * 1 100 but Calc reads text in a range as 0 (bench/README.md, "the
 * declarations Calc keeps required"). */
static const char *arg_idl_type(const ftc_function *fn, const ftc_arg_info *a)
{
    if (a->optional)
        return "any";
    if (a->domain == FTC_DOMAIN_TEXT)
        return "string";
    return fn->result == FTC_TYPE_NUMBER ? "sequence< sequence< any > >" : "double";
}

/* The same, as the tests' table names it. */
static const char *arg_uno_type(const ftc_function *fn, const ftc_arg_info *a)
{
    const char *t = arg_idl_type(fn, a);
    return strncmp(t, "sequence", 8) == 0 ? "array" : t;
}

static int write_idl(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return fail(path, strerror(errno));
    fprintf(f,
            "/* Generated by ftcost-uno-gen from the function table: do not edit.\n"
            " * Method names with '_' are spelled with '0' here and restored in the\n"
            " * .rdb (LibreOffice 7.4's unoidl-write rejects them in IDL). */\n"
            "module %s { module %s {\n\n"
            "interface %s : com::sun::star::uno::XInterface\n{\n",
            FTCOST_UNO_IDL_MODULE_1, FTCOST_UNO_IDL_MODULE_2, FTCOST_UNO_IDL_INTERFACE);
    size_t count = ftc_function_count();
    for (size_t i = 0; i < count; i++) {
        const ftc_function *fn = ftc_function_at(i);
        char method[NAME_MAX_LEN], idl_name[NAME_MAX_LEN];
        if (!fn || method_name(fn, method, sizeof method) != 0) {
            fclose(f);
            return fail("bad function name in the table", fn ? fn->name : NULL);
        }
        placeholder_name(method, idl_name);
        if (!is_idl_identifier(idl_name)) {
            fclose(f);
            return fail("function name not usable as a UNO method", fn->name);
        }
        /* The placeholder must not be another function's real name. */
        for (size_t j = 0; j < count; j++) {
            char other[NAME_MAX_LEN];
            if (j != i && method_name(ftc_function_at(j), other, sizeof other) == 0 &&
                (strcmp(other, idl_name) == 0 || strcmp(other, method) == 0)) {
                fclose(f);
                return fail("function names clash", fn->name);
            }
        }
        fprintf(f, "    any %s(", idl_name);
        for (size_t a = 0; a < fn->n_args; a++) {
            const char *pname = fn->args[a].name.en;
            if (!is_idl_identifier(pname)) {
                fclose(f);
                fprintf(stderr,
                        "ftcost-uno-gen: %s: argument %zu name \"%s\" "
                        "is not a UNO identifier\n",
                        fn->name, a + 1, pname ? pname : "(null)");
                return 1;
            }
            fprintf(f, "%s[in] %s %s", a ? ", " : "", arg_idl_type(fn, &fn->args[a]), pname);
        }
        fprintf(f, ")\n        raises (com::sun::star::lang::IllegalArgumentException);\n");
    }
    fprintf(f, "};\n\n}; };\n");
    if (fclose(f) != 0)
        return fail(path, strerror(errno));
    return 0;
}

static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        unsigned char *nb = realloc(buf, cap *= 2);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *size = n;
    return buf;
}

/* UNOIDL strings are a 32-bit little-endian length and the bytes. */
static size_t find_idx_string(const unsigned char *buf, size_t size, const char *s, size_t from)
{
    size_t len = strlen(s);
    unsigned char prefix[4] = {(unsigned char)(len & 0xff), (unsigned char)((len >> 8) & 0xff),
                               (unsigned char)((len >> 16) & 0xff),
                               (unsigned char)((len >> 24) & 0xff)};
    for (size_t i = from; i + 4 + len <= size; i++)
        if (memcmp(buf + i, prefix, 4) == 0 && memcmp(buf + i + 4, s, len) == 0)
            return i;
    return SIZE_MAX;
}

static int patch_rdb(const char *in, const char *out)
{
    size_t size = 0;
    unsigned char *buf = read_file(in, &size);
    if (!buf)
        return fail(in, "cannot read");
    size_t count = ftc_function_count();
    for (size_t i = 0; i < count; i++) {
        char method[NAME_MAX_LEN], idl_name[NAME_MAX_LEN];
        if (method_name(ftc_function_at(i), method, sizeof method) != 0) {
            free(buf);
            return fail("bad function name", NULL);
        }
        placeholder_name(method, idl_name);
        size_t at = find_idx_string(buf, size, idl_name, 0);
        if (at == SIZE_MAX || find_idx_string(buf, size, idl_name, at + 1) != SIZE_MAX) {
            free(buf);
            return fail("placeholder not found exactly once in the .rdb", idl_name);
        }
        memcpy(buf + at + 4, method, strlen(method));
    }
    FILE *f = fopen(out, "wb");
    if (!f) {
        free(buf);
        return fail(out, strerror(errno));
    }
    size_t wrote = fwrite(buf, 1, size, f);
    free(buf);
    if (fclose(f) != 0 || wrote != size)
        return fail(out, "cannot write");
    return 0;
}

static int write_components(const char *library, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return fail(path, strerror(errno));
    fprintf(f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- Generated by ftcost-uno-gen: do not edit. -->\n"
            "<components xmlns=\"http://openoffice.org/2010/uno-components\">\n"
            "  <component loader=\"com.sun.star.loader.SharedLibrary\""
            " environment=\"uno\" uri=\"%s\">\n"
            "    <implementation name=\"%s\">\n"
            "      <service name=\"%s\"/>\n"
            "    </implementation>\n"
            "  </component>\n"
            "</components>\n",
            library, FTCOST_UNO_IMPLEMENTATION, FTCOST_UNO_SERVICE);
    if (fclose(f) != 0)
        return fail(path, strerror(errno));
    return 0;
}

static void xml_text(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '&':
            fputs("&amp;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\n':
            fputs("&#10;", f);
            break;
        default:
            fputc(*s, f);
        }
    }
}

/* xml:lang of each table language: Calc takes the English name from
 * en-US (addincol.cxx prefers it over other en-* values). */
static const char *xcu_lang(ftc_lang lang)
{
    return lang == FTC_LANG_EN ? "en-US" : ftc_lang_code(lang);
}

/* One localized property: `text` gives the string of a language (NULL:
 * none; the caller's buffer is reused). */
typedef const char *(*xcu_text_fn)(const ftc_function *fn, size_t arg, ftc_lang lang, char *buf,
                                   size_t size);

static bool xcu_prop(FILE *f, const char *indent, const char *name, const ftc_function *fn,
                     size_t arg, xcu_text_fn text)
{
    char buf[4096];

    fprintf(f, "%s<prop oor:name=\"%s\">\n", indent, name);
    for (int l = 0; l < FTC_LANG_COUNT; l++) {
        const char *t = text(fn, arg, (ftc_lang)l, buf, sizeof buf);
        if (!t)
            return false;
        fprintf(f, "%s  <value xml:lang=\"%s\">", indent, xcu_lang((ftc_lang)l));
        xml_text(f, t);
        fputs("</value>\n", f);
    }
    fprintf(f, "%s</prop>\n", indent);
    return true;
}

static const char *fn_name_text(const ftc_function *fn, size_t arg, ftc_lang lang, char *buf,
                                size_t size)
{
    (void)arg, (void)lang, (void)buf, (void)size;
    return fn->name; /* the same in every language, as getDisplayFunctionName */
}

static const char *fn_description_text(const ftc_function *fn, size_t arg, ftc_lang lang,
                                       char *buf, size_t size)
{
    (void)arg, (void)buf, (void)size;
    return ftc_text(&fn->description, lang);
}

static const char *arg_name_text(const ftc_function *fn, size_t arg, ftc_lang lang, char *buf,
                                 size_t size)
{
    (void)buf, (void)size;
    return ftc_text(&fn->args[arg].name, lang);
}

static const char *arg_help_text(const ftc_function *fn, size_t arg, ftc_lang lang, char *buf,
                                 size_t size)
{
    return ftc_arg_help(fn, arg, lang, buf, size) < size ? buf : NULL;
}

static int write_xcu(const char *path)
{
    FILE *f = fopen(path, "w");
    bool ok = true;

    if (!f)
        return fail(path, strerror(errno));
    fprintf(f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- Generated by ftcost-uno-gen from the function table: do not edit. -->\n"
            "<oor:component-data xmlns:oor=\"http://openoffice.org/2001/registry\"\n"
            "    xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"\n"
            "    oor:name=\"CalcAddIns\" oor:package=\"org.openoffice.Office\">\n"
            "<node oor:name=\"AddInInfo\">\n"
            "<node oor:name=\"%s\" oor:op=\"replace\">\n"
            "<node oor:name=\"AddInFunctions\">\n",
            FTCOST_UNO_SERVICE);
    for (size_t i = 0; ok && i < ftc_function_count(); i++) {
        const ftc_function *fn = ftc_function_at(i);
        char method[NAME_MAX_LEN];

        if (method_name(fn, method, sizeof method) != 0) {
            fclose(f);
            return fail(fn->name, "name too long");
        }
        fprintf(f, "  <node oor:name=\"%s\" oor:op=\"replace\">\n", method);
        ok = xcu_prop(f, "    ", "DisplayName", fn, 0, fn_name_text) &&
             xcu_prop(f, "    ", "Description", fn, 0, fn_description_text);
        fprintf(f, "    <prop oor:name=\"Category\"><value>%s</value></prop>\n",
                FTCOST_UNO_CATEGORY);
        /* No CompatibilityName, as getCompatibilityNames (ftcost-addin.c). */
        /* Node names are the IDL parameter names (the English names):
         * Calc matches them to the loaded component's parameters. */
        fputs("    <node oor:name=\"Parameters\">\n", f);
        for (size_t a = 0; ok && a < fn->n_args; a++) {
            fprintf(f, "      <node oor:name=\"%s\" oor:op=\"replace\">\n",
                    fn->args[a].name.en);
            ok = xcu_prop(f, "        ", "DisplayName", fn, a, arg_name_text) &&
                 xcu_prop(f, "        ", "Description", fn, a, arg_help_text);
            fputs("      </node>\n", f);
        }
        fputs("    </node>\n  </node>\n", f);
    }
    fputs("</node>\n</node>\n</node>\n</oor:component-data>\n", f);
    if (fclose(f) != 0 || !ok)
        return fail(path, ok ? strerror(errno) : "an argument's help is too long");
    return 0;
}

/* The table as JSON (json-glib builds and writes it). */
static void json_l10n(JsonBuilder *b, const char *member, const ftc_l10n *s)
{
    json_builder_set_member_name(b, member);
    json_builder_begin_object(b);
    for (int l = 0; l < FTC_LANG_COUNT; l++) {
        json_builder_set_member_name(b, ftc_lang_code((ftc_lang)l));
        json_builder_add_string_value(b, ftc_text(s, (ftc_lang)l));
    }
    json_builder_end_object(b);
}

/* A double, or null where JSON has no number (NAN, infinities). */
static void json_number(JsonBuilder *b, double d)
{
    if (isfinite(d))
        json_builder_add_double_value(b, d);
    else
        json_builder_add_null_value(b);
}

static void json_member_string(JsonBuilder *b, const char *member, const char *value)
{
    json_builder_set_member_name(b, member);
    if (value != NULL)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

static void json_member_int(JsonBuilder *b, const char *member, gint64 value)
{
    json_builder_set_member_name(b, member);
    json_builder_add_int_value(b, value);
}

static const char *status_name(ftc_status s)
{
    switch (s) {
    case FTC_OK:
        return "ok";
    case FTC_ERR_INVALID:
        return "invalid";
    case FTC_ERR_NO_ANSWER:
        return "no_answer";
    }
    return "unknown";
}

static const char *domain_name(ftc_domain d)
{
    switch (d) {
    case FTC_DOMAIN_NON_NEGATIVE:
        return "non_negative";
    case FTC_DOMAIN_POSITIVE:
        return "positive";
    case FTC_DOMAIN_FRACTION:
        return "fraction";
    case FTC_DOMAIN_FRACTION_BELOW_1:
        return "fraction_below_1";
    case FTC_DOMAIN_FRACTION_ABOVE_0:
        return "fraction_above_0";
    case FTC_DOMAIN_ABOVE_MINUS_1:
        return "above_minus_1";
    case FTC_DOMAIN_AT_LEAST_1:
        return "at_least_1";
    case FTC_DOMAIN_WHOLE_MONTHS:
        return "whole_months";
    case FTC_DOMAIN_WHOLE_NON_NEGATIVE:
        return "whole_non_negative";
    case FTC_DOMAIN_TEXT:
        return "text";
    case FTC_DOMAIN_LAST:
        break;
    }
    return "unknown";
}

static const char *type_name(ftc_type t)
{
    switch (t) {
    case FTC_TYPE_NUMBER:
        return "number";
    case FTC_TYPE_TEXT:
        return "text";
    case FTC_TYPE_ARRAY:
        return "array";
    case FTC_TYPE_TEXT_COLUMN:
        return "text_column";
    }
    return "unknown";
}

static void json_arg(JsonBuilder *b, const ftc_function *fn, size_t a)
{
    const ftc_arg_info *ai = &fn->args[a];

    json_builder_begin_object(b);
    json_member_string(b, "name", ai->name.en);
    json_builder_set_member_name(b, "optional");
    json_builder_add_boolean_value(b, ai->optional);
    json_builder_set_member_name(b, "text");
    json_builder_add_boolean_value(b, ai->domain == FTC_DOMAIN_TEXT);
    json_builder_set_member_name(b, "default");
    json_number(b, ai->default_value);
    json_member_string(b, "uno_type", arg_uno_type(fn, ai));
    json_member_int(b, "default_arg", ai->default_arg);
    json_member_string(b, "domain", domain_name(ai->domain));
    /* the domain's limits: what a template's validity rule allows */
    ftc_domain_limits lim;
    json_builder_set_member_name(b, "limits");
    if (ftc_domain_get_limits(ai->domain, &lim)) {
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "low");
        json_number(b, lim.low);
        json_builder_set_member_name(b, "low_included");
        json_builder_add_boolean_value(b, lim.low_included);
        json_builder_set_member_name(b, "high");
        json_number(b, lim.high);
        json_builder_set_member_name(b, "high_included");
        json_builder_add_boolean_value(b, lim.high_included);
        json_builder_set_member_name(b, "whole");
        json_builder_add_boolean_value(b, lim.whole);
        json_builder_end_object(b);
    } else {
        json_builder_add_null_value(b);
    }
    json_member_string(b, "default_text", ai->default_text);
    json_builder_set_member_name(b, "choices");
    json_builder_begin_array(b);
    for (size_t c = 0; ai->choices != NULL && ai->choices[c] != NULL; c++)
        json_builder_add_string_value(b, ai->choices[c]);
    json_builder_end_array(b);
    json_l10n(b, "names", &ai->name);
    json_builder_set_member_name(b, "help");
    json_builder_begin_object(b);
    for (int l = 0; l < FTC_LANG_COUNT; l++) {
        char help[2048];

        ftc_arg_help(fn, a, (ftc_lang)l, help, sizeof help);
        json_member_string(b, ftc_lang_code((ftc_lang)l), help);
    }
    json_builder_end_object(b);
    json_builder_end_object(b);
}

/* An example, its arguments parsed (ftc_arg_list_parse) for the tests. */
static bool json_example(JsonBuilder *b, const ftc_example *ex)
{
    static const char *const kinds[] = {"omitted", "number", "text"};
    ftc_arg_list list;
    ftc_error err;

    if (!ftc_arg_list_parse(ex->args, &list, &err)) {
        fail(ex->args, err.message);
        return false;
    }
    json_builder_begin_object(b);
    json_member_string(b, "args", ex->args);
    json_builder_set_member_name(b, "values");
    json_builder_begin_array(b);
    for (size_t k = 0; k < list.n; k++) {
        json_builder_begin_object(b);
        json_member_string(b, "kind", kinds[list.values[k].kind]);
        json_member_string(b, "typed", list.typed[k]);
        json_builder_set_member_name(b, "number");
        json_number(b, list.values[k].kind == FTC_VALUE_NUMBER ? list.values[k].number : NAN);
        json_member_string(b, "text", list.values[k].text);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    ftc_arg_list_clear(&list);
    json_member_string(b, "status", status_name(ex->status));
    json_builder_set_member_name(b, "number");
    json_number(b, ex->number);
    json_member_string(b, "text", ex->text);
    json_member_int(b, "rows", (gint64)ex->rows);
    json_member_int(b, "cols", (gint64)ex->cols);
    json_builder_set_member_name(b, "cells");
    json_builder_begin_array(b);
    for (size_t c = 0; ex->cells != NULL && c < ex->n_cells; c++)
        json_number(b, ex->cells[c]);
    json_builder_end_array(b);
    json_builder_set_member_name(b, "texts");
    json_builder_begin_array(b);
    for (size_t c = 0; ex->texts != NULL && c < ex->n_cells; c++)
        json_builder_add_string_value(b, ex->texts[c]);
    json_builder_end_array(b);
    json_builder_end_object(b);
    return true;
}

static int write_json(const char *path)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    g_autoptr(JsonGenerator) gen = json_generator_new();
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(GError) error = NULL;

    json_builder_begin_object(b);
    json_member_string(b, "service", FTCOST_UNO_SERVICE);
    json_builder_set_member_name(b, "functions");
    json_builder_begin_array(b);
    for (size_t i = 0; i < ftc_function_count(); i++) {
        const ftc_function *fn = ftc_function_at(i);
        char method[NAME_MAX_LEN];

        if (fn == NULL || method_name(fn, method, sizeof method) != 0)
            return fail("bad function in the table", NULL);
        json_builder_begin_object(b);
        json_member_string(b, "name", fn->name);
        json_member_string(b, "method", method);
        json_member_string(b, "result", type_name(fn->result));
        json_member_int(b, "required", (gint64)ftc_function_required_args(fn));
        json_l10n(b, "description", &fn->description);
        json_builder_set_member_name(b, "args");
        json_builder_begin_array(b);
        for (size_t a = 0; a < fn->n_args; a++)
            json_arg(b, fn, a);
        json_builder_end_array(b);
        json_builder_set_member_name(b, "examples");
        json_builder_begin_array(b);
        for (size_t e = 0; e < fn->n_examples; e++)
            if (!json_example(b, &fn->examples[e]))
                return 1;
        json_builder_end_array(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    root = json_builder_get_root(b);
    json_generator_set_root(gen, root);
    json_generator_set_pretty(gen, TRUE);
    if (!json_generator_to_file(gen, path, &error))
        return fail(path, error->message);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "idl") == 0)
        return write_idl(argv[2]);
    if (argc == 4 && strcmp(argv[1], "patch") == 0)
        return patch_rdb(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "components") == 0)
        return write_components(argv[2], argv[3]);
    if (argc == 3 && strcmp(argv[1], "json") == 0)
        return write_json(argv[2]);
    if (argc == 3 && strcmp(argv[1], "xcu") == 0)
        return write_xcu(argv[2]);
    fprintf(stderr, "usage: ftcost-uno-gen idl OUT.idl\n"
                    "       ftcost-uno-gen patch IN.rdb OUT.rdb\n"
                    "       ftcost-uno-gen components LIBRARY OUT.components\n"
                    "       ftcost-uno-gen json OUT.json\n"
                    "       ftcost-uno-gen xcu OUT.xcu\n");
    return 1;
}
