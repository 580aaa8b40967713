#!/usr/bin/env bash
# The two commands of the README, on a fresh Debian 12:
#   bash tools/dev.sh demo   build, install the extension into a private
#                            LibreOffice profile, compute the example sheet
#                            headless and print the results
#   bash tools/dev.sh test   build and run every test (plain build with the
#                            LibreOffice end-to-end tests, then the core and
#                            command again under AddressSanitizer/UBSan, the
#                            fuzzers, and, as root, the LibreOffice suites
#                            again on LibreOffice 26.8 in a chroot)
# Missing Debian packages are installed when run as root (CI); otherwise the
# script says which apt-get command to run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

# Everything the build and the tests need, from Debian 12.
packages=(
    meson ninja-build pkg-config gcc libc6-dev
    libglib2.0-dev libjson-glib-dev check libxml2-dev libzip-dev
    libsoup-3.0-dev glib-networking  # `ftcost prices update`: HTTP, TLS
    # libreoffice-calc, not -nogui: the screenshots test opens real windows
    libreoffice-calc libreoffice-dev python3-uno
    xvfb  # the X server of those windows (tests/templates/screenshot-templates.py)
    libreoffice-l10n-de libreoffice-l10n-fr gettext
    fonts-dejavu-core  # the fit test measures text in DejaVu Sans
    valgrind poppler-utils
    gnumeric
    clang libclang-rt-14-dev
    dpkg-dev debhelper
    debootstrap
    clang-format  # tools/check-format.sh
)

# The current LibreOffice beside Debian 12's 7.4: 26.8 from trixie-backports
# in a Debian 13 chroot (the two cannot share one system), with what the
# build needs.
lo_current_root=${FTCOST_LO_CURRENT_ROOT:-/var/tmp/ftcost-lo-current}
lo_current_packages=(
    libreoffice-calc-nogui libreoffice-dev python3-uno libreoffice-l10n-de
    libreoffice-l10n-fr  # the French templates are listed under a French UI
)
lo_current_build_packages=(
    meson ninja-build pkg-config gcc libc6-dev libglib2.0-dev libjson-glib-dev
    check libxml2-dev libzip-dev python3 poppler-utils
    libsoup-3.0-dev glib-networking
    gettext fonts-dejavu-core
)

# The packages of a list that the chroot lacks, on one line.
lo_current_missing() {
    local p missing=()
    for p in "$@"; do
        # shellcheck disable=SC2016  # ${Status} is dpkg-query's field
        chroot "$lo_current_root" dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
            grep -q 'install ok installed' || missing+=("$p")
    done
    echo "${missing[*]}"
}

install_packages() {
    local missing=() p
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing packages; run: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "== installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
}

setup() { # DIR [meson options...]
    local dir=$1
    shift
    if [ -f "$dir/build.ninja" ]; then
        meson setup --reconfigure "$dir" "$@" >/dev/null
    else
        meson setup "$dir" "$@"
    fi
    meson compile -C "$dir"
}

# Builds the chroot once (debootstrap, then LibreOffice 26.8 from
# trixie-backports); later runs reuse it.
lo_current_prepare() {
    local mirror=http://deb.debian.org/debian
    if [ -x "$lo_current_root/usr/bin/apt-get" ] &&
        ! grep -q '^VERSION_CODENAME=trixie$' "$lo_current_root/etc/os-release"; then
        echo "== $lo_current_root is not a Debian 13 chroot; remove it or set FTCOST_LO_CURRENT_ROOT" >&2
        return 1
    fi
    if [ ! -x "$lo_current_root/usr/lib/libreoffice/program/soffice" ]; then
        echo "== LibreOffice 26.8 chroot in $lo_current_root"
        [ -x "$lo_current_root/usr/bin/apt-get" ] ||
            debootstrap --variant=minbase trixie "$lo_current_root" "$mirror"
        cat > "$lo_current_root/etc/apt/sources.list" <<SOURCES
deb $mirror trixie main
deb $mirror trixie-updates main
deb http://deb.debian.org/debian-security trixie-security main
deb $mirror trixie-backports main
SOURCES
        chroot "$lo_current_root" sh -c "export DEBIAN_FRONTEND=noninteractive &&
            apt-get update &&
            apt-get install -y --no-install-recommends -t trixie-backports ${lo_current_packages[*]} &&
            apt-get install -y --no-install-recommends ${lo_current_build_packages[*]}"
    fi
    # A chroot built before a package joined the lists gets it now.
    local new_lo new_build cmd="apt-get update"
    new_lo=$(lo_current_missing "${lo_current_packages[@]}")
    new_build=$(lo_current_missing "${lo_current_build_packages[@]}")
    [ -z "$new_lo" ] ||
        cmd="$cmd && apt-get install -y --no-install-recommends -t trixie-backports $new_lo"
    [ -z "$new_build" ] || cmd="$cmd && apt-get install -y --no-install-recommends $new_build"
    if [ -n "$new_lo$new_build" ]; then
        echo "== LibreOffice 26.8 chroot: installing $new_lo $new_build"
        chroot "$lo_current_root" sh -c "export DEBIAN_FRONTEND=noninteractive && $cmd"
    fi
    mkdir -p "$lo_current_root/src"
    mountpoint -q "$lo_current_root/proc" || mount -t proc proc "$lo_current_root/proc"
    mountpoint -q "$lo_current_root/src" || mount --bind "$here" "$lo_current_root/src"
}

