#!/usr/bin/env python3
"""Rewrites ftcost-stored-names.fods, the stored-names fixture of the e2e
tests, from the function table.  A maintenance tool, not run by the build:
the fixture is a checked-in file that the `names` and `valgrind` tests load
as a user's workbook would be loaded.  Run it when the table's worked
examples change (the `names` test says so: "fixture expects X, core says Y"):

  tests/e2e/make-stored-names-fods.py build/addin/ftcost-table.json \
      build/cli/ftcost tests/e2e/ftcost-stored-names.fods

Every worked example becomes a row: the call as ODF stores it
(of:=ORG.FTCOST.FUNCTIONS.NAME(...)), the expected result (from the ftcost
command), a check formula and the call for the harness; array results are
checked through INDEX; F2:F6 holds a stored array formula.
"""
import json, os, subprocess, sys
from xml.sax.saxutils import escape, quoteattr
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# the calls as the table carries them parsed, and the ones beyond them
from e2e_cases import STORED_EXTRA_CALLS, example_args, typed_args  # noqa: E402
table = json.load(open(sys.argv[1])); cli = sys.argv[2]; out = sys.argv[3]
def run(name, args):
    p = subprocess.run([cli, name] + [a.cli() for a in args], capture_output=True, text=True)
    if p.returncode == 2: return 'Err:502'
    if p.returncode == 3: return '#N/A'
    assert p.returncode == 0, p
    return p.stdout
rows = []  # (formula, expected, check-kind, call)
S = 'ORG.FTCOST.FUNCTIONS.'
for fn in table['functions']:
    name = fn['name']
    for ex in fn['examples']:
        args = example_args(ex, trim=False)
        res = run(name, args)
        call = '%s|%s' % (name, ex['args'])
        if fn['result'] == 'array' and res not in ('Err:502', '#N/A'):
            m = [[float(x) for x in l.split('\t')] for l in res.splitlines()]
            cells = [(1, 1), (len(m), len(m[0]))]
            if len(m) > 1 and len(m[0]) > 3: cells.insert(1, (2, 4))
            for r, c in cells:
                rows.append(('of:=INDEX(%s%s(%s);%d;%d)' % (S, name, typed_args(args), r, c), m[r-1][c-1], '%s|%d,%d' % (call, r, c)))
            continue
        if fn['result'] == 'text_column' and res not in ('Err:502', '#N/A'):
            m = res.splitlines()
            for r in sorted({1, len(m)}):
                rows.append(('of:=INDEX(%s%s(%s);%d;1)' % (S, name, typed_args(args), r), m[r-1], '%s|%d,1' % (call, r)))
            continue
        if fn['result'] == 'text' and res not in ('Err:502', '#N/A'):
            res = res.rstrip('\n')
        elif res not in ('Err:502', '#N/A'):
            res = float(res)
        rows.append(('of:=%s%s(%s)' % (S, name, typed_args(args)), res, call))
# an empty parameter, text for an optional number
empty_param, text_opt, plain = (args for _, args in STORED_EXTRA_CALLS)
rows.append(('of:=%sFT_TCO(%s)' % (S, typed_args(empty_param)), float(run('FT_TCO', empty_param)), 'FT_TCO|' + typed_args(empty_param)))
rows.append(('of:=%sFT_TCO(%s)' % (S, typed_args(text_opt)), run('FT_TCO', text_opt), 'FT_TCO|' + typed_args(text_opt)))
# the stored array formula in F2:F6, summed
rows.append(('of:=SUM([.F2:.F6])', float(run('FT_TCO', plain)), 'FT_TCO|' + typed_args(plain)))

def cell_value(v):
    if isinstance(v, float):
        return '<table:table-cell office:value-type="float" office:value="%r"><text:p>%r</text:p></table:table-cell>' % (v, v)
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(v)
def text_cell(s):
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(s)
lines = []
lines.append('<table:table-row>%s%s%s%s<table:table-cell/>%s</table:table-row>' % (text_cell('Formula'), text_cell('Expected'), text_cell('Check'), text_cell('Call (function|arguments[|row,column])'), text_cell('Stored array formula FT_TCO_ITEMS(200;3000;320;1;18)')))
for i, (formula, exp, call) in enumerate(rows):
    r = i + 2
    if exp == '#N/A':
        check = 'of:=ISNA([.A%d])' % r
    elif exp == 'Err:502':
        check = 'of:=ORG.OPENOFFICE.ERRORTYPE([.A%d])=502' % r
    elif isinstance(exp, str):
        check = 'of:=[.A%d]=[.B%d]' % (r, r)
    else:
        check = 'of:=ABS([.A%d]-[.B%d])&lt;=1E-012*ABS([.B%d])' % (r, r, r)
    fcell = '<table:table-cell table:formula=%s><text:p></text:p></table:table-cell>' % quoteattr(formula)
    ccell = '<table:table-cell table:formula="%s" office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>' % check
    extra = ''
    if r == 2:
        extra = '<table:table-cell/><table:table-cell table:number-columns-spanned="1" table:number-matrix-columns-spanned="1" table:number-matrix-rows-spanned="5" table:formula="of:=%sFT_TCO_ITEMS(200;3000;320;1;18)"><text:p></text:p></table:table-cell>' % S
    elif 3 <= r <= 6:
        extra = '<table:table-cell/><table:covered-table-cell/>'
    lines.append('<table:table-row>%s%s%s%s%s</table:table-row>' % (fcell, cell_value(exp), ccell, text_cell(call), extra))
doc = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- Stored names of the ftcost add-in: every call as a workbook stores it
     (of:=ORG.FTCOST.FUNCTIONS.<NAME>(...)), self-checking like LibreOffice's
     sc/qa/unit/data/functions documents.  Column A: the call; B: the expected
     result (from the core: the table's worked examples); C: TRUE when A
     matches B; D: the call for the test harness, which recomputes B with the
     ftcost command so this file cannot go stale.  F2:F6 holds a stored array
     formula, summed in the last row.  The formula cells have no cached
     results: only a working add-in can make the checks TRUE. -->
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:body>
  <office:spreadsheet>
   <table:table table:name="StoredNames">
    <table:table-column table:number-columns-repeated="6"/>
%s
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
''' % '\n'.join('    ' + l for l in lines)
open(out, 'w').write(doc)
print(len(rows), 'rows')
