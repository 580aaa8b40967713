/* libFuzzer target for the formula rewriter of `ftcost share`
 * (functions/ftc-formula.c): any bytes, taken as the formula text of a cell,
 * must keep the rewriter's promises beyond "no crash, no undefined
 * behaviour":
 *   - NULL exactly when an error message is set;
 *   - valid UTF-8 in, valid UTF-8 out (the notes too);
 *   - a shared formula calls the add-in nowhere;
 *   - balanced in (parentheses, strings, references), balanced out;
 *   - sharing a shared formula changes nothing;
 *   - a formula that calls no add-in function is copied unchanged (or
 *     refused as malformed), and only one that calls one is changed;
 *   - the output is bounded (nested calls multiply their arguments);
 *   - the plain tokenizer (a lookup that claims nothing) gives back its
 *     input, and refuses exactly the unterminated strings and references.
 * Both argument separators (';' OpenFormula, ',' Excel) are tried on each
 * input.
 *
 * Seeds: generated at start-up from the catalogue's examples (every
 * function, plain, nested, on references, spaced, lower case) and the
 * cases of tests/test-formula.c, written to a temporary directory and
 * handed to libFuzzer as -seed_inputs (new inputs stay in memory). */
#include "ftc-formula.h"
#include "fuzz-seeds.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define F "ORG.FTCOST.FUNCTIONS."

/* The bound on a shared formula (MAX_SHARED in ftc-formula.c). */
#define MAX_SHARED (8000 * 32)

static void problem(const char *what, const char *formula, const char *out)
{
    fprintf(stderr, "fuzz-formula: %s\n  formula: %.2000s\n  output:  %.2000s\n", what, formula,
            out != NULL ? out : "(null)");
    abort();
}

/* Strings ("" escapes a quote) and references ([...], sheet names quoted
 * with ', '' escapes) terminated, parentheses balanced outside them: the
 * grammar of ftc-formula.c, written again independently. */
typedef enum { SCAN_BALANCED, SCAN_UNBALANCED, SCAN_UNTERMINATED } scan_result;

static scan_result scan(const char *s)
{
    long depth = 0;
    bool negative = false;

    for (size_t i = 0; s[i] != '\0'; i++) {
        if (s[i] == '"') {
            for (i++;; i++) {
                if (s[i] == '\0')
                    return SCAN_UNTERMINATED;
                if (s[i] == '"' && s[i + 1] == '"')
                    i++;
                else if (s[i] == '"')
                    break;
            }
        } else if (s[i] == '[') {
            bool quoted = false;

            for (i++;; i++) {
                if (s[i] == '\0')
                    return SCAN_UNTERMINATED;
                if (s[i] == '\'' && quoted && s[i + 1] == '\'')
                    i++;
                else if (s[i] == '\'')
                    quoted = !quoted;
                else if (s[i] == ']' && !quoted)
                    break;
            }
        } else if (s[i] == '(') {
            depth++;
        } else if (s[i] == ')') {
            if (--depth < 0)
                negative = true;
        }
    }
    return depth == 0 && !negative ? SCAN_BALANCED : SCAN_UNBALANCED;
}

static const void *claim_nothing(const char *name, void *data)
{
    (void)name, (void)data;
    return NULL;
}

static bool never_expand(const void *call, const char *const *args, size_t n_args, GString *out,
                         ftc_error *err, void *data)
{
    (void)call, (void)args, (void)n_args, (void)out, (void)err, (void)data;
    abort(); /* nothing was claimed */
}

