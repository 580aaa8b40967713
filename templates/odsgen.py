"""odsgen: write a flat OpenDocument spreadsheet (.fods) from a short
description in Python, for the ftcost templates.

Only what the templates need: named cell styles (one house style shared by
every template), merged cells, array formulas, named ranges, list
validations, sheet protection, print ranges, a landscape page style that
fits each sheet on one page, and embedded bar and line charts.

Cells are addressed in A1 notation ("C5").  Formulas are written as Calc
shows them in ODF, with two conveniences:
  - the ftcost functions by their display name (FT_TCO(...), API_COST(...),
    RAG_TCO(...), GPU_PRICE(...)):
    they are stored by their programmatic name, ORG.FTCOST.FUNCTIONS.FT_TCO,
    which is what a saved workbook holds (see shared/spec/FUNCTIONS.md);
  - references in ODF form, built with ref(): ref("C5") -> [.C5],
    ref("C5:C9") -> [.C5:.C9], ref("E5", "Cash flows") -> [$'Cash flows'.E5].
Named ranges are plain names (Training, Horizon) and read best.  A
description lays its rows out by name with odsrows.Rows (no row numbers in
a description); Sheet.at(col, name) gives a named row's address.

Languages: every user-visible text goes through _(); set_language() picks
the catalogue and the locale of the number formats (see templates/README.md).
"""
import gettext
import re
import string
from xml.sax.saxutils import escape, quoteattr

# NAVY: also for the descriptions (a chart's colour), as odsgen.NAVY
from odsstyle import (FONT, GREY, HEADER, NAVY, PAGE_LAYOUTS, ROLES, RULE,  # noqa: F401
                      _cell_style_xml, style_name)
from odsvalid import arg_interval, fed_domains, intersect

ADDIN_PREFIX = 'ORG.FTCOST.FUNCTIONS.'

# ---------------------------------------------------------------- languages
# Every user-visible text of a description goes through _() (N_() marks a
# text kept untranslated until it is used); a language other than English
# reads its texts from a compiled gettext catalogue (templates/po/LANG.po,
# msgfmt'ed by the build).  A text the catalogue lacks (missing, empty or
# fuzzy: msgfmt drops both) is recorded and fails the build.

# lang -> the locale of its number formats (number:language, number:country)
LANGUAGES = {'en': ('en', 'US'), 'de': ('de', 'DE'), 'fr': ('fr', 'FR')}
DATE_SEPARATORS = {'de': '.', 'fr': '/'}  # day, month, year (English: ISO 8601)
WIDTHS_LIKE = {'fr': 'de'}  # no `wider` of its own: French runs as long as German


def _locale_attrs(lang):
    return 'number:language="%s" number:country="%s"' % LANGUAGES[lang]


class _Missing(gettext.NullTranslations):
    def __init__(self, missing):
        super().__init__()
        self.missing = missing

    def gettext(self, message):
        self.missing.add(message)
        return message


class _State:
    lang = 'en'
    translations = gettext.NullTranslations()
    asked = set()     # every msgid the descriptions used
    missing = set()   # those the catalogue has no translation for
    table = None      # the add-in's function table (build/addin/ftcost-table.json)
    func_re = None    # a call of one of the table's functions, by display name


def set_language(lang, mo_path=None):
    """Texts and number formats of the templates built from now on."""
    if lang not in LANGUAGES:
        raise ValueError('no language %r in odsgen.LANGUAGES' % lang)
    _State.lang, _State.asked, _State.missing = lang, set(), set()
    if lang == 'en':
        _State.translations = gettext.NullTranslations()
    else:
        with open(mo_path, 'rb') as f:
            _State.translations = gettext.GNUTranslations(f)
        _State.translations.add_fallback(_Missing(_State.missing))


def language():
    return _State.lang


def set_table(path):
    """The add-in's function table: each argument's domain gives the input
    cells that feed it their validity rule (Book.to_fods)."""
    import json
    with open(path, encoding='utf-8') as f:
        _State.table = {fn['name']: fn for fn in json.load(f)['functions']}
    # Longest first, so that API_PRICE_DATE( is not read as API_PRICE.
    names = sorted(_State.table, key=len, reverse=True)
    _State.func_re = re.compile(r'(?<![A-Za-z0-9_.])(%s)\(' % '|'.join(map(re.escape, names)))


# ---------------------------------------------------------------- domains
# An open bound in a validity rule: Calc's "between" is closed, so an open
# end of a range moves inward by this much.
OPEN_STEP = 1e-6


def _num_text(x):
    t = ('%.6f' % x).rstrip('0').rstrip('.')
    return t if _State.lang == 'en' else t.replace('.', ',')


def domain_rule(interval):
    """(ODF condition, error message in the template's language)."""
    lo, lo_in, hi, hi_in, whole = interval
    kind = 'of:cell-content-is-whole-number()' if whole else 'of:cell-content-is-decimal-number()'
    if hi is None:
        cond = '%s and cell-content()%s%s' % (kind, '>=' if lo_in else '>', _odf_num(lo))
        msg = (_('Enter a number of {low} or more.') if lo_in else _('Enter a number above {low}.'))
    else:
        low = lo if lo_in else lo + OPEN_STEP
        high = hi if hi_in else hi - OPEN_STEP
        cond = '%s and cell-content-is-between(%s,%s)' % (kind, _odf_num(low), _odf_num(high))
        if whole:
            msg = _('Enter a whole number from {low} to {high}.')
        elif lo_in and hi_in:
            msg = _('Enter a number from {low} to {high}.')
        elif lo_in:
            msg = _('Enter a number from {low} to below {high}.')
        else:
            msg = _('Enter a number above {low}, at most {high}.')
    return cond, msg.format(low=_num_text(lo), high=_num_text(hi) if hi is not None else '')


