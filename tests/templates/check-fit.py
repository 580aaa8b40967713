#!/usr/bin/env python3
"""Nothing in a template is cut off: every label, number and result fits
the width Calc gives it.

usage: check-fit.py --oxt ... --cli ... --table ... --install ... [--locale de-DE]
                    TEMPLATE...

Opens each template (.ots) with the extension installed, in one headless
soffice, and for every cell on every sheet that shows something compares
the width its shown text needs with the width it has:
  - a number (a money amount, a date...) has its column, or its merged
    area: wider shows "###";
  - a text has its column or merged area when the cell to its right is
    not empty (else it runs on into the empty cells, as Calc draws it,
    up to the next filled one);
  - a text has room to spare where a neighbour is filled (GAP): text that
    touches the next cell's text reads as one run ("API path, cumulativeAPI
    path cash flow");
  - a line of text fits its row's height (a thin spacer row holds no number);
  - a right-aligned or centred text keeps GAP from the text beside it on
    its left as the screen shows them (SCREEN wider; alignment, wrapped
    lines included): right-aligned column headers run together otherwise;
  - wrapped text (and a merged area's) fits its rows (with SCREEN wider
    lines, where that wraps one more time): the templates fix
    every row's height, so a wrapped text does not grow its row; Calc's
    optimal height for the text at the cell's width must not exceed the
    row (or merged rows), and no single word may be wider than the cell
    (Calc would break it inside the word).
The width a text needs is measured by Calc itself: the shown string in a
scratch cell with the same size and weight, in DejaVu Sans (MEASURE_FONT), its column set to the optimal width,
less the margin Calc adds to an optimal width (measured as twice the
width of ten digits less that of twenty).  Exit 0 when everything fits, 1 otherwise (each cut-off cell is
printed), 77 without LibreOffice/python3-uno.  A template with a model
picker (a ModelName cell) is checked twice: as it opens, and with a model
no catalogue has (every price missing: the texts shown instead).
"""
import os
import sys

from lo_harness import Office, log, report, run_on_templates

# Text is measured in DejaVu Sans, whatever font the cell names: the widest
# sans a Calc falls back to where the templates' Liberation Sans (or its
# metric twins Arial, Nimbus Sans) is missing, as in a minimal install
# (measured: tools/dev.sh's LibreOffice chroot has DejaVu only, and 25.2
# there cut "hours per month").  It also leaves Liberation Sans about 10 % of room for the
# screen's text metrics, which are wider than the printer's the PDF uses.
MEASURE_FONT = 'DejaVu Sans'
FONT_PROPS = ('CharHeight', 'CharWeight', 'CharPosture', 'ParaIndent')
# Room to spare beside a filled neighbour, 1/100 mm, and as a share of the
# text: the screen's text is wider than the printer metrics Calc measures
# with ("API_PRICE_DATE", measured 27.4 mm in its 29 mm, was cut in a Calc
# window).
GAP = 150
SCREEN = 1.08
# Liberation Sans against DejaVu Sans (MEASURE_FONT): about 10 % narrower,
# so a header that wraps when measured may stay one line in a window and
# fill its column ("API path cash flow" beside "API path, cumulative").
NARROWER = 0.9
# The model name of the missing-price state, checked too in a template
# with a ModelName cell: every text it shows instead of a number must fit.
MISSING_MODEL = 'no-such-model'


class Measurer:
    """Text widths measured in a scratch sheet of the document."""

    def __init__(self, doc):
        sheets = doc.Sheets
        sheets.insertNewByName('ftcost-fit-scratch', sheets.Count)
        self.sheet = sheets.getByName('ftcost-fit-scratch')
        self.cell = self.sheet.getCellByPosition(0, 0)
        self.column = self.sheet.Columns.getByIndex(0)
        self.cache = {}
        # optimal width = text + Calc's extra margin: ten digits and twenty
        # (digits are all as wide) tell the margin
        self.margin = 2 * self._measure('0' * 10, None) - self._measure('0' * 20, None)

    def _measure(self, text, source):
        if source is not None:
            self.cell.CellStyle = source.CellStyle
            for p in FONT_PROPS:
                self.cell.setPropertyValue(p, source.getPropertyValue(p))
        self.cell.CharFontName = MEASURE_FONT
        self.cell.IsTextWrapped = False  # one line (a wrapping style's too)
        self.cell.setString(text)
        self.column.OptimalWidth = True
        return self.column.Width

    def height(self, text, source, width):
        """The height Calc gives `text` wrapped at `width` (1/100 mm)."""
        key = ('wrapped', text, width) + tuple(str(source.getPropertyValue(p)) for p in FONT_PROPS + ('CellStyle',))
        if key not in self.cache:
            self.cell.CellStyle = source.CellStyle
            for p in FONT_PROPS:
                self.cell.setPropertyValue(p, source.getPropertyValue(p))
            self.cell.CharFontName = MEASURE_FONT
            self.cell.IsTextWrapped = True
            self.column.Width = width
            self.cell.setString(text)
            row = self.sheet.Rows.getByIndex(0)
            row.OptimalHeight = True
            self.cache[key] = row.Height
        return self.cache[key]

    def widest(self, text, source, width):
        """The widest line of `text` wrapped at `width` as the screen wraps
        it (each line measured, SCREEN wider than Calc measures)."""
        lines, cur = [], ''
        for word in text.split():
            trial = (cur + ' ' + word) if cur else word
            if cur and self.need(trial, source) * SCREEN > width:
                lines.append(cur)
                cur = word
            else:
                cur = trial
        lines.append(cur)
        return max(self.need(line, source) for line in lines)

    def need(self, text, source):
        key = (text,) + tuple(str(source.getPropertyValue(p)) for p in FONT_PROPS + ('CellStyle',))
        if key not in self.cache:
            self.cache[key] = self._measure(text, source) - self.margin
        return self.cache[key]


