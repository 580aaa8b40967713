#!/usr/bin/python3
"""End-to-end test of `ftcost share` in a real headless LibreOffice.

usage: share_e2e.py share --oxt OXT --cli FTCOST --table TABLE.json
                    --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

The sheet of tests/e2e (every function of the table: worked examples,
defaults, every error class, arrays, text results) plus a block of input
cells, typed and calculated with the add-in installed, saved as .ods and
.xlsx.  `ftcost share` makes copies (ods->ods, ods->xlsx, xlsx->ods), which
are opened in a profile WITHOUT the extension:
  - the copies call no add-in function (stored text);
  - as loaded (cached values) and recalculated (calculateAll): every call
    gives the add-in's value to 1e-12 relative, every error case an error;
  - input cells changed in the copy give what the command gives for the new
    inputs, and bad input gives an error cell;
  - saved again without the add-in and reloaded: no formula is lost.
`ftcost share --values` freezes: no formula calls the add-in, values kept.

Reuses tests/e2e/ftcost_e2e.py (the Office helper, the cases, the checks).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'e2e'))
import ftcost_e2e as e2e  # noqa: E402

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
        elif code or not e2e.close_enough(cell.getValue(), w.value):
            failures.append('%s: %s gave %s, want %r' % (
                where, LIVE[r][0], e2e.err_name(code) if code else cell.getValue(), w.value))
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


def array_calls(cases):
    """The calls with an array argument (a range of two cells for a number
    of a function that returns a number): computed element by element,
    they have no built-in equivalent yet and keep their values, with a
    note."""
    return [c for c in cases if c.fn['result'] == 'number' and '{R2}' in (c.raw_formula or '')]


def check_kept(sheet, cases, where):
    """Each array call: its value and no formula (an error: =NA()), the note
    saying why."""
    failures = []
    for c in array_calls(cases):
        cell = sheet.getCellByPosition(0, c.row)
        note = cell.getAnnotation().getString()
        formula = cell.getFormula()
        if ((formula != '=NA()' if not c.expect.ok else formula.startswith('='))
                or 'element by element' not in note):
            failures.append('%s: %s: formula %r, note %r: want the value kept with a note'
                            % (where, c.label, cell.getFormula(), note))
    return failures


def stored_formulas(path):
    """All stored text of the sheets (content.xml or xl/worksheets/*)."""
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist()
                 if n == 'content.xml' or (n.startswith('xl/') and n.endswith('.xml'))]
        return ''.join(z.read(n).decode('utf-8', 'replace') for n in names)


def count_formulas(sheet, rows, cols):
    n = 0
    for r in range(rows):
        for c in range(cols):
            if sheet.getCellByPosition(c, r).getFormula().startswith('='):
                n += 1
    return n


def run_share(opts, args, work):
    p = subprocess.run([opts.cli, 'share'] + args, capture_output=True, text=True,
                       timeout=300)
    e2e.log('ftcost share %s: exit %d %s' % (' '.join(args), p.returncode, p.stderr.strip()))
    for a in args:
        if os.path.exists(a):
            os.chmod(a, 0o644)
    return p.returncode == 0


def test_share(opts):
    table, cases, problems = e2e.load_cases(opts)
    core = e2e.Core(opts.cli)
    failures = list(problems)
    total = 0
    want_live = live_expect(core, table, INPUTS)
    changed = list(INPUTS)
    for i, v in CHANGES:
        changed[i] = v
    want_changed = live_expect(core, table, changed)

    out_dir = tempfile.mkdtemp(prefix='ftcost-share-')
    os.chmod(out_dir, 0o777)
    with e2e.Office(opts) as office:
        office.install()
        office.start()
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        e2e.place_cases(sheet, cases)
        place_live(sheet)
        doc.calculateAll()
        failures += e2e.check_cases(sheet, cases, 'with the add-in')
        failures += check_live(sheet, want_live, 'with the add-in')
        total += len(cases) + len(LIVE)
        src = {}
        for ext, flt in (('ods', 'calc8'), ('xlsx', 'Calc MS Excel 2007 XML')):
            src[ext] = os.path.join(office.work, 'with-addin.' + ext)
            office.store(doc, src[ext], flt)
            shutil.copy(src[ext], out_dir)
            src[ext] = os.path.join(out_dir, os.path.basename(src[ext]))
        rows = max(c.row for c in cases) + 40
        n_formulas = count_formulas(sheet, rows, 14)
        doc.close(True)
    copies = {
        'ods->ods': (src['ods'], os.path.join(out_dir, 'a.ods'), []),
        'ods->xlsx': (src['ods'], os.path.join(out_dir, 'b.xlsx'), []),
        'xlsx->ods': (src['xlsx'], os.path.join(out_dir, 'c.ods'), []),
        'values': (src['ods'], os.path.join(out_dir, 'd.ods'), ['--values']),
    }
    made = {}
    for label, (a, b, flags) in copies.items():
        total += 1
        if run_share(opts, flags + [a, b], out_dir):
            made[label] = b
        else:
            failures.append('%s: ftcost share failed' % label)
            continue
        total += 1
        if e2e.SERVICE_UPPER in stored_formulas(b).upper():
            failures.append('%s: the copy still calls the add-in' % label)
        if b.endswith('.ods'):
            total += 1
            with zipfile.ZipFile(b) as z:
                first = z.infolist()[0]
                if (first.filename != 'mimetype' or first.compress_type != zipfile.ZIP_STORED
                        or first.extra != b''):
                    failures.append('%s: mimetype is not the first entry, stored, '
                                    'without extra field' % label)

    # A profile without the extension.
    bare = e2e.Office(opts)
    try:
        for d in ('.config', '.cache', '.local/share', 'run', 'tmp'):
            os.makedirs(os.path.join(bare.home, d), exist_ok=True)
        if bare.root:
            subprocess.run(['chown', '-R', 'nobody:nogroup', bare.profile], check=True)
        bare.start()
        for label, path in made.items():
            if label == 'values':
                doc = bare.load(path)
                sheet = doc.Sheets.getByIndex(0)
                failures += check_copy(sheet, cases, label + ' as loaded')
                total += len(cases)
                doc.close(True)
                continue
            doc = bare.load(path)
            sheet = doc.Sheets.getByIndex(0)
            failures += check_copy(sheet, cases, label + ' as loaded')
            failures += check_kept(sheet, cases, label)
            total += 1
            doc.calculateAll()
            failures += check_copy(sheet, cases, label + ' recalculated')
            failures += check_live(sheet, want_live, label + ' recalculated')
            total += 2 * len(cases) + len(LIVE)
            # Inputs changed in the copy.
            for i, v in CHANGES:
                sheet.getCellByPosition(IN_COL, i).setValue(v)
            doc.calculateAll()
            failures += check_live(sheet, want_changed, label + ' inputs changed')
            total += len(LIVE)
            # Bad input: an error cell, never a number.
            for i, bad in ((0, -1.0), (4, 0.0)):
                old = sheet.getCellByPosition(IN_COL, i).getValue()
                sheet.getCellByPosition(IN_COL, i).setValue(bad)
                doc.calculateAll()
                total += 1
                if not sheet.getCellByPosition(OUT_COL, 0).getError():
                    failures.append('%s: FT_TCO with M%d=%g gave %r, want an error' % (
                        label, i + 1, bad, sheet.getCellByPosition(OUT_COL, 0).getValue()))
                sheet.getCellByPosition(IN_COL, i).setValue(old)
            sheet.getCellByPosition(IN_COL, 4).setString('text')
            doc.calculateAll()
            total += 1
            if not sheet.getCellByPosition(OUT_COL, 0).getError():
                failures.append('%s: FT_TCO with text input gave a number' % label)
            for i, v in enumerate(INPUTS):
                sheet.getCellByPosition(IN_COL, i).setValue(v)
            # Re-saved without the add-in: no formula lost.
            again = os.path.join(bare.work, 'again-%s.ods' % label.replace('>', ''))
            bare.store(doc, again, 'calc8')
            doc.close(True)
            doc = bare.load(again)
            sheet = doc.Sheets.getByIndex(0)
            doc.calculateAll()
            total += 2
            n = count_formulas(sheet, rows, 14)
            kept = len([c for c in array_calls(cases) if c.expect.ok])
            if n != n_formulas - kept:
                failures.append('%s re-saved: %d formulas, want %d (%d kept as values)'
                                % (label, n, n_formulas - kept, kept))
            failures += [f for f in check_copy(sheet, cases, label + ' re-saved')]
            doc.close(True)
    finally:
        bare.close()
        if os.environ.get('FTCOST_E2E_KEEP'):
            e2e.log('kept %s' % out_dir)
        else:
            shutil.rmtree(out_dir, ignore_errors=True)
    return e2e.report(failures, 'share', total)


if __name__ == '__main__':
    e2e.TESTS['share'] = test_share
    sys.exit(e2e.main())
