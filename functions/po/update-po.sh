#!/bin/sh
# update-po.sh: extract the function help's texts (every L("..."),
# LC("context", "...") of functions/*.c and FTC_L10N("...") of cli/ftcost.c,
# the help renderer) into a .pot (a temporary file: the sources are the one
# list of texts) and merge them into each LANG.po of this folder (new texts
# come in empty, changed ones fuzzy: translate them and remove the fuzzy
# mark; the build fails until then).
# Run from anywhere: sh functions/po/update-po.sh [NEWLANG]
# With NEWLANG (e.g. it), NEWLANG.po is made first, every text untranslated
# (then add the language to ftc_lang in functions/ftcost.h, ftc_lang_code()
# and ftc_lang_from_code() in functions/ftc-help.c, and help_languages in
# functions/meson.build).
# sh functions/po/update-po.sh --pot FILE writes the .pot only (the build
# does, to check that every text is translated).
set -eu
po=$(cd "$(dirname "$0")" && pwd -P)
root=$(dirname "$(dirname "$po")")
out=
if [ $# -gt 1 ] && [ "$1" = --pot ]; then
    out=$(cd "$(dirname "$2")" && pwd -P)/$(basename "$2")
    shift 2
fi
cd "$root"
pot=${out:-$(mktemp --suffix=.pot)}
[ -n "$out" ] || trap 'rm -f "$pot"' EXIT
# Locations by file only: a text that moves within its file leaves the
# .po files as they are.
LC_ALL=C xgettext --language=C --keyword= --keyword=L --keyword=LC:1c,2 \
    --keyword=FTC_L10N --keyword=FTC_L10N_CTX:1c,2 --from-code=UTF-8 \
    --add-comments=TRANSLATORS --add-location=file --package-name=ftcost-help \
    --no-wrap -o "$pot" functions/*.c cli/ftcost.c
# The sources are UTF-8 (×, ≥, ü in the texts); no dates, so that an
# unchanged source gives an unchanged .pot.
sed -i -e 's/charset=CHARSET/charset=UTF-8/' -e '/^"POT-Creation-Date:/d' "$pot"
[ -z "$out" ] || exit 0
sh "$root"/tools/po-merge.sh "$pot" "$po" "$@"
