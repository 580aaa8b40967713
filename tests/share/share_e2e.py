#!/usr/bin/python3
"""End-to-end tests of `ftcost share` in LibreOffice and in Gnumeric.

usage: share_e2e.py share|gnumeric --oxt OXT --cli FTCOST --table TABLE.json
                    --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

The sheet of tests/e2e (every function of the table: worked examples,
defaults, every error class, arrays, text results) plus a block of input
cells, calls on cells holding bad input (guards) and random FT_BREAKEVEN
and API_TCO calls on input cells, typed and calculated with the add-in
installed, saved as .ods and .xlsx.  `ftcost share` makes copies (ods->ods,
ods->xlsx, xlsx->ods; `share` adds --values).

share: the copies are opened in a LibreOffice profile WITHOUT the extension:
  - the copies call no add-in function (stored text);
  - as loaded (cached values) and recalculated (calculateAll): every call
    gives the add-in's value to 1e-12 relative, every error case an error;
  - input cells changed in the copy give what the command gives for the new
    inputs, and bad input gives an error cell;
  - saved again without the add-in and reloaded: no formula is lost.
  `ftcost share --values` freezes: no formula calls the add-in, values kept.
gnumeric: Gnumeric recalculates the copies (`ssconvert --recalc`, the
  command named by $FTCOST_SSCONVERT, default ssconvert) into CSV, and
  every cell is checked the same way; so is an .ods copy whose cached
  values were all overwritten with 0 first, which Gnumeric can only get
  right by computing them.

Reuses tests/e2e/e2e_cases.py (the cases, the checks) and lo_harness.py.
"""

import csv
import html
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import e2e_cases as e2e  # tests/e2e, on PYTHONPATH (tests/share/meson.build)
from share_arrays import (KEPT_ARRAYS, array_calls, array_cells, change_array_inputs,
                          check_array_formulas, check_snapshot, col_name, place_arrays,
                          snapshot)
from lo_harness import (ERR_DIV_ZERO, ERR_ILLEGAL_FP, ERR_NOT_AVAILABLE, ERR_NO_NAME, ERR_NO_VALUE,
                        HarnessError, Office, close_enough, err_name, log)

# Input block: column M (12) holds inputs, column N (13) the calls on them.
IN_COL, OUT_COL = 12, 13
INPUTS = [200, 3000, 320, 1, 18, 50000, 3000, 8000, 0.05, 120]
# (formula on the input cells, function, indices of INPUTS used)
LIVE = [
    ('=FT_TCO(M1;M2;M3;M4;M5)', 'FT_TCO', [0, 1, 2, 3, 4]),
    ('=FT_BREAKEVEN(M6;M7;M8;M9;M10)', 'FT_BREAKEVEN', [5, 6, 7, 8, 9]),
    ('=FT_BREAKEVEN(M6;M7;M8)', 'FT_BREAKEVEN', [5, 6, 7]),
    ('=API_TCO(M1*1000000;M2*1000;M4;M5;M9;M10)', None, None),
    # M11 is empty: Calc hands the add-in 0 for it (not the default), and
    # the copy must do the same.
    ('=FT_SERVING_COST(M1;M4;M11)', 'FT_SERVING_COST', [0, 3, None]),
]
# Changes made in the copy: (input index, new value)
CHANGES = [(0, 500.0), (4, 7.0), (7, 9500.0), (8, 0.0)]

