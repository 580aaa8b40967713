/* ftcost-convert.c: UNO values <-> the core's values (see ftcost-convert.h).
 *
 * A call: each argument converted as the generated IDL declares it
 * (convert_arg), ftc_call, the result into the `any` every method returns
 * (set_result).  When an argument is an array (a range or an inline array,
 * for a number of a function that returns a number: "Array arguments" in
 * FUNCTIONS.md), the call is ftc_call_grid instead, ftc_call per element,
 * and the result an array with each bad element a NaN carrying Calc's
 * error code (set_grid_result).  Errors become what a cell shows in one
 * place: calc_error_code and deliver_error, at the end of this file.
 */
#include "ftcost-convert.h"

#include "ftcost-uno.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------
 * Arguments
 */

/* An argument given as an array (a range, an inline array): rows x cols
 * values, row-major, owned by the call.  cells == NULL: a single value. */
typedef struct {
    size_t rows, cols;
    ftc_value *cells;
} grid_arg;

/* Fills `v` from one UNO argument as the generated IDL declares it (double,
 * string, any, or sequence<sequence<any>>).  Text is converted to UTF-8
 * into *text, which the caller releases.  An array of more than one value
 * for a number of a function that returns a number goes to *grid instead
 * (cells allocated here, released by the caller).  FTC_ERR_INVALID with
 * `err` filled when the value cannot be an argument. */
static ftc_status convert_any(const uno_Any *a, const ftc_function *fn, size_t i, ftc_value *v,
                              rtl_String **text, grid_arg *grid, ftc_error *err, int depth);

static ftc_status convert_text(rtl_uString *u, ftc_value *v, rtl_String **text,
                               bool empty_is_missing, const ftc_function *fn, size_t i,
                               ftc_error *err)
{
    if (!u || (empty_is_missing && u->length == 0)) {
        v->kind = FTC_VALUE_MISSING;
        return FTC_OK;
    }
    rtl_uString2String(text, u->buffer, u->length, RTL_TEXTENCODING_UTF8,
                       OUSTRING_TO_OSTRING_CVTFLAGS);
    if (!*text) {
        err->arg = (int)i;
        snprintf(err->message, sizeof err->message, "%s: %s: out of memory", fn->name,
                 fn->args[i].name.en);
        return FTC_ERR_INVALID;
    }
    v->kind = FTC_VALUE_TEXT;
    v->text = (*text)->buffer;
    return FTC_OK;
}

static ftc_status not_a_value(const ftc_function *fn, size_t i, ftc_error *err,
                              const char *what, long rows, long cols)
{
    err->arg = (int)i;
    if (!what)
        what = "this kind of value";
    if (rows >= 0)
        snprintf(err->message, sizeof err->message,
                 "%s: %s must be a single value, not a range of %ld x %ld cells%s", fn->name,
                 fn->args[i].name.en, rows, cols,
                 fn->result != FTC_TYPE_NUMBER ? " (the function does not return a number)"
                                               : "");
    else
        snprintf(err->message, sizeof err->message, "%s: %s must be a number, not %s", fn->name,
                 fn->args[i].name.en, what);
    return FTC_ERR_INVALID;
}

/* A number held in an any; false when it holds something else. */
static bool any_number(const uno_Any *a, double *d)
{
    const void *p = a->pData;
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_DOUBLE:
        *d = *(const double *)p;
        return true;
    case typelib_TypeClass_FLOAT:
        *d = *(const float *)p;
        return true;
    case typelib_TypeClass_BYTE:
        *d = *(const sal_Int8 *)p;
        return true;
    case typelib_TypeClass_SHORT:
        *d = *(const sal_Int16 *)p;
        return true;
    case typelib_TypeClass_UNSIGNED_SHORT:
        *d = *(const sal_uInt16 *)p;
        return true;
    case typelib_TypeClass_LONG:
        *d = *(const sal_Int32 *)p;
        return true;
    case typelib_TypeClass_UNSIGNED_LONG:
        *d = *(const sal_uInt32 *)p;
        return true;
    case typelib_TypeClass_HYPER:
        *d = (double)*(const sal_Int64 *)p;
        return true;
    case typelib_TypeClass_UNSIGNED_HYPER:
        *d = (double)*(const sal_uInt64 *)p;
        return true;
    case typelib_TypeClass_BOOLEAN:
        *d = *(const sal_Bool *)p ? 1.0 : 0.0;
        return true;
    default:
        return false;
    }
}

