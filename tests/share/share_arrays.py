"""The sheet "arrays" of the share test (share_e2e.py): calls with array
arguments, placed with the add-in, and checked in the copy element by
element against the add-in's values."""

import e2e_cases as e2e  # tests/e2e, on PYTHONPATH (tests/share/meson.build)
from lo_harness import close_enough, err_name


def col_name(c):
    return (chr(ord('A') + c // 26 - 1) if c >= 26 else '') + chr(ord('A') + c % 26)


# Functions whose calls with an array argument keep their values: their
# built-in equivalent takes whole arrays (SUMPRODUCT over the months), or
# they have none.
KEPT_ARRAYS = {'FT_BREAKEVEN', 'API_PRICE', 'API_PRICE_DATE', 'API_MODEL_RETIRES', 'GPU_PRICE',
               'GPU_PRICE_DATE', 'GPU_SPEC'}
# ... and a column with a row (a grid) for those whose built-in equivalent
# compares (Gnumeric compares a column with a row as #VALUE!).
KEPT_GRIDS = {'API_COST', 'FT_BREAKEVEN_VOLUME', 'API_TCO', 'RAG_TCO', 'FT_GPUS_NEEDED',
              'FT_TRAIN_FLOPS', 'FT_GPU_HOURS', 'FT_TRAIN_MEMORY_GB'}


def kept_name(c):
    """The function's name, "(kept)" after it where the call keeps its
    values."""
    grid = ' x ' in c.label or 'and a row range' in c.label
    return c.fn['name'] + (' (kept)' if c.fn['name'] in KEPT_ARRAYS or (
        grid and c.fn['name'] in KEPT_GRIDS) else '')


def array_calls(cases):
    """The calls with an array argument (a range of two cells for a number
    of a function that returns a number) of KEPT_ARRAYS: they keep their
    values, with a note (the others are written element by element)."""
    return [c for c in cases if c.fn['result'] == 'number' and '{R2}' in (c.raw_formula or '')
            and c.fn['name'] in KEPT_ARRAYS]


# The sheet "arrays": e2e's array cases (every function that returns a
# number: ranges, inline arrays, a column x row grid, a bad element, arrays
# that do not pair; each as an array formula, in a plain cell, inside
# SUMPRODUCT, INDEX and SUM) and elements that are text, negative or empty,
# compared cell by cell with what the add-in computed, before and after
# input cells change.

def array_extras(table, rows_from):
    """[(label, function, top row, helper values in T, formula, rows, new T
    value)]: a required and an optional argument of FT_TCO from a column
    range holding a number, text, an empty cell, a negative number."""
    fn = {f['name']: f for f in table['functions']}['FT_TCO']
    full = e2e.valid_call(fn, e2e.ok_calls(fn))
    last = len(full) - 1
    extras, row = [], rows_from
    for label, k, helpers, change in (
            ('FT_TCO: Training from number, text, empty, negative, number', 0,
             [200, 'abc', None, -1, 300], 250),
            ('FT_TCO: optional %s from number, empty, text' % fn['args'][last]['name'], last,
             [float(full[last].value), None, 'abc'], 2 * float(full[last].value) + 1)):
        parts = [a.formula() for a in full]
        parts[k] = '$T$%d:$T$%d' % (row + 1, row + len(helpers))
        extras.append((label, fn, row, helpers, 'FT_TCO(%s)' % ';'.join(parts), change))
        row += len(helpers) + 1
    return extras


def array_cells(cases, extras):
    """[(col, row, function)] of every cell the arrays sheet checks."""
    cells = []
    for c in cases:
        rows, cols = c.shape
        cells += [(k, c.row + r, kept_name(c)) for r in range(rows) for k in range(cols)]
        cells += [(k, c.row, kept_name(c)) for k in range(8, 12)]
    for _, fn, row, helpers, _, _ in extras:
        cells += [(0, row + r, fn['name']) for r in range(len(helpers))]
        cells += [(k, row, fn['name']) for k in range(8, 12)]
    return cells


def place_arrays(doc, table, core, failures):
    """The sheet "arrays" in the document made with the add-in; returns
    (cases, extras)."""
    problems = []
    cases = e2e.build_array_cases(table, core, problems)
    failures += ['expectation: ' + p for p in problems]
    doc.Sheets.insertNewByName('arrays', doc.Sheets.getCount())
    sheet = doc.Sheets.getByName('arrays')
    e2e.place_array_cases(sheet, cases)
    last = max(c.row + max(c.shape[0], len(c.col_helpers)) for c in cases) + 1
    extras = array_extras(table, last)
    for _, _, row, helpers, formula, _ in extras:
        for i, h in enumerate(helpers):
            if isinstance(h, str):
                sheet.getCellByPosition(19, row + i).setString(h)
            elif h is not None:
                sheet.getCellByPosition(19, row + i).setValue(h)
        sheet.getCellRangeByPosition(0, row, 0, row + len(helpers) - 1).setArrayFormula(
            '=' + formula)
        for col, template in ((8, '=%s'), (9, '=SUMPRODUCT(%s)'),
                              (10, '=INDEX(%%s;%d;1)' % len(helpers)), (11, '=SUM(%s)')):
            sheet.getCellByPosition(col, row).setFormula(template % formula)
    return cases, extras


def change_array_inputs(sheet, cases, extras, back=False):
    """Input cells of the arrays sheet changed (each to another valid value),
    or back."""
    for c in cases:
        if c.col_helpers:
            sheet.getCellByPosition(19, c.row).setValue(
                float(c.col_helpers[0 if back else 2].value))
        if c.row_helpers:
            sheet.getCellByPosition(20, c.row).setValue(
                float(c.row_helpers[0 if back else 1].value))
    for _, _, row, helpers, _, change in extras:
        sheet.getCellByPosition(19, row).setValue(helpers[0] if back else change)


def snapshot(sheet, cells):
    """(error code, value) of each cell."""
    out = []
    for col, row, _ in cells:
        cell = sheet.getCellByPosition(col, row)
        code = cell.getError()
        out.append((code, 0.0 if code else cell.getValue()))
    return out


def check_snapshot(sheet, cells, want, where, skip=False, frozen=False):
    """Each cell as the add-in computed it: the value to 1e-12, or an error
    (any: the copy gives #N/A where the add-in gives Err:502).  Not checked:
    with `skip` the cells kept as values, the error elements of those (of
    every cell with `frozen`): an array formula frozen to its values keeps
    its numbers, its error elements come back empty."""
    failures = []
    for (col, row, name), (code, value) in zip(cells, want):
        kept = name.endswith(' (kept)')
        if (kept and skip) or (code and (kept or frozen)):
            continue
        cell = sheet.getCellByPosition(col, row)
        got = cell.getError()
        if (code != 0) != (got != 0) or (not code and not close_enough(cell.getValue(), value)):
            failures.append('%s: arrays!%s%d (%s) gave %s, the add-in %s' % (
                where, col_name(col), row + 1, name,
                err_name(got) if got else repr(cell.getValue()),
                err_name(code) if code else repr(value)))
    return failures[:20]


def check_array_formulas(sheet, cases, where):
    """The calls written element by element are array formulas: the plain
    cell and the one inside SUMPRODUCT 1x1 ones."""
    failures = []
    for c in cases:
        if kept_name(c).endswith(' (kept)') or c.grid is None:
            continue
        for col in (0, 8, 9):
            f = sheet.getCellRangeByPosition(col, c.row, col, c.row).getArrayFormula()
            if not f or e2e.SERVICE_UPPER in f.upper():
                failures.append('%s: arrays!%s%d (%s) is %r, want an array formula'
                                % (where, col_name(col), c.row + 1, c.label, f[:120]))
    return failures[:10]