# Guards on cell references: column P holds a bad input, column Q a call on
# it.  (P value or None for an empty cell, formula[, the call that gives
# the cell's value]); each gives an error, but for its value when given.
GUARD_IN, GUARD_OUT = 15, 16
GUARDS = [
    (-1, '=FT_TCO(P{R};3000;320;1;18)'),
    (0, '=FT_TCO(200;3000;320;1;P{R})'),
    ('abc', '=FT_TCO(P{R};3000;320;1;18)'),
    ('abc', '=FT_TCO(200;3000;320;1;18;P{R})'),
    (None, '=FT_BREAKEVEN(50000;3000;8000;0;P{R})'),
    (1.5, '=FT_BREAKEVEN(50000;3000;8000;0;P{R})'),
    (-2, '=FT_BREAKEVEN(50000;3000;8000;P{R})'),
    (1.5, '=FT_TRAINING_COST(2;100;8;1;P{R})'),
    # Two cells for one argument: element by element ("Array arguments"),
    # a plain cell shows the first element, the copy keeps the values.
    (1, '=FT_TCO(200;3000;320;1;18;P{R}:P{R2})', ('FT_TCO', [200, 3000, 320, 1, 18, 1])),
    (1, '=API_TCO(1000000;200000;2.5;10;0.05;12;P{R}:P{R2})',
     ('API_TCO', [1000000, 200000, 2.5, 10, 0.05, 12, 1])),
]
# Random calls on input cells: FT_BREAKEVEN with its inputs in S:W and the
# call in X, API_TCO with its inputs in Z:AG and the call in AH.
RANDOM_COLS = {'FT_BREAKEVEN': (18, 23), 'API_TCO': (25, 33)}
# Break-even edge cases: at month 1, exactly on a month, never within
# MaxMonths, with negative growth, at MaxMonths = 1 and 1200.
BREAKEVEN_EDGES = [
    [0, 0, 0, 0, 1], [100, 0, 100, 0, 12], [1000, 100, 200, 0, 120],
    [1000, 100, 200, 0, 9], [1000, 100, 200, 0, 10], [50000, 3000, 2000, 0, 120],
    [0, 5, 10, -0.5, 12], [100, 5, 10, -0.5, 120], [10, 0, 10, -0.5, 1],
    [1e6, 1000, 1000, 0.001, 1200], [1e6, 1000, 1000, 0.0001, 1200],
    [50000, 3000, 5000, 0.05, 120], [50000, 3000, 8000, 0, 120],
    # (1+ApiGrowth)^m beyond a double's range within MaxMonths, up and down
    [1e6, 1000, 1000, 0.9, 1200], [1e8, 1000, 1000, 2, 1200], [1e6, 1000, 1000, 0.85, 1200],
    [10, 5, 10, -0.9, 1200], [0, 5, 10, -0.5, 1200],
]
# Functions that recompute on every edit (volatile in Excel): no shared
# formula may call one.
VOLATILE = re.compile(r'(?<![A-Za-z0-9_.])(INDIRECT|OFFSET|NOW|TODAY|RAND|RANDBETWEEN|CELL|INFO)'
                      r'\s*\(', re.I)


def random_calls(rng):
    """{function: [argument lists]}: the edge cases and random ones."""
    calls = {'FT_BREAKEVEN': list(BREAKEVEN_EDGES), 'API_TCO': []}
    for _ in range(150):
        calls['FT_BREAKEVEN'].append([
            0 if rng.random() < 0.1 else rng.uniform(0, 1e6), rng.uniform(0, 1e4),
            rng.uniform(0, 3e4),
            # (Up to 0.5 here; beyond, where (1+growth)^month overflows,
            # BREAKEVEN_EDGES.  With growth from 0.5 to 3 drawn here,
            # Gnumeric 1.12.55's --recalc left the stale copy's cells from
            # the first such call on uncomputed: not understood yet.)
            rng.choice([0, rng.uniform(-0.3, 0.3), rng.uniform(-0.99, 0), rng.uniform(0, 0.5)]),
            rng.choice([1, 12, 120, rng.randint(1, 1200)])])
    for _ in range(40):
        calls['API_TCO'].append([
            rng.uniform(0, 1e9), rng.uniform(0, 1e8), rng.uniform(0, 20), rng.uniform(0, 60),
            rng.choice([0, rng.uniform(-0.05, 0.1)]), rng.randint(1, 1200),
            rng.uniform(0, 1e4), rng.choice([0, rng.uniform(-0.05, 0.05)])])
    return calls


def place_blocks(sheet, calls):
    """The guards and the random calls; returns [(where, col, row, formula)]."""
    placed = []
    for r, (bad, formula, *_) in enumerate(GUARDS):
        f = formula.replace('{R}', str(r + 1)).replace('{R2}', str(r + 2))
        if isinstance(bad, str):
            sheet.getCellByPosition(GUARD_IN, r).setString(bad)
        elif bad is not None:
            sheet.getCellByPosition(GUARD_IN, r).setValue(bad)
        sheet.getCellByPosition(GUARD_OUT, r).setFormula(f)
        placed.append(('guard', GUARD_OUT, r, f))
    for name, rows in calls.items():
        first, out = RANDOM_COLS[name]
        for r, args in enumerate(rows):
            for k, v in enumerate(args):
                sheet.getCellByPosition(first + k, r).setValue(v)
            f = '=%s(%s)' % (name, ';'.join('%s%d' % (col_name(first + k), r + 1)
                                            for k in range(len(args))))
            sheet.getCellByPosition(out, r).setFormula(f)
            placed.append((name, out, r, f))
    return placed


