#!/usr/bin/env python3
"""The previews of the built templates show computed values, not #NAME?.

usage: check-previews.py --soffice SOFFICE --table ftcost-table.json TEMPLATE.ots...

File > New > Templates shows each template's Thumbnails/thumbnail.png,
which LibreOffice renders from the values it stores in the document.  For
each TEMPLATE (built by templates/build-templates.py with the add-in
installed):
  - no stored value is an error or a text holding one (#NAME?, Err:502,
    #N/A...): the document the preview was rendered from;
  - the preview is a PNG of a sensible size;
  - it is not the preview of the same template converted without the
    add-in (every add-in cell #NAME?), which this test renders from the
    template's .fods beside it (the build's own source of the .ots; a
    conversion is reproducible to the byte), where that conversion stores
    an error in the area the preview shows (the first 100 x 124 mm of
    the first sheet: some previews show labels only).
Exit 0 when every preview is computed, 1 otherwise.
"""
import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, '..', '..', 'templates')
sys.path.insert(0, TEMPLATES)
sys.path.insert(0, os.path.join(HERE, '..', 'e2e'))
sys.dont_write_bytecode = True
import otsvalues  # noqa: E402
from lo_harness import report  # noqa: E402


def png_size(data):
    if data[:8] != b'\x89PNG\r\n\x1a\n' or data[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', data[16:24])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--soffice', required=True)
    ap.add_argument('--table', required=True)
    ap.add_argument('templates', nargs='+')
    a = ap.parse_args()
    failures = []
    by_lang = {}
    for t in a.templates:
        base = os.path.basename(t)[:-len('.ots')]          # ftcost-rag or ftcost-rag-de
        kind_lang = base[len('ftcost-'):].split('-')
        lang = kind_lang[1] if len(kind_lang) > 1 else 'en'
        by_lang.setdefault(lang, []).append((t, kind_lang[0]))
        errors = otsvalues.stored_errors(t)
        for e in errors:
            failures.append('%s stores an error: %s' % (base, otsvalues.describe(e)))
        size = png_size(otsvalues.thumbnail(t))
        if size is None or size[0] < 200 or size[1] < 200:
            failures.append('%s: Thumbnails/thumbnail.png is not a preview (%r)' % (base, size))
        print('%s: %d stored errors, preview %s' % (base, len(errors), size), flush=True)

    work = tempfile.mkdtemp(prefix='ftcost-previews-')
    try:
        for lang, items in sorted(by_lang.items()):
            out = os.path.join(work, lang)
            cmd = [sys.executable, os.path.join(TEMPLATES, 'build-templates.py'),
                   '--soffice', a.soffice, '--table', a.table]
            if lang != 'en':
                mo = os.path.join(os.path.dirname(items[0][0]), 'ftcost-templates-%s.mo' % lang)
                cmd += ['--lang', lang, '--mo', mo]
            r = subprocess.run(cmd + [out] + [k for _, k in items], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=600)
            if r.returncode != 0:
                failures.append('the conversion without the add-in failed:\n'
                                + r.stdout.decode(errors='replace'))
                continue
            for t, _ in items:
                plain = os.path.join(out, os.path.basename(t))
                base = os.path.basename(t)[:-len('.ots')]
                shown = [e for e in otsvalues.stored_errors(plain) if e[4]]
                same = otsvalues.thumbnail(plain) == otsvalues.thumbnail(t)
                if shown and same:
                    failures.append('%s: the preview is the one rendered without the add-in, '
                                    'which shows %s' % (base, otsvalues.describe(shown[0])))
                elif shown:
                    print('%s: the preview differs from the one without the add-in, which '
                          'shows %d errors (%s)' % (base, len(shown), shown[0][2]), flush=True)
                elif not otsvalues.stored_errors(plain):
                    failures.append('%s converted without the add-in stores no error: '
                                    'the comparison proves nothing' % base)
                else:  # the preview's area holds labels only
                    print('%s: the preview shows no cell that calls the add-in (%s)'
                          % (base, 'the same image' if same else 'yet a different image'),
                          flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report(failures, 'previews: %d templates rendered from computed values'
                  % len(a.templates))


if __name__ == '__main__':
    sys.exit(main())
