/* OpenFormula rewriting (functions/ftc-formula.c): calls found through
 * strings, references with quoted sheet names, inline arrays and nesting;
 * malformed text refused, never misread. */
#include "ftc-formula.h"
#include "ftc-test-util.h"

#include <glib.h>
#include <string.h>

/* Test patterns: names ending in ".CO2" expand to {{A}}*{{B}}/1000,
 * ".FORTY_TWO" to a constant, ".QUOTED" shows that a string is not
 * searched, ".TWICE" doubles its argument; the arguments are A and B. */
static const void *lookup(const char *name, void *data)
{
    static const struct {
        const char *suffix, *pattern;
    } patterns[] = {
        {"ORG.FTCOST.FUNCTIONS.CO2", "{{A}}*{{B}}/1000"},
        {"ORG.FTCOST.FUNCTIONS.FORTY_TWO", "42"},
        {"ORG.FTCOST.FUNCTIONS.QUOTED", "\"{{A}}\"&{{A}}"},
        {"ORG.FTCOST.FUNCTIONS.TWICE", "{{A}}+{{A}}"},
        {"ORG.FTCOST.FUNCTIONS.UNKNOWN", "{{C}}"},
    };

    (void)data;
    for (size_t i = 0; i < G_N_ELEMENTS(patterns); i++)
        if (g_ascii_strcasecmp(name, patterns[i].suffix) == 0)
            return patterns[i].pattern;
    return NULL;
}

static bool expand(const void *call, const char *const *args, size_t n, GString *out,
                   ftc_error *err, void *data)
{
    static const char *const names[] = {"A", "B", "A2", "B2"};

    (void)data;
    if (n > G_N_ELEMENTS(names))
        n = G_N_ELEMENTS(names);
    return ftc_formula_substitute(call, names, args, n, out, err);
}

typedef struct {
    const char *in, *out; /* out NULL: refused */
} rewrite_case;

#define F "ORG.FTCOST.FUNCTIONS."

static const rewrite_case cases[] = {
    {"of:=" F "CO2([.A1];400)", "of:=([.A1])*(400)/1000"},
    {"of:=" F "CO2(" F "CO2(1;2);3)", "of:=((1)*(2)/1000)*(3)/1000"},
    {"of:=" F "CO2( 1 ; 2 )", "of:=(1)*(2)/1000"},
    {"of:=org.ftcost.functions.co2(1;2)", "of:=(1)*(2)/1000"},
    {"of:=" F "CO2(1;2)+" F "CO2(3;4)", "of:=(1)*(2)/1000+(3)*(4)/1000"},
    /* a call inside a string is text, not a call */
    {"of:=CONCATENATE(\"" F "CO2(1;2)\";\"x\")", "of:=CONCATENATE(\"" F "CO2(1;2)\";\"x\")"},
    /* quotes, separators and parentheses inside a string argument */
    {"of:=" F "CO2(LEN(\"a\"\";)b\");2)", "of:=(LEN(\"a\"\";)b\"))*(2)/1000"},
    /* a sheet name with ], ; and an escaped quote */
    {"of:=" F "CO2(['My ]sheet;''s'.A1];2)", "of:=(['My ]sheet;''s'.A1])*(2)/1000"},
    {"of:=" F "CO2([$'a(b'.$A$1:.$B$2];[.C3])", "of:=([$'a(b'.$A$1:.$B$2])*([.C3])/1000"},
    /* an inline array's separators are not argument separators */
    {"of:=SUM(" F "CO2(INDEX({1;2|3;4};1;2);2))", "of:=SUM((INDEX({1;2|3;4};1;2))*(2)/1000)"},
    /* calls inside other functions' arguments */
    {"of:=IF([.A1]>0;" F "CO2([.A1];2);NA())", "of:=IF([.A1]>0;([.A1])*(2)/1000;NA())"},
    /* a longer name that only ends like ours is not ours */
    {"of:=X" F "CO2(1;2)", "of:=X" F "CO2(1;2)"},
    {"of:=SUM([.A1:.B2])+1.5E+3", "of:=SUM([.A1:.B2])+1.5E+3"},
    {"of:=ÄÖ(1;\"ü\")", "of:=ÄÖ(1;\"ü\")"},
    {"of:=" F "FORTY_TWO()*2", "of:=42*2"},
    {"of:=" F "QUOTED(\"x\")", "of:=\"{{A}}\"&(\"x\")"},
    /* a placeholder that names no argument */
    {"of:=" F "UNKNOWN(1;2)", NULL},
    {"", ""},
    {"=" F "CO2(1;2)", "=(1)*(2)/1000"},
    /* Calc reads spaces (only spaces) between the name and '(' as a call */
    {"of:=" F "CO2  (1;2)+" F "CO2 (" F "CO2 (3;4);5)",
     "of:=(1)*(2)/1000+((3)*(4)/1000)*(5)/1000"},
    {"of:=" F "CO2\n(1;2)+" F "CO2\t(1;2)", "of:=" F "CO2\n(1;2)+" F "CO2\t(1;2)"},
    {"of:=SUM (1;2)", "of:=SUM (1;2)"},
    /* malformed: refused, never guessed at */
    {"of:=" F "CO2(1;2", NULL},
    {"of:=" F "CO2(1;\"2)", NULL},
    {"of:=" F "CO2([.A1;2)", NULL},
    {"of:=" F "CO2(['sheet.A1];2)", NULL},
    {"of:=" F "CO2(1;)", NULL}, /* the pattern needs {{B}} */
    {"of:=" F "CO2(1)", NULL},
    {"of:=SUM(\"abc)", NULL},
    /* a name, spaces, a call: rewritten, "X (" would call X (fuzz-formula) */
    {"of:=" F "FT " F "CO2 (1;2)", NULL},
    {"of:=X " F "CO2(1;2)", NULL},
    /* an operator, a reference or a bracket before the call is fine */
    {"of:=[.A1] +" F "CO2(1;2)", "of:=[.A1] +(1)*(2)/1000"},
    {"of:=( " F "CO2(1;2))", "of:=( (1)*(2)/1000)"},
};

