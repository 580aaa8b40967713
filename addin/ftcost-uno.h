/* ftcost-uno.h: binary-UNO helpers of the add-in: the types it uses (looked
 * up once), logging, strings, exceptions, return values, queryInterface.
 * Nothing here knows ftcost's functions: see ftcost-convert.h for values,
 * ftcost-addin.c for the component.
 *
 * Ownership (binary UNO): in-arguments are borrowed; return values are
 * constructed by the callee and owned by the caller; *ppException points at
 * caller-provided memory for an exception any: the dispatcher keeps that
 * pointer, sets *ppException to NULL for "no exception", and an exception is
 * constructed in that memory with *ppException pointing back at it
 * (raise_exception).
 */
#ifndef FTCOST_UNO_H
#define FTCOST_UNO_H

#include "uno-c.h"

#include <stdatomic.h>
#include <stddef.h>

/* ---- Logging: FTCOST_LOG=1 logs to stderr, FTCOST_LOG=/some/file appends
 * there; silent otherwise.  Read once by types_init(). */
extern atomic_bool log_on;
#define LOG_ON() atomic_load_explicit(&log_on, memory_order_relaxed)
__attribute__((format(printf, 1, 2))) void log_msg(const char *fmt, ...);
/* Milliseconds on a monotonic clock (the log's timings). */
double now_ms(void);

/* ---- Types, looked up once by types_init() (call_once before any use);
 * T.ok false when one is missing. */
struct uno_types {
    typelib_TypeDescriptionReference *xinterface, *xtypeprovider, *xserviceinfo, *xservicename,
        *xaddin, *xlocalizable, *xcompat, *xfunctions, *xcomponentfactory, *xservicefactory;
    typelib_TypeDescriptionReference *t_double, *t_string, *t_any, *t_void;
    typelib_TypeDescriptionReference *seq_type, *seq_byte, *seq_string, *seq_double,
        *seqseq_double, *seq_any, *seqseq_any, *seq_localized_name;
    typelib_TypeDescriptionReference *locale, *localized_name;
    typelib_TypeDescriptionReference *illegal_argument, *runtime_exception;
    bool ok;
};
extern struct uno_types T;
void types_init(void);
bool type_is(typelib_TypeDescriptionReference *a, typelib_TypeDescriptionReference *b);

/* ---- Strings */
/* UTF-8 -> new rtl_uString (NULL when out of memory). */
rtl_uString *ustr_utf8(const char *s);
/* A name as plain ASCII into buf; false when it is not ASCII or too long. */
bool ustr_ascii(const rtl_uString *u, char *buf, size_t size);
/* "a.b.XFoo::bar" or "a.b.XFoo::bar:@0,3:a.b.XBaz" -> interface, member. */
bool split_member_name(const rtl_uString *full, char *iface, size_t isize, char *member,
                       size_t msize);

/* ---- Exceptions: the one place that raises.  Constructs exception `type`
 * in `mem` with the message (UTF-8) and `context`, and signals it through
 * *ppException; `arg` >= 0 is IllegalArgumentException's
 * ArgumentPosition. */
void raise_exception(uno_Interface *context, typelib_TypeDescriptionReference *type,
                     const char *message, int arg, uno_Any *mem, uno_Any **ppException);
void raise_runtime(uno_Interface *context, const char *message, uno_Any *mem,
                   uno_Any **ppException);

/* ---- Return values (constructed into `ret`); false when memory ran out. */
bool return_string(void *ret, const char *utf8);
void return_void_any(void *ret);
/* At most 8 items. */
bool return_string_seq(void *ret, const char *const *items, size_t n);
bool return_empty_seq(void *ret, typelib_TypeDescriptionReference *seq_type);
bool return_type_seq(void *ret, typelib_TypeDescriptionReference *const *types, size_t n);

/* queryInterface: `self` as the asked type when it is one of `types`, a void
 * any ("no") otherwise. */
void query_interface(uno_Interface *self, void *arg, void *ret,
                     typelib_TypeDescriptionReference *const *types, size_t n);

#endif