def _odf_num(x):
    return ('%.9f' % x).rstrip('0').rstrip('.')


def asked():
    return set(_State.asked)


def missing():
    return set(_State.missing)


def _(msgid):
    _State.asked.add(msgid)
    return _State.translations.gettext(msgid)


def N_(msgid):
    return msgid


def q(text):
    """A formula's string literal."""
    return '"%s"' % text.replace('"', '""')


def fstr(message, **parts):
    """A formula joining a translated message with formula parts: the
    message's {name} fields become `&part&`, the rest string literals.
    fstr(_('of the {months}-month total'), months='TEXT(Horizon;"0")')."""
    out = []
    for lit, field, _spec, _conv in string.Formatter().parse(message):
        if lit:
            out.append(q(lit))
        if field is not None:
            out.append(parts[field])
    return '&'.join(out)


def model_warnings(model, horizon):
    """(retirement, stale price) texts beside a model picker, blank when
    none applies or the model is unknown; dates written YYYY-MM-DD."""
    day = lambda d: 'YEAR(%s)&"-"&TEXT(MONTH(%s);"00")&"-"&TEXT(DAY(%s);"00")' % (d, d, d)
    end, checked = 'API_MODEL_RETIRES(%s)' % model, 'API_PRICE_DATE(%s)' % model
    gone = fstr(_('retired on {date}: no price; pick its successor'), date=day(end))
    soon = fstr(_('retires on {date}, within the {months}-month horizon'),
                date=day(end), months='TEXT(%s;"0")' % horizon)
    stale = fstr(_('prices as of {date}: run ftcost prices update'), date=day(checked))
    return ('IFERROR(IF(%s<=TODAY();%s;IF(%s<=EDATE(TODAY();%s);%s;""));"")' % (end, gone, end, horizon, soon),
            'IFERROR(IF(TODAY()-%s>90;%s;"");"")' % (checked, stale))


# The model pickers' lists: the models of the catalogue in force, computed
# by the add-in (API_MODELS) on a hidden sheet whenever the workbook
# recalculates, so that a model of the user's price file or of
# `ftcost prices update` can be picked without a new template.  An array
# formula has a fixed size (Calc fills the rows below a shorter result with
# #N/A): the list is taken row by row up to its length, the rest are empty
# texts, and each picker's source is OFFSET over the rows filled.
MODEL_ROWS = 3000   # LiteLLM's whole file, installed by an update, has about 2 500
LISTS_TOP = 3       # the first row of a list; row 2 holds its count


def _list_source(col):
    return 'OFFSET(%s;0;0;MAX(1;%s);1)' % (ref('%s%d' % (col, LISTS_TOP), _('Model lists'), True),
                                           ref('%s2' % col, _('Model lists'), True))


def model_list_sources():
    """The sources of the pickers' validity lists (range_list_validation):
    (chat models: those with an output price, embedding models: those with
    an input price); add_model_lists() must add the sheet they read."""
    return _list_source('A'), _list_source('B')


def add_model_lists(book, embeddings=False):
    """Adds the hidden sheet of model lists (after the other sheets):
    column A the models with an output price, B (embeddings=True) those
    with an input price."""
    s = book.sheet(_('Model lists'), ['7.0cm', '7.0cm'], hidden=True)
    rows = 'ROW(%s)' % ref('A1:A%d' % MODEL_ROWS)

    def listed(kind):
        models = 'API_MODELS(;"%s")' % kind
        return 'IFERROR(IF(%s<=ROWS(%s);%s;"");"")' % (rows, models, models)

    def column(col, title, rows, formula):
        """A list in rows LISTS_TOP.., its count in row 2."""
        s.text('%s1' % col, title, 'label')
        span = '%s%d:%s%d' % (col, LISTS_TOP, col, LISTS_TOP + rows - 1)
        s.calc('%s2' % col, 'SUMPRODUCT(LEN(%s)>0)' % ref(span), 'calc', 'int')
        s.calc('%s%d' % (col, LISTS_TOP), formula, 'calc', 'text', matrix=(rows, 1))

    column('A', _('models with an output price'), MODEL_ROWS,
           listed('output'))
    if not embeddings:
        return
    column('B', _('models with an input price'), MODEL_ROWS,
           listed('input'))


# ---------------------------------------------------------------- addresses


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def col_letters(index):
    s = ''
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        s = chr(65 + r) + s
    return s


def parse(a1):
    m = re.fullmatch(r'\$?([A-Z]+)\$?([0-9]+)', a1)
    if not m:
        raise ValueError('bad cell address %r' % a1)
    return int(m.group(2)) - 1, col_index(m.group(1))


def _sheet_q(sheet):
    return "'%s'" % sheet.replace("'", "''")