START_TEST(test_rewrite)
{
    const rewrite_case *c = &cases[_i];
    ftc_error err = {.arg = -99};
    g_autofree char *got = ftc_formula_rewrite(c->in, lookup, expand, NULL, &err);

    if (c->out == NULL) {
        ck_assert_msg(got == NULL, "%s rewrote to %s", c->in, got);
        ck_assert(err.message[0] != '\0');
    } else {
        ck_assert_msg(got != NULL, "%s: %s", c->in, err.message);
        ck_assert_str_eq(got, c->out);
    }
}
END_TEST

/* Nesting is bounded: a hostile file cannot exhaust the stack. */
START_TEST(test_depth)
{
    GString *in = g_string_new("of:=");
    ftc_error err;
    char *got;
    int levels = _i == 0 ? 30 : 100;

    for (int i = 0; i < levels; i++)
        g_string_append(in, F "CO2(1;");
    g_string_append(in, "2");
    for (int i = 0; i < levels; i++)
        g_string_append(in, ")");
    got = ftc_formula_rewrite(in->str, lookup, expand, NULL, &err);
    if (levels <= 30)
        ck_assert_ptr_nonnull(got);
    else
        ck_assert_ptr_null(got);
    g_free(got);
    g_string_free(in, TRUE);
}
END_TEST

/* Nesting multiplies: the rewritten text is bounded as it grows, not
 * after (2^40 bytes from a 1 KB formula otherwise). */
START_TEST(test_growth)
{
    GString *in = g_string_new("of:=");
    ftc_error err = {0};
    char *got;
    int levels = _i == 0 ? 10 : 40;

    for (int i = 0; i < levels; i++)
        g_string_append(in, F "TWICE(");
    g_string_append(in, "[.A1]");
    for (int i = 0; i < levels; i++)
        g_string_append(in, ")");
    got = ftc_formula_rewrite(in->str, lookup, expand, NULL, &err);
    if (levels == 10) {
        ck_assert_ptr_nonnull(got);
        /* n levels: 2 * (n - 1 levels, in parentheses) + '+' */
        ck_assert_uint_eq(strlen(got), strlen("of:=") + 10 * 1024 - 5);
    } else {
        ck_assert_ptr_null(got);
        ck_assert_str_eq(err.message, "formula too long once rewritten");
    }
    g_free(got);
    g_string_free(in, TRUE);
}
END_TEST

START_TEST(test_no_arguments)
{
    ftc_error err;

    ck_assert_ptr_null(ftc_formula_rewrite(NULL, lookup, expand, NULL, &err));
    ck_assert_ptr_null(ftc_formula_rewrite("of:=1", NULL, expand, NULL, &err));
}
END_TEST

/* --- `ftcost share`: the catalogue's expansions ---------------------------- */

static bool balanced(const char *s)
{
    int depth = 0;
    bool in_string = false;

    for (; *s != '\0'; s++) {
        if (*s == '"')
            in_string = !in_string;
        else if (!in_string && *s == '(')
            depth++;
        else if (!in_string && *s == ')' && --depth < 0)
            return false;
    }
    return depth == 0 && !in_string;
}

/* A placeholder left in an expanded formula: "{{" outside strings. */
static const char *placeholder_left(const char *formula)
{
    for (const char *p = formula; *p != '\0'; p++) {
        if (*p == '"') {
            size_t len = ftc_formula_string_length(p);

            if (len == 0)
                return p;
            p += len - 1;
        } else if (p[0] == '{' && p[1] == '{')
            return p;
    }
    return NULL;
}

/* The first volatile function a formula calls (outside strings), or NULL:
 * INDIRECT, OFFSET, NOW, TODAY, RAND, RANDBETWEEN, CELL, INFO recompute on
 * every edit in Excel (which then asks to save an unchanged file), and
 * INDIRECT is missing in engines such as HyperFormula. */
static const char *volatile_call(const char *formula)
{
    static const char *const names[] = {"INDIRECT", "OFFSET",      "NOW",  "TODAY",
                                        "RAND",     "RANDBETWEEN", "CELL", "INFO"};

    for (const char *p = formula; *p != '\0'; p++) {
        size_t len = 0, open;

        if (*p == '"' || *p == '[') {
            len = *p == '"' ? ftc_formula_string_length(p) : ftc_formula_reference_length(p);
            if (len == 0)
                return p;
            p += len - 1;
            continue;
        }
        if (!g_ascii_isalpha(*p) ||
            (p > formula && (g_ascii_isalnum(p[-1]) || p[-1] == '_' || p[-1] == '.')))
            continue;
        while (g_ascii_isalnum(p[len]) || p[len] == '_' || p[len] == '.')
            len++;
        for (open = len; p[open] == ' ';)
            open++;
        for (size_t i = 0; p[open] == '(' && i < G_N_ELEMENTS(names); i++)
            if (strlen(names[i]) == len && g_ascii_strncasecmp(p, names[i], len) == 0)
                return names[i];
        p += len - 1;
    }
    return NULL;
}

/* The check itself finds what it must, and only that. */
START_TEST(test_volatile_call)
{
    ck_assert_str_eq(volatile_call("SUMPRODUCT(ROW(INDIRECT(\"1:\"&5)))"), "INDIRECT");
    ck_assert_str_eq(volatile_call("1+offset ([.A1];1;1)"), "OFFSET");
    ck_assert_str_eq(volatile_call("IF(1;NOW();TODAY())"), "NOW");
    ck_assert_str_eq(volatile_call("RAND()*2"), "RAND");
    ck_assert_ptr_null(volatile_call("\"INDIRECT(\"&[$'NOW('.A1]&RANDOM(1)&TODAYS(2)"));
    ck_assert_ptr_null(volatile_call("ROW(INDEX([$S.$A:.$A];1):INDEX([$S.$A:.$A];12))"));
    ck_assert_ptr_null(placeholder_left("[$S.$A:.$A]&{1;2}&\"{{A}}\""));
    ck_assert_ptr_nonnull(placeholder_left("(2)*{{A}}"));
}
END_TEST

