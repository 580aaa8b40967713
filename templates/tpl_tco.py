"""Template 1: Fine-tuning TCO.

The inputs of FT_TCO, its five line items (FT_TCO_ITEMS, an array formula)
with their share of the total, the hidden share (FT_HIDDEN_SHARE) as the
headline and a bar chart of the items.  Default inputs: the worked FT_TCO
example of shared/spec/FUNCTIONS.md, labelled as an example.
"""
from odsgen import Book, Chart, _, fstr, q, ref, NAVY

FILE = 'ftcost-tco'
TITLE = _('Fine-tuning TCO')

ARGS = 'Training;MonthlyServing;EngHours;RetrainsPerYear;LifecycleMonths;HourlyRate;Horizon'


def build():
    book = Book(TITLE,
                _('Total cost of owning a fine-tuned model over a planning horizon: training, '
                'serving, engineering, retrains and base-model rebuilds, and the share of it '
                'that the training run does not show. Computed by the ftcost add-in.'),
                ('ftcost', _('fine-tuning'), 'TCO', 'LLM'))
    s = book.sheet(_('Fine-tuning TCO'),
                   ['0.4cm', '5.2cm', '3.3cm', '3.2cm', '7.3cm', '0.5cm',
                    '2.9cm', '2.9cm', '2.9cm', '2.9cm'],
                   print_range='A1:J30', wider={'de': {'B': '6.1cm', 'D': '3.2cm', 'E': '8.0cm'}})
    s.height(1, '1.05cm')
    s.height(2, '0.55cm')
    s.height(4, '0.25cm')
    s.height(14, '0.35cm')
    s.height(16, '0.85cm')

    s.header(_('Fine-tuning: total cost of ownership'),
             _('Everything the training-run line on the slide leaves out, over the planning '
             'horizon. Yellow cells are inputs; every other figure is computed by the ftcost add-in.'))

    # Inputs
    s.text('B5', _('Inputs'), 'section', span=(1, 4))
    rows = [
        (_('Training run (initial)'), 200, 'usd0', _('$ once'), 'Training',
         _('the one line that usually reaches the slide')),
        (_('Serving'), 3000, 'usd0', _('$ per month'), 'MonthlyServing',
         _('GPUs, autoscaling, on-call')),
        (_('Engineering hours'), 320, 'int', _('hours per month'), 'EngHours',
         _('about two engineers: evals, retrains, debugging')),
        (_('Loaded hourly rate'), 150, 'usd0', _('$ per hour'), 'HourlyRate',
         _('salary, benefits and overhead per hour')),
        (_('Retrains per year'), 1, 'int', _('per year'), 'RetrainsPerYear',
         _('each costs as much as the initial run')),
        (_('Base-model lifecycle'), 18, 'int', _('months'), 'LifecycleMonths',
         _('until the base model is deprecated: rebuild')),
        (_('Planning horizon'), 24, 'int', _('months'), 'Horizon',
         _('the period the total covers')),
    ]
    for i, (label, value, fmt, unit, name, note) in enumerate(rows):
        r = 6 + i
        s.text('B%d' % r, label, 'label')
        s.num('C%d' % r, value, 'input', fmt, name=name,
              validation=book.nonneg_validation())
        s.text('D%d' % r, unit, 'unit')
        s.text('E%d' % r, note, 'note')
    s.text('B13', _('Example inputs: the worked example of the function reference, '
           'FT_TCO(200; 3000; 320; 1; 18). Replace them with your own.'),
           'note_free', span=(1, 4))

    # Headline
    s.text('G5', _('Headline'), 'section', span=(1, 4))
    s.text('G6', _('Hidden share of the total cost'), 'head_label', span=(1, 4))
    s.calc('G7', 'FT_HIDDEN_SHARE(%s)' % ARGS, 'head_value', 'pct2', span=(2, 4), name='HiddenShare')
    s.calc('G9', fstr(_('of the {months}-month total is not the training run'), months='TEXT(Horizon;"0")'),
           'head_text', span=(1, 4))
    s.text('G10', _('Total cost of ownership'), 'head_label', span=(1, 4))
    s.calc('G11', 'FT_TCO(%s)' % ARGS, 'head_value_s', 'usd0', span=(2, 4), name='TotalTCO')

    # Line items
    s.text('B15', _('Line items (FT_TCO_ITEMS)'), 'section', span=(1, 4))
    s.text('B16', _('Item'), 'colhead')
    s.text('C16', _('Amount'), 'colhead_r')
    s.text('D16', _('Share of total'), 'colhead_r')
    s.text('E16', _('How it is computed'), 'colhead')
    items = [
        (_('Training'), _('the initial run')),
        (_('Serving'), _('serving per month × horizon')),
        (_('Engineering'), _('hours × hourly rate × horizon')),
        (_('Retrains'), _('training × retrains per year × horizon / 12')),
        (_('Base-model rebuilds'), _('training × deprecations within the horizon')),
    ]
    s.calc('C17', 'FT_TCO_ITEMS(%s)' % ARGS, 'calc', 'usd0', matrix=(5, 1))
    book.name('Items', s.name, 'C17:C21')
    for i, (label, how) in enumerate(items):
        r = 17 + i
        s.text('B%d' % r, label, 'label')
        if i:
            s.style_only('C%d' % r, 'calc', 'usd0')
        s.calc('D%d' % r, '%s/TotalTCO' % ref('C%d' % r), 'calc', 'pct2')
        s.text('E%d' % r, how, 'note')
    s.text('B22', _('Total (FT_TCO)'), 'total_label')
    s.calc('C22', 'SUM(%s)' % ref('C17:C21'), 'total', 'usd0', name='ItemsTotal')
    s.calc('D22', 'SUM(%s)' % ref('D17:D21'), 'total', 'pct1')
    s.style_only('E22', 'total_blank')

    s.text('B24', _('Key ratios'), 'section', span=(1, 4))
    s.text('B25', _('Average cost per month'), 'label')
    s.calc('C25', 'TotalTCO/Horizon', 'calc', 'usd0', name='MonthlyAverage')
    s.text('D25', _('$ per month'), 'unit')
    s.text('E25', _('total ÷ horizon'), 'note')
    s.text('B26', _('Total ÷ training run'), 'label')
    s.calc('C26', 'IF(Training>0;TotalTCO/Training;%s)' % q(_('n/a')), 'calc', 'int', name='Multiple')
    s.text('D26', _('times'), 'unit')
    s.text('E26', _('how much the slide understates the cost'), 'note')
    s.text('B27', _('Engineering share'), 'label')
    s.calc('C27', '%s/TotalTCO' % ref('C19'), 'calc', 'pct1')
    s.text('D27', _('of total'), 'unit')
    s.text('E27', _('people, not GPUs, dominate most budgets'), 'note')

    s.text('G15', _('Where the money goes'), 'section', span=(1, 4))
    s.chart('G16', 'J29', Chart(
        'bar', _('Line items over the horizon'),
        categories=(s.name, 'B17:B21'),
        series=[(None, (s.name, 'C17:C21'), NAVY)],
        horizontal=True, labels=True, legend=False))
    s.text('B29', _('Bars share one linear scale: the items too small to see are the ones '
           'the slide shows.'), 'note_free', span=(1, 4))
    return book
