#!/usr/bin/env python3
"""l10n-table.py: the function help's translations as a C table.

usage: l10n-table.py --pot ftcost-help.pot --output ftc-l10n-table.c LANG=LANG.po...

The .pot lists every text of the help (sh functions/po/update-po.sh --pot
writes it from the sources); each LANG.po translates them, keyed by the
English text and its context.  The output defines ftc_translations
(functions/ftcost-private.h): per language, the (context, English,
translation) triples sorted as ftc_text() searches them.  A text that a
LANG.po does not translate (missing, empty or fuzzy) fails, naming it: the
build stops there, as the templates' does.  Python's standard library only.
"""
import argparse
import sys


class PoError(Exception):
    pass


_ESCAPES = {'"': '"', '\\': '\\', 'n': '\n', 't': '\t'}


def _string(text, path, lineno):
    """The value of a PO string literal ("..." with the escapes \\" \\\\ \\n \\t)."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoError('%s:%d: expected a quoted string' % (path, lineno))
    out, i = [], 1
    while i < len(text) - 1:
        ch = text[i]
        if ch == '\\':
            if i + 1 >= len(text) - 1 or text[i + 1] not in _ESCAPES:
                raise PoError('%s:%d: unknown escape in %s' % (path, lineno, text))
            out.append(_ESCAPES[text[i + 1]])
            i += 2
        elif ch == '"':
            raise PoError('%s:%d: a quote inside %s' % (path, lineno, text))
        else:
            out.append(ch)
            i += 1
    return ''.join(out)


def read_po(path):
    """The entries of a .po or .pot: {(context or None, msgid): (msgstr,
    fuzzy)}, without the header and the obsolete (#~) ones."""
    entries = {}
    entry, field, fuzzy = {}, None, False

    def flush():
        nonlocal entry, field, fuzzy
        if entry:
            if 'msgid' not in entry or 'msgstr' not in entry:
                raise PoError('%s: an entry without msgid or msgstr: %r' % (path, entry))
            key = (entry.get('msgctxt'), entry['msgid'])
            if key in entries:
                raise PoError('%s: msgid %r twice' % (path, entry['msgid']))
            if key != (None, ''):  # the header
                entries[key] = (entry['msgstr'], fuzzy)
        entry, field, fuzzy = {}, None, False

    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if line.startswith('#~'):
                continue
            if line.strip() == '':
                flush()
            elif line.startswith('#'):
                if 'msgstr' in entry:
                    flush()
                if line.startswith('#,') and 'fuzzy' in [w.strip() for w in line[2:].split(',')]:
                    fuzzy = True
            elif line.startswith('"'):
                if field is None:
                    raise PoError('%s:%d: a string outside an entry' % (path, lineno))
                entry[field] += _string(line, path, lineno)
            else:
                keyword, _, rest = line.partition(' ')
                if keyword not in ('msgctxt', 'msgid', 'msgstr'):
                    raise PoError('%s:%d: cannot read %r (plural forms are not used in '
                                  'the help)' % (path, lineno, line))
                if keyword != 'msgstr' and 'msgstr' in entry:
                    flush()
                if keyword in entry:
                    raise PoError('%s:%d: %s twice in one entry' % (path, lineno, keyword))
                field = keyword
                entry[field] = _string(rest, path, lineno)
    flush()
    return entries


def c_string(s):
    out = ['"']
    prev = ''
    for ch in s:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif ord(ch) < 0x20:
            raise ValueError('control character in %r' % s)
        elif ch == '?' and prev == '?':  # no trigraphs
            out.append('\\?')
        else:
            out.append(ch)
        prev = ch
    return ''.join(out) + '"'


def table(texts, languages):
    """The C source, or raise PoError naming every untranslated text."""
    untranslated = []
    tables = []
    for lang, path in languages:
        po = read_po(path)
        rows = []
        for key in texts:
            msgstr, fuzzy = po.get(key, ('', False))
            if msgstr == '' or fuzzy:
                untranslated.append('  %s.po: %s%r%s' % (
                    lang, '' if key[0] is None else '[%s] ' % key[0], key[1],
                    ' (fuzzy)' if fuzzy and msgstr != '' else ''))
            rows.append((key[0], key[1], msgstr))
        # strcmp's order: the bytes of UTF-8, no context before any context
        rows.sort(key=lambda r: ((r[0] or '').encode('utf-8'), r[1].encode('utf-8')))
        tables.append((lang, rows))
    if untranslated:
        raise PoError('the function help is not translated (missing, empty or fuzzy); '
                      'translate it in functions/po/ (update-po.sh merges new texts):\n'
                      + '\n'.join(untranslated))
    out = ['/* Generated by functions/po/l10n-table.py from functions/po/LANG.po: do not edit. */',
           '#include "ftcost-private.h"', '']
    for lang, rows in tables:
        out.append('static const ftc_translation %s[] = {' % lang)
        for ctx, en, text in rows:
            out.append('    {%s, %s, %s},' % ('NULL' if ctx is None else c_string(ctx),
                                             c_string(en), c_string(text)))
        out.append('};')
        out.append('')
    out.append('const ftc_translation_table ftc_translations[FTC_LANG_COUNT] = {')
    for lang, rows in tables:
        out.append('    [FTC_LANG_%s] = {%s, FTC_N_ELEMENTS(%s)},' % (lang.upper(), lang, lang))
    out.append('};')
    return '\n'.join(out) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--pot', required=True)
    ap.add_argument('--output', required=True)
    ap.add_argument('languages', nargs='+', metavar='LANG=LANG.po')
    a = ap.parse_args()
    languages = []
    for spec in a.languages:
        lang, sep, path = spec.partition('=')
        if not sep or not lang.isalpha() or not lang.islower():
            ap.error('expected LANG=PATH, not %r' % spec)
        languages.append((lang, path))
    try:
        texts = sorted(read_po(a.pot), key=lambda k: (k[0] or '', k[1]))
        source = table(texts, languages)
    except (PoError, OSError) as e:
        sys.stderr.write('l10n-table.py: %s\n' % e)
        return 1
    with open(a.output, 'w', encoding='utf-8') as f:
        f.write(source)
    return 0


if __name__ == '__main__':
    sys.exit(main())
