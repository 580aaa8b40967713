#!/usr/bin/python3
"""`ftcost share` on the five shipped templates, in LibreOffice and Gnumeric.

usage: share_templates.py --oxt OXT --cli FTCOST --table TABLE.json
                          --install INSTALL-PROFILE.SH [--program DIR]
                          TEMPLATE.ots...

Each template (tco, budget, breakeven, checklist, rag: the kind is read from
the file name) is opened with the add-in installed, as File > New >
Templates opens it, recalculated, and saved as .ods and .xlsx; `ftcost
share` makes a copy of each (ods->ods, xlsx->xlsx).  Every copy:
  - holds no formula (cells, validity conditions and list sources,
    conditional formats, named expressions) that calls the add-in or a
    volatile function (INDIRECT, OFFSET, NOW, TODAY, RAND, ...);
  - opened in a LibreOffice profile WITHOUT the extension, as loaded and
    recalculated: every named cell of the template (its headline figures,
    printed: TCO total, break-even month, recommended path and its cost ...)
    equals the add-in's value to 1e-9 relative, no cell is an error, and
    the model pickers' drop-down lists hold the same models;
  - recalculated by Gnumeric (`ssconvert --recalc`, the command named by
    $FTCOST_SSCONVERT; not checked when it is not set), every sheet to CSV:
    the same named cells, the same values.
All templates are made in one LibreOffice with the add-in, checked in one
without it: one test for both engines, so that the copies are made once.  Reuses share_e2e.py (share command, volatile functions,
Gnumeric's CSV) and tests/e2e/lo_harness.py.
"""

import argparse
import html
import os
import re
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile

import e2e_cases as e2e  # tests/e2e, on PYTHONPATH (tests/share/meson.build)
from lo_harness import Office, add_harness_arguments, err_name, log, run_harness
from share_e2e import VOLATILE, GnumericSheet, bare_office, col_name, run_share

REL = 1e-9

# The headline figures of each template: (named cell, what it is).
HEADLINES = {
    'tco': [('TotalTCO', 'TCO total'), ('HiddenShare', 'hidden-cost share'),
            ('ItemsTotal', 'sum of the cost items')],
    'budget': [('TotalY1Low', 'first-year total, low'), ('TotalY1High', 'first-year total, high'),
               ('Total3yLow', 'three-year total, low'), ('Total3yHigh', 'three-year total, high'),
               ('SzRunCost', 'one training run')],
    'breakeven': [('Breakeven', 'break-even month'), ('ApiTco', 'API TCO'),
                  ('FtTco', 'fine-tuning TCO'), ('NpvFt', 'NPV fine-tuning'),
                  ('NpvApi', 'NPV API'), ('BreakevenVolume', 'break-even volume')],
    'checklist': [('Verdict', 'verdict'), ('CkFtTco', 'fine-tuning TCO'),
                  ('CkApiTco', 'API TCO'), ('PillarScore', 'pillar score')],
    'rag': [('Recommendation', 'recommended path'), ('BestTco', 'its cost'),
            ('PromptTco', 'prompting TCO'), ('RagTco', 'RAG TCO'), ('FtTco', 'fine-tuning TCO')],
}

COPIES = [('ods', 'ods'), ('xlsx', 'xlsx')]

# What Gnumeric 1.12.55 gets wrong in the copies, found by this test and not
# fixed yet: (template, copy) -> named cells.  Each must still be wrong (a
# fixed one fails the test until it is taken off); every other named cell
# must be right.  None now: the two the templates had were in their own
# formulas (tpl_breakeven.py, tpl_rag.py say which), not in the sharing.
GNUMERIC_KNOWN = {}


def kind_of(path):
    m = re.match(r'ftcost-([a-z]+)\.ots$', os.path.basename(path))
    if not m or m.group(1) not in HEADLINES:
        raise SystemExit('not a template of ftcost: %s' % path)
    return m.group(1)


# ---------------------------------------------------------------- formulas

ODF_FORMULA_ATTRS = ('formula', 'condition', 'expression', 'value', 'base-cell-address')
XLSX_FORMULA_TAGS = ('f', 'formula', 'formula1', 'formula2', 'definedName')