def ref(a1, sheet=None, absolute=False):
    """ODF reference for use inside a formula."""
    parts = a1.split(':')
    if absolute:
        parts = ['$%s$%s' % re.fullmatch(r'([A-Z]+)([0-9]+)', p).groups() for p in parts]
    first = ('$' + _sheet_q(sheet) if sheet else '') + '.' + parts[0]
    if len(parts) == 1:
        return '[%s]' % first
    return '[%s:.%s]' % (first, parts[1])


def range_address(sheet, a1):
    """table:cell-range-address form: 'Sheet'.A1:'Sheet'.B5 (absolute)."""
    parts = []
    for p in a1.split(':'):
        c, r = re.fullmatch(r'([A-Z]+)([0-9]+)', p).groups()
        parts.append('$%s.$%s$%s' % (_sheet_q(sheet), c, r))
    return ':'.join(parts)


def chart_range(sheet, a1):
    """Range as a chart's table:cell-range-address wants it (no $)."""
    return ':'.join('%s.%s' % (_sheet_q(sheet), p) for p in a1.split(':'))


def odf_formula(expr):
    expr = expr.lstrip('=')
    if _State.func_re is None:
        raise RuntimeError("odsgen: set_table() first: the add-in's function names come from its table")
    return 'of:=' + _State.func_re.sub(lambda m: ADDIN_PREFIX + m.group(1) + '(', expr)


# ---------------------------------------------------------------- number formats
# (the rest of the house style, which no language changes, is in odsstyle.py)

_NUM = ('<number:number number:decimal-places="%d" number:min-decimal-places="%d" '
        'number:min-integer-digits="1"%s/>')


def _number(decimals, grouping=True):
    return _NUM % (decimals, decimals, ' number:grouping="true"' if grouping else '')


def _money(decimals, lang):
    """The amount and "$": "$60,380" in English, "60.380 $" in German."""
    sym = '<number:currency-symbol number:language="en" number:country="US">$</number:currency-symbol>'
    if lang == 'en':
        return sym + _number(decimals)
    return _number(decimals) + '<number:text> </number:text>' + sym


def number_styles(lang):
    """The number formats, pinned to the language's locale (number:language
    and number:country on each style): without them a format follows the
    locale of the Calc that opens the file, and an English template shows
    "$60.380" in a German Calc."""
    loc = _locale_attrs(lang)
    pct_space = '' if lang == 'en' else '\u00a0'
    out = []
    for d in (0, 2, 3):
        out.append('<number:currency-style style:name="N_usd%d_p" style:volatile="true" %s>%s</number:currency-style>'
                   % (d, loc, _money(d, lang)))
        out.append('<number:currency-style style:name="N_usd%d" %s><style:text-properties fo:color="#c00000"/>'
                   '<number:text>-</number:text>%s<style:map style:condition="value()&gt;=0" '
                   'style:apply-style-name="N_usd%d_p"/></number:currency-style>' % (d, loc, _money(d, lang), d))
    for d in (0, 1, 2):
        out.append('<number:percentage-style style:name="N_pct%d" %s>%s<number:text>%s%%</number:text>'
                   '</number:percentage-style>' % (d, loc, _number(d, False), pct_space))
    for name, d in (('N_int', 0), ('N_dec1', 1), ('N_dec2', 2)):
        out.append('<number:number-style style:name="%s" %s>%s</number:number-style>' % (name, loc, _number(d)))
    if lang == 'en':
        date = ('<number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/>'
                '<number:text>-</number:text><number:day number:style="long"/>')
    else:
        sep = '<number:text>%s</number:text>' % DATE_SEPARATORS[lang]
        date = ('<number:day number:style="long"/>' + sep + '<number:month number:style="long"/>'
                + sep + '<number:year number:style="long"/>')
    out.append('<number:date-style style:name="N_date" %s>%s</number:date-style>' % (loc, date))
    # Large counts (FLOPs): 2.10E+18, not Calc's general 2.1E+018.
    out.append('<number:number-style style:name="N_sci" %s><number:scientific-number number:decimal-places="2" '
               'number:min-decimal-places="2" number:min-integer-digits="1" number:min-exponent-digits="2"/>'
               '</number:number-style>' % loc)
    # For a cell whose formula calls TEXT(): Calc reads TEXT's format code in
    # the language of the cell's own number format (else in the Calc's
    # locale: "$#,##0" gave "$185823,264" in a German Calc).
    out.append('<number:text-style style:name="N_text" %s><number:text-content/></number:text-style>' % loc)
    out.append('<number:number-style style:name="N_month" %s><number:text>%s</number:text>%s</number:number-style>'
               % (loc, escape(_('month ')), _number(0, False)))
    return '\n'.join(out) + '\n'


def chart_money_style(lang):
    """A chart's money axis: a number style with a "$" text, not a currency
    style (a chart drops a currency style on loading and its axis shows
    bare numbers), pinned to the language's locale like the cells'."""
    loc = _locale_attrs(lang)
    body = ('<number:text>$</number:text>' + _number(0) if lang == 'en'
            else _number(0) + '<number:text> $</number:text>')
    return '<number:number-style style:name="N_ch" %s>%s</number:number-style>' % (loc, body)


