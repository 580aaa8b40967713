"""Template 3: Fine-tune vs API: three-year TCO and break-even.

The API path (monthly tokens, prices, growth, price change, prompt
engineering: API_COST, API_TCO) against the fine-tuning path
(FT_TRAINING_COST, FT_SERVING_COST, engineering, maintenance, retrains);
break-even month (FT_BREAKEVEN), break-even volume (FT_BREAKEVEN_VOLUME with
FT_SELFHOST_PER_MTOK), the FT_SCHEDULE cash flows (array formula) with an
NPV at a discount rate the user sets, and a line chart of both cumulative
costs whose crossing is the break-even.

Prompt engineering is a fixed monthly cost of the API path.  FT_SCHEDULE and
FT_BREAKEVEN grow the whole API amount, so the labour is kept out of them:
the schedule gets the usage cost, a column adds the labour, and the
break-even is FT_BREAKEVEN(upfront; FT monthly - prompt engineering; API
usage; growth), which is the same inequality.
"""
from odsgen import Book, Chart, _, add_model_lists, model_list_sources, model_warnings, q, ref, NAVY
from odsrows import Rows

# The model picker offers the models of the price catalogue in force with an
# input and an output price today (API_MODELS, on a hidden sheet).
DEFAULT_MODEL = 'gpt-4o'

FILE = 'ftcost-breakeven'
TITLE = _('Fine-tune vs API: three-year TCO and break-even')

MONTHS = 36
CF = _('Cash flows')
ORANGE = '#c55a11'


