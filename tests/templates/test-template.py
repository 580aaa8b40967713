#!/usr/bin/env python3
"""End-to-end test of one ftcost template in a real headless LibreOffice.

usage: test-template.py --oxt ftcost.oxt --cli ftcost --install install-profile.sh
                        --template T.ots --kind tco|budget|breakeven|checklist|rag
                        --pages N [--list-templates] [--keep DIR]
                        [--lang LANG --mo LANG.mo] [--locale de-DE]

Installs the extension into a private profile (packaging/install-profile.sh),
opens the template as File > New > Templates does (a new untitled document),
and checks:
  - every cell of every sheet is free of errors, right after loading and
    after a full recalculation;
  - the key cells (named ranges) equal what the `ftcost` command computes
    from the same inputs, to 1e-12 relative, and the default inputs are the
    documented examples;
  - the values shown right after loading are those of a full recalculation;
  - sheets are protected, input cells (and only those) unlocked and yellow;
  - editing inputs recalculates (one edit per template, checked again
    against the command);
  - the PDF export has the expected number of pages;
  - money cells show the template's own conventions ("$60,380" in English,
    "60.380 $" in German) whatever the locale of the Calc that opens it;
  - with --list-templates: the extension's templates are listed by
    File > New > Templates (DocumentTemplates), each under its title (the
    translated title for --lang).
--lang/--mo: the template is a translated one; texts the checks expect
(formula results such as "input missing") are translated with the same
catalogue.  --locale: the profile's locale (ooSetupSystemLocale) and UI
language (UILocale, its language part) before LibreOffice starts.
Exit 0 on success, 1 on a failed check (all failures are printed), 77 when
LibreOffice is missing (meson: skipped).
"""
import argparse
import datetime
import gettext
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from lo_harness import set_profile_locale

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, '..', '..', 'templates')
REL = 1e-12
INPUT_FILL = '#fff2cc'

failures = []
T = gettext.NullTranslations().gettext  # the template's language (--lang/--mo)


def fail(msg):
    failures.append(msg)
    print('FAIL: ' + msg)


class Cli:
    def __init__(self, path):
        self.path = path

    def __call__(self, func, *args):
        argv = [self.path, func] + [fmt_arg(a) for a in args]
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            raise RuntimeError('%s: exit %d: %s' % (' '.join(argv), r.returncode, r.stderr.strip()))
        out = r.stdout.strip()
        rows = [line.split('\t') for line in out.split('\n')]
        conv = [[_num(x) for x in row] for row in rows]
        if len(conv) == 1 and len(conv[0]) == 1:
            return conv[0][0]
        return conv


def fmt_arg(a):
    if isinstance(a, float):
        return repr(a)
    return str(a)


def _num(x):
    try:
        return float(x)
    except ValueError:
        return x


def close(got, want):
    if isinstance(want, str) or isinstance(got, str):
        return got == want
    if isinstance(got, dict):
        return False
    if want == 0:
        return abs(got) <= 1e-300
    return abs(got - want) <= REL * abs(want)


def check(label, got, want):
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            fail('%s: got %r, want %r' % (label, got, want))
            return
        for i, (g, w) in enumerate(zip(got, want)):
            check('%s[%d]' % (label, i), g, w)
        return
    if not close(got, want):
        fail('%s: got %r, want %r' % (label, got, want))


def check_shown(label, shown, wants):
    """Each named cell's value in SHOWN against WANTS: a value (check), or
    a test of it (a function, true when the value is right)."""
    for name, want in wants.items():
        if callable(want):
            if not want(shown.get(name)):
                fail('%s: %s shows %r' % (label, name, shown.get(name)))
        else:
            check('%s: %s' % (label, name), shown.get(name), want)


def same(a, b):
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return a == b or abs(a - b) <= 1e-13 * max(abs(a), abs(b))
    return a == b


def first_cell(v):
    """The value an edit sets: a named range's first cell."""
    return v[0][0] if isinstance(v, list) else v


def col(v):
    """A named one-column range as a flat list."""
    return [row[0] for row in v] if isinstance(v, list) else [v]


# --------------------------------------------------------------- expectations
# Each returns [(label, got, want)] for the values `n` (named range -> value).

def expect_tco(n, cli, defaults):
    args = [n[k] for k in ('Training', 'MonthlyServing', 'EngHours', 'RetrainsPerYear',
                           'LifecycleMonths', 'HourlyRate', 'Horizon')]
    out = [('TotalTCO', n['TotalTCO'], cli('FT_TCO', *args)),
           ('HiddenShare', n['HiddenShare'], cli('FT_HIDDEN_SHARE', *args)),
           ('Items', col(n['Items']), col(cli('FT_TCO_ITEMS', *args))),
           ('ItemsTotal', n['ItemsTotal'], sum(col(cli('FT_TCO_ITEMS', *args))))]
    if defaults:  # the worked example of the spec, and nothing else
        out += [('TotalTCO is the spec example', n['TotalTCO'], cli('FT_TCO', 200, 3000, 320, 1, 18)),
                ('TotalTCO = 1 224 800', n['TotalTCO'], 1224800.0),
                ('HiddenShare is the spec example', n['HiddenShare'],
                 cli('FT_HIDDEN_SHARE', 200, 3000, 320, 1, 18))]
    return out


def _looked_up(n, cli, name, func, *args):
    """A catalogue figure and the value used: the quote beside it when one
    is typed (a blank cell reads as 0), else the catalogue's."""
    cat = cli(func, *args)
    quote = n[name + 'Quote']
    used = quote if quote else cat
    return [(name + 'Catalogue', n[name + 'Catalogue'], cat), (name, n[name], used)], used


