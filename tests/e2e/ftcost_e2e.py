#!/usr/bin/python3
"""End-to-end tests of the ftcost Calc add-in in a real headless LibreOffice.

usage: ftcost_e2e.py TEST --oxt OXT --cli FTCOST --table TABLE.json
                     --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

TEST is one of
  addin      the add-in's library not loaded until a function is used (Calc
             reads CalcAddIns.xcu until then); what Calc reads from the
             add-in: XAddIn in en/de/fr against the table, XServiceName/
             XServiceInfo/XTypeProvider/XCompatibilityNames, Calc's function
             list (category Financial, argument names, optional flags, help),
             FunctionAccess calls;
  functions  every function of the table, typed with its display name
             (setFormula): worked examples, defaults (left out, given, empty
             parameter), every error class (Err:502, #VALUE!, Err:504, #N/A),
             one-cell and bigger ranges, array results (array formulas,
             every cell), text results;
  names      the same calls imported from CSV ("evaluate formulas") and the
             stored ODF names of a hand-written .fods (self-checking);
  roundtrip  the sheet of `functions` saved as .ods and .xlsx, reloaded,
             recalculated: same values; the stored names are checked;
  badinput   a generated sheet: every function, every argument, every class
             of bad input (-1, 0, 1E308, -0, NaN/Inf/#DIV/0!/#NUM!/#N/A,
             text, numeric text, empty cells and parameters, ranges of 1, 2,
             2x2 cells and a whole column, month counts, several at once,
             too many/few arguments): every cell checked, the add-in's log
             (FTCOST_LOG) checked for who answered (add-in or Calc) and
             with which message, no silent 0, soffice responsive after;
  soak       10 000 formula cells recalculated 1000 times in one soffice:
             soffice.bin's VmRSS must not grow (medians of the first and
             last 10), sampled values still right;
  valgrind   one recalculation of the .fods with soffice.bin under valgrind
             memcheck: fails on any error, or definitely lost block, whose
             stack passes through the add-in's shared object;
  valgrind-full  the same for the .fods and the sheets of `functions` and
             `badinput`.

Expected values come from the real core: the `ftcost` command (which prints
%.17g, arrays as tab-separated rows; errors on stderr, exit 2 for Err:502,
3 for #N/A) and the worked examples of the table; they are compared with a
relative tolerance of 1e-12.  The only expectations that are Calc's own are
#VALUE! (text for a required number) and Err:504 (too few arguments), and
in `badinput` Calc's answers to errors, ranges and empty parameters it never
hands the add-in (see bad_inputs).

The extension is installed into a throwaway profile with
packaging/install-profile.sh; soffice runs as nobody when we are root; it is
always killed at the end.  Needs a python3 with the `uno` module
(python3-uno: /usr/bin/python3 on Debian).  Exit status: 0 pass, 1 fail,
77 skipped (meson's convention), 99 harness error.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile

from lo_harness import (
    ERR_DIV_ZERO, ERR_ILLEGAL_ARGUMENT, ERR_ILLEGAL_FP, ERR_NAMES, ERR_NOT_AVAILABLE,
    ERR_NO_NAME, ERR_NO_VALUE, ERR_PARAMETER_EXPECTED, REL_TOL, HarnessError, Office,
    add_harness_arguments, close_enough, err_name, file_url, free_port, kill_session,
    library_mapped, log, props, run_harness, session_pids, soffice_bin_pid,
    use_extension_types, vm_rss_kib)

SERVICE_UPPER = 'ORG.FTCOST.FUNCTIONS'
CSV_FILTER = 'Text - txt - csv (StarCalc)'
# Tab-separated, '"' quotes, UTF-8, from line 1, en-US, ..., token 12:
# evaluate formulas.
CSV_OPTIONS = '9,34,76,1,,1033,false,true,true,false,false,0,true'


class Arg:
    """One argument of a call: a number (as typed), a text, or empty."""

    def __init__(self, kind, value=''):
        self.kind = kind      # 'num', 'text', 'empty'
        self.value = value    # the string as typed

    @staticmethod
    def parse(typed):
        t = typed.strip()
        if t == '':
            return Arg('empty')
        if len(t) >= 2 and t[0] == '"' and t[-1] == '"':
            return Arg('text', t[1:-1])
        return Arg('num', t)

    def formula(self):
        if self.kind == 'text':
            return '"%s"' % self.value.replace('"', '""')
        return self.value if self.kind == 'num' else ''

    def cli(self):
        return '' if self.kind == 'empty' else self.value


def num(x):
    return Arg('num', repr(float(x)) if not float(x).is_integer() else '%d' % x)


def formula_of(name, args):
    return '=%s(%s)' % (name, ';'.join(a.formula() for a in args))


class Expect:
    """ok with a value (float, str, or list of rows), or an error code."""

    def __init__(self, ok, value=None, code=None, why=''):
        self.ok, self.value, self.code, self.why = ok, value, code, why

    def __eq__(self, other):
        if self.ok != other.ok:
            return False
        if not self.ok:
            return self.code == other.code
        a, b = self.value, other.value
        if isinstance(a, list) != isinstance(b, list):
            return False
        if isinstance(a, list):
            return (len(a) == len(b) and all(len(r) == len(s) for r, s in zip(a, b))
                    and all(close_enough(x, y) for r, s in zip(a, b) for x, y in zip(r, s)))
        return close_enough(a, b)

    def __repr__(self):
        if not self.ok:
            return err_name(self.code)
        if isinstance(self.value, list):
            return '%dx%d array %r' % (len(self.value), len(self.value[0]) if self.value else 0,
                                       self.value[:3])
        return repr(self.value)


class Core:
    """Expected results from the `ftcost` command."""

    def __init__(self, cli):
        self.cli = cli
        self.cache = {}

    def eval(self, fn, args):
        argv = [self.cli, fn['name']] + [a.cli() for a in args]
        key = tuple(argv)
        if key in self.cache:
            return self.cache[key]
        try:
            p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise HarnessError('cannot run %s: %s' % (' '.join(argv), e))
        out = p.stdout
        if p.returncode == 0:
            try:
                if fn['result'] == 'text':
                    e = Expect(True, out.rstrip('\n'))
                elif fn['result'] == 'array':
                    e = Expect(True, [[float(x) for x in line.split('\t')]
                                      for line in out.splitlines() if line.strip()])
                elif fn['result'] == 'text_column':   # one text a line
                    e = Expect(True, [[line] for line in out.splitlines()])
                else:
                    e = Expect(True, float(out.strip()))
            except ValueError:
                raise HarnessError('%s printed %r' % (' '.join(argv), out))
        elif p.returncode == 2:
            e = Expect(False, code=ERR_ILLEGAL_ARGUMENT, why=p.stderr.strip())
        elif p.returncode == 3:
            e = Expect(False, code=ERR_NOT_AVAILABLE, why=p.stderr.strip())
        else:
            raise HarnessError('%s exited %d: %s' % (' '.join(argv), p.returncode, p.stderr))
        self.cache[key] = e
        return e


# ---------------------------------------------------------------------------
# Cases built from the table

class Case:
    def __init__(self, label, fn, args, expect, helpers=None, raw_formula=None):
        self.label = label
        self.fn = fn
        self.args = args
        self.expect = expect
        self.helpers = helpers or []   # values for helper cells J{row}...
        self.raw_formula = raw_formula  # with {R} for the helper row
        self.row = None

    @property
    def is_array(self):
        return self.expect.ok and isinstance(self.expect.value, list)

    def formula(self, row=None):
        if self.raw_formula is not None:
            return self.raw_formula.replace('{R}', str((row or 0) + 1)).replace(
                '{R2}', str((row or 0) + 2))
        return formula_of(self.fn['name'], self.args)


def example_expect(fn, ex):
    """What the table's worked example says."""
    if ex['status'] == 'invalid':
        return Expect(False, code=ERR_ILLEGAL_ARGUMENT)
    if ex['status'] == 'no_answer':
        return Expect(False, code=ERR_NOT_AVAILABLE)
    if fn['result'] == 'text':
        return Expect(True, ex['text'])
    if fn['result'] in ('array', 'text_column'):
        return None  # only the leading cells: checked separately
    return Expect(True, float(ex['number']))


def default_arg(fn, k, vals):
    """The value an omitted argument takes, as a cell would give it; None
    when no cell can (API_PRICE's AsOf: the kernel's today)."""
    a = fn['args'][k]
    if a['default_arg'] >= 0:
        return vals[a['default_arg']]
    if a['text']:
        return Arg('text', a['default_text']) if a['default_text'] is not None else None
    return num(a['default']) if a['default'] is not None else None


