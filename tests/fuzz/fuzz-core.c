/* libFuzzer target for the core's entry point: any bytes decoded into a
 * call of any function (tests/ftc-test-fuzz.c), which must keep its
 * promises: no crash, no undefined behaviour, a status of the enum and a
 * finite result or a clear error. */
#include "ftc-test-fuzz.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ftc_status status;
    const char *problem = ftc_test_fuzz_call(data, size, &status);

    if (problem != NULL) {
        fprintf(stderr, "fuzz-core: %s\n", problem);
        abort();
    }
    return 0;
}
