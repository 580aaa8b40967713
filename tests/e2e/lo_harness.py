#!/usr/bin/python3
"""The LibreOffice harness of ftcost's end-to-end tests: a throwaway profile
with the extension installed (packaging/install-profile.sh), soffice started
on it (as nobody when we are root) and always killed, the process tree and
its memory, Calc's error codes, and what every driver of soffice does
around its test (run_harness).  Knows nothing of ftcost's functions: the
tests are in the *_e2e.py scripts (their cases in e2e_cases.py) and
bench.py, which import this module (meson puts tests/e2e on PYTHONPATH).
"""

import argparse
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile

# Calc's error codes (formula/errorcodes.hxx) and what the cell shows.
ERR_ILLEGAL_ARGUMENT = 502

ERR_ILLEGAL_FP = 503

ERR_PARAMETER_EXPECTED = 504

ERR_NO_VALUE = 519

ERR_NO_NAME = 525

ERR_DIV_ZERO = 532

ERR_NOT_AVAILABLE = 32767

ERR_NAMES = {
    ERR_ILLEGAL_ARGUMENT: 'Err:502',
    ERR_ILLEGAL_FP: '#NUM!',
    ERR_DIV_ZERO: '#DIV/0!',
    ERR_PARAMETER_EXPECTED: 'Err:504',
    ERR_NO_VALUE: '#VALUE!',
    ERR_NO_NAME: '#NAME?',
    ERR_NOT_AVAILABLE: '#N/A',
}

REL_TOL = 1e-12

class HarnessError(Exception):
    """Something other than the add-in went wrong."""

def log(msg):
    print(msg, flush=True)

def err_name(code):
    return ERR_NAMES.get(code, 'Err:%d' % code)

def close_enough(got, want):
    if isinstance(want, str) or isinstance(got, str):
        return got == want
    if math.isnan(got) or math.isnan(want):
        return False
    if got == want:
        return True
    return abs(got - want) <= REL_TOL * max(abs(got), abs(want))


# ---------------------------------------------------------------------------
# Arguments and expectations

def session_pids(sid, comm=None):
    """Processes of session `sid` (named `comm`, when given)."""
    out = []
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % entry) as f:
                stat = f.read()
            name = stat[stat.index('(') + 1:stat.rindex(')')]
            # fields after the command name: state ppid pgrp session ...
            fields = stat[stat.rindex(')') + 2:].split()
            if int(fields[3]) == sid and comm in (None, name):
                out.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return out

def soffice_bin_pid(office):
    """soffice.bin in the session of the soffice we started."""
    pids = session_pids(office.proc.pid, 'soffice.bin')
    return pids[0] if pids else None

def library_mapped(pid, name):
    with open('/proc/%d/maps' % pid) as f:
        return any(line.rstrip().endswith('/' + name) for line in f)

def vm_rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    raise HarnessError('no VmRSS for %d' % pid)

def kill_session(sid):
    """SIGKILL every process of session `sid` (one we started with
    start_new_session: soffice, oosplash, unopkg, timeout and their
    children all stay in it, whatever process groups they make)."""
    for _ in range(3):
        pids = session_pids(sid)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if not pids:
            return
        time.sleep(0.5)

def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port

def props(**kw):
    import uno  # noqa: F401
    from com.sun.star.beans import PropertyValue
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)

def file_url(path):
    import uno
    return uno.systemPathToFileUrl(os.path.abspath(path))