def copy_formulas(path):
    """Every formula a copy stores: (where, text).  .ods: content.xml and
    styles.xml, every attribute of the table/calcext namespaces that holds
    one (cells, validity conditions and list sources, conditional formats,
    named expressions); .xlsx: the cell formulas, data validations,
    conditional formats and defined names."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith('.xml'):
                continue
            if path.endswith('.ods') and name not in ('content.xml', 'styles.xml'):
                continue
            root = ET.fromstring(z.read(name))
            for el in root.iter():
                tag = el.tag.split('}')[-1]
                if path.endswith('.ods'):
                    for k, v in el.attrib.items():
                        if k.split('}')[-1] in ODF_FORMULA_ATTRS and '(' in v:
                            out.append(('%s %s@%s' % (name, tag, k.split('}')[-1]), v))
                elif tag in XLSX_FORMULA_TAGS and el.text:
                    out.append(('%s <%s>' % (name, tag), html.unescape(el.text)))
    return out


def bad_formulas(path, names):
    """The copy's formulas that call a volatile function or the add-in."""
    addin = re.compile(r'(?<![A-Za-z0-9_.])(%s)\s*\(|%s' % (
        '|'.join(re.escape(n) for n in names), re.escape(e2e.SERVICE_UPPER)), re.I)
    found = []
    formulas = copy_formulas(path)
    for where, f in formulas:
        bare = re.sub(r'"[^"]*"', '""', f)
        if VOLATILE.search(bare):
            found.append('a volatile function in %s: %s' % (where, f[:300]))
        if addin.search(bare):
            found.append('an add-in call in %s: %s' % (where, f[:300]))
    return found, len(formulas)


# ---------------------------------------------------------------- values

def cell_value(cell):
    """A number, a text, or ('error', code)."""
    from com.sun.star.table.CellContentType import EMPTY, TEXT, FORMULA
    if cell.getError():
        return ('error', cell.getError())
    t = cell.getType()
    if t == EMPTY:  # shows as an empty text does (an .xlsx keeps no "")
        return ''
    if t == TEXT or (t == FORMULA and cell.FormulaResultType2 == 2):
        return cell.getString()
    return cell.getValue()


def named_cells(doc):
    """name -> (sheet name, column, row) of every named single cell."""
    out = {}
    for name in doc.NamedRanges.ElementNames:
        rng = doc.NamedRanges.getByName(name).getReferredCells()
        if rng is None:
            continue
        a = rng.RangeAddress
        if a.StartRow == a.EndRow and a.StartColumn == a.EndColumn:
            out[name] = (doc.Sheets.getByIndex(a.Sheet).Name, a.StartColumn, a.StartRow)
    return out


def content_origin(doc):
    """sheet name -> (column, row) of its first used column and row: where
    Gnumeric's CSV of the sheet starts (it leaves out the empty ones)."""
    from com.sun.star.sheet.CellFlags import VALUE, DATETIME, STRING, FORMULA
    out = {}
    for sheet in doc.Sheets:
        ranges = sheet.queryContentCells(VALUE | DATETIME | STRING | FORMULA)
        addrs = ranges.getRangeAddresses() if ranges.Count else []
        out[sheet.Name] = (min((a.StartColumn for a in addrs), default=0),
                           min((a.StartRow for a in addrs), default=0))
    return out


def doc_values(doc, cells):
    return {n: cell_value(doc.Sheets.getByName(s).getCellByPosition(c, r))
            for n, (s, c, r) in cells.items()}


def picker_lists(doc, cells):
    """name -> the list a named cell's validity list source gives (its items
    joined by newlines), for the lists taken from cells (the model pickers),
    as Calc computes them on a scratch sheet (changes the document)."""
    pickers = {}
    for name, (sheet, col, row) in sorted(cells.items()):
        v = doc.Sheets.getByName(sheet).getCellByPosition(col, row).Validation
        if v.Type.value == 'LIST' and not v.getFormula1().startswith('"'):
            pickers[name] = v.getFormula1()
    if not pickers:
        return {}
    doc.Sheets.insertNewByName('ftcost_scratch', doc.Sheets.Count)
    scratch = doc.Sheets.getByName('ftcost_scratch')
    for i, source in enumerate(pickers.values()):
        scratch.getCellByPosition(0, i).setFormula('=TEXTJOIN(CHAR(10);0;%s)' % source)
    doc.calculateAll()
    return {name: cell_value(scratch.getCellByPosition(0, i)) for i, name in enumerate(pickers)}