lo_current_release() {
    umount "$lo_current_root/src" 2>/dev/null || true
    umount "$lo_current_root/proc" 2>/dev/null || true
}

# The LibreOffice suites again on 26.8 (build-lo-current, configured in the
# chroot); the slow ones (soak, valgrind) test our library, not the version.
run_lo_current_tests() {
    local status=0
    if [ "$(id -u)" -ne 0 ]; then
        echo "== LibreOffice 26.8: skipped (needs root for its chroot)"
        return 0
    fi
    lo_current_prepare
    trap lo_current_release EXIT
    chroot "$lo_current_root" sh -c "cd /src &&
        soffice --version &&
        { [ -f build-lo-current/build.ninja ] || meson setup build-lo-current; } &&
        meson compile -C build-lo-current &&
        meson test -C build-lo-current --print-errorlogs --num-processes 1 \
            --suite oxt --suite e2e --suite share --suite templates --no-suite slow \
            --no-suite window" ||  # the chroot's LibreOffice has no windows (-nogui)
        status=1
    lo_current_release
    trap - EXIT
    return $status
}

# meson's own summary is not a line CI reads: say "N passed, N failed".
summarize() { # DIR...
    python3 - "$@" <<'PY'
import json, sys
import glob, os
passed = failed = skipped = 0
# As root every package is installed here, so a skipped test is a failure
# (libFuzzer's findings once came back as meson's "skipped", exit 77).
skip_fails = os.geteuid() == 0
for log in sorted(p for d in sys.argv[1:] for p in glob.glob(f"{d}/meson-logs/testlog*.json")):
    d = log
    with open(log) as f:
        for line in f:
            r = json.loads(line)
            if r["result"] in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif r["result"] == "SKIP" and not skip_fails:
                skipped += 1
                print(f"SKIPPED: {d}: {r['name']}")
            else:
                failed += 1
                print(f"FAILED: {d}: {r['name']} ({r['result']})")
print(f"ftcost: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
}

run_tests() {
    local status=0
    bash tools/check-format.sh || status=1
    bash tools/check-sizes.sh || status=1
    setup build
    meson test -C build --print-errorlogs --num-processes 2 || status=1
    meson test -C build --print-errorlogs --setup valgrind --suite core --suite cli \
        --no-suite update || status=1  # update-valgrind: the command under memcheck
    setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Daddin=disabled
    meson test -C build-asan --print-errorlogs --suite core --suite cli --suite hostile || status=1
    # libFuzzer (clang) on the price-file loader, the core, the formula
    # rewriter and the workbook reader, bounded: -Dfuzz_seconds
    CC=clang setup build-fuzz -Dfuzz=enabled -Daddin=disabled \
        -Db_sanitize=address,undefined -Db_lundef=false
    meson test -C build-fuzz --print-errorlogs --suite fuzz || status=1
    grep -h '^stat::number_of_executed_units\|^stat::new_units_added' \
        build-fuzz/meson-logs/testlog.txt || true
    run_lo_current_tests || status=1
    summarize build build-asan build-fuzz build-lo-current || status=1
    return $status
}

run_demo() {
    setup build
    echo
    echo "== the cost core, through the ftcost command"
    local example
    while IFS= read -r example; do
        # shellcheck disable=SC2086
        printf '%-58s = %s\n' "$example" "$(build/cli/ftcost ${example//;/ } 2>&1)"
    done <<'EXAMPLES'
FT_TCO 200 3000 320 1 18
FT_HIDDEN_SHARE 200 3000 320 1 18
API_TCO 100000000 20000000 2.5 10 0.05
FT_BREAKEVEN 50000 3000 5000 0.05
FT_BREAKEVEN_VOLUME 10000 1 6
FT_VERDICT 0.90 0.85 100000 40000
API_PRICE gpt-4o output
API_PRICE o3 output 45778
RAG_TCO 625.1 1200 15000 24 0.05
FT_GPU_HOURS 7E9 25000000 3 989.5 0.4 lora
GPU_PRICE H100 aws
EXAMPLES
    if [ -x tools/demo-calc.sh ]; then
        echo
        bash tools/demo-calc.sh build
    fi
}

case "${1:-}" in
test)
    install_packages
    run_tests
    ;;
demo)
    install_packages
    run_demo
    ;;
*)
    echo "usage: bash tools/dev.sh demo|test" >&2
    exit 64
    ;;
esac
