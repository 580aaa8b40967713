#!/usr/bin/env python3
"""check-l10n-table.py L10N-TABLE.PY: the converter of the function help's
translations (functions/po/l10n-table.py) fails on a text that a .po does
not translate (missing, empty, fuzzy), names it, and writes the others in
the order ftc_text() searches, contexts apart."""
import os
import subprocess
import sys
import tempfile

POT = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: functions/ftc-a.c
msgid "Tokens"
msgstr ""

#: functions/ftc-a.c
msgctxt "unit"
msgid "Tokens"
msgstr ""

#: functions/ftc-b.c
msgid "Price per \\"million\\" "
"tokens"
msgstr ""

#: functions/ftc-b.c
msgid "Änderung"
msgstr ""
'''

GOOD = '''# a comment
msgid ""
msgstr ""
"Language: fr\\n"

msgid "Tokens"
msgstr "Jetons"

msgctxt "unit"
msgid "Tokens"
msgstr "jetons"

#, fuzzy
#| msgid "Old text"
#~ msgid "Old text"
#~ msgstr "Ancien texte"

msgid "Price per \\"million\\" tokens"
msgstr "Prix par « million » "
"de jetons"

msgid "Änderung"
msgstr "Variation"

msgid "A text no source has any more"
msgstr "Un texte"
'''


def run(tool, tmp, po_text):
    pot, po, out = (os.path.join(tmp, n) for n in ('t.pot', 'fr.po', 't.c'))
    with open(pot, 'w', encoding='utf-8') as f:
        f.write(POT)
    with open(po, 'w', encoding='utf-8') as f:
        f.write(po_text)
    if os.path.exists(out):
        os.remove(out)
    p = subprocess.run([sys.executable, tool, '--pot', pot, '--output', out, 'fr=' + po],
                       capture_output=True, text=True, check=False)
    source = open(out, encoding='utf-8').read() if os.path.exists(out) else None
    return p.returncode, p.stderr, source


def main():
    tool = sys.argv[1]
    failures = []

    def expect(cond, what):
        if not cond:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        rc, err, src = run(tool, tmp, GOOD)
        expect(rc == 0 and err == '', 'a complete .po fails: %r' % err)
        rows = [line.strip() for line in (src or '').splitlines() if line.startswith('    {')]
        expect(rows == [
            '{NULL, "Price per \\"million\\" tokens", "Prix par « million » de jetons"},',
            '{NULL, "Tokens", "Jetons"},',
            '{NULL, "Änderung", "Variation"},',
            '{"unit", "Tokens", "jetons"},',
        ], 'rows not as ftc_text() searches them: %r' % rows)
        expect('[FTC_LANG_FR] = {fr, FTC_N_ELEMENTS(fr)},' in (src or ''),
               'no table for FTC_LANG_FR')

        broken = {
            'missing': (GOOD.replace('msgid "Änderung"\nmsgstr "Variation"\n', ''),
                        "fr.po: 'Änderung'"),
            'empty': (GOOD.replace('msgstr "Variation"', 'msgstr ""'), "fr.po: 'Änderung'"),
            'fuzzy': (GOOD.replace('msgid "Änderung"', '#, fuzzy\nmsgid "Änderung"'),
                      "fr.po: 'Änderung' (fuzzy)"),
            'context': (GOOD.replace('msgctxt "unit"\n', 'msgctxt "other"\n'),
                        "fr.po: [unit] 'Tokens'"),
            'unreadable': (GOOD.replace('msgstr "Jetons"', 'msgstr Jetons'), 'fr.po:7:'),
        }
        for name, (text, named) in broken.items():
            rc, err, src = run(tool, tmp, text)
            expect(rc == 1 and named in err and src is None,
                   '%s: rc %d, no %r in %r, output %s' % (name, rc, named, err,
                                                          'written' if src else 'none'))
    for f in failures:
        print('FAIL:', f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
