/* ftc-test-eval.h: a small evaluator of the OpenFormula the share
 * expansions and their guards are written in, for the tests: they compare
 * an expansion's value with its kernel's without a spreadsheet. */
#ifndef FTC_TEST_EVAL_H
#define FTC_TEST_EVAL_H

#include <glib.h>
#include <stdbool.h>

/* The errors a cell can hold, as Calc names them. */
typedef enum {
    FTC_EV_NA = 1, /* #N/A */
    FTC_EV_DIV0,   /* #DIV/0! */
    FTC_EV_VALUE,  /* #VALUE! */
    FTC_EV_NUM,    /* #NUM!: a result out of range (overflow, LN(0)) */
} ftc_ev_error;

typedef enum { FTC_EV_NUMBER, FTC_EV_TEXT, FTC_EV_BLANK, FTC_EV_ERROR } ftc_ev_kind;

typedef struct {
    ftc_ev_kind kind;
    double number;
    const char *text;   /* FTC_EV_TEXT */
    ftc_ev_error error; /* FTC_EV_ERROR */
} ftc_ev_cell;

/* A formula's value: rows x cols cells, row-major (one for a scalar). */
typedef struct {
    size_t rows, cols;
    ftc_ev_cell *cells;
    GStringChunk *texts; /* owns the cells' texts */
} ftc_ev_result;

/* The cell at 0-based (col, row) of `sheet` ("" for the formula's own);
 * NULL: an empty cell. */
typedef const ftc_ev_cell *(*ftc_ev_sheet_fn)(const char *sheet, size_t col, size_t row,
                                              void *data);

/* Evaluates `formula` (OpenFormula without "of:=", ';' between arguments,
 * '|' between an inline array's rows): + - * / ^ & comparisons, unary -,
 * numbers, strings, inline arrays, references ([.A1], [$S.$A$1:.$A$9]) and
 * IF AND OR NOT ISNUMBER ISBLANK ISTEXT ISREF ROWS COLUMNS ROW LOWER INT
 * EXP LN ABS TANH ROUND ROUNDUP MIN MAX SUMPRODUCT LARGE NA, element by
 * element over arrays as in an array formula.  Arithmetic is IEEE double,
 * a result out of range is #NUM!, text compares above any number and
 * without case.  False, with `why` set, when the text is not in that
 * subset (an unknown function, a syntax error). */
bool ftc_ev_evaluate(const char *formula, ftc_ev_sheet_fn sheet, void *data, ftc_ev_result *out,
                     GString *why);
void ftc_ev_result_clear(ftc_ev_result *result);

/* "#N/A", "#DIV/0!", ... */
const char *ftc_ev_error_name(ftc_ev_error error);

#endif
