"""The cases of ftcost's end-to-end tests, built from the function table
(the JSON addin/ftcost-uno-gen.c writes: build/addin/ftcost-table.json),
and how they are placed on a sheet and checked.  Each suite is a script of
its own (addin_e2e.py, functions_e2e.py, names_e2e.py, roundtrip_e2e.py,
badinput_e2e.py, soak_e2e.py, valgrind_e2e.py; threads_e2e.py, and
share_e2e.py in tests/share); the classes of bad input are in
e2e_bad_cases.py, LibreOffice itself (the profile, soffice, the process)
in lo_harness.py.

Expected values come from the real core: the `ftcost` command (which prints
%.17g, arrays as tab-separated rows; errors on stderr, exit 2 for Err:502,
3 for #N/A) and the worked examples of the table; they are compared with a
relative tolerance of 1e-12.  The only expectations that are Calc's own are
#VALUE! (text for a required number) and Err:504 (too few arguments), and
in `badinput` Calc's answers to errors, ranges and empty parameters it never
hands the add-in (see e2e_bad_cases.bad_inputs).

Every suite script takes the options of lo_harness.add_harness_arguments
(--oxt OXT --cli FTCOST --table TABLE.json --install INSTALL-PROFILE.SH
[--program DIR] [--data DIR]).  The extension is installed into a
throwaway profile with packaging/install-profile.sh; soffice runs as
nobody when we are root; it is always killed at the end.  Needs a python3
with the `uno` module (python3-uno: /usr/bin/python3 on Debian).  Exit
status: 0 pass, 1 fail, 77 skipped (meson's convention), 99 harness error.
"""

import argparse
import json
import math
import os
import subprocess
import time

from lo_harness import (ERR_ILLEGAL_ARGUMENT, ERR_NOT_AVAILABLE, ERR_NO_VALUE,
                        ERR_PARAMETER_EXPECTED, HarnessError, add_harness_arguments,
                        close_enough, err_name, log, run_harness)

SERVICE_UPPER = 'ORG.FTCOST.FUNCTIONS'


class Arg:
    """One argument of a call: a number (as typed), a text, or empty."""

    def __init__(self, kind, value=''):
        self.kind = kind      # 'num', 'text', 'empty'
        self.value = value    # the string as typed

    @staticmethod
    def from_table(v):
        """One argument of a worked example as the table carries it, parsed
        by the core (ftc_arg_list_parse): a number keeps its text as typed."""
        if v['kind'] == 'omitted':
            return Arg('empty')
        if v['kind'] == 'text':
            return Arg('text', v['text'])
        return Arg('num', v['typed'])

    def formula(self):
        if self.kind == 'text':
            return '"%s"' % self.value.replace('"', '""')
        return self.value if self.kind == 'num' else ''

    def cli(self):
        return '' if self.kind == 'empty' else self.value


def num(x):
    return Arg('num', repr(float(x)) if not float(x).is_integer() else '%d' % x)


def typed_args(args):
    return ';'.join(a.formula() for a in args)


def formula_of(name, args):
    return '=%s(%s)' % (name, typed_args(args))


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


def example_args(ex, trim=True):
    """The arguments of a worked example (the table's `values`), trailing
    empty ones left out unless not `trim`."""
    call = [Arg.from_table(v) for v in ex['values']]
    while trim and call and call[-1].kind == 'empty':
        call.pop()
    return call


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


# A value out of each domain of numbers (Err:502 in the core): a wrong
# sign, a fraction above 1, a fraction where a whole number is due.
BAD_VALUES = {'non_negative': -1, 'positive': -1, 'above_minus_1': -1,
              'fraction': 1.5, 'fraction_below_1': 1.5, 'fraction_above_0': 1.5,
              'whole_months': 0.5, 'whole_non_negative': 0.5, 'at_least_1': 0.5}