def defaults_up_to(fn, vals, k):
    """vals extended with the defaults of the arguments before k; None when
    one of them has none a cell can give."""
    vals = list(vals)
    for j in range(len(vals), k):
        d = default_arg(fn, j, vals)
        if d is None:
            return None
        vals.append(d)
    return vals


def build_cases(table, core, problems):
    """Every call the sheet makes.  `problems` collects disagreements between
    the command and the table (the expectations themselves)."""
    cases = []
    for fn in table['functions']:
        name, args, req = fn['name'], fn['args'], fn['required']
        ok_examples = []
        for i, ex in enumerate(fn['examples']):
            call = [Arg.parse(t) for t in ex['args'].split(';')]
            while call and call[-1].kind == 'empty':
                call.pop()
            want = core.eval(fn, call)
            told = example_expect(fn, ex)
            if told is not None and not (told == want):
                problems.append('%s example %d (%s): the table says %r, ftcost says %r'
                                % (name, i + 1, ex['args'], told, want))
            if fn['result'] in ('array', 'text_column') and ex['status'] == 'ok':
                cells = [c for r in (want.value if want.ok else []) for c in r]
                leading = ex['cells'] if fn['result'] == 'array' else ex['texts']
                if (not want.ok or len(want.value) != ex['rows']
                        or any(len(r) != ex['cols'] for r in want.value)
                        or not all(close_enough(a, b) for a, b in zip(cells, leading))):
                    problems.append('%s example %d: the table says %dx%d %r..., ftcost says %r'
                                    % (name, i + 1, ex['rows'], ex['cols'], leading, want))
            cases.append(Case('%s example %d' % (name, i + 1), fn, call, want))
            if ex['status'] == 'ok':
                ok_examples.append(call)
        if not ok_examples:
            problems.append('%s: no worked example that succeeds' % name)
            continue
        base = ok_examples[0][:req]
        if len(base) < req:
            problems.append('%s: the first example gives fewer than %d arguments' % (name, req))
            continue

        # Defaults: left out, given explicitly, given as an empty parameter.
        for k in range(req, len(args)):
            vals = defaults_up_to(fn, base, k)
            if args[k]['text'] or vals is None:
                continue
            omitted = core.eval(fn, vals)
            cases.append(Case('%s without %s' % (name, args[k]['name']), fn, vals, omitted))
            dflt = default_arg(fn, k, vals)
            if dflt is None:
                continue
            explicit_args = vals + [dflt]
            explicit = core.eval(fn, explicit_args)
            if not (explicit == omitted):
                problems.append('%s: %s given as its default gives %r, left out %r'
                                % (name, args[k]['name'], explicit, omitted))
            cases.append(Case('%s with %s = default' % (name, args[k]['name']), fn,
                              explicit_args, omitted))
            nxt = default_arg(fn, k + 1, vals + [dflt]) if k + 1 < len(args) else None
            if nxt is not None and not args[k + 1]['text']:
                empty_args = vals + [Arg('empty'), nxt]
                cases.append(Case('%s with %s as an empty parameter' % (name, args[k]['name']),
                                  fn, empty_args, core.eval(fn, vals + [Arg('empty'), nxt])))

        # Err:502: bad money/counts, fractions out of range, text for an
        # optional number (expectations from the core).
        full = list(base)
        for j in range(req, len(args)):
            d = default_arg(fn, j, full)
            if d is None:
                break
            full.append(d)
        for k, a in enumerate(args):
            if a['text']:
                continue
            bad = None
            if a['domain'] in ('non_negative', 'positive'):
                bad = num(-1)
            elif a['domain'].startswith('fraction'):
                bad = num(1.5)
            elif a['domain'] == 'whole_non_negative':
                bad = num(0.5)
            elif a['domain'] == 'whole_months':
                bad = num(0.5)
            elif a['domain'] == 'at_least_1':
                bad = num(0.5)
            elif a['domain'] == 'above_minus_1':
                bad = num(-1)
            if bad is None:
                continue
            call = full[:max(k + 1, req)]
            if k < len(call):
                call[k] = bad
            elif k == len(call):  # an argument `full` stops before
                call.append(bad)
            else:
                continue
            want = core.eval(fn, call)
            if want.ok:
                problems.append('%s: %s = %s is accepted by the core (%r)'
                                % (name, a['name'], bad.value, want))
            cases.append(Case('%s with %s = %s' % (name, a['name'], bad.value), fn, call, want))
        opt_num = [k for k in range(req, len(args)) if not args[k]['text']]
        if opt_num:
            k = opt_num[0]
            call = full[:k] + [Arg('text', 'abc')]
            want = core.eval(fn, call)
            if want.ok or want.code != ERR_ILLEGAL_ARGUMENT:
                problems.append('%s: text for %s gives %r in the core, not Err:502'
                                % (name, args[k]['name'], want))
            cases.append(Case('%s with text for optional %s' % (name, args[k]['name']),
                              fn, call, want))
        # Calc's own answers: #VALUE! for text in a required number, Err:504.
        # (A required number declared as an array reaches the add-in as
        # text, which is Err:502 like text for an optional number.)
        num_req = [k for k in range(req) if not args[k]['text']]
        if num_req:
            call = list(base)
            call[num_req[0]] = Arg('text', 'abc')
            want = (core.eval(fn, call) if args[num_req[0]]['uno_type'] == 'array'
                    else Expect(False, code=ERR_NO_VALUE))
            cases.append(Case('%s with text for required %s' % (name, args[num_req[0]]['name']),
                              fn, call, want))
        if req >= 1:
            cases.append(Case('%s with %d of %d required arguments' % (name, req - 1, req),
                              fn, base[:req - 1], Expect(False, code=ERR_PARAMETER_EXPECTED)))
        # Ranges for an optional argument: one cell is its value; two are
        # an array of results in a function that returns a number (a plain
        # cell shows the first), else Err:502 (one value expected).
        if opt_num:
            k = opt_num[0]
            vals = defaults_up_to(fn, base, k)
            dflt = default_arg(fn, k, vals) if vals is not None else None
        if opt_num and dflt is not None:
            head = ';'.join(a.formula() for a in vals)
            cases.append(Case('%s with %s from a one-cell range' % (name, args[k]['name']), fn,
                              vals, core.eval(fn, vals + [dflt]), helpers=[dflt.value],
                              raw_formula='=%s(%s;J{R}:J{R})' % (name, head)))
            cases.append(Case('%s with %s from a two-cell range' % (name, args[k]['name']), fn,
                              vals, core.eval(fn, vals + [dflt]) if fn['result'] == 'number'
                              else Expect(False, code=ERR_ILLEGAL_ARGUMENT),
                              helpers=[dflt.value, dflt.value],
                              raw_formula='=%s(%s;J{R}:J{R2})' % (name, head)))
    return cases


# ---------------------------------------------------------------------------
# Array arguments ("Array arguments" in FUNCTIONS.md): every function that
# returns a number, its first and last number arguments given as a column
# range (and a row range against it), an inline column, an inline row, a
# column against a row (a grid), a column with one bad element, and two
# columns and two rows of lengths that cannot pair; each call placed as an array formula, inside SUMPRODUCT, SUM and
# INDEX and in a plain cell (the first element), every element compared
# with the command's scalar result.  (In the formula grammar of the API,
# an inline array's columns are separated by ';' and its rows by '|'.)

def variants(a, base):
    """Three valid, different values of argument `a` around `base`."""
    v = float(base.value)
    d = a['domain']
    if d == 'whole_months':
        vals = [v, v + 1, min(2 * v + 2, 1200)]
    elif d == 'whole_non_negative':
        vals = [v, v + 1, 2 * v + 2]
    elif d in ('non_negative', 'positive'):
        vals = [v, 2 * v, 0.5 * v] if v > 0 else [0, 1, 3]
    elif d.startswith('fraction'):
        vals = [v, v / 2 if v > 0 else 0.25, (v + 1) / 2]
    elif d == 'above_minus_1':
        vals = [v, v + 0.01, v + 0.05]
    elif d == 'at_least_1':
        vals = [v, v + 0.5, 2 * v]
    else:
        vals = [v, v, v]
    return [num(x) for x in vals]


def bad_value(a):
    d = a['domain']
    if d in ('non_negative', 'positive', 'above_minus_1'):
        return num(-1)
    if d.startswith('fraction'):
        return num(1.5)
    return num(0.5)   # whole_months, whole_non_negative, at_least_1


