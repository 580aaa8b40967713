#!/usr/bin/python3
"""End-to-end tests under valgrind: the add-in in soffice.bin under memcheck.

usage: valgrind_e2e.py [valgrind-full|valgrind|valgrind-arrays]
                       --oxt OXT --cli FTCOST --table TABLE.json
                       --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

valgrind-full  one recalculation of ftcost-stored-names.fods and the sheets
               of `functions` and `badinput` and the array cases with
               soffice.bin under valgrind memcheck: fails on any error, or
               definitely lost block, whose stack passes through the
               add-in's shared object;
valgrind       (by hand) the .fods alone, a quicker check;
valgrind-arrays  (by hand) the array cases alone.

Expectations, options and exit status: see e2e_cases.py.
"""

import os
import shutil
import sys
import time
import xml.etree.ElementTree as ET

from e2e_bad_cases import build_bad_cases, place_bad_helpers, silent_zeros
from e2e_cases import (Core, check_cases, load_cases, load_stored_names, load_table, log, main,
                       place_cases, read_fods_rows, report, run_array_cases, still_responsive)
from lo_harness import HarnessError, Office

def our_frames(stack, lib):
    return [f for f in stack.findall('frame')
            if (f.findtext('obj') or '').endswith(lib)]


def describe(err, lib):
    kind = err.findtext('kind')
    what = err.findtext('what') or err.findtext('xwhat/text') or ''
    frames = []
    for f in err.find('stack').findall('frame'):
        fn = f.findtext('fn') or '?'
        obj = os.path.basename(f.findtext('obj') or '')
        where = f.findtext('file')
        line = f.findtext('line')
        frames.append('    %s (%s%s)' % (fn, obj, ':%s:%s' % (where, line) if where else ''))
    return '%s: %s\n%s' % (kind, what, '\n'.join(frames[:20]))


def valgrind_run(opts, what, body):
    """soffice.bin under valgrind memcheck; body(office) -> (failures,
    checks) drives it; then fails on any error, or definitely lost block,
    whose stack passes through the add-in's shared object."""
    if shutil.which('valgrind') is None:
        log('SKIP valgrind not installed')
        return 77
    lib = 'ftcost.uno.so'
    with Office(opts) as office:
        office.install()
        xml_path = os.path.join(office.work, 'memcheck.xml')
        office.valgrind_xml = xml_path
        t0 = time.time()
        office.start(timeout=900)
        log('soffice under valgrind up in %.0f s' % (time.time() - t0))
        failures, total = body(office)
        t1 = time.time()
        office.terminate(timeout=900)
        log('soffice under valgrind exited after %.0f s (status %r); %.0f s in all'
            % (time.time() - t1, office.proc.returncode, time.time() - t0))
        if office.proc.returncode is None:
            raise HarnessError('soffice under valgrind did not exit')
        try:
            tree = ET.parse(xml_path)
        except (OSError, ET.ParseError) as e:
            raise HarnessError('no usable valgrind report %s: %s' % (xml_path, e))
        root = tree.getroot()
        n_errors = 0
        ours = []
        kinds = {}
        for err in root.findall('error'):
            kind = err.findtext('kind') or ''
            stack = err.find('stack')
            if stack is None:
                continue
            n_errors += 1
            if not our_frames(stack, lib):
                continue
            if kind.startswith('Leak_') and kind != 'Leak_DefinitelyLost':
                continue
            kinds[kind] = kinds.get(kind, 0) + 1
            ours.append(describe(err, lib))
        log('valgrind reported %d errors and definite leaks in all of soffice, %d through %s%s'
            % (n_errors, len(ours), lib,
               ' (%s)' % ', '.join('%s %d' % kv for kv in sorted(kinds.items())) if kinds else ''))
        failures += ours
    return report(failures, what, total + 1)


def valgrind_fods(office, opts):
    doc, sheet = load_stored_names(office, opts)
    failures = []
    rows = read_fods_rows(sheet)
    for r, call in rows:
        check = sheet.getCellByPosition(2, r)
        if check.getError() or check.getValue() != 1.0:
            failures.append('row %d %s: check cell %r' % (r + 1, call, check.getString()))
    doc.close(True)
    # Without results the run proves nothing: the add-in must have
    # computed the sheet under valgrind.
    if not rows:
        failures.append('the .fods has no calls')
    return failures, len(rows)


def test_valgrind(opts):
    return valgrind_run(opts, 'valgrind', lambda office: valgrind_fods(office, opts))


def test_valgrind_full(opts):
    """The .fods, the sheet of `functions`, the sheet of `badinput` and the
    array cases, computed by soffice.bin under memcheck."""
    table, cases, problems = load_cases(opts)
    core = Core(opts.cli)
    # A whole column is an array of 1 048 576 cells for each such call
    # (array arguments): e2e-badinput checks them; under memcheck they
    # would take hours.
    bad = [c for c in build_bad_cases(table, core, problems) if 'whole column' not in c.label]
    failures = ['expectation: ' + p for p in problems]

    def body(office):
        total = 0
        f, n = valgrind_fods(office, opts)
        failures.extend(f)
        total += n
        for what, cs, helpers in (('functions', cases, False), ('badinput', bad, True)):
            t0 = time.time()
            doc = office.new_calc()
            sheet = doc.Sheets.getByIndex(0)
            if helpers:
                place_bad_helpers(sheet)
            place_cases(sheet, cs)
            doc.calculateAll()
            failures.extend(check_cases(sheet, cs, what + ' under valgrind'))
            if helpers:
                failures.extend('SILENT ' + s for s in silent_zeros(sheet, cs))
            total += len(cs)
            doc.close(True)
            log('%s: %d calls placed, computed and checked under valgrind in %.0f s'
                % (what, len(cs), time.time() - t0))
        t0 = time.time()
        doc = office.new_calc()
        f, n = run_array_cases(doc, table, core)
        failures.extend(f)
        total += n
        doc.close(True)
        log('arrays: computed and checked under valgrind in %.0f s' % (time.time() - t0))
        failures.extend(still_responsive(office, core, table))
        return failures, total + 1

    return valgrind_run(opts, 'valgrind-full', body)


def test_valgrind_arrays(opts):
    """The array cases of `functions` under memcheck (part of valgrind-full:
    a quicker check by hand)."""
    table = load_table(opts)

    def body(office):
        doc = office.new_calc()
        failures, checks = run_array_cases(doc, table, Core(opts.cli))
        doc.close(True)
        return failures, checks

    return valgrind_run(opts, 'valgrind-arrays', body)


if __name__ == '__main__':
    sys.exit(main(__doc__, {'valgrind-full': test_valgrind_full, 'valgrind': test_valgrind,
                         'valgrind-arrays': test_valgrind_arrays}))
