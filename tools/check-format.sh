#!/usr/bin/env bash
# The C sources as .clang-format lays them out: lists the files that differ
# and exits 1; `clang-format -i FILE` fixes one.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r f; do
    if ! clang-format --dry-run --Werror "$f" 2>/dev/null; then
        echo "not formatted: $f (run: clang-format -i $f)"
        status=1
    fi
done < <(git ls-files '*.c' '*.h' 2>/dev/null || find addin bench cli functions tests -name '*.[ch]')
[ $status -eq 0 ] && echo "format: every C file as .clang-format says"
exit $status