def expect_sizing(n, cli, defaults):
    """The budget's sizing block against the command, figure by figure."""
    out = [('SzParams', n['SzParams'], n['SzBillions'] * 1e9)]
    tokens = n['SzExamples'] * n['SzTokensPerExample']
    out.append(('SzTokens', n['SzTokens'], tokens))
    gpu, provider, method = n['SzGpu'], n['SzProvider'], n['SzMethod']
    got, peak = _looked_up(n, cli, 'SzPeakTflops', 'GPU_SPEC', gpu, 'bf16_tflops')
    out += got
    got, gpu_mem = _looked_up(n, cli, 'SzGpuMemory', 'GPU_SPEC', gpu, 'memory_gb')
    out += got
    got, watts = _looked_up(n, cli, 'SzGpuWatts', 'GPU_SPEC', gpu, 'watts')
    out += got
    got, price = _looked_up(n, cli, 'SzGpuPrice', 'GPU_PRICE', gpu, provider)
    out += got
    out.append(('SzGpuPriceDate', n['SzGpuPriceDate'], cli('GPU_PRICE_DATE', gpu, provider)))
    out.append(('SzFlops', n['SzFlops'], cli('FT_TRAIN_FLOPS', n['SzParams'], tokens, n['SzEpochs'], method)))
    hours = cli('FT_GPU_HOURS', n['SzParams'], tokens, n['SzEpochs'], peak, n['SzMfu'], method)
    out.append(('SzGpuHours', n['SzGpuHours'], hours))
    mem = cli('FT_TRAIN_MEMORY_GB', n['SzParams'], method)
    out.append(('SzMemory', n['SzMemory'], mem))
    gpus = cli('FT_GPUS_NEEDED', mem, gpu_mem)
    out.append(('SzGpusNeeded', n['SzGpusNeeded'], gpus))
    out.append(('SzWallHours', n['SzWallHours'], hours / gpus))
    out.append(('SzRunCost', n['SzRunCost'], cli('FT_TRAINING_COST', price, hours)))
    out.append(('SzRunKwh', n['SzRunKwh'], cli('FT_ENERGY_KWH', watts, 1, hours, n['PueFactor'])))
    if defaults:  # the example of issue 13, priced from the catalogue
        ex_hours = cli('FT_GPU_HOURS', 7e9, 50000 * 500, 3, cli('GPU_SPEC', 'H100', 'bf16_tflops'), 0.4, 'lora')
        out += [('sizing inputs are the issue example',
                 [n[k] for k in ('SzBillions', 'SzExamples', 'SzTokensPerExample', 'SzEpochs',
                                 'SzMethod', 'SzGpu', 'SzProvider')],
                 [7.0, 50000.0, 500.0, 3.0, 'lora', 'H100', 'aws']),
                ('SzGpuHours default', n['SzGpuHours'], ex_hours),
                ('SzRunCost default', n['SzRunCost'],
                 cli('FT_TRAINING_COST', cli('GPU_PRICE', 'H100', 'aws'), ex_hours))]
    return out, price, hours, gpus


def expect_budget(n, cli, defaults):
    out, price, hours, gpus = expect_sizing(n, cli, defaults)
    # The hosted service's training price: the catalogue's ft_training of
    # the model tuned there, or the quote typed beside it.
    got, hosted = _looked_up(n, cli, 'HostedPrice', 'API_PRICE', n['HostedModel'], 'ft_training')
    out += got
    if defaults:
        out += [('HostedModel default', n['HostedModel'], 'gpt-4.1-mini'),
                ('HostedPrice default: OpenAI\'s list price', n['HostedPrice'], 5.0)]
    for side in ('Low', 'High'):
        g = lambda k: n[k + side]
        out.append(('HostedRunCost' + side, g('HostedRunCost'),
                    cli('FT_TRAINING_TOKENS_COST', g('Tokens'), g('Epochs'), hosted)))
        if n['TrainingBilling'] == T('hosted service'):
            want = cli('FT_TRAINING_TOKENS_COST', g('Tokens'), g('Epochs'), hosted, g('Runs'))
        else:
            want = cli('FT_TRAINING_COST', price, hours, 1, g('Runs'), g('Overhead'))
        out.append(('Training' + side, g('Training'), want))
        out.append(('Validation' + side, g('Validation'),
                    cli('FT_TRAINING_COST', price, g('EvalHours'), gpus, g('EvalRuns'), g('Overhead'))))
        out.append(('Serving' + side, g('Serving'), cli('FT_SERVING_COST', g('GpuRate'), g('ServeGpus'), g('ServeHours'))))
        kwh = cli('FT_ENERGY_KWH', n['GpuWatts'], g('ServeGpus'), g('ServeHours'), n['PueFactor'])
        out.append(('Kwh' + side, g('Kwh'), kwh))
        out.append(('Co2' + side, g('Co2'), cli('FT_CO2_KG', kwh, n['GridGrams'])))
    for k in ('Y1Low', 'Y1High', '3yLow', '3yHigh'):
        out.append(('Total' + k, n['Total' + k], n['Direct' + k] + n['Hidden' + k]))
        out.append(('HiddenShare' + k, n['HiddenShare' + k], n['Hidden' + k] / n['Total' + k]))
    if defaults:
        out += [('ServingLow default', n['ServingLow'], cli('FT_SERVING_COST', 1.32, 1, 730)),
                ('KwhLow default', n['KwhLow'], cli('FT_ENERGY_KWH', 300, 1, 730, 1.2)),
                ('GpuRateLow is a g5.2xlarge', n['GpuRateLow'], 1.32)]
    return out


