#!/bin/sh
# install-profile.sh OXT PROFILE_DIR
#
# Installs the extension OXT into a private LibreOffice user profile at
# PROFILE_DIR (created if needed), for tests and demos; your own profile is
# never touched.  Afterwards start LibreOffice on that profile with
#
#   soffice -env:UserInstallation=file://PROFILE_DIR ...
#
# with HOME=PROFILE_DIR/home (and, as root, as user nobody: see below).
#
# Pitfalls handled (see /work/shared/notes/binary-uno-c.md):
# - unopkg refuses a user profile when run as root, and soffice should not
#   run as root either: as root, everything runs as nobody:nogroup through
#   setpriv, with HOME and the XDG directories inside PROFILE_DIR (which is
#   handed to nobody).  Every directory above PROFILE_DIR must then be
#   traversable by nobody.  FTCOST_RUN_AS=user:group picks another account.
# - The first start of soffice on a brand-new profile wipes the user
#   component registry, so an extension added before it is listed but never
#   loads (#NAME? in every cell).  soffice is started once first (a trivial
#   conversion), then `unopkg add`.
# - The license (accept-by="user") is accepted with --suppress-license.
#
# Environment: OFFICE_PROGRAM_DIR (default /usr/lib/libreoffice/program),
# FTCOST_INSTALL_TIMEOUT seconds per step (default 180).
# Exit status: 0 installed and listed, 1 on any failure (message on stderr).
set -eu

usage() {
    echo "usage: $0 OXT PROFILE_DIR" >&2
    exit 1
}
die() {
    echo "install-profile.sh: $*" >&2
    exit 1
}

[ $# -eq 2 ] || usage
oxt=$1
profile=$2
program=${OFFICE_PROGRAM_DIR:-/usr/lib/libreoffice/program}
limit=${FTCOST_INSTALL_TIMEOUT:-180}

[ -f "$oxt" ] || die "no such extension: $oxt"
[ -x "$program/soffice" ] || die "no soffice in $program (set OFFICE_PROGRAM_DIR)"
[ -x "$program/unopkg" ] || die "no unopkg in $program (set OFFICE_PROGRAM_DIR)"

mkdir -p "$profile"
profile=$(cd "$profile" && pwd -P)
home=$profile/home
mkdir -p "$home/.config" "$home/.cache" "$home/.local/share" "$home/run" "$home/tmp"
chmod 700 "$home/run"
# A copy inside the profile: readable by whoever runs unopkg.
cp "$oxt" "$profile/ftcost.oxt"

run=""
if [ "$(id -u)" -eq 0 ]; then
    account=${FTCOST_RUN_AS:-nobody:nogroup}
    user=${account%%:*}
    group=${account#*:}
    chown -R "$user:$group" "$profile"
    run="setpriv --reuid=$user --regid=$group --clear-groups"
    $run test -w "$profile" -a -x "$profile" \
        || die "$user cannot write $profile: make every directory above it traversable (chmod o+x)"
fi

# The environment soffice and unopkg see: nothing from the caller's profile.
office() {
    # shellcheck disable=SC2086  # $run is a command prefix, split on purpose
    env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 \
        XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
        XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run" \
        TMPDIR="$home/tmp" SAL_USE_VCLPLUGIN=svp \
        ${FTCOST_LOG:+FTCOST_LOG="$FTCOST_LOG"} \
        timeout --kill-after=10 "$limit" $run "$@"
}

url="file://$profile"
# soffice and unopkg start in a directory their account can enter: the
# caller's (a build tree under a 0700 home) may not be one.
cd "$home"

# 1. First start on the fresh profile (creates it, cleans the caches).
printf 'x\n1\n' > "$home/tmp/first-start.csv"
office "$program/soffice" --headless --norestore --nologo --nodefault \
    "-env:UserInstallation=$url" --convert-to ods --outdir "$home/tmp" \
    "$home/tmp/first-start.csv" > "$home/tmp/first-start.log" 2>&1 \
    || die "first soffice start failed: $(cat "$home/tmp/first-start.log")"
[ -d "$profile/user" ] || die "soffice did not create the profile in $profile/user"

# 2. Add the extension (replacing an older copy of it).
office "$program/unopkg" add --suppress-license --force \
    "-env:UserInstallation=$url" "$profile/ftcost.oxt" > "$home/tmp/unopkg-add.log" 2>&1 \
    || die "unopkg add failed: $(cat "$home/tmp/unopkg-add.log")"

# 3. Check it is registered.
office "$program/unopkg" list "-env:UserInstallation=$url" > "$home/tmp/unopkg-list.log" 2>&1 \
    || die "unopkg list failed: $(cat "$home/tmp/unopkg-list.log")"
grep -q 'Identifier: org.ftcost' "$home/tmp/unopkg-list.log" \
    || die "org.ftcost is not listed after unopkg add: $(cat "$home/tmp/unopkg-list.log")"
grep -q 'is registered: yes' "$home/tmp/unopkg-list.log" \
    || die "org.ftcost is not registered: $(cat "$home/tmp/unopkg-list.log")"

echo "installed $(basename "$oxt") into $url"