class ArrayCase:
    """One call with array arguments.  `grid`: rows of Expect, one per
    element (or None with `whole`, an Expect for the whole call)."""

    def __init__(self, label, fn, formula, grid=None, whole=None, col_helpers=None,
                 row_helpers=None):
        self.label, self.fn, self.call = label, fn, formula
        self.grid, self.whole = grid, whole
        self.col_helpers = col_helpers or []   # a column range T{R}:T{R+n-1}
        self.row_helpers = row_helpers or []   # a row range U{R}:...{R}
        self.row = None

    @property
    def shape(self):
        return (len(self.grid), len(self.grid[0])) if self.grid else (1, 1)

    def text(self, template=None):
        r = self.row + 1
        f = self.call.replace('{COL}', '$T$%d:$T$%d' % (r, r + len(self.col_helpers) - 1))
        last = chr(ord('U') + len(self.row_helpers) - 1)
        f = f.replace('{ROW}', '$U$%d:$%s$%d' % (r, last, r))
        return (template or '%s') % f

    def first(self):
        return self.whole if self.grid is None else self.grid[0][0]

    def last(self):
        return self.whole if self.grid is None else self.grid[-1][-1]

    def total(self):
        """SUMPRODUCT: the sum, or the error when an element is one."""
        if self.grid is None:
            return self.whole
        cells = [e for row in self.grid for e in row]
        bad = [e for e in cells if not e.ok]
        if bad:
            return bad[0] if all(e.code == bad[0].code for e in bad) else Expect(False, code=0)
        return Expect(True, math.fsum(e.value for e in cells))


def build_array_cases(table, core, problems):
    cases = []
    for fn in table['functions']:
        if fn['result'] != 'number':
            continue
        args = fn['args']
        nums = [k for k, a in enumerate(args) if not a['text']]
        if not nums:
            continue
        # one number argument (API_PRICE's AsOf): its arrays, and no grid
        two = len(nums) >= 2
        ok_examples = ok_calls(fn)
        full = valid_call(fn, ok_examples)
        k1, k2 = nums[0], nums[-1]
        if k2 >= len(full):
            problems.append('%s: no valid value for %s' % (fn['name'], args[k2]['name']))
            continue
        col, row = variants(args[k1], full[k1]), variants(args[k2], full[k2])

        def at(**given):
            call = list(full)
            for k, v in given.items():
                call[int(k[1:])] = v
            return core.eval(fn, call)

        def formula(**given):
            parts = [a.formula() for a in full]
            for k, v in given.items():
                parts[int(k[1:])] = v
            return '%s(%s)' % (fn['name'], ';'.join(parts))

        a1, a2 = 'a%d' % k1, 'a%d' % k2
        inline_col = lambda vals: '{%s}' % '|'.join(v.value for v in vals)  # noqa: E731
        inline_row = lambda vals: '{%s}' % ';'.join(v.value for v in vals)  # noqa: E731
        name = fn['name']
        cases.append(ArrayCase(
            '%s: %s from a range' % (name, args[k1]['name']), fn, formula(**{a1: '{COL}'}),
            grid=[[at(**{a1: v})] for v in col], col_helpers=col))
        if two:
            cases.append(ArrayCase(
                '%s: %s and %s from a column and a row range' % (name, args[k1]['name'],
                                                                 args[k2]['name']),
                fn, formula(**{a1: '{COL}', a2: '{ROW}'}),
                grid=[[at(**{a1: v, a2: w}) for w in row] for v in col],
                col_helpers=col, row_helpers=row))
        cases.append(ArrayCase(
            '%s: %s as an inline column' % (name, args[k1]['name']), fn,
            formula(**{a1: inline_col(col)}), grid=[[at(**{a1: v})] for v in col]))
        cases.append(ArrayCase(
            '%s: %s as an inline row' % (name, args[k2]['name']), fn,
            formula(**{a2: inline_row(row)}), grid=[[at(**{a2: w}) for w in row]]))
        if two:
            cases.append(ArrayCase(
                '%s: %s column x %s row' % (name, args[k1]['name'], args[k2]['name']), fn,
                formula(**{a1: inline_col(col), a2: inline_row(row[:2])}),
                grid=[[at(**{a1: v, a2: w}) for w in row[:2]] for v in col]))
        bad = [col[0], bad_value(args[k1]), col[2]]
        grid = [[at(**{a1: v})] for v in bad]
        if grid[1][0].ok:
            problems.append('%s: %s = %s is accepted by the core' % (name, args[k1]['name'],
                                                                      bad[1].value))
        cases.append(ArrayCase(
            '%s: %s column with a bad element' % (name, args[k1]['name']), fn,
            formula(**{a1: inline_col(bad)}), grid=grid))
        if two:
            cases.append(ArrayCase(
                '%s: %s column of 3 with %s column of 2' % (name, args[k1]['name'],
                                                            args[k2]['name']), fn,
                formula(**{a1: inline_col(col), a2: inline_col(row[:2])}),
                whole=Expect(False, code=ERR_ILLEGAL_ARGUMENT)))
            cases.append(ArrayCase(
                '%s: %s row of 3 with %s row of 2' % (name, args[k1]['name'],
                                                      args[k2]['name']),
                fn, formula(**{a1: inline_row(col), a2: inline_row(row[:2])}),
                whole=Expect(False, code=ERR_ILLEGAL_ARGUMENT)))
    return cases


ARRAY_PLAIN, ARRAY_SUM, ARRAY_INDEX, ARRAY_PLAIN_SUM = 8, 9, 10, 11   # columns I to L


def place_array_cases(sheet, cases):
    row = 0
    for c in cases:
        c.row = row
        rows, cols = c.shape
        for i, h in enumerate(c.col_helpers):
            sheet.getCellByPosition(19, row + i).setValue(float(h.value))
        for i, h in enumerate(c.row_helpers):
            sheet.getCellByPosition(20 + i, row).setValue(float(h.value))
        sheet.getCellRangeByPosition(0, row, cols - 1, row + rows - 1).setArrayFormula(
            c.text('=%s'))
        sheet.getCellByPosition(ARRAY_PLAIN, row).setFormula(c.text('=%s'))
        sheet.getCellByPosition(ARRAY_SUM, row).setFormula(c.text('=SUMPRODUCT(%s)'))
        sheet.getCellByPosition(ARRAY_INDEX, row).setFormula(
            c.text('=INDEX(%%s;%d;%d)' % (rows, cols)))
        sheet.getCellByPosition(ARRAY_PLAIN_SUM, row).setFormula(c.text('=SUM(%s)'))
        row += max(rows, len(c.col_helpers)) + 1


def check_cell(cell, want):
    """None when the cell holds `want` (Expect; code 0: any error)."""
    code = cell.getError()
    if not want.ok:
        if code and (want.code == 0 or code == want.code):
            return None
        return 'got %s, want %s' % (err_name(code) if code else cell.getValue(),
                                    err_name(want.code) if want.code else 'an error')
    if code:
        return 'got %s, want %r' % (err_name(code), want.value)
    if not close_enough(cell.getValue(), want.value):
        return 'got %r, want %r' % (cell.getValue(), want.value)
    return None


def check_array_cases(sheet, cases):
    failures = []
    for c in cases:
        rows, cols = c.shape
        where = []
        for r in range(rows):
            for k in range(cols):
                want = c.whole if c.grid is None else c.grid[r][k]
                why = check_cell(sheet.getCellByPosition(k, c.row + r), want)
                if why:
                    where.append('array formula (%d,%d): %s' % (r, k, why))
        for what, col, want in (('plain cell', ARRAY_PLAIN, c.first()),
                                ('SUMPRODUCT', ARRAY_SUM, c.total()),
                                ('INDEX of the last', ARRAY_INDEX, c.last()),
                                ('SUM', ARRAY_PLAIN_SUM, c.total())):
            why = check_cell(sheet.getCellByPosition(col, c.row), want)
            if why:
                where.append('%s: %s' % (what, why))
        if where:
            failures.append('arrays: %s =%s: %s' % (c.label, c.text(), '; '.join(where[:6])))
    return failures


def run_array_cases(doc, table, core):
    """The array cases on a sheet of their own; returns (failures, checks)."""
    problems = []
    cases = build_array_cases(table, core, problems)
    doc.Sheets.insertNewByName('arrays', doc.Sheets.getCount())
    sheet = doc.Sheets.getByName('arrays')
    t0 = time.time()
    place_array_cases(sheet, cases)
    doc.calculateAll()
    log('%d array calls placed and calculated in %.2f s' % (len(cases), time.time() - t0))
    return (['expectation: ' + p for p in problems] + check_array_cases(sheet, cases),
            5 * len(cases))


