#!/usr/bin/python3
"""End-to-end test `roundtrip`: the calls saved and reloaded.

usage: roundtrip_e2e.py --oxt OXT --cli FTCOST --table TABLE.json
                        --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

The sheet of `functions` saved as .ods and .xlsx, the programmatic names
found in the files, reloaded, recalculated: same values.

Expectations, options and exit status: see e2e_cases.py.
"""

import os
import sys
import zipfile

from e2e_cases import SERVICE_UPPER, check_cases, load_cases, main, place_cases, report
from lo_harness import Office

def stored_text(path, member_suffix):
    with zipfile.ZipFile(path) as z:
        return ''.join(z.read(n).decode('utf-8', 'replace') for n in z.namelist()
                       if n.endswith(member_suffix))


def test_roundtrip(opts):
    table, cases, problems = load_cases(opts)
    failures = list(problems)
    total = 0
    with Office(opts) as office:
        office.install()
        office.start()
        doc = office.new_calc()
        sheet = doc.Sheets.getByIndex(0)
        place_cases(sheet, cases)
        doc.calculateAll()
        failures += check_cases(sheet, cases, 'before saving')
        total += len(cases)
        saved = {}
        for ext, flt in (('ods', 'calc8'), ('xlsx', 'Calc MS Excel 2007 XML')):
            saved[ext] = os.path.join(office.work, 'roundtrip.' + ext)
            office.store(doc, saved[ext], flt)
        doc.close(True)

        # What the files store: the programmatic names (the contract).
        content = stored_text(saved['ods'], 'content.xml')
        for fn in table['functions']:
            total += 1
            want = 'of:=%s.%s(' % (SERVICE_UPPER, fn['name'])
            if want not in content and ('[.' not in content or
                                        '%s.%s(' % (SERVICE_UPPER, fn['name']) not in content):
                failures.append('.ods does not store %s as %s' % (fn['name'], want))
        sheet_xml = stored_text(saved['xlsx'], 'sheet1.xml')
        for fn in table['functions']:
            total += 1
            if ('%s.%s(' % (SERVICE_UPPER, fn['name'])) not in sheet_xml.upper():
                failures.append('.xlsx does not store %s by its programmatic name' % fn['name'])

        for ext in ('ods', 'xlsx'):
            doc = office.load(saved[ext])
            sheet = doc.Sheets.getByIndex(0)
            doc.calculateAll()
            failures += check_cases(sheet, cases, 'reloaded .' + ext)
            total += len(cases)
            doc.close(True)
    return report(failures, 'roundtrip', total)


if __name__ == '__main__':
    sys.exit(main(__doc__, {'roundtrip': test_roundtrip}))
