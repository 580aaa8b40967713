#!/usr/bin/env bash
# Files small enough to read: no C file of addin/, cli/ or functions/ over
# 700 lines, no Python file over 900.  Lists the files over and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() { # limit, files...
    local limit=$1 f n
    shift
    for f in "$@"; do
        n=$(wc -l < "$f")
        if [ "$n" -gt "$limit" ]; then
            echo "too long: $f ($n lines, at most $limit): split it"
            status=1
        fi
    done
}
mapfile -t c_files < <(git ls-files 'addin/*.[ch]' 'cli/*.[ch]' 'functions/*.[ch]')
mapfile -t py_files < <(git ls-files '*.py')
check 700 "${c_files[@]}"
check 900 "${py_files[@]}"
[ $status -eq 0 ] && echo "sizes: no C file over 700 lines, no Python file over 900"
exit $status
