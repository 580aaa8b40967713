#!/usr/bin/python3
"""Each template in a real LibreOffice window, 100 % zoom on a 1600x900
screen: screenshots as evidence, and what a window shows checked.

usage: screenshot-templates.py --oxt ... --cli ... --table ... --install ...
                               --outdir DIR [--locale de-DE] TEMPLATE...

Starts Xvfb (1600x900, 96 dpi) and one soffice with windows on it (the
extension installed in a throwaway profile), opens each template as File >
New > Templates does, maximised, at 100 %, every sheet in turn, and saves
DIR/<template>-<sheet number>.png (the screen, from Xvfb's frame buffer).
Fails on what can be measured through UNO from the running window:
  - a visible cell (the view's visible area) shows an error text (#NAME?,
    Err:502, #N/A...) where a number belongs;
  - a visible number would show "###": its text, measured with the
    window's own font metrics (awt XFont.getStringWidth), is wider than
    its column or merged area in pixels;
  - the RAG template's recommendation panel (named range Recommendation
    and its section head) is not in the visible area of its first sheet.
Exit 0 when everything passes, 1 otherwise, 77 (skipped, with the reason)
without Xvfb (xvfb) or a LibreOffice that can open windows
(libreoffice-calc; the -nogui packages have no X11 plugin): as root,
`bash tools/dev.sh test` installs both.
"""
import glob
import os
import shutil
import struct
import subprocess
import sys
import time
import zlib

from lo_harness import ERR_NAMES, HarnessError, Office, log, report, run_on_templates

SCREEN = (1600, 900)
ERROR_TEXTS = tuple(ERR_NAMES.values()) + ('Err:', '#REF!', '#NULL!')
# Cell text margins in pixels (Calc leaves a little room on each side of
# the text it draws; a text that needs the whole column shows "###").
MARGIN_PX = 4


def gui_missing(program):
    if shutil.which('Xvfb') is None:
        return 'no Xvfb (install xvfb)'
    if not glob.glob(os.path.join(program, 'libvclplug_gen*.so')):
        return ('this LibreOffice cannot open windows (%s has no libvclplug_gen*.so: the '
                '-nogui packages; install libreoffice-calc)' % program)
    return None


class Xvfb:
    """An X server in memory whose screen is a file (XWD) we can read."""

    def __init__(self, tmp):
        self.fbdir = os.path.join(tmp, 'fb')
        os.makedirs(self.fbdir)
        r, w = os.pipe()
        self.proc = subprocess.Popen(
            ['Xvfb', '-displayfd', str(w), '-screen', '0', '%dx%dx24' % SCREEN, '-dpi', '96',
             '-nolisten', 'tcp', '-ac', '-fbdir', self.fbdir],
            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        os.close(w)
        with os.fdopen(r) as f:
            number = f.readline().strip()
        if not number:
            raise HarnessError('Xvfb did not start')
        self.display = ':' + number

    def png(self, path):
        """The screen as a PNG (from the XWD frame buffer, 32 bits a pixel)."""
        with open(os.path.join(self.fbdir, 'Xvfb_screen0'), 'rb') as f:
            data = f.read()
        h = struct.unpack('>25I', data[:100])
        header, width, height, byte_order, bpp, line = h[0], h[4], h[5], h[7], h[11], h[12]
        ncolors = h[19]
        if bpp != 32:
            raise HarnessError('Xvfb frame buffer: %d bits a pixel' % bpp)
        pixels = data[header + 12 * ncolors:]
        rows = bytearray()
        for y in range(height):
            row = pixels[y * line:y * line + 4 * width]
            rows.append(0)
            if byte_order == 0:  # LSBFirst: B G R X
                rows += bytes(b for i in range(0, len(row), 4) for b in (row[i + 2], row[i + 1], row[i]))
            else:
                rows += bytes(b for i in range(0, len(row), 4) for b in (row[i + 1], row[i + 2], row[i + 3]))

        def chunk(kind, body):
            return (struct.pack('>I', len(body)) + kind + body
                    + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff))
        with open(path, 'wb') as f:
            f.write(b'\x89PNG\r\n\x1a\n'
                    + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
                    + chunk(b'IDAT', zlib.compress(bytes(rows), 6)) + chunk(b'IEND', b''))

    def close(self):
        self.proc.kill()
        self.proc.wait()


def settle(office):
    """Lets the window paint what it was told."""
    tk = office.ctx.ServiceManager.createInstanceWithContext('com.sun.star.awt.Toolkit',
                                                             office.ctx)
    for _ in range(3):
        tk.processEventsToIdle()
        time.sleep(0.5)


