#!/usr/bin/python3
"""unpack-oxt.py OXT DESTDIR [LEAVE-OUT...]

Unpacks the extension OXT into DESTDIR (a bundled extension's directory),
leaving out the entries named LEAVE-OUT.  Files are 0644, the add-in's
shared objects 0755, directories 0755; entries that would land outside
DESTDIR are refused.  Every entry named on the command line must exist.
"""
import os
import sys
import zipfile


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 1
    oxt, dest, leave = argv[1], argv[2], set(argv[3:])
    dest_abs = os.path.abspath(dest)
    with zipfile.ZipFile(oxt) as z:
        names = z.namelist()
        missing = leave - set(names)
        if missing:
            sys.stderr.write('unpack-oxt.py: not in %s: %s\n' % (oxt, ' '.join(sorted(missing))))
            return 1
        for info in z.infolist():
            name = info.filename
            if name in leave or name.endswith('/'):
                continue
            target = os.path.abspath(os.path.join(dest_abs, name))
            if not target.startswith(dest_abs + os.sep):
                sys.stderr.write('unpack-oxt.py: refusing %r\n' % name)
                return 1
            os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
            with open(target, 'wb') as f:
                f.write(z.read(info))
            executable = name.endswith('.so') or '.so.' in name
            os.chmod(target, 0o755 if executable else 0o644)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
