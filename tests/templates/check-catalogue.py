#!/usr/bin/env python3
"""The templates' translations: complete, in step with the sources, and used.

usage: check-catalogue.py --po-dir templates/po --lang de [--lang ...]

For each language:
  - msgfmt --check --statistics: no format or header error, no fuzzy and no
    untranslated message;
  - msgcmp against a .pot extracted now with xgettext from the sources: every
    text the descriptions mark with _() or N_() is translated (msgcmp counts
    fuzzy and empty entries as missing);
  - build-templates.py --fods-only in that language: the build asks the
    catalogue for every text it writes and fails on one it lacks;
  - no English left: every text cell of the translated template differs from
    the English template's cell at the same place, unless it is a name on
    ALLOWED (function names, models, GPUs, providers, choice codes passed to
    functions, units) or on the language's ALLOWED_IN (words it borrows).
Needs gettext (msgfmt, msgcmp, xgettext).  Exit 0 on success, 1 on a failure.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, '..', '..', 'templates')
KINDS = ('tco', 'budget', 'breakeven', 'checklist', 'rag')

# Texts a translated template keeps in English: names, codes passed to the
# add-in's functions, and symbols.
ALLOWED = {
    # choice codes passed to add-in functions (the list choices that only
    # formulas compare are translated, value and formula from one message)
    'lora',
    # models, GPUs, providers: function arguments
    'gpt-4o', 'gpt-4.1-mini', 'text-embedding-3-small', 'H100', 'aws',
    # function names, units and symbols
    'FT_VERDICT', 'FT_SCHEDULE', 'API_PRICE_DATE', 'FT_TRAINING_COST', 'FT_SERVING_COST',
    'RAG_EMBED_COST', 'RAG', 'RAG (RAG_TCO)', 'API', 'GPU', 'GPUs', 'GB', 'PUE', 'CO2', 'kWh',
    'FLOPs', '$', 'codercops.com (2026)', 'Training',
}
# Texts a language writes as English does (French borrows the field's terms).
ALLOWED_IN = {
    'fr': {
        'Total', 'Total (FT_TCO)', 'total ÷ horizon', 'Horizon', 'Catalogue', 'Question',
        'relative', 'Corpus', 'Source', 'acceptable', 'Prompting', 'Prompting (API_TCO)',
        'Fine-tuning', 'Fine-tuning (FT_TCO)', 'Prompt engineering',
        # an article's title, cited as published
        'codercops.com, RAG vs fine-tuning vs prompt engineering (2026)',
    },
}

NS = {'table': 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
      'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
      'office': 'urn:oasis:names:tc:opendocument:xmlns:office:1.0'}
VALUE_TYPE = '{%s}value-type' % NS['office']

failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL: ' + msg)


def run(argv, **kw):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def text_cells(path):
    """(sheet index, row, column) -> text of every static text cell."""
    out = {}
    root = ET.parse(path).getroot()
    for si, table in enumerate(root.iter('{%s}table' % NS['table'])):
        for ri, row in enumerate(table.findall('table:table-row', NS)):
            for ci, cell in enumerate(c for c in row if c.tag.endswith('table-cell')):
                if cell.get(VALUE_TYPE) == 'string':
                    out[(si, ri, ci)] = '\n'.join(''.join(p.itertext())
                                                  for p in cell.findall('text:p', NS))
    return out


def check_language(po_dir, lang, table, tmp):
    po = os.path.join(po_dir, lang + '.po')
    mo = os.path.join(tmp, lang + '.mo')
    r = run(['msgfmt', '--check', '--statistics', '-o', mo, po])
    if r.returncode != 0 or 'fuzzy' in r.stdout or 'untranslated' in r.stdout:
        fail('msgfmt --check %s: %s' % (po, r.stdout.strip()))
    pot = os.path.join(tmp, 'now.pot')
    sources = ['odsgen.py'] + ['tpl_%s.py' % k for k in KINDS]
    r = run(['xgettext', '--language=Python', '--keyword=_', '--keyword=N_', '--from-code=UTF-8',
             '-o', pot] + sources, cwd=TEMPLATES)
    if r.returncode != 0:
        fail('xgettext: ' + r.stdout.strip())
        return
    r = run(['msgcmp', po, pot])
    if r.returncode != 0:
        fail('%s lacks texts of the sources (run templates/po/update-po.sh and translate):\n%s'
             % (po, r.stdout.strip()))
    if not os.path.exists(mo):
        return
    builder = os.path.join(TEMPLATES, 'build-templates.py')
    for lg, args in (('en', []), (lang, ['--lang', lang, '--mo', mo])):
        r = run([sys.executable, builder, '--fods-only', '--table', table] + args
                + [os.path.join(tmp, lg)] + list(KINDS))
        if r.returncode != 0:
            fail('build-templates.py --lang %s: %s' % (lg, r.stdout.strip()))
            return
    for kind in KINDS:
        en = text_cells(os.path.join(tmp, 'en', 'ftcost-%s.fods' % kind))
        tr = text_cells(os.path.join(tmp, lang, 'ftcost-%s-%s.fods' % (kind, lang)))
        if set(en) != set(tr):
            fail('%s: the %s template has text cells in other places than the English one' % (kind, lang))
        for pos in sorted(set(en) & set(tr)):
            if (en[pos] == tr[pos] and en[pos].strip() and en[pos] not in ALLOWED
                    and en[pos] not in ALLOWED_IN.get(lang, ())):
                fail('%s (%s): sheet %d row %d column %d is still English: %r'
                     % (kind, lang, pos[0] + 1, pos[1] + 1, pos[2] + 1, en[pos]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--po-dir', default=os.path.join(TEMPLATES, 'po'))
    ap.add_argument('--lang', action='append', required=True)
    ap.add_argument('--table', required=True, help="the add-in's function table (ftcost-table.json)")
    a = ap.parse_args()
    for lang in a.lang:
        with tempfile.TemporaryDirectory(prefix='ftcost-po-') as tmp:
            check_language(a.po_dir, lang, a.table, tmp)
    if failures:
        print('%d check(s) failed' % len(failures))
        return 1
    print('OK: %s' % ', '.join(a.lang))
    return 0


if __name__ == '__main__':
    sys.exit(main())