def merged_width(sheet, cell, col, row):
    """Width of the merged area starting at (col, row), or of the column."""
    cursor = sheet.createCursorByRange(cell)
    cursor.collapseToMergedArea()
    a = cursor.RangeAddress
    return sum(sheet.Columns.getByIndex(c).Width for c in range(a.StartColumn, a.EndColumn + 1)), \
        a.EndColumn


def merged_height(sheet, cell):
    cursor = sheet.createCursorByRange(cell)
    cursor.collapseToMergedArea()
    a = cursor.RangeAddress
    return sum(sheet.Rows.getByIndex(r).Height for r in range(a.StartRow, a.EndRow + 1))


def check_wrapped(sheet, cell, shown, measure, where):
    width, _ = merged_width(sheet, cell, cell.CellAddress.Column, cell.CellAddress.Row)
    cut = []
    for word in shown.split():
        need = measure.need(word, cell)
        if need > width:
            cut.append('%s %s: the word %r needs %.1f mm, has %.1f mm (wrapped)'
                       % (where, cell.AbsoluteName, word, need / 100.0, width / 100.0))
    # one line that fills the cell to its edge runs into a filled neighbour
    a = sheet.createCursorByRange(cell)
    a.collapseToMergedArea()
    right = sheet.getCellByPosition(a.RangeAddress.EndColumn + 1, a.RangeAddress.StartRow)
    need = measure.need(shown, cell)
    if right.getString() != '' and width - GAP < need <= width:
        cut.append('%s %s: %r fills its %.1f mm to the edge of the filled cell beside it'
                   % (where, cell.AbsoluteName, shown, width / 100.0))
    height, have = measure.height(shown, cell, width), merged_height(sheet, cell)
    if measure.widest(shown, cell, width) * SCREEN > width and len(shown.split()) > 1:
        # on screen the text is wider: one more line than Calc measures
        height = measure.height(shown, cell, int(width / SCREEN))
    if height > have + 5:
        cut.append('%s %s: %r wrapped needs %.1f mm of height, has %.1f mm'
                   % (where, cell.AbsoluteName, shown, height / 100.0, have / 100.0))
    return cut


def alignment(cell, is_text):
    """'left', 'center' or 'right': where Calc puts the shown text."""
    from com.sun.star.table.CellHoriJustify import LEFT, CENTER, RIGHT
    j = cell.HoriJustify
    if j == LEFT:
        return 'left'
    if j == CENTER:
        return 'center'
    if j == RIGHT:
        return 'right'
    return 'left' if is_text else 'right'


def free_sides(sheet, cell, shown, is_text, measure):
    """(free mm*100 on the left, on the right) of the cell's text as the
    screen shows it (SCREEN wider than measured), in its merged area."""
    width, _ = merged_width(sheet, cell, cell.CellAddress.Column, cell.CellAddress.Row)
    if cell.IsTextWrapped:
        need = measure.widest(shown, cell, width) * SCREEN
        one_line = measure.need(shown, cell) * SCREEN * NARROWER
        if one_line <= width:  # one line in the templates' narrower font: it fills more
            need = max(need, one_line)
    else:
        need = measure.need(shown, cell) * SCREEN
    free = max(width - need, 0)
    side = alignment(cell, is_text)
    if side == 'left':
        return 0, free
    if side == 'right':
        return free, 0
    return free / 2, free / 2


