#!/usr/bin/env python3
"""Build the ftcost spreadsheet templates.

usage: build-templates.py [--soffice PATH] [--fods-only] [--lang LANG --mo LANG.mo]
                          OUTDIR NAME...

For each NAME (a description module templates/tpl_NAME.py) writes
OUTDIR/<FILE>.fods (flat ODF, generated) and, unless --fods-only, converts it
with LibreOffice to OUTDIR/<FILE>.ots.  With --lang other than en, the texts
come from the compiled catalogue --mo (templates/po/LANG.po through msgfmt)
and the files are <FILE>-LANG; a text the catalogue does not translate
(missing, empty or fuzzy) fails the build, naming it.  The conversion runs headless on a
throwaway profile inside OUTDIR (works as root too: a plain --convert-to
needs no user account), all templates in one soffice start.
"""
import argparse
import importlib
import os
import shutil
import subprocess
import sys
import tempfile

import odsgen

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep the source tree clean


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--soffice', default='/usr/lib/libreoffice/program/soffice')
    ap.add_argument('--fods-only', action='store_true')
    ap.add_argument('--timeout', type=int, default=300)
    ap.add_argument('--lang', default='en', choices=sorted(odsgen.LANGUAGES))
    ap.add_argument('--mo', help='the compiled catalogue of --lang')
    ap.add_argument('--table', required=True,
                    help="the add-in's function table (ftcost-table.json): its function names "
                    "are stored by their programmatic name, and input cells passed to a "
                    "function get the rule of its argument's domain")
    ap.add_argument('outdir')
    ap.add_argument('names', nargs='+')
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    outdir = os.path.abspath(a.outdir)

    if a.lang != 'en' and not a.mo:
        ap.error('--lang %s needs --mo' % a.lang)
    odsgen.set_language(a.lang, a.mo)
    odsgen.set_table(a.table)
    fods = []
    for name in a.names:
        # Imported after set_language: module-level texts are translated too.
        mod = importlib.import_module('tpl_' + name)
        file = mod.FILE + ('' if a.lang == 'en' else '-' + a.lang)
        path = os.path.join(outdir, file + '.fods')
        with open(path + '.tmp', 'w', encoding='utf-8') as f:
            f.write(mod.build().to_fods())
        os.replace(path + '.tmp', path)
        fods.append((file, path))
    if odsgen.missing():
        sys.stderr.write('build-templates.py: %s.po does not translate (missing, empty or fuzzy):\n%s'
                         % (a.lang, ''.join('  %r\n' % m for m in sorted(odsgen.missing()))))
        return 1
    if a.fods_only:
        return 0

    work = tempfile.mkdtemp(prefix='ftcost-tpl-', dir=outdir)
    try:
        env = dict(os.environ, HOME=work, SAL_USE_VCLPLUGIN='svp',
                   XDG_CONFIG_HOME=work, XDG_CACHE_HOME=work, TMPDIR=work)
        cmd = [a.soffice, '--headless', '--norestore', '--nologo', '--nodefault',
               '-env:UserInstallation=file://' + os.path.join(work, 'profile'),
               '--convert-to', 'ots:calc8_template', '--outdir', work] + [p for _, p in fods]
        r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=a.timeout)
        log = r.stdout.decode(errors='replace')
        for file, _ in fods:
            made = os.path.join(work, file + '.ots')
            if r.returncode != 0 or not os.path.isfile(made):
                sys.stderr.write('build-templates.py: soffice did not produce %s.ots (exit %d):\n%s'
                                 % (file, r.returncode, log))
                return 1
            os.replace(made, os.path.join(outdir, file + '.ots'))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
