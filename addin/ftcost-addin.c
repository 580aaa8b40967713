/* ftcost-addin.c: the Calc add-in of ftcost, in C, through binary UNO.
 *
 * The component lives in the "uno" environment (the .components file says
 * environment="uno"): cppuhelper hands component_getFactory() a service
 * manager already mapped into binary UNO and expects a binary-UNO factory
 * back.  Every object here is one uno_Interface whose dispatcher serves all
 * of its interfaces:
 *
 *   factory:  XInterface, XSingleComponentFactory, XSingleServiceFactory,
 *             XServiceInfo
 *   add-in:   XInterface, XTypeProvider, XServiceInfo, XServiceName,
 *             com.sun.star.sheet.XAddIn (+ XLocalizable),
 *             com.sun.star.sheet.XCompatibilityNames, org.ftcost.XFunctions
 *
 * The function table of the core (ftcost.h) drives every answer: names,
 * descriptions and argument help for XAddIn, and the XFunctions methods,
 * whose IDL is generated from the same table (ftcost-uno-gen.c).  Nothing in
 * this file knows a single function.
 *
 * Calls into XFunctions: the member type description is mapped to a table
 * index once (cached per member position, the description held), then each
 * call is: convert the arguments (convert_arg), ftc_call, convert the result
 * (set_result) or raise the error (raise_error).  When an argument is an
 * array (a range or an inline array, for a number of a function that
 * returns a number: "Array arguments" in FUNCTIONS.md), the call is
 * ftc_call_grid instead, ftc_call per element, and the result an array
 * with each bad element a NaN carrying Calc's error code (set_grid_result).
 *
 * Ownership (binary UNO): in-arguments are borrowed; return values are
 * constructed here and owned by the caller; *ppException points at
 * caller-provided memory for an exception any: it is kept, *ppException set
 * to NULL for "no exception", and an exception is constructed in that memory
 * with *ppException pointing back at it.
 *
 * Diagnostics: FTCOST_LOG=1 logs to stderr, FTCOST_LOG=/some/file appends
 * there; silent otherwise.
 */
#include "uno-c.h"

#include "ftcost-uno-names.h"
#include "ftcost.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>

#define EXPORT __attribute__((visibility("default")))

/* ---------------------------------------------------------------------------
 * Logging
 */
static FILE *log_file;
static atomic_bool log_on;

static void log_init(void)
{
    const char *v = getenv("FTCOST_LOG");
    if (!v || !*v || strcmp(v, "0") == 0)
        return;
    if (strcmp(v, "1") == 0)
        log_file = stderr;
    else
        log_file = fopen(v, "a");
    if (log_file)
        atomic_store(&log_on, true);
}

__attribute__((format(printf, 1, 2))) static void log_msg(const char *fmt, ...)
{
    if (!atomic_load_explicit(&log_on, memory_order_relaxed))
        return;
    va_list ap;
    va_start(ap, fmt);
    flockfile(log_file);
    fputs("ftcost: ", log_file);
    vfprintf(log_file, fmt, ap);
    fputc('\n', log_file);
    fflush(log_file);
    funlockfile(log_file);
    va_end(ap);
}

#define LOG_ON() atomic_load_explicit(&log_on, memory_order_relaxed)

/* ---------------------------------------------------------------------------
 * Types, looked up once
 */
static struct {
    typelib_TypeDescriptionReference *xinterface, *xtypeprovider, *xserviceinfo,
        *xservicename, *xaddin, *xlocalizable, *xcompat, *xfunctions,
        *xcomponentfactory, *xservicefactory;
    typelib_TypeDescriptionReference *t_double, *t_string, *t_any, *t_void;
    typelib_TypeDescriptionReference *seq_type, *seq_byte, *seq_string,
        *seq_double, *seqseq_double, *seqseq_any, *seq_localized_name;
    typelib_TypeDescriptionReference *locale, *localized_name;
    typelib_TypeDescriptionReference *illegal_argument, *runtime_exception;
    bool ok;
} T;

static once_flag types_once = ONCE_FLAG_INIT;

static typelib_TypeDescriptionReference *named_type(typelib_TypeClass tc,
                                                    const char *name)
{
    typelib_TypeDescriptionReference *ref = NULL;
    typelib_typedescriptionreference_newByAsciiName(&ref, tc, name);
    return ref;
}

static typelib_TypeDescriptionReference *seq_of(typelib_TypeDescriptionReference *el)
{
    typelib_TypeDescriptionReference *ref = NULL;
    if (el)
        typelib_static_sequence_type_init(&ref, el);
    return ref;
}

