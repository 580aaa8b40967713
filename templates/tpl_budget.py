"""Template 2: Direct and hidden cost budget.

Direct costs (data preparation, compute, ML engineering, testing,
deployment) and hidden costs (maintenance, drift monitoring, retraining,
serving, storage, transfer, on-call, infrastructure overhead), each with a
low and a high estimate, a unit, what drives it, and first-year and
three-year totals.  A sizing block works out one training run: parameters,
training tokens (examples x tokens per example), epochs and method give
FT_TRAIN_FLOPS, FT_GPU_HOURS and FT_TRAIN_MEMORY_GB; the GPU and provider
picked from the GPU catalogue give the peak, memory and power (GPU_SPEC) and
the price per GPU-hour (GPU_PRICE, dated by GPU_PRICE_DATE), each of which a
quote typed beside it replaces; hence FT_GPUS_NEEDED, the cost per run
(FT_TRAINING_COST) and its energy (FT_ENERGY_KWH).  The budget's training
and validation rows use that run; serving uses FT_SERVING_COST, the
footprint FT_ENERGY_KWH and FT_CO2_KG.  Default figures are published
industry estimates, marked planning assumptions, or (the sizing inputs)
an example training run; all are editable.
"""
import json
import os

from odsgen import Book, _, q, ref
from odsrows import Rows

FILE = 'ftcost-budget'
TITLE = _('Fine-tuning cost budget: direct and hidden')

# The GPU and provider pickers offer what the shipped GPU catalogue has.
PRICES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'functions', 'prices.json')
DEFAULT_GPU, DEFAULT_PROVIDER = 'H100', 'aws'
# The hosted path's model: one the shipped catalogue has a training price for.
DEFAULT_HOSTED_MODEL = 'gpt-4.1-mini'


def catalogue_gpus():
    with open(PRICES, encoding='utf-8') as f:
        gpus = json.load(f)['gpus']
    names = list(dict.fromkeys(g['gpu'] for g in gpus))
    providers = sorted({p['provider'] for g in gpus for p in g['prices']})
    if DEFAULT_GPU not in names or DEFAULT_PROVIDER not in providers:
        raise SystemExit('tpl_budget: %s at %s is not in %s' % (DEFAULT_GPU, DEFAULT_PROVIDER, PRICES))
    return names, providers


def catalogue_tuned_models():
    """The shipped catalogue's models with a training price (ft_training)."""
    with open(PRICES, encoding='utf-8') as f:
        models = [m['model'] for m in json.load(f)['models'] if 'ft_training' in m]
    if DEFAULT_HOSTED_MODEL not in models:
        raise SystemExit('tpl_budget: %s has no ft_training in %s' % (DEFAULT_HOSTED_MODEL, PRICES))
    return list(dict.fromkeys(models))


# The units and the training billing are list choices that formulas compare
# (VLOOKUP in UnitTable, TrainingBilling=...): each value and its comparison
# come from one message, so a translation changes both.
ONE_OFF, PER_MONTH, PER_QUARTER, PER_YEAR = _('one-off'), _('per month'), _('per quarter'), _('per year')
UNITS = [(ONE_OFF, 1, 1), (PER_MONTH, 12, 36), (PER_QUARTER, 4, 12), (PER_YEAR, 1, 3)]
RENTED, HOSTED = _('rented GPUs'), _('hosted service')


