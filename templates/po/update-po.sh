#!/bin/sh
# update-po.sh: extract the templates' texts (every _() and N_() of
# templates/odsgen.py and templates/tpl_*.py) into ftcost-templates.pot and
# merge them into each LANG.po of this folder (new texts come in empty,
# changed ones fuzzy: translate them and remove the fuzzy mark).
# Run from anywhere: sh templates/po/update-po.sh
set -eu
po=$(cd "$(dirname "$0")" && pwd -P)
src=$(dirname "$po")
cd "$src"
xgettext --language=Python --keyword=_ --keyword=N_ --from-code=UTF-8 \
    --add-comments=TRANSLATORS --package-name=ftcost-templates --no-wrap \
    -o "$po/ftcost-templates.pot" odsgen.py tpl_*.py
# The sources are UTF-8 (×, –, ÷ in the texts); no dates, so that an
# unchanged source gives an unchanged .pot.
sed -i -e 's/charset=CHARSET/charset=UTF-8/' -e '/^"POT-Creation-Date:/d' "$po/ftcost-templates.pot"
for f in "$po"/*.po; do
    [ -e "$f" ] || continue
    msgmerge --quiet --update --backup=none --no-wrap "$f" "$po/ftcost-templates.pot"
done