static void types_init(void)
{
    log_init();
    T.xinterface = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.uno.XInterface");
    T.xtypeprovider = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XTypeProvider");
    T.xserviceinfo = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XServiceInfo");
    T.xservicename = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XServiceName");
    T.xaddin = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.sheet.XAddIn");
    T.xlocalizable = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XLocalizable");
    T.xcompat = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.sheet.XCompatibilityNames");
    T.xfunctions = named_type(typelib_TypeClass_INTERFACE, FTCOST_UNO_INTERFACE);
    T.xcomponentfactory = named_type(typelib_TypeClass_INTERFACE,
                                     "com.sun.star.lang.XSingleComponentFactory");
    T.xservicefactory = named_type(typelib_TypeClass_INTERFACE,
                                   "com.sun.star.lang.XSingleServiceFactory");
    T.t_double = *typelib_static_type_getByTypeClass(typelib_TypeClass_DOUBLE);
    T.t_string = *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING);
    T.t_any = *typelib_static_type_getByTypeClass(typelib_TypeClass_ANY);
    T.t_void = *typelib_static_type_getByTypeClass(typelib_TypeClass_VOID);
    T.seq_type = seq_of(*typelib_static_type_getByTypeClass(typelib_TypeClass_TYPE));
    T.seq_byte = seq_of(*typelib_static_type_getByTypeClass(typelib_TypeClass_BYTE));
    T.seq_string = seq_of(T.t_string);
    T.seq_double = seq_of(T.t_double);
    T.seqseq_double = seq_of(T.seq_double);
    T.seqseq_any = seq_of(seq_of(T.t_any));
    T.locale = named_type(typelib_TypeClass_STRUCT, "com.sun.star.lang.Locale");
    T.localized_name = named_type(typelib_TypeClass_STRUCT, "com.sun.star.sheet.LocalizedName");
    T.seq_localized_name = seq_of(T.localized_name);
    T.illegal_argument = named_type(typelib_TypeClass_EXCEPTION,
                                    "com.sun.star.lang.IllegalArgumentException");
    T.runtime_exception = named_type(typelib_TypeClass_EXCEPTION,
                                     "com.sun.star.uno.RuntimeException");
    typelib_TypeDescriptionReference *all[] = {
        T.xinterface, T.xtypeprovider, T.xserviceinfo, T.xservicename, T.xaddin,
        T.xlocalizable, T.xcompat, T.xfunctions, T.xcomponentfactory,
        T.xservicefactory, T.t_double, T.t_string, T.t_any, T.t_void, T.seq_type,
        T.seq_byte, T.seq_string, T.seq_double, T.seqseq_double, T.seqseq_any,
        T.locale, T.localized_name, T.seq_localized_name, T.illegal_argument,
        T.runtime_exception,
    };
    T.ok = true;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (!all[i])
            T.ok = false;
    log_msg("types %s", T.ok ? "ready" : "MISSING");
}

static bool type_is(typelib_TypeDescriptionReference *a, typelib_TypeDescriptionReference *b)
{
    return a && b && typelib_typedescriptionreference_equals(a, b);
}

/* ---------------------------------------------------------------------------
 * Strings
 */

/* UTF-8 -> new rtl_uString (NULL when out of memory). */
static rtl_uString *ustr_utf8(const char *s)
{
    rtl_uString *u = NULL;
    if (!s)
        s = "";
    rtl_string2UString(&u, s, (sal_Int32)strlen(s), RTL_TEXTENCODING_UTF8,
                       OSTRING_TO_OUSTRING_CVTFLAGS);
    return u;
}

/* A name as plain ASCII into buf; false when it is not ASCII or too long. */
static bool ustr_ascii(const rtl_uString *u, char *buf, size_t size)
{
    if (!u || size == 0 || (size_t)u->length >= size)
        return false;
    for (sal_Int32 i = 0; i < u->length; i++) {
        if (u->buffer[i] == 0 || u->buffer[i] > 0x7f)
            return false;
        buf[i] = (char)u->buffer[i];
    }
    buf[u->length] = '\0';
    return true;
}

/* ---------------------------------------------------------------------------
 * Exceptions: the one place that raises
 */

/* Exception layout shared by com.sun.star.uno.Exception and its children. */
typedef struct {
    rtl_uString *Message;
    uno_Interface *Context;
} uno_exception_base;

typedef struct {
    uno_exception_base base;
    sal_Int16 ArgumentPosition;
} uno_illegal_argument;

/* Constructs exception `type` in `mem` with the message (UTF-8) and the
 * context, and signals it.  `arg` >= 0 is IllegalArgumentException's
 * ArgumentPosition. */
