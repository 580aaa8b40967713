#!/usr/bin/env python3
"""The built templates (.ots) as a user meets them, read from their XML (no
LibreOffice needed):
  - every input cell (an unlocked cell, styled as input) has a validity rule
    that stops a bad value with an error message;
  - an input passed straight to an add-in function (by its name or as a
    reference) allows exactly the values of that argument's domain in the
    function table (its "limits", from the catalogue), of every argument it
    is passed to (the intersection), whole numbers where the domain wants
    them; its message names the limits;
  - the document's language is the template's (the default cell style's
    fo:language/fo:country), so a German template is not spell-checked as
    English;
  - no tracker words ("issue 13") in any text.

usage: check-inputs.py --table ftcost-table.json [--lang de] TEMPLATE.ots...
Exit 0 when all hold, 1 otherwise (each problem printed).
"""
import argparse
import json
import re
import sys
import zipfile
import os
import xml.etree.ElementTree as ET

# a formula's top-level arguments, split as the template builder splits them
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'templates'))
from odsvalid import _call_args as top_args  # noqa: E402

NS = {
    'office': 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
    'style': 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
    'table': 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
    'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
    'fo': 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
}
OPEN_STEP = 1e-6       # an open bound of a closed "between" moves inward at most this
CALL = re.compile(r'ORG\.FTCOST\.FUNCTIONS\.([A-Z0-9_]+)\(', re.I)
TRACKER = re.compile(r'\bissue\s*#?\d', re.I)
LANGUAGES = {'en': ('en', 'US'), 'de': ('de', 'DE'), 'fr': ('fr', 'FR')}


def q(tag):
    p, t = tag.split(':')
    return '{%s}%s' % (NS[p], t)