# ---------------------------------------------------------------------------
# Bad input (`badinput`): every function, every argument, every class of
# bad value.  What Calc does with each class (LibreOffice 7.4, observed in
# the add-in's log and kept true by the probe in test_badinput):
#
#   reaches the add-in (expectation: the core, i.e. the `ftcost` command):
#     numbers typed or in cells: -1, 0, 1E308, -0, month counts;
#     NaN, +Inf, -Inf: only from cells that UNO's setValue filled (Calc's
#       own arithmetic never makes them: 0/0 is #DIV/0!, 1E308*10 #NUM!);
#     text for an optional argument (any): as text; numeric text ("5") for a
#       required number: converted by Calc ("convert unambiguous" default);
#     a number for a text argument: Calc's text of it ("1E+308", "INF");
#     a reference to an empty cell: 0 (a one-cell *range* of an empty cell
#       reaches an optional argument as "" instead, i.e. its default);
#     an empty parameter (;;) for an optional argument: void, the default;
#     a range of several cells for an optional argument (sequence); for a
#       required one Calc's implicit intersection picks the cell in the
#       formula's row (or column), else #VALUE!;
#   answered by Calc itself (expectation: Calc's, the add-in is not called):
#     an error in an argument propagates (#DIV/0!, #NUM!, #N/A); with
#       several, the last argument's error wins (Calc pops them from the
#       end);
#     text for a required number: #VALUE! (Err:519);
#     a literal 1E309: Err:502 (the formula compiler's overflow);
#     an empty parameter for a required argument: Err:502 (but F() is
#       no argument at all: Err:504);
#     a range holding an error for an optional argument: Err:504;
#     too many or too few arguments: Err:504.

BAD_COL = 'X'
BAD_ROW = 1000001   # 1-based: below every case row, so nothing intersects
BAD_HELPERS = [
    # name, how the cell is filled, content
    ('div0', 'formula', '=0/0'),          # #DIV/0!: Calc's "NaN"
    ('na', 'formula', '=NA()'),           # (div0:na: a range with errors)
    ('numerr', 'formula', '=1E308*10'),   # #NUM!: Calc's "Inf"
    ('negzero', 'value', -0.0),
    ('negzero_f', 'formula', '=-0'),
    ('nan', 'value', float('nan')),
    ('inf', 'value', float('inf')),
    ('ninf', 'value', float('-inf')),
    ('abc', 'string', 'abc'),
    ('five', 'string', '5'),
    ('emptystr', 'formula', '=""'),
    ('empty', None, None),
    ('one', 'value', 1.0),                # (one:one2, and the 2x2 one:Y)
    ('one2', 'value', 1.0),
]
BAD_EMPTY_COLUMN = 'Z'                    # never written


def bad_ref(name, to=None):
    rows = [n for n, _, _ in BAD_HELPERS]
    a = '$%s$%d' % (BAD_COL, BAD_ROW + rows.index(name))
    if to is None:
        return a
    col, name2 = to
    return '%s:$%s$%d' % (a, col, BAD_ROW + rows.index(name2))


def place_bad_helpers(sheet):
    for i, (_, how, content) in enumerate(BAD_HELPERS):
        cell = sheet.getCellRangeByName('%s%d' % (BAD_COL, BAD_ROW + i))
        if how == 'formula':
            cell.setFormula(content)
        elif how == 'value':
            cell.setValue(content)
        elif how == 'string':
            cell.setString(content)


class BadCase(Case):
    """A call with one class of bad input.  reach: 'addin' (the add-in must
    be called) or 'calc' (Calc answers itself); exact: the command sees
    exactly what the add-in gets, so their messages must agree too."""

    def __init__(self, cls, label, fn, formula, expect, reach, exact, helpers=None):
        Case.__init__(self, label, fn, [], expect, helpers=helpers, raw_formula=formula)
        self.cls, self.reach, self.exact = cls, reach, exact
        self.outcomes = None


def is_month_arg(a):
    return (a['domain'] == 'whole_months' or a['name'].endswith('Months')
            or a['name'] == 'Horizon')


def arg_type(a):
    """As the add-in declares it: R sequence<sequence<any>> (required number
    of a function that returns a number), D double (other required number),
    A any (optional number), T any (optional text), S string (required
    text)."""
    if a['text']:
        return 'T' if a['optional'] else 'S'
    if a['uno_type'] == 'array':
        return 'R'
    return 'A' if a['optional'] else 'D'


def bad_inputs(a, base, result):
    """(class, typed, outcome) for one argument of a function whose result
    is `result`; `base` is a valid Arg for it.  outcome: ('core', Arg,
    exact), ('addin', code) or ('calc', code)."""
    ty = arg_type(a)
    arrays = result == 'number' and ty in ('A', 'R')   # element-wise
    out = []
    N, T = (lambda v: Arg('num', v)), (lambda v: Arg('text', v))

    def numeric(cls, typed, value, calc_text):
        if ty in ('D', 'A', 'R'):
            out.append((cls, typed, ('core', N(value), True)))
        elif ty == 'S':    # Calc turns the number into text (its format)
            out.append((cls, typed, ('core', T(calc_text), True)))
        else:              # any: the add-in gets the number, which is no text
            out.append((cls, typed, ('addin', ERR_ILLEGAL_ARGUMENT)))

    def calc(cls, typed, code):
        out.append((cls, typed, ('calc', code)))

    numeric('-1', '-1', '-1', '-1')
    numeric('0', '0', '0', '0')
    numeric('1E308', '1E308', '1e308', '1E+308')
    numeric('-0 typed', '-0', '-0', '0')
    numeric('-0 cell', bad_ref('negzero'), '-0', '0')
    numeric('=-0 cell', bad_ref('negzero_f'), '-0', '0')
    numeric('NaN cell', bad_ref('nan'), 'nan', 'NaN')
    numeric('+Inf cell', bad_ref('inf'), 'inf', 'INF')
    numeric('-Inf cell', bad_ref('ninf'), '-inf', '-INF')
    if is_month_arg(a) and ty in ('D', 'A', 'R'):
        for v in ('1200', '1201', '1200.5', '1E9'):
            numeric('month count ' + v, v, v, v)
    calc('#DIV/0! cell (0/0)', bad_ref('div0'), ERR_DIV_ZERO)
    calc('0/0 typed', '0/0', ERR_DIV_ZERO)
    calc('#NUM! cell (1E308*10)', bad_ref('numerr'), ERR_ILLEGAL_FP)
    calc('1E308*10 typed', '1E308*10', ERR_ILLEGAL_FP)
    calc('1E309 typed', '1E309', ERR_ILLEGAL_ARGUMENT)
    calc('#N/A cell', bad_ref('na'), ERR_NOT_AVAILABLE)
    # (The command words text for a required number its own way: for R,
    # the code only.)
    for cls, typed in (('text', '"abc"'), ('text cell', bad_ref('abc'))):
        if ty == 'D':
            calc(cls, typed, ERR_NO_VALUE)
        else:
            out.append((cls, typed, ('core', T('abc'), ty != 'R')))
    for cls, typed in (('numeric text', '"5"'), ('numeric text cell', bad_ref('five'))):
        if ty == 'D':      # Calc converts unambiguous numeric text
            out.append((cls, typed, ('core', N('5'), True)))
        elif ty in ('A', 'R'):    # text for a number that reaches the add-in
            out.append((cls, typed, ('addin', ERR_ILLEGAL_ARGUMENT)))
        else:
            out.append((cls, typed, ('core', T('5'), True)))
    # Empty: "" reaches a text argument as empty text, which the command
    # cannot say ('' leaves an argument out): code only.
    empty_text = ('core', T(''), False)
    if ty in ('D', 'A', 'R'):
        out.append(('empty cell', bad_ref('empty'), ('core', N('0'), True)))
    elif ty == 'T':        # the add-in gets 0 for a text: Err:502
        out.append(('empty cell', bad_ref('empty'), ('addin', ERR_ILLEGAL_ARGUMENT)))
    else:
        out.append(('empty cell', bad_ref('empty'), empty_text))
    if ty in ('A', 'T', 'R'):
        out.append(('="" cell', bad_ref('emptystr'), ('core', Arg('empty'), True)))
        if ty == 'R':      # Calc itself: a required argument left empty
            calc('empty parameter', '', ERR_ILLEGAL_ARGUMENT)
        else:
            out.append(('empty parameter', '', ('core', Arg('empty'), True)))
        out.append(('empty one-cell range', bad_ref('empty', (BAD_COL, 'empty')),
                    ('core', Arg('empty'), True)))
        calc('#DIV/0! one-cell range', bad_ref('div0', (BAD_COL, 'div0')),
             ERR_PARAMETER_EXPECTED)
        calc('range with errors', bad_ref('div0', (BAD_COL, 'na')), ERR_PARAMETER_EXPECTED)
        # Several cells: an array of results where the function computes
        # element by element (a plain cell shows the first: the cell `one`;
        # the 2x2 range's first is that too, its column Y is empty; an
        # empty column is the argument left out in every element), else
        # Err:502 (one value expected).
        for cls, typed, first in (
                ('2-cell range', bad_ref('one', (BAD_COL, 'one2')), N('1')),
                ('2x2 range', bad_ref('one', ('Y', 'one2')), N('1')),
                ('whole column', '$%s:$%s' % (BAD_EMPTY_COLUMN, BAD_EMPTY_COLUMN),
                 Arg('empty')),
                ('2-cell range in its row', '$J{R}:$J{R2}', base)):
            out.append((cls, typed, ('core', first, True) if arrays
                        else ('addin', ERR_ILLEGAL_ARGUMENT)))
    else:
        if ty == 'D':
            out.append(('="" cell', bad_ref('emptystr'), ('calc', ERR_NO_VALUE)))
        else:
            out.append(('="" cell', bad_ref('emptystr'), empty_text))
        calc('empty parameter', '', ERR_ILLEGAL_ARGUMENT)
        zero = ('core', N('0'), True) if ty == 'D' else empty_text
        out.append(('empty one-cell range', bad_ref('empty', (BAD_COL, 'empty')), zero))
        calc('#DIV/0! one-cell range', bad_ref('div0', (BAD_COL, 'div0')), ERR_DIV_ZERO)
        # Implicit intersection: none with these (rows 1000001...)
        calc('range with errors', bad_ref('div0', (BAD_COL, 'na')), ERR_NO_VALUE)
        calc('2-cell range', bad_ref('one', (BAD_COL, 'one2')), ERR_NO_VALUE)
        calc('2x2 range', bad_ref('one', ('Y', 'one2')), ERR_NO_VALUE)
        # ... the empty cell of the formula's row, and the helper beside it.
        out.append(('whole column', '$%s:$%s' % (BAD_EMPTY_COLUMN, BAD_EMPTY_COLUMN), zero))
        out.append(('2-cell range in its row', '$J{R}:$J{R2}', ('core', base, True)))
    return out