static void raise_exception(uno_Interface *context, typelib_TypeDescriptionReference *type,
                            const char *message, int arg, uno_Any *mem,
                            uno_Any **ppException)
{
    if (!mem || !type)
        return; /* nowhere to put it: nothing sane left to do */
    uno_type_any_construct(mem, NULL, type, NULL);
    uno_exception_base *ex = (uno_exception_base *)mem->pData;
    if (ex) {
        rtl_uString *msg = ustr_utf8(message);
        if (msg) {
            if (ex->Message)
                rtl_uString_release(ex->Message);
            ex->Message = msg;
        }
        if (context) {
            context->acquire(context);
            if (ex->Context)
                ex->Context->release(ex->Context);
            ex->Context = context;
        }
        if (type == T.illegal_argument)
            ((uno_illegal_argument *)ex)->ArgumentPosition =
                (sal_Int16)(arg >= 0 && arg < INT16_MAX ? arg : -1);
    }
    *ppException = mem;
    log_msg("raise %s: %s",
            type == T.illegal_argument ? "IllegalArgumentException" : "RuntimeException",
            message ? message : "");
}

/* The core's error -> IllegalArgumentException (Calc shows Err:502). */
static void raise_error(uno_Interface *self, const ftc_error *err, uno_Any *mem,
                        uno_Any **ppException)
{
    raise_exception(self, T.illegal_argument, err->message, err->arg, mem, ppException);
}

static void raise_runtime(uno_Interface *self, const char *message, uno_Any *mem,
                          uno_Any **ppException)
{
    raise_exception(self, T.runtime_exception, message, -1, mem, ppException);
}

/* ---------------------------------------------------------------------------
 * Return values
 */
static bool return_string(void *ret, const char *utf8)
{
    rtl_uString *u = ustr_utf8(utf8);
    *(rtl_uString **)ret = u;
    return u != NULL;
}

static void return_void_any(void *ret)
{
    uno_any_construct((uno_Any *)ret, NULL, NULL, NULL);
}

static bool return_string_seq(void *ret, const char *const *items, size_t n)
{
    rtl_uString *u[8];
    bool ok = n <= 8;
    size_t made = 0;
    for (; ok && made < n; made++)
        if (!(u[made] = ustr_utf8(items[made])))
            ok = false;
    uno_Sequence *seq = NULL;
    if (ok)
        ok = uno_type_sequence_construct(&seq, T.seq_string, u, (sal_Int32)n, NULL);
    for (size_t i = 0; i < made; i++)
        if (u[i])
            rtl_uString_release(u[i]);
    *(uno_Sequence **)ret = ok ? seq : NULL;
    return ok;
}

/* ---------------------------------------------------------------------------
 * Conversions: the one place for arguments, the one place for results
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
static ftc_status convert_any(const uno_Any *a, const ftc_function *fn, size_t i,
                              ftc_value *v, rtl_String **text, grid_arg *grid, ftc_error *err,
                              int depth);

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
                 fn->args[i].name.text[FTC_LANG_EN]);
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
                 fn->args[i].name.text[FTC_LANG_EN], rows, cols,
                 fn->result != FTC_TYPE_NUMBER ? " (the function does not return a number)"
                                               : "");
    else
        snprintf(err->message, sizeof err->message, "%s: %s must be a number, not %s",
                 fn->name, fn->args[i].name.text[FTC_LANG_EN], what);
    return FTC_ERR_INVALID;
}

/* A number held in an any; false when it holds something else. */
static bool any_number(const uno_Any *a, double *d)
{
    const void *p = a->pData;
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_DOUBLE: *d = *(const double *)p; return true;
    case typelib_TypeClass_FLOAT: *d = *(const float *)p; return true;
    case typelib_TypeClass_BYTE: *d = *(const sal_Int8 *)p; return true;
    case typelib_TypeClass_SHORT: *d = *(const sal_Int16 *)p; return true;
    case typelib_TypeClass_UNSIGNED_SHORT: *d = *(const sal_uInt16 *)p; return true;
    case typelib_TypeClass_LONG: *d = *(const sal_Int32 *)p; return true;
    case typelib_TypeClass_UNSIGNED_LONG: *d = *(const sal_uInt32 *)p; return true;
    case typelib_TypeClass_HYPER: *d = (double)*(const sal_Int64 *)p; return true;
    case typelib_TypeClass_UNSIGNED_HYPER: *d = (double)*(const sal_uInt64 *)p; return true;
    case typelib_TypeClass_BOOLEAN: *d = *(const sal_Bool *)p ? 1.0 : 0.0; return true;
    default: return false;
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
    if (!a->pType || a->pType->eTypeClass == typelib_TypeClass_VOID
        || (a->pType->eTypeClass == typelib_TypeClass_STRING
            && (*(rtl_uString *const *)a->pData)->length == 0)) {
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
                 fn->args[i].name.text[FTC_LANG_EN], why, rows, cols);
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

static ftc_status convert_any(const uno_Any *a, const ftc_function *fn, size_t i,
                              ftc_value *v, rtl_String **text, grid_arg *grid, ftc_error *err,
                              int depth)
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
        return convert_rows(*(uno_Sequence *const *)a->pData, of_any, fn, i, v, text, grid,
                            err, depth);
    }
    default:
        return not_a_value(fn, i, err, "this kind of value", -1, -1);
    }
}

