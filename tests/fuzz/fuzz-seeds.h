/* fuzz-seeds.h: seeds a libFuzzer target makes at start-up. */
#ifndef FUZZ_SEEDS_H
#define FUZZ_SEEDS_H

#include <glib.h>

/* For LLVMFuzzerInitialize: writes `seeds` (GBytes) to a temporary
 * directory, removed at exit, and adds -seed_inputs=@LIST to the arguments
 * (new inputs stay in memory).  Does nothing when libFuzzer is given files
 * to run (reproducing a crash) or FTC_FUZZ_NO_SEEDS is set.  `target`
 * names the directory and the line on stderr. */
void ftc_fuzz_use_seeds(int *argc, char ***argv, GPtrArray *seeds, const char *target);

#endif
