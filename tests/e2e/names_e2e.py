#!/usr/bin/python3
"""End-to-end test `names`: the calls imported and stored by name.

usage: names_e2e.py --oxt OXT --cli FTCOST --table TABLE.json
                    --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

The calls of `functions` imported from CSV ("evaluate formulas"), and the
stored ODF names of the hand-written ftcost-stored-names.fods
(self-checking; written by make-stored-names-fods.py).

Expectations, options and exit status: see e2e_cases.py.
"""

import sys

from e2e_cases import (SERVICE_UPPER, Core, check_cases, load_cases, load_stored_names, main,
                       read_fods_rows, report, stored_calls)
from lo_harness import ERR_NO_NAME, Office, close_enough, err_name

CSV_FILTER = 'Text - txt - csv (StarCalc)'
# Tab-separated, '"' quotes, UTF-8, from line 1, en-US, ..., token 12:
# evaluate formulas.
CSV_OPTIONS = '9,34,76,1,,1033,false,true,true,false,false,0,true'

def test_names(opts):
    table, cases, problems = load_cases(opts)
    failures = list(problems)
    total = 0
    scalar = [c for c in cases if not c.is_array and not c.helpers]
    with Office(opts) as office:
        office.install()
        office.start()

        # 1. CSV import with "evaluate formulas": display names as typed.
        lines = []
        for i, c in enumerate(scalar):
            c.row = i
            lines.append(c.formula(i))
        path = office.put('calls.csv', '\n'.join(lines) + '\n')
        doc = office.load(path, FilterName=CSV_FILTER, FilterOptions=CSV_OPTIONS)
        doc.calculateAll()
        sheet = doc.Sheets.getByIndex(0)
        first = sheet.getCellByPosition(0, 0)
        if not first.getFormula().startswith('='):
            failures.append('CSV: the formulas were imported as text: %r' % first.getString())
        else:
            failures += check_cases(sheet, scalar, 'CSV')
        total += len(scalar)
        doc.close(True)

        # 2. Stored names: the hand-written .fods, self-checking.
        doc, sheet = load_stored_names(office, opts)
        fns = {fn['name']: fn for fn in table['functions']}
        calls = stored_calls(table)
        core = Core(opts.cli)
        seen = set()
        for r, call in read_fods_rows(sheet):
            total += 1
            parts = call.split('|')
            at = (0, 0)
            if len(parts) > 2:
                r_, c_ = parts[2].split(',')
                at = (int(r_) - 1, int(c_) - 1)
            fcell = sheet.getCellByPosition(0, r)
            formula = fcell.getFormula()
            if fcell.getError() == ERR_NO_NAME or '#NAME' in formula.upper():
                failures.append('fods row %d: %s does not resolve: %r' % (r + 1, call, formula))
                continue
            check = sheet.getCellByPosition(2, r)
            if check.getError() or check.getValue() != 1.0:
                failures.append('fods row %d: %s: check cell says %r (result %r, expected %r)'
                                % (r + 1, call, check.getString(), fcell.getString(),
                                   sheet.getCellByPosition(1, r).getString()))
            # The fixture's expected value must still be what the core says.
            fn, args = calls.get('|'.join(parts[:2]), (None, None))
            if fn is None:
                failures.append('fods row %d: %s is no worked example of the table nor a call '
                                'of STORED_EXTRA_CALLS: regenerate the .fods '
                                '(make-stored-names-fods.py)' % (r + 1, call))
                continue
            seen.add(fn['name'])
            want = core.eval(fn, args)
            ecell = sheet.getCellByPosition(1, r)
            if not want.ok:
                if ecell.getString() != err_name(want.code):
                    failures.append('fods row %d: %s: fixture expects %r, core says %r'
                                    % (r + 1, call, ecell.getString(), want))
            elif isinstance(want.value, list):
                cell_want = want.value[at[0]][at[1]]
                got = (ecell.getString() if isinstance(cell_want, str)
                       else ecell.getValue())
                if not close_enough(got, cell_want):
                    failures.append('fods row %d: %s: fixture expects %r, core says %r'
                                    % (r + 1, call, got, cell_want))
            elif isinstance(want.value, str):
                if ecell.getString() != want.value:
                    failures.append('fods row %d: %s: fixture expects %r, core says %r'
                                    % (r + 1, call, ecell.getString(), want.value))
            elif not close_enough(ecell.getValue(), want.value):
                failures.append('fods row %d: %s: fixture expects %r, core says %r'
                                % (r + 1, call, ecell.getValue(), want.value))
        # The stored array formula (F2:F6) resolves and fills its 5 cells.
        matrix = sheet.getCellByPosition(5, 1)
        total += 1
        if SERVICE_UPPER + '.FT_TCO_ITEMS(' not in matrix.getFormula().upper():
            failures.append('fods F2: the stored array formula reads %r' % matrix.getFormula())
        missing = set(fns) - seen
        if missing:
            failures.append('the .fods never calls %s' % ', '.join(sorted(missing)))
        if total == len(scalar):
            failures.append('the .fods has no calls')
        doc.close(True)
    return report(failures, 'names', total)


if __name__ == '__main__':
    sys.exit(main(__doc__, {'names': test_names}))