def col_letters(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def interval(arg):
    lim = arg.get('limits')
    if not lim:
        return None
    return [lim['low'], lim['low_included'], lim['high'], lim['high_included'], lim['whole']]


def intersect(a, b):
    lo, lo_in, hi, hi_in, whole = a
    if b[0] is not None and (lo is None or b[0] > lo or (b[0] == lo and not b[1])):
        lo, lo_in = b[0], b[1]
    if b[2] is not None and (hi is None or b[2] < hi or (b[2] == hi and not b[3])):
        hi, hi_in = b[2], b[3]
    return [lo, lo_in, hi, hi_in, whole or b[4]]


def rule_allows(cond):
    """A validity condition as (low, low included, high, high included, whole)."""
    whole = 'cell-content-is-whole-number()' in cond
    m = re.search(r'cell-content-is-between\(([-0-9.eE+]+)[;,]([-0-9.eE+]+)\)', cond)
    if m:
        return [float(m.group(1)), True, float(m.group(2)), True, whole]
    m = re.search(r'cell-content\(\)\s*(>=|>)\s*([-0-9.eE+]+)', cond)
    if m:
        return [float(m.group(2)), m.group(1) == '>=', None, False, whole]
    return None


def same_interval(rule, want):
    """Closed bounds equal; an open one approached from inside (a closed
    rule within OPEN_STEP of it, or the same open bound)."""
    if rule is None or rule[4] != want[4]:
        return False
    for (r, r_in), (w, w_in), sign in (((rule[0], rule[1]), (want[0], want[1]), 1),
                                        ((rule[2], rule[3]), (want[2], want[3]), -1)):
        if (r is None) != (w is None):
            return False
        if w is None:
            continue
        if w_in and not (r_in and r == w):
            return False
        if not w_in and not ((not r_in and r == w) or (r_in and 0 < sign * (r - w) <= OPEN_STEP * 1.001)):
            return False
    return True


def cells(sheet):
    """(address, element) of every real cell of a table."""
    row = 0
    for tr in sheet.iter(q('table:table-row')):
        rrep = int(tr.get(q('table:number-rows-repeated'), '1'))
        col = 0
        for tc in tr:
            if tc.tag not in (q('table:table-cell'), q('table:covered-table-cell')):
                continue
            crep = int(tc.get(q('table:number-columns-repeated'), '1'))
            if tc.tag == q('table:table-cell') and rrep == 1 and crep == 1:
                yield col_letters(col) + str(row + 1), tc
            col += crep
        row += rrep


def check(path, table, lang, problems):
    with zipfile.ZipFile(path) as z:
        content = ET.fromstring(z.read('content.xml'))
        styles = ET.fromstring(z.read('styles.xml'))
        meta = z.read('meta.xml').decode()
    name = path.rsplit('/', 1)[-1]

    def bad(msg):
        problems.append('%s: %s' % (name, msg))

    # the document's language
    want_lang = LANGUAGES[lang]
    default = styles.find('.//style:default-style[@style:family="table-cell"]/style:text-properties', NS)
    got = (default.get(q('fo:language')), default.get(q('fo:country'))) if default is not None else None
    if got != want_lang:
        bad('the cells\' language is %s, want %s-%s' % (got, *want_lang))

    # tracker words anywhere a user reads
    texts = [meta] + [t for t in content.itertext()] + [t for t in styles.itertext()]
    for t in texts:
        if TRACKER.search(t):
            bad('tracker words in %r' % t[:120])

    # validity rules
    rules = {}
    for v in content.iter(q('table:content-validation')):
        msg = v.find('table:error-message', NS)
        shown = msg is not None and msg.get(q('table:display')) == 'true'
        text = ''.join(msg.itertext()) if msg is not None else ''
        rules[v.get(q('table:name'))] = (v.get(q('table:condition'), ''), shown, text,
                                         msg.get(q('table:message-type')) if msg is not None else None)
    auto_parent = {s.get(q('style:name')): s.get(q('style:parent-style-name'))
                   for s in content.iter(q('style:style'))}
    names = {}
    for nr in content.iter(q('table:named-range')):
        m = re.fullmatch(r"\$?'?(.+?)'?\.\$?([A-Z]+)\$?([0-9]+)", nr.get(q('table:cell-range-address')))
        if m:
            names[nr.get(q('table:name'))] = (m.group(1).replace("''", "'"), m.group(2) + m.group(3))
    fed = {}       # (sheet, A1) -> [(function, argument, interval)]
    inputs = {}    # (sheet, A1) -> validation name
    values = {}
    for sheet in content.iter(q('table:table')):
        sname = sheet.get(q('table:name'))
        for a1, tc in cells(sheet):
            st = tc.get(q('table:style-name'), '')
            st = auto_parent.get(st) or st
            if re.search(r'ftcost(_20_| )input', st):
                inputs[(sname, a1)] = tc.get(q('table:content-validation-name'))
                values[(sname, a1)] = tc.get(q('office:value-type'))
            f = tc.get(q('table:formula'))
            if not f:
                continue
            for m in CALL.finditer(f):
                fn = table.get(m.group(1).upper())
                for i, arg in enumerate(top_args(f, m.end())):
                    if fn is None or i >= len(fn['args']) or interval(fn['args'][i]) is None:
                        continue
                    r = re.fullmatch(r"\[(?:\$?'?(.+?)'?)?\.\$?([A-Z]+)\$?([0-9]+)\]", arg)
                    if arg in names:
                        target = names[arg]
                    elif r:
                        target = (r.group(1) or sname, r.group(2) + r.group(3))
                    else:
                        continue
                    fed.setdefault(target, []).append((fn['name'], fn['args'][i]['name'],
                                                       interval(fn['args'][i])))
    if not inputs:
        bad('no input cell found')
    for where, vname in sorted(inputs.items()):
        label = '%s.%s' % where
        if vname is None or vname not in rules:
            bad('%s: an input without a validity rule' % label)
            continue
        cond, shown, text, kind = rules[vname]
        if not cond:
            bad('%s: rule %s has no condition (LibreOffice dropped it on conversion)' % (label, vname))
        if not shown or not text.strip() or kind not in ('stop', 'warning'):
            bad('%s: rule %s shows no error message' % (label, vname))
        uses = fed.get(where)
        if not uses or values[where] == 'string' or 'cell-content-is-in-list' in cond:
            continue
        want = uses[0][2]
        for u in uses[1:]:
            want = intersect(want, u[2])
        got = rule_allows(cond)
        if kind != 'stop' or not same_interval(got, want):
            bad('%s (%s): rule %r allows %s, the catalogue %s' % (
                label, ', '.join('%s %s' % (f, a) for f, a, _ in uses), cond, got, want))
        else:
            # the message names the limits, in the template's language
            for bound in (want[0], want[2]):
                if bound is None:
                    continue
                t = ('%.6f' % bound).rstrip('0').rstrip('.')
                if lang != 'en':
                    t = t.replace('.', ',')
                if t not in text:
                    bad('%s: message %r does not name %s' % (label, text, t))
    return len(inputs), sum(1 for w in inputs if w in fed)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--table', required=True)
    ap.add_argument('--lang', default='en')
    ap.add_argument('templates', nargs='+')
    a = ap.parse_args()
    with open(a.table, encoding='utf-8') as f:
        table = {fn['name']: fn for fn in json.load(f)['functions']}
    problems = []
    for t in a.templates:
        n, fed = check(t, table, a.lang, problems)
        print('%s: %d inputs, %d passed to add-in functions' % (t.rsplit('/', 1)[-1], n, fed))
    for p in problems:
        print('FAIL ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
