#!/usr/bin/python3
"""Performance of the ftcost Calc add-in in a real headless LibreOffice.

usage: bench.py [WHAT ...] --oxt OXT --install INSTALL-PROFILE.SH
                [--program DIR] [--core BENCH-CORE] [--sizes N,N,...]
                [--repeat R] [--variants V,V,...] [--basic-max N]
                [--load-max N] [--starts K] [--profile-rows N] [--array-rows N]
                [--import-rows N]

WHAT (default: core calc startup):
  core     bench/bench-core (the C core alone, ns per call), when --core;
  calc     one soffice, one sheet of N rows per size, per variant one
           formula per row over input columns of varied values; times
           calculateAll() --repeat times (median, min; wall and soffice.bin
           CPU time), the .ods store and reload, soffice.bin's memory; checks
           every result against an independent model of the spec;
  startup  soffice started to a loaded plain sheet, with and without the
           extension in the profile (median of --starts), and when
           ftcost.uno.so gets mapped into soffice.bin;
  arrays   (not in the default run) one FT_TCO call over ranges of
           --array-rows rows inside SUMPRODUCT, against as many FT_TCO
           cells, minus the sheet of values alone; the three interleaved,
           --repeat rounds; both checked against the model;
  import   (not in the default run) --import-rows rows of inputs read
           from CSV and stored as .ods (a headless conversion), with a
           column of =FT_TCO(A1;...) typed per row, of OPT_PROB_INMONEY, and
           none (the values alone); interleaved, --repeat rounds after one
           untimed; wall and CPU time and memory per row against the values;
  profile  (not in the default run: minutes under valgrind) callgrind on
           soffice.bin recalculating --profile-rows rows of FT_TCO, of the
           C++ add-in and of native arithmetic, collected inside
           ScModelObj::calculateAll only; instructions per cell by object.

Variants (--variants, default all):
  ft_tco      (a) =FT_TCO(A;B;C;D;E;F;G)
  native      (b) the same arithmetic as a Calc formula (Calc's default:
              formula groups on every core)
  native_1t   (b1) the same, Calc's threaded calculation switched off for it
  cpp_addin   (c) =OPT_PROB_INMONEY(spot;vol;mu;T;low;up;strike): LibreOffice's
              own C++ pricing add-in (scaddins), 7 of its 8 arguments given;
              the closest bundled add-in function to FT_TCO's 5 double + 2 any
  basic       (d) =BFT_TCO(A;...;G), a Basic function in the document
  api_tco     (e) =API_TCO(H;...;O)
  api_native      API_TCO's closed form as a Calc formula (same values)
  ft_schedule (e) =INDEX(FT_SCHEDULE(A;B;W;L;G);G+1;5): the cumulative API
              cost at the horizon, out of the (G+1) x 5 array

Every option has an environment variable (for `meson compile -C build
bench`): FTCOST_BENCH_WHAT, _SIZES, _REPEAT, _VARIANTS, _BASIC_MAX,
_LOAD_MAX, _STARTS, _PROFILE_ROWS, _ARRAY_ROWS, _IMPORT_ROWS (all prefixed
FTCOST_BENCH_).

Exit status: 0 done, 1 a variant computed wrong values (the comparison would
be meaningless), 77 no python uno module, 99 harness error.
"""

import argparse
import math
import os
import shutil
import subprocess
import sys
import time

# bench_*: beside this file; lo_harness: tests/e2e, on PYTHONPATH (bench/meson.build)
import lo_harness
from bench_proc import cpu_ns, load_average, median, memory_kb, process_cpu_ns, soffice_pid
from bench_startup import run_startup
from lo_harness import HarnessError, Office, log, props, run_harness

CALC_MAX_ROWS = 1048576
# Formula column (Y); the inputs are A..W.
OUT_COL = 24
N_INPUTS = 23
CHUNK = 65536  # rows per setDataArray/getDataArray call (bridge message size)
# The inputs repeat every PERIOD rows (as in bench-core.c): varied enough
# that no two neighbouring rows are alike, and a million rows fill fast.
PERIOD = 4096

# ---------------------------------------------------------------------------
# Inputs: varied, valid, deterministic.  Columns:
#   A..G  FT_TCO: Training, MonthlyServing, MonthlyEngHours, RetrainsPerYear,
#         LifecycleMonths, HourlyRate, Horizon (whole months)
#   H..O  API_TCO: MonthlyInputTokens, MonthlyOutputTokens, InputPrice,
#         OutputPrice, MonthlyGrowth, Horizon, MonthlyPromptEng,
#         MonthlyPriceChange
#   P..V  OPT_PROB_INMONEY: spot, vol, mu, T, barrier_low, barrier_up, strike
#   W     ApiMonthly for FT_SCHEDULE (with A, B, L, G)
# The FT_TCO and API_TCO columns use bench-core.c's generator.