/* In Excel's grammar: ',' between arguments and columns, ';' between an
 * inline array's rows, ftcost_months!$A$1:$A$1201 for the column of month
 * numbers. */
START_TEST(test_expand_excel_grammar)
{
    const char *args[] = {"1", "2", "3", "0", "[.E1]"};
    g_autoptr(GString) items = g_string_new(NULL);
    g_autoptr(GString) schedule = g_string_new(NULL);
    ftc_error err;

    ck_assert(ftc_formula_expand_function(ftc_function_find("FT_TCO_ITEMS"), args, 5, ',',
                                          items, &err));
    ck_assert_msg(strstr(items->str, "*{1;0;0;0;0}+") != NULL, "%s", items->str);
    ck_assert(ftc_formula_expand_function(ftc_function_find("FT_SCHEDULE"), args, 5, ',',
                                          schedule, &err));
    ck_assert_msg(
        strstr(schedule->str,
               "(ROW(ftcost_months!$A$1:$A$1201)-1)+0*{1,2,3,4,5}>MIN(([.E1])),NA(),") != NULL,
        "%s", schedule->str);
    ck_assert_msg(strstr(schedule->str, "{1,2,3,4,5}") != NULL, "%s", schedule->str);
    ck_assert_ptr_null(strchr(schedule->str, ';'));
}
END_TEST

/* A rewritten cell's note: the formula in words, then each function's
 * one-line description. */
START_TEST(test_formula_words)
{
    g_autofree char *one = ftc_formula_words("of:=" F "FT_TCO([.A1];3000;320;1;18)");
    g_autofree char *two = ftc_formula_words(
        "of:=2*" F "FT_CO2_KG(" F "FT_ENERGY_KWH([$'a.b'.C1:.C1];8;\"[.x]\");[$S.B2:.B3])+" F
        "FT_CO2_KG(1;2)");
    g_autofree char *want_one =
        g_strdup_printf("ftcost: =FT_TCO(A1; 3000; 320; 1; 18)\nFT_TCO: %s",
                        ftc_text(&ftc_function_find("FT_TCO")->description, FTC_LANG_EN));
    g_autofree char *want_two = g_strdup_printf(
        "ftcost: =2*FT_CO2_KG(FT_ENERGY_KWH($'a.b'.C1:C1; 8; \"[.x]\"); $S.B2:B3)+FT_CO2_KG(1; "
        "2)\nFT_ENERGY_KWH: %s\nFT_CO2_KG: %s",
        ftc_text(&ftc_function_find("FT_ENERGY_KWH")->description, FTC_LANG_EN),
        ftc_text(&ftc_function_find("FT_CO2_KG")->description, FTC_LANG_EN));

    ck_assert_str_eq(one, want_one);
    ck_assert_str_eq(two, want_two);
}
END_TEST

/* One cell's reference needs no check that it is one cell; a range, a
 * name or an expression does. */
START_TEST(test_guard_one_cell)
{
    const char *cell[] = {"[$'S x'.$B$2]", "2"}, *range[] = {"[.B2:.C2]", "2"};
    const char *name[] = {"Rate", "2"};
    g_autoptr(GString) a = g_string_new(NULL);
    g_autoptr(GString) b = g_string_new(NULL);
    g_autoptr(GString) c = g_string_new(NULL);
    const ftc_function *fn = ftc_function_find("FT_CO2_KG");
    ftc_error err;

    ck_assert(ftc_formula_expand_function(fn, cell, 2, ';', a, &err));
    ck_assert(ftc_formula_expand_function(fn, range, 2, ';', b, &err));
    ck_assert(ftc_formula_expand_function(fn, name, 2, ';', c, &err));
    ck_assert_msg(strstr(a->str, "ISREF") == NULL, "%s", a->str);
    /* a range: element by element (FT_CO2_KG returns a number) */
    ck_assert_msg(strstr(b->str, "ISREF") == NULL &&
                      strstr(b->str, "ISNUMBER(([.B2:.C2]))*") != NULL,
                  "%s", b->str);
    ck_assert_msg(strstr(c->str, "IF(ISREF((Rate));ROWS(") != NULL, "%s", c->str);
}
END_TEST

/* No expansion in the catalogue calls a volatile function, whatever its
 * arguments: a shared copy recalculates when an input changes, only then. */
START_TEST(test_expansions_not_volatile)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);

    g_autofree char *pattern =
        fn->expansion != NULL ? ftc_formula_function_pattern(fn, NULL) : NULL;

    if (pattern != NULL)
        ck_assert_msg(volatile_call(pattern) == NULL, "%s's expansion calls %s: %s", fn->name,
                      volatile_call(pattern), pattern);
}
END_TEST

/* Every function without free-text arguments has an expansion; every
 * example expands to a balanced formula with its arguments and defaults in
 * place, no placeholder left, guarded only where a value is not written in
 * the call. */