def blocks_expect(core, table, calls):
    """The expectations of place_blocks' cells, in its order: an error for
    every guard, the command's value for the random calls."""
    fns = {f['name']: f for f in table['functions']}
    want = [core.eval(fns[g[2][0]], [e2e.Arg('num', repr(float(a))) for a in g[2][1]])
            if len(g) > 2 else e2e.Expect(False, code=0, why='bad input') for g in GUARDS]
    for name, rows in calls.items():
        for args in rows:
            want.append(core.eval(fns[name], [e2e.Arg('num', repr(float(a))) for a in args]))
    return want


def check_blocks(sheet, placed, want, where):
    failures = []
    for (what, col, row, formula), w in zip(placed, want):
        cell = sheet.getCellByPosition(col, row)
        code = cell.getError()
        if not w.ok:
            if not code:
                failures.append('%s: %s %s (%s%d) gave %r, want an error' % (
                    where, what, formula, col_name(col), row + 1, cell.getValue()))
        elif code or not close_enough(cell.getValue(), w.value):
            failures.append('%s: %s %s (%s%d) gave %s, want %r' % (
                where, what, formula, col_name(col), row + 1,
                err_name(code) if code else repr(cell.getValue()), w.value))
    return failures


def live_expect(core, table, inputs):
    fns = {f['name']: f for f in table['functions']}
    out = []
    for formula, name, idx in LIVE:
        if name is None:
            args = [inputs[0] * 1e6, inputs[1] * 1000, inputs[3], inputs[4], inputs[8],
                    inputs[9]]
            name = 'API_TCO'
        else:
            args = [0.0 if i is None else inputs[i] for i in idx]
        out.append(core.eval(fns[name], [e2e.Arg('num', repr(float(a))) for a in args]))
    return out


def place_live(sheet):
    for i, v in enumerate(INPUTS):
        sheet.getCellByPosition(IN_COL, i).setValue(v)
    for r, (formula, _, _) in enumerate(LIVE):
        sheet.getCellByPosition(OUT_COL, r).setFormula(formula)


def check_live(sheet, want, where):
    failures = []
    for r, w in enumerate(want):
        cell = sheet.getCellByPosition(OUT_COL, r)
        code = cell.getError()
        if not w.ok:
            if not code:
                failures.append('%s: %s gave %r, want an error' % (where, LIVE[r][0],
                                                                   cell.getValue()))
        elif code or not close_enough(cell.getValue(), w.value):
            failures.append('%s: %s gave %s, want %r' % (
                where, LIVE[r][0], err_name(code) if code else cell.getValue(), w.value))
    return failures


def check_copy(sheet, cases, where):
    """Like e2e.check_cases, but any error stands for an expected error."""
    failures = []
    for f in e2e.check_cases(sheet, cases, where):
        failures.append(f)
    # check_cases wants the exact error code; the copy gives #N/A (or
    # Calc's own) where the add-in gave Err:502: accept any error there.
    kept = []
    for f in failures:
        ok = False
        for c in cases:
            if (not c.expect.ok and ('%s: %s %s:' % (where, c.label, c.formula(c.row))) in f
                    and sheet.getCellByPosition(0, c.row).getError()):
                ok = True
                break
        if not ok:
            kept.append(f)
    return kept


def check_kept(sheet, cases, where):
    """Each array call: its value and no formula (an error: =NA()), the note
    saying why.  (An .xlsx copy keeps no note when LibreOffice 25.2 wrote
    it: measured, its comments do not come back; the value does.)"""
    failures = []
    want_note = not where.endswith('xlsx')
    for c in array_calls(cases):
        cell = sheet.getCellByPosition(0, c.row)
        note = cell.getAnnotation().getString()
        formula = cell.getFormula()
        if ((formula != '=NA()' if not c.expect.ok else formula.startswith('='))
                or (want_note and 'element by element' not in note)):
            failures.append('%s: %s: formula %r, note %r: want the value kept with a note'
                            % (where, c.label, cell.getFormula(), note))
    return failures


