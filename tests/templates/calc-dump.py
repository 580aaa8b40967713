#!/usr/bin/python3
"""Open spreadsheet documents in a headless LibreOffice and report on them.

usage: calc-dump.py PROFILE_DIR REQUEST.json OUT.json

Runs under python3-uno as the account that owns the profile (see
run-office.sh).  Starts soffice on PROFILE_DIR, then for every job of the
request:

  {"doc": "x.ots", "pdf": "x.pdf", "png": null,
   "edits": [{"name": "Horizon", "value": 36}, ...]}

opens the document as a user would (a template opens as a new untitled
document), and writes to OUT.json, per job:
  loaded     named range -> values as displayed right after loading
  names      named range -> values after calculateAll()
  shown      named single cell -> its text as displayed (cell.getString()),
             after calculateAll()
  errors     every cell with an error value, on every sheet
  protected  sheet name -> protected?
  unlocked   sheet name -> addresses of unlocked (input) cells
  unlocked_fill  address -> background colour of the unlocked cells
  charts     sheet name -> number of charts
  formulas   named range -> formula text of its first cell
  edited     named range -> values after the edits and calculateAll()
  edited_more  the same after "more_edits", a second round on top of the first
  pdf        written when "pdf" is given (before the edits)
  pickers    with {"pickers": ["ModelName", ...]}: each named cell's validity
             rule (type, error style, source formula) and the list that
             source gives, evaluated by Calc on a scratch sheet
and, with {"list_templates": true}, the template groups and titles that
File > New > Templates shows (the DocumentTemplates service).
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.ucb import Command, OpenCommandArgument2
from com.sun.star.beans import Property

FORMULA_ERROR = 4  # com.sun.star.sheet.FormulaResult.ERROR
SOFFICE = os.environ.get('OFFICE_PROGRAM_DIR', '/usr/lib/libreoffice/program') + '/soffice'


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile):
    pipe = 'ftcosttpl%d' % os.getpid()
    proc = subprocess.Popen(
        [SOFFICE, '--headless', '--invisible', '--norestore', '--nologo', '--nodefault',
         '--nolockcheck', '-env:UserInstallation=file://' + profile,
         '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        'com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.time() + 120
    while True:
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            break
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                raise SystemExit('calc-dump.py: soffice did not start (exit %s)' % proc.poll())
            time.sleep(0.3)
    return proc, ctx


def cell_value(cell):
    from com.sun.star.table.CellContentType import TEXT, FORMULA
    if cell.getError():
        return {'error': cell.getError(), 'text': cell.getString()}
    t = cell.getType()
    if t == TEXT or (t == FORMULA and cell.FormulaResultType2 == 2):  # TEXT result
        return cell.getString()
    return cell.getValue()


def names_values(doc):
    out = {}
    for name in doc.NamedRanges.ElementNames:
        rng = doc.NamedRanges.getByName(name).getReferredCells()
        if rng is None:
            continue
        rows = []
        addr = rng.RangeAddress
        for r in range(addr.EndRow - addr.StartRow + 1):
            rows.append([cell_value(rng.getCellByPosition(c, r))
                         for c in range(addr.EndColumn - addr.StartColumn + 1)])
        out[name] = rows[0][0] if len(rows) == 1 and len(rows[0]) == 1 else rows
    return out


def names_shown(doc):
    out = {}
    for name in doc.NamedRanges.ElementNames:
        rng = doc.NamedRanges.getByName(name).getReferredCells()
        if rng is not None and rng.RangeAddress.StartRow == rng.RangeAddress.EndRow \
                and rng.RangeAddress.StartColumn == rng.RangeAddress.EndColumn:
            out[name] = rng.getCellByPosition(0, 0).getString()
    return out


def used_cells(sheet):
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    a = cur.RangeAddress
    return a.EndRow, a.EndColumn


def cell_name(sheet, c, r):
    return sheet.getCellByPosition(c, r).AbsoluteName.split('.')[-1].replace('$', '')


def inspect(doc):
    rep = {'errors': [], 'protected': {}, 'unlocked': {}, 'unlocked_fill': {}, 'charts': {},
           'formulas': {}}
    sheets = doc.Sheets
    for i in range(sheets.Count):
        sh = sheets.getByIndex(i)
        rep['protected'][sh.Name] = bool(sh.isProtected())
        rep['charts'][sh.Name] = sh.Charts.Count
        rep.setdefault('visible', {})[sh.Name] = bool(sh.IsVisible)
        if not sh.IsVisible:
            # a hidden sheet (the model lists): no inputs, its errors found at once
            for rng in sh.queryFormulaCells(FORMULA_ERROR).RangeAddresses:
                for r in range(rng.StartRow, rng.EndRow + 1):
                    for c in range(rng.StartColumn, rng.EndColumn + 1):
                        rep['errors'].append('%s.%s: %s' % (sh.Name, cell_name(sh, c, r),
                                                            sh.getCellByPosition(c, r).getString()))
            rep['unlocked'][sh.Name] = []
            continue
        rows, cols = used_cells(sh)
        unlocked = []
        for r in range(rows + 1):
            for c in range(cols + 1):
                cell = sh.getCellByPosition(c, r)
                if cell.getError():
                    rep['errors'].append('%s.%s: %s' % (sh.Name, cell_name(sh, c, r), cell.getString()))
                if not cell.CellProtection.IsLocked and (cell.getType().value != 'EMPTY'):
                    a = cell_name(sh, c, r)
                    unlocked.append(a)
                    rep['unlocked_fill']['%s.%s' % (sh.Name, a)] = '#%06x' % (cell.CellBackColor & 0xffffff)
        rep['unlocked'][sh.Name] = unlocked
    for name in doc.NamedRanges.ElementNames:
        rng = doc.NamedRanges.getByName(name).getReferredCells()
        if rng is not None:
            rep['formulas'][name] = rng.getCellByPosition(0, 0).getFormula()
    return rep


def picker_lists(doc, names):
    """name -> its validity rule and the texts its list source gives now."""
    out = {}
    doc.Sheets.insertNewByName('ftcost-probe', doc.Sheets.Count)
    probe = doc.Sheets.getByName('ftcost-probe')
    for i, name in enumerate(names):
        cell = doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)
        v = cell.Validation
        count = probe.getCellByPosition(i, 0)
        count.setFormula('=ROWS(%s)' % v.getFormula1())
        doc.calculateAll()
        rows = int(count.getValue())
        rng = probe.getCellRangeByPosition(i, 1, i, rows)
        rng.setArrayFormula('=' + v.getFormula1())
        doc.calculateAll()
        texts = [row[0] for row in rng.getDataArray() if isinstance(row[0], str)]
        out[name] = {'type': v.Type.value, 'error_style': v.ErrorAlertStyle.value,
                     'show_error': bool(v.ShowErrorMessage), 'formula': v.getFormula1(),
                     'list': texts}
    doc.Sheets.removeByName('ftcost-probe')
    return out


def set_name(doc, name, value):
    cell = doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)
    if isinstance(value, str):
        cell.setString(value)
    else:
        cell.setValue(value)


def list_templates(ctx):
    """Groups and templates as File > New > Templates lists them."""
    smgr = ctx.ServiceManager
    dt = smgr.createInstanceWithContext('com.sun.star.frame.DocumentTemplates', ctx)
    dt.update()
    ucb = smgr.createInstanceWithContext('com.sun.star.ucb.UniversalContentBroker', ctx)

    def children(content):
        arg = OpenCommandArgument2()
        arg.Mode = 2  # ALL
        arg.Priority = 0
        props = []
        for n in ('Title', 'TargetURL'):
            p = Property()
            p.Name, p.Handle = n, -1
            props.append(p)
        arg.Properties = tuple(props)
        cmd = Command()
        # The argument must travel as a typed Any, else the call never returns.
        cmd.Name, cmd.Handle = 'open', -1
        cmd.Argument = uno.Any('com.sun.star.ucb.OpenCommandArgument2', arg)
        rs = uno.invoke(content, 'execute', (cmd, 0, None)).getStaticResultSet()
        out = []
        while rs.next():
            out.append((rs.getString(1), rs.getString(2), rs.queryContentIdentifierString()))
        return out

    groups = {}
    for title, _, ident in children(dt.getContent()):
        group = ucb.queryContent(ucb.createContentIdentifier(ident))
        groups[title] = [{'title': t, 'url': u} for t, u, _ in children(group)]
    return groups


def main():
    profile, request, out_path = sys.argv[1:4]
    with open(request) as f:
        req = json.load(f)
    proc, ctx = connect(profile)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    result = {'jobs': []}
    try:
        for job in req.get('jobs', []):
            url = uno.systemPathToFileUrl(os.path.abspath(job['doc']))
            doc = desktop.loadComponentFromURL(url, '_blank', 0, (pv('Hidden', True),))
            if doc is None:
                raise SystemExit('calc-dump.py: could not open ' + job['doc'])
            rep = {'doc': job['doc'], 'loaded': names_values(doc)}
            doc.calculateAll()
            rep['names'] = names_values(doc)
            rep['shown'] = names_shown(doc)
            rep.update(inspect(doc))
            if job.get('pickers'):
                rep['pickers'] = picker_lists(doc, job['pickers'])
            if job.get('pdf'):
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job['pdf'])),
                               (pv('FilterName', 'calc_pdf_Export'),))
            if job.get('edits'):
                for e in job['edits']:
                    set_name(doc, e['name'], e['value'])
                doc.calculateAll()
                rep['edited'] = names_values(doc)
                rep['edited_errors'] = inspect(doc)['errors']
            if job.get('more_edits'):  # a second round, on top of the first
                for e in job['more_edits']:
                    set_name(doc, e['name'], e['value'])
                doc.calculateAll()
                rep['edited_more'] = names_values(doc)
                rep['edited_more_errors'] = inspect(doc)['errors']
            doc.close(True)
            result['jobs'].append(rep)
        if req.get('list_templates'):
            result['templates'] = list_templates(ctx)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
    with open(out_path + '.tmp', 'w') as f:
        json.dump(result, f, indent=1, sort_keys=True)
    os.replace(out_path + '.tmp', out_path)


if __name__ == '__main__':
    main()