/* One element of an array for a number argument, without allocating: a
 * number; void or "" (an empty cell) left out; anything else text, which
 * ftc_call refuses for a number (Err:502 in that element). */
static void convert_element(const uno_Any *a, ftc_value *v)
{
    static const char text[] = "(text)";

    v->text = NULL;
    v->kind = FTC_VALUE_NUMBER;
    if (a->pType && any_number(a, &v->number))
        return;
    if (!a->pType || a->pType->eTypeClass == typelib_TypeClass_VOID ||
        (a->pType->eTypeClass == typelib_TypeClass_STRING &&
         (*(rtl_uString *const *)a->pData)->length == 0)) {
        v->kind = FTC_VALUE_MISSING;
        return;
    }
    v->kind = FTC_VALUE_TEXT;
    v->text = text;
}

/* sequence<sequence<any or double>>: a range or inline array from Calc.
 * One value is that value; more, for a number of a function that returns
 * a number, become *grid; ragged, empty or oversized arrays are refused
 * before anything is allocated. */
static ftc_status convert_rows(const uno_Sequence *outer, bool of_any, const ftc_function *fn,
                               size_t i, ftc_value *v, rtl_String **text, grid_arg *grid,
                               ftc_error *err, int depth)
{
    long rows = outer ? outer->nElements : 0;
    uno_Sequence *const *row = rows > 0 ? (uno_Sequence *const *)outer->elements : NULL;
    long cols = row && row[0] ? row[0]->nElements : 0;
    if (rows == 1 && cols == 1) {
        if (!of_any) {
            v->kind = FTC_VALUE_NUMBER;
            v->number = *(const double *)row[0]->elements;
            return FTC_OK;
        }
        return convert_any((const uno_Any *)row[0]->elements, fn, i, v, text, NULL, err,
                           depth + 1);
    }
    if (!grid || fn->args[i].domain == FTC_DOMAIN_TEXT || fn->result != FTC_TYPE_NUMBER)
        return not_a_value(fn, i, err, NULL, rows, cols);
    const char *why = NULL;
    if (rows <= 0 || cols <= 0)
        why = "is an empty array";
    for (long r = 0; !why && r < rows; r++)
        if (!row[r] || row[r]->nElements != cols)
            why = "is an array with rows of different lengths";
    if (!why && (size_t)rows > FTC_GRID_MAX_CELLS / (size_t)cols)
        why = "has more values than one call takes";
    ftc_value *cells = why ? NULL : malloc((size_t)rows * (size_t)cols * sizeof *cells);
    if (!why && !cells)
        why = "is too large for the memory left";
    if (why) {
        err->arg = (int)i;
        snprintf(err->message, sizeof err->message, "%s: %s %s (%ld x %ld)", fn->name,
                 fn->args[i].name.en, why, rows, cols);
        return FTC_ERR_INVALID;
    }
    for (long r = 0; r < rows; r++) {
        ftc_value *dst = cells + (size_t)r * (size_t)cols;
        for (long c = 0; c < cols; c++) {
            if (of_any) {
                convert_element((const uno_Any *)row[r]->elements + c, &dst[c]);
            } else {
                dst[c].kind = FTC_VALUE_NUMBER;
                dst[c].number = ((const double *)row[r]->elements)[c];
            }
        }
    }
    grid->rows = (size_t)rows;
    grid->cols = (size_t)cols;
    grid->cells = cells;
    return FTC_OK;
}

static ftc_status convert_any(const uno_Any *a, const ftc_function *fn, size_t i, ftc_value *v,
                              rtl_String **text, grid_arg *grid, ftc_error *err, int depth)
{
    v->kind = FTC_VALUE_NUMBER;
    if (!a || !a->pType || a->pType->eTypeClass == typelib_TypeClass_VOID) {
        v->kind = FTC_VALUE_MISSING;
        return FTC_OK;
    }
    if (any_number(a, &v->number))
        return FTC_OK;
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_STRING:
        return convert_text(*(rtl_uString *const *)a->pData, v, text, true, fn, i, err);
    case typelib_TypeClass_SEQUENCE: {
        bool of_any = type_is(a->pType, T.seqseq_any);
        if (depth > 0 || !(of_any || type_is(a->pType, T.seqseq_double)))
            return not_a_value(fn, i, err, "this kind of value", -1, -1);
        return convert_rows(*(uno_Sequence *const *)a->pData, of_any, fn, i, v, text, grid, err,
                            depth);
    }
    default:
        return not_a_value(fn, i, err, "this kind of value", -1, -1);
    }
}

