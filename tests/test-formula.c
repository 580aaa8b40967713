/* OpenFormula rewriting (functions/ftc-formula.c): calls found through
 * strings, references with quoted sheet names, inline arrays and nesting;
 * malformed text refused, never misread. */
#include "ftc-formula.h"
#include "ftc-test-util.h"

#include <glib.h>
#include <string.h>

/* Test patterns: names ending in ".CO2" expand to $1*$2/1000, ".FORTY_TWO"
 * to a constant, ".DOLLAR" shows $$. */
static const void *lookup(const char *name, void *data)
{
    static const struct {
        const char *suffix, *pattern;
    } patterns[] = {
        {"ORG.FTCOST.FUNCTIONS.CO2", "$1*$2/1000"},
        {"ORG.FTCOST.FUNCTIONS.FORTY_TWO", "42"},
        {"ORG.FTCOST.FUNCTIONS.DOLLAR", "\"$$\"&$1"},
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
    (void)data;
    return ftc_formula_substitute(call, args, n, out, err);
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
    {"of:=" F "DOLLAR(\"x\")", "of:=\"$\"&(\"x\")"},
    {"", ""},
    {"=" F "CO2(1;2)", "=(1)*(2)/1000"},
    /* malformed: refused, never guessed at */
    {"of:=" F "CO2(1;2", NULL},
    {"of:=" F "CO2(1;\"2)", NULL},
    {"of:=" F "CO2([.A1;2)", NULL},
    {"of:=" F "CO2(['sheet.A1];2)", NULL},
    {"of:=" F "CO2(1;)", NULL}, /* the pattern needs $2 */
    {"of:=" F "CO2(1)", NULL},
    {"of:=SUM(\"abc)", NULL},
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

START_TEST(test_no_arguments)
{
    ftc_error err;

    ck_assert_ptr_null(ftc_formula_rewrite(NULL, lookup, expand, NULL, &err));
    ck_assert_ptr_null(ftc_formula_rewrite("of:=1", NULL, expand, NULL, &err));
}
END_TEST

static Suite *formula_suite(void)
{
    Suite *s = suite_create("formula");
    TCase *tc = tcase_create("rewrite");

    tcase_add_loop_test(tc, test_rewrite, 0, G_N_ELEMENTS(cases));
    tcase_add_loop_test(tc, test_depth, 0, 2);
    tcase_add_test(tc, test_no_arguments);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ftc_test_run(formula_suite());
}
