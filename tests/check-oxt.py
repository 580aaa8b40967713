#!/usr/bin/env python3
"""Checks the built ftcost.oxt as an extension manager and a desktop see it.

usage: check-oxt.py OXT VERSION

- the entries the manifest and description name are there; the version in
  description.xml is the project's;
- the add-in exports only the component entry points;
- every library the add-in needs is in the .oxt or one LibreOffice itself
  depends on (so installing the .oxt on a desktop with LibreOffice is
  enough), and the bundled ones are found through $ORIGIN.
Prints "N passed, N failed".
"""
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

# What any LibreOffice 7.4 install brings (libreoffice-core depends on them).
OFFICE_LIBS = {
    'libuno_cppu.so.3', 'libuno_sal.so.3', 'libglib-2.0.so.0', 'libgio-2.0.so.0',
    'libgobject-2.0.so.0', 'libgmodule-2.0.so.0', 'libc.so.6', 'libm.so.6',
    'ld-linux-x86-64.so.2',
}

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL:', what)


def main(oxt, version):
    z = zipfile.ZipFile(oxt)
    names = set(z.namelist())
    for required in ('META-INF/manifest.xml', 'description.xml', 'LICENSE', 'Paths.xcu',
                     'CalcAddIns.xcu',
                     'templates/ftcost/ftcost-tco.ots', 'templates/ftcost/ftcost-budget.ots',
                     'templates/ftcost/ftcost-breakeven.ots',
                     'templates/ftcost/ftcost-checklist.ots', 'templates/ftcost/ftcost-rag.ots',
                     'l10n/de/ftcost/ftcost-tco-de.ots', 'l10n/de/ftcost/ftcost-budget-de.ots',
                     'l10n/de/ftcost/ftcost-breakeven-de.ots',
                     'l10n/de/ftcost/ftcost-checklist-de.ots', 'l10n/de/ftcost/ftcost-rag-de.ots',
                     'THIRD-PARTY.txt', 'ftcost.uno.so', 'ftcost.rdb',
                     'ftcost.components', 'libjson-glib-1.0.so.0'):
        check(required in names, 'the .oxt has ' + required)

    manifest = ET.fromstring(z.read('META-INF/manifest.xml'))
    for entry in manifest:
        path = entry.get('{http://openoffice.org/2001/manifest}full-path')
        check(path in names, 'manifest entry %s is in the .oxt' % path)

    desc = ET.fromstring(z.read('description.xml'))
    ns = {'d': 'http://openoffice.org/extensions/description/2006'}
    check(desc.find('d:identifier', ns).get('value') == 'org.ftcost', 'identifier org.ftcost')
    check(desc.find('d:version', ns).get('value') == version, 'version ' + version)
    check(desc.find('d:platform', ns).get('value') == 'linux_x86_64', 'platform')

    with tempfile.TemporaryDirectory() as tmp:
        so = z.extract('ftcost.uno.so', tmp)
        dyn = subprocess.run(['readelf', '-d', '-W', so], capture_output=True, text=True,
                             check=True).stdout
        needed = set(re.findall(r'\(NEEDED\)\s+Shared library: \[([^\]]+)\]', dyn))
        runpath = re.findall(r'\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]+)\]',
                             dyn)
        for lib in sorted(needed):
            check(lib in names or lib in OFFICE_LIBS,
                  '%s is bundled or comes with LibreOffice' % lib)
        check(runpath == ['$ORIGIN'], 'runpath is $ORIGIN alone, not %s' % runpath)
        syms = subprocess.run(['nm', '-D', '--defined-only', so], capture_output=True,
                              text=True, check=True).stdout
        exported = {line.split()[-1] for line in syms.splitlines()
                    if line.split()[1:2] and line.split()[1] in 'TDBRW'}
        check(exported == {'component_getFactory', 'component_getImplementationEnvironment'},
              'exports only the component entry points, not %s' % sorted(exported))

    print('oxt: %d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
