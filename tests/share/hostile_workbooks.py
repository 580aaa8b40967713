#!/usr/bin/python3
"""`ftcost share` on workbooks that attack the reader.

usage: hostile_workbooks.py FTCOST

Each file is made here and given to `ftcost share IN OUT` (.ods to .ods: no
LibreOffice involved) in under 10 s of wall time and, unless the command is
built with AddressSanitizer (which reserves terabytes of address space),
under a 512 MiB address-space limit (RLIMIT_AS); its peak resident memory
is measured too.  A refused file must exit 2 with one line naming the
reason, and leave OUT as it was (absent, or a file that was there before);
a legal workbook must be shared.  The files:
  entity bomb        1 KB content.xml declaring nested entities ("billion
                     laughs"): refused for its DTD
  external entity    a DTD with a SYSTEM entity: refused for its DTD
  deep nesting       200 000 nested elements: refused for the depth
  600 MB content     content.xml deflated from 600 MB of spaces: refused for
                     the entry's size, before it is inflated
  600 MB picture     the same under Pictures/: refused the same way
  many entries       100 000 empty entries: refused for the count
  total size         40 entries of 8 MB: refused for the total
  lying size         content.xml declared 100 bytes that inflates to 1 MB:
                     refused (the stream is cut at its declared size)
  truncated zip      the control workbook cut in half: refused
  corrupt stream     8 bytes of content.xml's deflate stream overwritten:
                     refused
  not a zip          text: refused
  empty              0 bytes, a zip of no entry, a zip without content.xml:
                     refused
  control            a legal workbook calling FT_TCO: shared, the copy
                     computes it with built-in functions
Exit status: 0 pass, 1 fail.
"""

import io
import os
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

LIMIT_S = 10
LIMIT_BYTES = 512 << 20

CONTENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' office:version="1.3"><office:body><office:spreadsheet>'
    '<table:table table:name="Sheet1"><table:table-row>')
CONTENT_TAIL = ('</table:table-row></table:table></office:spreadsheet></office:body>'
                '</office:document-content>')
FORMULA = 'of:=ORG.FTCOST.FUNCTIONS.FT_TCO(200;3000;320;1;18)'
CONTROL_CELL = ('<table:table-cell table:formula="%s" office:value-type="float" '
                'office:value="1224800"><text:p>1224800</text:p></table:table-cell>' % FORMULA)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>')


def workbook(path, content, extra=()):
    """An .ods: mimetype, manifest, content.xml (str or a writer function)
    and extra (name, bytes or writer) entries."""
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.spreadsheet',
                   compress_type=zipfile.ZIP_STORED)
        z.writestr('META-INF/manifest.xml', MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in [('content.xml', content)] + list(extra):
            if callable(data):
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, 'w', force_zip64=True) as f:
                    data(f)
            else:
                z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)


def spaces(total):
    """A writer of `total` spaces (which deflate about 1000 to 1)."""
    def write(f):
        block = b' ' * (1 << 20)
        left = total
        while left > 0:
            f.write(block[:min(left, len(block))])
            left -= len(block)
    return write


def entity_bomb():
    ents = '<!ENTITY lol0 "lollollollollollollollollollol">' + ''.join(
        '<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1)) * 10) for i in range(1, 10))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE office:document-content [%s]>\n'
            % ents + CONTENT_HEAD.split('\n', 1)[1]
            + '<table:table-cell table:formula="of:=&lol9;"><text:p>&lol9;</text:p>'
            '</table:table-cell>' + CONTENT_TAIL)


def external_entity():
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE office:document-content [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            + CONTENT_HEAD.split('\n', 1)[1] + '<table:table-cell><text:p>&x;</text:p>'
            '</table:table-cell>' + CONTENT_TAIL)


def deep(n):
    return (CONTENT_HEAD + '<table:table-cell><text:p>' + '<text:span>' * n
            + '</text:span>' * n + '</text:p></table:table-cell>' + CONTENT_TAIL)


def many_entries(path, n):
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.spreadsheet')
        z.writestr('content.xml', CONTENT_HEAD + CONTROL_CELL + CONTENT_TAIL)
        for i in range(n):
            z.writestr(zipfile.ZipInfo('Pictures/%06d' % i), b'')