def ok_calls(fn):
    """The arguments of fn's worked examples that succeed (trailing empty
    ones left out)."""
    calls = []
    for ex in fn['examples']:
        call = [Arg.parse(t) for t in ex['args'].split(';')]
        while call and call[-1].kind == 'empty':
            call.pop()
        if ex['status'] == 'ok':
            calls.append(call)
    return calls


def valid_call(fn, ok_examples):
    """Every argument given, valid: the first succeeding example's required
    arguments, the defaults of optional numbers, and for optional text the
    first example value there is, else its default (the call stops before
    an optional text with neither)."""
    full = list(ok_examples[0][:fn['required']])
    for k in range(fn['required'], len(fn['args'])):
        a = fn['args'][k]
        if a['text']:
            given = [ex[k] for ex in ok_examples if len(ex) > k and ex[k].kind == 'text']
            if given:
                full.append(given[0])
            elif a['default_text'] is not None:
                full.append(Arg('text', a['default_text']))
            else:
                return full
        else:
            d = default_arg(fn, k, full)
            if d is None:  # no default a cell can give: an example's value
                given = [ex[k] for ex in ok_examples if len(ex) > k and ex[k].kind == 'num']
                if not given:
                    return full
                d = given[0]
            full.append(d)
    return full


def build_bad_cases(table, core, problems):
    cases = []
    N = lambda v: Arg('num', v)  # noqa: E731

    def add(cls, fn, typed_args, cli_args, outcome, helpers=None, scalar_range=False,
            where=''):
        name = fn['name']
        formula = '=%s(%s)' % (name, ';'.join(typed_args))
        label = '%s: %s%s' % (name, cls, where)
        kind = outcome[0]
        if kind == 'core':
            want = core.eval(fn, cli_args)
            exact = outcome[2]
        else:
            want = Expect(False, code=outcome[1])
            exact = False
        if want.ok and isinstance(want.value, list):
            if scalar_range:
                return  # a range for a single value in an array formula: iterated
            if len(want.value) > 1300:
                return
        cases.append(BadCase(cls, label, fn, formula, want,
                             'calc' if kind == 'calc' else 'addin', exact, helpers))

    for fn in table['functions']:
        args, req = fn['args'], fn['required']
        ok_examples = ok_calls(fn)
        if not ok_examples or len(ok_examples[0]) < req:
            problems.append('%s: no valid call to start from' % fn['name'])
            continue
        full = valid_call(fn, ok_examples)
        base = core.eval(fn, full)
        if not base.ok:
            problems.append('%s: the valid call %s gives %r'
                            % (fn['name'], formula_of(fn['name'], full), base))

        # One argument at a time, the ones before it (and the required
        # ones) valid.
        for k in range(len(full)):
            call = full[:max(k + 1, req)]
            for cls, typed, outcome in bad_inputs(args[k], full[k], fn['result']):
                typed_args = [a.formula() for a in call]
                typed_args[k] = typed
                cli_args = list(call)
                if typed == '' and len(call) == 1 and req > 0:
                    # F() has no argument at all (not one empty one); a
                    # function that requires none (API_MODELS) answers it
                    outcome = ('calc', ERR_PARAMETER_EXPECTED)
                if outcome[0] == 'core':
                    cli_args[k] = outcome[1]
                helpers = [full[k], full[k]] if '{R}' in typed else None
                add(cls, fn, typed_args, cli_args, outcome, helpers,
                    ':' in typed and arg_type(args[k]) in ('D', 'S'),
                    ' for %s (%s)' % (args[k]['name'], arg_type(args[k])))
        n = len(full)
        f = [a.formula() for a in full]
        # Calc counts the arguments when it compiles: Err:504.
        add('too many arguments', fn, f + ['1'], None, ('calc', ERR_PARAMETER_EXPECTED))
        add('too many arguments', fn, f + [bad_ref('div0')], None,
            ('calc', ERR_PARAMETER_EXPECTED))
        for m in range(req - 1):   # (req - 1: `functions`)
            add('too few arguments', fn, f[:m], None, ('calc', ERR_PARAMETER_EXPECTED))
        if req >= 2:
            add('too few arguments', fn, [bad_ref('div0')], None,
                ('calc', ERR_PARAMETER_EXPECTED))
        # Mixed: several bad arguments; the core names the first, Calc's own
        # errors come from the last argument that has one.
        nums = [k for k in range(n) if not args[k]['text']]
        if nums:
            for v in ('-1', '1E308'):
                t, c = list(f), list(full)
                for k in nums:
                    t[k], c[k] = v, N(v)
                add('mixed', fn, t, c, ('core', None, True))
        if len(nums) >= 2:
            t, c = list(f), list(full)
            t[nums[0]], c[nums[0]] = bad_ref('nan'), N('nan')
            t[nums[1]], c[nums[1]] = '-1', N('-1')
            add('mixed', fn, t, c, ('core', None, True))
            t, c = list(f), list(full)
            t[nums[0]], c[nums[0]] = bad_ref('inf'), N('inf')
            t[nums[-1]], c[nums[-1]] = '"abc"', Arg('text', 'abc')
            if arg_type(args[nums[-1]]) in ('A', 'R'):
                add('mixed', fn, t, c, ('core', None, arg_type(args[nums[-1]]) == 'A'))
        if arg_type(args[0]) in ('D', 'R') and n >= 2:
            t = list(f)
            t[0], t[-1] = '"abc"', bad_ref('div0')
            add('mixed', fn, t, None, ('calc', ERR_DIV_ZERO))
            t = list(f)
            t[0], t[-1] = bad_ref('div0'), bad_ref('na')
            add('mixed', fn, t, None, ('calc', ERR_NOT_AVAILABLE))
            t = list(f)
            t[0], t[-1] = bad_ref('na'), bad_ref('numerr')
            add('mixed', fn, t, None, ('calc', ERR_ILLEGAL_FP))
        # (Text in a required double is Calc's #VALUE!, found first: Calc
        # reads the arguments from the last; in an array argument it is
        # passed on, and the error cell before it wins.)
        if req >= 2 and arg_type(args[req - 1]) in ('D', 'R'):
            t = list(f[:req])
            t[0], t[req - 1] = bad_ref('div0'), '"abc"'
            add('mixed', fn, t, None, ('calc', ERR_NO_VALUE if arg_type(args[req - 1]) == 'D'
                                       else ERR_DIV_ZERO))
    return cases


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


def silent_zeros(sheet, cases):
    """Error expected, a plain number (0 above all) found."""
    out = []
    for c in cases:
        if c.expect.ok:
            continue
        cell = sheet.getCellByPosition(0, c.row)
        if not cell.getError() and cell.getFormula() != '':
            out.append('%s %s: silent %r where %s is due' % (
                c.label, c.formula(c.row), cell.getValue(), err_name(c.expect.code)))
    return out


