/* ftcost-convert.h: UNO values <-> the core's values.  The one place that
 * turns XFunctions arguments (double, string, any, sequence<sequence<any>>)
 * into ftc_value / ftc_grid, the core's results into the `any` a method
 * returns, and the core's errors into what a cell shows (Err:502, #N/A).
 */
#ifndef FTCOST_CONVERT_H
#define FTCOST_CONVERT_H

#include "uno-c.h"

#include "ftcost.h"

/* One call of an XFunctions method `m` that calls table function `fn`:
 * arguments converted, ftc_call (or ftc_call_grid when an argument is an
 * array), the result constructed into pReturn, or the error raised in
 * `exc` through *ppException with `context` as the exception's Context. */
void call_function(uno_Interface *context, const ftc_function *fn,
                   const typelib_InterfaceMethodTypeDescription *m, void *pReturn,
                   void *pArgs[], uno_Any *exc, uno_Any **ppException);

/* How each argument of a method arrives, read once from the method's
 * declared parameter types (ftcost-uno-gen.c declares them from the table):
 * the scalar fast path (call_planned) unpacks single values by it. */
typedef enum {
    PLAN_GENERAL, /* anything else: convert_arg's general path */
    PLAN_DOUBLE,
    PLAN_STRING,
    PLAN_ANY,
    PLAN_ROWS_ANY, /* sequence<sequence<any>>: a single value is 1 x 1 */
} plan_kind;

typedef struct {
    const ftc_function *fn;
    size_t n; /* arguments passed to the core: min(table, declared) */
    unsigned char kind[FTC_MAX_ARGS];
} call_plan;

/* The plan of method `m` calling table function `fn`; false when the
 * method has more parameters than one call takes. */
bool call_plan_init(call_plan *plan, const ftc_function *fn,
                    const typelib_InterfaceMethodTypeDescription *m);

/* One call by its plan: when every argument is a single value (a number,
 * an empty argument, short ASCII text) it is unpacked on the stack and the
 * core called directly, nothing allocated; anything else (a range, an
 * inline array, other text) goes to call_function, with the same
 * results and errors either way. */
void call_planned(uno_Interface *context, const call_plan *plan,
                  const typelib_InterfaceMethodTypeDescription *m, void *pReturn, void *pArgs[],
                  uno_Any *exc, uno_Any **ppException);

#endif
