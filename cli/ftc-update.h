/* ftc-update.h: `ftcost prices update [--dry-run] [SOURCE...]`. */
#ifndef FTC_UPDATE_H
#define FTC_UPDATE_H

/* argv[0] is "update"; returns an ftc_exit status. */
int ftc_update_main(int argc, char **argv);

#endif