def input_row(i):
    i %= PERIOD
    growth = 0.005 * (i % 21)
    horizon = 12.0 + i % 37
    return (100.0 + (i * 37 % 1000) * 10.0, 500.0 + i * 53 % 5000, float(i * 11 % 400),
            float(i % 5), 6.0 + i % 30, 80.0 + i % 120, horizon,
            1e6 * (1 + i * 7 % 500), 2e5 * (1 + i * 13 % 500), 0.25 * (1 + i % 12),
            1.0 * (1 + i % 15), growth, 12.0 + i % 37, 100.0 * (i % 50), -0.005 * (i % 11),
            80.0 + i % 41, 0.1 + 0.01 * (i % 40), 0.002 * (i % 50), 0.25 + 0.25 * (i % 8),
            50.0 + i % 20, 150.0 + i % 50, 90.0 + i % 21,
            1000.0 + i * 29 % 20000)


# Independent models of the spec (python floats are the same IEEE doubles).
def model_tco(r):
    t, s, e, rt, lc, hr, h = r[0:7]
    return t + s * h + e * hr * h + t * rt * h / 12.0 + t * math.floor(h / lc)


def model_api_tco(r):
    tin, tout, pin, pout, g, h, pe, pc = r[7:15]
    first = (tin * pin + tout * pout) / 1e6
    ratio = (1.0 + g) * (1.0 + pc)
    total = 0.0
    for m in range(int(h)):
        total += first * ratio ** m
    return total + pe * h


def model_schedule_end(r):
    api, g, months = r[22], r[11], int(r[6])
    total = 0.0
    for m in range(1, months + 1):
        total += api * (1.0 + g) ** (m - 1)
    return total


class Variant:
    def __init__(self, key, label, template, model=None, same_as=None, threaded=True):
        self.key, self.label, self.template = key, label, template
        self.model = model        # python reference, or None (any number will do)
        self.same_as = same_as    # variant whose values these must equal
        self.threaded = threaded  # False: Calc's threaded formula groups off


# {r} is the 1-based row.
VARIANTS = [
    Variant('ft_tco', '(a) FT_TCO',
            '=FT_TCO(A{r};B{r};C{r};D{r};E{r};F{r};G{r})', model_tco),
    Variant('native', '(b) native',
            '=A{r}+B{r}*G{r}+C{r}*F{r}*G{r}+A{r}*D{r}*G{r}/12+A{r}*INT(G{r}/E{r})',
            model_tco, same_as='ft_tco'),
    # Calc computes a group of native formulas on all cores, a group of
    # add-in calls (ocExternal) on one (tests/e2e/threads_e2e.py), so (a),
    # (c), (d), (e) run on one.  Same formula, one thread: like for like.
    Variant('native_1t', '(b1) native, 1 thread',
            '=A{r}+B{r}*G{r}+C{r}*F{r}*G{r}+A{r}*D{r}*G{r}/12+A{r}*INT(G{r}/E{r})',
            model_tco, same_as='ft_tco', threaded=False),
    Variant('cpp_addin', '(c) OPT_PROB_INMONEY',
            '=OPT_PROB_INMONEY(P{r};Q{r};R{r};S{r};T{r};U{r};V{r})'),
    Variant('basic', '(d) Basic BFT_TCO',
            '=BFT_TCO(A{r};B{r};C{r};D{r};E{r};F{r};G{r})', model_tco, same_as='ft_tco'),
    Variant('api_tco', '(e) API_TCO',
            '=API_TCO(H{r};I{r};J{r};K{r};L{r};M{r};N{r};O{r})', model_api_tco),
    Variant('api_native', '    API_TCO native',
            '=IF((1+L{r})*(1+O{r})=1;(H{r}*J{r}+I{r}*K{r})/1000000*M{r};'
            '(H{r}*J{r}+I{r}*K{r})/1000000*(((1+L{r})*(1+O{r}))^M{r}-1)'
            '/((1+L{r})*(1+O{r})-1))+N{r}*M{r}', model_api_tco, same_as='api_tco'),
    Variant('ft_schedule', '(e) FT_SCHEDULE',
            '=INDEX(FT_SCHEDULE(A{r};B{r};W{r};L{r};G{r});G{r}+1;5)', model_schedule_end),
]
VARIANT_KEYS = [v.key for v in VARIANTS]

# What a user would write for FT_TCO in Basic: the spec's five items, the
# optional arguments defaulted, floor by Int() (Basic's Int rounds down).
BASIC_MODULE = '''
Function BFT_TCO(Training As Double, MonthlyServing As Double, MonthlyEngHours As Double, _
                 RetrainsPerYear As Double, LifecycleMonths As Double, _
                 Optional HourlyRate, Optional Horizon) As Double
    Dim rate As Double, h As Double
    If IsMissing(HourlyRate) Then rate = 150 Else rate = HourlyRate
    If IsMissing(Horizon) Then h = 24 Else h = Horizon
    BFT_TCO = Training + MonthlyServing * h + MonthlyEngHours * rate * h _
              + Training * RetrainsPerYear * h / 12 + Training * Int(h / LifecycleMonths)
End Function
'''


def close_enough(got, want):
    """A finite number within lo_harness's relative tolerance of want."""
    return (isinstance(got, float) and math.isfinite(got)
            and lo_harness.close_enough(got, want))


# ---------------------------------------------------------------------------
# Sheets