def hand_made_zip(path, entries):
    """A zip written field by field: (name, method, stream, crc, declared
    size) each, so that the headers can say what the data does not."""
    body, central = b'', b''
    for name, method, stream, crc, size in entries:
        n = name.encode()
        central += struct.pack('<4sHHHHHHIIIHHHHHII', b'PK\x01\x02', 20, 20, 0, method, 0, 0,
                               crc, len(stream), size, len(n), 0, 0, 0, 0, 0, len(body)) + n
        body += struct.pack('<4sHHHHHIIIHH', b'PK\x03\x04', 20, 0, method, 0, 0, crc,
                            len(stream), size, len(n), 0) + n + stream
    end = struct.pack('<4sHHHHIIH', b'PK\x05\x06', 0, 0, len(entries), len(entries),
                      len(central), len(body), 0)
    with open(path, 'wb') as f:
        f.write(body + central + end)


def lying_size(path):
    """content.xml whose headers say 100 bytes; its stream inflates to 1 MB."""
    real = (CONTENT_HEAD + CONTROL_CELL + ' ' * (1 << 20) + CONTENT_TAIL).encode()
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = comp.compress(real) + comp.flush()
    mimetype = b'application/vnd.oasis.opendocument.spreadsheet'
    hand_made_zip(path, [('mimetype', 0, mimetype, zlib.crc32(mimetype), len(mimetype)),
                         ('content.xml', 8, stream, zlib.crc32(real), 100)])