def _api_growth(n):
    return (1 + n['ApiGrowth']) * (1 + n['PriceChange']) - 1


def expect_breakeven(n, cli, defaults):
    out = []
    # The prices come from the catalogue through API_PRICE / API_PRICE_DATE.
    out.append(('InputPrice', n['InputPrice'], cli('API_PRICE', n['ModelName'], 'input')))
    out.append(('OutputPrice', n['OutputPrice'], cli('API_PRICE', n['ModelName'], 'output')))
    out.append(('PriceDate', n['PriceDate'], cli('API_PRICE_DATE', n['ModelName'])))
    if defaults:
        out.append(('default model', n['ModelName'], 'gpt-4o'))
    api_monthly = cli('API_COST', n['InputTokens'], n['OutputTokens'], n['InputPrice'], n['OutputPrice'])
    out.append(('ApiMonthly', n['ApiMonthly'], api_monthly))
    g = _api_growth(n)
    out.append(('ApiGrowthCombined', n['ApiGrowthCombined'], g))
    out.append(('ApiTco', n['ApiTco'], cli('API_TCO', n['InputTokens'], n['OutputTokens'], n['InputPrice'],
                                          n['OutputPrice'], n['ApiGrowth'], n['HorizonMonths'],
                                          n['PromptEng'], n['PriceChange'])))
    train = cli('FT_TRAINING_COST', n['GpuRate'], n['RunHours'], n['RunGpus'], n['Runs'], n['Overhead'])
    out.append(('TrainingRun', n['TrainingRun'], train))
    serving = cli('FT_SERVING_COST', n['GpuRate'], n['ServeGpus'], n['ServeHours'], n['Overhead'])
    out.append(('ServingMonthly', n['ServingMonthly'], serving))
    ft_monthly = serving + n['EngHours'] * n['HourlyRate'] + n['Maintenance'] + train * n['RetrainsPerYear'] / 12
    out.append(('FtMonthly', n['FtMonthly'], ft_monthly))
    upfront = n['BuildCost'] + train
    out.append(('FtUpfront', n['FtUpfront'], upfront))
    sched = cli('FT_SCHEDULE', upfront, ft_monthly, api_monthly, g, n['HorizonMonths'])
    out.append(('Schedule', n['Schedule'], sched))
    out.append(('FtTco', n['FtTco'], sched[-1][3]))
    if ft_monthly >= n['PromptEng']:
        try:
            be = cli('FT_BREAKEVEN', upfront, ft_monthly - n['PromptEng'], api_monthly, g, 120)
        except RuntimeError as e:
            be = T('none in 10 years') if '#N/A' in str(e) else str(e)
        out.append(('Breakeven', n['Breakeven'], be))
    sh = cli('FT_SELFHOST_PER_MTOK', n['GpuRate'], n['TokensPerSecond'], n['Utilization'], n['ServeGpus'])
    out.append(('SelfHostPrice', n['SelfHostPrice'], sh))
    blended = api_monthly / ((n['InputTokens'] + n['OutputTokens']) / 1e6)
    out.append(('ApiBlendedPrice', n['ApiBlendedPrice'], blended))
    fixed = ft_monthly - serving + upfront / n['HorizonMonths']
    out.append(('FtMonthlyFixed', n['FtMonthlyFixed'], fixed))
    out.append(('BreakevenVolume', n['BreakevenVolume'], cli('FT_BREAKEVEN_VOLUME', fixed, sh, blended)))
    # NPV: FT flows and API flows (+ prompt engineering), month 0 outside NPV.
    r = (1 + n['DiscountRate']) ** (1 / 12) - 1
    npv = lambda flows: sum(f / (1 + r) ** (i + 1) for i, f in enumerate(flows))
    ft_npv = sched[0][1] + npv([row[1] for row in sched[1:]])
    api_npv = sched[0][2] + npv([row[2] + n['PromptEng'] for row in sched[1:]])
    out.append(('NpvFt', n['NpvFt'], ft_npv))
    out.append(('NpvApi', n['NpvApi'], api_npv))
    # The crossing of the chart's two lines is the break-even month.
    cum_api = [row[4] + n['PromptEng'] * row[0] for row in sched]
    cross = next((int(row[0]) for row, a in zip(sched, cum_api) if row[0] >= 1 and row[3] <= a), None)
    if isinstance(n.get('Breakeven'), float) and n['Breakeven'] <= n['HorizonMonths']:
        out.append(('chart crossing = Breakeven', float(cross) if cross else None, n['Breakeven']))
        out.append(('ChartCrossing', n['ChartCrossing'], n['Breakeven']))
    out.append(('CumApi column', col(n['CumApiTotal']), cum_api))
    if defaults:
        out.append(('horizon is three years', n['HorizonMonths'], 36.0))
    return out