START_TEST(test_expand_every_function)
{
    const ftc_function *fn = ftc_function_at((size_t)_i);
    bool has_text = false;

    /* free text (a model, a GPU) has no built-in equivalent; a choice does */
    for (size_t k = 0; k < fn->n_args; k++)
        has_text |= fn->args[k].domain == FTC_DOMAIN_TEXT && fn->args[k].choices == NULL;
    ck_assert_msg((fn->expansion == NULL) == has_text, "%s", fn->name);
    for (size_t e = 0; e < fn->n_examples && fn->expansion != NULL; e++) {
        const ftc_example *ex = &fn->examples[e];
        ftc_arg_list list;
        g_autoptr(GString) out = g_string_new(NULL);
        bool guarded = false;
        ftc_error err;

        ftc_test_args(ex->args, &list);
        const size_t n = list.n;
        char **const args = list.typed; /* each argument as written */

        ck_assert_msg(
            ftc_formula_expand_function(fn, (const char *const *)args, n, ';', out, &err),
            "%s(%s): %s", fn->name, ex->args, err.message);
        ck_assert_msg(balanced(out->str), "%s: %s", fn->name, out->str);
        ck_assert_msg(placeholder_left(out->str) == NULL, "%s: %s", fn->name, out->str);
        ck_assert_msg(volatile_call(out->str) == NULL, "%s calls %s: %s", fn->name,
                      volatile_call(out->str), out->str);
        /* a number out of its domain makes the call #N/A outright */
        if (strcmp(out->str, "NA()") == 0) {
            ck_assert_msg(ex->status != FTC_OK, "%s(%s): NA()", fn->name, ex->args);
            ftc_arg_list_clear(&list);
            continue;
        }
        for (size_t k = 0; k < fn->n_args; k++) {
            g_autofree char *x = NULL;

            if (k < n && args[k][0] != '\0' && fn->args[k].choices != NULL) {
                x = g_strdup_printf("ISTEXT((%s));OR(LOWER((%s))=", args[k], args[k]);
                guarded = true;
            } else if (fn->args[k].choices != NULL)
                x = g_strdup_printf("(\"%s\")", fn->args[k].default_text);
            else if (k < n && args[k][0] != '\0')
                x = g_strdup_printf("(%s)", args[k]);
            else if (fn->args[k].default_arg < 0)
                x = g_strdup_printf("(%g)", fn->args[k].default_value);
            else
                x = g_strdup_printf("(%s)", args[fn->args[k].default_arg]);
            ck_assert_msg(strstr(out->str, x) != NULL, "%s: %s not in %s", fn->name, x,
                          out->str);
        }
        /* the examples write numbers: only a choice given as text is guarded */
        ck_assert_msg(strstr(out->str, "ISNUMBER(") == NULL, "%s", out->str);
        ck_assert_msg(g_str_has_prefix(out->str, "IF(AND(IF(ISREF((") == guarded, "%s",
                      out->str);
        ck_assert_msg(g_str_has_suffix(out->str, ";NA())") == guarded, "%s", out->str);
        ftc_arg_list_clear(&list);
    }
}
END_TEST

typedef struct {
    const char *fn, *args[8];
    size_t n;
    char sep;
    const char *out; /* NULL: refused */
} expand_case;

static const expand_case expand_cases[] = {
    /* A reference is guarded on its domain; a number written in the call
     * needs no guard. */
    {"FT_CO2_KG",
     {"[.A1]", "400"},
     2,
     ';',
     "IF(AND(OR(ISNUMBER(([.A1]));ISBLANK(([.A1])));([.A1])>=0);([.A1])*(400)/1000;NA())"},
    /* Omitted optionals take the table's defaults, unguarded. */
    {"FT_ENERGY_KWH", {"700", "8", "100"}, 3, ';', "(700)*(8)*(100)*(1.2)/1000"},
    {"FT_ENERGY_KWH",
     {"1", "1", "1", "A1"},
     4,
     ',',
     "IF(AND(IF(ISREF((A1)),ROWS((A1))*COLUMNS((A1)),1)=1,OR(ISNUMBER((A1)),ISBLANK((A1))),(A1"
     ")>=1),(1)*(1)*(1)*(A1)/1000,NA())"},
    /* An empty argument is the default too. */
    {"FT_SERVING_COST", {"2", "2", "", "0.1"}, 4, ';', "(2)*(2)*(730)*(1+(0.1))"},
    /* CachedPrice defaults to InputPrice, another argument. */
    {"API_COST",
     {"1", "2", "[.C3]", "4"},
     4,
     ';',
     "IF(AND(OR(ISNUMBER(([.C3]));ISBLANK(([.C3])));([.C3])>=0);IF((0)>(1);NA();(((1)-(0))*([.C3])+(0)*([.C3])+(2)*(4))/1000000*"
     "(1-(0)));NA())"},
    {"FT_BREAKEVEN_VOLUME", {"1", "2", "3"}, 3, ';', "IF((3)<=(2);NA();(1)*1000000/((3)-(2)))"},
    /* A choice: one text among the words, any case; left out, its default
     * word in quotes. */
    {"FT_TRAIN_MEMORY_GB",
     {"7E9", "[.B2]"},
     2,
     ';',
     "IF(AND(ISTEXT(([.B2]));OR(LOWER((["
     ".B2]))=\"full\";LOWER(([.B2]))=\"lora\";LOWER(([.B2]))=\"qlora\"));((7E9)*IF(LOWER(([.B2]))=\"f"
     "ull\";16;IF(LOWER(([.B2]))=\"lora\";2;0.5))+IF(LOWER(([.B2]))=\"full\";0;(0.01)*(7E9)*16))/10"
     "00000000;NA())"},
    {"FT_TRAIN_FLOPS", {"1", "2"}, 2, ',', "IF(LOWER((\"full\"))=\"full\",6,4)*(1)*(2)*(1)"},
    {"FT_VERDICT",
     {"a", "b", "c", "d"},
     4,
     ',',
     "IF(AND(IF(ISREF((a)),ROWS((a))*COLUMNS((a)),1)=1,OR(ISNUMBER((a)),ISBLANK((a))),(a)>=0,I"
     "F(ISREF((b)),ROWS((b))*COLUMNS((b)),1)=1,OR(ISNUMBER((b)),ISBLANK((b))),(b)>=0,IF(ISREF("
     "(c)),ROWS((c))*COLUMNS((c)),1)=1,OR(ISNUMBER((c)),ISBLANK((c))),(c)>=0,IF(ISREF((d)),ROW"
     "S((d))*COLUMNS((d)),1)=1,OR(ISNUMBER((d)),ISBLANK((d))),(d)>=0),IF(AND((b)>=(a)*(1-(0.1)"
     "),(d)<=(c)),\"PROMPT\",\"FINE-TUNE\"),NA())"},
    /* A number out of the domain: the call is #N/A, as its guard would be. */
    {"FT_CO2_KG", {"[.A1]", "-400"}, 2, ';', "NA()"},
    {"RAG_TCO", {"1", "2", "3", "12.5"}, 4, ';', "NA()"},
    {"FT_CO2_KG",
     {"[.A1:.A2]", "[$'x:y'.B2]"},
     2,
     ';',
     "IF(AND(OR(ISNUMBER(([$'x:y'.B2]));ISBLANK(([$'x:y'.B2])));([$'x:y'.B2])>=0)"
     "*(ISNUMBER(([.A1:.A2]))*(([.A1:.A2])>=0));([.A1:.A2])*([$'x:y'.B2])/1000;NA())"},
    {"FT_CO2_KG", {"\"x\"", "1"}, 2, ';', NULL},  /* text for a number */
    {"FT_CO2_KG", {"1"}, 1, ';', NULL},           /* too few */
    {"FT_CO2_KG", {"1", "2", "3"}, 3, ';', NULL}, /* too many */
    {"FT_CO2_KG", {"", "2"}, 2, ';', NULL},       /* required left empty */
    {"API_PRICE", {"\"gpt-4o\""}, 1, ';', NULL},  /* no built-in equivalent */
};