def build():
    book = Book(TITLE,
                _('Budget of fine-tuning an LLM: direct costs and the hidden costs that follow, '
                'low and high estimates, first-year and three-year totals. Computed by the '
                'ftcost add-in.'),
                ('ftcost', _('fine-tuning'), _('budget'), _('hidden costs'), 'LLM'))
    s = book.sheet(_('Cost budget'),
                   ['0.4cm', '7.9cm', '2.5cm', '2.5cm', '2.4cm', '2.6cm', '2.6cm', '2.7cm',
                    '2.7cm', '10.6cm'],
                   wider={'de': {'B': '9.4cm', 'D': '2.7cm', 'E': '3.1cm', 'F': '3.7cm',
                                 'H': '3.4cm', 'J': '12.8cm'}})
    unit_list = book.list_validation(*[unit for unit, _y1, _y3 in UNITS])
    nonneg = book.nonneg_validation()
    s.height(1, '1.05cm')

    s.header(_('Fine-tuning budget: direct and hidden costs'),
             _('Low and high estimates for each cost of fine-tuning and running your own model. '
             'Defaults are published industry estimates or marked planning assumptions: edit every '
             'yellow cell to your own quotes.'))
    # The sheet's rows, top to bottom (the budget, then the sizing and the
    # assumptions on the left); the blocks on the right start beside a named
    # row of the left.
    rows = Rows(s, first=4)
    rows.add(height='0.25cm')

    def heads():
        r = rows.add(height='0.8cm')
        for col, t, role in [('B', _('Cost item'), 'colhead'), ('C', _('Low'), 'colhead_r'),
                             ('D', _('High'), 'colhead_r'), ('E', _('Unit'), 'colhead'),
                             ('F', _('Year 1 low'), 'colhead_r'), ('G', _('Year 1 high'), 'colhead_r'),
                             ('H', _('3 years low'), 'colhead_r'), ('I', _('3 years high'), 'colhead_r'),
                             ('J', _('What drives it (source of the default)'), 'colhead')]:
            s.text('%s%d' % (col, r), t, role)

    def side_heads(block, f, h, i, j, i_role='colhead_r'):
        """The column heads of a block on the right: F (over G), H, I, J."""
        r = block.add()
        s.text('F%d' % r, f, 'colhead', span=(1, 2))
        s.text('H%d' % r, h, 'colhead_r')
        s.text('I%d' % r, i, i_role)
        s.text('J%d' % r, j, 'colhead')

    def row(key, label, low, high, unit, note, names=None):
        """A cost item in the row named `key`: low and high, its unit, year-1 and 3-year totals."""
        r = rows.add(key)
        s.text('B%d' % r, label, 'label')
        for col, v, nm in (('C', low, names and names[0]), ('D', high, names and names[1])):
            if isinstance(v, str):
                s.calc('%s%d' % (col, r), v, 'calc', 'usd0', name=nm)
            else:
                s.num('%s%d' % (col, r), v, 'input', 'usd0', name=nm, validation=nonneg)
        s.text('E%d' % r, unit, 'input_text', validation=unit_list)
        s.calc('F%d' % r, '%s*VLOOKUP(%s;UnitTable;3;0)' % (ref('C%d' % r), ref('E%d' % r)), 'calc', 'usd0')
        s.calc('G%d' % r, '%s*VLOOKUP(%s;UnitTable;3;0)' % (ref('D%d' % r), ref('E%d' % r)), 'calc', 'usd0')
        s.calc('H%d' % r, '%s*VLOOKUP(%s;UnitTable;4;0)' % (ref('C%d' % r), ref('E%d' % r)), 'calc', 'usd0')
        s.calc('I%d' % r, '%s*VLOOKUP(%s;UnitTable;4;0)' % (ref('D%d' % r), ref('E%d' % r)), 'calc', 'usd0')
        s.text('J%d' % r, note, 'note')

    def subtotal(key, label, first, last, prefix):
        """The totals of the rows named `first` to `last`, in the row named `key`."""
        r = rows.add(key)
        s.text('B%d' % r, label, 'total_label')
        for col in 'CDE':
            s.style_only('%s%d' % (col, r), 'total_blank')
        for col, nm in zip('FGHI', ('Y1Low', 'Y1High', '3yLow', '3yHigh')):
            s.calc('%s%d' % (col, r), 'SUM(%s)' % ref(s.at(col, first, last)), 'total', 'usd0', name=prefix + nm)
        s.style_only('J%d' % r, 'total_blank')

    # ---- direct costs
    s.text('B%d' % rows.add(), _('Direct costs: building the fine-tuned model'), 'section', span=(1, 9))
    heads()
    row('labelling', _('Data preparation: labelling'), 8000, 30000, ONE_OFF,
        _('examples × minutes each × labeller rate'))
    row('cleaning', _('Data preparation: cleaning'), 5000, 12000, ONE_OFF,
        _('deduplication, formatting, quality review'))
    row('legal', _('Data preparation: legal and compliance'), 2000, 8000, ONE_OFF,
        _('licences, PII, consent; data prep in all $15k–50k (published)'))
    row('training', _('Compute: training runs and experiments'),
        'IF(TrainingBilling=%s;FT_TRAINING_TOKENS_COST(TokensLow;EpochsLow;HostedPrice;RunsLow);'
        'FT_TRAINING_COST(SzGpuPrice;SzGpuHours;1;RunsLow;OverheadLow))' % q(HOSTED),
        'IF(TrainingBilling=%s;FT_TRAINING_TOKENS_COST(TokensHigh;EpochsHigh;HostedPrice;RunsHigh);'
        'FT_TRAINING_COST(SzGpuPrice;SzGpuHours;1;RunsHigh;OverheadHigh))' % q(HOSTED),
        ONE_OFF, _('FT_TRAINING_COST on the sizing below, or FT_TRAINING_TOKENS_COST'),
        names=('TrainingLow', 'TrainingHigh'))
    row('validation', _('Compute: validation runs'),
        'FT_TRAINING_COST(SzGpuPrice;EvalHoursLow;SzGpusNeeded;EvalRunsLow;OverheadLow)',
        'FT_TRAINING_COST(SzGpuPrice;EvalHoursHigh;SzGpusNeeded;EvalRunsHigh;OverheadHigh)',
        ONE_OFF, _('FT_TRAINING_COST: evaluation hours on the sized GPUs'),
        names=('ValidationLow', 'ValidationHigh'))
    row('engineering', _('ML engineering'), 30000, 80000, ONE_OFF,
        _('pipeline, experiments, integration ($30k–80k, published)'))
    row('testing', _('Testing and validation'), 10000, 30000, ONE_OFF,
        _('eval sets, red-teaming, sign-off ($10k–30k, published)'))
    row('deployment', _('Deployment infrastructure'), 2000, 10000, PER_MONTH,
        _('endpoints, gateways, load balancing ($2k–10k/month, published)'))
    subtotal('direct', _('Direct costs'), 'labelling', 'deployment', 'Direct')

    # ---- hidden costs
    rows.add(height='0.3cm')
    s.text('B%d' % rows.add(), _('Hidden costs: running and keeping it current'), 'section', span=(1, 9))
    heads()
    row('maintenance', _('Ongoing maintenance'), 5000, 5000, PER_MONTH,
        _('updates, fixes, data and prompt upkeep (~$5k/month, published)'))
    row('drift', _('Drift monitoring'), 3000, 3000, PER_MONTH,
        _('eval pipelines, dashboards, alerts (~$3k/month, published)'))
    row('retraining', _('Retraining cycles'), 20000, 20000, PER_QUARTER,
        _('fresh data, rerun, re-evaluate (~$20k/quarter, published)'))
    row('serving', _('Serving (GPUs)'),
        'FT_SERVING_COST(GpuRateLow;ServeGpusLow;ServeHoursLow)',
        'FT_SERVING_COST(GpuRateHigh;ServeGpusHigh;ServeHoursHigh)',
        PER_MONTH, _('FT_SERVING_COST: always-on g5.2xlarge at $1.32/hour'),
        names=('ServingLow', 'ServingHigh'))
    row('storage', _('Storage'), 2, 2, PER_MONTH,
        _('weights, checkpoints, datasets (about $2/month)'))
    row('transfer', _('Data transfer'), 10, 100, PER_MONTH,
        _('egress ~$0.09/GB, 100 GB–1 TB a month (assumption)'))
    row('on_call', _('On-call'), 1500, 4000, PER_MONTH,
        _('rota allowance and incident time (assumption)'))
    infra = ('deployment', 'serving', 'storage', 'transfer')
    row('overhead', _('Infrastructure management overhead'),
        'OverheadLow*(%s)' % '+'.join(ref(s.at('C', k)) for k in infra),
        'OverheadHigh*(%s)' % '+'.join(ref(s.at('D', k)) for k in infra),
        # xgettext:no-python-format
        PER_MONTH, _('15–30 % on deployment, serving, storage, transfer'),
        names=('OverheadCostLow', 'OverheadCostHigh'))
    subtotal('hidden', _('Hidden costs'), 'maintenance', 'overhead', 'Hidden')

    # ---- totals
    rows.add(height='0.3cm')
    r = rows.add('total')
    s.text('B%d' % r, _('Total cost'), 'total_label')
    for col in 'CDE':
        s.style_only('%s%d' % (col, r), 'total_blank')
    for col, nm in zip('FGHI', ('TotalY1Low', 'TotalY1High', 'Total3yLow', 'Total3yHigh')):
        s.calc('%s%d' % (col, r), '%s+%s' % (ref(s.at(col, 'direct')), ref(s.at(col, 'hidden'))),
               'total', 'usd0', name=nm)
    s.text('J%d' % r, _('direct + hidden'), 'total_blank')
    r = rows.add('hidden_share')
    s.text('B%d' % r, _('Hidden share of the total'), 'label_b')
    for col in 'CDE':
        s.style_only('%s%d' % (col, r), 'label')
    for col, nm in zip('FGHI', ('HiddenShareY1Low', 'HiddenShareY1High', 'HiddenShare3yLow', 'HiddenShare3yHigh')):
        total, hidden = ref(s.at(col, 'total')), ref(s.at(col, 'hidden'))
        s.calc('%s%d' % (col, r), 'IF(%s>0;%s/%s;0)' % (total, hidden, total), 'calc_b', 'pct1', name=nm)
    s.text('J%d' % r, _('what a budget of the direct costs alone leaves out'), 'note')

    # ---- sizing: what one training run needs (left: inputs and looked-up
    # figures; right: the results).  A looked-up figure has a "your quote"
    # cell beside it that replaces it when not blank.
    rows.add(height='0.3cm')
    s.text('B%d' % rows.add('sizing'), _('Training run sizing: inputs'), 'section', span=(1, 4))
    r = rows.add('sizing_heads', height='0.6cm')
    for col, t, role in [('B', _('Input'), 'colhead'), ('C', _('Catalogue'), 'colhead_r'),
                         ('D', _('Your quote'), 'colhead_r'), ('E', _('Used'), 'colhead_r')]:
        s.text('%s%d' % (col, r), t, role)
    gpus, providers = catalogue_gpus()
    sizing_inputs = [
        (_('Model parameters, billions'), 7, 'dec1', 'SzBillions', nonneg),
        (_('Training examples'), 50000, 'int', 'SzExamples', nonneg),
        (_('Tokens per example'), 500, 'int', 'SzTokensPerExample', nonneg),
        (_('Epochs'), 3, 'int', 'SzEpochs', nonneg),
        (_('Method (full, lora, qlora)'), 'lora', None, 'SzMethod', book.list_validation('full', 'lora', 'qlora')),
        (_('GPU'), DEFAULT_GPU, None, 'SzGpu', book.list_validation(*gpus)),
        (_('Provider'), DEFAULT_PROVIDER, None, 'SzProvider', book.list_validation(*providers)),
        (_('Share of peak reached (MFU)'), 0.4, 'pct0', 'SzMfu',
         book.number_validation(0.01, 1, message=_('Enter a fraction between 1 % and 100 %.'))),
    ]
    for label, value, fmt, name, validation in sizing_inputs:
        r = rows.add()
        s.text('B%d' % r, label, 'label')
        s.style_only('C%d' % r, 'calc')
        s.style_only('D%d' % r, 'calc')
        if isinstance(value, str):
            s.text('E%d' % r, value, 'input_text', name=name, validation=validation)
        else:
            s.num('E%d' % r, value, 'input', fmt, name=name, validation=validation)
    looked_up = [
        (_('Peak BF16, dense (TFLOPS)'), 'GPU_SPEC(SzGpu;"bf16_tflops")', 'dec1', 'SzPeakTflops'),
        (_('GPU memory (GB)'), 'GPU_SPEC(SzGpu;"memory_gb")', 'int', 'SzGpuMemory'),
        (_('GPU power (watts)'), 'GPU_SPEC(SzGpu;"watts")', 'int', 'SzGpuWatts'),
        (_('Price per GPU-hour'), 'GPU_PRICE(SzGpu;SzProvider)', 'usd2', 'SzGpuPrice'),
    ]
    for label, formula, fmt, name in looked_up:
        r = rows.add()
        s.text('B%d' % r, label, 'label')
        s.calc('C%d' % r, 'IFNA(%s;%s)' % (formula, q(_('not listed'))), 'calc', fmt, name=name + 'Catalogue')
        s.put('D%d' % r, role='input', fmt=fmt, name=name + 'Quote', validation=nonneg)
        s.calc('E%d' % r, 'IF(ISBLANK(%s);%s;%s)' % (ref('D%d' % r), ref('C%d' % r), ref('D%d' % r)),
               'calc_b', fmt, name=name)
    r = rows.add()
    s.text('B%d' % r, _('GPU price checked on'), 'label')
    s.calc('C%d' % r, 'IFNA(GPU_PRICE_DATE(SzGpu;SzProvider);%s)' % q(_('not listed')), 'calc', 'date', name='SzGpuPriceDate')
    s.calc('D%d' % r, 'IF(ISBLANK(SzGpuPriceQuote);"";%s)' % q(_('your quote')), 'note')
    s.style_only('E%d' % r, 'calc')
    r = rows.add(height='0.45cm')
    s.text('B%d' % r, _('Inputs: an example training run (a 7B model, 50,000 examples of 500 tokens, 3 '
           'epochs, LoRA, H100 at aws), not a source. MFU 40 %: the function\'s default (0.35–0.55 '
           'when well tuned). Catalogue: GPU_SPEC, GPU_PRICE (ftcost gpus cites each figure). A quote '
           'typed beside a catalogue figure replaces it.'), 'note_wrap', span=(3, 4))
    rows.skip(2)

    results_rows = Rows(s, first='sizing')
    s.text('F%d' % results_rows.add(), _('Training run sizing: results'), 'section', span=(1, 5))
    side_heads(results_rows, _('Result'), _('Value'), _('Unit'), _('Function'), i_role='colhead')
    results = [
        (_('Model parameters'), 'SzBillions*1E+09', 'int', _('parameters'), 'SzParams', _('billions × 10^9')),
        (_('Training tokens per epoch'), 'SzExamples*SzTokensPerExample', 'int', _('tokens'), 'SzTokens',
         _('examples × tokens per example')),
        (_('Training compute'), 'FT_TRAIN_FLOPS(SzParams;SzTokens;SzEpochs;SzMethod)', 'sci', _('FLOPs'), 'SzFlops',
         _('FT_TRAIN_FLOPS: 6 per parameter and token, 4 with adapters')),
        (_('GPU-hours per run'), 'FT_GPU_HOURS(SzParams;SzTokens;SzEpochs;SzPeakTflops;SzMfu;SzMethod)', 'dec2',
         _('GPU-hours'), 'SzGpuHours', _('FT_GPU_HOURS on the peak and MFU used')),
        (_('Memory for the run'), 'FT_TRAIN_MEMORY_GB(SzParams;SzMethod)', 'dec1', _('GB'), 'SzMemory',
         _('FT_TRAIN_MEMORY_GB: weights, gradients, optimizer')),
        (_('GPUs needed'), 'FT_GPUS_NEEDED(SzMemory;SzGpuMemory)', 'int', _('GPUs'), 'SzGpusNeeded',
         # xgettext:no-python-format
         _('FT_GPUS_NEEDED, 20 % headroom')),
        (_('Hours per run, wall clock'), 'SzGpuHours/SzGpusNeeded', 'dec2', _('hours'), 'SzWallHours',
         _('GPU-hours spread over the GPUs')),
        (_('Training cost per run'), 'FT_TRAINING_COST(SzGpuPrice;SzGpuHours)', 'usd2', _('$ per run'), 'SzRunCost',
         _('FT_TRAINING_COST: price × GPU-hours')),
        (_('Energy per run'), 'FT_ENERGY_KWH(SzGpuWatts;1;SzGpuHours;PueFactor)', 'dec2', 'kWh', 'SzRunKwh',
         _('FT_ENERGY_KWH at the PUE below')),
    ]
    for label, formula, fmt, unit, name, note in results:
        rr = results_rows.add()
        s.text('F%d' % rr, label, 'label_b' if name in ('SzGpuHours', 'SzRunCost') else 'label', span=(1, 2))
        s.calc('H%d' % rr, formula, 'calc_b' if name in ('SzGpuHours', 'SzRunCost') else 'calc', fmt, name=name)
        s.text('I%d' % rr, unit, 'unit')
        s.text('J%d' % rr, note, 'note')
    s.text('F%d' % results_rows.add(), _('The training rows of the budget above use this cost per run, times '
           'the runs below, plus the overhead.'), 'note_free', span=(1, 5))

    # ---- compute assumptions (left)
    rows.add(height='0.3cm')
    s.text('B%d' % rows.add('assumptions'), _('Compute assumptions'), 'section', span=(1, 4))
    r = rows.add()
    s.text('B%d' % r, _('Assumption'), 'colhead')
    s.text('C%d' % r, _('Low'), 'colhead_r')
    s.text('D%d' % r, _('High'), 'colhead_r')
    s.text('E%d' % r, _('Unit'), 'colhead')
    s.height(r, '0.8cm')
    assumptions = [
        (_('Training runs and experiments'), 10, 40, 'int', _('runs'), 'Runs'),
        (_('Evaluation hours per validation run'), 2, 4, 'int', _('hours'), 'EvalHours'),
        (_('Validation runs'), 10, 40, 'int', _('runs'), 'EvalRuns'),
        (_('Infrastructure management overhead'), 0.15, 0.30, 'pct0', _('of infra'), 'Overhead'),
        (_('Serving GPU hourly rate (g5.2xlarge)'), 1.32, 1.32, 'usd2', _('$ per hour'), 'GpuRate'),
        (_('Serving GPUs, always on'), 1, 2, 'int', _('GPUs'), 'ServeGpus'),
        (_('Serving hours per month'), 730, 730, 'int', _('hours'), 'ServeHours'),
        (_('Hosted service: training tokens'), 5e6, 20e6, 'int', _('tokens'), 'Tokens'),
        (_('Hosted service: epochs'), 3, 3, 'int', _('epochs'), 'Epochs'),
    ]
    for label, lo, hi, fmt, unit, name in assumptions:
        r = rows.add()
        s.text('B%d' % r, label, 'label')
        s.num('C%d' % r, lo, 'input', fmt, name=name + 'Low', validation=nonneg)
        s.num('D%d' % r, hi, 'input', fmt, name=name + 'High', validation=nonneg)
        s.text('E%d' % r, unit, 'unit')
    r = rows.add()
    s.text('B%d' % r, _('Training billed as'), 'label_b')
    s.text('C%d' % r, RENTED, 'input_text', span=(1, 2), name='TrainingBilling',
           validation=book.list_validation(RENTED, HOSTED))
    s.text('E%d' % r, _('pick from list'), 'unit')
    # The hosted service's price per million training tokens: looked up in
    # the price catalogue for the model tuned there, replaced by a quote.
    r = rows.add()
    s.text('B%d' % r, _('Hosted service: model tuned'), 'label')
    tuned = book.list_validation(
        *catalogue_tuned_models(), warn_only=True,
        message=_('No training price in the shipped price catalogue: type your quote beside the '
                  'price, or add the model to your own price file (~/.config/ftcost/prices.json).'))
    s.text('C%d' % r, DEFAULT_HOSTED_MODEL, 'input_text', span=(1, 2), name='HostedModel', validation=tuned)
    s.text('E%d' % r, _('pick or type'), 'unit')
    r = rows.add()
    s.text('B%d' % r, _('Hosted service: cost per run'), 'label')
    for col, side in (('C', 'Low'), ('D', 'High')):
        s.calc('%s%d' % (col, r), 'FT_TRAINING_TOKENS_COST(Tokens%s;Epochs%s;HostedPrice)' % (side, side),
               'calc', 'usd2', name='HostedRunCost' + side)
    s.text('E%d' % r, _('$ per run'), 'unit')
    r = rows.add()
    for col, t in (('C', _('Catalogue')), ('D', _('Your quote')), ('E', _('Used'))):
        s.text('%s%d' % (col, r), t, 'colhead_r')
    s.style_only('B%d' % r, 'colhead')
    r = rows.add()
    s.text('B%d' % r, _('Hosted training price, $/M tokens'), 'label')
    s.calc('C%d' % r, 'IFNA(API_PRICE(HostedModel;"ft_training");%s)' % q(_('no price: enter your quote')),
           'calc', 'usd2', name='HostedPriceCatalogue')
    s.put('D%d' % r, role='input', fmt='usd2', name='HostedPriceQuote', validation=nonneg)
    s.calc('E%d' % r, 'IF(ISBLANK(HostedPriceQuote);IF(ISNUMBER(HostedPriceCatalogue);HostedPriceCatalogue;NA());'
           'HostedPriceQuote)', 'calc_b', 'usd2', name='HostedPrice')
    r = rows.add(height='1.2cm')
    s.text('B%d' % r, _('Defaults: published industry estimates; serving GPU: AWS g5.2xlarge, on demand. '
           'Hosted training price: API_PRICE(model; "ft_training"), the list price ftcost prices cites; '
           'a quote beside it replaces it.'),
           'note_wrap', span=(1, 4))
    rows.skip(2)                   # two empty rows at the foot of the page
    s.print_range = 'A1:J%d' % rows.last

    # ---- units (right, beside the assumptions)
    right = Rows(s, first='assumptions')
    s.text('F%d' % right.add(), _('Units: how often a cost recurs'), 'section', span=(1, 5))
    side_heads(right, _('Unit'), _('Times in year 1'), _('Times in 3 years'), '')
    unit_notes = [_('paid once, in year 1'), _('lower year 1 for a late start'), '', '']
    unit_rows = [right.add() for _unit in UNITS]
    for rr, (u, y1, y3), note in zip(unit_rows, UNITS, unit_notes):
        s.text('F%d' % rr, u, 'label', span=(1, 2))
        s.num('H%d' % rr, y1, 'input', 'int', validation=nonneg)
        s.num('I%d' % rr, y3, 'input', 'int', validation=nonneg)
        s.text('J%d' % rr, note, 'note')
    book.name('UnitTable', s.name, 'F%d:I%d' % (unit_rows[0], unit_rows[-1]))

    # ---- energy and CO2 (right, below)
    right.add()
    s.text('F%d' % right.add(), _('Footprint of serving (FT_ENERGY_KWH, FT_CO2_KG)'), 'section', span=(1, 5))
    side_heads(right, _('Assumption'), _('Value'), '', _('Unit'))
    footprint = [
        (_('GPU power'), 300, 'int', 'GpuWatts', nonneg, _('watts per GPU (NVIDIA A10G of a g5.2xlarge)')),
        (_('PUE'), 1.2, 'dec2', 'PueFactor', book.number_validation(1, message=_('PUE is 1 or more.')),
         _('data-centre overhead: 1.0 is none')),
        (_('Grid carbon intensity'), 400, 'int', 'GridGrams', nonneg, _('g CO2 per kWh (planning assumption)')),
    ]
    for label, value, fmt, name, validation, note in footprint:
        rr = right.add()
        s.text('F%d' % rr, label, 'label', span=(1, 2))
        s.num('H%d' % rr, value, 'input', fmt, name=name, validation=validation)
        s.style_only('I%d' % rr, 'label')
        s.text('J%d' % rr, note, 'note')
    side_heads(right, _('Per month'), _('Low'), _('High'), '')
    r = right.add()
    s.text('F%d' % r, _('Energy'), 'label', span=(1, 2))
    s.calc('H%d' % r, 'FT_ENERGY_KWH(GpuWatts;ServeGpusLow;ServeHoursLow;PueFactor)', 'calc', 'int', name='KwhLow')
    s.calc('I%d' % r, 'FT_ENERGY_KWH(GpuWatts;ServeGpusHigh;ServeHoursHigh;PueFactor)', 'calc', 'int', name='KwhHigh')
    s.text('J%d' % r, _('kWh a month; in the GPU rate when rented'), 'note')
    r = right.add()
    s.text('F%d' % r, 'CO2', 'label', span=(1, 2))
    s.calc('H%d' % r, 'FT_CO2_KG(KwhLow;GridGrams)', 'calc', 'int', name='Co2Low')
    s.calc('I%d' % r, 'FT_CO2_KG(KwhHigh;GridGrams)', 'calc', 'int', name='Co2High')
    s.text('J%d' % r, _('kg CO2 a month'), 'note')
    r = right.add()
    s.text('F%d' % r, _('CO2 over 3 years'), 'label', span=(1, 2))
    s.calc('H%d' % r, 'Co2Low*36/1000', 'calc', 'dec1')
    s.calc('I%d' % r, 'Co2High*36/1000', 'calc', 'dec1')
    s.text('J%d' % r, _('tonnes CO2'), 'note')
    return book