def fill_inputs(sheet, n):
    """PERIOD rows through the bridge, then doubled inside Calc with
    copyRange: a million rows of 23 numbers through pyuno would take over a
    minute on their own."""
    from com.sun.star.table import CellAddress
    first = min(n, PERIOD)
    for start in range(0, first, CHUNK):
        end = min(first, start + CHUNK)
        rng = sheet.getCellRangeByPosition(0, start, N_INPUTS - 1, end - 1)
        rng.setDataArray(tuple(input_row(i) for i in range(start, end)))
    done = first
    while done < n:
        size = min(done, n - done)
        src = sheet.getCellRangeByPosition(0, 0, N_INPUTS - 1, size - 1).getRangeAddress()
        sheet.copyRange(CellAddress(src.Sheet, 0, done), src)
        done += size


def fill_formulas(sheet, variant, n):
    """The formula in the first row, filled down (what a user does).
    setFormulaArray would be the obvious call, but it is quadratic in
    LibreOffice 7.4 (2 000 rows 1.6 s, 4 000 rows 6 to 11 s, 10 000 rows
    20 s and more); fillAuto copies the compiled formula, linear (4 000 rows
    in 0.04 s), and makes the same shared formula group."""
    from com.sun.star.sheet.FillDirection import TO_BOTTOM
    sheet.getCellByPosition(OUT_COL, 0).setFormula(variant.template.format(r=1))
    if n > 1:
        sheet.getCellRangeByPosition(OUT_COL, 0, OUT_COL, n - 1).fillAuto(TO_BOTTOM, 1)


def read_results(sheet, n):
    return read_column(sheet, OUT_COL, n)


def read_column(sheet, col, n):
    out = []
    for start in range(0, n, CHUNK):
        end = min(n, start + CHUNK)
        rng = sheet.getCellRangeByPosition(col, start, col, end - 1)
        out.extend(row[0] for row in rng.getDataArray())
    return out


def clear_formulas(sheet, n):
    from com.sun.star.sheet.CellFlags import FORMULA, VALUE, STRING
    sheet.getCellRangeByPosition(OUT_COL, 0, OUT_COL, n - 1).clearContents(
        FORMULA | VALUE | STRING)


def set_threading(office, on):
    """Calc reads this setting at every formula-group calculation."""
    provider = office.ctx.ServiceManager.createInstanceWithContext(
        'com.sun.star.configuration.ConfigurationProvider', office.ctx)
    node = provider.createInstanceWithArguments(
        'com.sun.star.configuration.ConfigurationUpdateAccess',
        props(nodepath='/org.openoffice.Office.Calc/Formula/Calculation'))
    if node.getPropertyValue('UseThreadedCalculationForFormulaGroups') != on:
        node.setPropertyValue('UseThreadedCalculationForFormulaGroups', on)
        node.commitChanges()


def new_doc(office):
    """A new hidden Calc document whose own Basic may run: with the API's
    default macro mode every BFT_TCO cell would be #VALUE!
    (MacroExecutionMode 4 is ALWAYS_EXECUTE_NO_WARN)."""
    return office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                               props(Hidden=True, MacroExecutionMode=4))


def add_basic(doc):
    libs = doc.BasicLibraries
    if not libs.hasByName('Standard'):
        libs.createLibrary('Standard')
    lib = libs.getByName('Standard')
    if lib.hasByName('BenchModule'):
        lib.removeByName('BenchModule')
    lib.insertByName('BenchModule', BASIC_MODULE)


def check_results(variant, got, inputs_n, reference, errors_out):
    """Every cell against the python model, and against the variant it must
    equal.  Returns the number of bad cells."""
    bad = 0
    other = reference.get(variant.same_as) if variant.same_as else None
    models = [variant.model(input_row(i)) for i in range(PERIOD)] if variant.model else None
    for i, v in enumerate(got):
        want = models[i % PERIOD] if models else None
        ok = isinstance(v, float) and math.isfinite(v)
        if ok and want is not None:
            ok = close_enough(v, want)
        if ok and other is not None and i < len(other):
            ok = close_enough(v, other[i])
        if not ok:
            bad += 1
            if len(errors_out) < 10:
                errors_out.append('%s row %d: got %r, model %r%s' % (
                    variant.key, i + 1, v, want,
                    ', %s %r' % (variant.same_as, other[i]) if other else ''))
    return bad


class Result:
    def __init__(self, variant, n):
        self.variant, self.n = variant, n
        self.wall = []
        self.cpu = []
        self.fill_s = self.store_s = self.load_s = None
        self.rss_kb = self.hwm_kb = self.base_rss_kb = None
        self.rss_per_recalc = []
        self.bad = 0
        self.skipped = None


def time_recalc(doc, pid, repeat, after_each=None):
    wall, cpu = [], []
    for _ in range(repeat):
        c0 = cpu_ns(pid)
        t0 = time.perf_counter()
        doc.calculateAll()
        wall.append(time.perf_counter() - t0)
        cpu.append((cpu_ns(pid) - c0) / 1e9)
        if after_each:
            after_each()
    return wall, cpu


