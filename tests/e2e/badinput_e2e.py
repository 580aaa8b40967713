#!/usr/bin/python3
"""End-to-end test `badinput`: every class of bad input in Calc.

usage: badinput_e2e.py --oxt OXT --cli FTCOST --table TABLE.json
                       --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

A generated sheet: every function, every argument, every class of bad
input (-1, 0, 1E308, -0, NaN/Inf/#DIV/0!/#NUM!/#N/A, text, numeric text,
empty cells and parameters, ranges of 1, 2, 2x2 cells and a whole column,
month counts, several at once, too many/few arguments; e2e_bad_cases.py):
every cell checked, the add-in's log (FTCOST_LOG) checked for who answered
(add-in or Calc) and with which message, no silent 0, soffice responsive
after.

Expectations, options and exit status: see e2e_cases.py.
"""

import os
import sys
import time

from e2e_bad_cases import build_bad_cases, place_bad_helpers, silent_zeros
from e2e_cases import (Core, check_cases, load_table, log, main, place_cases, report,
                       still_responsive)
from lo_harness import ERR_NOT_AVAILABLE, Office, soffice_bin_pid

class LogProbe:
    """What the add-in did for one formula: the outcome lines FTCOST_LOG
    gets ("NAME: ok", "NAME: #N/A: why", "raise IllegalArgumentException:
    why", "NAME: array R x C, ...": an element-wise call) since the last
    look."""

    def __init__(self, path):
        self.path = path
        self.offset = 0

    def take(self):
        try:
            with open(self.path, 'rb') as f:
                f.seek(self.offset)
                data = f.read()
        except OSError:
            return []
        self.offset += len(data)
        out = []
        for line in data.decode('utf-8', 'replace').splitlines():
            if not line.startswith('ftcost: '):
                continue
            line = line[len('ftcost: '):]
            if line.startswith('raise '):
                kind, _, why = line[len('raise '):].partition(': ')
                out.append(('raise', kind, why))
            elif line.endswith(': ok') and ' ' not in line[:-4]:
                out.append(('ok', None, None))
            elif ': array ' in line and ' ' not in line.split(': array ')[0]:
                out.append(('array', None, None))
            elif ': #N/A: ' in line and ' ' not in line.split(': #N/A: ')[0]:
                out.append(('na', None, line.split(': #N/A: ', 1)[1]))
        return out

    def record(self, sheet, case):
        sheet.getCellByPosition(0, case.row).getError()  # interprets it now
        case.outcomes = self.take()


def check_reach(cases):
    """Did the add-in run exactly for the cases that reach it, with the
    core's outcome and message?"""
    failures = []
    for c in cases:
        o = c.outcomes
        what = '%s %s' % (c.label, c.formula(c.row))
        if c.reach == 'calc':
            if o:
                failures.append('%s: Calc should answer, but the add-in ran: %r' % (what, o))
            continue
        if not o:
            failures.append('%s: the add-in was not called (want %r)' % (what, c.expect))
            continue
        want = c.expect
        for kind, exc, why in o:
            if kind == 'array':
                continue    # element-wise: the cell shows the first element
            if want.ok:
                good = kind == 'ok'
            elif want.code == ERR_NOT_AVAILABLE:
                good = kind == 'na'
            else:
                good = kind == 'raise' and exc == 'IllegalArgumentException'
            if not good:
                failures.append('%s: the add-in answered %s %s, want %r'
                                % (what, kind, why or '', want))
            elif c.exact and not want.ok:
                core_why = want.why.split(': ', 1)[1] if ': ' in want.why else want.why
                if why != core_why:
                    failures.append('%s: the add-in says %r, the core %r'
                                    % (what, why, core_why))
    return failures


def test_badinput(opts):
    """Every function, every argument, every class of bad input (see
    bad_inputs): every cell checked after a full recalculation, the add-in's
    log checked for who answered (the add-in or Calc) and with what
    message, no silent 0 where an error is due, soffice responsive after."""
    table = load_table(opts)
    core = Core(opts.cli)
    problems = []
    t0 = time.time()
    cases = build_bad_cases(table, core, problems)
    log('%d bad-input calls built (expectations from ftcost) in %.1f s'
        % (len(cases), time.time() - t0))
    failures = ['expectation: ' + p for p in problems]
    by_class = {}
    for c in cases:
        by_class.setdefault(c.cls, []).append(c)
    with Office(opts) as office:
        office.install()
        office.ftcost_log = os.path.join(office.work, 'ftcost.log')
        office.start()
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        place_bad_helpers(sheet)
        probe = LogProbe(office.ftcost_log)
        t0 = time.time()
        place_cases(sheet, cases, after=lambda c: probe.record(sheet, c))
        t1 = time.time()
        doc.calculateAll()
        log('placed and computed one by one in %.1f s, calculateAll in %.2f s'
            % (t1 - t0, time.time() - t1))
        log('%-28s %6s %8s %8s %7s' % ('class', 'calls', 'add-in', 'Calc', 'failed'))
        def share_reached(k):
            return sum(1 for c in by_class[k] if c.reach == 'addin') / len(by_class[k])
        for cls in sorted(by_class, key=lambda k: (-share_reached(k), k)):
            group = by_class[cls]
            bad = (check_cases(sheet, group, 'badinput') + check_reach(group)
                   + ['SILENT ' + s for s in silent_zeros(sheet, group)])
            failures += bad
            log('%-28s %6d %8d %8d %7d' % (cls, len(group),
                                          sum(1 for c in group if c.outcomes),
                                          sum(1 for c in group if not c.outcomes), len(bad)))
        reached = sum(1 for c in cases if c.outcomes)
        log('%d calls: %d reached the add-in, %d answered by Calc; %d distinct results'
            % (len(cases), reached, len(cases) - reached, len({repr(c.expect) for c in cases})))
        failures += still_responsive(office, core, table)
        doc.close(True)
        if soffice_bin_pid(office) is None:
            failures.append('soffice.bin is gone')
    return report(failures, 'badinput', 2 * len(cases) + 3)


if __name__ == '__main__':
    sys.exit(main(__doc__, {'badinput': test_badinput}))