static ftc_status convert_arg(typelib_TypeDescriptionReference *type, void *arg,
                              const ftc_function *fn, size_t i, ftc_value *v,
                              rtl_String **text, grid_arg *grid, ftc_error *err)
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
            return convert_rows(*(const uno_Sequence **)arg, type_is(type, T.seqseq_any), fn,
                                i, v, text, grid, err, 0);
        return not_a_value(fn, i, err, "this kind of value", -1, -1);
    default:
        return not_a_value(fn, i, err, "this kind of value", -1, -1);
    }
}

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

/* The core's result -> the `any` every XFunctions method returns: a double,
 * a string, or sequence<sequence<double>> for an array formula.  False when
 * memory ran out (nothing constructed then). */
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
    }
    return false;
}

/* Calc keeps an error in a matrix element as a NaN whose low bits are the
 * error code (CreateDoubleError, include/formula/errorcodes.hxx), and reads
 * a sequence<sequence<double>> result into its matrix as is
 * (ScUnoAddInCall::SetResult): such an element shows as that error in an
 * array formula and makes SUMPRODUCT & co. that error, never a number.
 * (A void element of a sequence<sequence<any>> would be an empty cell,
 * i.e. 0 in SUMPRODUCT.)  Codes: FormulaError::IllegalArgument (Err:502),
 * NotAvailable (#N/A). */
#define CALC_ERR_ILLEGAL_ARGUMENT 502u
#define CALC_ERR_NOT_AVAILABLE 0x7fffu

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
            g->numbers[k] = calc_error(g->status[k] == FTC_ERR_NO_ANSWER
                                           ? CALC_ERR_NOT_AVAILABLE
                                           : CALC_ERR_ILLEGAL_ARGUMENT);
    return return_matrix(g->numbers, g->rows, g->cols, ret);
}

/* ---------------------------------------------------------------------------
 * The add-in object
 */
typedef struct {
    uno_Interface iface; /* first: the object is its uno_Interface */
    atomic_int refs;
    atomic_int lang; /* ftc_lang, from setLocale */
    oslMutex mutex;  /* guards the locale strings */
    rtl_uString *language, *country, *variant;
} addin;

static void SAL_CALL addin_acquire(uno_Interface *p)
{
    atomic_fetch_add_explicit(&((addin *)p)->refs, 1, memory_order_relaxed);
}

static void SAL_CALL addin_release(uno_Interface *p)
{
    addin *self = (addin *)p;
    if (atomic_fetch_sub_explicit(&self->refs, 1, memory_order_acq_rel) != 1)
        return;
    log_msg("add-in object %p destroyed", (void *)self);
    if (self->language)
        rtl_uString_release(self->language);
    if (self->country)
        rtl_uString_release(self->country);
    if (self->variant)
        rtl_uString_release(self->variant);
    if (self->mutex)
        osl_destroyMutex(self->mutex);
    free(self);
}

/* Member -> table index, cached by the member's position in its interface.
 * The cached description is held so its address cannot be reused. */
#define SLOTS 256
static _Atomic(typelib_TypeDescription *) slot_member[SLOTS];
static atomic_size_t slot_fn[SLOTS];

/* "a.b.XFoo::bar" or "a.b.XFoo::bar:@0,3:a.b.XBaz" -> interface, member. */
static bool split_member_name(const rtl_uString *full, char *iface, size_t isize,
                              char *member, size_t msize)
{
    char buf[512];
    if (!ustr_ascii(full, buf, sizeof buf))
        return false;
    char *sep = strstr(buf, "::");
    if (!sep)
        return false;
    *sep = '\0';
    char *m = sep + 2;
    char *end = strchr(m, ':');
    if (end)
        *end = '\0';
    if (strlen(buf) >= isize || strlen(m) >= msize)
        return false;
    strcpy(iface, buf);
    strcpy(member, m);
    return true;
}

static bool method_matches(const char *method, const char *display)
{
    for (; *method && *display; method++, display++)
        if (*method != (char)((*display >= 'A' && *display <= 'Z') ? *display + 32 : *display))
            return false;
    return *method == *display;
}

/* Slow path, once per member: which table function does it call? */
static const ftc_function *lookup_function(const typelib_InterfaceMethodTypeDescription *m,
                                           const char *member, size_t *index,
                                           char *why, size_t whysize)
{
    size_t count = ftc_function_count();
    for (size_t i = 0; i < count; i++) {
        const ftc_function *fn = ftc_function_at(i);
        if (!fn || !method_matches(member, fn->name))
            continue;
        if ((size_t)m->nParams != fn->n_args) {
            snprintf(why, whysize,
                     "%s: the installed type library declares %ld arguments, the "
                     "function table %zu (stale ftcost.rdb?)",
                     fn->name, (long)m->nParams, fn->n_args);
            return NULL;
        }
        *index = i;
        return fn;
    }
    snprintf(why, whysize, "%s: no such function in the table", member);
    return NULL;
}

