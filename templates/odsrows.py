"""odsrows: lay out a sheet's rows in order, by name, for the ftcost templates.

A description does not write row numbers: it adds the rows of a block one
after the other, each under a name, and a formula or another block finds a
row by that name.  Adding a row is then one line: every row below moves
down, and so does every formula that refers to it.

    rows = Rows(s, first=5)                  # a block that starts in row 5
    rows.add('inputs', height='0.6cm')       # 5, named "inputs"
    r = rows.add('gpu_hours')                # 6: s.num('C%d' % r, ...)
    rows.add(height='0.3cm')                 # 7, a spacer without a name
    s.at('C', 'gpu_hours')                   # 'C6'
    ref(s.at('C', 'inputs', 'gpu_hours'))    # '[.C5:.C6]', in a formula
    side = Rows(s, first='inputs')           # a block beside it, from row 5
    s.print_range = 'A1:J%d' % rows.last     # down to the last row added

A sheet's names are shared by all its blocks (Sheet.anchors).  Named ranges
(book.name, name= on a cell) remain what a formula reads best; row names
are for the rows a formula refers to by address (a sum over a block, the
cell to its left) and for placing one block beside or below another.
"""


class Rows:
    """The rows of one block of a sheet, added top to bottom."""

    def __init__(self, sheet, first):
        """`first`: the block's first row, a number or the name of a row
        laid out already (the block then starts beside it)."""
        self.sheet = sheet
        self.next = sheet.row(first) if isinstance(first, str) else first

    def add(self, name=None, height=None):
        """The next row of the block (its number); `name` lets formulas and
        other blocks find it, `height` (e.g. '0.8cm') sets its height."""
        r = self.next
        self.next += 1
        if name is not None:
            if name in self.sheet.anchors:
                raise ValueError('%s: row %r named twice' % (self.sheet.name, name))
            self.sheet.anchors[name] = r
        if height is not None:
            self.sheet.height(r, height)
        return r

    @property
    def last(self):
        """The last row added (or skipped)."""
        return self.next - 1

    def skip(self, count):
        """Leave `count` rows empty (a spanned cell above covers them)."""
        self.next += count
