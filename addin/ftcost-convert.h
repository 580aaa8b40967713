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

#endif