static void cache_member(const typelib_TypeDescription *member, size_t fn_index)
{
    sal_Int32 pos = ((const typelib_InterfaceMemberTypeDescription *)member)->nPosition;
    if (pos < 0 || pos >= SLOTS)
        return;
    typelib_TypeDescription *held = (typelib_TypeDescription *)member;
    typelib_typedescription_acquire(held);
    atomic_store_explicit(&slot_fn[pos], fn_index, memory_order_relaxed);
    typelib_TypeDescription *old = atomic_exchange_explicit(&slot_member[pos], held,
                                                            memory_order_acq_rel);
    if (old)
        typelib_typedescription_release(old);
}

/* Milliseconds on a monotonic clock: the log's timings of array calls. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

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
static void call_function(addin *self, const ftc_function *fn,
                          const typelib_InterfaceMethodTypeDescription *m, void *pReturn,
                          void *pArgs[], uno_Any *exc, uno_Any **ppException)
{
    /* n <= fn->n_args <= FTC_MAX_ARGS (the help tests check the table) */
    ftc_value vals[FTC_MAX_ARGS];
    rtl_String *texts[FTC_MAX_ARGS];
    grid_arg grids[FTC_MAX_ARGS];
    size_t n = fn->n_args < (size_t)m->nParams ? fn->n_args : (size_t)m->nParams;

    if (n > FTC_MAX_ARGS) {
        raise_runtime(&self->iface, "ftcost: too many arguments", exc, ppException);
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
    switch (st) {
    case FTC_OK:
        if (!(any_grid ? set_grid_result(&gres, (uno_Any *)pReturn)
                       : set_result(&res, (uno_Any *)pReturn)))
            raise_runtime(&self->iface, "out of memory", exc, ppException);
        else if (LOG_ON() && any_grid)
            log_msg("%s: array %zu x %zu, %zu in error (ms: arguments %.1f, calls %.1f, "
                    "result %.1f)%s%s",
                    fn->name, gres.rows, gres.cols, gres.n_errors, t_conv - t0,
                    t_call - t_conv, now_ms() - t_call, gres.n_errors ? ", the first: " : "",
                    gres.n_errors ? gres.first_error.message : "");
        else if (LOG_ON())
            log_msg("%s: ok", fn->name);
        ftc_result_clear(&res);
        ftc_grid_result_clear(&gres);
        return;
    case FTC_ERR_NO_ANSWER:
        ftc_result_clear(&res);
        if (LOG_ON())
            log_msg("%s: #N/A: %s", fn->name, err.message);
        return_void_any(pReturn);
        return;
    case FTC_ERR_INVALID:
    default:
        ftc_result_clear(&res);
        if (err.message[0] == '\0')
            snprintf(err.message, sizeof err.message, "%s: invalid argument", fn->name);
        raise_error(&self->iface, &err, exc, ppException);
        return;
    }
}

/* XAddIn: the function named by a programmatic name (the method name). */
static const ftc_function *function_of(void *arg)
{
    char name[128];
    if (!arg || !ustr_ascii(*(rtl_uString **)arg, name, sizeof name))
        return NULL;
    return ftc_function_find(name);
}

static bool lower_name(const ftc_function *fn, char *buf, size_t size)
{
    size_t n = strlen(fn->name);
    if (n >= size)
        return false;
    for (size_t i = 0; i <= n; i++)
        buf[i] = (char)((fn->name[i] >= 'A' && fn->name[i] <= 'Z') ? fn->name[i] + 32
                                                                  : fn->name[i]);
    return true;
}

static void set_locale(addin *self, const rtl_uString *const *loc)
{
    char lang[64], country[64], code[130];
    if (!ustr_ascii(loc[0], lang, sizeof lang))
        lang[0] = '\0';
    if (!ustr_ascii(loc[1], country, sizeof country))
        country[0] = '\0';
    snprintf(code, sizeof code, "%s%s%s", lang, country[0] ? "-" : "", country);
    atomic_store(&self->lang, (int)ftc_lang_from_code(code));
    osl_acquireMutex(self->mutex);
    rtl_uString **mine[3] = {&self->language, &self->country, &self->variant};
    for (int i = 0; i < 3; i++) {
        rtl_uString *u = (rtl_uString *)loc[i];
        if (u)
            rtl_uString_acquire(u);
        if (*mine[i])
            rtl_uString_release(*mine[i]);
        *mine[i] = u;
    }
    osl_releaseMutex(self->mutex);
    log_msg("setLocale %s -> %s", code, ftc_lang_code((ftc_lang)atomic_load(&self->lang)));
}

