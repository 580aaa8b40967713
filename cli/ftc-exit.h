/* ftc-exit.h: the exit status of every `ftcost` command, in one place
 * (HACKING.md's error table lists them). */
#ifndef FTC_EXIT_H
#define FTC_EXIT_H

typedef enum {
    FTC_EXIT_OK = 0,
    FTC_EXIT_DIFFER = 1,    /* `prices --diff`: the catalogue and the file disagree (as diff) */
    FTC_EXIT_INVALID = 2,   /* Err:502, #VALUE!; a file, a workbook or a download unusable */
    FTC_EXIT_NO_ANSWER = 3, /* #N/A */
    FTC_EXIT_USAGE = 64,    /* EX_USAGE: unknown command or function, wrong arguments */
} ftc_exit;

#endif