def text_money_format():
    """A format code for TEXT() showing dollars the template's way; the
    cell needs fmt='text' (a format in the template's locale), for Calc
    reads the code in the locale of the cell's format."""
    # French " $" quoted: a space after the last digit divides by 1000 ("60$")
    return {'en': '$#,##0', 'de': '#.##0 $', 'fr': '# ##0" $"'}[_State.lang]


def text_percent_format():
    """A format code for TEXT() showing a whole percentage (cell fmt='text')."""
    return '0%' if _State.lang == 'en' else '0\u00a0%'



# ---------------------------------------------------------------- model


class Cell:
    __slots__ = ('value', 'formula', 'role', 'fmt', 'span', 'matrix', 'validation', 'frames')

    def __init__(self, value=None, formula=None, role='text', fmt=None,
                 span=None, matrix=None, validation=None):
        self.value, self.formula, self.role, self.fmt = value, formula, role, fmt
        self.span, self.matrix, self.validation = span, matrix, validation
        self.frames = []


class Chart:
    """A bar ("bar", vertical="true" for horizontal bars) or line chart."""

    def __init__(self, kind, title, categories, series, y_title=None,
                 x_title=None, horizontal=False, labels=False, fmt='usd0',
                 legend=True):
        self.kind, self.title, self.categories = kind, title, categories
        self.series = series  # list of (label_cell (sheet, a1), (sheet, a1 range), colour)
        self.y_title, self.x_title = y_title, x_title
        self.horizontal, self.labels, self.fmt, self.legend = horizontal, labels, fmt, legend


class Sheet:
    def __init__(self, book, name, widths, default_height='0.50cm',
                 print_range=None, master='Landscape', wider=None, hidden=False):
        self.book, self.name, self.hidden = book, name, hidden
        # cm, one per column; `wider` gives a language's longer texts room:
        # {'de': {'B': '8.0cm'}} (the page still scales to one sheet wide).
        self.widths = list(widths)
        for letters, w in (wider or {}).get(_State.lang, (wider or {}).get(WIDTHS_LIKE.get(_State.lang), {})).items():
            self.widths[col_index(letters)] = w
        self.default_height = default_height
        self.heights = {}               # row index -> cm string
        self.cells = {}
        self.print_range = print_range
        self.master = master
        self.covered = set()
        self.anchors = {}               # row name -> row number (odsrows.Rows)

    # -- cells
    def put(self, a1, value=None, role='text', fmt=None, formula=None, span=None,
            matrix=None, name=None, validation=None):
        r, c = parse(a1)
        if (r, c) in self.cells or (r, c) in self.covered:
            raise ValueError('%s!%s set twice' % (self.name, a1))
        if formula is not None and value is not None:
            raise ValueError('value and formula both given for ' + a1)
        if role not in ROLES:
            raise ValueError('unknown role ' + role)
        self.book.use_style(role, fmt)
        cell = Cell(value, formula, role, fmt, span, matrix, validation)
        self.cells[(r, c)] = cell
        if span:
            rows, cols = span
            for dr in range(rows):
                for dc in range(cols):
                    if dr or dc:
                        self.covered.add((r + dr, c + dc))
        if name:
            self.book.name(name, self.name, a1)
        return cell

    def text(self, a1, s, role='text', **kw):
        return self.put(a1, value=str(s), role=role, **kw)

    def header(self, title, subtitle, legend='H', title_cols=6, subtitle_cols=9):
        """Row 1: the title and the input/computed legend from column
        `legend`; row 2: the subtitle."""
        self.text('B1', title, 'title', span=(1, title_cols))
        self.text(legend + '1', _('input'), 'legend_in')
        self.text(col_letters(col_index(legend) + 1) + '1', _('computed'), 'legend_calc')
        self.text('B2', subtitle, 'subtitle', span=(1, subtitle_cols))

    def num(self, a1, x, role='input', fmt=None, **kw):
        return self.put(a1, value=float(x), role=role, fmt=fmt, **kw)

    def calc(self, a1, formula, role='calc', fmt=None, **kw):
        return self.put(a1, formula=formula, role=role, fmt=fmt, **kw)

    def style_only(self, a1, role, fmt=None):
        return self.put(a1, role=role, fmt=fmt)

    def fill(self, a1_range, role, fmt=None):
        """Style every still-empty cell of a range."""
        a, b = a1_range.split(':')
        (r0, c0), (r1, c1) = parse(a), parse(b)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) not in self.cells and (r, c) not in self.covered:
                    self.book.use_style(role, fmt)
                    self.cells[(r, c)] = Cell(role=role, fmt=fmt)

    def height(self, row, cm):
        self.heights[row - 1] = cm

    # -- rows by name (laid out by odsrows.Rows)
    def row(self, name):
        if name not in self.anchors:
            raise KeyError('%s: no row named %r' % (self.name, name))
        return self.anchors[name]

    def at(self, col, name, last=None):
        """The address of column `col` in the row named `name` ('C14'), or
        with `last` the range down to the row named `last` ('C17:C21')."""
        a1 = '%s%d' % (col, self.row(name))
        return a1 if last is None else '%s:%s%d' % (a1, col, self.row(last))

    # -- charts
    def chart(self, top_left, bottom_right, chart):
        r0, c0 = parse(top_left)
        r1, c1 = parse(bottom_right)
        w = sum(_cm(self.widths[c]) for c in range(c0, c1 + 1))
        h = sum(_cm(self.heights.get(r, self.default_height)) for r in range(r0, r1 + 1))
        end_w = _cm(self.widths[c1])
        end_h = _cm(self.heights.get(r1, self.default_height))
        if (r0, c0) not in self.cells:
            self.cells[(r0, c0)] = Cell()
        self.cells[(r0, c0)].frames.append((chart, w, h, '%s.%s' % (_sheet_q(self.name), bottom_right), end_w, end_h))