def check_notes(sheet, cases, where):
    """Each rewritten call's cell: a comment with the call in words, then
    what each function computes ("FT_TCO: Total cost of ...")."""
    failures = []
    arrays = array_calls(cases)
    for c in cases:
        cell = sheet.getCellByPosition(0, c.row)
        formula = cell.getFormula()
        if c in arrays or not formula.startswith('=') or formula == '=NA()':
            continue
        note = cell.getAnnotation().getString()
        want = '%s: %s' % (c.fn['name'], c.fn['description']['en'])
        if not note.startswith('ftcost: =') or want not in note.split('\n'):
            failures.append('%s: %s: note %r, want "ftcost: =..." and %r'
                            % (where, c.label, note[:200], want))
    return failures


def check_explain(opts, src, out_dir, cases):
    """`ftcost share --explain`: a line per cell that called the add-in."""
    out = os.path.join(out_dir, 'explained.ods')
    p = subprocess.run([opts.cli, 'share', '--explain', src, out], capture_output=True,
                       text=True, timeout=300)
    if p.returncode != 0:
        return ['--explain: exit %d %s' % (p.returncode, p.stderr.strip())]
    failures = []
    cells = {}
    for line in p.stdout.splitlines():
        fields = line.split('\t')
        if len(fields) != 4 or not fields[2].startswith('=') or not re.match(
                r'(formula: .|value: .+ \(.+\)$)', fields[3]):
            failures.append('--explain: a line not "sheet, cell, =formula, what": %r'
                            % line[:200])
            continue
        if e2e.SERVICE_UPPER in fields[2].upper() + fields[3].upper():
            failures.append('--explain: the add-in\'s own name in %r' % line[:200])
        cells[(fields[0], fields[1])] = fields
    arrays = array_calls(cases)
    for c in cases:
        f = cells.get(('Sheet1', 'A%d' % (c.row + 1)))
        if f is None or c.fn['name'] + '(' not in f[2].upper():
            failures.append('--explain: no line for %s (A%d): %r' % (c.label, c.row + 1, f))
        elif c in arrays and not f[3].startswith('value: '):
            failures.append('--explain: %s kept its value, the line says %r'
                            % (c.label, f[3][:100]))
    for r, (formula, _, _) in enumerate(LIVE):
        f = cells.get(('Sheet1', '%s%d' % (col_name(OUT_COL), r + 1)))
        if f is None or f[2].replace(' ', '') != formula or not f[3].startswith('formula: '):
            failures.append('--explain: %s in %s%d: %r' % (formula, col_name(OUT_COL), r + 1, f))
    log('--explain: %d lines' % len(cells))
    return failures


def stored_formulas(path):
    """All stored text of the sheets (content.xml or xl/worksheets/*)."""
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist()
                 if n == 'content.xml' or (n.startswith('xl/') and n.endswith('.xml'))]
        return ''.join(z.read(n).decode('utf-8', 'replace') for n in names)


def volatile_calls(path):
    """The formulas of a copy (.ods or .xlsx) that call a volatile function."""
    text = stored_formulas(path)
    formulas = re.findall(r'table:formula="([^"]*)"', text) + re.findall(
        r'<f(?: [^>]*)?>([^<]*)</f>', text)
    found = []
    for f in formulas:
        f = html.unescape(f)
        if VOLATILE.search(re.sub(r'"[^"]*"', '""', f)):
            found.append(f)
    return found


def count_formulas(sheet, rows, cols):
    n = 0
    for r in range(rows):
        for c in range(cols):
            # (an array formula reads "{=...}")
            if sheet.getCellByPosition(c, r).getFormula().lstrip('{').startswith('='):
                n += 1
    return n


def run_share(opts, args, work):
    p = subprocess.run([opts.cli, 'share'] + args, capture_output=True, text=True,
                       timeout=300)
    log('ftcost share %s: exit %d %s' % (' '.join(args), p.returncode, p.stderr.strip()))
    for a in args:
        if os.path.exists(a):
            os.chmod(a, 0o644)
    # LibreOffice's own "convert ... using filter ..." line is not the
    # command's to print
    if 'using filter' in p.stdout:
        log('ftcost share %s printed soffice output: %s' % (' '.join(args), p.stdout.strip()))
        return False
    return p.returncode == 0