static void check_share(const char *in, char sep, bool utf8, scan_result in_scan, bool calls)
{
    g_autoptr(GString) notes = g_string_new(NULL);
    ftc_error err = {.arg = -99};
    g_autofree char *out = ftc_formula_share(in, sep, notes, &err);

    if ((out == NULL) != (err.message[0] != '\0'))
        problem(out == NULL ? "NULL without a message" : "a result and a message", in, out);
    if (out == NULL)
        return;
    if (strlen(out) > MAX_SHARED && strcmp(in, out) != 0)
        problem("output over the bound", in, out);
    if (utf8 && !g_utf8_validate(out, -1, NULL))
        problem("valid UTF-8 in, invalid out", in, out);
    if (utf8 && !g_utf8_validate(notes->str, (gssize)notes->len, NULL))
        problem("valid UTF-8 in, invalid notes", in, notes->str);
    if (ftc_formula_calls_addin(out))
        problem("the shared formula still calls the add-in", in, out);
    if (in_scan == SCAN_BALANCED && scan(out) != SCAN_BALANCED)
        problem("balanced in, unbalanced out", in, out);
    if (!calls && strcmp(in, out) != 0)
        problem("calls no add-in function, yet changed", in, out);
    if (strcmp(in, out) == 0 && notes->len > 0)
        problem("unchanged, yet notes", in, notes->str);

    /* Idempotent. */
    ftc_error err2 = {.arg = -99};
    g_autofree char *again = ftc_formula_share(out, sep, NULL, &err2);

    if (again == NULL)
        problem("the shared formula cannot be shared again", out, err2.message);
    if (strcmp(again, out) != 0)
        problem("sharing twice changed the formula", out, again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *in = g_strndup((const char *)data, size);
    bool utf8 = g_utf8_validate(in, -1, NULL);
    scan_result in_scan = scan(in);
    bool calls = ftc_formula_calls_addin(in);
    ftc_error err = {.arg = -99};

    /* The tokenizer alone: the input back, or refused when (and only when)
     * a string or reference is unterminated. */
    g_autofree char *copy = ftc_formula_rewrite(in, claim_nothing, never_expand, NULL, &err);

    if ((copy == NULL) != (err.message[0] != '\0'))
        problem("rewrite: NULL iff message broken", in, copy);
    if (copy != NULL && strcmp(copy, in) != 0)
        problem("rewrite claiming nothing changed the formula", in, copy);
    if ((copy == NULL) != (in_scan == SCAN_UNTERMINATED))
        problem(copy == NULL ? "rewrite refused a terminated formula"
                             : "rewrite accepted an unterminated string or reference",
                in, copy);
    /* A prefix outside strings: calls_addin says so whatever else is wrong. */
    check_share(in, ';', utf8, in_scan, calls);
    check_share(in, ',', utf8, in_scan, calls);
    return 0;
}

/* --- seeds ------------------------------------------------------------- */

static const char *const fixed_seeds[] = {
    /* tests/test-formula.c */
    "of:=" F "CO2([.A1];400)",
    "of:=" F "FT_CO2_KG(" F "FT_CO2_KG(1;2);[$'a(b;c'.A1])&\"" F "FT_CO2_KG(\"",
    "of:=CONCATENATE(\"" F "FT_CO2_KG(1;2)\";\"x\")",
    "of:=" F "FT_CO2_KG(LEN(\"a\"\";)b\");2)",
    "of:=" F "FT_CO2_KG(['My ]sheet;''s'.A1];2)",
    "of:=" F "FT_CO2_KG([$'a(b'.$A$1:.$B$2];[.C3])",
    "of:=SUM(" F "FT_CO2_KG(INDEX({1;2|3;4};1;2);2))",
    "of:=IF([.A1]>0;" F "FT_CO2_KG([.A1];2);NA())",
    "of:=X" F "FT_CO2_KG(1;2)",
    "of:=SUM([.A1:.B2])+1.5E+3",
    "of:=\xc3\x84\xc3\x96(1;\"\xc3\xbc\")",
    "of:=" F "FT_CO2_KG  (1;2)",
    "of:=org.ftcost.functions.ft_co2_kg( 1 ; 2 )",
    "of:=" F "FT_CO2_KG(1;2",
    "of:=" F "FT_CO2_KG(1;\"2)",
    "of:=" F "FT_CO2_KG([.A1;2)",
    "of:=" F "FT_CO2_KG(['sheet.A1];2)",
    "of:=" F "FT_CO2_KG(1;)",
    "of:=" F "API_PRICE([.A1])",
    "of:=2*" F "API_PRICE(\"gpt-4o\";\"output\")+" F "API_PRICE(\"no such\")",
    "of:=" F "API_PRICE_DATE(\"gpt-4o\")",
    "of:=" F "NO_SUCH(1)",
    "of:=of:=" F "FT_TCO(1;2;3;4;5;6;7)",
    "=" F "FT_CO2_KG(1;2)",
    "",
};

static void add_seed(GPtrArray *seeds, char *formula)
{
    g_ptr_array_add(seeds, g_bytes_new_take(formula, strlen(formula)));
}

/* Example arguments as written in the table (parsed by the core), with
 * every number replaced by a reference when `refs` (a range for the first). */
static char *example_args(const ftc_arg_list *list, bool refs, bool spaced)
{
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);

    for (size_t i = 0; i < list->n; i++) {
        if (!refs || list->values[i].kind != FTC_VALUE_NUMBER)
            g_ptr_array_add(parts, g_strdup(list->typed[i]));
        else if (i == 0)
            g_ptr_array_add(parts, g_strdup("[$'Sheet ''1'''.$B$2:.B2]"));
        else
            g_ptr_array_add(parts, g_strdup_printf("[.%c%zu]", (char)('A' + i % 26), i + 1));
    }
    g_ptr_array_add(parts, NULL);
    return g_strjoinv(spaced ? " ; " : ";", (char **)parts->pdata);
}

static GPtrArray *make_seeds(void)
{
    GPtrArray *seeds = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);

    for (size_t i = 0; i < G_N_ELEMENTS(fixed_seeds); i++)
        add_seed(seeds, g_strdup(fixed_seeds[i]));
    for (size_t f = 0; f < ftc_function_count(); f++) {
        const ftc_function *fn = ftc_function_at(f);

        for (size_t e = 0; e < fn->n_examples; e++) {
            const char *args = fn->examples[e].args;
            ftc_arg_list list;
            ftc_error err;

            if (!ftc_arg_list_parse(args, &list, &err))
                g_error("%s(%s): %s", fn->name, args, err.message);
            g_autofree char *refs = example_args(&list, true, false);
            g_autofree char *spaced = example_args(&list, false, true);
            g_autofree char *lower = g_ascii_strdown(fn->name, -1);

            add_seed(seeds, g_strdup_printf("of:=" F "%s(%s)", fn->name, args));
            add_seed(seeds, g_strdup_printf("of:=" F "%s(%s)", fn->name, refs));
            add_seed(seeds,
                     g_strdup_printf("of:=org.ftcost.functions.%s (%s)+1", lower, spaced));
            add_seed(seeds, g_strdup_printf("of:=%s(%s)", fn->name, args));
            /* Nested: the first argument is the next function's first example. */
            if (list.n > 0 && fn->n_args > 0) {
                const ftc_function *g = ftc_function_at((f + 1) % ftc_function_count());

                if (g->n_examples > 0) {
                    g_autofree char *joined = example_args(&list, false, false);

                    add_seed(seeds, g_strdup_printf("of:=SUM(" F "%s(" F "%s(%s)%s);[.A1:.B3])",
                                                    fn->name, g->name, g->examples[0].args,
                                                    joined + strlen(list.typed[0])));
                }
            }
            ftc_arg_list_clear(&list);
        }
    }
    return seeds;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    g_autoptr(GPtrArray) seeds = make_seeds();

    ftc_fuzz_use_seeds(argc, argv, seeds, "fuzz-formula");
    return 0;
}