def _cm(s):
    assert s.endswith('cm'), s
    return float(s[:-2])


class Book:
    def __init__(self, title, description, keywords=()):
        self.title, self.description, self.keywords = title, description, keywords
        self.sheets = []
        self.names = []        # (name, sheet, a1)
        self.styles = []       # (role, fmt) in first-use order
        self.validations = {}  # key -> (name, condition)
        self.active = 0

    def sheet(self, name, widths, **kw):
        s = Sheet(self, name, widths, **kw)
        self.sheets.append(s)
        return s

    def use_style(self, role, fmt):
        if (role, fmt) not in self.styles:
            self.styles.append((role, fmt))

    def name(self, name, sheet, a1):
        if any(n == name for n, _, _ in self.names):
            raise ValueError('name %s defined twice' % name)
        self.names.append((name, sheet, a1))

    def list_validation(self, *choices, message=None, warn_only=False):
        """A drop-down list; warn_only lets other values in after a warning."""
        return self._list_rule(';'.join('"%s"' % c for c in choices), message, warn_only)

    def range_list_validation(self, source, message=None, warn_only=False):
        """A drop-down list of the cells a formula gives (a range, or
        OFFSET(...) over one: Calc reads them whenever the list is shown or a
        value is checked, so it follows what the cells compute)."""
        return self._list_rule(odf_formula(source)[len('of:='):], message, warn_only)

    def _list_rule(self, items, message, warn_only):
        key = ('list', warn_only, items)
        if key not in self.validations:
            cond = 'of:cell-content-is-in-list(%s)' % items
            self.validations[key] = ('val%d' % (len(self.validations) + 1), cond, message,
                                     'warning' if warn_only else 'stop')
        return self.validations[key][0]

    def nonneg_validation(self):
        """Numbers of 0 or more, the templates' usual input."""
        return self.number_validation(0, message=_('Enter a number of 0 or more.'))

    def rate_validation(self):
        """A growth or price-change rate per month, above -99 %."""
        return self.number_validation(-0.99, 10, message=_('Enter a rate above -99 %, e.g. 3 % as 0.03.'))

    def arg_validation(self, func, arg):
        """The rule of an add-in argument's domain, for an input passed to
        it through a formula (to_fods gives such inputs theirs anyway)."""
        if _State.table is None:
            return self.nonneg_validation()
        a = next(a for a in _State.table[func]['args'] if a['name'] == arg)
        return self.domain_validation(arg_interval(a))

    def domain_validation(self, interval):
        cond, msg = domain_rule(interval)
        key = ('domain',) + tuple(interval)
        if key not in self.validations:
            self.validations[key] = ('val%d' % (len(self.validations) + 1), cond, msg, 'stop')
        return self.validations[key][0]

    def apply_domains(self):
        """Every input cell passed straight to an add-in function (by its
        name, or as [.A1] on its sheet) gets the validity rule of that
        argument's domain (of every such argument: the intersection), the
        error message saying the values it takes."""
        if _State.table is None:
            return
        names = {n: (sh, a1) for n, sh, a1 in self.names if ':' not in a1}
        for sheet in self.sheets:
            formulas = [odf_formula(c.formula) for c in sheet.cells.values() if c.formula]
            for key, uses in fed_domains(formulas, _State.table).items():
                m = re.fullmatch(r'\[\.([A-Z]+[0-9]+)\]', key)
                if key in names:
                    target = self.sheet_named(names[key][0]), names[key][1]
                elif m:
                    target = sheet, m.group(1)
                else:
                    continue
                cell = target[0].cells.get(parse(target[1]))
                if cell is None or not ROLES[cell.role].get('unlocked') or isinstance(cell.value, str):
                    continue
                interval = uses[0][2]
                for u in uses[1:]:
                    interval = intersect(interval, u[2])
                cell.validation = self.domain_validation(interval)

    def sheet_named(self, name):
        return next(s for s in self.sheets if s.name == name)

    def number_validation(self, low=0, high=None, message=None):
        key = ('num', low, high)
        if key not in self.validations:
            if high is None:
                cond = 'of:cell-content-is-decimal-number() and cell-content()>=%s' % low
            else:
                # "," between the bounds: LibreOffice drops the rule with ";"
                cond = 'of:cell-content-is-decimal-number() and cell-content-is-between(%s,%s)' % (low, high)
            self.validations[key] = ('val%d' % (len(self.validations) + 1), cond, message, 'stop')
        return self.validations[key][0]

    # ------------------------------------------------------------ writing
    def to_fods(self):
        self.apply_domains()
        out = [HEADER]
        out.append('<office:meta><meta:generator>ftcost templates/odsgen.py</meta:generator>'
                   '<dc:title>%s</dc:title><dc:description>%s</dc:description><dc:language>%s-%s</dc:language>'
                   % ((escape(self.title), escape(self.description)) + LANGUAGES[_State.lang]))
        out.extend('<meta:keyword>%s</meta:keyword>' % escape(k) for k in self.keywords)
        out.append('</office:meta>')
        out.append(self._settings())
        out.append('<office:font-face-decls><style:font-face style:name="%s" svg:font-family="&apos;%s&apos;" '
                   'style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>'
                   % (FONT, FONT))
        out.append('<office:styles>')
        out.append(number_styles(_State.lang))
        # The document's language (what a cell is spell-checked and
        # hyphenated as, Format > Cells > Font > Language): Calc reads it from
        # the default style of table cells, not from the "Default" cell style.
        out.append('<style:default-style style:family="table-cell"><style:text-properties '
                   'fo:language="%s" fo:country="%s" style:language-asian="none" style:country-asian="none" '
                   'style:language-complex="none" style:country-complex="none"/></style:default-style>'
                   % LANGUAGES[_State.lang])
        out.append('<style:style style:name="Default" style:family="table-cell">'
                   '<style:table-cell-properties style:vertical-align="middle"/>'
                   '<style:text-properties style:font-name="%s" fo:font-size="10pt" fo:language="%s" fo:country="%s"/>'
                   '</style:style>' % ((FONT,) + LANGUAGES[_State.lang]))
        for role, fmt in self.styles:
            out.append(_cell_style_xml(role, fmt))
        out.append('</office:styles>')
        out.append(self._automatic_styles())
        out.append(master_styles())
        out.append('<office:body><office:spreadsheet>')
        if self.validations:
            out.append('<table:content-validations>')
            for name, cond, msg, kind in self.validations.values():
                out.append('<table:content-validation table:name="%s" table:condition=%s '
                           'table:allow-empty-cell="false" table:display-list="unsorted" '
                           'table:base-cell-address="%s">'
                           % (name, quoteattr(cond), range_address(self.sheets[0].name, 'A1')))
                out.append('<table:error-message table:message-type="%s" table:display="true"%s>'
                           '<text:p>%s</text:p></table:error-message>'
                           % (kind, ' table:title="ftcost"',
                              escape(msg or _('Pick a value from the list.'))))
                out.append('</table:content-validation>')
            out.append('</table:content-validations>')
        for s in self.sheets:
            out.append(self._table(s))
        if self.names:
            out.append('<table:named-expressions>')
            for name, sheet, a1 in self.names:
                first = a1.split(':')[0]
                out.append('<table:named-range table:name="%s" table:base-cell-address="%s" '
                           'table:cell-range-address="%s"/>'
                           % (name, range_address(sheet, first), range_address(sheet, a1)))
            out.append('</table:named-expressions>')
        out.append('</office:spreadsheet></office:body></office:document>\n')
        return ''.join(out)

    def _settings(self):
        tables = ''.join(
            '<config:config-item-map-entry config:name=%s>'
            '<config:config-item config:name="CursorPositionX" config:type="int">2</config:config-item>'
            '<config:config-item config:name="CursorPositionY" config:type="int">4</config:config-item>'
            '<config:config-item config:name="ZoomValue" config:type="int">100</config:config-item>'
            '<config:config-item config:name="ShowGrid" config:type="boolean">false</config:config-item>'
            '</config:config-item-map-entry>' % quoteattr(s.name) for s in self.sheets)
        return ('<office:settings><config:config-item-set config:name="ooo:view-settings">'
                '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
                '<config:config-item config:name="ViewId" config:type="string">view1</config:config-item>'
                '<config:config-item-map-named config:name="Tables">%s</config:config-item-map-named>'
                '<config:config-item config:name="ActiveTable" config:type="string">%s</config:config-item>'
                '<config:config-item config:name="ShowGrid" config:type="boolean">false</config:config-item>'
                '<config:config-item config:name="HasColumnRowHeaders" config:type="boolean">true</config:config-item>'
                '</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set>'
                '<config:config-item-set config:name="ooo:configuration-settings">'
                '<config:config-item config:name="ShowGrid" config:type="boolean">false</config:config-item>'
                '</config:config-item-set></office:settings>'
                % (tables, escape(self.sheets[self.active].name)))

    def _automatic_styles(self):
        out = ['<office:automatic-styles>']
        self._colstyle, self._rowstyle = {}, {}
        for s in self.sheets:
            for w in s.widths:
                if w not in self._colstyle:
                    n = 'co%d' % (len(self._colstyle) + 1)
                    self._colstyle[w] = n
                    out.append('<style:style style:name="%s" style:family="table-column">'
                               '<style:table-column-properties fo:break-before="auto" style:column-width="%s"/></style:style>'
                               % (n, w))
            for h in list(s.heights.values()) + [s.default_height]:
                if h not in self._rowstyle:
                    n = 'ro%d' % (len(self._rowstyle) + 1)
                    self._rowstyle[h] = n
                    out.append('<style:style style:name="%s" style:family="table-row">'
                               '<style:table-row-properties style:row-height="%s" fo:break-before="auto" '
                               'style:use-optimal-row-height="false"/></style:style>' % (n, h))
        for m, hidden in sorted({(s.master, s.hidden) for s in self.sheets}):
            out.append('<style:style style:name="%s" style:family="table" style:master-page-name="%s">'
                       '<style:table-properties table:display="%s" style:writing-mode="lr-tb"/></style:style>'
                       % (_table_style(m, hidden), m, 'false' if hidden else 'true'))
        out.append('<style:style style:name="gr1" style:family="graphic"><style:graphic-properties '
                   'draw:stroke="none" draw:fill="none"/></style:style>')
        out.append(PAGE_LAYOUTS)
        out.append('</office:automatic-styles>')
        return ''.join(out)

    def _table(self, s):
        attrs = 'table:name=%s table:style-name="%s" table:protected="true"' % (quoteattr(s.name),
                                                                            _table_style(s.master, s.hidden))
        if s.print_range:
            attrs += ' table:print-ranges="%s"' % range_address(s.name, s.print_range)
        out = ['<table:table %s>' % attrs,
               '<loext:table-protection loext:select-protected-cells="true" loext:select-unprotected-cells="true"/>']
        for w in s.widths:
            out.append('<table:table-column table:style-name="%s" table:default-cell-style-name="Default"/>'
                       % self._colstyle[w])
        ncols = len(s.widths)
        used = list(s.cells) + list(s.covered)
        nrows = max(r for r, _ in used) + 1
        for r in range(nrows):
            h = s.heights.get(r, s.default_height)
            out.append('<table:table-row table:style-name="%s">' % self._rowstyle[h])
            for c in range(ncols):
                if (r, c) in s.covered:
                    cell = s.cells.get((r, c))
                    st = ' table:style-name=%s' % quoteattr(style_name(cell.role, cell.fmt)) if cell else ''
                    out.append('<table:covered-table-cell%s/>' % st)
                    continue
                cell = s.cells.get((r, c))
                out.append(_cell_xml(cell, s) if cell else '<table:table-cell/>')
            out.append('</table:table-row>')
        out.append('</table:table>')
        return ''.join(out)