class Shared:
    """The workbook of every case, made with the add-in and shared."""

    def __init__(self, opts, flags_copies):
        self.table, self.cases, problems = e2e.load_cases(opts)
        self.core = e2e.Core(opts.cli)
        self.failures = list(problems)
        self.total = 0
        self.want_live = live_expect(self.core, self.table, INPUTS)
        self.calls = random_calls(random.Random(15))
        self.want_blocks = blocks_expect(self.core, self.table, self.calls)
        self.out_dir = tempfile.mkdtemp(prefix='ftcost-share-')
        os.chmod(self.out_dir, 0o777)
        self.made = {}
        try:
            self._make(opts)
            self._share(opts, flags_copies)
        except BaseException:
            self.close()
            raise

    def _make(self, opts):
        with Office(opts) as office:
            office.install()
            office.start()
            doc = office.new_calc()
            sheet = doc.Sheets.getByIndex(0)
            e2e.place_cases(sheet, self.cases)
            place_live(sheet)
            self.placed = place_blocks(sheet, self.calls)
            doc.calculateAll()
            self.failures += e2e.check_cases(sheet, self.cases, 'with the add-in')
            self.failures += check_live(sheet, self.want_live, 'with the add-in')
            self.failures += check_blocks(sheet, self.placed, self.want_blocks,
                                          'with the add-in')
            self.total += len(self.cases) + len(LIVE) + len(self.placed)
            self.array_cases, self.extras = place_arrays(doc, self.table, self.core,
                                                         self.failures)
            arrays = doc.Sheets.getByName('arrays')
            doc.calculateAll()
            self.failures += e2e.check_array_cases(arrays, self.array_cases)
            self.cells = array_cells(self.array_cases, self.extras)
            self.want_arrays = snapshot(arrays, self.cells)
            change_array_inputs(arrays, self.array_cases, self.extras)
            doc.calculateAll()
            self.want_arrays_changed = snapshot(arrays, self.cells)
            change_array_inputs(arrays, self.array_cases, self.extras, back=True)
            doc.calculateAll()
            if snapshot(arrays, self.cells) != self.want_arrays:
                self.failures.append('with the add-in: the arrays sheet changed back is not '
                                     'as it was')
            self.total += 3 * len(self.cells)
            log('arrays sheet: %d calls, %d cells checked' % (
                len(self.array_cases) + len(self.extras), len(self.cells)))
            self.src = {}
            for ext, flt in (('ods', 'calc8'), ('xlsx', 'Calc MS Excel 2007 XML')):
                path = os.path.join(office.work, 'with-addin.' + ext)
                office.store(doc, path, flt)
                shutil.copy(path, self.out_dir)
                self.src[ext] = os.path.join(self.out_dir, os.path.basename(path))
            self.rows = max(c.row for c in self.cases) + 40
            self.n_formulas = count_formulas(sheet, self.rows, 14)
            doc.close(True)

    def _share(self, opts, flags_copies):
        """flags_copies: {label: (source ext, copy name, flags)}."""
        for label, (ext, name, flags) in flags_copies.items():
            a, b = self.src[ext], os.path.join(self.out_dir, name)
            self.total += 1
            if run_share(opts, flags + [a, b], self.out_dir):
                self.made[label] = b
            else:
                self.failures.append('%s: ftcost share failed' % label)
                continue
            self.total += 1
            if e2e.SERVICE_UPPER in stored_formulas(b).upper():
                self.failures.append('%s: the copy still calls the add-in' % label)
            self.total += 1
            for f in volatile_calls(b)[:3]:
                self.failures.append('%s: a volatile function in %s' % (label, f[:300]))
            if b.endswith('.ods'):
                self.total += 1
                with zipfile.ZipFile(b) as z:
                    first = z.infolist()[0]
                    if (first.filename != 'mimetype'
                            or first.compress_type != zipfile.ZIP_STORED
                            or first.extra != b''):
                        self.failures.append('%s: mimetype is not the first entry, stored, '
                                             'without extra field' % label)

    def check(self, sheet, where, cases=True, blocks=True):
        """Every case (any error where one is due), the live block and the
        blocks of place_blocks, on `sheet` (UNO, or GnumericSheet)."""
        if cases:
            self.failures += check_copy(sheet, self.cases, where)
            self.total += len(self.cases)
        if blocks:
            self.failures += check_live(sheet, self.want_live, where)
            self.failures += check_blocks(sheet, self.placed, self.want_blocks, where)
            self.total += len(LIVE) + len(self.placed)

    def close(self):
        if os.environ.get('FTCOST_E2E_KEEP'):
            log('kept %s' % self.out_dir)
        else:
            shutil.rmtree(self.out_dir, ignore_errors=True)