def error_cells(doc, limit=5):
    """Up to `limit` addresses of error cells, on every sheet."""
    from com.sun.star.sheet.CellFlags import FORMULA
    found = []
    for sheet in doc.Sheets:
        ranges = sheet.queryContentCells(FORMULA)
        for cell_range in ranges.getRangeAddressesAsString().split(';') if ranges.Count else []:
            rng = sheet.getCellRangeByName(cell_range.split('.')[-1])
            data = rng.getDataArray()
            a = rng.RangeAddress
            for r in range(len(data)):
                for c in range(len(data[r])):
                    cell = rng.getCellByPosition(c, r)
                    if cell.getError():
                        found.append('%s.%s%d %s' % (sheet.Name, col_name(a.StartColumn + c),
                                                     a.StartRow + r + 1, err_name(cell.getError())))
                        if len(found) >= limit:
                            return found
    return found


def same(got, want):
    if isinstance(want, tuple) or isinstance(got, tuple):
        return False  # an error cell is never the same figure
    if isinstance(want, str) or isinstance(got, str):
        return got == want
    if want == 0:
        return abs(got) <= 1e-300
    return abs(got - want) <= REL * abs(want)


def show(v):
    if isinstance(v, tuple):
        return err_name(v[1])
    return repr(v) if len(repr(v)) < 120 else repr(v)[:100] + '... (%d lines)' % (v.count('\n') + 1)


def compare(kind, want, got, where, failures):
    """Every named cell of the template: the headline figures, then the
    rest; returns the number of checks."""
    n = 0
    for name in sorted(want):
        n += 1
        if name not in got:
            failures.append('%s %s: no named cell %s' % (kind, where, name))
        elif not same(got[name], want[name]):
            failures.append('%s %s: %s is %s, with the add-in %s' % (
                kind, where, name, show(got[name]), show(want[name])))
    return n


# ---------------------------------------------------------------- Gnumeric

def gnumeric_values(path, cells, origin, tmp):
    """The named cells as Gnumeric computes the copy (one CSV a sheet, from
    the sheet's `origin`, content_origin)."""
    sheets = {}
    out = {}
    for name, (sheet, col, row) in cells.items():
        if sheet not in sheets:
            sheets[sheet] = GnumericSheet(path, tmp, sheet)
        cell = sheets[sheet].getCellByPosition(col - origin[sheet][0], row - origin[sheet][1])
        text = cell.getString()
        if cell.getError():
            out[name] = ('error', cell.getError())
        else:
            try:
                out[name] = float(text)
            except ValueError:
                out[name] = text
    return out


# ---------------------------------------------------------------- the test

class Made:
    """The templates as the add-in computes them, and their shared copies."""

    def __init__(self, opts):
        self.table = e2e.load_table(opts)
        self.names = [f['name'] for f in self.table['functions']]
        self.out = tempfile.mkdtemp(prefix='ftcost-share-tpl-')
        os.chmod(self.out, 0o777)
        self.failures = []
        self.total = 0
        self.want = {}    # kind -> name -> value with the add-in
        self.cells = {}   # kind -> name -> (sheet, col, row)
        self.copies = {}  # (kind, ext) -> path of the shared copy
        self.lists = {}   # kind -> the pickers' lists with the add-in (picker_lists)
        self.origin = {}  # kind -> content_origin

    def make(self, opts):
        t0 = time.time()
        with Office(opts) as office:
            office.install()
            office.start()
            for tpl in opts.templates:
                kind = kind_of(tpl)
                src = os.path.join(office.work, os.path.basename(tpl))
                shutil.copy(tpl, src)
                os.chmod(src, 0o644)
                doc = office.load(src)
                doc.calculateAll()
                self.cells[kind] = named_cells(doc)
                self.origin[kind] = content_origin(doc)
                self.want[kind] = doc_values(doc, self.cells[kind])
                for name, _ in HEADLINES[kind]:
                    if name not in self.cells[kind]:
                        self.failures.append('%s: no named cell %s' % (kind, name))
                self.total += 1
                for e in error_cells(doc):
                    self.failures.append('%s with the add-in: error cell %s' % (kind, e))
                for ext, flt in (('ods', 'calc8'), ('xlsx', 'Calc MS Excel 2007 XML')):
                    path = os.path.join(office.work, '%s-addin.%s' % (kind, ext))
                    office.store(doc, path, flt)
                    shutil.copy(path, self.out)
                self.lists[kind] = picker_lists(doc, self.cells[kind])
                log('%s: pickers %s' % (kind, ', '.join('%s (%d items)' % (k, v.count('\n') + 1)
                                                         for k, v in self.lists[kind].items())))
                doc.close(True)
        log('made %d templates with the add-in in %.1f s' % (len(self.want), time.time() - t0))
        t0 = time.time()
        for kind in self.want:
            for src_ext, out_ext in COPIES:
                src = os.path.join(self.out, '%s-addin.%s' % (kind, src_ext))
                dst = os.path.join(self.out, '%s-shared-from-%s.%s' % (kind, src_ext, out_ext))
                self.total += 1
                if not run_share(opts, [src, dst], self.out):
                    self.failures.append('%s: ftcost share %s -> %s failed' % (kind, src_ext, out_ext))
                    continue
                self.copies[(kind, '%s->%s' % (src_ext, out_ext))] = dst
                bad, n = bad_formulas(dst, self.names)
                self.total += 1
                log('%s %s->%s: %d formulas checked' % (kind, src_ext, out_ext, n))
                for b in bad[:10]:
                    self.failures.append('%s %s->%s: %s' % (kind, src_ext, out_ext, b))
        log('shared %d copies in %.1f s' % (len(self.copies), time.time() - t0))

    def print_headlines(self, kind, got, where):
        for name, what in HEADLINES[kind]:
            log('  %-9s %-26s with the add-in %-22s %s %s' % (
                kind, what + ' (' + name + ')', show(self.want[kind].get(name)), where,
                show(got.get(name))))

    def close(self):
        if os.environ.get('FTCOST_E2E_KEEP'):
            log('kept %s' % self.out)
        else:
            shutil.rmtree(self.out, ignore_errors=True)


