#!/usr/bin/python3
"""The Debian package, built, installed on this machine, used, removed.

usage: test-deb.py --source SRCDIR [--program DIR]

1. packaging/build-deb.sh builds ftcost_VERSION_ARCH.deb from SRCDIR;
2. `apt-get install ./ftcost_*.deb` installs it (dependencies resolved);
3. checks what it installed: /usr/bin/ftcost computes FT_TCO, `man -w ftcost`
   finds the page, /usr/share/doc/ftcost/REFERENCE.md, the extension
   unpacked under share/extensions/ftcost without its own json-glib (the
   add-in resolves the system's);
4. a FRESH LibreOffice profile (no unopkg step) computes a sheet through
   python3-uno: FT_TCO(200;3000;320;1;18) = 1224800 and a few more calls,
   each compared with the installed command; the extension manager lists
   org.ftcost among the bundled extensions, not the user's; the same in a
   profile LibreOffice made before the package was installed (users'
   existing profiles pick the extension up at their next start);
5. the package is purged again, whatever happened (also on SIGTERM/SIGHUP:
   then in a session of its own, so that it outlives us), and the test
   checks that nothing of it is left.

While the package is installed every LibreOffice on the machine sees the
extension, and `unopkg add ftcost.oxt` into a private profile (what the e2e
and template tests do) fails: run this test alone (meson: is_parallel
false, suite 'deb'), not beside another build's LibreOffice tests.
A package installed by someone else is never touched: the test is skipped.
If a previous run was killed before it could remove the package, the marker
/var/tmp/ftcost-deb-test.installed says so and the package is removed first.

Needs root, dpkg-buildpackage (and the Build-Depends), apt-get, soffice and
python3-uno.  Exit status: 0 pass, 1 fail, 77 skipped, 99 harness error.
FTCOST_E2E_KEEP=1 keeps the profile and the built .deb.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

PACKAGE = 'ftcost'
EXT_DIR = '/usr/lib/libreoffice/share/extensions/ftcost'
MARKER = '/var/tmp/ftcost-deb-test.installed'
APT_ENV = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
# Wait for a dpkg lock another apt-get holds rather than fail at once.
APT_LOCK = ['-o', 'DPkg::Lock::Timeout=300']
PURGE = ['apt-get', '-y'] + APT_LOCK + ['purge', PACKAGE]

# Calls computed in Calc; expected values come from the installed command.
CALLS = [
    ('FT_TCO', ['200', '3000', '320', '1', '18']),
    ('FT_HIDDEN_SHARE', ['200', '3000', '320', '1', '18']),
    ('API_PRICE', ['"gpt-4o"', '"output"']),
    ('FT_BREAKEVEN', ['50000', '3000', '5000', '0.05']),
    ('FT_VERDICT', ['0.90', '0.85', '100000', '40000']),
]


class Fail(Exception):
    pass


class HarnessError(Exception):
    pass


def log(msg):
    print(msg, flush=True)


def run(cmd, timeout=600, **kw):
    log('$ ' + ' '.join(cmd))
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       timeout=timeout, **kw)
    return p.returncode, p.stdout


def installed():
    p = subprocess.run(['dpkg-query', '-W', '-f=${Status}', PACKAGE],
                       capture_output=True, text=True)
    return p.returncode == 0 and 'installed' in p.stdout.split()[-1:]


def present():
    """Installed, or half-installed/config-files: anything dpkg knows."""
    p = subprocess.run(['dpkg-query', '-W', '-f=${Status}', PACKAGE],
                       capture_output=True, text=True)
    return p.returncode == 0 and not p.stdout.endswith('not-installed')


def purge():
    rc, out = run(PURGE, timeout=600, env=APT_ENV)
    if rc != 0 or present():
        rc, out2 = run(['dpkg', '--purge', PACKAGE], timeout=300)
        out += out2
    if present():
        raise HarnessError('could not remove %s:\n%s' % (PACKAGE, out))
    try:
        os.unlink(MARKER)
    except FileNotFoundError:
        pass
    log('removed %s' % PACKAGE)


def cli(*args):
    p = subprocess.run(['/usr/bin/ftcost'] + list(args), capture_output=True, text=True,
                       timeout=60, env=dict(os.environ, FTCOST_PRICES='',
                                            XDG_CONFIG_HOME='/nonexistent'))
    return p.returncode, p.stdout.strip(), p.stderr.strip()


def check_files(check):
    rc, out, err = cli('FT_TCO', '200', '3000', '320', '1', '18')
    check('/usr/bin/ftcost FT_TCO 200 3000 320 1 18 prints 1224800',
          rc == 0 and out == '1224800', 'exit %d, %r %r' % (rc, out, err))
    rc, out, err = cli('--version')
    check('ftcost --version', rc == 0 and out.startswith('ftcost '), out + err)
    if shutil.which('man'):
        p = subprocess.run(['man', '-w', 'ftcost'], capture_output=True, text=True, timeout=60)
        check('man -w ftcost finds the page',
              p.returncode == 0 and '/usr/share/man/man1/ftcost.1' in p.stdout,
              p.stdout + p.stderr)
    else:
        check('man page installed', os.path.exists('/usr/share/man/man1/ftcost.1.gz'), '')
    # The page covers every form `ftcost --help` shows.
    page = ''
    try:
        import gzip
        with gzip.open('/usr/share/man/man1/ftcost.1.gz', 'rt', encoding='utf-8') as f:
            page = f.read().replace('\\-', '-')
    except OSError as e:
        check('man page readable', False, str(e))
    rc, usage, err = cli('--help')
    forms = []
    for line in usage.splitlines():
        words = line.split()
        if 'ftcost' in words[:2] and words.index('ftcost') + 1 < len(words):
            forms.append(words[words.index('ftcost') + 1])
    missing = [f for f in forms if f not in page]
    check('the man page covers every form of ftcost --help (%s)' % ' '.join(forms),
          rc == 0 and forms and not missing, 'missing: %r' % missing)
    check('function reference in /usr/share/doc/ftcost',
          os.path.exists('/usr/share/doc/ftcost/REFERENCE.md'), '')
    for f in ('description.xml', 'META-INF/manifest.xml', 'ftcost.components',
              'CalcAddIns.xcu', 'ftcost.rdb', 'ftcost.uno.so', 'LICENSE'):
        check('extension file %s' % f, os.path.exists(os.path.join(EXT_DIR, f)), '')
    check('no bundled json-glib in the unpacked extension',
          not os.path.exists(os.path.join(EXT_DIR, 'libjson-glib-1.0.so.0')), '')
    p = subprocess.run(['ldd', os.path.join(EXT_DIR, 'ftcost.uno.so')],
                       capture_output=True, text=True,
                       env=dict(os.environ, LD_LIBRARY_PATH='/usr/lib/libreoffice/program'))
    json_line = [l for l in p.stdout.splitlines() if 'libjson-glib' in l]
    check('the add-in resolves the system json-glib',
          len(json_line) == 1 and '=> /' in json_line[0] and EXT_DIR not in json_line[0]
          and 'not found' not in json_line[0], p.stdout)


def cli_expect(fn, args):
    """(ok, value) from the installed command, as the cell should show it."""
    rc, out, err = cli(fn, *[a.strip('"') for a in args])
    if rc != 0:
        raise HarnessError('ftcost %s %s: exit %d %s' % (fn, ' '.join(args), rc, err))
    try:
        return float(out)
    except ValueError:
        return out


def e2e_module(opts):
    sys.path.insert(0, os.path.join(opts.source, 'tests', 'e2e'))
    try:
        import lo_harness
    except ImportError as e:
        raise HarnessError('cannot import tests/e2e/lo_harness.py: %s' % e)
    return lo_harness


def new_office(opts):
    """An empty profile directory (no extension in it, ever), owned by
    whoever runs soffice, and a lo_harness.Office on it."""
    e2e = e2e_module(opts)

    class O:
        program = opts.program
        install = '/bin/false'   # never used: nothing is installed per user
    office = e2e.Office(O)
    for d in ('.config', '.cache', '.local/share', 'run', 'tmp'):
        os.makedirs(os.path.join(office.home, d))
    os.chmod(os.path.join(office.home, 'run'), 0o700)
    if office.root:
        for dirpath, dirnames, filenames in os.walk(office.profile):
            shutil.chown(dirpath, 'nobody', 'nogroup')
    return office


def first_start(opts, office):
    """Creates the profile with one soffice run (a conversion), the way a
    user who had LibreOffice before the package came has one."""
    e2e = e2e_module(opts)
    csv = os.path.join(office.home, 'tmp', 'first.csv')
    with open(csv, 'w') as f:
        f.write('x\n1\n')
    os.chmod(csv, 0o644)
    cmd = office.prefix + [os.path.join(opts.program, 'soffice'), '--headless', '--norestore',
                           '--nologo', '--nodefault',
                           '-env:UserInstallation=file://' + office.profile,
                           '--convert-to', 'ods', '--outdir', os.path.dirname(csv), csv]
    p = subprocess.Popen(cmd, env=office.env(), stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=180)
    finally:
        e2e.kill_session(p.pid)
    if p.returncode != 0 or not os.path.isdir(os.path.join(office.profile, 'user')):
        raise HarnessError('first soffice start failed (%s): %s' % (p.returncode, out))


def check_calc(opts, check, office, which):
    # The python side of the bridge learns the add-in's types from the
    # installed extension: pyuno bootstraps at the first `import uno`, here,
    # once the package is installed (and only in this process: the package
    # build must not see it).
    os.environ['URE_MORE_TYPES'] = ' '.join([
        '<file://%s/types>*' % os.path.abspath(opts.program),
        'file://%s/ftcost.rdb' % EXT_DIR])
    t0 = time.time()
    office.start(timeout=180)
    log('soffice up on %s in %.1f s' % (which, time.time() - t0))
    try:
        mgr = office.ctx.getValueByName('/singletons/com.sun.star.deployment.ExtensionManager')
        bundled = [e.getIdentifier().Value
                   for e in mgr.getDeployedExtensions('bundled', None, None)]
        user = [e.getIdentifier().Value for e in mgr.getDeployedExtensions('user', None, None)]
        check('org.ftcost is a bundled extension (%s)' % which, 'org.ftcost' in bundled,
              repr(bundled))
        check('no per-user copy of org.ftcost (%s)' % which, 'org.ftcost' not in user,
              repr(user))

        doc = office.new_calc()
        try:
            sheet = doc.Sheets.getByIndex(0)
            for row, (fn, args) in enumerate(CALLS):
                sheet.getCellByPosition(0, row).setFormula('=%s(%s)' % (fn, ';'.join(args)))
            doc.calculateAll()
            for row, (fn, args) in enumerate(CALLS):
                cell = sheet.getCellByPosition(0, row)
                what = '=%s(%s) in %s' % (fn, ';'.join(args), which)
                want = cli_expect(fn, args)
                code = cell.getError()
                if code:
                    check(what, False, 'error %d (%s)' % (code, cell.getString()))
                elif isinstance(want, float):
                    got = cell.getValue()
                    check(what, abs(got - want) <= 1e-12 * max(abs(got), abs(want), 1),
                          'got %r, want %r' % (got, want))
                else:
                    check(what, cell.getString() == want,
                          'got %r, want %r' % (cell.getString(), want))
            got = sheet.getCellByPosition(0, 0).getValue()
            check('=FT_TCO(200;3000;320;1;18) is 1224800 (%s)' % which, got == 1224800,
                  repr(got))
        finally:
            try:
                doc.close(False)
            except Exception:
                pass
    finally:
        office.terminate(timeout=30)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--source', required=True)
    ap.add_argument('--program', default='/usr/lib/libreoffice/program')
    opts = ap.parse_args()
    opts.source = os.path.abspath(opts.source)

    if os.geteuid() != 0:
        log('SKIP installing a package needs root')
        return 77
    for tool in ('dpkg-buildpackage', 'apt-get', 'dpkg-query'):
        if not shutil.which(tool):
            log('SKIP no %s (apt-get install dpkg-dev debhelper)' % tool)
            return 77
    if not os.access(os.path.join(opts.program, 'soffice'), os.X_OK):
        log('SKIP no soffice in %s' % opts.program)
        return 77
    if present():
        if not os.path.exists(MARKER):
            log('SKIP %s is installed on this machine, not by this test: left alone' % PACKAGE)
            return 77
        log('a previous run left %s installed: removing it first' % PACKAGE)
        purge()

    if subprocess.run([sys.executable, '-c', 'import uno'],
                      capture_output=True).returncode != 0:
        log('SKIP this python (%s) has no uno module (install python3-uno)' % sys.executable)
        return 77

    failures = []
    passed = [0]

    def check(what, ok, detail):
        if ok:
            passed[0] += 1
            log('ok   %s' % what)
        else:
            failures.append(what)
            log('FAIL %s: %s' % (what, detail))

    # Stopped from outside: still remove the package, in a session of its
    # own so that a SIGKILL of our process group after the SIGTERM spares it.
    state = {'installing': False}

    def on_term(signum, frame):
        if state['installing']:
            subprocess.Popen(['sh', '-c', '%s; dpkg --purge %s; rm -f %s'
                              % (' '.join(PURGE), PACKAGE, MARKER)],
                             env=APT_ENV, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            state['installing'] = False
        raise HarnessError('stopped by signal %d' % signum)
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_term)

    offices = []
    out = tempfile.mkdtemp(prefix='ftcost-deb-test-')
    os.chmod(out, 0o755)
    try:
        t0 = time.time()
        rc, text = run(['sh', os.path.join(opts.source, 'packaging', 'build-deb.sh'), out],
                       timeout=1200)
        if rc != 0:
            log(text)
            check('packaging/build-deb.sh builds the package', False, 'exit %d' % rc)
            return 1
        deb = text.strip().splitlines()[-1]
        check('packaging/build-deb.sh builds %s (%.0f s)' % (os.path.basename(deb),
                                                             time.time() - t0),
              os.path.isfile(deb), text)

        # A profile made before the package comes, as users' are.
        offices.append(new_office(opts))
        first_start(opts, offices[0])

        state['installing'] = True
        with open(MARKER, 'w') as f:
            f.write('%d\n' % os.getpid())
        try:
            rc, text = run(['apt-get', 'install', '-y', '--no-install-recommends']
                           + APT_LOCK + [deb], timeout=900, env=APT_ENV)
            check('apt-get install ./%s' % os.path.basename(deb),
                  rc == 0 and installed(), text[-3000:])
            if rc == 0 and installed():
                check_files(check)
                offices.append(new_office(opts))
                check_calc(opts, check, offices[1], 'a fresh profile')
                check_calc(opts, check, offices[0], 'a profile made before the install')
        finally:
            for o in offices:
                o.close()
            offices.clear()
            if state['installing']:
                state['installing'] = False
                purge()
        check('nothing left: /usr/bin/ftcost', not os.path.exists('/usr/bin/ftcost'), '')
        check('nothing left: %s' % EXT_DIR, not os.path.exists(EXT_DIR), '')
    except HarnessError as e:
        log('ERROR %s' % e)
        return 99
    except Exception:
        traceback.print_exc()
        return 99
    finally:
        for o in offices:
            o.close()
        if os.environ.get('FTCOST_E2E_KEEP'):
            log('kept %s' % out)
        else:
            shutil.rmtree(out, ignore_errors=True)
    log('%d passed, %d failed' % (passed[0], len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