COPIES = {
    'ods->ods': ('ods', 'a.ods', []),
    'ods->xlsx': ('ods', 'b.xlsx', []),
    'xlsx->ods': ('xlsx', 'c.ods', []),
}


# An .xlsx that LibreOffice 25.2 saved with an earlier ftcost, which declared
# compatibility names: its calls read FT_TCO(...), not the programmatic
# name.  Its cached values are what 25.2 computed with the add-in.
LEGACY_XLSX = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data',
                           'saved-by-lo25-with-compatibility-names.xlsx')
XLSX_NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'


def legacy_cells(path):
    """(column, row, type, cached value, formula) of every formula cell."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    cells = []
    for c in root.iter(XLSX_NS + 'c'):
        f, v = c.find(XLSX_NS + 'f'), c.find(XLSX_NS + 'v')
        if f is None or v is None or not f.text:
            continue
        ref = c.get('r')
        letters = ref.rstrip('0123456789')
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        cells.append((col - 1, int(ref[len(letters):]) - 1, c.get('t', 'n'), v.text, f.text))
    return cells


def check_legacy(bare, opts, failures):
    """The legacy .xlsx shared: the copy computes what 25.2 stored."""
    cells = legacy_cells(LEGACY_XLSX)
    src = os.path.join(bare.work, 'legacy.xlsx')
    out = os.path.join(bare.work, 'legacy.ods')
    shutil.copy(LEGACY_XLSX, src)
    if len(cells) < 100 or not any(f.startswith('FT_TCO(') for _, _, _, _, f in cells):
        failures.append('legacy .xlsx: not the file saved by 25.2 (%d formulas)' % len(cells))
        return 1
    if not run_share(opts, [src, out], bare.work):
        failures.append('legacy .xlsx: ftcost share failed')
        return 1
    formulas = ' '.join(re.findall(r'table:formula="([^"]*)"', stored_formulas(out))).upper()
    if e2e.SERVICE_UPPER in formulas or 'FT_TCO(' in formulas:
        failures.append('legacy .xlsx: the copy still calls the add-in')
    doc = bare.load(out)
    sheet = doc.Sheets.getByIndex(0)
    doc.calculateAll()
    for col, row, kind, value, formula in cells:
        # a catalogue's price is frozen at today's value, which may have
        # moved since the file was saved
        if re.search(r'\b(API_PRICE|GPU_PRICE)', formula, re.I):
            continue
        # 25.2's add-in took no array argument: a range of several cells
        # for a number was an error then; the copy computes it element by
        # element, as ftcost does now.
        if kind == 'e' and any(a != b for a, b in re.findall(r'([A-Z]+\d+):([A-Z]+\d+)',
                                                              formula)):
            continue
        cell = sheet.getCellByPosition(col, row)
        if kind == 'e':
            ok = cell.getError() != 0
        elif kind == 'str':
            ok = cell.getError() == 0 and cell.getString() == value
        else:
            ok = cell.getError() == 0 and close_enough(cell.getValue(), float(value))
        if not ok:
            got = ('error %d' % cell.getError() if cell.getError()
                   else repr(cell.getValue() if kind == 'n' else cell.getString()))
            failures.append('legacy .xlsx: =%s: got %s, 25.2 stored %s' % (formula, got, value))
    doc.close(True)
    return len(cells)


def bare_office(opts):
    """soffice started on a profile without the extension."""
    bare = Office(opts)
    try:
        for d in ('.config', '.cache', '.local/share', 'run', 'tmp'):
            os.makedirs(os.path.join(bare.home, d), exist_ok=True)
        if bare.root:
            subprocess.run(['chown', '-R', 'nobody:nogroup', bare.profile], check=True)
        bare.start()
    except BaseException:
        bare.close()
        raise
    return bare


def test_share(opts):
    sh = Shared(opts, dict(COPIES, values=('ods', 'd.ods', ['--values'])))
    changed = list(INPUTS)
    for i, v in CHANGES:
        changed[i] = v
    want_changed = live_expect(sh.core, sh.table, changed)

    bare = bare_office(opts)
    try:
        for label, path in sh.made.items():
            doc = bare.load(path)
            sheet = doc.Sheets.getByIndex(0)
            sh.check(sheet, label + ' as loaded', blocks=label != 'values')
            arrays = doc.Sheets.getByName('arrays')
            # Kept as values: every call of the --values copy, KEPT_ARRAYS's
            # elsewhere.  From .xlsx, LibreOffice computes a kept array
            # formula's cells again on loading (#N/A without the add-in)
            # before they are frozen: not checked there.
            frozen = label == 'values'
            skip = label == 'xlsx->ods'
            sh.failures += check_snapshot(arrays, sh.cells, sh.want_arrays, label + ' as loaded',
                                          skip, frozen)
            if label != 'values':
                sh.failures += check_array_formulas(arrays, sh.array_cases, label)
            if label != 'values':
                sh.failures += check_kept(sheet, sh.cases, label)
                sh.total += 1
                if not label.endswith('xlsx'):
                    sh.failures += check_notes(sheet, sh.cases, label)
                    sh.total += 1
                # the rows FT_BREAKEVEN and FT_SCHEDULE count months on
                sh.total += 1
                if (not doc.Sheets.hasByName('ftcost_months')
                        or doc.Sheets.getByName('ftcost_months').IsVisible):
                    sh.failures.append('%s: no hidden sheet ftcost_months' % label)
            if label == 'values':
                doc.close(True)
                continue
            doc.calculateAll()
            sh.check(sheet, label + ' recalculated')
            sh.failures += check_snapshot(arrays, sh.cells, sh.want_arrays,
                                          label + ' recalculated', skip, frozen)
            change_array_inputs(arrays, sh.array_cases, sh.extras)
            doc.calculateAll()
            sh.failures += check_snapshot(arrays, sh.cells, sh.want_arrays_changed,
                                          label + ' array inputs changed', skip=True)
            change_array_inputs(arrays, sh.array_cases, sh.extras, back=True)
            sh.total += 3 * len(sh.cells)
            # Inputs changed in the copy.
            for i, v in CHANGES:
                sheet.getCellByPosition(IN_COL, i).setValue(v)
            doc.calculateAll()
            sh.failures += check_live(sheet, want_changed, label + ' inputs changed')
            sh.total += len(LIVE)
            # Bad input: an error cell, never a number.
            for i, bad in ((0, -1.0), (4, 0.0)):
                old = sheet.getCellByPosition(IN_COL, i).getValue()
                sheet.getCellByPosition(IN_COL, i).setValue(bad)
                doc.calculateAll()
                sh.total += 1
                if not sheet.getCellByPosition(OUT_COL, 0).getError():
                    sh.failures.append('%s: FT_TCO with M%d=%g gave %r, want an error' % (
                        label, i + 1, bad, sheet.getCellByPosition(OUT_COL, 0).getValue()))
                sheet.getCellByPosition(IN_COL, i).setValue(old)
            sheet.getCellByPosition(IN_COL, 4).setString('text')
            doc.calculateAll()
            sh.total += 1
            if not sheet.getCellByPosition(OUT_COL, 0).getError():
                sh.failures.append('%s: FT_TCO with text input gave a number' % label)
            for i, v in enumerate(INPUTS):
                sheet.getCellByPosition(IN_COL, i).setValue(v)
            # Re-saved without the add-in: no formula lost.
            again = os.path.join(bare.work, 'again-%s.ods' % label.replace('>', ''))
            bare.store(doc, again, 'calc8')
            doc.close(True)
            doc = bare.load(again)
            sheet = doc.Sheets.getByIndex(0)
            doc.calculateAll()
            sh.total += 1
            n = count_formulas(sheet, sh.rows, 14)
            kept = len([c for c in array_calls(sh.cases) if c.expect.ok])
            if n != sh.n_formulas - kept:
                sh.failures.append('%s re-saved: %d formulas, want %d (%d kept as values)'
                                   % (label, n, sh.n_formulas - kept, kept))
            sh.check(sheet, label + ' re-saved')
            sh.failures += check_snapshot(doc.Sheets.getByName('arrays'), sh.cells,
                                          sh.want_arrays, label + ' re-saved', skip, frozen)
            doc.close(True)
        sh.total += check_legacy(bare, opts, sh.failures)
        sh.failures += check_explain(opts, sh.src['ods'], sh.out_dir, sh.cases)
        sh.total += 1
    finally:
        bare.close()
        sh.close()
    return e2e.report(sh.failures, 'share', sh.total)


# ---------------------------------------------------------------------------
# Gnumeric

GNUMERIC_ERRORS = {
    '#N/A': ERR_NOT_AVAILABLE, '#VALUE!': ERR_NO_VALUE, '#NUM!': ERR_ILLEGAL_FP,
    '#DIV/0!': ERR_DIV_ZERO, '#NAME?': ERR_NO_NAME, '#REF!': 524, '#NULL!': 521,
}


class GnumericCell:
    """What the checks ask of a UNO cell, from one cell of Gnumeric's CSV."""

    def __init__(self, text):
        self.text = text

    def getError(self):
        return GNUMERIC_ERRORS.get(self.text, 0)

    def getValue(self):
        try:
            return float(self.text)
        except ValueError:
            return 0.0

    def getString(self):
        return self.text

    def getFormula(self):
        return self.text