class Office:
    """A throwaway profile with the extension, and soffice on it."""

    def __init__(self, opts, valgrind_xml=None):
        self.opts = opts
        self.program = opts.program
        self.valgrind_xml = valgrind_xml
        self.proc = None
        self.desktop = None
        self.tmp = tempfile.mkdtemp(prefix='ftcost-e2e-')
        os.chmod(self.tmp, 0o755)
        self.profile = os.path.join(self.tmp, 'profile')
        self.home = os.path.join(self.profile, 'home')
        self.work = os.path.join(self.tmp, 'work')
        os.makedirs(self.work)
        self.root = os.geteuid() == 0
        self.prefix = []
        if self.root:
            shutil.chown(self.work, 'nobody', 'nogroup')
            self.prefix = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups']
        self.log_path = os.path.join(self.tmp, 'soffice.log')
        self.ftcost_log = None  # FTCOST_LOG for the add-in, when set
        self.display = None  # an X display (":N"): soffice with windows on it

    def env(self):
        h = self.home
        env = {
            'PATH': '/usr/bin:/bin', 'HOME': h, 'LANG': 'C.UTF-8',
            'XDG_CONFIG_HOME': h + '/.config', 'XDG_CACHE_HOME': h + '/.cache',
            'XDG_DATA_HOME': h + '/.local/share', 'XDG_RUNTIME_DIR': h + '/run',
            'TMPDIR': h + '/tmp', 'SAL_USE_VCLPLUGIN': 'svp',
        }
        if self.display:
            env.update(DISPLAY=self.display, SAL_USE_VCLPLUGIN='gen')
        if self.ftcost_log:
            env['FTCOST_LOG'] = self.ftcost_log
        elif os.environ.get('FTCOST_LOG'):
            env['FTCOST_LOG'] = os.environ['FTCOST_LOG']
        # the test clock (what "today" is to API_PRICE, API_MODELS, ...)
        if os.environ.get('FTCOST_TODAY'):
            env['FTCOST_TODAY'] = os.environ['FTCOST_TODAY']
        return env

    def install(self):
        env = dict(os.environ, OFFICE_PROGRAM_DIR=self.program)
        t0 = time.time()
        # In a session of its own, so that the soffice and unopkg it starts
        # die with it whatever stops us.
        p = subprocess.Popen(['sh', self.opts.install, self.opts.oxt, self.profile], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             start_new_session=True)
        try:
            out, _ = p.communicate(timeout=600)
        except BaseException as e:
            kill_session(p.pid)
            p.wait()
            if isinstance(e, subprocess.TimeoutExpired):
                raise HarnessError('install-profile.sh timed out')
            raise
        if p.returncode != 0:
            raise HarnessError('install-profile.sh failed:\n%s' % out)
        log('installed the extension in %.1f s' % (time.time() - t0))

    def start(self, timeout=120, poll=0.5):
        """Starts soffice and connects; `poll`: seconds between attempts."""
        port = free_port()
        office_args = ([] if self.display else ['--headless', '--invisible']) + [
                       '--norestore', '--nologo', '--nodefault',
                       '--nolockcheck', '-env:UserInstallation=file://' + self.profile,
                       '--accept=socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext'
                       % port]
        env = self.env()
        if self.valgrind_xml:
            env['G_SLICE'] = 'always-malloc'
            env['GLIBCXX_FORCE_NEW'] = '1'
            cmd = ['valgrind', '--tool=memcheck', '--xml=yes', '--xml-file=' + self.valgrind_xml,
                   '--leak-check=full', '--show-leak-kinds=definite', '--num-callers=60',
                   '--keep-debuginfo=yes',
                   '--error-limit=no', '--child-silent-after-fork=yes',
                   os.path.join(self.program, 'soffice.bin')] + office_args
        else:
            cmd = [os.path.join(self.program, 'soffice')] + office_args
        logf = open(self.log_path, 'ab')
        # cwd: a directory soffice (nobody, when we are root) can enter; the
        # build directory may sit under a home it cannot.
        self.proc = subprocess.Popen(self.prefix + cmd, env=env, stdout=logf,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True, cwd=self.work)
        logf.close()
        import uno
        from com.sun.star.connection import NoConnectException
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            'com.sun.star.bridge.UnoUrlResolver', local)
        url = 'uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext' % port
        deadline = time.time() + timeout
        while True:
            if self.proc.poll() is not None:
                raise HarnessError('soffice exited (%d) before accepting connections:\n%s'
                                   % (self.proc.returncode, self.soffice_log()))
            try:
                ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if time.time() > deadline:
                    raise HarnessError('soffice did not accept connections within %d s:\n%s'
                                       % (timeout, self.soffice_log()))
                time.sleep(poll)
        self.ctx = ctx
        self.desktop = ctx.ServiceManager.createInstanceWithContext(
            'com.sun.star.frame.Desktop', ctx)

    def soffice_log(self):
        try:
            with open(self.log_path, errors='replace') as f:
                return f.read()[-4000:]
        except OSError:
            return ''

    def new_calc(self):
        return self.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                                 props(Hidden=True))

    def load(self, path, hidden=True, **kw):
        shown = {'Hidden': True} if hidden else {}
        doc = self.desktop.loadComponentFromURL(file_url(path), '_blank', 0,
                                                props(**shown, **kw))
        if doc is None:
            raise HarnessError('LibreOffice could not load %s' % path)
        return doc

    def start_calc(self, locale=None):
        """Installs the extension and starts soffice, in LOCALE (de-DE...)
        when given: its locale and UI language."""
        self.install()
        if locale:
            set_profile_locale(self.profile, locale)
        self.start()

    def open_template(self, template, hidden=True):
        """A new document from TEMPLATE (.ots), as File > New does: a copy
        in the work folder (soffice may run as nobody) opened AsTemplate."""
        path = os.path.join(self.work, os.path.basename(template))
        shutil.copy(template, path)
        os.chmod(path, 0o644)
        return self.load(path, hidden=hidden, AsTemplate=True)

    def store(self, doc, path, filter_name):
        doc.storeToURL(file_url(path), props(FilterName=filter_name, Overwrite=True))

    def put(self, name, text):
        path = os.path.join(self.work, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        os.chmod(path, 0o644)
        return path

    def terminate(self, timeout=60):
        """Ends soffice cleanly (valgrind needs it to write its report)."""
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass  # the bridge dies with the process
            self.desktop = None
        if self.proc is not None:
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass

    def close(self):
        if self.proc is not None and self.proc.poll() is None:
            self.terminate(timeout=20)
        if self.proc is not None:
            kill_session(self.proc.pid)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
        if os.environ.get('FTCOST_E2E_KEEP'):
            log('kept %s' % self.tmp)
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


# ---------------------------------------------------------------------------
# Sheets

def use_extension_types(oxt, program, prefix):
    """The python side of the bridge must know org.ftcost.XFunctions (the
    office sends it in getTypes; an unknown type disposes the bridge): the
    extension's type library is added to this process's UNO types, before
    pyuno bootstraps.  Returns the directory it was extracted to (remove it
    when done)."""
    types_dir = tempfile.mkdtemp(prefix=prefix)
    try:
        with zipfile.ZipFile(oxt) as z:
            rdbs = [n for n in z.namelist() if n.endswith('.rdb')]
            for n in rdbs:
                z.extract(n, types_dir)
    except BaseException:
        shutil.rmtree(types_dir, ignore_errors=True)
        raise
    os.environ['URE_MORE_TYPES'] = ' '.join(
        ['<file://%s/types>*' % os.path.abspath(program)] +
        ['file://' + os.path.join(types_dir, n) for n in rdbs])
    return types_dir

def set_profile_locale(profile, locale):
    """The locale and UI language LibreOffice starts with on this profile."""
    items = ('<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
             '<value>%s</value></prop></item>'
             '<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse">'
             '<value>%s</value></prop></item>') % (locale, locale.split('-')[0])
    reg = os.path.join(profile, 'user', 'registrymodifications.xcu')
    with open(reg, encoding='utf-8') as f:
        xcu = f.read()
    if '</oor:items>' not in xcu:
        raise HarnessError('no </oor:items> in ' + reg)
    with open(reg, 'w', encoding='utf-8') as f:
        f.write(xcu.replace('</oor:items>', items + '</oor:items>'))


def report(failures, summary, prefix='FAIL '):
    """A test's end: each failure on a line of its own and 1, or SUMMARY
    and 0."""
    for f in failures:
        log(prefix + f)
    if failures:
        return 1
    log(summary)
    return 0


def run_harness(opts, paths, body, prefix='ftcost-e2e-types-'):
    """What every driver of soffice does around its test: SIGTERM/SIGHUP
    (meson stopping us) become an exception, so that every Office.__exit__
    kills its soffice; the files in `paths` must exist; the extension's
    types are made known to pyuno; body(opts) runs.  Returns the exit
    status: body's, 77 without python3-uno, 99 on a harness error."""
    def on_term(signum, frame):
        raise HarnessError('stopped by signal %d' % signum)
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_term)
    for p in paths:
        if not os.path.exists(p):
            log('ERROR missing %s' % p)
            return 99
    try:
        types_dir = use_extension_types(opts.oxt, opts.program, prefix)
    except (OSError, zipfile.BadZipFile) as e:
        log('ERROR cannot read %s: %s' % (opts.oxt, e))
        return 99
    try:
        try:
            import uno  # noqa: F401
        except ImportError:
            log('SKIP this python (%s) has no uno module (install python3-uno)'
                % sys.executable)
            return 77
        return body(opts)
    except HarnessError as e:
        log('ERROR %s' % e)
        return 99
    except Exception:
        traceback.print_exc()
        return 99
    finally:
        shutil.rmtree(types_dir, ignore_errors=True)

def add_harness_arguments(ap):
    """The options meson gives every end-to-end script (e2e_opts)."""
    ap.add_argument('--oxt', required=True)
    ap.add_argument('--cli', required=True)
    ap.add_argument('--table', required=True)
    ap.add_argument('--install', required=True)
    ap.add_argument('--program', default='/usr/lib/libreoffice/program')
    ap.add_argument('--data', default=os.path.dirname(os.path.abspath(__file__)))


def run_on_templates(description, body, prefix, add_arguments=None):
    """The main() of a test that opens TEMPLATE... (.ots) in one soffice:
    the harness's options, the script's own (add_arguments(ap)), --locale
    (the Calc's locale and UI language), then body(opts) in run_harness."""
    ap = argparse.ArgumentParser(description=description)
    add_harness_arguments(ap)
    if add_arguments is not None:
        add_arguments(ap)
    ap.add_argument('--locale', help='e.g. de-DE: the locale and UI language of the Calc')
    ap.add_argument('templates', nargs='+')
    opts = ap.parse_args()
    return run_harness(opts, [opts.oxt, opts.install] + opts.templates, body, prefix=prefix)
