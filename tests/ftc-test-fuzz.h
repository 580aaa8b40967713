/* ftc-test-fuzz.h: one call of the core decoded from arbitrary bytes, and
 * the promises every call keeps.  No check here, so a libFuzzer target can
 * use it as well as the check suites. */
#ifndef FTC_TEST_FUZZ_H
#define FTC_TEST_FUZZ_H

#include "ftcost.h"

#include <stddef.h>
#include <stdint.h>

/* Decodes bytes into one call (function, argument count and kinds, raw
 * doubles: NaN, infinities, -0, subnormals all reachable), makes it and
 * checks: a status of the enum, an argument to blame in range, a message;
 * on success a finite number, a non-empty finite array or a text of the
 * function's result type.  Returns NULL when all held, else what broke
 * (static storage); *status gets the call's status. */
const char *ftc_test_fuzz_call(const uint8_t *data, size_t size, ftc_status *status);

/* The same for an element-wise call (ftc_call_grid): each argument a grid
 * of 0 to 3 rows and columns (empty ones included) of decoded values.
 * Checks: a status of the enum; on success the shape the arguments pair
 * to, every element's status of the enum, the count of bad elements, a
 * finite number in each good one; on failure nothing left behind. */
const char *ftc_test_fuzz_grid_call(const uint8_t *data, size_t size, ftc_status *status);

#endif
