#!/bin/sh
# run-office.sh PROFILE_DIR COMMAND [ARG...]
#
# Runs COMMAND (e.g. calc-dump.py) with the environment that
# packaging/install-profile.sh gives soffice for PROFILE_DIR: HOME and the XDG
# directories inside the profile, nothing from the caller's environment, and,
# as root, as the account that owns the profile (nobody:nogroup unless
# FTCOST_RUN_AS says otherwise), since soffice and unopkg must not use a
# profile as root.  FTCOST_OFFICE_TIMEOUT bounds the run (default 600 s).
set -eu
[ $# -ge 2 ] || { echo "usage: $0 PROFILE_DIR COMMAND [ARG...]" >&2; exit 64; }
profile=$(cd "$1" && pwd -P)
shift
home=$profile/home
run=""
if [ "$(id -u)" -eq 0 ]; then
    account=${FTCOST_RUN_AS:-nobody:nogroup}
    run="setpriv --reuid=${account%%:*} --regid=${account#*:} --clear-groups"
fi
cd "$home" # one the account can enter, whatever the caller's is
# shellcheck disable=SC2086  # $run is a command prefix, split on purpose
exec env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 \
    XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
    XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run" \
    TMPDIR="$home/tmp" SAL_USE_VCLPLUGIN=svp \
    ${OFFICE_PROGRAM_DIR:+OFFICE_PROGRAM_DIR="$OFFICE_PROGRAM_DIR"} \
    timeout --kill-after=10 "${FTCOST_OFFICE_TIMEOUT:-600}" $run "$@"