def run_calc(opts, office, pid):
    """Every size and variant in this one soffice; returns (results,
    baselines, errors)."""
    results, baselines, errors = [], {}, []
    chosen = [v for v in VARIANTS if v.key in opts.variants]
    basic_us = None  # measured Basic cost per cell, for the skip notice
    for n in opts.sizes:
        log('--- N = %d rows (load %s)' % (n, load_average()))
        doc = new_doc(office)
        try:
            doc.enableAutomaticCalculation(False)
            doc.getUndoManager().lock()  # no undo copies of a million rows
            sheet = doc.Sheets.getByIndex(0)
            t0 = time.perf_counter()
            fill_inputs(sheet, n)
            log('inputs %d x %d filled in %.1f s' % (n, N_INPUTS, time.perf_counter() - t0))
            bw, bc = time_recalc(doc, pid, opts.repeat)
            load_s = None
            if n <= opts.load_max:
                load_s = store_and_load(office, doc, 'inputs-%d' % n)[1]
            # The fixed cost of a calculateAll (UNO round trip, sheet walk):
            # its minimum, the least noisy estimate of a few milliseconds.
            baselines[n] = (min(bw), min(bc), load_s)
            reference = {}
            for v in chosen:
                res = Result(v, n)
                results.append(res)
                if v.key == 'basic' and n > opts.basic_max:
                    est = ' (about %.0f s per recalculation at the %.1f us/cell measured)' % (
                        basic_us * n / 1e6, basic_us) if basic_us else ''
                    res.skipped = 'N > --basic-max %d%s' % (opts.basic_max, est)
                    log('%s: skipped: %s' % (v.label.strip(), res.skipped))
                    continue
                if v.key == 'basic':
                    add_basic(doc)
                set_threading(office, v.threaded)
                res.base_rss_kb = memory_kb(pid)[0]
                t0 = time.perf_counter()
                fill_formulas(sheet, v, n)
                res.fill_s = time.perf_counter() - t0
                # First calculation (not timed: compiles, builds groups),
                # then every cell checked.
                doc.calculateAll()
                got = read_results(sheet, n)
                res.bad = check_results(v, got, n, reference, errors)
                reference[v.key] = got
                rss = []
                res.wall, res.cpu = time_recalc(
                    doc, pid, opts.repeat, lambda: rss.append(memory_kb(pid)[0]))
                res.rss_per_recalc = rss
                res.rss_kb, res.hwm_kb = memory_kb(pid)
                if v.key == 'basic':
                    basic_us = (median(res.wall) - baselines[n][0]) / n * 1e6
                msg = '%s: fill %.1f s, recalc median %.3f s min %.3f s, cpu %.3f s, RSS %d MB' % (
                    v.label.strip(), res.fill_s, median(res.wall), min(res.wall),
                    median(res.cpu), res.rss_kb // 1024)
                if n <= opts.load_max:
                    def probe(loaded):
                        cell = loaded.Sheets.getByIndex(0).getCellByPosition(OUT_COL, n - 1)
                        if (cell.getError() or not isinstance(got[-1], float)
                                or not close_enough(cell.getValue(), got[-1])):
                            res.bad += 1
                            errors.append('%s N=%d: reloaded last cell %r (err %d), want %r'
                                          % (v.key, n, cell.getValue(), cell.getError(),
                                             got[-1]))
                    res.store_s, res.load_s = store_and_load(office, doc, '%s-%d' % (v.key, n),
                                                             probe)
                    msg += ', store %.1f s, load %.1f s' % (res.store_s, res.load_s)
                log(msg + (', %d WRONG' % res.bad if res.bad else ''))
                clear_formulas(sheet, n)
                set_threading(office, True)
        finally:
            doc.close(True)
    return results, baselines, errors


# ---------------------------------------------------------------------------
# arrays: one element-wise call against one call per cell

ARRAY_ONE_CALL = ('=SUMPRODUCT(FT_TCO(A1:A{n};B1:B{n};C1:C{n};D1:D{n};E1:E{n};F1:F{n};'
                  'G1:G{n}))')
# The same call with one range (Training) and six constants: what Calc's
# conversion of a range costs per range.
ARRAY_ONE_RANGE = '=SUMPRODUCT(FT_TCO(A1:A{n};3000;320;1;18;150;24))'
ARRAY_STATES = ('values', 'cells', 'one call', 'one call, 1 range')
ARRAY_SUM_CELLS = '=SUM(Y1:Y{n})'
ARRAY_OUT = (26, 0)  # AA1: the one call, or the sum of the cells


def run_arrays(opts, office, pid):
    """Rounds of: the values alone, N FT_TCO cells (and their SUM), one
    SUMPRODUCT(FT_TCO(ranges)); each state set up, calculated once untimed
    and checked, then calculateAll timed.  Returns (timings, bad)."""
    n = opts.array_rows
    doc = new_doc(office)
    times = {k: ([], []) for k in ARRAY_STATES}
    want = math.fsum(model_tco(input_row(i)) for i in range(n))
    want_1 = math.fsum(model_tco((input_row(i)[0], 3000.0, 320.0, 1.0, 18.0, 150.0, 24.0))
                       for i in range(n))
    bad = 0
    try:
        doc.enableAutomaticCalculation(False)
        doc.getUndoManager().lock()
        sheet = doc.Sheets.getByIndex(0)
        fill_inputs(sheet, n)
        out = sheet.getCellByPosition(*ARRAY_OUT)
        for rnd in range(opts.repeat):
            for state in ARRAY_STATES:
                if state == 'cells':
                    fill_formulas(sheet, VARIANTS[0], n)
                    out.setFormula(ARRAY_SUM_CELLS.format(n=n))
                elif state == 'one call':
                    out.setFormula(ARRAY_ONE_CALL.format(n=n))
                elif state == 'one call, 1 range':
                    out.setFormula(ARRAY_ONE_RANGE.format(n=n))
                doc.calculateAll()
                if state != 'values':
                    got = out.getValue() if not out.getError() else None
                    expect = want_1 if state == 'one call, 1 range' else want
                    if got is None or not close_enough(got, expect):
                        bad += 1
                        log('%s: got %r (error %d), want %r' % (state, got, out.getError(),
                                                                expect))
                wall, cpu = time_recalc(doc, pid, 1)
                times[state][0].extend(wall)
                times[state][1].extend(cpu)
                if state == 'cells':
                    clear_formulas(sheet, n)
                out.setFormula('')
            log('round %d: %s' % (rnd + 1, ', '.join('%s %.3f s' % (k, times[k][0][-1])
                                                     for k in ARRAY_STATES)))
    finally:
        doc.close(True)
    return times, bad


def report_arrays(opts, times):
    base_w, base_c = median(times['values'][0]), median(times['values'][1])
    cost = {k: (median(v[0]) - base_w, median(v[1]) - base_c) for k, v in times.items()}
    log('')
    log('Arrays: N = %d rows, %d interleaved rounds, median; cost = median - values alone'
        % (opts.array_rows, opts.repeat))
    log('| | median s | wall cost s | CPU cost s | wall ns/row | / cells (wall) | / cells (CPU) |')
    log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    for k in ARRAY_STATES:
        w, c = cost[k]
        log('| %s | %.3f | %.3f | %.3f | %s | %s | %s |' % (
            k, median(times[k][0]), w, c,
            '%.0f' % (w / opts.array_rows * 1e9) if k != 'values' else '',
            '%.3f' % (w / cost['cells'][0]) if k != 'values' and cost['cells'][0] > 0 else '',
            '%.3f' % (c / cost['cells'][1]) if k != 'values' and cost['cells'][1] > 0 else ''))


# ---------------------------------------------------------------------------
# import: a column of formulas read from a file, as a headless conversion

IMPORT_FILTER = 'Text - txt - csv (StarCalc)'
# Tab-separated, '"' quotes, UTF-8, from line 1, en-US, ..., token 13:
# evaluate formulas (as tests/e2e/ftcost_e2e.py imports its calls).
IMPORT_OPTIONS = '9,34,76,1,,1033,false,true,true,false,false,0,true'
# Columns A..G FT_TCO's inputs, H..N OPT_PROB_INMONEY's, O the formula.
IMPORT_FORMULAS = {'values': None,
                   'ft_tco': '=FT_TCO(A{r};B{r};C{r};D{r};E{r};F{r};G{r})',
                   'cpp_addin': '=OPT_PROB_INMONEY(H{r};I{r};J{r};K{r};L{r};M{r};N{r})'}
IMPORT_OUT = 14


def import_csv(office, state, n):
    """N rows of inputs and, but for 'values', one formula each, as text
    (what a user types or a script writes: each cell compiled on its own)."""
    lines = []
    for i in range(n):
        r = input_row(i)
        cells = ['%r' % x for x in r[0:7] + r[15:22]]
        if IMPORT_FORMULAS[state]:
            cells.append(IMPORT_FORMULAS[state].format(r=i + 1))
        lines.append('\t'.join(cells))
    return office.put('import-%s.csv' % state, '\n'.join(lines) + '\n')


def run_import(opts, office, pid):
    """Rounds of: each CSV loaded (formulas compiled and, for the .ods,
    calculated) and stored as .ods, then closed, as `soffice --convert-to
    ods` does; the states interleaved, the first round not timed.  Returns
    ({state: [(wall s, cpu s, RSS growth KiB)]}, bad)."""
    n = opts.import_rows
    paths = {k: import_csv(office, k, n) for k in IMPORT_FORMULAS}
    want = [model_tco(input_row(i)) for i in range(min(n, PERIOD))]
    times = {k: [] for k in IMPORT_FORMULAS}
    bad = 0
    for rnd in range(opts.repeat + 1):
        for state, path in paths.items():
            ods = os.path.join(office.work, 'import-%s.ods' % state)
            rss0, c0, t0 = memory_kb(pid)[0], process_cpu_ns(pid), time.perf_counter()
            doc = office.load(path, FilterName=IMPORT_FILTER, FilterOptions=IMPORT_OPTIONS)
            office.store(doc, ods, 'calc8')
            wall, cpu = time.perf_counter() - t0, process_cpu_ns(pid) - c0
            rss = memory_kb(pid)[0] - rss0
            if state != 'values':
                got = read_column(doc.Sheets.getByIndex(0), IMPORT_OUT, n)
                for i, v in enumerate(got):
                    if not (close_enough(v, want[i % PERIOD]) if state == 'ft_tco'
                            else isinstance(v, float) and math.isfinite(v)):
                        bad += 1
                        if bad < 5:
                            log('import %s row %d: got %r' % (state, i + 1, v))
            c1, t1 = process_cpu_ns(pid), time.perf_counter()
            doc.close(True)
            wall += time.perf_counter() - t1
            cpu += process_cpu_ns(pid) - c1
            os.unlink(ods)
            if rnd:
                times[state].append((wall, cpu / 1e9, rss))
        if rnd:
            log('round %d: %s' % (rnd, ', '.join('%s %.2f s (cpu %.2f s)' % (
                k, times[k][-1][0], times[k][-1][1]) for k in IMPORT_FORMULAS)))
    return times, bad


def report_import(opts, times):
    n = opts.import_rows
    base = [median([t[j] for t in times['values']]) for j in range(3)]
    cost = {k: [median([t[j] for t in v]) - base[j] for j in range(3)]
            for k, v in times.items()}
    log('')
    log('Import: %d rows from CSV to .ods, %d interleaved rounds, median; cost = median - the '
        'values alone; load %s' % (n, opts.repeat, load_average()))
    log('| | median s | CPU median s | wall ns/row | CPU ns/row | CPU /(c) | KB/cell |')
    log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    for k in IMPORT_FORMULAS:
        w, c, m = cost[k]
        log('| %s | %.3f | %.3f | %s | %s | %s | %s |' % (
            k, median([t[0] for t in times[k]]), median([t[1] for t in times[k]]),
            '%.0f' % (w / n * 1e9) if k != 'values' else '',
            '%.0f' % (c / n * 1e9) if k != 'values' else '',
            '%.2f' % (c / cost['cpp_addin'][1]) if k != 'values' else '',
            '%.2f' % (m / n * 1.024) if k != 'values' else ''))


def store_and_load(office, doc, name, check=None):
    """Seconds to store doc as .ods and to load it back (the cached results
    are read, nothing is recalculated)."""
    path = os.path.join(office.work, 'bench-%s.ods' % name)
    t0 = time.perf_counter()
    office.store(doc, path, 'calc8')
    store_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    # MacroExecutionMode 4 (ALWAYS_EXECUTE_NO_WARN): the Basic variant's
    # macro must run after a reload as well.
    loaded = office.load(path, MacroExecutionMode=4)
    load_s = time.perf_counter() - t0
    try:
        if check:
            check(loaded)
    finally:
        loaded.close(True)
        os.unlink(path)
    return store_s, load_s


def per_cell_ns(res, baselines):
    """Recalculation cost per formula cell: the median minus the median of
    the same sheet without formulas (the UNO round trip and the sheet walk)."""
    return max(0.0, median(res.wall) - baselines[res.n][0]) / res.n * 1e9


def per_cell_cpu_ns(res, baselines):
    return max(0.0, median(res.cpu) - baselines[res.n][1]) / res.n * 1e9


def report_calc(opts, results, baselines):
    log('')
    log('Recalculation: calculateAll x %d, median; ns/cell = (median - same sheet without '
        'formulas) / N, wall and CPU (soffice.bin, all threads); ratios of ns/cell at the '
        'same N: to (b) in wall time (what a user waits), to (b1) and (c) in CPU time '
        '(work per cell); load %s' % (opts.repeat, load_average()))
    hdr = '%-22s %8s %9s %9s %8s %8s %9s %9s %9s %7s %7s' % (
        'variant', 'N', 'median s', 'min s', 'ns/cell', 'cpu ns', '/(b) wall', '/(b1) cpu',
        '/(c) cpu', 'load s', 'MB/Mrow')
    log(hdr)
    log('-' * len(hdr))
    by = {(r.variant.key, r.n): r for r in results}

    def ratio(r, key, fn):
        o = by.get((key, r.n))
        if o is None or o.skipped or fn(o, baselines) <= 0:
            return '%9s' % '-'
        return '%9.2f' % (fn(r, baselines) / fn(o, baselines))
    for r in results:
        if r.skipped:
            log('%-22s %8d   skipped: %s' % (r.variant.label, r.n, r.skipped))
            continue
        mb = (r.rss_kb - r.base_rss_kb) / 1024 / r.n * 1e6 if r.rss_kb else float('nan')
        log('%-22s %8d %9.4f %9.4f %8.0f %8.0f %s %s %s %7s %7.0f%s' % (
            r.variant.label, r.n, median(r.wall), min(r.wall), per_cell_ns(r, baselines),
            per_cell_cpu_ns(r, baselines), ratio(r, 'native', per_cell_ns),
            ratio(r, 'native_1t', per_cell_cpu_ns), ratio(r, 'cpp_addin', per_cell_cpu_ns),
            '%.2f' % r.load_s if r.load_s is not None else '-', mb,
            '  WRONG %d' % r.bad if r.bad else ''))
    for n in sorted(baselines):
        log('same sheet without formulas, N=%d: calculateAll min %.4f s (cpu %.4f s)%s'
            % (n, baselines[n][0], baselines[n][1],
               ', load %.2f s' % baselines[n][2] if baselines[n][2] is not None else ''))

    # Linearity: ns/cell from the smallest size of at least 10 000 rows to
    # the largest (small sheets are dominated by fixed costs).
    log('')
    log('Linearity (CPU ns/cell per N; ratio largest/smallest N >= 10000) and memory '
        '(RSS growth over the %d timed recalculations at the largest N):' % opts.repeat)
    for v in VARIANTS:
        rs = [r for r in results if r.variant is v and not r.skipped]
        if not rs:
            continue
        series = ', '.join('%d: %.0f' % (r.n, per_cell_cpu_ns(r, baselines)) for r in rs)
        big = [r for r in rs if r.n >= 10000]
        lin = ''
        if len(big) >= 2:
            ratio = (per_cell_cpu_ns(big[-1], baselines)
                     / max(1e-9, per_cell_cpu_ns(big[0], baselines)))
            lin = '  ratio %.2f %s' % (ratio, 'linear' if 0.67 <= ratio <= 1.5 else 'NOT linear')
        last = rs[-1]
        grow = (last.rss_per_recalc[-1] - last.rss_per_recalc[0]) / 1024 \
            if len(last.rss_per_recalc) > 1 else 0.0
        log('  %-20s %s%s; RSS %+.1f MB over the recalculations at N=%d (%s)' % (
            v.label.strip(), series, lin, grow, last.n,
            'flat' if abs(grow) < max(8.0, 0.02 * last.rss_kb / 1024) else 'GROWS'))


# ---------------------------------------------------------------------------
# Profile: callgrind

CALLGRIND_WRAPPER = '''#!/bin/sh
# soffice.bin under callgrind, collecting only inside calculateAll.  The
# collection toggle is per thread: formula groups must not go to worker
# threads, or native arithmetic would look free.
export SC_NO_THREADED_CALCULATION=1
exec valgrind --tool=callgrind --callgrind-out-file=%(out)s/callgrind.%%p \\
  --toggle-collect='ScModelObj::calculateAll()' --dump-line=no \\
  --child-silent-after-fork=yes %(program)s/soffice.bin "$@"
'''


def run_profile(opts):
    if shutil.which('valgrind') is None or shutil.which('callgrind_annotate') is None:
        log('SKIP profile: valgrind not installed')
        return
    n = opts.profile_rows
    chosen = [v for v in VARIANTS if v.key in opts.profile_variants]
    summary = []
    for v in chosen:
        with Office(opts) as office:
            office.install()
            wrap = os.path.join(office.tmp, 'cg-program')
            out = os.path.join(office.tmp, 'cg-out')
            os.makedirs(wrap)
            os.makedirs(out)
            os.chmod(out, 0o777)
            with open(os.path.join(wrap, 'soffice'), 'w') as f:
                f.write(CALLGRIND_WRAPPER % {'out': out, 'program': opts.program})
            os.chmod(os.path.join(wrap, 'soffice'), 0o755)
            os.chmod(wrap, 0o755)
            office.program = wrap  # Office.start runs PROGRAM/soffice
            t0 = time.time()
            office.start(timeout=900)
            log('%s: soffice under callgrind up in %.0f s' % (v.key, time.time() - t0))
            doc = new_doc(office)
            doc.enableAutomaticCalculation(False)
            sheet = doc.Sheets.getByIndex(0)
            fill_inputs(sheet, n)
            if v.key == 'basic':
                add_basic(doc)
            fill_formulas(sheet, v, n)
            # Reading the values interprets every cell once, outside
            # calculateAll: first-call costs stay out of the profile.
            got = read_results(sheet, n)
            if not all(isinstance(x, float) and math.isfinite(x) for x in got):
                raise HarnessError('%s: non-numeric results under callgrind' % v.key)
            doc.calculateAll()          # the one collected
            doc.close(True)
            office.terminate(timeout=600)
            files = [os.path.join(out, f) for f in os.listdir(out)
                     if f.startswith('callgrind.')]
            if not files:
                raise HarnessError('no callgrind output in %s' % out)
            keep = os.path.join(opts.profile_dir, 'callgrind.%s.%d' % (v.key, n))
            shutil.copy(max(files, key=os.path.getsize), keep)
            summary.append((v, keep))
    for v, path in summary:
        log('')
        log('== %s, %d rows, one calculateAll: %s' % (v.label.strip(), n, path))
        ann = subprocess.run(['callgrind_annotate', '--inclusive=yes', path],
                             capture_output=True, text=True).stdout
        total = None
        for line in ann.splitlines():
            if line.strip().endswith('PROGRAM TOTALS'):
                total = int(line.split()[0].replace(',', ''))
        if total:
            log('   %.0f instructions per cell per recalculation' % (total / n))
        by_obj = subprocess.run(['callgrind_annotate', '--inclusive=no', '--threshold=100',
                                 path], capture_output=True, text=True).stdout
        objs = {}
        for line in by_obj.splitlines():
            parts = line.split()
            if (len(parts) >= 3 and parts[0].replace(',', '').isdigit()
                    and line.rstrip().endswith(']') and '[' in line):
                obj = os.path.basename(line[line.rindex('[') + 1:-1])
                objs[obj] = objs.get(obj, 0) + int(parts[0].replace(',', ''))
        log('   self cost by object:')
        for obj, ir in sorted(objs.items(), key=lambda x: -x[1])[:10]:
            log('     %5.1f %%  %6.0f per cell  %s' % (100.0 * ir / total if total else 0,
                                                     ir / n, obj))
        log('   callgrind_annotate --inclusive=yes %s | head -60   for the call path' % path)


# ---------------------------------------------------------------------------

def env_default(name, default):
    return os.environ.get('FTCOST_BENCH_' + name) or default


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split('\n', 1)[1])
    ap.add_argument('what', nargs='*')
    ap.add_argument('--oxt')
    ap.add_argument('--install')
    ap.add_argument('--program', default='/usr/lib/libreoffice/program')
    ap.add_argument('--core', help='bench-core executable')
    ap.add_argument('--sizes', default=env_default('SIZES', '1000,10000,100000,1000000'))
    ap.add_argument('--repeat', type=int, default=int(env_default('REPEAT', '5')))
    ap.add_argument('--variants', default=env_default('VARIANTS', ','.join(VARIANT_KEYS)))
    ap.add_argument('--basic-max', type=int, default=int(env_default('BASIC_MAX', '100000')))
    ap.add_argument('--load-max', type=int, default=int(env_default('LOAD_MAX', '100000')))
    ap.add_argument('--starts', type=int, default=int(env_default('STARTS', '5')))
    ap.add_argument('--profile-rows', type=int, default=int(env_default('PROFILE_ROWS', '10000')))
    ap.add_argument('--profile-dir', default=env_default('PROFILE_DIR', os.getcwd()))
    ap.add_argument('--array-rows', type=int, default=int(env_default('ARRAY_ROWS', '100000')))
    ap.add_argument('--import-rows', type=int, default=int(env_default('IMPORT_ROWS', '100000')))
    ap.add_argument('--profile-variants',
                    default=env_default('PROFILE_VARIANTS', 'ft_tco,native,cpp_addin'))
    opts = ap.parse_args()
    opts.what = opts.what or env_default('WHAT', 'core,calc,startup').split(',')
    for w in opts.what:
        if w not in ('core', 'calc', 'startup', 'profile', 'arrays', 'import'):
            ap.error('unknown WHAT %r' % w)
    opts.sizes = sorted(int(s) for s in opts.sizes.split(',') if s.strip())
    if not opts.sizes or opts.sizes[0] < 1 or opts.sizes[-1] > CALC_MAX_ROWS:
        ap.error('sizes must be 1..%d' % CALC_MAX_ROWS)
    opts.variants = [v.strip() for v in opts.variants.split(',') if v.strip()]
    for v in opts.variants:
        if v not in VARIANT_KEYS:
            ap.error('unknown variant %r (known: %s)' % (v, ', '.join(VARIANT_KEYS)))
    opts.profile_variants = [v.strip() for v in opts.profile_variants.split(',') if v.strip()]
    for v in opts.profile_variants:
        if v not in VARIANT_KEYS:
            ap.error('unknown variant %r (known: %s)' % (v, ', '.join(VARIANT_KEYS)))
    for name in ('array_rows', 'import_rows'):
        if not 1 <= getattr(opts, name) <= CALC_MAX_ROWS:
            ap.error('--%s must be 1..%d' % (name.replace('_', '-'), CALC_MAX_ROWS))
    if opts.repeat < 1:
        ap.error('--repeat must be >= 1')
    return ap, opts


