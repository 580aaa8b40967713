/* ftcost-uno.c: binary-UNO helpers of the add-in (see ftcost-uno.h). */
#include "ftcost-uno.h"

#include "ftcost-uno-names.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------------------------------------------------------------------------
 * Logging
 */
static FILE *log_file;
atomic_bool log_on;

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

void log_msg(const char *fmt, ...)
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

double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---------------------------------------------------------------------------
 * Types
 */
struct uno_types T;

static typelib_TypeDescriptionReference *named_type(typelib_TypeClass tc, const char *name)
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

void types_init(void)
{
    log_init();
    T.xinterface = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.uno.XInterface");
    T.xtypeprovider =
        named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XTypeProvider");
    T.xserviceinfo = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XServiceInfo");
    T.xservicename = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XServiceName");
    T.xaddin = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.sheet.XAddIn");
    T.xlocalizable = named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XLocalizable");
    T.xcompat =
        named_type(typelib_TypeClass_INTERFACE, "com.sun.star.sheet.XCompatibilityNames");
    T.xfunctions = named_type(typelib_TypeClass_INTERFACE, FTCOST_UNO_INTERFACE);
    T.xcomponentfactory =
        named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XSingleComponentFactory");
    T.xservicefactory =
        named_type(typelib_TypeClass_INTERFACE, "com.sun.star.lang.XSingleServiceFactory");
    T.t_double = *typelib_static_type_getByTypeClass(typelib_TypeClass_DOUBLE);
    T.t_string = *typelib_static_type_getByTypeClass(typelib_TypeClass_STRING);
    T.t_any = *typelib_static_type_getByTypeClass(typelib_TypeClass_ANY);
    T.t_void = *typelib_static_type_getByTypeClass(typelib_TypeClass_VOID);
    T.seq_type = seq_of(*typelib_static_type_getByTypeClass(typelib_TypeClass_TYPE));
    T.seq_byte = seq_of(*typelib_static_type_getByTypeClass(typelib_TypeClass_BYTE));
    T.seq_string = seq_of(T.t_string);
    T.seq_double = seq_of(T.t_double);
    T.seqseq_double = seq_of(T.seq_double);
    T.seq_any = seq_of(T.t_any);
    T.seqseq_any = seq_of(T.seq_any);
    T.locale = named_type(typelib_TypeClass_STRUCT, "com.sun.star.lang.Locale");
    T.localized_name = named_type(typelib_TypeClass_STRUCT, "com.sun.star.sheet.LocalizedName");
    T.seq_localized_name = seq_of(T.localized_name);
    T.illegal_argument =
        named_type(typelib_TypeClass_EXCEPTION, "com.sun.star.lang.IllegalArgumentException");
    T.runtime_exception =
        named_type(typelib_TypeClass_EXCEPTION, "com.sun.star.uno.RuntimeException");
    typelib_TypeDescriptionReference *all[] = {
        T.xinterface,
        T.xtypeprovider,
        T.xserviceinfo,
        T.xservicename,
        T.xaddin,
        T.xlocalizable,
        T.xcompat,
        T.xfunctions,
        T.xcomponentfactory,
        T.xservicefactory,
        T.t_double,
        T.t_string,
        T.t_any,
        T.t_void,
        T.seq_type,
        T.seq_byte,
        T.seq_string,
        T.seq_double,
        T.seqseq_double,
        T.seq_any,
        T.seqseq_any,
        T.locale,
        T.localized_name,
        T.seq_localized_name,
        T.illegal_argument,
        T.runtime_exception,
    };
    T.ok = true;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (!all[i])
            T.ok = false;
    log_msg("types %s", T.ok ? "ready" : "MISSING");
}

bool type_is(typelib_TypeDescriptionReference *a, typelib_TypeDescriptionReference *b)
{
    return a && b && typelib_typedescriptionreference_equals(a, b);
}

/* ---------------------------------------------------------------------------
 * Strings
 */
rtl_uString *ustr_utf8(const char *s)
{
    rtl_uString *u = NULL;
    if (!s)
        s = "";
    rtl_string2UString(&u, s, (sal_Int32)strlen(s), RTL_TEXTENCODING_UTF8,
                       OSTRING_TO_OUSTRING_CVTFLAGS);
    return u;
}

bool ustr_ascii(const rtl_uString *u, char *buf, size_t size)
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

bool split_member_name(const rtl_uString *full, char *iface, size_t isize, char *member,
                       size_t msize)
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

/* ---------------------------------------------------------------------------
 * Exceptions
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

void raise_exception(uno_Interface *context, typelib_TypeDescriptionReference *type,
                     const char *message, int arg, uno_Any *mem, uno_Any **ppException)
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

void raise_runtime(uno_Interface *context, const char *message, uno_Any *mem,
                   uno_Any **ppException)
{
    raise_exception(context, T.runtime_exception, message, -1, mem, ppException);
}

/* ---------------------------------------------------------------------------
 * Return values
 */
bool return_string(void *ret, const char *utf8)
{
    rtl_uString *u = ustr_utf8(utf8);
    *(rtl_uString **)ret = u;
    return u != NULL;
}

void return_void_any(void *ret)
{
    uno_any_construct((uno_Any *)ret, NULL, NULL, NULL);
}

bool return_string_seq(void *ret, const char *const *items, size_t n)
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

bool return_empty_seq(void *ret, typelib_TypeDescriptionReference *seq_type)
{
    uno_Sequence *seq = NULL;
    bool ok = uno_type_sequence_construct(&seq, seq_type, NULL, 0, NULL);

    *(uno_Sequence **)ret = ok ? seq : NULL;
    return ok;
}

bool return_type_seq(void *ret, typelib_TypeDescriptionReference *const *types, size_t n)
{
    uno_Sequence *seq = NULL;
    bool ok = uno_type_sequence_construct(&seq, T.seq_type, (void *)types, (sal_Int32)n, NULL);

    *(uno_Sequence **)ret = ok ? seq : NULL;
    return ok;
}

void query_interface(uno_Interface *self, void *arg, void *ret,
                     typelib_TypeDescriptionReference *const *types, size_t n)
{
    typelib_TypeDescriptionReference *want =
        arg ? *(typelib_TypeDescriptionReference **)arg : NULL;
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