def expect_checklist(n, cli, defaults):
    out = []
    ft = cli('FT_TCO', n['CkTraining'], n['CkServing'], n['CkEngHours'], n['CkRetrains'],
             n['CkLifecycle'], n['CkHourlyRate'], 24)
    api = cli('API_TCO', n['CkInputTokens'], n['CkOutputTokens'], n['CkInputPrice'], n['CkOutputPrice'],
              n['CkGrowth'], 24)
    out.append(('CkFtTco', n['CkFtTco'], ft))
    out.append(('CkApiTco', n['CkApiTco'], api))
    out.append(('Verdict', n['Verdict'], cli('FT_VERDICT', n['FtAccuracy'], n['PromptAccuracy'], ft, api,
                                            n['Tolerance'])))
    # The list choices are in the template's language, and so are the texts
    # the formulas count.
    yes = sum(1 for v in col(n['Answers']) if v == T('Yes'))
    out.append(('VerdictShown', n['VerdictShown'], T('PROMPT') if n['Verdict'] == 'PROMPT' else T('FINE-TUNE')))
    out.append(('YesCount', n['YesCount'], float(yes)))
    out.append(('TcoPillar', n['TcoPillar'], T('High') if ft < api else T('Low')))
    pillars = col(n['Pillars'])
    out.append(('PillarScore', n['PillarScore'],
                float(2 * pillars.count(T('High')) + pillars.count(T('Medium')))))
    if defaults:
        out.append(('default answers', col(n['Answers']), [T(v) for v in ('Yes', 'Yes', 'No', 'No', 'Yes')]))
        out.append(('default pillars', pillars[:3], [T(v) for v in ('Medium', 'Medium', 'Low')]))
        out.append(('FT side is the spec example', n['CkFtTco'], cli('FT_TCO', 200, 3000, 320, 1, 18)))
        out.append(('API side is the spec example', n['CkApiTco'],
                    cli('API_TCO', 100000000, 20000000, 2.5, 10, 0.05)))
    return out


def _crossing(a, b):
    """First month from 1 where the sign of a - b is no longer that of
    month 0 (the template's rule), or the template's text for none."""
    s0 = (a[0] > b[0]) - (a[0] < b[0])
    for m in range(1, len(a)):
        if (a[m] - b[m]) * s0 <= 0:
            return float(m)
    return T('never within the horizon')


def expect_rag(n, cli, defaults):
    out = []
    ip = cli('API_PRICE', n['ModelName'], 'input')
    op = cli('API_PRICE', n['ModelName'], 'output')
    ep = cli('API_PRICE', n['EmbedModel'], 'input')
    out += [('InputPrice', n['InputPrice'], ip), ('OutputPrice', n['OutputPrice'], op),
            ('PriceDate', n['PriceDate'], cli('API_PRICE_DATE', n['ModelName'])),
            ('EmbedPrice', n['EmbedPrice'], ep),
            ('EmbedPriceDate', n['EmbedPriceDate'], cli('API_PRICE_DATE', n['EmbedModel']))]
    q, h = n['Queries'], n['Horizon']
    prompt_in = q * (n['QuestionTokens'] + n['ContextTokens'])
    out_tok = q * n['AnswerTokens']
    out.append(('PromptMonthly', n['PromptMonthly'], cli('API_COST', prompt_in, out_tok, ip, op)))
    prompt_args = (prompt_in, out_tok, ip, op, n['Growth'])
    prompt_tail = (n['PromptLabour'], n['PriceChange'])
    out.append(('PromptTco', n['PromptTco'], cli('API_TCO', *prompt_args, h, *prompt_tail) + n['PromptBuild']))
    rag_api = cli('API_COST', q * n['QuestionTokens'], out_tok, ip, op)
    out.append(('RagApiMonthly', n['RagApiMonthly'], rag_api))
    retrieval = cli('RAG_QUERY_COST', q, n['TopK'], n['ChunkTokens'], ip, n['QuestionTokens'], ep)
    out.append(('RagRetrieval', n['RagRetrieval'], retrieval))
    corpus = cli('RAG_EMBED_COST', n['CorpusTokens'], ep, n['ChunkOverlap'])
    out.append(('RagCorpusEmbed', n['RagCorpusEmbed'], corpus))
    reembed = cli('RAG_EMBED_COST', n['ChangedTokens'], ep, n['ChunkOverlap'])
    out.append(('RagReembed', n['RagReembed'], reembed))
    gb = cli('RAG_STORE_GB', n['CorpusTokens'], n['ChunkTokens'], n['EmbedDims'], 4, n['ChunkOverlap'])
    out.append(('RagIndexGb', n['RagIndexGb'], gb))
    out.append(('RagStoreMonthly', n['RagStoreMonthly'], gb * n['StorePrice']))
    rag_args = (rag_api + retrieval, gb * n['StorePrice'] + reembed + n['RagLabour'], n['RagBuild'] + corpus)
    out.append(('RagTco', n['RagTco'], cli('RAG_TCO', *rag_args, h, n['Growth'], n['PriceChange'])))
    ft_args = (n['FtTraining'], n['FtServing'], n['FtEngHours'], n['FtRetrains'], n['FtLifecycle'], n['HourlyRate'])
    ft = lambda m: n['FtBuild'] + cli('FT_TCO', *ft_args, m) + n['FtUpkeep'] * m
    out.append(('FtTco', n['FtTco'], ft(h)))
    # The chart's lines: month 0 is each path's upfront cost, month m its
    # function with the horizon at m.
    months = range(1, int(h) + 1)
    cum = {'CumPrompt': [n['PromptBuild']] + [cli('API_TCO', *prompt_args, m, *prompt_tail) + n['PromptBuild']
                                              for m in months],
           'CumRag': [n['RagBuild'] + corpus] + [cli('RAG_TCO', *rag_args, m, n['Growth'], n['PriceChange'])
                                                 for m in months],
           'CumFt': [n['FtBuild'] + n['FtTraining']] + [ft(m) for m in months]}
    for k, v in cum.items():
        out.append((k, col(n[k]), v))
    out.append(('CumMonths', col(n['CumMonths']), [float(m) for m in range(int(h) + 1)]))
    # Where the lines cross.
    for k, (a, b) in (('CrossRagPrompt', ('CumRag', 'CumPrompt')), ('CrossFtPrompt', ('CumFt', 'CumPrompt')),
                      ('CrossFtRag', ('CumFt', 'CumRag'))):
        out.append((k, n[k], _crossing(cum[a], cum[b])))
    # The recommendation: the cheapest path rated acceptable; a missing
    # rating is shown as missing.
    totals = {T('Prompting'): n['PromptTco'], T('RAG'): n['RagTco'], T('Fine-tuning'): n['FtTco']}
    quality = dict(zip(totals, n['Qualities'][0]))  # one row of three
    ok = [p for p in totals if quality[p] == T('acceptable')]
    if any(quality[p] in ('', 0.0) for p in totals):
        want = T('missing: rate quality')
    elif not ok:
        want = T('none acceptable')
    else:
        want = min(ok, key=lambda p: totals[p])
        out.append(('BestTco', n['BestTco'], totals[want]))
    out.append(('Recommendation', n['Recommendation'], want))
    if defaults:
        out += [('default models', [n['ModelName'], n['EmbedModel']], ['gpt-4o', 'text-embedding-3-small']),
                ('horizon is three years', h, 36.0),
                ('every path rated acceptable by default', list(quality.values()), [T('acceptable')] * 3)]
    return out


