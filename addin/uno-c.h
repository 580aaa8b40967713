/* uno-c.h: the LibreOffice SDK's binary-UNO C headers, made usable from C11.
 *
 * The 7.4 header typelib/typedescription.h is not valid C on its own: it
 * uses `bool` through sal/types.h macros and refers to `_typelib_TypeClass`
 * without the `enum` keyword.  Everything in addin/ includes the SDK through
 * this file only.
 */
#ifndef FTCOST_UNO_C_H
#define FTCOST_UNO_C_H

#include <stdbool.h>

#include <sal/types.h>
#include <typelib/typeclass.h>
typedef enum _typelib_TypeClass _typelib_TypeClass;
#include <typelib/typedescription.h>
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/sequence2.h>
#include <osl/mutex.h>
#include <rtl/string.h>
#include <rtl/textenc.h>
#include <rtl/ustring.h>

#endif