static void get_locale(addin *self, void *ret)
{
    rtl_uString **out = (rtl_uString **)ret;
    osl_acquireMutex(self->mutex);
    rtl_uString *mine[3] = {self->language, self->country, self->variant};
    for (int i = 0; i < 3; i++) {
        out[i] = NULL;
        if (mine[i]) {
            rtl_uString_acquire(mine[i]);
            out[i] = mine[i];
        } else {
            rtl_uString_new(&out[i]);
        }
    }
    osl_releaseMutex(self->mutex);
}

/* No compatibility names: LibreOffice 25.2 writes an add-in call into .xlsx
 * by its compatibility name ("FT_TCO(...)"), which 7.4 cannot read back
 * (#NAME?), while both read and write the programmatic name
 * (ORG.FTCOST.FUNCTIONS.FT_TCO) when there is none.  Files then travel
 * between versions in both directions (measured: README, "Versions"). */
static bool compatibility_names(void *ret)
{
    uno_Sequence *seq = NULL;
    bool ok = uno_type_sequence_construct(&seq, T.seq_localized_name, NULL, 0, NULL);

    *(uno_Sequence **)ret = ok ? seq : NULL;
    return ok;
}

static const char *const service_names[] = {FTCOST_UNO_SERVICE, FTCOST_UNO_ADDIN_SERVICE};

static bool supports_service(void *arg)
{
    char name[128];
    if (!arg || !ustr_ascii(*(rtl_uString **)arg, name, sizeof name))
        return false;
    for (size_t i = 0; i < sizeof service_names / sizeof service_names[0]; i++)
        if (strcmp(name, service_names[i]) == 0)
            return true;
    return false;
}

/* queryInterface for either object: `types` are the ones it has. */
static void query_interface(uno_Interface *self, void *arg, void *ret,
                            typelib_TypeDescriptionReference *const *types, size_t n)
{
    typelib_TypeDescriptionReference *want = arg ? *(typelib_TypeDescriptionReference **)arg : NULL;
    for (size_t i = 0; want && i < n; i++) {
        if (type_is(want, types[i])) {
            void *p = self;
            uno_type_any_construct((uno_Any *)ret, &p, types[i], NULL);
            return;
        }
    }
    if (LOG_ON() && want) {
        char name[256];
        log_msg("queryInterface %s: no",
                ustr_ascii(want->pTypeName, name, sizeof name) ? name : "?");
    }
    return_void_any(ret);
}