def corrupt(data):
    """The workbook with the middle of content.xml's stream overwritten."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo('content.xml')
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + b'\xff' * 8 + data[middle + 8:]


def uses_asan(exe):
    with open(exe, 'rb') as f:
        return b'__asan_init' in f.read()


def run_share(cli, src, out, asan):
    """(exit status or None when killed, stderr, seconds, peak RSS in KiB)."""
    def limit():
        if not asan:
            resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))
    t0 = time.time()
    with tempfile.TemporaryFile() as err:
        # No LibreOffice may be involved (.ods to .ods).
        p = subprocess.Popen([cli, 'share', src, out], stdout=subprocess.DEVNULL, stderr=err,
                             preexec_fn=limit,
                             env=dict(os.environ, FTCOST_SOFFICE='/nonexistent/soffice'))
        deadline = t0 + LIMIT_S * (6 if asan else 1)
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.time() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                p.returncode = 0  # reaped here
                return None, 'timed out', time.time() - t0, 0
            time.sleep(0.005)
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return (p.returncode, err.read().decode('utf-8', 'replace'), time.time() - t0,
                usage.ru_maxrss)


def main():
    cli = os.path.abspath(sys.argv[1])
    asan = uses_asan(cli)
    tmp = tempfile.mkdtemp(prefix='ftcost-hostile-')
    failures = []
    P = lambda name: os.path.join(tmp, name)  # noqa: E731
    control = P('control.ods')
    workbook(control, CONTENT_HEAD + CONTROL_CELL + CONTENT_TAIL)
    t0 = time.time()
    workbook(P('bomb.ods'), entity_bomb())
    workbook(P('external.ods'), external_entity())
    workbook(P('deep.ods'), deep(200000))
    workbook(P('big-content.ods'), spaces(600 * 1000 * 1000))
    workbook(P('big-picture.ods'), CONTENT_HEAD + CONTROL_CELL + CONTENT_TAIL,
             [('Pictures/zeros.png', spaces(600 * 1000 * 1000))])
    many_entries(P('many.ods'), 100000)
    workbook(P('total.ods'), CONTENT_HEAD + CONTROL_CELL + CONTENT_TAIL,
             [('Pictures/%02d.png' % i, spaces(8 << 20)) for i in range(40)])
    lying_size(P('lying.ods'))
    data = open(control, 'rb').read()
    open(P('truncated.ods'), 'wb').write(data[:len(data) // 2])
    open(P('corrupt.ods'), 'wb').write(corrupt(data))
    open(P('notzip.ods'), 'wb').write(b'this is not a zip archive\n' * 40)
    open(P('empty.ods'), 'wb').close()
    zipfile.ZipFile(P('emptyzip.ods'), 'w').close()
    with zipfile.ZipFile(P('nocontent.ods'), 'w') as z:
        z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
    print('made the files in %.1f s (%d KB bomb, %d KB deep, %d KB 600 MB content, '
          '%d KB many)' % (time.time() - t0, os.path.getsize(P('bomb.ods')) // 1024,
                           os.path.getsize(P('deep.ods')) // 1024,
                           os.path.getsize(P('big-content.ods')) // 1024,
                           os.path.getsize(P('many.ods')) // 1024), flush=True)

    refused = [
        ('bomb.ods', 'document type declaration'),
        ('external.ods', 'document type declaration'),
        ('deep.ods', 'nested more than 128 deep'),
        ('big-content.ods', 'content.xml inflates to 572 MiB, more than the 128 MiB'),
        ('big-picture.ods', 'Pictures/zeros.png inflates to 572 MiB'),
        ('many.ods', '100002 entries, more than the 10000'),
        ('total.ods', 'entries inflate to 320 MiB, more than the 256 MiB'),
        ('lying.ods', 'content.xml'),
        ('truncated.ods', 'not a workbook (zip archive)'),
        ('corrupt.ods', 'content.xml is truncated or corrupt'),
        ('notzip.ods', 'not a workbook (zip archive)'),
        ('empty.ods', 'not a workbook (zip archive)'),
        ('emptyzip.ods', 'a zip archive with no file in it'),
        ('nocontent.ods', 'not an OpenDocument spreadsheet (no content.xml)'),
    ]
    peak = 0
    for name, why in refused + [('control.ods', None)]:
        for existing in (False, True):
            out = P('out-' + name)
            if existing:
                with open(out, 'w') as f:
                    f.write('kept')
            code, err, secs, rss = run_share(cli, P(name), out, asan)
            peak = max(peak, rss)
            lines = [line for line in err.splitlines() if line]
            print('%-16s %s exit %s in %.2f s, peak RSS %d MiB: %s' % (
                name, 'over a file:' if existing else '            ', code, secs, rss // 1024,
                lines[-1] if lines else ''), flush=True)
            label = '%s%s' % (name, ' (OUT existed)' if existing else '')
            if code is None:
                failures.append('%s: still running after %d s' % (label, LIMIT_S))
                continue
            if not asan and secs > LIMIT_S:
                failures.append('%s: took %.1f s' % (label, secs))
            if why is None:
                if code != 0:
                    failures.append('%s: the legal workbook was not shared: %s' % (label, err))
                    continue
                with zipfile.ZipFile(out) as z:
                    content = z.read('content.xml').decode()
                # FT_TCO(200;3000;320;1;18) as its arithmetic (numbers
                # written in the call need no guard)
                if ('ORG.FTCOST' in content.upper() or
                        '(200)+(3000)*(24)+(320)*(150)*(24)' not in content):
                    failures.append('%s: the copy does not compute FT_TCO with built-in '
                                    'functions' % label)
                continue
            if code != 2:
                failures.append('%s: exit %s, want 2 (refused): %s' % (label, code, err))
            if len(lines) != 1 or not lines[0].startswith('ftcost share: ') or why not in lines[0]:
                failures.append('%s: want one line saying %r, got %r' % (label, why, err))
            if existing:
                if not os.path.exists(out):
                    failures.append('%s: OUT was removed' % label)
                elif open(out, 'rb').read() != b'kept':
                    failures.append('%s: OUT was overwritten' % label)
            elif os.path.exists(out):
                failures.append('%s: OUT was written' % label)
            if os.path.exists(out):
                os.unlink(out)
    print('largest peak RSS of any run: %d MiB%s' % (
        peak // 1024, ' (AddressSanitizer build: no address-space limit)' if asan else
        ' (limit %d MiB of address space)' % (LIMIT_BYTES >> 20)))
    if not asan and peak * 1024 > LIMIT_BYTES:
        failures.append('a run used %d MiB' % (peak // 1024))
    shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print('FAIL ' + f)
    print('hostile workbooks: %d failures' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
