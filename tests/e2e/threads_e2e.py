#!/usr/bin/python3
"""Does Calc call the add-in from its threaded formula-group calculation?

usage: threads_e2e.py --oxt OXT --cli FTCOST --table TABLE.json
                      --install INSTALL-PROFILE.SH [--program DIR] [--rows N]

LibreOffice (7.4) calculates a large group of like formulas (a column of
=F(A1;B1), =F(A2;B2), ...) on several threads when
/org.openoffice.Office.Calc/Formula/Calculation/UseThreadedCalculationForFormulaGroups
is on (the default), unless an opcode of the formula rules it out
(ScTokenArray::CheckForThreading, sc/source/core/tool/token.cxx).  Whether
an add-in call (ocExternal) does is what this test shows, in a real
soffice:

  1. the setting is forced on in the throwaway profile (and read back);
  2. a sheet of N rows (default 20000) of =FT_TCO(A1;...;G1) with relative
     references (one formula group) over varied inputs, some of them out of
     the domain (Err:502), a control column of native formulas
     =POWER(A1+1;0.5)+C1 (a group Calc does thread), and a native group
     on the add-in's results (=IF(ISERROR(H1);-1;H1*2)+I1) is recalculated;
  3. a preloaded shim (compiled here, LD_PRELOAD) records which threads
     the add-in answers on (its FTCOST_LOG=1 dispatch lines, vfprintf) and
     which threads Calc's interpreter calls pow() on (the control);
  4. every FT_TCO value is checked against the core (the `ftcost` command),
     and the add-in's call count against the rows.

Passes when all values are right and either every add-in call came on one
thread while the control ran on other threads (Calc threads native groups,
not add-in calls), or, should a future Calc thread add-in calls, the values
are still all right (the component is thread-safe: tests/test-threads.c);
the thread counts are printed either way.  Exit status: 0 pass, 1 fail,
77 skipped (no C compiler for the shim, or no uno), 99 harness error.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

SHIM = r'''
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* One line "KIND TID" the first time a thread does KIND: "addin" (the
 * add-in's dispatch log line) or "calc" (pow() called from Calc's
 * interpreter library). */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long seen[2][256];
static int n_seen[2];

static void record(int kind)
{
    long tid = syscall(SYS_gettid);
    const char *path = getenv("FTCOST_TID_LOG");

    pthread_mutex_lock(&mu);
    for (int i = 0; i < n_seen[kind]; i++)
        if (seen[kind][i] == tid) {
            pthread_mutex_unlock(&mu);
            return;
        }
    if (n_seen[kind] < 256)
        seen[kind][n_seen[kind]++] = tid;
    if (path != NULL) {
        FILE *f = fopen(path, "a");
        if (f != NULL) {
            fprintf(f, "%s %ld %d\n", kind == 0 ? "addin" : "calc", tid, (int)getpid());
            fclose(f);
        }
    }
    pthread_mutex_unlock(&mu);
}

int vfprintf(FILE *stream, const char *fmt, va_list ap)
{
    static int (*real)(FILE *, const char *, va_list);
    if (real == NULL)
        real = (int (*)(FILE *, const char *, va_list))dlsym(RTLD_NEXT, "vfprintf");
    if (fmt != NULL && (strcmp(fmt, "%s: ok") == 0 || strncmp(fmt, "%s: #N/A", 8) == 0 ||
                        strncmp(fmt, "raise ", 6) == 0))
        record(0);
    return real(stream, fmt, ap);
}

double pow(double x, double y)
{
    static double (*real)(double, double);
    Dl_info info;
    if (real == NULL)
        real = (double (*)(double, double))dlsym(RTLD_NEXT, "pow");
    if (dladdr(__builtin_return_address(0), &info) && info.dli_fname != NULL &&
        strstr(info.dli_fname, "libsclo") != NULL)
        record(1);
    return real(x, y);
}
'''

CALC_NODE = '/org.openoffice.Office.Calc/Formula/Calculation'
THREADED = 'UseThreadedCalculationForFormulaGroups'
COMBOS = 61   # distinct input rows, cycled (a prime: no alignment with anything)


def combo(k):
    """FT_TCO arguments of input combination k (every 13th: LifecycleMonths
    0, out of its domain: Err:502)."""
    return [100.0 * (k + 1), 1000.0 + 37 * k, float(10 * k % 400), float(k % 5),
            float(k % 13), 50.0 + k, float(1 + k % 36)]


def thread_name(pid, tid):
    try:
        with open('/proc/%s/task/%s/comm' % (pid, tid)) as f:
            return f.read().strip()
    except OSError:
        return '?'


def run(opts):
    from e2e_cases import Core, Arg
    from lo_harness import Office, HarnessError, log, close_enough, err_name, props

    shim_dir = tempfile.mkdtemp(prefix='ftcost-threads-shim-')
    os.chmod(shim_dir, 0o755)
    try:
        src = os.path.join(shim_dir, 'tidshim.c')
        so = os.path.join(shim_dir, 'tidshim.so')
        with open(src, 'w') as f:
            f.write(SHIM)
        cc = shutil.which(os.environ.get('CC', 'cc')) or shutil.which('cc')
        if cc is None:
            log('SKIP no C compiler for the shim')
            return 77
        p = subprocess.run([cc, '-shared', '-fPIC', '-O2', '-o', so, src, '-ldl', '-pthread'],
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise HarnessError('cannot build the shim:\n' + p.stderr)
        os.chmod(so, 0o755)

        class ThreadOffice(Office):
            def env(self):
                env = super().env()
                env['LD_PRELOAD'] = so
                env['FTCOST_LOG'] = '1'
                env['FTCOST_TID_LOG'] = self.tid_log
                # by hand: SC_FORCE_CALCULATION=threads (every group threaded
                # that may be, whatever its size)
                if os.environ.get('SC_FORCE_CALCULATION'):
                    env['SC_FORCE_CALCULATION'] = os.environ['SC_FORCE_CALCULATION']
                return env

        rows = opts.rows
        fn = {'name': 'FT_TCO', 'result': 'number'}
        core = Core(opts.cli)
        expect = [core.eval(fn, [Arg('num', repr(v)) for v in combo(k)])
                  for k in range(COMBOS)]
        n_err = sum(1 for r in range(rows) if not expect[r % COMBOS].ok)
        failures = []
        with ThreadOffice(opts) as office:
            office.tid_log = os.path.join(office.work, 'tids.log')
            office.install()
            office.start()
            import uno  # noqa: F401
            smgr = office.ctx.ServiceManager
            cp = smgr.createInstanceWithContext(
                'com.sun.star.configuration.ConfigurationProvider', office.ctx)
            upd = cp.createInstanceWithArguments(
                'com.sun.star.configuration.ConfigurationUpdateAccess',
                props(nodepath=CALC_NODE))
            log('%s was %s' % (THREADED, upd.getPropertyValue(THREADED)))
            upd.setPropertyValue(THREADED, True)
            upd.commitChanges()
            acc = cp.createInstanceWithArguments(
                'com.sun.star.configuration.ConfigurationAccess', props(nodepath=CALC_NODE))
            if acc.getPropertyValue(THREADED) is not True:
                raise HarnessError('cannot turn %s on' % THREADED)

            doc = office.new_calc()
            sheet = doc.Sheets.getByIndex(0)
            # Placed without automatic calculation (else each cell set
            # recalculates: minutes), then recalculated once.
            doc.enableAutomaticCalculation(False)
            t0 = time.time()
            data = tuple(tuple(combo(r % COMBOS)) for r in range(rows))
            sheet.getCellRangeByPosition(0, 0, 6, rows - 1).setDataArray(data)
            # The first row, filled down (relative references: one group
            # per column; setFormulaArray takes minutes for as many cells).
            sheet.getCellByPosition(7, 0).setFormula('=FT_TCO(A1;B1;C1;D1;E1;F1;G1)')
            sheet.getCellByPosition(8, 0).setFormula('=POWER(A1+1;0.5)+C1')
            # A native group on the add-in's results: Calc computes what a
            # threaded group depends on before it starts the threads.
            sheet.getCellByPosition(9, 0).setFormula('=IF(ISERROR(H1);-1;H1*2)+I1')
            from com.sun.star.sheet.FillDirection import TO_BOTTOM
            sheet.getCellRangeByPosition(7, 0, 9, rows - 1).fillAuto(TO_BOTTOM, 1)
            last = sheet.getCellByPosition(7, rows - 1).getFormula()
            if not last.upper().endswith('FT_TCO(A%d;B%d;C%d;D%d;E%d;F%d;G%d)' % ((rows,) * 7)):
                raise HarnessError('filled down to %r' % last)
            log_start = os.path.getsize(office.log_path)
            t1 = time.time()
            doc.calculateAll()
            t2 = time.time()
            log('%d rows placed in %.1f s, recalculated in %.1f s' % (rows, t1 - t0, t2 - t1))

            # The add-in's answers, against the core.
            got = sheet.getCellRangeByPosition(7, 0, 9, rows - 1).getDataArray()
            bad = 0
            for r in range(rows):
                want = expect[r % COMBOS]
                if want.ok:
                    ok = close_enough(got[r][0], want.value)
                    what = got[r][0]
                else:
                    code = sheet.getCellByPosition(7, r).getError()
                    ok = code == want.code
                    what = err_name(code) if code else got[r][0]
                if not ok:
                    bad += 1
                    if bad <= 5:
                        failures.append('row %d %s: got %r, want %r' % (r + 1, combo(r % COMBOS),
                                                                        what, want))
                control = ((r % COMBOS + 1.0) * 100 + 1) ** 0.5 + combo(r % COMBOS)[2]
                on_top = (want.value * 2 if want.ok else -1) + control
                if not close_enough(got[r][1], control) or \
                        abs(got[r][2] - on_top) > 1e-9 * max(1.0, abs(on_top)):
                    failures.append('control row %d: got %r' % (r + 1, got[r][1:]))
                    break
            if bad:
                failures.append('%d of %d FT_TCO cells wrong' % (bad, rows))

            # Every row reached the add-in (once per recalculation at least).
            with open(office.log_path, 'rb') as f:
                f.seek(log_start)
                text = f.read().decode('utf-8', 'replace')
            calls = text.count('ftcost: FT_TCO: ok') + text.count('ftcost: raise')
            if calls < rows:
                failures.append('the add-in answered %d calls for %d rows' % (calls, rows))

            # Which threads.
            addin, calc, pid = set(), set(), None
            with open(office.tid_log) as f:
                for line in f:
                    kind, tid, pid = line.split()
                    (addin if kind == 'addin' else calc).add(tid)
            names = lambda tids: ', '.join('%s (%s)' % (t, thread_name(pid, t))  # noqa: E731
                                           for t in sorted(tids))
            log('soffice.bin pid %s; add-in calls (%d, %d of them Err:502) on %d thread(s): %s'
                % (pid, calls, n_err, len(addin), names(addin)))
            log('native control group (POWER) on %d thread(s): %s' % (len(calc), names(calc)))
            if not addin:
                failures.append('the shim saw no add-in call (is LD_PRELOAD effective?)')
            elif len(addin) == 1 and calc and not calc <= addin:
                log('=> Calc threads the native group, and calls the add-in from one '
                    'thread only (no threaded group calculation with ocExternal)')
            elif len(addin) == 1:
                log('=> the add-in answered on one thread, but the control group was not '
                    'threaded either: nothing shown about threading (one core?)')
            else:
                log('=> Calc called the add-in from %d threads: the values above were '
                    'checked all the same' % len(addin))
            doc.close(True)
        for f in failures:
            log('FAIL ' + f)
        if failures:
            return 1
        log('threads: %d FT_TCO values right' % rows)
        return 0
    finally:
        shutil.rmtree(shim_dir, ignore_errors=True)


def main():
    from lo_harness import add_harness_arguments, run_harness
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    add_harness_arguments(ap)
    ap.add_argument('--rows', type=int, default=20000)
    opts = ap.parse_args()
    return run_harness(opts, (opts.oxt, opts.cli, opts.install), run,
                       prefix='ftcost-threads-types-')


if __name__ == '__main__':
    sys.exit(main())
