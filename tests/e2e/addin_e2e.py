#!/usr/bin/python3
"""End-to-end test `addin`: what Calc reads from the ftcost add-in.

usage: addin_e2e.py --oxt OXT --cli FTCOST --table TABLE.json
                    --install INSTALL-PROFILE.SH [--program DIR] [--data DIR]

The add-in's library is not loaded until a function is used (Calc reads
CalcAddIns.xcu until then); XAddIn in en/de/fr against the table,
XServiceName/XServiceInfo/XTypeProvider/XCompatibilityNames, Calc's
function list (category Financial, argument names, optional flags, help),
XFunctions called directly (results, errors, arrays), FunctionAccess
calls.

Expectations, options and exit status: see e2e_cases.py.
"""

import math
import sys

from e2e_cases import (Core, Expect, example_args, load_table, main, num, report)
from lo_harness import (ERR_ILLEGAL_ARGUMENT, ERR_NOT_AVAILABLE, HarnessError, Office,
                        close_enough, library_mapped, soffice_bin_pid)

def test_addin(opts):
    """What Calc reads from the add-in: the library not loaded until a
    function is used; XAddIn answers in en/de/fr (from the table: the JSON
    the generator wrote), XServiceName, XServiceInfo, XTypeProvider,
    XCompatibilityNames; Calc's own function list (category, argument names,
    optional flags, help); calls through FunctionAccess."""
    import uno
    from com.sun.star.lang import Locale
    table = load_table(opts)
    failures = []
    total = 0

    def expect(what, got, want):
        nonlocal total
        total += 1
        if got != want:
            failures.append('%s: got %r, want %r' % (what, got, want))

    # Lazy loading: Calc must not load the add-in's library with the office
    # or with a sheet that does not use it (only CalcAddIns.xcu is read),
    # and must load it for the first call.
    with Office(opts) as office:
        office.install()
        office.start()
        pid = soffice_bin_pid(office)
        doc = office.new_calc()
        cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
        cell.setFormula('=1+SUM(2;3)')
        doc.calculateAll()
        expect('native formula computed', cell.getValue(), 6.0)
        expect('ftcost.uno.so loaded with a sheet that does not use it',
               pid is not None and library_mapped(pid, 'ftcost.uno.so'), False)
        cell.setFormula('=FT_TCO(200;3000;320;1;18)')
        expect('first FT_TCO call', (cell.getError(), cell.getValue()), (0, 1224800.0))
        expect('ftcost.uno.so loaded by the first call',
               pid is not None and library_mapped(pid, 'ftcost.uno.so'), True)
        doc.close(True)

    with Office(opts) as office:
        office.install()
        office.start()
        smgr = office.ctx.ServiceManager
        # Calc's function list, as the Function Wizard shows it (UI: en-US),
        # before anything loaded the component: Calc has the functions from
        # CalcAddIns.xcu and loads the component for their argument types
        # (ScFuncDesc::initArgumentInfo), so the optional flags are right.
        descs = smgr.createInstanceWithContext('com.sun.star.sheet.FunctionDescriptions',
                                               office.ctx)
        by_name = {}
        for i in range(descs.getCount()):
            d = {p.Name: p.Value for p in descs.getByIndex(i)}
            by_name[d.get('Name')] = d
        FINANCIAL = 3  # com.sun.star.sheet.FunctionCategory.FINANCIAL
        for fn in table['functions']:
            d = by_name.get(fn['name'])
            if d is None:
                failures.append('Calc does not list %s' % fn['name'])
                total += 1
                continue
            expect(fn['name'] + ' category', d['Category'], FINANCIAL)
            expect(fn['name'] + ' description', d['Description'], fn['description']['en'])
            got = [(a.Name, a.IsOptional, a.Description) for a in d['Arguments']]
            want = [(a['names']['en'], a['optional'], a['help']['en']) for a in fn['args']]
            expect(fn['name'] + ' arguments', got, want)

        obj = smgr.createInstanceWithContext(table['service'], office.ctx)
        if obj is None:
            raise HarnessError('cannot create %s' % table['service'])
        expect('getServiceName', obj.getServiceName(), table['service'])
        expect('supportsService(AddIn)', obj.supportsService('com.sun.star.sheet.AddIn'), True)
        expect('supportsService(%s)' % table['service'], obj.supportsService(table['service']),
               True)
        expect('supportsService(other)', obj.supportsService('com.sun.star.sheet.Other'), False)
        expect('getSupportedServiceNames', sorted(obj.getSupportedServiceNames()),
               sorted(['com.sun.star.sheet.AddIn', table['service']]))
        types = {t.typeName for t in obj.getTypes()}
        for t in ('com.sun.star.sheet.XAddIn', 'com.sun.star.lang.XServiceName',
                  'com.sun.star.lang.XServiceInfo', 'com.sun.star.sheet.XCompatibilityNames',
                  'org.ftcost.XFunctions'):
            expect('getTypes has %s' % t, t in types, True)
        for lang, country in (('en', 'US'), ('de', 'DE'), ('fr', 'FR')):
            obj.setLocale(Locale(lang, country, ''))
            loc = obj.getLocale()
            expect('getLocale', (loc.Language, loc.Country), (lang, country))
            for fn in table['functions']:
                m = fn['method']
                w = '%s %s' % (lang, fn['name'])
                expect(w + ' getProgrammaticFuntionName',
                       obj.getProgrammaticFuntionName(fn['name']), m)
                expect(w + ' getDisplayFunctionName', obj.getDisplayFunctionName(m), fn['name'])
                expect(w + ' getFunctionDescription', obj.getFunctionDescription(m),
                       fn['description'][lang])
                expect(w + ' getProgrammaticCategoryName',
                       obj.getProgrammaticCategoryName(m), 'Financial')
                expect(w + ' getDisplayCategoryName', obj.getDisplayCategoryName(m),
                       'Financial')
                for i, a in enumerate(fn['args']):
                    expect('%s arg %d name' % (w, i), obj.getDisplayArgumentName(m, i),
                           a['names'][lang])
                    expect('%s arg %d help' % (w, i), obj.getArgumentDescription(m, i),
                           a['help'][lang])
                expect(w + ' arg out of range', obj.getDisplayArgumentName(m, len(fn['args'])),
                       '')
                # none: .xlsx then stores the programmatic name in 7.4 and 25.2
                names = obj.getCompatibilityNames(m)
                expect(w + ' getCompatibilityNames', list(names), [])
        expect('unknown function', obj.getDisplayFunctionName('no_such_function'), '')

        # XFunctions called directly: results, #N/A (void), errors
        # (IllegalArgumentException with the core's message, the argument's
        # position and the add-in as context).
        from com.sun.star.lang import IllegalArgumentException
        core = Core(opts.cli)
        for fn in table['functions']:
            method = getattr(obj, fn['method'])
            ex = fn['examples'][0]
            base = example_args(ex)[:fn['required']]
            for label, call in (('example', base),
                                ('negative first argument', [num(-1)] + base[1:])):
                if any(a.kind != 'num' for a in call) or (call and fn['args'][0]['text']):
                    continue
                want = core.eval(fn, call)
                # (a required number declared as an array: a 1 x 1 one)
                py_args = [((float(a.value),),) if fn['args'][i]['uno_type'] == 'array'
                           else float(a.value) for i, a in enumerate(call)]
                py_args += [None] * (len(fn['args']) - len(py_args))
                what = '%s.%s %s' % (table['service'], fn['method'], label)
                total += 1
                try:
                    got = method(*py_args)
                except IllegalArgumentException as e:
                    if want.ok or want.code != ERR_ILLEGAL_ARGUMENT:
                        failures.append('%s: raised %r, want %r' % (what, e.Message, want))
                    elif 'Err:502: ' + e.Message != want.why:
                        failures.append('%s: message %r, the core says %r'
                                        % (what, e.Message, want.why))
                    elif e.ArgumentPosition != 0:
                        failures.append('%s: ArgumentPosition %d, want 0'
                                        % (what, e.ArgumentPosition))
                    elif e.Context is None or e.Context.getServiceName() != table['service']:
                        failures.append('%s: the exception has no add-in context' % what)
                    continue
                if not want.ok:
                    if not (want.code == ERR_NOT_AVAILABLE and got is None):
                        failures.append('%s: got %r, want %r' % (what, got, want))
                elif isinstance(want.value, list):
                    if not (Expect(True, [list(r) for r in got]) == want):
                        failures.append('%s: got %r, want %r' % (what, got, want))
                elif not close_enough(got, want.value):
                    failures.append('%s: got %r, want %r' % (what, got, want.value))

        # Arrays passed directly: element by element, a bad element a NaN
        # carrying Calc's error code (Err:502) in its low bits; arrays
        # Calc never sends (ragged, empty, a nested sequence) refused.
        import struct
        tco = getattr(obj, 'ft_tco')
        fixed = (3000.0, 320.0, 1.0, 18.0)
        total += 1
        got = uno.invoke(obj, 'ft_tco', (((0.0,), (200.0,), (-1.0,)),
                                         *[((x,),) for x in fixed], None,
                                         uno.Any('[][]any', ((6.0, 24.0),))))
        ft_tco = next(f for f in table['functions'] if f['name'] == 'FT_TCO')
        want = [[core.eval(ft_tco, [num(t)] + [num(x) for x in fixed] + [num(150), num(h)])
                 for h in (6, 24)] for t in (0, 200, -1)]
        cells = [[(struct.unpack('<Q', struct.pack('<d', x))[0] & 0xffffffff
                   if math.isnan(x) else x) for x in row] for row in got]
        if not (len(cells) == 3 and all(len(r) == 2 for r in cells)
                and all(close_enough(cells[r][k], want[r][k].value) for r in range(2)
                        for k in range(2))
                and cells[2] == [ERR_ILLEGAL_ARGUMENT, ERR_ILLEGAL_ARGUMENT]
                and not want[2][0].ok):
            failures.append('ft_tco with a 3x1 and a 1x2 array: got %r, want %r' % (cells, want))
        for label, bad in (('ragged', ((1.0,), (1.0, 2.0))), ('empty', ()),
                           ('nested', (((1.0,),),))):
            total += 1
            try:
                got = tco(bad, *[((x,),) for x in fixed], None, None)
                failures.append('ft_tco with a %s array: got %r, want Err:502' % (label, got))
            except IllegalArgumentException:
                pass
            except Exception as e:   # noqa: BLE001 - what pyuno makes of it
                if label != 'nested':
                    failures.append('ft_tco with a %s array: %r' % (label, e))

        # FunctionAccess: the add-in called through the API, by display name.
        fa = smgr.createInstanceWithContext('com.sun.star.sheet.FunctionAccess', office.ctx)
        for fn in table['functions']:
            for ex in fn['examples']:
                call = example_args(ex)
                if any(a.kind != 'num' for a in call):
                    continue
                want = core.eval(fn, call)
                what = 'FunctionAccess %s(%s)' % (fn['name'], ex['args'])
                total += 1
                try:
                    got = fa.callFunction(fn['name'], tuple(float(a.value) for a in call))
                except Exception as e:  # Calc reports every error this way
                    if want.ok:
                        failures.append('%s: raised %s' % (what, e))
                    continue
                if not want.ok:
                    # FunctionAccess answers #N/A with a void result.
                    if not (want.code == ERR_NOT_AVAILABLE and got is None):
                        failures.append('%s: got %r, want %r' % (what, got, want))
                elif isinstance(want.value, list):
                    rows = [list(r) for r in got]
                    if not (Expect(True, rows) == want):
                        failures.append('%s: got %r, want %r' % (what, rows, want))
                elif not close_enough(got, want.value):
                    failures.append('%s: got %r, want %r' % (what, got, want.value))
    return report(failures, 'addin', total)


if __name__ == '__main__':
    sys.exit(main(__doc__, {'addin': test_addin}))