def still_responsive(office, core, table):
    """After the sheet: soffice alive, a new document computes 1+1 and an
    ftcost call."""
    failures = []
    if office.proc.poll() is not None:
        return ['soffice exited (%r)' % office.proc.returncode]
    try:
        doc = office.new_calc()
        cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
        cell.setFormula('=1+1')
        if cell.getError() or cell.getValue() != 2.0:
            failures.append('a new document computes 1+1 = %r' % cell.getString())
        fn = next(f for f in table['functions'] if f['result'] == 'number')
        call = [Arg.parse(t) for t in fn['examples'][0]['args'].split(';')]
        want = core.eval(fn, call)
        cell.setFormula(formula_of(fn['name'], call))
        got = Expect(False, code=cell.getError()) if cell.getError() else \
            Expect(True, cell.getValue())
        if not (got == want):
            failures.append('after the sheet %s gives %r, want %r'
                            % (formula_of(fn['name'], call), got, want))
        doc.close(True)
    except Exception as e:  # a dead bridge, mostly
        failures.append('soffice does not respond after the sheet: %s' % e)
    return failures


# ---------------------------------------------------------------------------
# LibreOffice

def place_cases(sheet, cases, use_formula=True, after=None):
    """Writes every case's formula (arrays as array formulas) from row 0
    down, its helper cells (numbers, or Args) in column J; calls
    after(case) once a case's formula is in."""
    row = 0
    for c in cases:
        c.row = row
        for i, h in enumerate(c.helpers):
            cell = sheet.getCellByPosition(9, row + i)
            if isinstance(h, Arg) and h.kind == 'text':
                cell.setString(h.value)
            else:
                cell.setValue(float(h.value if isinstance(h, Arg) else h))
        if c.is_array:
            rows, cols = len(c.expect.value), len(c.expect.value[0])
            rng = sheet.getCellRangeByPosition(0, row, cols - 1, row + rows - 1)
            rng.setArrayFormula(c.formula(row))
            row += rows + 1
        else:
            if use_formula:
                sheet.getCellByPosition(0, row).setFormula(c.formula(row))
            row += max(1, len(c.helpers)) + (1 if c.helpers else 0)
        if after is not None:
            after(c)


def cell_result(cell):
    code = cell.getError()
    if code:
        return Expect(False, code=code)
    from com.sun.star.table.CellContentType import TEXT  # noqa: F401
    return None


def check_cases(sheet, cases, where):
    """Compares every case's cells with its expectation; returns failures."""
    failures = []
    for c in cases:
        want = c.expect
        if c.is_array:
            rows, cols = len(want.value), len(want.value[0])
            bad = []
            for r in range(rows):
                for k in range(cols):
                    cell = sheet.getCellByPosition(k, c.row + r)
                    code = cell.getError()
                    text = isinstance(want.value[r][k], str)   # API_MODELS' column
                    got = err_name(code) if code else (cell.getString() if text
                                                       else cell.getValue())
                    if code or not close_enough(got, want.value[r][k]):
                        bad.append('(%d,%d): got %r want %r' % (r, k, got, want.value[r][k]))
            # nothing may spill beyond the expected shape
            below = sheet.getCellByPosition(0, c.row + rows)
            if below.getFormula() != '':
                bad.append('cell below the array is %r' % below.getFormula())
            if bad:
                failures.append('%s: %s %s: %s' % (where, c.label, c.formula(c.row),
                                                    '; '.join(bad[:5])))
            continue
        cell = sheet.getCellByPosition(0, c.row)
        code = cell.getError()
        if not want.ok:
            if code != want.code:
                got = err_name(code) if code else repr(cell.getString())
                failures.append('%s: %s %s: got %s, want %s %s' % (
                    where, c.label, c.formula(c.row), got, err_name(want.code), want.why))
            continue
        if code:
            failures.append('%s: %s %s: got %s, want %r' % (
                where, c.label, c.formula(c.row), err_name(code), want.value))
            continue
        got = cell.getString() if isinstance(want.value, str) else cell.getValue()
        if not close_enough(got, want.value):
            failures.append('%s: %s %s: got %r, want %r' % (
                where, c.label, c.formula(c.row), got, want.value))
    return failures


def report(failures, what, total):
    for f in failures:
        log('FAIL ' + f)
    if failures:
        log('%s: %d of %d checks failed' % (what, len(failures), total))
        return 1
    log('%s: all %d checks passed' % (what, total))
    return 0


def load_cases(opts):
    with open(opts.table, encoding='utf-8') as f:
        table = json.load(f)
    problems = []
    cases = build_cases(table, Core(opts.cli), problems)
    for p in problems:
        log('FAIL expectation: ' + p)
    if not cases:
        raise HarnessError('no cases built from %s' % opts.table)
    names = {fn['name'] for fn in table['functions']}
    called = {c.fn['name'] for c in cases}
    if names - called:
        problems.append('functions never called: %s' % ', '.join(sorted(names - called)))
    return table, cases, problems


# ---------------------------------------------------------------------------
# Tests

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
    with open(opts.table, encoding='utf-8') as f:
        table = json.load(f)
    with Office(opts) as office:
        office.install()
        office.start()
        doc = office.new_calc()
        failures, checks = run_array_cases(doc, table, Core(opts.cli))
        doc.close(True)
    return report(failures, 'arrays', checks)


def test_badinput(opts):
    """Every function, every argument, every class of bad input (see
    bad_inputs): every cell checked after a full recalculation, the add-in's
    log checked for who answered (the add-in or Calc) and with what
    message, no silent 0 where an error is due, soffice responsive after."""
    with open(opts.table, encoding='utf-8') as f:
        table = json.load(f)
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
        def reached(k):
            return sum(1 for c in by_class[k] if c.reach == 'addin') / len(by_class[k])
        for cls in sorted(by_class, key=lambda k: (-reached(k), k)):
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
            call = [Arg.parse(t) for t in ex['args'].split(';')]
            while call and call[-1].kind == 'empty':
                call.pop()
            templates.append((fn, call))
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
    with open(opts.table, encoding='utf-8') as f:
        table = json.load(f)
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


def read_fods_rows(sheet):
    """(row, call, expected-cell, check-cell) for every row of the
    self-checking sheet whose column D names a call."""
    rows = []
    r = 1
    while True:
        call = sheet.getCellByPosition(3, r).getString()
        if not call:
            break
        rows.append((r, call))
        r += 1
    return rows


def load_stored_names(office, opts):
    """The hand-written .fods of stored names, loaded and recalculated."""
    fods = os.path.join(opts.data, 'ftcost-stored-names.fods')
    with open(fods, encoding='utf-8') as f:
        path = office.put('stored-names.fods', f.read())
    doc = office.load(path)
    doc.calculateAll()
    return doc, doc.Sheets.getByIndex(0)


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
        core = Core(opts.cli)
        seen = set()
        for r, call in read_fods_rows(sheet):
            total += 1
            parts = call.split('|')
            name, arglist = parts[0], parts[1] if len(parts) > 1 else ''
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
            fn = fns.get(name)
            if fn is None:
                failures.append('fods row %d: unknown function %s' % (r + 1, name))
                continue
            seen.add(name)
            want = core.eval(fn, [Arg.parse(t) for t in arglist.split(';')])
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


def stored_text(path, member_suffix):
    with zipfile.ZipFile(path) as z:
        return ''.join(z.read(n).decode('utf-8', 'replace') for n in z.namelist()
                       if n.endswith(member_suffix))


def test_roundtrip(opts):
    table, cases, problems = load_cases(opts)
    failures = list(problems)
    total = 0
    with Office(opts) as office:
        office.install()
        office.start()
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        place_cases(sheet, cases)
        doc.calculateAll()
        failures += check_cases(sheet, cases, 'before saving')
        total += len(cases)
        saved = {}
        for ext, flt in (('ods', 'calc8'), ('xlsx', 'Calc MS Excel 2007 XML')):
            saved[ext] = os.path.join(office.work, 'roundtrip.' + ext)
            office.store(doc, saved[ext], flt)
        doc.close(True)

        # What the files store: the programmatic names (the contract).
        content = stored_text(saved['ods'], 'content.xml')
        for fn in table['functions']:
            total += 1
            want = 'of:=%s.%s(' % (SERVICE_UPPER, fn['name'])
            if want not in content and ('[.' not in content or
                                        '%s.%s(' % (SERVICE_UPPER, fn['name']) not in content):
                failures.append('.ods does not store %s as %s' % (fn['name'], want))
        sheet_xml = stored_text(saved['xlsx'], 'sheet1.xml')
        for fn in table['functions']:
            total += 1
            if ('%s.%s(' % (SERVICE_UPPER, fn['name'])) not in sheet_xml.upper():
                failures.append('.xlsx does not store %s by its programmatic name' % fn['name'])

        for ext in ('ods', 'xlsx'):
            doc = office.load(saved[ext])
            sheet = doc.Sheets.getByIndex(0)
            doc.calculateAll()
            failures += check_cases(sheet, cases, 'reloaded .' + ext)
            total += len(cases)
            doc.close(True)
    return report(failures, 'roundtrip', total)