def _table_style(master, hidden):
    return 'ta_%s%s' % (master, '_hidden' if hidden else '')


def _cell_xml(cell, sheet):
    a = []
    if cell.value is None and cell.formula is None and not cell.frames and cell.role == 'text' and cell.fmt is None:
        return '<table:table-cell/>'
    a.append('table:style-name=%s' % quoteattr(style_name(cell.role, cell.fmt)))
    if cell.span:
        a.append('table:number-rows-spanned="%d" table:number-columns-spanned="%d"' % cell.span)
    if cell.validation:
        a.append('table:content-validation-name="%s"' % cell.validation)
    body = ''
    if cell.formula is not None:
        a.append('table:formula=%s' % quoteattr(odf_formula(cell.formula)))
        if cell.matrix:
            a.append('table:number-matrix-rows-spanned="%d" table:number-matrix-columns-spanned="%d"' % cell.matrix)
    elif isinstance(cell.value, float):
        v = repr(cell.value)
        if v.endswith('.0'):
            v = v[:-2]
        a.append('office:value-type="float" office:value="%s"' % v)
    elif isinstance(cell.value, str):
        a.append('office:value-type="string"')
        body = ''.join('<text:p>%s</text:p>' % escape(line) for line in cell.value.split('\n'))
    frames = ''.join(_chart_frame(sheet, *f) for f in cell.frames)
    return '<table:table-cell %s>%s%s</table:table-cell>' % (' '.join(a), frames, body)