def build():
    book = Book(TITLE,
                _('Three-year cost of fine-tuning your own model against paying a hosted model API: '
                'break-even month and volume, monthly cash flows, NPV and a chart of both '
                'cumulative costs. Computed by the ftcost add-in.'),
                ('ftcost', _('fine-tuning'), _('API'), _('break-even'), _('NPV'), 'LLM'))
    nonneg = book.nonneg_validation()
    rate = book.rate_validation()
    frac = book.number_validation(0.01, 1, message=_('Enter a fraction between 1 % and 100 %.'))

    s = book.sheet(_('Fine-tune vs API'),
                   ['0.4cm', '6.1cm', '3.3cm', '3.0cm', '6.9cm', '0.5cm',
                    '3.45cm', '3.1cm', '3.1cm', '3.1cm', '0.8cm', '1.6cm', '3.6cm', '3.6cm'],
                   wider={'de': {'B': '6.6cm', 'D': '3.3cm', 'E': '6.9cm', 'G': '3.8cm',
                                 'M': '3.8cm', 'N': '3.8cm'}})
    # The cash-flow sheet comes second; its rows are laid out here, before
    # the first sheet's formulas refer to them (NPV, the chart data).
    c = book.sheet(CF, ['0.4cm', '1.7cm', '2.9cm', '2.9cm', '3.0cm', '3.0cm', '3.5cm', '3.3cm', '3.2cm'],
                   master='Portrait', wider={'de': {'B': '1.9cm', 'C': '3.4cm', 'D': '3.4cm'}})
    cf = Rows(c, first=1)
    cf.add('title', height='1.05cm')
    cf.add('subtitle')
    cf.add('horizon')
    cf.add(height='0.25cm')
    cf.add('sections')
    cf.add('colheads', height='1.25cm')
    month_rows = [cf.add() for _month in range(MONTHS + 1)]   # month 0 (the upfront) to MONTHS
    first, last = month_rows[0], month_rows[-1]
    cf.add()
    cf.add('crossing')
    c.print_range = 'A1:I%d' % cf.add('note')

    s.height(1, '1.05cm')
    s.header(_('Fine-tune or pay the API? Three-year cost and break-even'),
             _('Both paths month by month over three years. Yellow cells are inputs (example '
             'figures: replace them with yours); everything else is computed by the ftcost add-in.'))
    left = Rows(s, first=4)
    left.add(height='0.25cm')

    def inp(label, value, fmt, unit, name, note='', validation=nonneg, role='input'):
        r = left.add()
        s.text('B%d' % r, label, 'label')
        if isinstance(value, str):
            s.text('C%d' % r, value, 'input_text', name=name)
        else:
            s.num('C%d' % r, value, role, fmt, name=name, validation=validation)
        s.text('D%d' % r, unit, 'unit')
        s.text('E%d' % r, note, 'note')

    def out(label, formula, fmt, unit, name, note=''):
        r = left.add()
        s.text('B%d' % r, label, 'label_b' if name in ('FtUpfront', 'FtMonthly', 'ApiMonthly') else 'label')
        s.calc('C%d' % r, formula, 'calc_b' if name in ('FtUpfront', 'FtMonthly', 'ApiMonthly') else 'calc',
               fmt, name=name)
        s.text('D%d' % r, unit, 'unit')
        s.text('E%d' % r, note, 'note')

    # ---- API prices: a model picked from the catalogue (API_PRICE), dated
    s.text('B%d' % left.add('api_prices'), _('API prices (per million tokens)'), 'section', span=(1, 4))
    picker = book.range_list_validation(
        model_list_sources()[0], warn_only=True,
        message=_('Not in the list (the models of the price catalogue in force, as provider/model): '
                  'API_PRICE answers #N/A unless the catalogue knows this model under that name.'))
    r = left.add()
    s.text('B%d' % r, _('Model'), 'label')
    s.text('C%d' % r, DEFAULT_MODEL, 'input_text', name='ModelName', validation=picker)
    s.text('D%d' % r, _('your price'), 'unit')
    s.text('E%d' % r, _('pick a model from the list, or type your prices'), 'note')

    # The price used: yours when typed (D), else the catalogue's (API_PRICE).
    def price(label, kind, name):
        r = left.add()
        s.text('B%d' % r, label, 'label')
        s.calc('C%d' % r, 'IF(ISBLANK(%s);API_PRICE(ModelName;"%s");%s)' % (ref('D%d' % r), kind, ref('D%d' % r)),
               'calc', 'usd2', name=name)
        s.put('D%d' % r, role='input', fmt='usd2', name='Your' + name,
              validation=book.arg_validation('API_COST', name))
        s.calc('E%d' % r, 'IF(ISBLANK(%s);IFNA(%s&TEXT(API_PRICE(ModelName;"%s");"0.00");%s);%s)'
               % (ref('D%d' % r), q(_('catalogue price, $ per M tokens: ')), kind,
                  q(_('not in the catalogue: type your price')), q(_('your price, $ per M tokens'))),
               'note', 'text')

    price(_('Input price'), 'input', 'InputPrice')
    price(_('Output price'), 'output', 'OutputPrice')
    r = left.add()
    s.text('B%d' % r, _('Prices as of'), 'label')
    s.calc('C%d' % r, 'IFNA(API_PRICE_DATE(ModelName);"")', 'calc', 'date', name='PriceDate')
    # Warnings beside the picker (blank when none): the model retires within
    # the horizon or has retired, the price was checked over 90 days ago.
    retire, stale = model_warnings('ModelName', 'HorizonMonths')
    s.calc('D%d' % r, stale, 'warn', 'text', name='PriceStale', span=(1, 2))
    r = left.add()
    s.text('B%d' % r, _('Model retirement'), 'label')
    s.calc('C%d' % r, retire, 'warn', 'text', name='ModelRetires', span=(1, 3))

    s.text('B%d' % left.add(), _('API path'), 'section', span=(1, 4))
    inp(_('Input tokens'), 3e9, 'int', _('per month'), 'InputTokens', _('prompts, context, retrieved text'))
    inp(_('Output tokens'), 6e8, 'int', _('per month'), 'OutputTokens', _('generated text'))
    inp(_('Usage growth'), 0.03, 'pct1', _('per month'), 'ApiGrowth', _('more users, more calls'), rate)
    inp(_('Price change'), -0.01, 'pct1', _('per month'), 'PriceChange', _('negative: providers cut prices'), rate)
    inp(_('Prompt engineering'), 1500, 'usd0', _('$ per month'), 'PromptEng', _('labour kept on the API path'))
    out(_('API cost this month'), 'API_COST(InputTokens;OutputTokens;InputPrice;OutputPrice)',
        'usd0', _('$ per month'), 'ApiMonthly', _('API_COST, usage only'))
    out(_('Combined monthly growth'), '(1+ApiGrowth)*(1+PriceChange)-1', 'pct2', _('per month'),
        'ApiGrowthCombined', _('usage growth and price change together'))

    left.add()
    s.text('B%d' % left.add(), _('Fine-tuning path'), 'section', span=(1, 4))
    inp(_('Build cost'), 60000, 'usd0', _('$ once'), 'BuildCost', _('data preparation, ML engineering, testing'))
    inp(_('GPU hourly rate'), 1.32, 'usd2', _('$ per GPU-hour'), 'GpuRate', _('g5.2xlarge, on demand'))
    inp(_('GPU hours per training run'), 24, 'int', _('hours'), 'RunHours')
    inp(_('GPUs per training run'), 1, 'int', _('GPUs'), 'RunGpus')
    inp(_('Runs (experiments, validation)'), 10, 'int', _('runs'), 'Runs')
    inp(_('Infrastructure overhead'), 0.2, 'pct0', _('of GPU cost'), 'Overhead', _('management, 15–30 %'),
        book.number_validation(0, 1, message=_('Enter a fraction between 0 and 100 %.')))
    inp(_('Retrains per year'), 4, 'int', _('per year'), 'RetrainsPerYear', _('each costs one training run'))
    inp(_('Serving GPUs, always on'), 2, 'int', _('GPUs'), 'ServeGpus')
    inp(_('Serving hours'), 730, 'int', _('per month'), 'ServeHours', _('730 = always on'))
    inp(_('Engineering hours'), 40, 'int', _('per month'), 'EngHours', _('evals, retrains, debugging'))
    inp(_('Loaded hourly rate'), 150, 'usd0', _('$ per hour'), 'HourlyRate')
    inp(_('Maintenance and monitoring'), 3000, 'usd0', _('$ per month'), 'Maintenance', _('drift checks, upkeep'))
    inp(_('Serving throughput'), 2000, 'int', _('tokens / s'), 'TokensPerSecond', _('all serving GPUs together'),
        book.number_validation(1, message=_('Enter a throughput above 0.')))
    inp(_('Average utilisation'), 0.5, 'pct0', _('of capacity'), 'Utilization', '', frac)
    out(_('Training run'), 'FT_TRAINING_COST(GpuRate;RunHours;RunGpus;Runs;Overhead)', 'usd0', _('$ per run'),
        'TrainingRun', 'FT_TRAINING_COST')
    out(_('Serving'), 'FT_SERVING_COST(GpuRate;ServeGpus;ServeHours;Overhead)', 'usd0', _('$ per month'),
        'ServingMonthly', 'FT_SERVING_COST')
    out(_('Upfront'), 'BuildCost+TrainingRun', 'usd0', _('$ once'), 'FtUpfront', _('build + first training run'))
    out(_('Fine-tuning cost per month'),
        'ServingMonthly+EngHours*HourlyRate+Maintenance+TrainingRun*RetrainsPerYear/12',
        'usd0', _('$ per month'), 'FtMonthly', _('serving, engineering, upkeep, retrains'))

    # ---- headline (right, beside the API prices)
    right = Rows(s, first='api_prices')
    s.text('G%d' % right.add(), _('Result'), 'section', span=(1, 4))
    s.text('G%d' % right.add(), _('Fine-tuning breaks even in month'), 'head_label', span=(1, 4))
    # A missing input (an unknown model's #N/A price) shows as missing: IFNA
    # below must only ever see FT_BREAKEVEN's own "no break-even".
    missing = 'OR(ISERROR(ApiMonthly);ISERROR(FtUpfront);ISERROR(FtMonthly);ISERROR(ApiGrowthCombined))'
    s.calc('G%d' % right.add(), 'IF(%s;%s;IF(FtMonthly>=PromptEng;'
           'IFNA(FT_BREAKEVEN(FtUpfront;FtMonthly-PromptEng;ApiMonthly;ApiGrowthCombined;120);'
           '%s);ChartCrossing))' % (missing, q(_('input missing')), q(_('none in 10 years'))),
           'head_value', 'int', span=(2, 4), name='Breakeven')
    right.skip(1)
    s.calc('G%d' % right.add(), 'IF(%s;%s;IF(ISNUMBER(Breakeven);%s;%s))'
           % (missing, q(_('no price for this model: pick one from the list or type your prices')),
              q(_('where the two lines of the chart cross')), q(_('the API stays cheaper'))),
           'head_text', span=(2, 4))  # two rows: the missing-price text wraps (German)
    right.skip(1)

    def kv(label, formula, fmt, name=None, role='calc'):
        r = right.add()
        s.text('G%d' % r, label, 'label', span=(1, 2))
        s.calc('I%d' % r, formula, role, fmt, name=name, span=(1, 2))

    def kv_heads(label, value_head):
        r = right.add()
        s.text('G%d' % r, label, 'colhead', span=(1, 2))
        s.text('I%d' % r, value_head, 'colhead_r', span=(1, 2))

    kv_heads(_('Over three years'), _('Total'))
    kv(_('API path (API_TCO)'),
       'API_TCO(InputTokens;OutputTokens;InputPrice;OutputPrice;ApiGrowth;HorizonMonths;PromptEng;PriceChange)',
       'usd0', 'ApiTco')
    kv(_('Fine-tuning path'), 'INDEX(Schedule;HorizonMonths+1;4)', 'usd0', 'FtTco')
    kv(_('Cheaper path'), 'IF(FtTco<ApiTco;%s;%s)' % (q(_('fine-tuning')), q(_('API'))), None, 'Cheaper', 'calc_b')
    kv(_('Saving over three years'), 'ABS(ApiTco-FtTco)', 'usd0', 'Saving', 'calc_b')
    right.add()
    kv_heads(_('Net present value'), '')
    r = right.add()
    s.text('G%d' % r, _('Discount rate per year'), 'label', span=(1, 2))
    s.num('I%d' % r, 0.10, 'input', 'pct1', name='DiscountRate', span=(1, 2),
          validation=book.number_validation(0, 1, message=_('Enter a yearly rate between 0 and 100 %.')))
    # NPV: month 0 (the upfront) undiscounted, the months after it discounted
    kv(_('NPV of the API path'), '%s+NPV(MonthlyRate;%s)' % (ref('H%d' % first, CF), ref('H%d:H%d' % (first + 1, last), CF)),
       'usd0', 'NpvApi')
    kv(_('NPV of the fine-tuning path'), '%s+NPV(MonthlyRate;%s)' % (ref('C%d' % first, CF), ref('C%d:C%d' % (first + 1, last), CF)),
       'usd0', 'NpvFt')
    right.add()
    kv_heads(_('Break-even volume'), '')
    kv(_('Self-hosted, per M tokens'), 'FT_SELFHOST_PER_MTOK(GpuRate;TokensPerSecond;Utilization;ServeGpus)',
       'usd3', 'SelfHostPrice')
    kv(_('API, per M tokens (blended)'), 'ApiMonthly/((InputTokens+OutputTokens)/1000000)', 'usd3', 'ApiBlendedPrice')
    kv(_('Fixed fine-tuning cost per month'), 'FtMonthly-ServingMonthly+FtUpfront/HorizonMonths', 'usd0', 'FtMonthlyFixed')
    kv(_('Break-even tokens per month'),
       'IF(ISERROR(ApiBlendedPrice);%s;IFNA(FT_BREAKEVEN_VOLUME(FtMonthlyFixed;SelfHostPrice;ApiBlendedPrice);%s))'
       % (q(_('missing price')), q(_('none'))), 'int',
       'BreakevenVolume', 'calc_b')
    kv(_('Your tokens per month'), 'InputTokens+OutputTokens', 'int')
    # the chart below them (filled further down), then two notes the width of the page
    right.add()
    right.add('chart_head')
    right.add('chart_top')
    right.skip(10)                 # the chart is 12 rows high
    right.add('chart_bottom')
    right.add()
    s.text('B%d' % right.add(), _('Fixed cost per month for the volume: engineering, upkeep, retrains and the upfront '
           'spread over the horizon; serving is priced per token (FT_SELFHOST_PER_MTOK).'),
           'note_free', span=(1, 9))
    r = right.add()
    s.text('B%d' % r, _('Horizon: %d months, fixed (the cash-flow sheet has one row per month). Prompt '
                        'engineering is kept out of FT_SCHEDULE growth; see the Cash flows sheet.') % MONTHS,
           'note_free', span=(1, 9))
    s.print_range = 'A1:J%d' % right.last

    # Chart data: the two cumulative columns of the cash-flow sheet, next to
    # the chart (outside the print range).  LibreOffice does not resolve a
    # chart range on a sheet that comes later in the file when it loads it.
    data = Rows(s, first='api_prices')
    s.text('L%d' % data.add(), _('Chart data (from Cash flows)'), 'section', span=(1, 3))
    r = data.add('chart_data_heads', height='0.5cm')
    s.text('L%d' % r, _('Month'), 'colhead_r')
    s.text('M%d' % r, _('Fine-tuning path'), 'colhead_r')
    s.text('N%d' % r, _('API path'), 'colhead_r')
    chart_rows = [data.add() for _month in month_rows]
    months, ft, api = ('%s%d:%s%d' % (col, chart_rows[0], col, chart_rows[-1]) for col in 'LMN')
    book.name('ChartMonths', s.name, months)
    for r, src in zip(chart_rows, month_rows):
        s.calc('L%d' % r, ref('B%d' % src, CF), 'calc', 'int')
        s.calc('M%d' % r, ref('E%d' % src, CF), 'calc', 'usd0')
        s.calc('N%d' % r, ref('G%d' % src, CF), 'calc', 'usd0')
    s.text(s.at('G', 'chart_head'), _('Cumulative cost: the lines cross at the break-even'), 'section', span=(1, 4))
    s.chart(s.at('G', 'chart_top'), s.at('J', 'chart_bottom'), Chart(
        'line', None,
        categories=(s.name, months),
        series=[((s.name, s.at('M', 'chart_data_heads')), (s.name, ft), NAVY),
                ((s.name, s.at('N', 'chart_data_heads')), (s.name, api), ORANGE)],
        x_title=_('month'), legend=True))

    # ---- cash flows
    c.text(c.at('B', 'title'), _('Cash flows, month by month'), 'title', span=(1, 8))
    c.text(c.at('B', 'subtitle'), _('FT_SCHEDULE (array formula, B–F): month 0 is the upfront cost, API columns '
           'are usage only; G–I add prompt engineering.'),
           'subtitle', span=(1, 8))
    r = c.row('horizon')
    c.text('B%d' % r, _('Horizon'), 'label')
    c.num('C%d' % r, MONTHS, 'calc', 'int', name='HorizonMonths')
    c.text('D%d' % r, _('months'), 'unit')
    c.text('E%d' % r, _('Monthly discount rate'), 'label', span=(1, 2))
    c.calc('G%d' % r, '(1+DiscountRate)^(1/12)-1', 'calc', 'pct2', name='MonthlyRate')
    c.text('H%d' % r, _('from the yearly rate'), 'unit', span=(1, 2))
    c.text(c.at('B', 'sections'), 'FT_SCHEDULE', 'section', span=(1, 5))
    c.text(c.at('G', 'sections'), _('With prompt engineering'), 'section', span=(1, 3))
    for col, t, role in [('B', _('Month'), 'colhead_r'), ('C', _('Fine-tuning cash flow'), 'colhead_r'),
                         ('D', _('API cash flow (usage)'), 'colhead_r'), ('E', _('Fine-tuning, cumulative'), 'colhead_r'),
                         ('F', _('API usage, cumulative'), 'colhead_r'), ('G', _('API path, cumulative'), 'colhead_r'),
                         ('H', _('API path cash flow'), 'colhead_r'), ('I', _('Fine-tuning ahead by'), 'colhead_r')]:
        c.text(c.at(col, 'colheads'), t, role)
    # Without an API price the API columns (D, F) are #N/A, the fine-tuning
    # ones still computed (the schedule gets 0 for the API, masked).  The
    # mask is added, one row for every row of the schedule: Gnumeric's IF
    # takes no one-row condition for a many-row array (#VALUE!).
    c.calc('B%d' % first, 'FT_SCHEDULE(FtUpfront;FtMonthly;IF(ISERROR(ApiMonthly);0;ApiMonthly);'
           'ApiGrowthCombined;HorizonMonths)+IF(ISERROR(ApiMonthly)*{0;0;1;0;1};NA();0)',
           'calc', 'int', matrix=(MONTHS + 1, 5))
    book.name('Schedule', CF, 'B%d:F%d' % (first, last))
    for r in month_rows:
        if r != first:
            c.style_only('B%d' % r, 'calc', 'int')
        for col in 'CDEF':
            c.style_only('%s%d' % (col, r), 'calc', 'usd0')
        c.calc('G%d' % r, '%s+PromptEng*%s' % (ref('F%d' % r), ref('B%d' % r)), 'calc', 'usd0')
        c.calc('H%d' % r, '%s+IF(%s>=1;PromptEng;0)' % (ref('D%d' % r), ref('B%d' % r)), 'calc', 'usd0')
        c.calc('I%d' % r, '%s-%s' % (ref('G%d' % r), ref('E%d' % r)), 'calc', 'usd0')
    book.name('CumApiTotal', CF, 'G%d:G%d' % (first, last))
    months, ahead = ref('B%d:B%d' % (first, last)), ref('I%d:I%d' % (first, last))
    r = c.row('crossing')
    c.text('B%d' % r, _('First month fine-tuning is ahead (the lines cross):'), 'label_b', span=(1, 5))
    c.calc('G%d' % r,
           'IF(COUNTIFS(%s;">=0";%s;">=1")>0;COM.MICROSOFT.MINIFS(%s;%s;">=0";%s;">=1");%s)'
           % (ahead, months, months, ahead, months, q(_('none in %d months') % MONTHS)),
           'calc_b', 'int', name='ChartCrossing', span=(1, 2))
    # G:H: room for the text shown when the lines never cross; the unit
    # only beside a month number
    c.calc('I%d' % r, 'IF(ISNUMBER(ChartCrossing);%s;"")' % q(_('month')), 'unit')
    c.text(c.at('B', 'note'), _('Negative "ahead by" values: the API path is still cheaper to date.'),
           'note_free', span=(1, 8))
    add_model_lists(book)
    return book