static ftc_status convert_arg(typelib_TypeDescriptionReference *type, void *arg,
                              const ftc_function *fn, size_t i, ftc_value *v, rtl_String **text,
                              grid_arg *grid, ftc_error *err)
{
    v->kind = FTC_VALUE_NUMBER;
    v->number = 0.0;
    v->text = NULL;
    if (!arg) {
        v->kind = FTC_VALUE_MISSING;
        return FTC_OK;
    }
    switch (type->eTypeClass) {
    case typelib_TypeClass_DOUBLE:
        v->number = *(const double *)arg;
        return FTC_OK;
    case typelib_TypeClass_STRING:
        return convert_text(*(rtl_uString **)arg, v, text, false, fn, i, err);
    case typelib_TypeClass_ANY:
        return convert_any((const uno_Any *)arg, fn, i, v, text, grid, err, 0);
    case typelib_TypeClass_SEQUENCE:
        if (type_is(type, T.seqseq_any) || type_is(type, T.seqseq_double))
            return convert_rows(*(const uno_Sequence **)arg, type_is(type, T.seqseq_any), fn, i,
                                v, text, grid, err, 0);
        return not_a_value(fn, i, err, "this kind of value", -1, -1);
    default:
        return not_a_value(fn, i, err, "this kind of value", -1, -1);
    }
}

/* ---------------------------------------------------------------------------
 * Results
 */

/* rows x cols numbers -> sequence<sequence<double>> in an any (Calc: an
 * array formula's matrix).  False when memory ran out (nothing constructed
 * then). */
static bool return_matrix(const double *cells, size_t rows, size_t cols, uno_Any *ret)
{
    if (rows > INT32_MAX || cols > INT32_MAX || (rows && !cells))
        return false;
    uno_Sequence **seqs = calloc(rows ? rows : 1, sizeof *seqs);
    if (!seqs)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < rows; i++)
        ok = uno_type_sequence_construct(&seqs[i], T.seq_double, (void *)(cells + i * cols),
                                         (sal_Int32)cols, NULL);
    uno_Sequence *outer = NULL;
    if (ok)
        ok = uno_type_sequence_construct(&outer, T.seqseq_double, seqs, (sal_Int32)rows, NULL);
    for (size_t i = 0; i < rows; i++)
        if (seqs[i])
            uno_type_destructData(&seqs[i], T.seq_double, NULL);
    free(seqs);
    if (!ok)
        return false;
    uno_type_any_construct(ret, &outer, T.seqseq_double, NULL);
    uno_type_destructData(&outer, T.seqseq_double, NULL);
    return true;
}

/* rows x cols texts -> sequence<sequence<any>> of strings in an any (Calc:
 * an array formula's matrix of texts, ScUnoAddInCall::SetResult).  False
 * when memory ran out (nothing constructed then). */
static bool return_texts(char *const *texts, size_t rows, size_t cols, uno_Any *ret)
{
    if (rows > INT32_MAX || cols > INT32_MAX || (rows && !texts))
        return false;
    uno_Sequence **seqs = calloc(rows ? rows : 1, sizeof *seqs);
    uno_Any *cells = calloc(cols ? cols : 1, sizeof *cells);
    bool ok = seqs && cells;
    for (size_t i = 0; ok && i < rows; i++) {
        size_t made = 0;
        for (; ok && made < cols; made++) {
            rtl_uString *u = ustr_utf8(texts[i * cols + made]);
            if (!(ok = u != NULL))
                break;
            uno_type_any_construct(&cells[made], &u, T.t_string, NULL);
            rtl_uString_release(u);
        }
        if (ok)
            ok = uno_type_sequence_construct(&seqs[i], T.seq_any, cells, (sal_Int32)cols, NULL);
        for (size_t j = 0; j < made; j++)
            uno_any_destruct(&cells[j], NULL);
    }
    uno_Sequence *outer = NULL;
    if (ok)
        ok = uno_type_sequence_construct(&outer, T.seqseq_any, seqs, (sal_Int32)rows, NULL);
    for (size_t i = 0; seqs && i < rows; i++)
        if (seqs[i])
            uno_type_destructData(&seqs[i], T.seq_any, NULL);
    free(seqs);
    free(cells);
    if (!ok)
        return false;
    uno_type_any_construct(ret, &outer, T.seqseq_any, NULL);
    uno_type_destructData(&outer, T.seqseq_any, NULL);
    return true;
}