class GnumericSheet:
    """A sheet as Gnumeric computed it: `ssconvert --recalc` to CSV, raw
    values (every digit, errors as their names)."""

    def __init__(self, path, tmp, sheet='Sheet1'):
        out = os.path.join(tmp, '%s.%s.csv' % (os.path.basename(path), sheet))
        home = os.path.join(tmp, 'home')
        os.makedirs(home, exist_ok=True)
        argv = [os.environ.get('FTCOST_SSCONVERT') or 'ssconvert', '--recalc',
                '-T', 'Gnumeric_stf:stf_assistant',
                '-O', 'format=raw separator=, quoting-mode=always sheet="%s"' % sheet, path, out]
        env = {'PATH': '/usr/bin:/bin', 'HOME': home, 'LANG': 'C.UTF-8',
               'XDG_CONFIG_HOME': home, 'XDG_CACHE_HOME': home, 'XDG_DATA_HOME': home,
               'XDG_RUNTIME_DIR': home}
        try:
            p = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise HarnessError('cannot run %s: %s' % (' '.join(argv), e))
        if p.returncode != 0 or not os.path.exists(out):
            raise HarnessError('%s exited %d: %s' % (' '.join(argv), p.returncode,
                                                        p.stderr[-2000:]))
        with open(out, newline='', encoding='utf-8') as f:
            self.rows = list(csv.reader(f))

    def getCellByPosition(self, col, row):
        cells = self.rows[row] if row < len(self.rows) else []
        return GnumericCell(cells[col] if col < len(cells) else '')


