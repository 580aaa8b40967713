#!/usr/bin/env python3
"""Zip the files of the extension into an .oxt.

usage: make-oxt.py OUT.oxt NAME=PATH [NAME=PATH ...]

NAME is the path inside the archive, PATH the file to store.  Entries are
written in the given order with a fixed timestamp, so the .oxt is
reproducible.  META-INF/manifest.xml must be among them.
"""
import sys
import zipfile

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 1
    out = argv[1]
    entries = []
    for spec in argv[2:]:
        name, sep, path = spec.partition('=')
        if not sep or not name or not path:
            sys.stderr.write('make-oxt.py: bad entry %r (want NAME=PATH)\n' % spec)
            return 1
        entries.append((name, path))
    names = [n for n, _ in entries]
    if 'META-INF/manifest.xml' not in names or len(set(names)) != len(names):
        sys.stderr.write('make-oxt.py: need one META-INF/manifest.xml, no duplicates\n')
        return 1
    with zipfile.ZipFile(out + '.tmp', 'w', zipfile.ZIP_DEFLATED) as z:
        for name, path in entries:
            with open(path, 'rb') as f:
                data = f.read()
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            # Keep the shared object executable once unpacked.
            info.external_attr = (0o755 if name.endswith('.so') or '.so.' in name else 0o644) << 16
            z.writestr(info, data)
    import os
    os.replace(out + '.tmp', out)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