/* The core's result -> the `any` every XFunctions method returns: a double,
 * a string, sequence<sequence<double>> for an array formula of numbers, or
 * sequence<sequence<any>> of strings for one of texts.  False when memory
 * ran out (nothing constructed then). */
static bool set_result(const ftc_result *r, uno_Any *ret)
{
    switch (r->type) {
    case FTC_TYPE_NUMBER: {
        double d = r->number;
        uno_type_any_construct(ret, &d, T.t_double, NULL);
        return true;
    }
    case FTC_TYPE_TEXT: {
        rtl_uString *u = ustr_utf8(r->text);
        if (!u)
            return false;
        uno_type_any_construct(ret, &u, T.t_string, NULL);
        rtl_uString_release(u);
        return true;
    }
    case FTC_TYPE_ARRAY:
        return return_matrix(r->cells, r->rows, r->cols, ret);
    case FTC_TYPE_TEXT_COLUMN:
        return return_texts(r->texts, r->rows, r->cols, ret);
    }
    return false;
}

/* ---------------------------------------------------------------------------
 * Errors: the one place the core's errors become what a cell shows
 *
 *   FTC_ERR_INVALID    Err:502  a call: IllegalArgumentException (Calc's
 *                               ScUnoAddInCall shows Err:502) with the
 *                               core's message and the argument position;
 *                               an array element: the error value 502
 *   FTC_ERR_NO_ANSWER  #N/A     a call: a void any; an array element: the
 *                               error value NotAvailable
 *
 * Calc keeps an error in a matrix element as a NaN whose low bits are the
 * error code (CreateDoubleError, include/formula/errorcodes.hxx), and reads
 * a sequence<sequence<double>> result into its matrix as is
 * (ScUnoAddInCall::SetResult): such an element shows as that error in an
 * array formula and makes SUMPRODUCT & co. that error, never a number.
 * (A void element of a sequence<sequence<any>> would be an empty cell,
 * i.e. 0 in SUMPRODUCT.)  Codes: FormulaError::IllegalArgument (502),
 * NotAvailable (0x7fff).
 */
#define CALC_ERR_ILLEGAL_ARGUMENT 502u
#define CALC_ERR_NOT_AVAILABLE 0x7fffu

static unsigned calc_error_code(ftc_status st)
{
    return st == FTC_ERR_NO_ANSWER ? CALC_ERR_NOT_AVAILABLE : CALC_ERR_ILLEGAL_ARGUMENT;
}

