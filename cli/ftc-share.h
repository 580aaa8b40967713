/* ftc-share.h: `ftcost share`, a copy of a workbook without add-in calls. */
#ifndef FTC_SHARE_H
#define FTC_SHARE_H

/* argv[0] is "share"; returns the exit status. */
int ftc_share_main(int argc, char **argv);

#endif
