/* ftc-formula.h: rewriting calls inside OpenFormula text (internal). */
#ifndef FTC_FORMULA_H
#define FTC_FORMULA_H

#include "ftcost.h"

#include <glib.h>

/* Is `name` (as written, e.g. "ORG.FTCOST.FUNCTIONS.FT_TCO") a call to
 * rewrite?  Returns a handle passed on to the expander, or NULL to copy the
 * call through (its arguments are still searched). */
typedef const void *(*ftc_formula_lookup_fn)(const char *name, void *data);

/* Appends the replacement of one call to `out`; args are the call's
 * arguments, already rewritten and trimmed ("" for an empty one).  False,
 * with err filled, when the call cannot be expanded. */
typedef bool (*ftc_formula_expand_fn)(const void *call, const char *const *args, size_t n_args,
                                      GString *out, ftc_error *err, void *data);

/* The formula with every call that `lookup` claims replaced, innermost
 * first (g_free it); NULL with err filled when the formula is malformed
 * (unbalanced, unterminated string or reference, nested over 64 deep), an
 * expansion failed, or the result would exceed 1 MiB (nested calls copy
 * their arguments: the size is checked as the result grows).  A name
 * followed by spaces and '(' is a call, as in Calc. */
char *ftc_formula_rewrite(const char *formula, ftc_formula_lookup_fn lookup,
                          ftc_formula_expand_fn expand, void *data, ftc_error *err);

/* ftc_formula_rewrite with another bound on the result's size. */
char *ftc_formula_rewrite_bounded(const char *formula, ftc_formula_lookup_fn lookup,
                                  ftc_formula_expand_fn expand, void *data, size_t max_out,
                                  ftc_error *err);

/* Length of the string literal at s (s[0] == '"', "" escapes a quote); 0
 * when it is unterminated. */
size_t ftc_formula_string_length(const char *s);

/* Length of the reference at s (s[0] == '[', sheet names quoted with '); 0
 * when it is unterminated. */
size_t ftc_formula_reference_length(const char *s);

/* Tokens of a formula as Calc's compiler counts them, or a few more. */
size_t ftc_formula_count_tokens(const char *s);

/* The placeholder at p, "{{Name}}" (an inline array cannot hold another, so
 * "{{" begins nothing in OpenFormula or Excel's grammar): its length, with
 * *name and *name_len its name; 0 when p does not begin one. */
size_t ftc_formula_placeholder(const char *p, const char **name, size_t *name_len);

/* The pattern of a name (NULL: none), for ftc_formula_compose. */
typedef const char *(*ftc_formula_pattern_fn)(const char *name, void *data);

/* `pattern` with every {{NAME(...)}} replaced by the pattern `lookup` gives
 * for NAME, composed in turn (g_free it): its placeholders then stand for
 * the arguments of the same names.  NULL, with err filled, for an unknown
 * NAME or names nested in a loop. */
char *ftc_formula_compose(const char *pattern, ftc_formula_pattern_fn lookup, void *data,
                          ftc_error *err);

/* Appends `pattern` with each {{Name}} replaced by "(arg)", the argument
 * names[k] names (strings are copied as they are); false when a
 * placeholder names no argument, or its argument is missing or empty. */
bool ftc_formula_substitute(const char *pattern, const char *const *names,
                            const char *const *args, size_t n_args, GString *out,
                            ftc_error *err);

/* fn's expansion with the patterns it names composed in (g_free it); NULL,
 * with err filled, when it has none or one cannot be composed. */
char *ftc_formula_function_pattern(const ftc_function *fn, ftc_error *err);

/* ftc-share-arrays.c.  The reference s[0..len) (s[0] == '['): 1 when it
 * is a range of one cell ([.A1:.A1]; *colon then points at its ':'), 0
 * when a range of more, -1 when no range. */
int ftc_formula_range_cells(const char *s, size_t len, const char **colon);

/* Does an argument (as written) hold an array: an inline array, or a
 * reference to more than one cell, anywhere in it? */
bool ftc_formula_is_array(const char *arg);

/* The rows and columns of an argument that is just a range on one sheet
 * ([.A1:.B3], a whole column [.Z:.Z]) or an inline array ({1;2|3;4});
 * false when its size is not written so. */