static double calc_error(unsigned code)
{
    uint64_t bits = UINT64_C(0x7ff8000000000000) | code;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* An element-wise call's results, errors in their elements. */
static bool set_grid_result(ftc_grid_result *g, uno_Any *ret)
{
    size_t n = g->rows * g->cols;
    for (size_t k = 0; g->n_errors > 0 && k < n; k++)
        if (g->status[k] != FTC_OK)
            g->numbers[k] = calc_error(calc_error_code(g->status[k]));
    return return_matrix(g->numbers, g->rows, g->cols, ret);
}

/* A whole call's error (st != FTC_OK). */
static void deliver_error(uno_Interface *context, const ftc_function *fn, ftc_status st,
                          ftc_error *err, void *pReturn, uno_Any *exc, uno_Any **ppException)
{
    if (st == FTC_ERR_NO_ANSWER) {
        if (LOG_ON())
            log_msg("%s: #N/A: %s", fn->name, err->message);
        return_void_any(pReturn);
        return;
    }
    if (err->message[0] == '\0')
        snprintf(err->message, sizeof err->message, "%s: invalid argument", fn->name);
    raise_exception(context, T.illegal_argument, err->message, err->arg, exc, ppException);
}

/* ---------------------------------------------------------------------------
 * The call
 */

/* An element-wise call: the single values and the arrays as grids. */
static ftc_status call_grid(const ftc_function *fn, const ftc_value *vals,
                            const grid_arg *grids, size_t n, ftc_grid_result *out,
                            ftc_error *err)
{
    ftc_grid g[FTC_MAX_ARGS];

    for (size_t i = 0; i < n; i++)
        g[i] = grids[i].cells ? (ftc_grid){grids[i].rows, grids[i].cols, grids[i].cells}
                              : (ftc_grid){1, 1, &vals[i]};
    return ftc_call_grid(fn, g, n, out, err);
}

/* One XFunctions call. */
void call_function(uno_Interface *context, const ftc_function *fn,
                   const typelib_InterfaceMethodTypeDescription *m, void *pReturn,
                   void *pArgs[], uno_Any *exc, uno_Any **ppException)
{
    /* n <= fn->n_args <= FTC_MAX_ARGS (the help tests check the table) */
    ftc_value vals[FTC_MAX_ARGS];
    rtl_String *texts[FTC_MAX_ARGS];
    grid_arg grids[FTC_MAX_ARGS];
    size_t n = fn->n_args < (size_t)m->nParams ? fn->n_args : (size_t)m->nParams;

    if (n > FTC_MAX_ARGS) {
        raise_runtime(context, "ftcost: too many arguments", exc, ppException);
        return;
    }
    memset(vals, 0, sizeof vals);
    memset(texts, 0, sizeof texts);
    memset(grids, 0, sizeof grids);

    ftc_error err;
    err.arg = -1;
    err.message[0] = '\0';
    ftc_status st = FTC_OK;
    bool any_grid = false;
    double t0 = LOG_ON() ? now_ms() : 0.0, t_conv = 0.0, t_call = 0.0;
    for (size_t i = 0; i < n && st == FTC_OK; i++) {
        st = convert_arg(m->pParams[i].pTypeRef, pArgs ? pArgs[i] : NULL, fn, i, &vals[i],
                         &texts[i], &grids[i], &err);
        any_grid = any_grid || grids[i].cells;
    }

    ftc_result res;
    ftc_grid_result gres;
    memset(&res, 0, sizeof res);
    memset(&gres, 0, sizeof gres);
    if (st == FTC_OK && !any_grid) {
        st = ftc_call(fn, vals, n, &res, &err);
    } else if (st == FTC_OK) {
        t_conv = LOG_ON() ? now_ms() : 0.0;
        st = call_grid(fn, vals, grids, n, &gres, &err);
        t_call = LOG_ON() ? now_ms() : 0.0;
    }

    for (size_t i = 0; i < n; i++) {
        if (texts[i])
            rtl_string_release(texts[i]);
        free(grids[i].cells);
    }
    if (st != FTC_OK) {
        ftc_result_clear(&res);
        deliver_error(context, fn, st, &err, pReturn, exc, ppException);
        return;
    }
    if (!(any_grid ? set_grid_result(&gres, (uno_Any *)pReturn)
                   : set_result(&res, (uno_Any *)pReturn)))
        raise_runtime(context, "out of memory", exc, ppException);
    else if (LOG_ON() && any_grid)
        log_msg("%s: array %zu x %zu, %zu in error (ms: arguments %.1f, calls %.1f, "
                "result %.1f)%s%s",
                fn->name, gres.rows, gres.cols, gres.n_errors, t_conv - t0, t_call - t_conv,
                now_ms() - t_call, gres.n_errors ? ", the first: " : "",
                gres.n_errors ? gres.first_error.message : "");
    else if (LOG_ON())
        log_msg("%s: ok", fn->name);
    ftc_result_clear(&res);
    ftc_grid_result_clear(&gres);
}

/* ---------------------------------------------------------------------------
 * The scalar fast path
 */

bool call_plan_init(call_plan *plan, const ftc_function *fn,
                    const typelib_InterfaceMethodTypeDescription *m)
{
    size_t n = fn->n_args < (size_t)m->nParams ? fn->n_args : (size_t)m->nParams;

    if (n > FTC_MAX_ARGS)
        return false;
    plan->fn = fn;
    plan->n = n;
    for (size_t i = 0; i < n; i++) {
        typelib_TypeDescriptionReference *t = m->pParams[i].pTypeRef;
        plan_kind k = PLAN_GENERAL;
        if (!m->pParams[i].bIn || m->pParams[i].bOut)
            k = PLAN_GENERAL;
        else if (t->eTypeClass == typelib_TypeClass_DOUBLE)
            k = PLAN_DOUBLE;
        else if (t->eTypeClass == typelib_TypeClass_STRING)
            k = PLAN_STRING;
        else if (t->eTypeClass == typelib_TypeClass_ANY)
            k = PLAN_ANY;
        else if (type_is(t, T.seqseq_any))
            k = PLAN_ROWS_ANY;
        plan->kind[i] = (unsigned char)k;
    }
    return true;
}

/* Short ASCII text, as convert_text would make it; false for anything
 * that needs converting (the general path does it). */
#define FAST_TEXT_MAX 64

static bool unpack_text(const rtl_uString *u, bool empty_is_missing, ftc_value *v, char *buf)
{
    if (!u)
        return false;
    if (empty_is_missing && u->length == 0) {
        v->kind = FTC_VALUE_MISSING;
        return true;
    }
    if (!ustr_ascii(u, buf, FAST_TEXT_MAX))
        return false;
    v->kind = FTC_VALUE_TEXT;
    v->text = buf;
    return true;
}

/* A single value in an any (an argument, or the one element of a 1 x 1
 * sequence): a double, void or text; false for anything else. */
static bool unpack_any(const uno_Any *a, ftc_value *v, char *buf)
{
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_DOUBLE:
        v->kind = FTC_VALUE_NUMBER;
        v->number = *(const double *)a->pData;
        return true;
    case typelib_TypeClass_VOID:
        v->kind = FTC_VALUE_MISSING;
        return true;
    case typelib_TypeClass_STRING:
        return unpack_text(*(rtl_uString *const *)a->pData, true, v, buf);
    default:
        return false;
    }
}