def stale(path, out):
    """A copy of the .ods whose formula cells all have 0 as cached value."""
    cell = re.compile(r'<table:table-cell [^>]*table:formula=[^>]*>')
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, 'w') as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == 'content.xml':
                text, n = cell.subn(lambda m: re.sub(r' office:value="[^"]*"',
                                                     ' office:value="0"', m.group(0)),
                                    data.decode('utf-8'))
                if n == 0:
                    raise HarnessError('no formula cell in %s' % path)
                data = text.encode('utf-8')
            dst.writestr(info, data)


def test_gnumeric(opts):
    sh = Shared(opts, COPIES)
    tmp = tempfile.mkdtemp(prefix='ftcost-gnumeric-')
    try:
        copies = dict(sh.made)
        if 'ods->ods' in copies:
            copies['ods->ods, cached values 0'] = os.path.join(sh.out_dir, 'stale.ods')
            stale(copies['ods->ods'], copies['ods->ods, cached values 0'])
        for label, path in copies.items():
            sheet = GnumericSheet(path, tmp)
            sh.check(sheet, 'Gnumeric ' + label)
            # (kept values: as in test_share)
            sh.failures += check_snapshot(GnumericSheet(path, tmp, 'arrays'), sh.cells,
                                          sh.want_arrays, 'Gnumeric ' + label,
                                          label == 'xlsx->ods')
            sh.total += len(sh.cells)
            log('Gnumeric computed %s' % label)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        sh.close()
    return e2e.report(sh.failures, 'gnumeric', sh.total)


if __name__ == '__main__':
    sys.exit(e2e.main(__doc__, {'share': test_share, 'gnumeric': test_gnumeric}))