def bad_value(a):
    """An Arg out of argument a's domain; None for a text."""
    if a['text']:
        return None
    if a['domain'] not in BAD_VALUES:
        raise HarnessError('no value out of the domain %s: add one to BAD_VALUES'
                           % a['domain'])
    return num(BAD_VALUES[a['domain']])


def build_cases(table, core, problems):
    """Every call the sheet makes.  `problems` collects disagreements between
    the command and the table (the expectations themselves)."""
    cases = []
    for fn in table['functions']:
        name, args, req = fn['name'], fn['args'], fn['required']
        ok_examples = []
        for i, ex in enumerate(fn['examples']):
            call = example_args(ex)
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
            bad = bad_value(a)
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


def ok_calls(fn):
    """The arguments of fn's worked examples that succeed (trailing empty
    ones left out)."""
    return [example_args(ex) for ex in fn['examples'] if ex['status'] == 'ok']


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


# ---------------------------------------------------------------------------
# Placing cases on a sheet and checking their cells

def place_cases(sheet, cases, after=None):
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
            sheet.getCellByPosition(0, row).setFormula(c.formula(row))
            row += max(1, len(c.helpers)) + (1 if c.helpers else 0)
        if after is not None:
            after(c)


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


# ---------------------------------------------------------------------------
# Array arguments ("Array arguments" in FUNCTIONS.md): every function that
# returns a number, its first and last number arguments given as a column
# range (and a row range against it), an inline column, an inline row, a
# column against a row (a grid), a column with one bad element, and two
# columns and two rows of lengths that cannot pair; each call placed as an
# array formula, inside SUMPRODUCT, SUM and INDEX and in a plain cell (the
# first element), every element compared with the command's scalar result.
# (In the formula grammar of the API, an inline array's columns are
# separated by ';' and its rows by '|'.)

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
        call = example_args(fn['examples'][0], trim=False)
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


def load_table(opts):
    with open(opts.table, encoding='utf-8') as f:
        return json.load(f)


def load_cases(opts):
    table = load_table(opts)
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
# The stored-names fixture (ftcost-stored-names.fods, written by
# make-stored-names-fods.py): loaded by `names` and the valgrind tests.
# Its column D names each row's call as FUNCTION|ARGUMENTS[|ROW,COLUMN]:
# a worked example's `args`, or one of these calls beyond them.

FT_TCO_CALL = [num(x) for x in (200, 3000, 320, 1, 18)]
STORED_EXTRA_CALLS = [
    ('FT_TCO', FT_TCO_CALL + [Arg('empty'), num(24)]),   # an empty parameter
    ('FT_TCO', FT_TCO_CALL + [Arg('text', 'abc')]),      # text for an optional number
    ('FT_TCO', FT_TCO_CALL),          # the stored array formula's total
]


def stored_calls(table):
    """{FUNCTION|ARGUMENTS: (function, [Arg])} for every call the fixture
    may name."""
    fns = {fn['name']: fn for fn in table['functions']}
    calls = {'%s|%s' % (fn['name'], ex['args']): (fn, example_args(ex, trim=False))
             for fn in table['functions'] for ex in fn['examples']}
    for name, args in STORED_EXTRA_CALLS:
        calls['%s|%s' % (name, typed_args(args))] = (fns[name], args)
    return calls


def read_fods_rows(sheet):
    """(row, call) for every row of the self-checking sheet whose column D
    names a call."""
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


def main(doc, tests):
    """The command line of a suite script: `tests` maps a name to a
    function(opts) -> exit status; the first runs unless another is named
    (valgrind_e2e.py fods)."""
    ap = argparse.ArgumentParser(description=doc.split('\n')[0])
    names = list(tests)
    if len(names) > 1:
        ap.add_argument('test', nargs='?', choices=names, default=names[0])
    add_harness_arguments(ap)
    opts = ap.parse_args()
    test = tests[getattr(opts, 'test', names[0])]
    return run_harness(opts, (opts.oxt, opts.cli, opts.table, opts.install), test)
