"""odsvalid: which add-in argument each input of a template feeds, and the
values its domain allows (the function table's "limits", from the
catalogue), for odsgen's validity rules."""
import re

def arg_interval(arg):
    """An argument's domain as the table gives it (its "limits", from the
    catalogue): (low, low included, high, high included, whole numbers
    only), None for text."""
    lim = arg.get('limits')
    if not lim:
        return None
    return (lim['low'], lim['low_included'], lim['high'], lim['high_included'], lim['whole'])


def intersect(a, b):
    lo, lo_in, hi, hi_in, whole = a
    if b[0] is not None and (lo is None or b[0] > lo or (b[0] == lo and not b[1])):
        lo, lo_in = b[0], b[1]
    if b[2] is not None and (hi is None or b[2] < hi or (b[2] == hi and not b[3])):
        hi, hi_in = b[2], b[3]
    return (lo, lo_in, hi, hi_in, whole or b[4])


_CALL_RE = re.compile(r'ORG\.FTCOST\.FUNCTIONS\.([A-Z0-9_]+)\(')


def _call_args(formula, start):
    """The top-level arguments of the call whose '(' is at formula[start-1]."""
    args, depth, cur, quoted = [], 0, '', False
    for ch in formula[start:]:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in '([{':
            depth += 1
        elif not quoted and ch in ')]}':
            if depth == 0:
                args.append(cur.strip())
                return args
            depth -= 1
        elif not quoted and ch == ';' and depth == 0:
            args.append(cur.strip())
            cur = ''
            continue
        cur += ch
    return args


def fed_domains(formulas, table):
    """name or [.A1] reference -> the intervals of the add-in arguments it is
    passed to directly, in a list of formulas in ODF form (of:=...)."""
    fed = {}
    for f in formulas:
        for m in _CALL_RE.finditer(f):
            fn = table.get(m.group(1))
            if fn is None:
                continue
            for i, arg in enumerate(_call_args(f, m.end())):
                if i < len(fn['args']) and arg_interval(fn['args'][i]) is not None:
                    fed.setdefault(arg, []).append((fn['name'], fn['args'][i]['name'],
                                                    arg_interval(fn['args'][i])))
    return fed