def width_px(sheet, cell, device):
    """Pixels of the cell's column (or merged area) at 100 %."""
    cursor = sheet.createCursorByRange(cell)
    cursor.collapseToMergedArea()
    a = cursor.RangeAddress
    mm100 = sum(sheet.Columns.getByIndex(c).Width for c in range(a.StartColumn, a.EndColumn + 1))
    return mm100 / 100000.0 * device.getInfo().PixelPerMeterX


def text_px(cell, shown, device):
    from com.sun.star.awt import FontDescriptor
    fd = FontDescriptor()
    fd.Name = cell.CharFontName
    fd.Height = int(round(cell.CharHeight))
    fd.Weight = cell.CharWeight
    return device.getFont(fd).getStringWidth(shown)


def check_view(doc, sheet, device, where):
    from com.sun.star.table.CellContentType import EMPTY, TEXT, FORMULA
    bad = []
    v = doc.CurrentController.getVisibleRange()
    for row in range(v.StartRow, v.EndRow + 1):
        if not sheet.Rows.getByIndex(row).IsVisible:
            continue
        for col in range(v.StartColumn, v.EndColumn + 1):
            if not sheet.Columns.getByIndex(col).IsVisible:
                continue
            cell = sheet.getCellByPosition(col, row)
            if cell.Type == EMPTY:
                continue
            shown = cell.getString()
            if cell.getError() or any(shown.startswith(e) for e in ERROR_TEXTS):
                bad.append('%s %s shows %r' % (where, cell.AbsoluteName, shown))
                continue
            is_text = cell.Type == TEXT or (cell.Type == FORMULA and cell.FormulaResultType2 == TEXT)
            if is_text or shown == '':
                continue
            need, have = text_px(cell, shown, device), width_px(sheet, cell, device)
            if need + MARGIN_PX > have:
                bad.append('%s %s shows ### (%r needs %d px, has %d px)'
                           % (where, cell.AbsoluteName, shown, need + MARGIN_PX, have))
    return bad, v


def in_view(v, sheet, name, doc):
    a = doc.NamedRanges.getByName(name).ReferredCells.RangeAddress
    return (a.StartColumn >= v.StartColumn and a.EndColumn <= v.EndColumn
            and a.StartRow >= v.StartRow and a.EndRow <= v.EndRow), a


def run(opts):
    why = gui_missing(opts.program)
    if why:
        log('SKIP no real window here: ' + why)
        return 77
    os.makedirs(opts.outdir, exist_ok=True)
    failures, shots = [], []
    with Office(opts) as office:
        xvfb = Xvfb(office.tmp)
        try:
            office.display = xvfb.display
            office.start_calc(opts.locale)
            for template in opts.templates:
                name = os.path.basename(template)[:-len('.ots')]
                doc = office.open_template(template, hidden=False)
                try:
                    ctl = doc.CurrentController
                    win = ctl.Frame.ContainerWindow
                    win.setPosSize(0, 0, SCREEN[0], SCREEN[1], 15)
                    win.IsMaximized = True
                    doc.calculateAll()
                    device = ctl.Frame.ComponentWindow
                    for i in range(doc.Sheets.Count):
                        sheet = doc.Sheets.getByIndex(i)
                        ctl.setActiveSheet(sheet)
                        ctl.ZoomType = 3  # BY_VALUE
                        ctl.ZoomValue = 100
                        ctl.select(sheet.getCellByPosition(0, 0))
                        settle(office)
                        png = os.path.join(opts.outdir, '%s-%d.png' % (name, i + 1))
                        xvfb.png(png)
                        shots.append(png)
                        bad, v = check_view(doc, sheet, device, '%s %s' % (name, sheet.Name))
                        failures += bad
                        log('%s %s: visible %s, screenshot %s' % (
                            name, sheet.Name, sheet.getCellRangeByPosition(
                                v.StartColumn, v.StartRow, v.EndColumn, v.EndRow).AbsoluteName, png))
                        if i == 0 and doc.NamedRanges.hasByName('Recommendation'):
                            ok, a = in_view(v, sheet, 'Recommendation', doc)
                            if not ok:
                                failures.append('%s: the recommendation panel (%s) is not in the '
                                                'visible area at 100 %% on a %dx%d screen'
                                                % (name, doc.NamedRanges.getByName('Recommendation')
                                                   .Content, SCREEN[0], SCREEN[1]))
                finally:
                    doc.close(True)
        finally:
            xvfb.close()
    return report(failures, 'screenshots: %d windows, nothing cut or in error: %s'
                  % (len(shots), ', '.join(shots)))


if __name__ == '__main__':
    sys.exit(run_on_templates(__doc__.split('\n')[0], run, 'ftcost-shots-types-',
                              lambda ap: ap.add_argument('--outdir', required=True)))