# Edits after which named cells must show given texts: a missing input
# shows as missing, never as a conclusion (an unknown model's #N/A prices
# must not read "the API stays cheaper").
def missing_texts():
    number = lambda v: isinstance(v, float)
    return {
        # The fine-tuning path does not need the API price: its total, its
        # NPV and the chart's months stay numbers; the volume says a price
        # is missing (not "none", which reads as never breaking even).
        'breakeven': ([{'name': 'ModelName', 'value': 'no-such-model'}],
                      {'Breakeven': T('input missing'), 'BreakevenVolume': T('missing price'),
                       'FtTco': number, 'NpvFt': number, 'FtUpfront': number,
                       'ChartMonths': lambda v: [r[0] for r in v] == [float(i) for i in range(37)]}),
    }


# After the missing input, the user types prices: they are used, and no
# cell is an error any more.
MISSING_THEN = {
    'breakeven': ([{'name': 'YourInputPrice', 'value': 3}, {'name': 'YourOutputPrice', 'value': 12}],
                  {'InputPrice': 3.0, 'OutputPrice': 12.0,
                   'ApiMonthly': lambda v: isinstance(v, float) and v > 0}),
}


# The warnings beside the model picker (ModelRetires, PriceStale): a model
# whose provider stops serving it (the catalogue's retirement day) within the
# 36-month horizon, or already has, and a price checked over 90 days ago.
# Calc's TODAY() is the real date, so the expected text follows it: gpt-5
# (retires 2026-12-10) reads "retires on" before that day, "retired on" from
# it; the shipped prices (checked 2026-11-29) read as stale from 2027-02-28.
RETIRES = {'o4-mini': datetime.date(2026, 10, 23), 'gpt-5': datetime.date(2026, 12, 10), 'gpt-4o': None}
CHECKED = datetime.date(2026, 11, 29)
WARNED = ('breakeven', 'rag')


def retire_text(model):
    day = RETIRES[model]
    if day is None:
        return ''
    if day <= datetime.date.today():
        return T('retired on {date}: no price; pick its successor').format(date=day.isoformat())
    return T('retires on {date}, within the {months}-month horizon').format(date=day.isoformat(), months=36)


def stale_text():
    if (datetime.date.today() - CHECKED).days > 90:
        return T('prices as of {date}: run ftcost prices update').format(date=CHECKED.isoformat())
    return ''


def user_prices(profile):
    """A price file of the user's own (~/.config/ftcost/prices.json in the
    profile's home, layered over the catalogue): a price checked long ago,
    and a model retiring far beyond the horizon, checked today."""
    today = datetime.date.today().isoformat()
    models = [{'provider': 'test', 'model': 'stale-test', 'input': 1, 'output': 2,
               'checked': STALE_CHECKED.isoformat(), 'source': 'test'},
              {'provider': 'test', 'model': 'late-test', 'input': 1, 'output': 2,
               'checked': today, 'source': 'test', 'retires': '2035-01-01'},
              {'provider': 'test', 'model': 'embed-test', 'input': 0.5,
               'checked': today, 'source': 'test'}]
    folder = os.path.join(profile, 'home', '.config', 'ftcost')
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, 'prices.json'), 'w') as f:
        json.dump({'format': 'ftcost-prices', 'version': 1, 'models': models}, f)
    return folder


STALE_CHECKED = datetime.date(2026, 1, 15)


# The model pickers list the catalogue in force (API_MODELS on a hidden
# sheet, the validity list's source): with the user's own price file, its
# models are in the lists, beside every model the command lists.
PICKERS = {'breakeven': {'ModelName': 'output'},
           'rag': {'ModelName': 'output', 'EmbedModel': 'input'}}
USER_MODELS = {'output': {'test/stale-test', 'test/late-test'},
               'input': {'test/stale-test', 'test/late-test', 'test/embed-test'}}