def check_libreoffice(opts, made):
    """The copies in a LibreOffice without the add-in."""
    t0 = time.time()
    with bare_office(opts) as bare:
        for (kind, label), path in made.copies.items():
            doc = bare.load(path)
            cells = made.cells[kind]
            loaded = doc_values(doc, cells)
            made.total += compare(kind, made.want[kind], loaded, label + ' as loaded',
                                  made.failures)
            doc.calculateAll()
            got = doc_values(doc, cells)
            made.total += compare(kind, made.want[kind], got, label + ' recalculated',
                                  made.failures)
            made.total += 1
            for e in error_cells(doc):
                made.failures.append('%s %s without the add-in: error cell %s' % (kind, label, e))
            made.print_headlines(kind, got, 'LibreOffice ' + label)
            # the drop-down lists: the same models to pick from
            made.total += compare(kind, made.lists[kind], picker_lists(doc, cells),
                                  label + ' drop-down list of', made.failures)
            doc.close(True)
    log('LibreOffice without the add-in checked the copies in %.1f s' % (time.time() - t0))


def check_gnumeric(made):
    """The copies recalculated by Gnumeric."""
    t0 = time.time()
    tmp = tempfile.mkdtemp(prefix='ftcost-gnumeric-tpl-')
    try:
        for (kind, label), path in made.copies.items():
            got = gnumeric_values(path, made.cells[kind], made.origin[kind], tmp)
            known = GNUMERIC_KNOWN.get((kind, label), ())
            want = {k: v for k, v in made.want[kind].items() if k not in known}
            made.total += compare(kind, want, got, 'Gnumeric ' + label, made.failures)
            for name in known:
                made.total += 1
                if same(got.get(name), made.want[kind].get(name)):
                    made.failures.append('%s Gnumeric %s: %s is right now: take it off '
                                         'GNUMERIC_KNOWN' % (kind, label, name))
                else:
                    log('KNOWN %s Gnumeric %s: %s is %s, with the add-in %s' % (
                        kind, label, name, show(got.get(name)), show(made.want[kind].get(name))))
            made.print_headlines(kind, got, 'Gnumeric ' + label)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log('Gnumeric computed the copies in %.1f s' % (time.time() - t0))


def test(opts):
    made = Made(opts)
    try:
        made.make(opts)
        check_libreoffice(opts, made)
        if os.environ.get('FTCOST_SSCONVERT'):
            check_gnumeric(made)
        else:
            log('Gnumeric: not checked ($FTCOST_SSCONVERT not set; Debian: gnumeric)')
    finally:
        made.close()
    return e2e.report(made.failures, 'share-templates', made.total)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    add_harness_arguments(ap)
    ap.add_argument('templates', nargs='+')
    opts = ap.parse_args()
    return run_harness(opts, [opts.oxt, opts.cli, opts.table, opts.install] + opts.templates, test)


if __name__ == '__main__':
    sys.exit(main())