def run_timed(opts, run, report):
    """A part timed in a soffice of its own (run_arrays, run_import): its
    times as REPORT shows them; 1 when a value came out wrong."""
    with Office(opts) as office:
        office.install()
        office.start()
        times, bad = run(opts, office, soffice_pid(office))
    report(opts, times)
    if bad:
        log('wrong values: the comparison is void')
        return 1
    return 0


def run_office_parts(opts):
    """What needs soffice, in run_harness (signals, types, python-uno)."""
    status = 0
    if 'calc' in opts.what:
        with Office(opts) as office:
            office.install()
            office.start()
            pid = soffice_pid(office)
            log('soffice.bin pid %d, RSS %d MB after start' % (pid, memory_kb(pid)[0] // 1024))
            results, baselines, errors = run_calc(opts, office, pid)
            rss, hwm = memory_kb(pid)
            log('soffice.bin at the end: RSS %d MB, peak (VmHWM) %d MB'
                % (rss // 1024, hwm // 1024))
        report_calc(opts, results, baselines)
        for e in errors:
            log('WRONG ' + e)
        if any(r.bad for r in results):
            log('some variant computed wrong values: the comparison is void')
            status = 1
    for part, run, report in (('arrays', run_arrays, report_arrays),
                              ('import', run_import, report_import)):
        if part in opts.what and run_timed(opts, run, report) != 0:
            status = 1
    if 'startup' in opts.what:
        run_startup(opts)
    if 'profile' in opts.what:
        run_profile(opts)
    return status


def main():
    ap, opts = parse_args()
    log('ftcost bench on %s, %d cores, load %s' % (os.uname().nodename, os.cpu_count(),
                                                  load_average()))
    status = 0
    if 'core' in opts.what and opts.core:
        log('')
        p = subprocess.run([opts.core], text=True)
        if p.returncode != 0:
            log('bench-core failed (%d)' % p.returncode)
            status = 1
    if not [w for w in opts.what if w != 'core']:
        return status
    if not (opts.oxt and opts.install):
        ap.error('calc, startup and profile need --oxt and --install')
    office_status = run_harness(opts, [opts.oxt, opts.install], run_office_parts,
                                prefix='ftcost-bench-types-')
    return office_status or status


if __name__ == '__main__':
    sys.exit(main())
