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
typedef bool (*ftc_formula_expand_fn)(const void *call, const char *const *args,
                                      size_t n_args, GString *out, ftc_error *err,
                                      void *data);

/* The formula with every call that `lookup` claims replaced, innermost
 * first (g_free it); NULL with err filled when the formula is malformed
 * (unbalanced, unterminated string or reference, nested over 64 deep) or
 * an expansion failed. */
char *ftc_formula_rewrite(const char *formula, ftc_formula_lookup_fn lookup,
                          ftc_formula_expand_fn expand, void *data, ftc_error *err);

/* Appends `pattern` with $1..$9 replaced by "(arg)" and $$ by "$"; false
 * when a placeholder's argument is missing or empty. */
bool ftc_formula_substitute(const char *pattern, const char *const *args, size_t n_args,
                            GString *out, ftc_error *err);

#endif
