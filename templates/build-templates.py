#!/usr/bin/env python3
"""Build the ftcost spreadsheet templates.

usage: build-templates.py [--soffice PATH] [--fods-only] [--lang LANG --mo LANG.mo]
                          [--oxt ADDIN.oxt --install install-profile.sh] OUTDIR NAME...

For each NAME (a description module templates/tpl_NAME.py) writes
OUTDIR/<FILE>.fods (flat ODF, generated) and, unless --fods-only, converts it
with LibreOffice to OUTDIR/<FILE>.ots.  With --lang other than en, the texts
come from the compiled catalogue --mo (templates/po/LANG.po through msgfmt)
and the files are <FILE>-LANG; a text the catalogue does not translate
(missing, empty or fuzzy) fails the build, naming it.  The conversion runs headless on a
throwaway profile inside OUTDIR (works as root too: a plain --convert-to
needs no user account), all templates in one soffice start.

With --oxt (the add-in, packaged) and --install (packaging/install-profile.sh)
the profile has the add-in installed: the values stored in the .ots and the
preview LibreOffice renders into it (Thumbnails/thumbnail.png, what File >
New > Templates shows) are computed, and a template that stores an error
value (#NAME?, Err:502, #N/A...) fails the build, naming the cells.  Without
them every cell that calls the add-in stores and shows #NAME?.  As root,
install-profile.sh hands the profile to nobody: soffice then runs as nobody
too, on copies in the profile.
"""
import argparse
import importlib
import os
import shutil
import subprocess
import sys
import tempfile

import odsgen
import otsvalues

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
    ap.add_argument('--oxt', help='the add-in (.oxt) to compute the templates with')
    ap.add_argument('--install', help='packaging/install-profile.sh (with --oxt)')
    ap.add_argument('outdir')
    ap.add_argument('names', nargs='+')
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    outdir = os.path.abspath(a.outdir)

    if bool(a.oxt) != bool(a.install):
        ap.error('--oxt and --install go together')
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

    if a.oxt:
        return convert_with_addin(a, outdir, fods)
    work = tempfile.mkdtemp(prefix='ftcost-tpl-', dir=outdir)
    try:
        env = dict(os.environ, HOME=work, SAL_USE_VCLPLUGIN='svp',
                   XDG_CONFIG_HOME=work, XDG_CACHE_HOME=work, TMPDIR=work)
        cmd = [a.soffice, '--headless', '--norestore', '--nologo', '--nodefault',
               '-env:UserInstallation=file://' + os.path.join(work, 'profile'),
               '--convert-to', 'ots:calc8_template', '--outdir', work] + [p for _, p in fods]
        return convert(a, cmd, env, work, outdir, fods, [])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def convert(a, cmd, env, made_dir, outdir, fods, prefix):
    r = subprocess.run(prefix + cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=a.timeout, cwd=env['HOME'])
    log = r.stdout.decode(errors='replace')
    for file, _ in fods:
        made = os.path.join(made_dir, file + '.ots')
        if r.returncode != 0 or not os.path.isfile(made):
            sys.stderr.write('build-templates.py: soffice did not produce %s.ots (exit %d):\n%s'
                             % (file, r.returncode, log))
            return 1
    for file, _ in fods:
        made = os.path.join(made_dir, file + '.ots')
        if a.oxt:
            errors = otsvalues.stored_errors(made)
            if errors:
                sys.stderr.write('build-templates.py: %s.ots computed with %s stores errors '
                                 '(its preview shows them):\n%s'
                                 % (file, a.oxt, ''.join('  %s\n' % otsvalues.describe(e) for e in errors[:20])))
                return 1
        shutil.copyfile(made, os.path.join(outdir, file + '.ots.tmp'))
        os.replace(os.path.join(outdir, file + '.ots.tmp'), os.path.join(outdir, file + '.ots'))
    return 0


def convert_with_addin(a, outdir, fods):
    """Converts on a throwaway profile with the add-in installed, outside
    the build tree (soffice may run as nobody, who must reach it)."""
    program = os.path.dirname(os.path.abspath(a.soffice))
    base = tempfile.mkdtemp(prefix='ftcost-tpl-')
    try:
        os.chmod(base, 0o755)
        profile = os.path.join(base, 'profile')
        r = subprocess.run(['sh', a.install, a.oxt, profile],
                           env=dict(os.environ, OFFICE_PROGRAM_DIR=program),
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=a.timeout)
        if r.returncode != 0:
            sys.stderr.write('build-templates.py: cannot install %s:\n%s'
                             % (a.oxt, r.stdout.decode(errors='replace')))
            return 1
        home = os.path.join(profile, 'home')
        work = os.path.join(home, 'tmp', 'templates')
        os.makedirs(work)
        copies = []
        for _, path in fods:
            copy = os.path.join(work, os.path.basename(path))
            shutil.copyfile(path, copy)
            copies.append(copy)
        prefix = []
        if os.geteuid() == 0:  # the account install-profile.sh gave the profile
            st = os.stat(profile)
            for p in [work] + copies:
                os.chown(p, st.st_uid, st.st_gid)
            prefix = ['setpriv', '--reuid=%d' % st.st_uid, '--regid=%d' % st.st_gid,
                      '--clear-groups']
        env = {'PATH': '/usr/bin:/bin', 'HOME': home, 'LANG': 'C.UTF-8',
               'XDG_CONFIG_HOME': home + '/.config', 'XDG_CACHE_HOME': home + '/.cache',
               'XDG_DATA_HOME': home + '/.local/share', 'XDG_RUNTIME_DIR': home + '/run',
               'TMPDIR': home + '/tmp', 'SAL_USE_VCLPLUGIN': 'svp'}
        if os.environ.get('FTCOST_TODAY'):
            env['FTCOST_TODAY'] = os.environ['FTCOST_TODAY']
        cmd = [a.soffice, '--headless', '--norestore', '--nologo', '--nodefault',
               '-env:UserInstallation=file://' + profile,
               '--convert-to', 'ots:calc8_template', '--outdir', work] + copies
        return convert(a, cmd, env, work, outdir, fods, prefix)
    finally:
        shutil.rmtree(base, ignore_errors=True)

if __name__ == '__main__':
    sys.exit(main())