def check_pickers(kind, cli, user_job):
    for name, price in PICKERS[kind].items():
        got = user_job.get('pickers', {}).get(name)
        if got is None:
            fail('picker %s: no validity rule reported' % name)
            continue
        check('picker %s: a list' % name, got['type'], 'LIST')
        # a typed name not in the list is let in after a warning
        check('picker %s: error style' % name, got['error_style'], 'WARNING')
        check('picker %s: the message shown' % name, got['show_error'], True)
        hidden = [s for s, shown in user_job.get('visible', {}).items() if not shown]
        if len(hidden) != 1 or hidden[0] not in got['formula'].replace("''", "'"):
            fail('picker %s: source %r is not on the hidden sheet (hidden: %r)'
                 % (name, got['formula'], hidden))
        shipped = [row[0] if isinstance(row, list) else row for row in cli('API_MODELS', '', price)]
        want = set(shipped) | USER_MODELS[price]
        listed = got['list']
        if '' in listed or len(listed) != len(set(listed)):
            fail('picker %s: blank or repeated entries in its list' % name)
        if set(listed) != want:
            fail('picker %s: the list has %d models, want %d (missing %s, extra %s)'
                 % (name, len(listed), len(want), sorted(want - set(listed))[:5],
                    sorted(set(listed) - want)[:5]))
        else:
            print('picker %s: %d models (%d shipped with a%s %s price, and the user\'s %s)'
                  % (name, len(listed), len(shipped), 'n', price,
                     ', '.join(sorted(USER_MODELS[price]))))


def check_warnings(default_names, job, user_job):
    shown = user_job.get('edited', {})
    check('warning for a price checked %s: PriceStale' % STALE_CHECKED, shown.get('PriceStale'),
          T('prices as of {date}: run ftcost prices update').format(date=STALE_CHECKED.isoformat()))
    check('warning for a price checked %s: ModelRetires' % STALE_CHECKED, shown.get('ModelRetires'), '')
    shown = user_job.get('edited_more', {})
    check('warning for a model retiring in 2035: ModelRetires', shown.get('ModelRetires'), '')
    check('warning for a price checked today: PriceStale', shown.get('PriceStale'), '')
    check('warning for gpt-4o: ModelRetires', default_names.get('ModelRetires'), retire_text('gpt-4o'))
    check('warning for gpt-4o: PriceStale', default_names.get('PriceStale'), stale_text())
    for model, shown in (('o4-mini', job.get('edited', {})), ('gpt-5', job.get('edited_more', {}))):
        want = retire_text(model)
        if not want or RETIRES[model].isoformat() not in want:
            fail('no retirement text expected for %s' % model)
        check('warning for %s: ModelRetires' % model, shown.get('ModelRetires'), want)
        check('warning for %s: PriceStale' % model, shown.get('PriceStale'), stale_text())


# Money cells and their decimals: the text each shows is checked.
SHOWN = {
    'tco': [('TotalTCO', 0), ('MonthlyAverage', 0), ('ItemsTotal', 0)],
    'budget': [('TotalY1Low', 0), ('Total3yHigh', 0), ('SzGpuPrice', 2)],
    'breakeven': [('ApiMonthly', 0), ('FtUpfront', 0), ('SelfHostPrice', 3)],
    'checklist': [('CkFtTco', 0), ('CkApiTco', 0)],
    'rag': [('PromptTco', 0), ('RagTco', 0), ('InputPrice', 2)],
}


# Texts a formula writes with TEXT(): (cell, the money cell it shows, decimals).
SHOWN_BY_TEXT = {
    'rag': [('HeadlineText', 'BestTco', 0), ('HeadlineText', 'SecondTco', 0)],
}


def money_text(value, decimals, lang):
    """A dollar amount as the template's language writes it."""
    digits = '{:,.{}f}'.format(abs(value), decimals)
    sign = '-' if value < 0 and float(digits.replace(',', '')) != 0 else ''
    if lang == 'en':
        return sign + '$' + digits
    group = {'de': '.', 'fr': '\u00a0'}[lang]
    digits = digits.replace(',', ' ').replace('.', ',').replace(' ', group)
    return sign + digits + ' $'


def same_grouping(text):
    """French thousands as LibreOffice 7.4 groups them (U+00A0); a later
    fr-FR locale groups with the narrow no-break space (U+202F)."""
    return text.replace('\u202f', '\u00a0') if isinstance(text, str) else text


def template_title(kind, lang, mo):
    """The title the description gives the template in LANG."""
    sys.path.insert(0, TEMPLATES)
    sys.dont_write_bytecode = True
    import importlib
    import odsgen
    odsgen.set_language(lang, mo)
    return importlib.import_module('tpl_' + kind).TITLE

KINDS = {'tco': expect_tco, 'budget': expect_budget, 'breakeven': expect_breakeven,
         'checklist': expect_checklist, 'rag': expect_rag}