def check_neighbours(sheet, cells, measure, where):
    """Texts of two filled cells side by side keep GAP between them (on
    screen): a right-aligned header beside another whose text fills its
    column reads as one run ("API path, cumulativeAPI path cash flow")."""
    cut = []
    for (col, row), (cell, shown, is_text, end_col) in sorted(cells.items()):
        right = cells.get((end_col + 1, row))
        if right is None:
            continue
        rcell, rshown, ris_text, _ = right
        if not (is_text and ris_text):
            continue  # a number and its unit: the spreadsheet's own layout
        if alignment(rcell, ris_text) == 'left':
            continue  # a right-aligned header, then a left-aligned one: the same layout
        gap = free_sides(sheet, cell, shown, is_text, measure)[1] + \
            free_sides(sheet, rcell, rshown, ris_text, measure)[0]
        if gap < GAP:
            cut.append('%s %s and %s: %r and %r run together on screen (%.1f mm between them)'
                       % (where, cell.AbsoluteName, rcell.AbsoluteName, shown, rshown,
                          gap / 100.0))
    return cut


def check_sheet(sheet, measure, where):
    from com.sun.star.table.CellContentType import EMPTY, TEXT, FORMULA
    cut, filled = [], {}
    used = sheet.createCursor()
    used.gotoEndOfUsedArea(False)
    last_col, last_row = used.RangeAddress.EndColumn, used.RangeAddress.EndRow
    for row in range(last_row + 1):
        if not sheet.Rows.getByIndex(row).IsVisible:
            continue
        for col in range(last_col + 1):
            cell = sheet.getCellByPosition(col, row)
            shown = cell.getString()
            if cell.Type == EMPTY or shown == '':
                continue
            if not sheet.Columns.getByIndex(col).IsVisible:
                continue
            is_text = cell.Type == TEXT or (cell.Type == FORMULA and
                                            cell.FormulaResultType2 == TEXT)
            width, end_col = merged_width(sheet, cell, col, row)
            filled[(col, row)] = (cell, shown, is_text, end_col)
            if cell.IsTextWrapped:
                cut += check_wrapped(sheet, cell, shown, measure, where)
                continue
            if is_text and cell.IsMerged is False and end_col == col:
                right = sheet.getCellByPosition(col + 1, row)
                if right.Type == EMPTY and col + 1 <= last_col + 1:
                    continue  # runs on into the empty cell, as Calc draws it
            # one line's height: a thin spacer row cuts a number in half
            line, have = measure.height('Xg', cell, 100000), merged_height(sheet, cell)
            if line > have + 80:  # 0.8 mm: a section title in a 5 mm row is fine
                cut.append('%s %s: %r needs %.1f mm of height, its row has %.1f mm'
                           % (where, cell.AbsoluteName, shown, line / 100.0, have / 100.0))
            need = measure.need(shown, cell)
            right = sheet.getCellByPosition(end_col + 1, row)
            if is_text and right.Type != EMPTY and right.getString() != '':
                need = max(need + GAP, need * SCREEN)  # a filled neighbour: no run-on
            if os.environ.get('FIT_DEBUG') and os.environ['FIT_DEBUG'] in cell.AbsoluteName:
                log('debug %s %r: need %d (with gap), width %d, wrapped %s'
                    % (cell.AbsoluteName, shown, need, width, cell.IsTextWrapped))
            if need > width:
                cut.append('%s %s: %r needs %.1f mm, has %.1f mm'
                           % (where, cell.AbsoluteName, shown, need / 100.0, width / 100.0))
    return cut + check_neighbours(sheet, filled, measure, where)


def run(opts):
    failures = []
    with Office(opts) as office:
        office.start_calc(opts.locale)
        for template in opts.templates:
            doc = office.open_template(template)
            try:
                doc.calculateAll()
                sheets = [doc.Sheets.getByIndex(i) for i in range(doc.Sheets.Count)]
                for s in sheets:
                    if s.isProtected():
                        s.unprotect('')
                measure = Measurer(doc)
                states = [('', None)]
                if doc.NamedRanges.hasByName('ModelName'):
                    states.append((' (missing price)', MISSING_MODEL))
                for state, model in states:
                    if model is not None:  # a model the catalogue lacks: every price #N/A
                        doc.NamedRanges.getByName('ModelName').ReferredCells \
                            .getCellByPosition(0, 0).setString(model)
                        doc.calculateAll()
                    n = 0
                    for s in sheets:
                        if not s.IsVisible:
                            continue  # the model lists: read by the pickers, never shown
                        failures += check_sheet(s, measure, '%s%s %s'
                                                % (os.path.basename(template), state, s.Name))
                        n += 1
                    log('%s%s: %d sheets checked' % (os.path.basename(template), state, n))
            finally:
                doc.close(True)
    return report(failures, 'fit: nothing cut off in %d templates' % len(opts.templates),
                  prefix='FAIL cut off: ')


if __name__ == '__main__':
    sys.exit(run_on_templates(__doc__.split('\n')[0], run, 'ftcost-fit-types-'))
