"""otsvalues: the values a built template (.ots) stores, as its preview
shows them.  LibreOffice renders a document's preview
(Thumbnails/thumbnail.png, what File > New > Templates shows) from the
values it computed when storing; those are the values content.xml keeps
beside each formula.  A template converted without the add-in keeps #NAME?
in every cell that calls it, and its preview shows #NAME?."""
import zipfile
import xml.etree.ElementTree as ET

NS = {
    'table': 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
    'office': 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
    'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
    'calcext': 'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0',
}
# What Calc writes for an error value (and what a text built from one by
# concatenation carries): where a number belongs these show instead.
ERROR_TEXTS = ('#NAME?', 'Err:', '#N/A', '#VALUE!', '#DIV/0!', '#NUM!', '#REF!', '#NULL!')


def _q(prefix, name):
    return '{%s}%s' % (NS[prefix], name)


def _address(col, row):
    name = ''
    col += 1
    while col:
        col, r = divmod(col - 1, 26)
        name = chr(ord('A') + r) + name
    return '%s%d' % (name, row + 1)


# The part of the first sheet Calc renders into the preview, from A1, in
# mm (SC_PREVIEW_SIZE_X/Y of LibreOffice's sc/source/ui/docshell/docsh4.cxx),
# snapped to the nearest column and row borders (measured: a checklist
# whose columns end at 98 and 131 mm shows 98 mm).
PREVIEW_MM = (100.0, 124.0)
_UNITS_MM = {'in': 25.4, 'cm': 10.0, 'mm': 1.0, 'pt': 25.4 / 72}


def _mm(length):
    for unit, mm in _UNITS_MM.items():
        if length and length.endswith(unit):
            return float(length[:-len(unit)]) * mm
    return 0.0


def _sizes(root):
    """Automatic column and row styles: name -> width or height in mm."""
    out = {}
    for st in root.iter('{urn:oasis:names:tc:opendocument:xmlns:style:1.0}style'):
        for pr in st:
            size = (pr.get('{urn:oasis:names:tc:opendocument:xmlns:style:1.0}column-width')
                    or pr.get('{urn:oasis:names:tc:opendocument:xmlns:style:1.0}row-height'))
            if size:
                out[st.get('{urn:oasis:names:tc:opendocument:xmlns:style:1.0}name')] = _mm(size)
    return out


def stored_errors(path):
    """Cells of the .ots at `path` whose stored value is an error or a text
    holding one: a list of (sheet, 'A1', shown text, formula, in the
    preview?), the last true for a cell of the first sheet that starts
    within the area the preview shows."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read('content.xml'))
    sizes = _sizes(root)
    out = []
    for n, table in enumerate(root.iter(_q('table', 'table'))):
        sheet = table.get(_q('table', 'name'))
        lefts, x = [], 0.0  # the left edge of each column, mm
        for c in table.iter(_q('table', 'table-column')):
            width = sizes.get(c.get(_q('table', 'style-name')), 0.0)
            if c.get(_q('table', 'visibility'), 'visible') != 'visible':
                width = 0.0
            for _ in range(min(int(c.get(_q('table', 'number-columns-repeated'), '1')), 1024)):
                lefts.append(x)
                x += width
        tops, cells, row, y = [], [], 0, 0.0
        for tr in table.iter(_q('table', 'table-row')):
            col = 0
            for tc in tr:
                if tc.tag not in (_q('table', 'table-cell'), _q('table', 'covered-table-cell')):
                    continue
                formula = tc.get(_q('table', 'formula'))
                if formula is not None:
                    shown = ''.join(''.join(p.itertext()) for p in tc.findall('text:p', NS))
                    kind = tc.get(_q('calcext', 'value-type'))
                    if kind == 'error' or any(e in shown for e in ERROR_TEXTS):
                        cells.append((col, row, y, shown, formula))
                col += int(tc.get(_q('table', 'number-columns-repeated'), '1'))
            repeat = int(tr.get(_q('table', 'number-rows-repeated'), '1'))
            height = sizes.get(tr.get(_q('table', 'style-name')), 0.0)
            if tr.get(_q('table', 'visibility'), 'visible') != 'visible':
                height = 0.0
            row += repeat
            for _ in range(min(repeat, 1000)):
                y += height
                tops.append(y)
        end_x = min(lefts + [x], key=lambda b: abs(b - PREVIEW_MM[0]))
        end_y = min(tops or [0.0], key=lambda b: abs(b - PREVIEW_MM[1]))
        for col, row, top, shown, formula in cells:
            left = lefts[col] if col < len(lefts) else x
            seen = n == 0 and left < end_x and top < end_y
            out.append((sheet, _address(col, row), shown, formula, seen))
    return out


def describe(error):
    sheet, where, shown, formula, seen = error
    return '%s.%s: %s (%s)%s' % (sheet, where, shown, formula, ', in the preview' if seen else '')


def thumbnail(path):
    """The preview image stored in the .ots (PNG bytes)."""
    with zipfile.ZipFile(path) as z:
        return z.read('Thumbnails/thumbnail.png')