START_TEST(test_expand_case)
{
    const expand_case *c = &expand_cases[_i];
    g_autoptr(GString) out = g_string_new(NULL);
    ftc_error err;
    bool ok =
        ftc_formula_expand_function(ftc_function_find(c->fn), c->args, c->n, c->sep, out, &err);

    if (c->out == NULL)
        ck_assert_msg(!ok, "%s gave %s", c->fn, out->str);
    else {
        ck_assert_msg(ok, "%s: %s", c->fn, err.message);
        ck_assert_str_eq(out->str, c->out);
    }
}
END_TEST

START_TEST(test_whole_months_guard)
{
    const char *args[] = {"1", "2", "3", "0", "[.E1]"};
    g_autoptr(GString) out = g_string_new(NULL);
    ftc_error err;

    ck_assert(ftc_formula_expand_function(ftc_function_find("FT_BREAKEVEN"), args, 5, ';', out,
                                          &err));
#define E1 "([.E1])"
    ck_assert_ptr_nonnull(strstr(out->str, "IF(AND(OR(ISNUMBER(" E1 ");ISBLANK(" E1 "));" E1
                                           "=INT(" E1 ");" E1 ">=1;" E1 "<=1200);"));
#undef E1
}
END_TEST

/* Whole formulas: nested calls, strings, sheet names, arrays, other functions. */
/* FT_CO2_KG(1;2): numbers written in the call need no guard */
#define INNER "(1)*(2)/1000"
static const rewrite_case share_cases[] = {
    {"of:=1+SUM([.A1:.B2])", "of:=1+SUM([.A1:.B2])"},
    {"of:=" F "FT_CO2_KG(" F "FT_CO2_KG(1;2);[$'a(b;c'.A1])&\"" F "FT_CO2_KG(\"",
     "of:=IF(AND(IF(ISREF((" INNER "));ROWS((" INNER "))*COLUMNS((" INNER
     "));1)=1;OR(ISNUMBER((" INNER "));ISBLANK((" INNER ")));(" INNER ")>=0;"
     "OR(ISNUMBER(([$'a(b;c'.A1]));ISBLANK(([$'a(b;c'.A1])));([$'a(b;c'.A1])>=0);"
     "(" INNER ")*([$'a(b;c'.A1])/1000;NA())&\"" F "FT_CO2_KG(\""},
    /* the bare name: LibreOffice 25.2's .xlsx stored it, as 7.4 imports it */
    {"of:=ft_co2_kg(1;2)", "of:=" INNER},
    {"of:=FT_CO2_KG(1;2)", "of:=" INNER},
    {"of:=NO_SUCH_KG(1;2)", "of:=NO_SUCH_KG(1;2)"}, /* not the add-in */
    {"of:=" F "API_PRICE([.A1])", NULL},            /* frozen: not a literal */
    {"of:=" F "NO_SUCH(1)", NULL},
    {"of:=" F "FT_CO2_KG(1;2", NULL},
    /* a space before '(' is still a call of the add-in (in Calc too) */
    {"of:=" F "FT_CO2_KG (1;2)", "of:=" INNER},
};

START_TEST(test_share_formula)
{
    ftc_error err;
    g_autofree char *got = ftc_formula_share(share_cases[_i].in, ';', NULL, &err);

    if (share_cases[_i].out == NULL)
        ck_assert_ptr_null(got);
    else {
        ck_assert_msg(got != NULL, "%s", err.message);
        ck_assert_str_eq(got, share_cases[_i].out);
        ck_assert(!ftc_formula_calls_addin(got));
    }
    /* Calls the add-in: every formula the share changes or refuses. */
    ck_assert(
        ftc_formula_calls_addin(share_cases[_i].in) ==
        (share_cases[_i].out == NULL || strcmp(share_cases[_i].in, share_cases[_i].out) != 0));
    ck_assert(!ftc_formula_calls_addin("of:=\"" F "FT_CO2_KG(1;2)\""));
}
END_TEST

/* A call with an array argument (element by element in the add-in) has no
 * built-in equivalent yet: refused, so that the cell keeps its values with
 * a note; a one-cell range, braces and colons inside strings are not
 * arrays. */
/* Calls with array arguments: written element by element (ARRAY: an array
 * formula, each array guarded element by element, no size guard), as
 * before (ONE: one cell), #N/A where the add-in refuses the call (arrays
 * that do not pair, a literal out of the domain), or kept as values
 * (KEPT). */
