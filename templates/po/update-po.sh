#!/bin/sh
# update-po.sh: extract the templates' texts (every _() and N_() of
# templates/odsgen.py and templates/tpl_*.py) into a .pot (a temporary file:
# the sources are the one list of texts) and merge them into each LANG.po of
# this folder (new texts come in empty,
# changed ones fuzzy: translate them and remove the fuzzy mark).
# Run from anywhere: sh templates/po/update-po.sh [NEWLANG]
# With NEWLANG (e.g. fr), NEWLANG.po is made first, every text untranslated.
set -eu
po=$(cd "$(dirname "$0")" && pwd -P)
src=$(dirname "$po")
cd "$src"
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
xgettext --language=Python --keyword=_ --keyword=N_ --from-code=UTF-8 \
    --add-comments=TRANSLATORS --package-name=ftcost-templates --no-wrap \
    -o "$pot" odsgen.py tpl_*.py
# The sources are UTF-8 (×, –, ÷ in the texts); no dates, so that an
# unchanged source gives an unchanged .pot.
sed -i -e 's/charset=CHARSET/charset=UTF-8/' -e '/^"POT-Creation-Date:/d' "$pot"
sh "$(dirname "$src")/tools/po-merge.sh" "$pot" "$po" "$@"