def our_frames(stack, lib):
    return [f for f in stack.findall('frame')
            if (f.findtext('obj') or '').endswith(lib)]


def describe(err, lib):
    kind = err.findtext('kind')
    what = err.findtext('what') or err.findtext('xwhat/text') or ''
    frames = []
    for f in err.find('stack').findall('frame'):
        fn = f.findtext('fn') or '?'
        obj = os.path.basename(f.findtext('obj') or '')
        where = f.findtext('file')
        line = f.findtext('line')
        frames.append('    %s (%s%s)' % (fn, obj, ':%s:%s' % (where, line) if where else ''))
    return '%s: %s\n%s' % (kind, what, '\n'.join(frames[:20]))


def valgrind_run(opts, what, body):
    """soffice.bin under valgrind memcheck; body(office) -> (failures,
    checks) drives it; then fails on any error, or definitely lost block,
    whose stack passes through the add-in's shared object."""
    if shutil.which('valgrind') is None:
        log('SKIP valgrind not installed')
        return 77
    lib = 'ftcost.uno.so'
    with Office(opts) as office:
        office.install()
        xml_path = os.path.join(office.work, 'memcheck.xml')
        office.valgrind_xml = xml_path
        t0 = time.time()
        office.start(timeout=900)
        log('soffice under valgrind up in %.0f s' % (time.time() - t0))
        failures, total = body(office)
        t1 = time.time()
        office.terminate(timeout=900)
        log('soffice under valgrind exited after %.0f s (status %r); %.0f s in all'
            % (time.time() - t1, office.proc.returncode, time.time() - t0))
        if office.proc.returncode is None:
            raise HarnessError('soffice under valgrind did not exit')
        try:
            tree = ET.parse(xml_path)
        except (OSError, ET.ParseError) as e:
            raise HarnessError('no usable valgrind report %s: %s' % (xml_path, e))
        root = tree.getroot()
        n_errors = 0
        ours = []
        kinds = {}
        for err in root.findall('error'):
            kind = err.findtext('kind') or ''
            stack = err.find('stack')
            if stack is None:
                continue
            n_errors += 1
            if not our_frames(stack, lib):
                continue
            if kind.startswith('Leak_') and kind != 'Leak_DefinitelyLost':
                continue
            kinds[kind] = kinds.get(kind, 0) + 1
            ours.append(describe(err, lib))
        log('valgrind reported %d errors and definite leaks in all of soffice, %d through %s%s'
            % (n_errors, len(ours), lib,
               ' (%s)' % ', '.join('%s %d' % kv for kv in sorted(kinds.items())) if kinds else ''))
        failures += ours
    return report(failures, what, total + 1)


def valgrind_fods(office, opts):
    doc, sheet = load_stored_names(office, opts)
    failures = []
    rows = read_fods_rows(sheet)
    for r, call in rows:
        check = sheet.getCellByPosition(2, r)
        if check.getError() or check.getValue() != 1.0:
            failures.append('row %d %s: check cell %r' % (r + 1, call, check.getString()))
    doc.close(True)
    # Without results the run proves nothing: the add-in must have
    # computed the sheet under valgrind.
    if not rows:
        failures.append('the .fods has no calls')
    return failures, len(rows)


def test_valgrind(opts):
    return valgrind_run(opts, 'valgrind', lambda office: valgrind_fods(office, opts))


def test_valgrind_full(opts):
    """The .fods, the sheet of `functions`, the sheet of `badinput` and the
    array cases, computed by soffice.bin under memcheck."""
    table, cases, problems = load_cases(opts)
    core = Core(opts.cli)
    # A whole column is an array of 1 048 576 cells for each such call
    # (array arguments): e2e-badinput checks them; under memcheck they
    # would take hours.
    bad = [c for c in build_bad_cases(table, core, problems) if 'whole column' not in c.label]
    failures = ['expectation: ' + p for p in problems]

    def body(office):
        total = 0
        f, n = valgrind_fods(office, opts)
        failures.extend(f)
        total += n
        for what, cs, helpers in (('functions', cases, False), ('badinput', bad, True)):
            t0 = time.time()
            doc = office.new_calc()
            sheet = doc.Sheets.getByIndex(0)
            if helpers:
                place_bad_helpers(sheet)
            place_cases(sheet, cs)
            doc.calculateAll()
            failures.extend(check_cases(sheet, cs, what + ' under valgrind'))
            if helpers:
                failures.extend('SILENT ' + s for s in silent_zeros(sheet, cs))
            total += len(cs)
            doc.close(True)
            log('%s: %d calls placed, computed and checked under valgrind in %.0f s'
                % (what, len(cs), time.time() - t0))
        t0 = time.time()
        doc = office.new_calc()
        f, n = run_array_cases(doc, table, core)
        failures.extend(f)
        total += n
        doc.close(True)
        log('arrays: computed and checked under valgrind in %.0f s' % (time.time() - t0))
        failures.extend(still_responsive(office, core, table))
        return failures, total + 1

    return valgrind_run(opts, 'valgrind-full', body)


def test_valgrind_arrays(opts):
    """The array cases of `functions` under memcheck (part of valgrind-full:
    a quicker check by hand)."""
    with open(opts.table, encoding='utf-8') as f:
        table = json.load(f)

    def body(office):
        doc = office.new_calc()
        failures, checks = run_array_cases(doc, table, Core(opts.cli))
        doc.close(True)
        return failures, checks

    return valgrind_run(opts, 'valgrind-arrays', body)


