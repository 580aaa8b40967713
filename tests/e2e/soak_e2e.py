#!/usr/bin/python3
"""End-to-end test `soak`: 10 000 ftcost cells recalculated 1000 times.

usage: soak_e2e.py --oxt OXT --cli FTCOST --table TABLE.json
                   --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

One soffice: soffice.bin's VmRSS must not grow (medians of the first and
last 10 recalculations), sampled values still right.

Expectations, options and exit status: see e2e_cases.py.
"""

import sys
import time

from e2e_cases import (Arg, Core, Expect, example_args, formula_of, load_table, log, main, num,
                       report, still_responsive)
from lo_harness import HarnessError, Office, soffice_bin_pid, vm_rss_kib

SOAK_CELLS = 10000
SOAK_RECALCS = 1000


def soak_sheet(table, core):
    """(formulas, expectations) for SOAK_CELLS formula cells: every worked
    example of every function (errors and #N/A too: the exception path
    must not leak either), a factor from column A varying the first number
    row by row; FT_SCHEDULE (13 x 5) and FT_TCO_ITEMS (5 x 1) as array
    formulas.  Returns [(row, col, rows, cols, formula, Expect)]."""
    templates = []
    for fn in table['functions']:
        for ex in fn['examples']:
            templates.append((fn, example_args(ex)))
    fns = {fn['name']: fn for fn in table['functions']}
    sched = fns.get('FT_SCHEDULE')
    out = []
    cells = 0
    row = 0
    factors = [1 + (i % 7) / 8 for i in range(7)]  # exact binary fractions
    # 20 schedules of 13 x 5, side by side in columns B-F, H-L, ...
    if sched is not None:
        for i in range(20):
            call = [num(50000 * factors[i % 7]), num(3000), num(8000), num(0.01 * (i % 5)),
                    num(12)]
            want = core.eval(sched, call)
            r, c = row + 14 * (i // 4), 1 + 6 * (i % 4)
            out.append((r, c, 13, 5, formula_of('FT_SCHEDULE', call), want))
            cells += 65
        row += 14 * 5
    # The rest: 20 columns of single calls (arrays of other functions too).
    col = 0
    i = 0
    while cells < SOAK_CELLS:
        fn, call = templates[i % len(templates)]
        k = i // len(templates)
        if call and call[0].kind == 'num':
            x = float(call[0].value) * factors[k % 7]
            call = [Arg('num', repr(x))] + call[1:]
        want = core.eval(fn, call)
        if want.ok and isinstance(want.value, list):
            rows, cols = len(want.value), len(want.value[0])
            if rows > 13 or cols > 1:
                i += 1
                continue
        else:
            rows, cols = 1, 1
        out.append((row, 1 + col, rows, cols, formula_of(fn['name'], call), want))
        cells += rows * cols
        col += 1
        if col == 20:
            col = 0
            row += 6
        i += 1
    return out, cells


def cell_text_or_value(cell, text):
    return cell.getString() if text else cell.getValue()


def test_soak(opts):
    """One soffice, SOAK_CELLS ftcost formula cells recalculated
    SOAK_RECALCS times: soffice.bin's resident set must not grow (medians of
    the first and last 10 recalculations) and the values stay right."""
    table = load_table(opts)
    core = Core(opts.cli)
    placed, cells = soak_sheet(table, core)
    calls = len(placed)
    failures = []
    with Office(opts) as office:
        office.install()
        office.start()
        pid = soffice_bin_pid(office)
        if pid is None:
            raise HarnessError('no soffice.bin in the session of %d' % office.proc.pid)
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        t0 = time.time()
        for r, c, rows, cols, formula, want in placed:
            if rows * cols > 1:
                sheet.getCellRangeByPosition(c, r, c + cols - 1, r + rows - 1) \
                    .setArrayFormula(formula)
            else:
                sheet.getCellByPosition(c, r).setFormula(formula)
        log('%d formula cells (%d calls) placed in %.1f s; soffice.bin is %d, VmRSS %d KiB'
            % (cells, calls, time.time() - t0, pid, vm_rss_kib(pid)))
        rss = []
        times = []
        t0 = time.time()
        for n in range(SOAK_RECALCS):
            t = time.time()
            doc.calculateAll()
            times.append(time.time() - t)
            if n < 10 or n >= SOAK_RECALCS - 10:
                rss.append(vm_rss_kib(pid))
            if n == 9:
                est = (time.time() - t0) / 10 * SOAK_RECALCS
                log('first 10 recalculations: %s s each; the %d will take about %.0f s'
                    % (' '.join('%.2f' % x for x in times), SOAK_RECALCS, est))
        total = time.time() - t0
        first, last = rss[:10], rss[-10:]
        med_first, med_last = sorted(first)[5], sorted(last)[5]
        # The bound: glibc's heap and Calc's own caches move the resident set
        # by a few hundred KiB from one recalculation to the next; a leak of
        # even one 16-byte block per call (malloc's smallest chunk is 32
        # bytes) would add calls * 990 * 32 bytes, hundreds of MiB here.
        bound = max(2048, 0.02 * med_first)
        growth = med_last - med_first
        log('VmRSS KiB, first 10: %s' % ' '.join(map(str, first)))
        log('VmRSS KiB, last 10:  %s' % ' '.join(map(str, last)))
        log('median %d -> %d KiB: %+d KiB (bound %d KiB); %d recalculations in %.0f s '
            '(%.3f s each, %.1f us a call)'
            % (med_first, med_last, growth, bound, SOAK_RECALCS, total, total / SOAK_RECALCS,
               total / SOAK_RECALCS / calls * 1e6))
        if growth >= bound:
            failures.append('soffice.bin grew by %d KiB over %d recalculations (bound %d KiB)'
                            % (growth, SOAK_RECALCS, bound))
        # Values after the last recalculation: every 10th call, and all arrays.
        checked = 0
        for j, (r, c, rows, cols, formula, want) in enumerate(placed):
            if j % 10 and rows * cols == 1:
                continue
            checked += 1
            if rows * cols > 1:
                # API_MODELS' column holds texts, the other arrays numbers
                texts = want.ok and isinstance(want.value[0][0], str)
                got = [[cell_text_or_value(sheet.getCellByPosition(c + x, r + y), texts)
                        for x in range(cols)] for y in range(rows)]
                codes = [sheet.getCellByPosition(c + x, r + y).getError()
                         for x in range(cols) for y in range(rows)]
                got = Expect(False, code=max(codes)) if any(codes) else Expect(True, got)
            else:
                cell = sheet.getCellByPosition(c, r)
                if cell.getError():
                    got = Expect(False, code=cell.getError())
                elif want.ok and isinstance(want.value, str):
                    got = Expect(True, cell.getString())
                else:
                    got = Expect(True, cell.getValue())
            if not (got == want):
                failures.append('after %d recalculations %s gives %r, want %r'
                                % (SOAK_RECALCS, formula, got, want))
        log('%d calls checked after the last recalculation' % checked)
        failures += still_responsive(office, core, table)
        doc.close(True)
    return report(failures, 'soak', checked + 4)


if __name__ == '__main__':
    sys.exit(main(__doc__, {'soak': test_soak}))
