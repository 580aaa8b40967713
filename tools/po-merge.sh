#!/bin/sh
# po-merge.sh POT DIR [NEWLANG]: merge the texts of POT into every LANG.po of
# DIR (new texts come in empty, changed ones fuzzy); with NEWLANG (e.g. fr),
# DIR/NEWLANG.po is made first, every text untranslated.  Used by
# templates/po/update-po.sh and functions/po/update-po.sh.
set -eu
pot=$1
po=$2
if [ $# -gt 2 ] && [ ! -e "$po/$3.po" ]; then
    msginit --no-translator --no-wrap -l "$3" -i "$pot" -o "$po/$3.po"
fi
for f in "$po"/*.po; do
    [ -e "$f" ] || continue
    msgmerge --quiet --update --backup=none --no-wrap "$f" "$pot"
done