def test_addin(opts):
    """What Calc reads from the add-in: the library not loaded until a
    function is used; XAddIn answers in en/de/fr (from the table: the JSON
    the generator wrote), XServiceName, XServiceInfo, XTypeProvider,
    XCompatibilityNames; Calc's own function list (category, argument names,
    optional flags, help); calls through FunctionAccess."""
    import uno
    from com.sun.star.lang import Locale
    with open(opts.table, encoding='utf-8') as f:
        table = json.load(f)
    failures = []
    total = 0

    def expect(what, got, want):
        nonlocal total
        total += 1
        if got != want:
            failures.append('%s: got %r, want %r' % (what, got, want))

    # Lazy loading: Calc must not load the add-in's library with the office
    # or with a sheet that does not use it (only CalcAddIns.xcu is read),
    # and must load it for the first call.
    with Office(opts) as office:
        office.install()
        office.start()
        pid = soffice_bin_pid(office)
        doc = office.new_calc()
        cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
        cell.setFormula('=1+SUM(2;3)')
        doc.calculateAll()
        expect('native formula computed', cell.getValue(), 6.0)
        expect('ftcost.uno.so loaded with a sheet that does not use it',
               pid is not None and library_mapped(pid, 'ftcost.uno.so'), False)
        cell.setFormula('=FT_TCO(200;3000;320;1;18)')
        expect('first FT_TCO call', (cell.getError(), cell.getValue()), (0, 1224800.0))
        expect('ftcost.uno.so loaded by the first call',
               pid is not None and library_mapped(pid, 'ftcost.uno.so'), True)
        doc.close(True)

    with Office(opts) as office:
        office.install()
        office.start()
        smgr = office.ctx.ServiceManager
        # Calc's function list, as the Function Wizard shows it (UI: en-US),
        # before anything loaded the component: Calc has the functions from
        # CalcAddIns.xcu and loads the component for their argument types
        # (ScFuncDesc::initArgumentInfo), so the optional flags are right.
        descs = smgr.createInstanceWithContext('com.sun.star.sheet.FunctionDescriptions',
                                               office.ctx)
        by_name = {}
        for i in range(descs.getCount()):
            d = {p.Name: p.Value for p in descs.getByIndex(i)}
            by_name[d.get('Name')] = d
        FINANCIAL = 3  # com.sun.star.sheet.FunctionCategory.FINANCIAL
        for fn in table['functions']:
            d = by_name.get(fn['name'])
            if d is None:
                failures.append('Calc does not list %s' % fn['name'])
                total += 1
                continue
            expect(fn['name'] + ' category', d['Category'], FINANCIAL)
            expect(fn['name'] + ' description', d['Description'], fn['description']['en'])
            got = [(a.Name, a.IsOptional, a.Description) for a in d['Arguments']]
            want = [(a['names']['en'], a['optional'], a['help']['en']) for a in fn['args']]
            expect(fn['name'] + ' arguments', got, want)

        obj = smgr.createInstanceWithContext(table['service'], office.ctx)
        if obj is None:
            raise HarnessError('cannot create %s' % table['service'])
        expect('getServiceName', obj.getServiceName(), table['service'])
        expect('supportsService(AddIn)', obj.supportsService('com.sun.star.sheet.AddIn'), True)
        expect('supportsService(%s)' % table['service'], obj.supportsService(table['service']),
               True)
        expect('supportsService(other)', obj.supportsService('com.sun.star.sheet.Other'), False)
        expect('getSupportedServiceNames', sorted(obj.getSupportedServiceNames()),
               sorted(['com.sun.star.sheet.AddIn', table['service']]))
        types = {t.typeName for t in obj.getTypes()}
        for t in ('com.sun.star.sheet.XAddIn', 'com.sun.star.lang.XServiceName',
                  'com.sun.star.lang.XServiceInfo', 'com.sun.star.sheet.XCompatibilityNames',
                  'org.ftcost.XFunctions'):
            expect('getTypes has %s' % t, t in types, True)
        for lang, country in (('en', 'US'), ('de', 'DE'), ('fr', 'FR')):
            obj.setLocale(Locale(lang, country, ''))
            loc = obj.getLocale()
            expect('getLocale', (loc.Language, loc.Country), (lang, country))
            for fn in table['functions']:
                m = fn['method']
                w = '%s %s' % (lang, fn['name'])
                expect(w + ' getProgrammaticFuntionName',
                       obj.getProgrammaticFuntionName(fn['name']), m)
                expect(w + ' getDisplayFunctionName', obj.getDisplayFunctionName(m), fn['name'])
                expect(w + ' getFunctionDescription', obj.getFunctionDescription(m),
                       fn['description'][lang])
                expect(w + ' getProgrammaticCategoryName',
                       obj.getProgrammaticCategoryName(m), 'Financial')
                expect(w + ' getDisplayCategoryName', obj.getDisplayCategoryName(m),
                       'Financial')
                for i, a in enumerate(fn['args']):
                    expect('%s arg %d name' % (w, i), obj.getDisplayArgumentName(m, i),
                           a['names'][lang])
                    expect('%s arg %d help' % (w, i), obj.getArgumentDescription(m, i),
                           a['help'][lang])
                expect(w + ' arg out of range', obj.getDisplayArgumentName(m, len(fn['args'])),
                       '')
                # none: .xlsx then stores the programmatic name in 7.4 and 25.2
                names = obj.getCompatibilityNames(m)
                expect(w + ' getCompatibilityNames', list(names), [])
        expect('unknown function', obj.getDisplayFunctionName('no_such_function'), '')

        # XFunctions called directly: results, #N/A (void), errors
        # (IllegalArgumentException with the core's message, the argument's
        # position and the add-in as context).
        from com.sun.star.lang import IllegalArgumentException
        core = Core(opts.cli)
        for fn in table['functions']:
            method = getattr(obj, fn['method'])
            ex = fn['examples'][0]
            base = [Arg.parse(t) for t in ex['args'].split(';')][:fn['required']]
            for label, call in (('example', base),
                                ('negative first argument', [num(-1)] + base[1:])):
                if any(a.kind != 'num' for a in call) or (call and fn['args'][0]['text']):
                    continue
                want = core.eval(fn, call)
                # (a required number declared as an array: a 1 x 1 one)
                py_args = [((float(a.value),),) if fn['args'][i]['uno_type'] == 'array'
                           else float(a.value) for i, a in enumerate(call)]
                py_args += [None] * (len(fn['args']) - len(py_args))
                what = '%s.%s %s' % (table['service'], fn['method'], label)
                total += 1
                try:
                    got = method(*py_args)
                except IllegalArgumentException as e:
                    if want.ok or want.code != ERR_ILLEGAL_ARGUMENT:
                        failures.append('%s: raised %r, want %r' % (what, e.Message, want))
                    elif 'Err:502: ' + e.Message != want.why:
                        failures.append('%s: message %r, the core says %r'
                                        % (what, e.Message, want.why))
                    elif e.ArgumentPosition != 0:
                        failures.append('%s: ArgumentPosition %d, want 0'
                                        % (what, e.ArgumentPosition))
                    elif e.Context is None or e.Context.getServiceName() != table['service']:
                        failures.append('%s: the exception has no add-in context' % what)
                    continue
                if not want.ok:
                    if not (want.code == ERR_NOT_AVAILABLE and got is None):
                        failures.append('%s: got %r, want %r' % (what, got, want))
                elif isinstance(want.value, list):
                    if not (Expect(True, [list(r) for r in got]) == want):
                        failures.append('%s: got %r, want %r' % (what, got, want))
                elif not close_enough(got, want.value):
                    failures.append('%s: got %r, want %r' % (what, got, want.value))

        # Arrays passed directly: element by element, a bad element a NaN
        # carrying Calc's error code (Err:502) in its low bits; arrays
        # Calc never sends (ragged, empty, a nested sequence) refused.
        import struct
        tco = getattr(obj, 'ft_tco')
        fixed = (3000.0, 320.0, 1.0, 18.0)
        total += 1
        got = uno.invoke(obj, 'ft_tco', (((0.0,), (200.0,), (-1.0,)),
                                         *[((x,),) for x in fixed], None,
                                         uno.Any('[][]any', ((6.0, 24.0),))))
        ft_tco = next(f for f in table['functions'] if f['name'] == 'FT_TCO')
        want = [[core.eval(ft_tco, [num(t)] + [num(x) for x in fixed] + [num(150), num(h)])
                 for h in (6, 24)] for t in (0, 200, -1)]
        cells = [[(struct.unpack('<Q', struct.pack('<d', x))[0] & 0xffffffff
                   if math.isnan(x) else x) for x in row] for row in got]
        if not (len(cells) == 3 and all(len(r) == 2 for r in cells)
                and all(close_enough(cells[r][k], want[r][k].value) for r in range(2)
                        for k in range(2))
                and cells[2] == [ERR_ILLEGAL_ARGUMENT, ERR_ILLEGAL_ARGUMENT]
                and not want[2][0].ok):
            failures.append('ft_tco with a 3x1 and a 1x2 array: got %r, want %r' % (cells, want))
        for label, bad in (('ragged', ((1.0,), (1.0, 2.0))), ('empty', ()),
                           ('nested', (((1.0,),),))):
            total += 1
            try:
                got = tco(bad, *[((x,),) for x in fixed], None, None)
                failures.append('ft_tco with a %s array: got %r, want Err:502' % (label, got))
            except IllegalArgumentException:
                pass
            except Exception as e:   # noqa: BLE001 - what pyuno makes of it
                if label != 'nested':
                    failures.append('ft_tco with a %s array: %r' % (label, e))

        # FunctionAccess: the add-in called through the API, by display name.
        fa = smgr.createInstanceWithContext('com.sun.star.sheet.FunctionAccess', office.ctx)
        for fn in table['functions']:
            for ex in fn['examples']:
                call = [Arg.parse(t) for t in ex['args'].split(';')]
                while call and call[-1].kind == 'empty':
                    call.pop()
                if any(a.kind != 'num' for a in call):
                    continue
                want = core.eval(fn, call)
                what = 'FunctionAccess %s(%s)' % (fn['name'], ex['args'])
                total += 1
                try:
                    got = fa.callFunction(fn['name'], tuple(float(a.value) for a in call))
                except Exception as e:  # Calc reports every error this way
                    if want.ok:
                        failures.append('%s: raised %s' % (what, e))
                    continue
                if not want.ok:
                    # FunctionAccess answers #N/A with a void result.
                    if not (want.code == ERR_NOT_AVAILABLE and got is None):
                        failures.append('%s: got %r, want %r' % (what, got, want))
                elif isinstance(want.value, list):
                    rows = [list(r) for r in got]
                    if not (Expect(True, rows) == want):
                        failures.append('%s: got %r, want %r' % (what, rows, want))
                elif not close_enough(got, want.value):
                    failures.append('%s: got %r, want %r' % (what, got, want.value))
    return report(failures, 'addin', total)


TESTS = {
    'addin': test_addin,
    'functions': test_functions,
    'arrays': test_arrays,
    'names': test_names,
    'roundtrip': test_roundtrip,
    'badinput': test_badinput,
    'soak': test_soak,
    'valgrind': test_valgrind,
    'valgrind-full': test_valgrind_full,
    'valgrind-arrays': test_valgrind_arrays,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('test', choices=sorted(TESTS))
    add_harness_arguments(ap)
    opts = ap.parse_args()
    return run_harness(opts, (opts.oxt, opts.cli, opts.table, opts.install),
                       lambda o: TESTS[o.test](o))


if __name__ == '__main__':
    sys.exit(main())
