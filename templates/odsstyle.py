"""odsstyle: the house style of the ftcost templates, for odsgen.

The colours, the cell roles (named cell styles "ftcost input", "ftcost calc
usd0", ...: a role's look plus a number format), and the fixed XML of a flat
OpenDocument file (its root element and page layouts).  Nothing here depends
on the template's language: the number formats, which carry the locale, are
in odsgen.
"""
from xml.sax.saxutils import quoteattr


FONT = 'Liberation Sans'
NAVY = '#1f3864'
BLUE = '#2e75b6'
PALE = '#dde7f3'
INPUT_FILL = '#fff2cc'
INPUT_LINE = '#c9a227'
GREY = '#595959'
RULE = '#a6a6a6'

# Formats a cell style can carry: name -> number style.
FORMATS = {
    None: None, 'usd0': 'N_usd0', 'usd2': 'N_usd2', 'usd3': 'N_usd3',
    'pct0': 'N_pct0', 'pct1': 'N_pct1', 'pct2': 'N_pct2', 'int': 'N_int',
    'dec1': 'N_dec1', 'dec2': 'N_dec2', 'sci': 'N_sci', 'month': 'N_month', 'date': 'N_date', 'text': 'N_text',
}

_BORDER_IN = '0.6pt solid ' + INPUT_LINE
_RULE_THIN = '0.5pt solid ' + RULE
_RULE_BOLD = '1.2pt solid ' + NAVY

# Roles: (parent text look, table-cell properties, paragraph align, protected)
ROLES = {
    'text': dict(),
    'title': dict(size='18pt', bold=True, color=NAVY),
    'subtitle': dict(size='10pt', italic=True, color=GREY),
    'section': dict(size='11pt', bold=True, color='#ffffff', fill=NAVY, pad=True),
    'colhead': dict(size='9pt', bold=True, color=NAVY, fill=PALE, wrap=True,
                    bottom=_RULE_BOLD, valign='middle', pad=True),
    'colhead_r': dict(size='9pt', bold=True, color=NAVY, fill=PALE, wrap=True,
                      bottom=_RULE_BOLD, align='end', valign='middle'),
    'label': dict(bottom=_RULE_THIN, pad=True),
    'label_b': dict(bold=True, bottom=_RULE_THIN, pad=True),
    'unit': dict(size='9pt', color=GREY, bottom=_RULE_THIN, pad=True),
    'note': dict(size='8.5pt', color=GREY, bottom=_RULE_THIN, pad=True),
    'warn': dict(size='8.5pt', color='#c00000', bottom=_RULE_THIN, pad=True),
    'note_free': dict(size='8.5pt', italic=True, color=GREY),
    'note_wrap': dict(size='8.5pt', italic=True, color=GREY, wrap=True, valign='top'),
    'input': dict(fill=INPUT_FILL, border=_BORDER_IN, unlocked=True, align='end', color='#1f1f1f'),
    'input_text': dict(fill=INPUT_FILL, border=_BORDER_IN, unlocked=True, align='center', color='#1f1f1f'),
    'calc': dict(bottom=_RULE_THIN, align='end'),
    'calc_b': dict(bold=True, bottom=_RULE_THIN, align='end'),
    'calc_c': dict(bold=True, bottom=_RULE_THIN, align='center'),
    'total_label': dict(bold=True, top=_RULE_BOLD, bottom=_RULE_THIN, fill='#f2f2f2', pad=True),
    'total': dict(bold=True, top=_RULE_BOLD, bottom=_RULE_THIN, align='end', fill='#f2f2f2'),
    'total_blank': dict(top=_RULE_BOLD, bottom=_RULE_THIN, fill='#f2f2f2'),
    'head_label': dict(size='10pt', bold=True, color='#ffffff', fill=NAVY, pad=True),
    'head_value': dict(size='22pt', bold=True, color='#ffffff', fill=NAVY, align='center', valign='middle'),
    'head_value_s': dict(size='14pt', bold=True, color='#ffffff', fill=NAVY, align='center', valign='middle'),
    'head_text': dict(size='9pt', color='#e7ecf5', fill=NAVY, align='center', wrap=True, valign='top'),
    'legend_in': dict(size='8.5pt', fill=INPUT_FILL, border=_BORDER_IN, align='center'),
    'legend_calc': dict(size='8.5pt', border=_RULE_THIN, align='center'),
}

STYLE_PREFIX = 'ftcost '


def style_name(role, fmt):
    return STYLE_PREFIX + role + ('' if fmt is None else ' ' + fmt)


def _cell_style_xml(role, fmt):
    p = ROLES[role]
    attrs = ['style:name=%s' % quoteattr(style_name(role, fmt)),
             'style:family="table-cell"', 'style:parent-style-name="Default"']
    if fmt:
        attrs.append('style:data-style-name="%s"' % FORMATS[fmt])
    cp = ['style:cell-protect="%s"' % ('none' if p.get('unlocked') else 'protected'),
          'style:print-content="true"']
    cp.append('fo:background-color="%s"' % p.get('fill', 'transparent'))
    if p.get('border'):
        cp.append('fo:border="%s"' % p['border'])
    else:
        for side in ('top', 'bottom'):
            if p.get(side):
                cp.append('fo:border-%s="%s"' % (side, p[side]))
    if p.get('wrap'):
        cp.append('fo:wrap-option="wrap"')
    cp.append('style:vertical-align="%s"' % p.get('valign', 'middle'))
    if p.get('pad'):
        cp.append('fo:padding-left="0.12cm"')
    if 'align' in p:
        cp.append('style:text-align-source="fix"')
    par = ''
    if 'align' in p:
        par = '<style:paragraph-properties fo:text-align="%s"/>' % p['align']
    tp = ['style:font-name="%s"' % FONT, 'fo:font-size="%s"' % p.get('size', '10pt')]
    if p.get('bold'):
        tp.append('fo:font-weight="bold"')
    if p.get('italic'):
        tp.append('fo:font-style="italic"')
    tp.append('fo:color="%s"' % p.get('color', '#000000'))
    return ('<style:style %s><style:table-cell-properties %s/>%s<style:text-properties %s/></style:style>'
            % (' '.join(attrs), ' '.join(cp), par, ' '.join(tp)))


HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" '
          'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
          'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
          'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
          'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
          'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">')


PAGE_LAYOUTS = (
    '<style:page-layout style:name="pm_land"><style:page-layout-properties fo:page-width="29.7cm" '
    'fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1cm" fo:margin-bottom="0.8cm" '
    'fo:margin-left="1.2cm" fo:margin-right="1.2cm" style:scale-to-pages="1" style:print-page-order="ttb" '
    'style:print="charts drawings objects zero-values" style:table-centering="horizontal"/>'
    '<style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.25cm"/></style:footer-style>'
    '</style:page-layout>'
    '<style:page-layout style:name="pm_port"><style:page-layout-properties fo:page-width="21cm" '
    'fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1cm" fo:margin-bottom="0.8cm" '
    'fo:margin-left="1.2cm" fo:margin-right="1.2cm" style:scale-to-pages="1" style:print-page-order="ttb" '
    'style:print="charts drawings objects zero-values" style:table-centering="horizontal"/>'
    '<style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.25cm"/></style:footer-style>'
    '</style:page-layout>')