enum { ONE, ARRAY, NA, KEPT };
static const struct {
    const char *in;
    int want;
} array_cases[] = {
    {"of:=" F "FT_CO2_KG([.A1:.A3];2)", ARRAY},
    {"of:=" F "FT_CO2_KG(2;[$Sheet1.$A$1:.$B$2])", ARRAY},
    {"of:=" F "FT_CO2_KG([$'x.y'.A1:.B1];2)", ARRAY},
    {"of:=" F "FT_CO2_KG([.Z:.Z];2)", ARRAY},
    {"of:=" F "FT_CO2_KG({1;2|3;4};2)", ARRAY},
    {"of:=" F "FT_CO2_KG(ROW([.A1:.A60]);2)", ARRAY},
    {"of:=" F "FT_CO2_KG([.A1:.A1];2)", ONE},
    {"of:=" F "FT_CO2_KG([$'a.b'.A1:.A1];2)", ONE},
    {"of:=" F "FT_CO2_KG([.3:.3];2)", ARRAY},
    {"of:=" F "FT_CO2_KG([$S1.A1:$S2.A1];2)", ARRAY},
    {"of:=" F "FT_CO2_KG([$S1.A1:$S1.A1];2)", ONE},
    {"of:=" F "FT_CO2_KG(LEN(\"{[.A1:.B2]\");2)", ONE},
    {"of:=" F "FT_CO2_KG([.A1];[$Sheet2.B2:.B2])", ONE},
    {"of:=" F "FT_CO2_KG({1|2|3};{1;2})", ARRAY},
    {"of:=" F "FT_CO2_KG([.A1:.A3];[.B1:.C1])", ARRAY},
    {"of:=" F "FT_CO2_KG([.A1:.A3];[.B7:.B9])", ARRAY},
    {"of:=" F "FT_CO2_KG({1|2|3};{1|2})", NA},
    {"of:=" F "FT_CO2_KG([.A1:.A3];[.B1:.B2])", NA},
    {"of:=" F "API_COST({1|2};2;3;4;{0;0.5})", KEPT}, /* a grid compared */
    {"of:=" F "API_COST({1|2};2;3;4;{0|0.5})", ARRAY},
    {"of:=" F "FT_CO2_KG([.A1:.B1];{1;2;3})", NA},
    {"of:=" F "FT_CO2_KG({1|2};-1)", NA},
    {"of:=" F "FT_CO2_KG(ROW([.A1:.A3]);[.B1:.B2])", KEPT},
    {"of:=" F "API_TCO(1;2;3;4;0;12;[.A1:.A2])", ARRAY},
    {"of:=" F "RAG_TCO([.A1:.A2];2;3;4)", ARRAY},
    {"of:=" F "FT_BREAKEVEN({1|2};3000;8000)", KEPT},
    {"of:=" F "FT_GPUS_NEEDED([.A1:.A2];80)", ARRAY},
    {"of:=" F "API_PRICE(\"gpt-4o\";\"input\";{45000|45001})", KEPT},
};

/* A one-cell range is written as its cell: inside the SUMPRODUCT of
 * FT_BREAKEVEN's expansion Calc would take [.J5:.J5] as an array, and
 * INDEX(...;{24}) as no row number. */
START_TEST(test_share_one_cell_range)
{
    ftc_error err;
    g_autofree char *got = ftc_formula_share(
        "of:=" F "FT_BREAKEVEN(50000;3000;8000;0;[$S.J5:.J5])", ';', NULL, &err);

    ck_assert_msg(got != NULL, "%s", err.message);
    ck_assert_ptr_null(strstr(got, "J5:"));
    ck_assert_ptr_nonnull(strstr(got, "(ROW([$ftcost_months.$A$1:.$A$1200])<=MIN(([$S.J5])))"));
}
END_TEST

START_TEST(test_share_array_arguments)
{
    ftc_error err = {.arg = -99};
    bool array = true;
    int want = array_cases[_i].want;
    g_autofree char *got = ftc_formula_share_cell(array_cases[_i].in, ';', NULL, &array, &err);

    if (want == KEPT) {
        ck_assert_msg(got == NULL, "%s was rewritten: %s", array_cases[_i].in, got);
        ck_assert_ptr_nonnull(strstr(err.message, "element by element"));
        return;
    }
    ck_assert_msg(got != NULL, "%s: %s", array_cases[_i].in, err.message);
    ck_assert(!ftc_formula_calls_addin(got));
    if (want != NA) /* (a 1x1 array formula of NA() may be) */
        ck_assert_msg(array == (want == ARRAY), "%s: array %d", array_cases[_i].in, array);
    if (want == NA)
        ck_assert_str_eq(got, "of:=NA()");
    if (want == ARRAY) { /* guarded element by element, not on its size */
        ck_assert_msg(strstr(got, "IF((ISNUMBER((") == NULL || strstr(got, "ROWS(") == NULL,
                      "%s", got);
        ck_assert_msg(strstr(got, "OR(") == NULL && strstr(got, ")*((") != NULL, "%s", got);
    }
}
END_TEST

/* The text of an element-by-element call: AND() of the single values'
 * guards times each array's, an empty cell of a range for an optional
 * argument its default. */
START_TEST(test_share_array_text)
{
    ftc_error err = {0};
    bool array = false;
    g_autofree char *got = ftc_formula_share_cell("of:=SUMPRODUCT(" F
                                                  "FT_TCO([.A1];3000;320;1;{12;18};[.P1:.P2]))",
                                                  ';', NULL, &array, &err);

    ck_assert_msg(got != NULL, "%s", err.message);
    ck_assert(array);
    ck_assert_str_eq(got,
                     "of:=SUMPRODUCT(IF(AND(OR(ISNUMBER(([.A1]));ISBLANK(([.A1])));([.A1])>=0)"
                     "*(ISNUMBER(({12;18}))*(({12;18})>0))"
                     "*(ISBLANK(([.P1:.P2]))+ISNUMBER(([.P1:.P2]))*(([.P1:.P2])>=0));"
                     "([.A1])+(3000)*(24)+(320)*(IF(ISBLANK([.P1:.P2]);150;[.P1:.P2]))*(24)"
                     "+([.A1])*(1)*(24)/12+([.A1])*INT((24)/({12;18}));NA()))");
}
END_TEST

