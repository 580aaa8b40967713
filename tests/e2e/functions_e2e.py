#!/usr/bin/python3
"""End-to-end test `functions`: every function of the table in Calc.

usage: functions_e2e.py [functions|arrays] --oxt OXT --cli FTCOST --table TABLE.json
                                           --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

Every function typed with its display name (setFormula): worked examples,
defaults (left out, given, empty parameter), every error class (Err:502,
#VALUE!, Err:504, #N/A), one-cell and bigger ranges, array results (array
formulas, every cell), text results; array arguments (ranges, inline
arrays, grids) on a sheet of their own.  `arrays` (by hand): the array
arguments alone.

Expectations, options and exit status: see e2e_cases.py.
"""

import sys
import time

from e2e_cases import (SERVICE_UPPER, Core, check_cases, load_cases, load_table, log, main,
                       place_cases, report, run_array_cases)
from lo_harness import Office

def test_functions(opts):
    table, cases, problems = load_cases(opts)
    with Office(opts) as office:
        office.install()
        office.start()
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        t0 = time.time()
        place_cases(sheet, cases)
        doc.calculateAll()
        log('%d calls placed and calculated in %.2f s' % (len(cases), time.time() - t0))
        failures = problems + check_cases(sheet, cases, 'typed')
        array_failures, array_checks = run_array_cases(doc, table, Core(opts.cli))
        failures += array_failures
        # The display name must resolve to the stored programmatic name.
        probe = next(c for c in cases if not c.is_array and not c.helpers)
        stored = sheet.getCellByPosition(0, probe.row).getFormula()
        if SERVICE_UPPER + '.' + probe.fn['name'] + '(' not in stored.upper():
            failures.append('typed %s is stored as %r' % (probe.fn['name'], stored))
        doc.close(True)
    return report(failures, 'functions', len(cases) + 1 + array_checks)


def test_arrays(opts):
    """Only the array cases of `functions`."""
    table = load_table(opts)
    with Office(opts) as office:
        office.install()
        office.start()
        doc = office.new_calc()
        failures, checks = run_array_cases(doc, table, Core(opts.cli))
        doc.close(True)
    return report(failures, 'arrays', checks)


if __name__ == '__main__':
    sys.exit(main(__doc__, {'functions': test_functions, 'arrays': test_arrays}))
