"""Template 2: Direct and hidden cost budget.

Direct costs (data preparation, compute, ML engineering, testing,
deployment) and hidden costs (maintenance, drift monitoring, retraining,
serving, storage, transfer, on-call, infrastructure overhead), each with a
low and a high estimate, a unit, what drives it, and first-year and
three-year totals.  Compute rows use FT_TRAINING_COST /
FT_TRAINING_TOKENS_COST and FT_SERVING_COST; the footprint uses
FT_ENERGY_KWH and FT_CO2_KG.  Default figures are published industry
estimates (or marked planning assumptions); all are editable.
"""
from odsgen import Book, ref

FILE = 'ftcost-budget'
TITLE = 'Fine-tuning cost budget: direct and hidden'

UNITS = [('one-off', 1, 1), ('per month', 12, 36), ('per quarter', 4, 12), ('per year', 1, 3)]


def build():
    book = Book(TITLE,
                'Budget of fine-tuning an LLM: direct costs and the hidden costs that follow, '
                'low and high estimates, first-year and three-year totals. Computed by the '
                'ftcost add-in.',
                ('ftcost', 'fine-tuning', 'budget', 'hidden costs', 'LLM'))
    s = book.sheet('Cost budget',
                   ['0.4cm', '6.7cm', '2.5cm', '2.5cm', '2.3cm', '2.6cm', '2.6cm', '2.7cm',
                    '2.7cm', '9.6cm'],
                   print_range='A1:J52')
    unit_list = book.list_validation(*[u for u, _, _ in UNITS])
    nonneg = book.number_validation(0, message='Enter a number of 0 or more.')
    s.height(1, '1.05cm')
    s.height(4, '0.25cm')

    s.header('Fine-tuning budget: direct and hidden costs',
             'Low and high estimates for each cost of fine-tuning and running your own model. '
             'Defaults are published industry estimates or marked planning assumptions: edit every '
             'yellow cell to your own quotes.')

    def heads(r):
        s.height(r, '0.8cm')
        for col, t, role in [('B', 'Cost item', 'colhead'), ('C', 'Low', 'colhead_r'),
                             ('D', 'High', 'colhead_r'), ('E', 'Unit', 'colhead'),
                             ('F', 'Year 1 low', 'colhead_r'), ('G', 'Year 1 high', 'colhead_r'),
                             ('H', '3 years low', 'colhead_r'), ('I', '3 years high', 'colhead_r'),
                             ('J', 'What drives it (source of the default)', 'colhead')]:
            s.text('%s%d' % (col, r), t, role)

    def row(r, label, low, high, unit, note, names=None):
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

    def subtotal(r, label, first, last, prefix):
        s.text('B%d' % r, label, 'total_label')
        for col in 'CDE':
            s.style_only('%s%d' % (col, r), 'total_blank')
        for col, nm in zip('FGHI', ('Y1Low', 'Y1High', '3yLow', '3yHigh')):
            s.calc('%s%d' % (col, r), 'SUM(%s)' % ref('%s%d:%s%d' % (col, first, col, last)),
                   'total', 'usd0', name=prefix + nm)
        s.style_only('J%d' % r, 'total_blank')

    # ---- direct costs
    s.text('B5', 'Direct costs: building the fine-tuned model', 'section', span=(1, 9))
    heads(6)
    row(7, 'Data preparation: labelling', 8000, 30000, 'one-off',
        'examples \u00d7 minutes each \u00d7 labeller rate')
    row(8, 'Data preparation: cleaning', 5000, 12000, 'one-off',
        'deduplication, formatting, quality review')
    row(9, 'Data preparation: legal and compliance', 2000, 8000, 'one-off',
        'licences, PII, consent; data prep in all $15k\u201350k (published)')
    row(10, 'Compute: training runs and experiments',
        'IF(TrainingBilling="hosted service";FT_TRAINING_TOKENS_COST(TokensLow;EpochsLow;TokenPriceLow;RunsLow);'
        'FT_TRAINING_COST(GpuRateLow;RunHoursLow;RunGpusLow;RunsLow;OverheadLow))',
        'IF(TrainingBilling="hosted service";FT_TRAINING_TOKENS_COST(TokensHigh;EpochsHigh;TokenPriceHigh;RunsHigh);'
        'FT_TRAINING_COST(GpuRateHigh;RunHoursHigh;RunGpusHigh;RunsHigh;OverheadHigh))',
        'one-off', 'FT_TRAINING_COST or FT_TRAINING_TOKENS_COST, see below',
        names=('TrainingLow', 'TrainingHigh'))
    row(11, 'Compute: validation runs',
        'FT_TRAINING_COST(GpuRateLow;EvalHoursLow;RunGpusLow;EvalRunsLow;OverheadLow)',
        'FT_TRAINING_COST(GpuRateHigh;EvalHoursHigh;RunGpusHigh;EvalRunsHigh;OverheadHigh)',
        'one-off', 'FT_TRAINING_COST over the evaluation hours per run',
        names=('ValidationLow', 'ValidationHigh'))
    row(12, 'ML engineering', 30000, 80000, 'one-off',
        'pipeline, experiments, integration ($30k\u201380k, published)')
    row(13, 'Testing and validation', 10000, 30000, 'one-off',
        'eval sets, red-teaming, sign-off ($10k\u201330k, published)')
    row(14, 'Deployment infrastructure', 2000, 10000, 'per month',
        'endpoints, gateways, load balancing ($2k\u201310k/month, published)')
    subtotal(15, 'Direct costs', 7, 14, 'Direct')

    # ---- hidden costs
    s.height(16, '0.3cm')
    s.text('B17', 'Hidden costs: running and keeping it current', 'section', span=(1, 9))
    heads(18)
    row(19, 'Ongoing maintenance', 5000, 5000, 'per month',
        'updates, fixes, data and prompt upkeep (~$5k/month, published)')
    row(20, 'Drift monitoring', 3000, 3000, 'per month',
        'eval pipelines, dashboards, alerts (~$3k/month, published)')
    row(21, 'Retraining cycles', 20000, 20000, 'per quarter',
        'fresh data, rerun, re-evaluate (~$20k/quarter, published)')
    row(22, 'Serving (GPUs)',
        'FT_SERVING_COST(GpuRateLow;ServeGpusLow;ServeHoursLow)',
        'FT_SERVING_COST(GpuRateHigh;ServeGpusHigh;ServeHoursHigh)',
        'per month', 'FT_SERVING_COST: always-on g5.2xlarge at $1.32/hour',
        names=('ServingLow', 'ServingHigh'))
    row(23, 'Storage', 2, 2, 'per month',
        'weights, checkpoints, datasets (about $2/month)')
    row(24, 'Data transfer', 10, 100, 'per month',
        'egress ~$0.09/GB, 100 GB\u20131 TB a month (assumption)')
    row(25, 'On-call', 1500, 4000, 'per month',
        'rota allowance and incident time (assumption)')
    row(26, 'Infrastructure management overhead',
        'OverheadLow*(%s+%s+%s+%s)' % (ref('C14'), ref('C22'), ref('C23'), ref('C24')),
        'OverheadHigh*(%s+%s+%s+%s)' % (ref('D14'), ref('D22'), ref('D23'), ref('D24')),
        'per month', '15\u201330 % on deployment, serving, storage, transfer',
        names=('OverheadCostLow', 'OverheadCostHigh'))
    subtotal(27, 'Hidden costs', 19, 26, 'Hidden')

    # ---- totals
    s.height(28, '0.3cm')
    s.text('B29', 'Total cost', 'total_label')
    for col in 'CDE':
        s.style_only('%s29' % col, 'total_blank')
    for col, nm in zip('FGHI', ('TotalY1Low', 'TotalY1High', 'Total3yLow', 'Total3yHigh')):
        s.calc('%s29' % col, '%s+%s' % (ref('%s15' % col), ref('%s27' % col)), 'total', 'usd0', name=nm)
    s.text('J29', 'direct + hidden', 'total_blank')
    s.text('B30', 'Hidden share of the total', 'label_b')
    for col in 'CDE':
        s.style_only('%s30' % col, 'label')
    for col, nm in zip('FGHI', ('HiddenShareY1Low', 'HiddenShareY1High', 'HiddenShare3yLow', 'HiddenShare3yHigh')):
        s.calc('%s30' % col, 'IF(%s>0;%s/%s;0)' % (ref('%s29' % col), ref('%s27' % col), ref('%s29' % col)),
               'calc_b', 'pct1', name=nm)
    s.text('J30', 'what a budget of the direct costs alone leaves out', 'note')

    # ---- compute assumptions (left)
    s.height(31, '0.3cm')
    s.text('B32', 'Compute assumptions', 'section', span=(1, 4))
    s.text('B33', 'Assumption', 'colhead')
    s.text('C33', 'Low', 'colhead_r')
    s.text('D33', 'High', 'colhead_r')
    s.text('E33', 'Unit', 'colhead')
    s.height(33, '0.6cm')
    assumptions = [
        ('GPU hourly rate (g5.2xlarge)', 1.32, 1.32, 'usd2', '$ per hour', 'GpuRate'),
        ('GPU hours per training run', 8, 24, 'int', 'hours', 'RunHours'),
        ('GPUs per run', 1, 1, 'int', 'GPUs', 'RunGpus'),
        ('Training runs and experiments', 10, 40, 'int', 'runs', 'Runs'),
        ('Evaluation hours per validation run', 2, 4, 'int', 'hours', 'EvalHours'),
        ('Validation runs', 10, 40, 'int', 'runs', 'EvalRuns'),
        ('Infrastructure management overhead', 0.15, 0.30, 'pct0', 'of infra', 'Overhead'),
        ('Serving GPUs, always on', 1, 2, 'int', 'GPUs', 'ServeGpus'),
        ('Serving hours per month', 730, 730, 'int', 'hours', 'ServeHours'),
        ('Hosted service: training tokens', 5e6, 20e6, 'int', 'tokens', 'Tokens'),
        ('Hosted service: epochs', 3, 3, 'int', 'epochs', 'Epochs'),
        ('Hosted service: training price', 25, 25, 'usd2', '$/M tokens', 'TokenPrice'),
    ]
    r = 34
    for label, lo, hi, fmt, unit, name in assumptions:
        s.text('B%d' % r, label, 'label')
        s.num('C%d' % r, lo, 'input', fmt, name=name + 'Low', validation=nonneg)
        s.num('D%d' % r, hi, 'input', fmt, name=name + 'High', validation=nonneg)
        s.text('E%d' % r, unit, 'unit')
        r += 1
    s.text('B%d' % r, 'Training billed as', 'label_b')
    s.text('C%d' % r, 'rented GPUs', 'input_text', span=(1, 2), name='TrainingBilling',
           validation=book.list_validation('rented GPUs', 'hosted service'))
    s.text('E%d' % r, 'pick from list', 'unit')
    r += 1
    s.text('B%d' % r, 'Defaults: published industry estimates; GPU: AWS g5.2xlarge, on demand.',
           'note_free', span=(1, 4))

    # ---- units (right, top)
    s.text('F32', 'Units: how often a cost recurs', 'section', span=(1, 5))
    s.text('F33', 'Unit', 'colhead', span=(1, 2))
    s.text('H33', 'Times in year 1', 'colhead_r')
    s.text('I33', 'Times in 3 years', 'colhead_r')
    s.text('J33', '', 'colhead')
    for i, (u, y1, y3) in enumerate(UNITS):
        rr = 34 + i
        s.text('F%d' % rr, u, 'label', span=(1, 2))
        s.num('H%d' % rr, y1, 'input', 'int', validation=nonneg)
        s.num('I%d' % rr, y3, 'input', 'int', validation=nonneg)
        s.text('J%d' % rr, ['paid once, in year 1', 'lower year 1 for a late start',
                            '', ''][i], 'note')
    book.name('UnitTable', s.name, 'F34:I37')

    # ---- energy and CO2 (right, below)
    s.text('F39', 'Footprint of serving (FT_ENERGY_KWH, FT_CO2_KG)', 'section', span=(1, 5))
    s.text('F40', 'Assumption', 'colhead', span=(1, 2))
    s.text('H40', 'Value', 'colhead_r')
    s.text('I40', '', 'colhead_r')
    s.text('J40', 'Unit', 'colhead')
    s.text('F41', 'GPU power', 'label', span=(1, 2))
    s.num('H41', 300, 'input', 'int', name='GpuWatts', validation=nonneg)
    s.style_only('I41', 'label')
    s.text('J41', 'watts per GPU (NVIDIA A10G of a g5.2xlarge)', 'note')
    s.text('F42', 'PUE', 'label', span=(1, 2))
    s.num('H42', 1.2, 'input', 'dec2', name='PueFactor', validation=book.number_validation(1, message='PUE is 1 or more.'))
    s.style_only('I42', 'label')
    s.text('J42', 'data-centre overhead: 1.0 is none', 'note')
    s.text('F43', 'Grid carbon intensity', 'label', span=(1, 2))
    s.num('H43', 400, 'input', 'int', name='GridGrams', validation=nonneg)
    s.style_only('I43', 'label')
    s.text('J43', 'g CO2 per kWh (planning assumption)', 'note')
    s.text('F44', 'Per month', 'colhead', span=(1, 2))
    s.text('H44', 'Low', 'colhead_r')
    s.text('I44', 'High', 'colhead_r')
    s.text('J44', '', 'colhead')
    s.text('F45', 'Energy', 'label', span=(1, 2))
    s.calc('H45', 'FT_ENERGY_KWH(GpuWatts;ServeGpusLow;ServeHoursLow;PueFactor)', 'calc', 'int', name='KwhLow')
    s.calc('I45', 'FT_ENERGY_KWH(GpuWatts;ServeGpusHigh;ServeHoursHigh;PueFactor)', 'calc', 'int', name='KwhHigh')
    s.text('J45', 'kWh a month; in the GPU rate when rented', 'note')
    s.text('F46', 'CO2', 'label', span=(1, 2))
    s.calc('H46', 'FT_CO2_KG(KwhLow;GridGrams)', 'calc', 'int', name='Co2Low')
    s.calc('I46', 'FT_CO2_KG(KwhHigh;GridGrams)', 'calc', 'int', name='Co2High')
    s.text('J46', 'kg CO2 a month', 'note')
    s.text('F47', 'CO2 over 3 years', 'label', span=(1, 2))
    s.calc('H47', 'Co2Low*36/1000', 'calc', 'dec1')
    s.calc('I47', 'Co2High*36/1000', 'calc', 'dec1')
    s.text('J47', 'tonnes CO2', 'note')
    return book