# ---------------------------------------------------------------- charts

_chart_count = [0]


def _chart_frame(sheet, chart, w, h, end_cell, end_w, end_h):
    _chart_count[0] += 1
    n = _chart_count[0]
    ranges = [chart_range(*chart.categories)] + [chart_range(*v) for _, v, _ in chart.series]
    cls = 'chart:' + chart.kind
    st = []
    st.append('<style:style style:name="cs_chart" style:family="chart"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#ffffff"/></style:style>')
    st.append('<style:style style:name="cs_title" style:family="chart"><style:text-properties style:font-name="%s" fo:font-size="11pt" fo:font-weight="bold" fo:color="%s"/></style:style>' % (FONT, NAVY))
    st.append('<style:style style:name="cs_axtitle" style:family="chart"><style:text-properties style:font-name="%s" fo:font-size="8pt" fo:color="%s"/></style:style>' % (FONT, GREY))
    st.append('<style:style style:name="cs_legend" style:family="chart"><style:text-properties style:font-name="%s" fo:font-size="8.5pt"/></style:style>' % FONT)
    st.append('<style:style style:name="cs_plot" style:family="chart"><style:chart-properties chart:vertical="%s" chart:overlap="0" chart:gap-width="60" chart:treat-empty-cells="leave-gap" chart:auto-position="true" chart:auto-size="true"/></style:style>'
              % ('true' if chart.horizontal else 'false'))
    st.append('<style:style style:name="cs_wall" style:family="chart"><style:graphic-properties draw:stroke="none" draw:fill="none"/></style:style>')
    st.append('<style:style style:name="cs_axis_x" style:family="chart"><style:chart-properties chart:display-label="true" chart:reverse-direction="%s" chart:link-data-style-to-source="true"/><style:graphic-properties svg:stroke-color="%s"/><style:text-properties style:font-name="%s" fo:font-size="8pt" fo:color="#404040"/></style:style>'
              % ('true' if chart.horizontal else 'false', RULE, FONT))
    st.append('<style:style style:name="cs_axis_y" style:family="chart" style:data-style-name="N_ch"><style:chart-properties chart:display-label="%s" chart:link-data-style-to-source="false"/><style:graphic-properties svg:stroke-color="%s"/><style:text-properties style:font-name="%s" fo:font-size="8pt" fo:color="#404040"/></style:style>'
              % ('false' if chart.horizontal else 'true', RULE, FONT))
    st.append('<style:style style:name="cs_grid" style:family="chart"><style:graphic-properties svg:stroke-color="#d9d9d9"/></style:style>')
    for i, (_, _, colour) in enumerate(chart.series):
        if chart.kind == 'line':
            gp = 'draw:stroke="solid" svg:stroke-width="0.07cm" svg:stroke-color="%s" draw:fill-color="%s"' % (colour, colour)
            cp = '<style:chart-properties chart:symbol-type="none" chart:link-data-style-to-source="false"/>'
        else:
            gp = 'draw:stroke="none" draw:fill="solid" draw:fill-color="%s"' % colour
            cp = ('<style:chart-properties chart:data-label-number="value" chart:label-position="outside" chart:link-data-style-to-source="false"/>'
                  if chart.labels else '<style:chart-properties chart:link-data-style-to-source="false"/>')
        st.append('<style:style style:name="cs_s%d" style:family="chart" style:data-style-name="N_ch">%s<style:graphic-properties %s/>'
                  '<style:text-properties style:font-name="%s" fo:font-size="8pt" fo:color="#262626"/></style:style>' % (i, cp, gp, FONT))
    numfmt = {'usd0': chart_money_style(_State.lang)}[chart.fmt]
    series = []
    for i, (label, values, _) in enumerate(chart.series):
        lab = ' chart:label-cell-address="%s"' % chart_range(*label) if label else ''
        series.append('<chart:series chart:style-name="cs_s%d" chart:values-cell-range-address="%s"%s chart:class="%s"/>'
                      % (i, chart_range(*values), lab, cls))
    title = '<chart:title chart:style-name="cs_title"><text:p>%s</text:p></chart:title>' % escape(chart.title) if chart.title else ''
    legend = ('<chart:legend chart:legend-position="bottom" style:legend-expansion="wide" chart:style-name="cs_legend"/>'
              if chart.legend else '')
    xt = ('<chart:title chart:style-name="cs_axtitle"><text:p>%s</text:p></chart:title>' % escape(chart.x_title)) if chart.x_title else ''
    yt = ('<chart:title chart:style-name="cs_axtitle"><text:p>%s</text:p></chart:title>' % escape(chart.y_title)) if chart.y_title else ''
    doc = (
        '<office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.chart">'
        '<office:styles/><office:automatic-styles>%s%s</office:automatic-styles>'
        '<office:body><office:chart>'
        '<chart:chart svg:width="%.3fcm" svg:height="%.3fcm" chart:class="%s" chart:style-name="cs_chart">'
        '%s%s'
        '<chart:plot-area chart:style-name="cs_plot" table:cell-range-address="%s" chart:data-source-has-labels="none">'
        '<chart:axis chart:dimension="x" chart:name="primary-x" chart:style-name="cs_axis_x">%s'
        '<chart:categories table:cell-range-address="%s"/></chart:axis>'
        '<chart:axis chart:dimension="y" chart:name="primary-y" chart:style-name="cs_axis_y">%s'
        '<chart:grid chart:style-name="cs_grid" chart:class="major"/></chart:axis>'
        '%s<chart:wall chart:style-name="cs_wall"/></chart:plot-area>'
        '</chart:chart></office:chart></office:body></office:document>'
        % (numfmt, ''.join(st), w, h, cls, title, legend, ' '.join(ranges[1:]), xt, ranges[0], yt, ''.join(series)))
    return ('<draw:frame draw:z-index="%d" draw:name="Chart %d" draw:style-name="gr1" svg:x="0cm" svg:y="0cm" '
            'svg:width="%.3fcm" svg:height="%.3fcm" table:end-cell-address=%s table:end-x="%.3fcm" table:end-y="%.3fcm">'
            '<draw:object draw:notify-on-update-of-ranges="%s">%s</draw:object></draw:frame>'
            % (n - 1, n, w, h, quoteattr(end_cell), end_w, end_h, ' '.join(ranges), doc))


# ---------------------------------------------------------------- boilerplate
# (the root element and the page layouts are in odsstyle.py)


def _footer():
    return ('<style:footer><style:region-left><text:p><text:title>???</text:title></text:p></style:region-left>'
            '<style:region-right><text:p>ftcost \u00b7 <text:sheet-name>???</text:sheet-name> \u00b7 %s '
            '<text:page-number>1</text:page-number></text:p></style:region-right></style:footer>'
            % escape(_('page')))



def master_styles():
    footer = _footer()
    return ('<office:master-styles>'
            '<style:master-page style:name="Landscape" style:page-layout-name="pm_land">'
            '<style:header style:display="false"/>%s</style:master-page>'
            '<style:master-page style:name="Portrait" style:page-layout-name="pm_port">'
            '<style:header style:display="false"/>%s</style:master-page>'
            '</office:master-styles>' % (footer, footer))
