/* libFuzzer target for the core's entry points: any bytes decoded into a
 * call of any function, one value or a grid per argument
 * (tests/ftc-test-fuzz.c), which must keep its
 * promises: no crash, no undefined behaviour, a status of the enum and a
 * finite result or a clear error. */
#include "ftc-test-fuzz.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ftc_status status;
    /* The first byte chooses a call of one value per argument or an
     * element-wise call of grids. */
    const char *problem =
        size > 0 && (data[0] & 1)
            ? ftc_test_fuzz_grid_call(data + 1, size - 1, &status)
            : ftc_test_fuzz_call(data + (size > 0), size - (size > 0), &status);

    if (problem != NULL) {
        fprintf(stderr, "fuzz-core: %s\n", problem);
        abort();
    }
    return 0;
}