def first_edits():
    """The edits of each template, checked against its expectations: a list
    choice is typed in the template's language (T), as a user picks it."""
    return {
        'tco': [{'name': 'Horizon', 'value': 36}, {'name': 'LifecycleMonths', 'value': 12}],
        'budget': [{'name': 'TrainingBilling', 'value': T('hosted service')},
                   {'name': 'ServeGpusHigh', 'value': 4},
                   {'name': 'SzMethod', 'value': 'full'},
                   {'name': 'SzGpu', 'value': 'A100-80GB'},
                   {'name': 'SzProvider', 'value': 'lambda'},
                   {'name': 'SzGpuMemoryQuote', 'value': 40}],
        'breakeven': [{'name': 'ApiGrowth', 'value': 0.08},
                      {'name': 'PromptEng', 'value': 500},
                      {'name': 'ModelName', 'value': 'claude-sonnet-4-5'}],
        # the first answer and the first pillar (the first cells of the ranges)
        'checklist': [{'name': 'PromptAccuracy', 'value': 0.70},
                      {'name': 'Answers', 'value': T('No')},
                      {'name': 'Pillars', 'value': T('High')}],
        'rag': [{'name': 'ModelName', 'value': 'gpt-4o-mini'},
                {'name': 'EmbedModel', 'value': 'text-embedding-3-large'},
                {'name': 'EmbedDims', 'value': 3072},
                {'name': 'ContextTokens', 'value': 20000},
                {'name': 'PromptQuality', 'value': T('not acceptable')}],
    }


# A second round of edits on top of the first, checked the same way.
MORE_EDITS = {
    # An unrated path: the recommendation says the rating is missing.
    'rag': [{'name': 'FtQuality', 'value': ''}],
    # The hosted path priced by a quote instead of the catalogue.
    'budget': [{'name': 'HostedPriceQuote', 'value': 3}],
}