static void addin_members(addin *self, const char *member, void *pReturn, void *pArgs[],
                          uno_Any *exc, uno_Any **ppException)
{
    uno_Interface *me = &self->iface;
    ftc_lang lang = (ftc_lang)atomic_load(&self->lang);
    bool ok = true;
    void *a0 = pArgs ? pArgs[0] : NULL;

    if (strcmp(member, "queryInterface") == 0) {
        typelib_TypeDescriptionReference *mine[] = {
            T.xinterface, T.xtypeprovider, T.xserviceinfo, T.xservicename, T.xaddin,
            T.xlocalizable, T.xcompat, T.xfunctions};
        query_interface(me, a0, pReturn, mine, sizeof mine / sizeof mine[0]);
    } else if (strcmp(member, "acquire") == 0) {
        me->acquire(me);
    } else if (strcmp(member, "release") == 0) {
        me->release(me);
    } else if (strcmp(member, "getTypes") == 0) {
        typelib_TypeDescriptionReference *types[] = {
            T.xtypeprovider, T.xserviceinfo, T.xservicename, T.xaddin, T.xcompat,
            T.xfunctions};
        uno_Sequence *seq = NULL;
        ok = uno_type_sequence_construct(&seq, T.seq_type, types,
                                         (sal_Int32)(sizeof types / sizeof types[0]), NULL);
        *(uno_Sequence **)pReturn = ok ? seq : NULL;
    } else if (strcmp(member, "getImplementationId") == 0) {
        uno_Sequence *seq = NULL;
        ok = uno_type_sequence_construct(&seq, T.seq_byte, NULL, 0, NULL);
        *(uno_Sequence **)pReturn = ok ? seq : NULL;
    } else if (strcmp(member, "getImplementationName") == 0) {
        ok = return_string(pReturn, FTCOST_UNO_IMPLEMENTATION);
    } else if (strcmp(member, "supportsService") == 0) {
        *(sal_Bool *)pReturn = supports_service(a0) ? 1 : 0;
    } else if (strcmp(member, "getSupportedServiceNames") == 0) {
        ok = return_string_seq(pReturn, service_names, sizeof service_names / sizeof service_names[0]);
    } else if (strcmp(member, "getServiceName") == 0) {
        ok = return_string(pReturn, FTCOST_UNO_SERVICE);
    } else if (strcmp(member, "setLocale") == 0) {
        if (a0)
            set_locale(self, (const rtl_uString *const *)a0);
    } else if (strcmp(member, "getLocale") == 0) {
        get_locale(self, pReturn);
    } else if (strcmp(member, "getProgrammaticFuntionName") == 0) {
        /* sic: the IDL misspells it.  Display name -> method name. */
        char name[128], method[128];
        const ftc_function *fn = NULL;
        if (a0 && ustr_ascii(*(rtl_uString **)a0, name, sizeof name))
            fn = ftc_function_find(name);
        ok = return_string(pReturn, fn && lower_name(fn, method, sizeof method) ? method : "");
    } else if (strcmp(member, "getDisplayFunctionName") == 0) {
        const ftc_function *fn = function_of(a0);
        ok = return_string(pReturn, fn ? fn->name : "");
    } else if (strcmp(member, "getFunctionDescription") == 0) {
        const ftc_function *fn = function_of(a0);
        ok = return_string(pReturn, fn ? ftc_text(&fn->description, lang) : "");
    } else if (strcmp(member, "getDisplayArgumentName") == 0
               || strcmp(member, "getArgumentDescription") == 0) {
        const ftc_function *fn = function_of(a0);
        sal_Int32 i = pArgs && pArgs[1] ? *(sal_Int32 *)pArgs[1] : -1;
        const char *text = "";
        char *buf = NULL;
        if (fn && i >= 0 && (size_t)i < fn->n_args) {
            if (member[3] == 'D') { /* getDisplayArgumentName */
                text = ftc_text(&fn->args[i].name, lang);
            } else {
                size_t need = ftc_arg_help(fn, (size_t)i, lang, NULL, 0) + 1;
                buf = malloc(need);
                if (buf) {
                    ftc_arg_help(fn, (size_t)i, lang, buf, need);
                    text = buf;
                } else {
                    ok = false;
                }
            }
        }
        if (ok)
            ok = return_string(pReturn, text);
        free(buf);
    } else if (strcmp(member, "getProgrammaticCategoryName") == 0
               || strcmp(member, "getDisplayCategoryName") == 0) {
        ok = return_string(pReturn, FTCOST_UNO_CATEGORY);
    } else if (strcmp(member, "getCompatibilityNames") == 0) {
        ok = compatibility_names(pReturn);
    } else {
        char msg[200];
        snprintf(msg, sizeof msg, "ftcost add-in: unknown member %s", member);
        raise_runtime(me, msg, exc, ppException);
        return;
    }
    if (!ok)
        raise_runtime(me, "out of memory", exc, ppException);
}

static void SAL_CALL addin_dispatch(uno_Interface *pUnoI, const typelib_TypeDescription *pMemberType,
                                    void *pReturn, void *pArgs[], uno_Any **ppException)
{
    if (!ppException)
        return;
    uno_Any *exc = *ppException; /* caller's memory for an exception */
    *ppException = NULL;
    addin *self = (addin *)pUnoI;
    if (!self || !pMemberType) {
        raise_runtime(pUnoI, "ftcost add-in: call without a member", exc, ppException);
        return;
    }

    /* Hot path: an XFunctions method seen before. */
    if (pMemberType->eTypeClass == typelib_TypeClass_INTERFACE_METHOD) {
        sal_Int32 pos = ((const typelib_InterfaceMemberTypeDescription *)pMemberType)->nPosition;
        if (pos >= 0 && pos < SLOTS
            && atomic_load_explicit(&slot_member[pos], memory_order_acquire) == pMemberType) {
            size_t index = atomic_load_explicit(&slot_fn[pos], memory_order_relaxed);
            call_function(self, ftc_function_at(index),
                          (const typelib_InterfaceMethodTypeDescription *)pMemberType, pReturn,
                          pArgs, exc, ppException);
            return;
        }
    }

    char iface[256], member[128];
    if (pMemberType->eTypeClass != typelib_TypeClass_INTERFACE_METHOD
        || !split_member_name(pMemberType->pTypeName, iface, sizeof iface, member,
                              sizeof member)) {
        raise_runtime(pUnoI, "ftcost add-in: unsupported member", exc, ppException);
        return;
    }
    log_msg("call %s::%s", iface, member);
    if (strcmp(iface, FTCOST_UNO_INTERFACE) == 0) {
        const typelib_InterfaceMethodTypeDescription *m =
            (const typelib_InterfaceMethodTypeDescription *)pMemberType;
        char why[FTC_ERROR_MESSAGE_MAX];
        size_t index = 0;
        const ftc_function *fn = lookup_function(m, member, &index, why, sizeof why);
        if (!fn) {
            raise_runtime(pUnoI, why, exc, ppException);
            return;
        }
        cache_member(pMemberType, index);
        call_function(self, fn, m, pReturn, pArgs, exc, ppException);
        return;
    }
    addin_members(self, member, pReturn, pArgs, exc, ppException);
}