/* MAX and MIN of two values pairwise, which go element by element: nested,
 * with calls, inline arrays and strings in their arguments; of more
 * arguments left as they are. */
START_TEST(test_elementwise_pattern)
{
    g_autofree char *a = ftc_formula_elementwise("EXP(MAX($1*LN($2);0))+MIN(1;ROUNDUP($3;0))");
    g_autofree char *b = ftc_formula_elementwise("MAX(MIN($1;{1;2});\"MAX(a;b)\")*XMAX(1;2)");
    g_autofree char *c = ftc_formula_elementwise("MAX($1;$2;$3)+MIN($1)");

    ck_assert_str_eq(a, "EXP(IF(($1*LN($2))>(0);($1*LN($2));(0)))+"
                        "IF((1)<(ROUNDUP($3;0));(1);(ROUNDUP($3;0)))");
    ck_assert_str_eq(b, "IF((IF(($1)<({1;2});($1);({1;2})))>(\"MAX(a;b)\");"
                        "(IF(($1)<({1;2});($1);({1;2})));(\"MAX(a;b)\"))*XMAX(1;2)");
    ck_assert_str_eq(c, "MAX($1;$2;$3)+MIN($1)");
    ck_assert_str_eq(ftc_formula_aggregate(c), "MAX");
    ck_assert_ptr_null(ftc_formula_aggregate(a));
}
END_TEST

/* The size of an array as the formula writes it. */
START_TEST(test_array_shape)
{
    static const struct {
        const char *arg;
        size_t rows, cols; /* 0: not read */
    } shapes[] = {
        {"[.A1:.B3]", 3, 2},       {"[$'a:b'.$C$5:.$A$1]", 5, 3}, {"[.Z:.Z]", 1048576, 1},
        {"{1;2|3;4|5;6}", 3, 2},   {"{\"a|b\";2}", 1, 2},         {"[.3:.3]", 0, 0},
        {"[$S1.A1:$S2.B2]", 0, 0}, {"[$S1.A1:$S1.B2]", 2, 2},     {"ROW([.A1:.A3])", 0, 0},
        {"{1|2}+1", 0, 0},         {"[.AB10:.AA12]", 3, 2},
    };

    for (size_t i = 0; i < G_N_ELEMENTS(shapes); i++) {
        size_t rows = 0, cols = 0;
        bool known = ftc_formula_array_shape(shapes[i].arg, &rows, &cols);

        ck_assert_msg(known == (shapes[i].rows > 0), "%s: %d", shapes[i].arg, known);
        if (known)
            ck_assert_msg(rows == shapes[i].rows && cols == shapes[i].cols, "%s: %zu x %zu",
                          shapes[i].arg, rows, cols);
    }
}
END_TEST

/* Nested calls: what Calc could not compile (over 8192 tokens, Err:512 in
 * the copy) is refused, so that the cell is frozen to its value instead;
 * deeper nesting stops early. */
START_TEST(test_share_too_long)
{
    static const int levels[] = {3, 4, 5, 30};
    GString *in = g_string_new("of:=");
    ftc_error err = {0};
    char *got;

    /* references: every level is guarded, so the text grows fast */
    for (int i = 0; i < levels[_i]; i++)
        g_string_append(in, F "FT_CO2_KG(");
    g_string_append(in, "[.A1]");
    for (int i = 0; i < levels[_i]; i++)
        g_string_append(in, ";[.A1])");
    ck_assert(ftc_formula_calls_addin(in->str));
    got = ftc_formula_share(in->str, ';', NULL, &err);
    if (levels[_i] == 3) {
        ck_assert_msg(got != NULL, "%s", err.message);
        ck_assert(!ftc_formula_calls_addin(got));
    } else {
        ck_assert_ptr_null(got);
        ck_assert_msg(strstr(err.message, "too long") != NULL, "%s", err.message);
    }
    g_free(got);
    g_string_free(in, TRUE);
}
END_TEST

/* API_PRICE on literals: today's value and a note saying so. */
START_TEST(test_share_price)
{
    ftc_error err;
    g_autoptr(GString) notes = g_string_new(NULL);
    g_autofree char *got = ftc_formula_share("of:=2*" F "API_PRICE(\"gpt-4o\";\"output\")+" F
                                             "API_PRICE(\"no such\")",
                                             ';', notes, &err);

    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, "of:=2*10+NA()");
    ck_assert_str_eq(notes->str, "price of gpt-4o as of 2026-11-29 (ftcost API_PRICE, frozen)");
}
END_TEST

/* API_MODELS on literals: today's list as an inline array of texts (a
 * column: '|' between rows in OpenFormula, ';' where ',' separates the
 * arguments), with a note of its day; no model: NA(); on a reference, no
 * equivalent. */
