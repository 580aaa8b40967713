#!/bin/sh
# build-deb.sh OUTDIR
#
# Builds the Debian package ftcost_VERSION_ARCH.deb from this source tree
# and copies it to OUTDIR.  The tree's files (in a git checkout: tracked, and
# untracked ones git does not ignore; else all but build directories) are
# copied to a scratch directory, packaging/debian becomes its debian/, and
# `dpkg-buildpackage -us -uc -b` runs there; the tree itself is not touched.
#
# Needs the Build-Depends of packaging/debian/control (dpkg-checkbuilddeps
# names what is missing); git only to list the files of a git checkout.
# DEB_BUILD_OPTIONS is passed through (e.g. DEB_BUILD_OPTIONS=nocheck).
# FTCOST_DEB_KEEP=1 keeps the scratch directory.  Prints the path of the
# copied .deb on its last line.
set -eu

die() {
    echo "build-deb.sh: $*" >&2
    exit 1
}

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 1; }
outdir=$1
src=$(cd "$(dirname "$0")/.." && pwd -P)

command -v dpkg-buildpackage >/dev/null || die "no dpkg-buildpackage (apt-get install dpkg-dev debhelper)"

# The package version must be the project's (native package: no revision).
meson_version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" "$src/meson.build" | head -n 1)
deb_version=$(dpkg-parsechangelog -l "$src/packaging/debian/changelog" -S Version)
[ -n "$meson_version" ] || die "cannot read the version from meson.build"
[ "$deb_version" = "$meson_version" ] \
    || die "packaging/debian/changelog is at $deb_version, meson.build at $meson_version: add a changelog entry (dch -v $meson_version)"

mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd -P)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ftcost-deb.XXXXXX")
cleanup() {
    if [ -n "${FTCOST_DEB_KEEP:-}" ]; then
        echo "build-deb.sh: kept $scratch" >&2
    else
        rm -rf "$scratch"
    fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

tree=$scratch/ftcost-$deb_version
mkdir -p "$tree"
if command -v git >/dev/null && git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # Files that exist now (a tracked file deleted in the work tree is skipped).
    # shellcheck disable=SC2016  # $f is for the inner sh
    (cd "$src" && git ls-files -z --cached --others --exclude-standard) \
        | (cd "$src" && xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\0" "$f"; done' sh) \
        | (cd "$src" && tar --null -T - -cf -) | tar -xf - -C "$tree" \
        || die "cannot copy the tree"
else
    # Not a git checkout (a release tarball): everything but build directories.
    (cd "$src" && tar --exclude=./.git --exclude='./build*' --exclude='./_build*' \
        --exclude='./obj-*' --exclude=./debian --exclude=__pycache__ -cf - .) \
        | tar -xf - -C "$tree" || die "cannot copy the tree"
fi
[ -f "$tree/meson.build" ] || die "the copy of the tree has no meson.build"
rm -rf "$tree/debian"
cp -a "$src/packaging/debian" "$tree/debian"

echo "== dpkg-buildpackage in $tree"
(cd "$tree" && dpkg-buildpackage -us -uc -b) > "$scratch/build.log" 2>&1 || {
    tail -n 60 "$scratch/build.log" >&2
    die "dpkg-buildpackage failed (whole log: FTCOST_DEB_KEEP=1, $scratch/build.log)"
}

arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb=$scratch/ftcost_${deb_version}_${arch}.deb
[ -f "$deb" ] || die "dpkg-buildpackage made no $(basename "$deb"): $(ls "$scratch")"
cp "$deb" "$outdir/"
echo "$outdir/$(basename "$deb")"
