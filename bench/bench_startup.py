"""bench.py startup: soffice started to a loaded plain sheet with and
without the extension, and when ftcost.uno.so gets mapped."""

import os
import shutil
import subprocess
import time

from bench_proc import load_average, median, memory_kb, soffice_pid, which_mapped
from lo_harness import HarnessError, Office, kill_session, log


def start_to_sheet(office, plain):
    """Seconds from starting soffice to a loaded plain sheet, polling the
    socket every 20 ms (Office.start's default, 0.5 s, is too coarse here)."""
    t0 = time.perf_counter()
    office.start(poll=0.02)
    doc = office.load(plain)
    return doc, time.perf_counter() - t0


def stop(office):
    office.terminate(timeout=30)
    if office.proc is not None:
        kill_session(office.proc.pid)
        office.proc.wait()
        office.proc = None


def run_startup(opts):
    with Office(opts) as bare, Office(opts) as ours:
        ours.install()
        # A profile without the extension (as share_e2e.py makes one).
        for d in ('.config', '.cache', '.local/share', 'run', 'tmp'):
            os.makedirs(os.path.join(bare.home, d), exist_ok=True)
        if bare.root:
            subprocess.run(['chown', '-R', 'nobody:nogroup', bare.profile], check=True)
        plain = os.path.join(bare.work, 'plain.ods')
        # A plain sheet (numbers and a SUM), made by LibreOffice itself.
        bare.start()
        doc = bare.new_calc()
        sh = doc.Sheets.getByIndex(0)
        sh.getCellRangeByName('A1:A3').setDataArray(((1.0,), (2.0,), (3.0,)))
        sh.getCellRangeByName('A4').setFormula('=SUM(A1:A3)')
        bare.store(doc, plain, 'calc8')
        doc.close(True)
        # A document with an ftcost formula.
        doc = bare.new_calc()
        doc.Sheets.getByIndex(0).getCellRangeByName('A1').setFormula(
            '=ORG.FTCOST.FUNCTIONS.FT_TCO(200;3000;320;1;18)')
        with_ft = os.path.join(bare.work, 'with-ftcost.ods')
        bare.store(doc, with_ft, 'calc8')
        doc.close(True)
        stop(bare)
        for f in (plain, with_ft):
            copy = os.path.join(ours.work, os.path.basename(f))
            shutil.copy(f, copy)
            if ours.root:
                shutil.chown(copy, 'nobody', 'nogroup')
        times = {'without': [], 'with': []}
        rss = {'without': [], 'with': []}
        # One unmeasured start each first (the profile's first-start work),
        # then alternate so that a change in machine load hits both alike.
        for label, o in (('without', bare), ('with', ours)):
            doc, _ = start_to_sheet(o, os.path.join(o.work, 'plain.ods'))
            doc.close(True)
            stop(o)
        for _ in range(opts.starts):
            for label, o in (('without', bare), ('with', ours)):
                doc, t = start_to_sheet(o, os.path.join(o.work, 'plain.ods'))
                times[label].append(t)
                rss[label].append(memory_kb(soffice_pid(o))[0])
                doc.close(True)
                stop(o)
        log('')
        log('Start-up to a loaded plain sheet (median of %d; load %s):' % (opts.starts,
                                                                        load_average()))
        for label in ('without', 'with'):
            ts = times[label]
            log('  %-7s the extension: median %.2f s, min %.2f s (%s); RSS median %.1f MB' % (
                label, median(ts), min(ts), ', '.join('%.2f' % t for t in ts),
                median(rss[label]) / 1024))
        log('  difference of the medians: %+.2f s, %+.1f MB' % (
            median(times['with']) - median(times['without']),
            (median(rss['with']) - median(rss['without'])) / 1024))

        # When is ftcost.uno.so mapped?
        steps = []
        doc, _ = start_to_sheet(ours, os.path.join(ours.work, 'plain.ods'))
        pid = soffice_pid(ours)
        steps.append(('after start and loading a plain sheet', which_mapped(pid)))
        sh = doc.Sheets.getByIndex(0)
        sh.getCellRangeByName('B1').setFormula('=A1*2+SUM(A1:A3)')
        doc.calculateAll()
        steps.append(('after typing a native formula (=A1*2+SUM(A1:A3))', which_mapped(pid)))
        sh.getCellRangeByName('C1').setFormula('=NOSUCHFUNCTION(1)')
        steps.append(('after typing an unknown name (=NOSUCHFUNCTION(1))', which_mapped(pid)))
        # The first call pays for loading the library: typed and computed,
        # then a second one.
        first = []
        for cell in ('D1', 'D2'):
            t0 = time.perf_counter()
            sh.getCellRangeByName(cell).setFormula('=FT_TCO(200;3000;320;1;18)')
            value = sh.getCellRangeByName(cell).getValue()
            first.append(time.perf_counter() - t0)
            if value != 1224800.0:
                raise HarnessError('FT_TCO(200;3000;320;1;18) gave %r' % value)
        steps.append(('after typing =FT_TCO(200;3000;320;1;18)', which_mapped(pid)))
        doc.close(True)
        stop(ours)
        doc, _ = start_to_sheet(ours, os.path.join(ours.work, 'plain.ods'))
        pid = soffice_pid(ours)
        fa = ours.ctx.ServiceManager.createInstanceWithContext(
            'com.sun.star.sheet.FunctionDescriptions', ours.ctx)
        fa.getCount()
        steps.append(('fresh start, after counting the function list', which_mapped(pid)))
        for i in range(fa.getCount()):
            fa.getByIndex(i)
        steps.append(('... and reading every entry (the Function Wizard\'s view)',
                      which_mapped(pid)))
        doc.close(True)
        stop(ours)
        doc, _ = start_to_sheet(ours, os.path.join(ours.work, 'with-ftcost.ods'))
        pid = soffice_pid(ours)
        steps.append(('fresh start, after loading a document with an FT_TCO formula',
                      which_mapped(pid)))
        doc.close(True)
        stop(ours)
        log('Mapped into soffice.bin?  %-50s %-13s %s' % ('', 'ftcost.uno.so', 'libpricinglo.so'))
        for what, (mine, pricing) in steps:
            log('  %-75s %-13s %s' % (what, 'yes' if mine else 'no', 'yes' if pricing else 'no'))
        log('First FT_TCO typed in a fresh session: %.1f ms (loading the library included); '
            'the second: %.1f ms' % (first[0] * 1e3, first[1] * 1e3))

