"""Bad input for ftcost's end-to-end tests (`badinput`, and
`valgrind-full`): every function, every argument, every class of bad
value, each call with what Calc or the add-in must answer (expectations
from the `ftcost` command, or Calc's own).  See e2e_cases.py for the rest.
"""

from e2e_cases import Arg, Case, Expect, formula_of, ok_calls, valid_call
from lo_harness import (ERR_DIV_ZERO, ERR_ILLEGAL_ARGUMENT, ERR_ILLEGAL_FP, ERR_NOT_AVAILABLE,
                        ERR_NO_VALUE, ERR_PARAMETER_EXPECTED, err_name)


# ---------------------------------------------------------------------------
# Bad input (`badinput`): every function, every argument, every class of
# bad value.  What Calc does with each class (LibreOffice 7.4, observed in
# the add-in's log and kept true by the probe in badinput_e2e.py):
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