START_TEST(test_share_models)
{
    ftc_error err;
    g_autoptr(GString) notes = g_string_new(NULL);
    g_autofree char *got =
        ftc_formula_share("of:=" F "API_MODELS(\"Voyage\")", ';', notes, &err);
    g_autofree char *comma =
        ftc_formula_share("of:=" F "API_MODELS(\"voyage\")", ',', NULL, &err);
    g_autofree char *none =
        ftc_formula_share("of:=" F "API_MODELS(\"nobody\";\"input\")", ';', NULL, &err);
    g_autofree char *ref = ftc_formula_share("of:=" F "API_MODELS([.A1])", ';', NULL, &err);

    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, "of:={\"voyage/voyage-3-large\"|\"voyage/voyage-3-lite\"|"
                          "\"voyage/voyage-3.5\"}");
    /* the test clock's day (tests/meson.build) */
    ck_assert_str_eq(notes->str, "list of Voyage on 2026-12-03 (ftcost API_MODELS, frozen)");
    ck_assert_ptr_nonnull(comma);
    ck_assert_str_eq(comma, "of:={\"voyage/voyage-3-large\";\"voyage/voyage-3-lite\";"
                            "\"voyage/voyage-3.5\"}");
    ck_assert_str_eq(none, "of:=NA()");
    ck_assert_ptr_null(ref);
}
END_TEST

/* GPU_PRICE and GPU_SPEC on literals: their values today, the price with
 * its date; on a reference, no equivalent. */
START_TEST(test_share_gpu)
{
    ftc_error err;
    g_autoptr(GString) notes = g_string_new(NULL);
    g_autofree char *got = ftc_formula_share("of:=" F "GPU_PRICE(\"H100\";\"aws\")*" F
                                             "GPU_SPEC(\"H100\";\"watts\")",
                                             ';', notes, &err);
    g_autofree char *ref =
        ftc_formula_share("of:=" F "GPU_PRICE([.A1];\"aws\")", ';', NULL, &err);

    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, "of:=6.88*700");
    ck_assert_str_eq(notes->str,
                     "price of H100 at aws as of 2026-11-29 (ftcost GPU_PRICE, frozen)\n"
                     "value of H100, watts (ftcost GPU_SPEC, frozen)");
    ck_assert_ptr_null(ref);
    ck_assert_ptr_nonnull(strstr(err.message, "GPU_PRICE on a reference"));
}
END_TEST

/* One spelling of the stored name: the prefix is the service, upper-cased. */
START_TEST(test_prefix_is_service)
{
    g_autofree char *upper = g_ascii_strup(FTC_ADDIN_SERVICE ".", -1);

    ck_assert_str_eq(upper, FTC_FORMULA_ADDIN_PREFIX);
}
END_TEST

/* API_PRICE at a past day (a number written in the call): that day's
 * price, and the note says which day. */
START_TEST(test_share_price_as_of)
{
    ftc_error err;
    g_autoptr(GString) notes = g_string_new(NULL);
    g_autofree char *got =
        ftc_formula_share("of:=" F "API_PRICE(\"o3\";\"output\";45778)", ';', notes, &err);

    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, "of:=40");
    ck_assert_str_eq(notes->str,
                     "price of o3 on 2025-05-01 as of 2026-11-29 (ftcost API_PRICE, frozen)");
}
END_TEST

/* A frozen cell's note shows the formula as typed: bare names, no "of:=",
 * strings and other calls untouched. */
START_TEST(test_bare_names)
{
    static const char *const bare_cases[][2] = {
        {"of:=" F "FT_TCO(200;[.A1];320;1;18)", "FT_TCO(200;[.A1];320;1;18)"},
        {"of:=2*org.ftcost.functions.api_price(\"x\")+SUM([.A1:.A2])",
         "2*API_PRICE(\"x\")+SUM([.A1:.A2])"},
        {"of:=CONCATENATE(\"" F "FT_TCO(\")", "CONCATENATE(\"" F "FT_TCO(\")"},
        {"of:=" F "FT_CO2_KG(" F "FT_ENERGY_KWH(1;2;3);400)",
         "FT_CO2_KG(FT_ENERGY_KWH(1;2;3);400)"},
        {"of:=" F "FT_CO2_KG(1;2", "" F "FT_CO2_KG(1;2"}, /* malformed: as it is */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(bare_cases); i++) {
        g_autofree char *got = ftc_formula_bare_names(bare_cases[i][0]);

        ck_assert_str_eq(got, bare_cases[i][1]);
    }
}
END_TEST

static Suite *formula_suite(void)
{
    Suite *s = suite_create("formula");
    TCase *tc = tcase_create("rewrite");

    tcase_add_loop_test(tc, test_rewrite, 0, G_N_ELEMENTS(cases));
    tcase_add_loop_test(tc, test_depth, 0, 2);
    tcase_add_loop_test(tc, test_growth, 0, 2);
    tcase_add_test(tc, test_no_arguments);
    suite_add_tcase(s, tc);
    tc = tcase_create("share");
    /* a case's first call loads the shipped prices: seconds under ASan and
     * valgrind on a busy machine, more than check's default 4 s */
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_expand_every_function, 0, (int)ftc_function_count());
    tcase_add_loop_test(tc, test_expand_case, 0, G_N_ELEMENTS(expand_cases));
    tcase_add_test(tc, test_volatile_call);
    tcase_add_test(tc, test_formula_words);
    tcase_add_test(tc, test_guard_one_cell);
    tcase_add_test(tc, test_expand_excel_grammar);
    tcase_add_loop_test(tc, test_expansions_not_volatile, 0, (int)ftc_function_count());
    tcase_add_test(tc, test_whole_months_guard);
    tcase_add_test(tc, test_share_models);
    tcase_add_loop_test(tc, test_share_formula, 0, G_N_ELEMENTS(share_cases));
    tcase_add_loop_test(tc, test_share_array_arguments, 0, G_N_ELEMENTS(array_cases));
    tcase_add_test(tc, test_share_array_text);
    tcase_add_test(tc, test_array_shape);
    tcase_add_test(tc, test_elementwise_pattern);
    tcase_add_test(tc, test_share_one_cell_range);
    tcase_add_loop_test(tc, test_share_too_long, 0, 4);
    tcase_add_test(tc, test_share_price);
    tcase_add_test(tc, test_share_gpu);
    tcase_add_test(tc, test_bare_names);
    tcase_add_test(tc, test_share_price_as_of);
    tcase_add_test(tc, test_prefix_is_service);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(formula_suite());
}