bool ftc_formula_array_shape(const char *arg, size_t *rows, size_t *cols);

/* The expansion (OpenFormula) with MAX(a;b) and MIN(a;b) of two arguments
 * written IF((a)>(b);(a);(b)) and IF((a)<(b);(a);(b)), which go element by
 * element where MAX and MIN take whole arrays (g_free it). */
char *ftc_formula_elementwise(const char *expansion);

/* The first function in an expansion that takes a whole array to one value
 * (MAX, SUMPRODUCT, ...: it cannot be computed element by element), or
 * NULL. */
const char *ftc_formula_aggregate(const char *expansion);

/* A call of fn (which returns a number) with array arguments is written
 * element by element (*elementwise set: the cell must be an array
 * formula), or as #N/A (*refused set) where the add-in refuses it: arrays
 * that do not pair, more results than FTC_GRID_MAX_CELLS.  False, with err
 * filled, where its expansion takes whole arrays (MAX, SUMPRODUCT, ...) or
 * where two are arrays and the size of one is not written in the formula.
 * True and nothing set when no argument is an array. */
bool ftc_formula_array_call(const ftc_function *fn, const char *const *args, size_t n_args,
                            bool *elementwise, bool *refused, ftc_error *err);

/* The guarded built-in equivalent of one catalogue call (`ftcost share`):
 * args as written in the cell (trimmed, "" for an empty one), left-out
 * optional ones filled with their defaults from the table, every given
 * argument checked against its domain (a bad one gives #N/A, never a wrong
 * number):
 * IF(AND(IF(ISREF((a));ROWS((a))*COLUMNS((a));1)=1;OR(ISNUMBER((a));ISBLANK((a)));(a)>=0;...);
 * expansion;NA()) (an empty cell is 0, as the add-in sees it).  `sep` is
 * the argument separator of the grammar (';' OpenFormula, ',' Excel).
 * False, with err filled, when fn has no expansion, an argument is text
 * where a number is due, or the count is wrong. */
bool ftc_formula_expand_function(const ftc_function *fn, const char *const *args, size_t n_args,
                                 char sep, GString *out, ftc_error *err);

/* The prefix under which a workbook stores an add-in call: FTC_ADDIN_SERVICE
 * upper-cased, and a dot (test-formula.c checks that they agree). */
#define FTC_FORMULA_ADDIN_PREFIX "ORG.FTCOST.FUNCTIONS."

/* Does the formula call the add-in anywhere (outside strings), by its
 * programmatic name or by the bare function name (FT_TCO, ft_tco) that an
 * .xlsx from LibreOffice 25.2 holds? */
bool ftc_formula_calls_addin(const char *formula);

/* The formula with every add-in call replaced by its guarded built-in
 * equivalent (g_free it).  Calls without an equivalent (API_PRICE,
 * API_PRICE_DATE) whose arguments are all literal strings become their
 * value today, with one line per call appended to `notes` (may be NULL):
 * "price of gpt-4o as of 2026-11-29".  NULL with err filled when a call
 * cannot be replaced (one of those on a reference, a malformed formula),
 * or when the result is more than Calc compiles (over 8000 tokens, or
 * 256 000 bytes: nested calls multiply): freeze the cell to its value
 * then. */
char *ftc_formula_share(const char *formula, char sep, GString *notes, ftc_error *err);

/* ftc_formula_share, and *array: a call in it computes element by element
 * (an array argument), so that the cell must be an array formula (a cell
 * that is not one becomes a 1x1 array formula: its first element, as the
 * add-in's array of results shows in a plain cell). */
char *ftc_formula_share_cell(const char *formula, char sep, GString *notes, bool *array,
                             ftc_error *err);

/* The formula without "of:=" and with every add-in call under its display
 * name (FT_TCO(...)), for a note on a frozen cell (g_free it); the text as
 * it is when it cannot be read as a formula. */
char *ftc_formula_bare_names(const char *formula);

/* The formula in words for a note on a rewritten cell (g_free it): "ftcost:
 * =FT_TCO(A1; 3000; 320; 1; 18)" (display names, references as Calc shows
 * them), then one line per add-in function it calls with the catalogue's
 * description: "FT_TCO: Total cost of ownership ...". */
char *ftc_formula_words(const char *formula);

#endif