static addin *addin_new(void)
{
    addin *self = calloc(1, sizeof *self);
    if (!self)
        return NULL;
    self->mutex = osl_createMutex();
    if (!self->mutex) {
        free(self);
        return NULL;
    }
    self->iface.acquire = addin_acquire;
    self->iface.release = addin_release;
    self->iface.pDispatcher = addin_dispatch;
    atomic_init(&self->refs, 1);
    atomic_init(&self->lang, (int)FTC_LANG_EN);
    log_msg("add-in object %p created (%zu functions)", (void *)self, ftc_function_count());
    return self;
}

/* ---------------------------------------------------------------------------
 * The factory
 */
typedef struct {
    uno_Interface iface;
    atomic_int refs;
} factory;

static void SAL_CALL factory_acquire(uno_Interface *p)
{
    atomic_fetch_add_explicit(&((factory *)p)->refs, 1, memory_order_relaxed);
}

static void SAL_CALL factory_release(uno_Interface *p)
{
    if (atomic_fetch_sub_explicit(&((factory *)p)->refs, 1, memory_order_acq_rel) == 1)
        free(p);
}

static void SAL_CALL factory_dispatch(uno_Interface *pUnoI, const typelib_TypeDescription *pMemberType,
                                      void *pReturn, void *pArgs[], uno_Any **ppException)
{
    if (!ppException)
        return;
    uno_Any *exc = *ppException;
    *ppException = NULL;
    char iface[256], member[128];
    if (!pUnoI || !pMemberType || pMemberType->eTypeClass != typelib_TypeClass_INTERFACE_METHOD
        || !split_member_name(pMemberType->pTypeName, iface, sizeof iface, member,
                              sizeof member)) {
        raise_runtime(pUnoI, "ftcost factory: unsupported member", exc, ppException);
        return;
    }
    log_msg("factory %s::%s", iface, member);
    bool ok = true;
    if (strcmp(member, "queryInterface") == 0) {
        typelib_TypeDescriptionReference *mine[] = {T.xinterface, T.xcomponentfactory,
                                                    T.xservicefactory, T.xserviceinfo};
        query_interface(pUnoI, pArgs ? pArgs[0] : NULL, pReturn, mine,
                        sizeof mine / sizeof mine[0]);
    } else if (strcmp(member, "acquire") == 0) {
        pUnoI->acquire(pUnoI);
    } else if (strcmp(member, "release") == 0) {
        pUnoI->release(pUnoI);
    } else if (strncmp(member, "createInstance", 14) == 0) {
        addin *obj = addin_new();
        if (!obj) {
            raise_runtime(pUnoI, "ftcost: out of memory", exc, ppException);
            return;
        }
        *(uno_Interface **)pReturn = &obj->iface;
    } else if (strcmp(member, "getImplementationName") == 0) {
        ok = return_string(pReturn, FTCOST_UNO_IMPLEMENTATION);
    } else if (strcmp(member, "supportsService") == 0) {
        *(sal_Bool *)pReturn = supports_service(pArgs ? pArgs[0] : NULL) ? 1 : 0;
    } else if (strcmp(member, "getSupportedServiceNames") == 0) {
        ok = return_string_seq(pReturn, service_names, sizeof service_names / sizeof service_names[0]);
    } else {
        raise_runtime(pUnoI, "ftcost factory: unknown member", exc, ppException);
        return;
    }
    if (!ok)
        raise_runtime(pUnoI, "ftcost: out of memory", exc, ppException);
}

/* ---------------------------------------------------------------------------
 * Entry points: the only exported symbols (see exports.map), looked up by
 * name by LibreOffice's component loader: no header declares them.
 */
EXPORT void SAL_CALL component_getImplementationEnvironment(const char **ppEnvTypeName,
                                                            void **ppEnv);
EXPORT void *SAL_CALL component_getFactory(const char *pImplName, void *pServiceManager,
                                           void *pRegistryKey);

EXPORT void SAL_CALL component_getImplementationEnvironment(const char **ppEnvTypeName,
                                                            void **ppEnv)
{
    (void)ppEnv;
    if (ppEnvTypeName)
        *ppEnvTypeName = "uno";
}

EXPORT void *SAL_CALL component_getFactory(const char *pImplName, void *pServiceManager,
                                           void *pRegistryKey)
{
    (void)pServiceManager;
    (void)pRegistryKey;
    call_once(&types_once, types_init);
    log_msg("component_getFactory(%s)", pImplName ? pImplName : "(null)");
    if (!T.ok || !pImplName || strcmp(pImplName, FTCOST_UNO_IMPLEMENTATION) != 0)
        return NULL;
    factory *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->iface.acquire = factory_acquire;
    f->iface.release = factory_release;
    f->iface.pDispatcher = factory_dispatch;
    atomic_init(&f->refs, 1);
    return &f->iface;
}