static bool unpack_arg(plan_kind kind, const void *arg, ftc_value *v, char *buf)
{
    v->text = NULL;
    if (!arg) {
        v->kind = FTC_VALUE_MISSING;
        return true;
    }
    switch (kind) {
    case PLAN_DOUBLE:
        v->kind = FTC_VALUE_NUMBER;
        v->number = *(const double *)arg;
        return true;
    case PLAN_STRING:
        return unpack_text(*(rtl_uString *const *)arg, false, v, buf);
    case PLAN_ANY:
        return ((const uno_Any *)arg)->pType && unpack_any(arg, v, buf);
    case PLAN_ROWS_ANY: {
        const uno_Sequence *outer = *(uno_Sequence *const *)arg;
        if (!outer || outer->nElements != 1)
            return false;
        const uno_Sequence *row = *(uno_Sequence *const *)outer->elements;
        if (!row || row->nElements != 1)
            return false;
        const uno_Any *a = (const uno_Any *)row->elements;
        return a->pType && unpack_any(a, v, buf);
    }
    default:
        return false;
    }
}

void call_planned(uno_Interface *context, const call_plan *plan,
                  const typelib_InterfaceMethodTypeDescription *m, void *pReturn, void *pArgs[],
                  uno_Any *exc, uno_Any **ppException)
{
    ftc_value vals[FTC_MAX_ARGS];
    char texts[FTC_MAX_ARGS][FAST_TEXT_MAX];
    const ftc_function *fn = plan->fn;

    for (size_t i = 0; i < plan->n; i++)
        if (!pArgs || !unpack_arg(plan->kind[i], pArgs[i], &vals[i], texts[i])) {
            call_function(context, fn, m, pReturn, pArgs, exc, ppException);
            return;
        }

    ftc_result res;
    ftc_error err;
    err.arg = -1;
    err.message[0] = '\0';
    ftc_status st = ftc_call(fn, vals, plan->n, &res, &err);
    if (st != FTC_OK) {
        deliver_error(context, fn, st, &err, pReturn, exc, ppException);
        return;
    }
    if (res.type == FTC_TYPE_NUMBER) {
        uno_type_any_construct((uno_Any *)pReturn, &res.number, T.t_double, NULL);
    } else if (!set_result(&res, (uno_Any *)pReturn)) {
        ftc_result_clear(&res);
        raise_runtime(context, "out of memory", exc, ppException);
        return;
    }
    if (LOG_ON())
        log_msg("%s: ok", fn->name);
    ftc_result_clear(&res);
}