# --------------------------------------------------------------- running


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--oxt', required=True)
    ap.add_argument('--cli', required=True)
    ap.add_argument('--install', required=True)
    ap.add_argument('--template', required=True)
    ap.add_argument('--kind', required=True, choices=sorted(KINDS))
    ap.add_argument('--pages', type=int, required=True)
    ap.add_argument('--list-templates', action='store_true')
    ap.add_argument('--keep', help='copy the PDF and the report here')
    ap.add_argument('--lang', default='en')
    ap.add_argument('--mo', help='the compiled catalogue of --lang')
    ap.add_argument('--locale', help='e.g. de-DE: the locale and UI language of the profile')
    a = ap.parse_args()
    global T
    if a.lang != 'en':
        with open(a.mo, 'rb') as f:
            T = gettext.GNUTranslations(f).gettext
    missing = missing_texts()

    program = os.environ.get('OFFICE_PROGRAM_DIR', '/usr/lib/libreoffice/program')
    if not os.path.exists(os.path.join(program, 'soffice')):
        print('SKIP: no LibreOffice in ' + program)
        return 77
    cli = Cli(os.path.abspath(a.cli))
    expect, edits = KINDS[a.kind], first_edits()[a.kind]
    more_edits = MORE_EDITS.get(a.kind, [])

    base = tempfile.mkdtemp(prefix='ftcost-tpltest-', dir='/tmp')
    os.chmod(base, 0o755)
    profile = os.path.join(base, 'profile')
    try:
        r = subprocess.run(['sh', a.install, a.oxt, profile], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            print(r.stdout)
            fail('install-profile.sh failed')
            return 1
        if a.locale:
            set_profile_locale(profile, a.locale)
        work = os.path.join(profile, 'home', 'tmp', 'work')
        os.makedirs(work)
        doc = os.path.join(work, os.path.basename(a.template))
        shutil.copy(a.template, doc)
        shutil.copy(os.path.join(HERE, 'calc-dump.py'), work)
        pdf = os.path.join(work, a.kind + '.pdf')
        req = {'jobs': [{'doc': doc, 'pdf': pdf, 'edits': edits, 'more_edits': more_edits}],
               'list_templates': a.list_templates}
        if a.kind in missing:
            req['jobs'].append({'doc': doc, 'edits': missing[a.kind][0],
                                'more_edits': MISSING_THEN.get(a.kind, ([], {}))[0]})
        if a.kind in WARNED:
            req['jobs'].append({'doc': doc, 'edits': [{'name': 'ModelName', 'value': 'o4-mini'}],
                                'more_edits': [{'name': 'ModelName', 'value': 'gpt-5'}]})
            req['jobs'].append({'doc': doc, 'edits': [{'name': 'ModelName', 'value': 'stale-test'}],
                                'more_edits': [{'name': 'ModelName', 'value': 'late-test'}],
                                'pickers': list(PICKERS[a.kind])})
            own = user_prices(profile)
        with open(os.path.join(work, 'request.json'), 'w') as f:
            json.dump(req, f)
        if os.geteuid() == 0:
            account = os.environ.get('FTCOST_RUN_AS', 'nobody:nogroup')
            subprocess.run(['chown', '-R', account, work], check=True)
            if a.kind in WARNED:
                subprocess.run(['chown', account, os.path.dirname(own)], check=True)
                subprocess.run(['chown', '-R', account, own], check=True)
        out = os.path.join(work, 'report.json')
        r = subprocess.run(['sh', os.path.join(HERE, 'run-office.sh'), profile, sys.executable,
                            os.path.join(work, 'calc-dump.py'), profile,
                            os.path.join(work, 'request.json'), out],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0 or not os.path.exists(out):
            print(r.stdout)
            fail('calc-dump.py failed (exit %d)' % r.returncode)
            return 1
        with open(out) as f:
            report = json.load(f)
        job = report['jobs'][0]
        if a.keep:
            os.makedirs(a.keep, exist_ok=True)
            shutil.copy(pdf, os.path.join(a.keep, a.kind + '.pdf'))
            shutil.copy(out, os.path.join(a.keep, a.kind + '.json'))

        verify(a, cli, expect, edits, more_edits, job, report, pdf)
        if a.kind in missing:
            check_shown('missing input', report['jobs'][1]['edited'], missing[a.kind][1])
            if a.kind in MISSING_THEN:
                for e in report['jobs'][1].get('edited_more_errors', []):
                    fail('error cell after typing prices: ' + e)
                check_shown('typed prices', report['jobs'][1].get('edited_more', {}),
                            MISSING_THEN[a.kind][1])
        if a.kind in WARNED:
            check_warnings(job['names'], report['jobs'][-2], report['jobs'][-1])
            check_pickers(a.kind, cli, report['jobs'][-1])
    finally:
        shutil.rmtree(base, ignore_errors=True)
    if failures:
        print('%d check(s) failed' % len(failures))
        return 1
    print('OK: %s' % a.kind)
    return 0


def verify(a, cli, expect, edits, more_edits, job, report, pdf):
    n = job['names']
    # No error anywhere.
    for e in job['errors']:
        fail('error cell: ' + e)
    for e in job.get('edited_errors', []):
        fail('error cell after edits: ' + e)
    # Shown on loading = full recalculation.
    # (Plain formulas keep the value cached in the template, stored with 15
    # significant digits, hence the tolerance.)
    for k, v in job['names'].items():
        if not same(job['loaded'].get(k), v):
            fail('%s shows %r on loading but %r after recalculation' % (k, job['loaded'].get(k), v))
    # Key cells against the core.
    for label, got, want in expect(n, cli, True):
        check(label, got, want)
    ed = dict(n)
    ed.update(job.get('edited', {}))
    for e in edits:
        check('edit %s' % e['name'], first_cell(ed[e['name']]),
              float(e['value']) if not isinstance(e['value'], str) else e['value'])
    for label, got, want in expect(ed, cli, False):
        check('after edits: ' + label, got, want)
    if more_edits:
        for e in job.get('edited_more_errors', []):
            fail('error cell after the second edits: ' + e)
        ed2 = dict(ed)
        ed2.update(job.get('edited_more', {}))
        for e in more_edits:
            if e['value'] != '':  # a cleared cell reads as 0
                check('edit %s' % e['name'], first_cell(ed2[e['name']]), e['value'])
        for label, got, want in expect(ed2, cli, False):
            check('after the second edits: ' + label, got, want)
    # Every formula calls the add-in by its stored name where it calls it at all.
    for name, formula in job['formulas'].items():
        if any(f in formula for f in ('FT_', 'API_', 'RAG_', 'GPU_')) and 'ORG.FTCOST.FUNCTIONS.' not in formula.upper():
            fail('%s: add-in call not resolved: %s' % (name, formula))
    # Protection and input styling.
    for sheet, prot in job['protected'].items():
        if not prot:
            fail('sheet %s is not protected' % sheet)
    if not any(job['unlocked'].values()):
        fail('no input cell is unlocked')
    for addr, fill in job['unlocked_fill'].items():
        if fill != INPUT_FILL:
            fail('unlocked cell %s is not styled as an input (fill %s)' % (addr, fill))
    if sum(job['charts'].values()) < 1:
        fail('no chart') if a.kind in ('tco', 'breakeven') else None
    # Money as the template's language writes it, whatever the locale.
    for name, decimals in SHOWN[a.kind]:
        want = money_text(n[name], decimals, a.lang)
        if same_grouping(job['shown'].get(name)) != want:
            fail('%s shows %r, want %r (locale %s)' % (name, job['shown'].get(name), want, a.locale or 'default'))
    if a.kind == 'checklist' and n['Verdict'] == 'PROMPT':  # TEXT(Tolerance) in the reason
        pct = '%d%s%%' % (round(100 * n['Tolerance']), '' if a.lang == 'en' else '\u00a0')
        if pct not in n['RecommendationText']:
            fail('RecommendationText %r does not show the tolerance as %r' % (n['RecommendationText'], pct))
    for name, source, decimals in SHOWN_BY_TEXT.get(a.kind, []):
        if not isinstance(n[source], float):
            continue
        want = money_text(n[source], decimals, a.lang)
        if want not in same_grouping(n[name]):
            fail('%s (TEXT) shows %r, want %r (locale %s)' % (name, n[name], want, a.locale or 'default'))
    # PDF pages.
    r = subprocess.run(['pdfinfo', pdf], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    pages = None
    for line in r.stdout.splitlines():
        if line.startswith('Pages:'):
            pages = int(line.split()[1])
    if pages != a.pages:
        fail('PDF has %s pages, want %d' % (pages, a.pages))
    # File > New > Templates.
    if a.list_templates:
        with zipfile.ZipFile(a.oxt) as z:
            names = z.namelist()
        if 'Paths.xcu' not in names or not any(x.startswith('templates/') for x in names):
            fail('%s does not ship the templates (no Paths.xcu or templates/): wire '
                 'ftcost_templates_oxt_entries into packaging (templates/meson.build)' % a.oxt)
        listed = report.get('templates', {})
        found = [t for ts in listed.values() for t in ts if t['url'].endswith(os.path.basename(a.template))]
        if not found:
            fail('%s not listed by File > New > Templates; groups: %s'
                 % (os.path.basename(a.template), json.dumps(listed)[:2000]))
        title = template_title(a.kind, a.lang, a.mo)
        if found and found[0]['title'] != title:
            fail('%s listed as %r, want %r' % (os.path.basename(a.template), found[0]['title'], title))
        print('listed: %s' % json.dumps({g: [t['title'] for t in ts] for g, ts in listed.items()
                                          if g == 'ftcost'}, ensure_ascii=False))


if __name__ == '__main__':
    sys.exit(main())
