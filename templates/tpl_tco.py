"""Template 1: Fine-tuning TCO.

The inputs of FT_TCO, its five line items (FT_TCO_ITEMS, an array formula)
with their share of the total, the hidden share (FT_HIDDEN_SHARE) as the
headline and a bar chart of the items.  Default inputs: the worked FT_TCO
example of shared/spec/FUNCTIONS.md, labelled as an example.
"""
from odsgen import Book, Chart, _, fstr, q, ref, NAVY
from odsrows import Rows

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
                   wider={'de': {'B': '6.1cm', 'D': '3.2cm', 'E': '8.0cm'}})
    s.height(1, '1.05cm')
    s.height(2, '0.55cm')
    s.header(_('Fine-tuning: total cost of ownership'),
             _('Everything the training-run line on the slide leaves out, over the planning '
             'horizon. Yellow cells are inputs; every other figure is computed by the ftcost add-in.'))

    # Inputs (left), rows named for the blocks beside and below them
    left = Rows(s, first=4)
    left.add(height='0.25cm')
    r = left.add('inputs_head')
    s.text('B%d' % r, _('Inputs'), 'section', span=(1, 4))
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
    for label, value, fmt, unit, name, note in rows:
        r = left.add()
        s.text('B%d' % r, label, 'label')
        s.num('C%d' % r, value, 'input', fmt, name=name,
              validation=book.nonneg_validation())
        s.text('D%d' % r, unit, 'unit')
        s.text('E%d' % r, note, 'note')
    s.text('B%d' % left.add(), _('Example inputs: the worked example of the function reference, '
           'FT_TCO(200; 3000; 320; 1; 18). Replace them with your own.'),
           'note_free', span=(1, 4))

    # Headline (right, beside the inputs)
    right = Rows(s, first='inputs_head')
    s.text('G%d' % right.add(), _('Headline'), 'section', span=(1, 4))
    s.text('G%d' % right.add(), _('Hidden share of the total cost'), 'head_label', span=(1, 4))
    s.calc('G%d' % right.add(), 'FT_HIDDEN_SHARE(%s)' % ARGS, 'head_value', 'pct2', span=(2, 4), name='HiddenShare')
    right.skip(1)
    s.calc('G%d' % right.add(), fstr(_('of the {months}-month total is not the training run'),
                                     months='TEXT(Horizon;"0")'),
           'head_text', span=(1, 4))
    s.text('G%d' % right.add(), _('Total cost of ownership'), 'head_label', span=(1, 4))
    s.calc('G%d' % right.add(), 'FT_TCO(%s)' % ARGS, 'head_value_s', 'usd0', span=(2, 4), name='TotalTCO')

    # Line items
    left.add(height='0.35cm')
    r = left.add('items_head')
    s.text('B%d' % r, _('Line items (FT_TCO_ITEMS)'), 'section', span=(1, 4))
    r = left.add('items_colheads', height='0.85cm')
    s.text('B%d' % r, _('Item'), 'colhead')
    s.text('C%d' % r, _('Amount'), 'colhead_r')
    s.text('D%d' % r, _('Share of total'), 'colhead_r')
    s.text('E%d' % r, _('How it is computed'), 'colhead')
    items = [
        ('training', _('Training'), _('the initial run')),
        ('serving', _('Serving'), _('serving per month × horizon')),
        ('engineering', _('Engineering'), _('hours × hourly rate × horizon')),
        ('retrains', _('Retrains'), _('training × retrains per year × horizon / 12')),
        ('rebuilds', _('Base-model rebuilds'), _('training × deprecations within the horizon')),
    ]
    item_rows = [left.add(name) for name, _label, _how in items]  # the array's rows, laid out first
    s.calc(s.at('C', 'training'), 'FT_TCO_ITEMS(%s)' % ARGS, 'calc', 'usd0', matrix=(len(items), 1))
    book.name('Items', s.name, s.at('C', 'training', 'rebuilds'))
    for i, (r, (_name, label, how)) in enumerate(zip(item_rows, items)):
        s.text('B%d' % r, label, 'label')
        if i:
            s.style_only('C%d' % r, 'calc', 'usd0')
        s.calc('D%d' % r, '%s/TotalTCO' % ref('C%d' % r), 'calc', 'pct2')
        s.text('E%d' % r, how, 'note')
    r = left.add()
    s.text('B%d' % r, _('Total (FT_TCO)'), 'total_label')
    s.calc('C%d' % r, 'SUM(%s)' % ref(s.at('C', 'training', 'rebuilds')), 'total', 'usd0', name='ItemsTotal')
    s.calc('D%d' % r, 'SUM(%s)' % ref(s.at('D', 'training', 'rebuilds')), 'total', 'pct1')
    s.style_only('E%d' % r, 'total_blank')

    left.add()
    s.text('B%d' % left.add(), _('Key ratios'), 'section', span=(1, 4))
    r = left.add()
    s.text('B%d' % r, _('Average cost per month'), 'label')
    s.calc('C%d' % r, 'TotalTCO/Horizon', 'calc', 'usd0', name='MonthlyAverage')
    s.text('D%d' % r, _('$ per month'), 'unit')
    s.text('E%d' % r, _('total ÷ horizon'), 'note')
    r = left.add()
    s.text('B%d' % r, _('Total ÷ training run'), 'label')
    s.calc('C%d' % r, 'IF(Training>0;TotalTCO/Training;%s)' % q(_('n/a')), 'calc', 'int', name='Multiple')
    s.text('D%d' % r, _('times'), 'unit')
    s.text('E%d' % r, _('how much the slide understates the cost'), 'note')
    r = left.add()
    s.text('B%d' % r, _('Engineering share'), 'label')
    s.calc('C%d' % r, '%s/TotalTCO' % ref(s.at('C', 'engineering')), 'calc', 'pct1')
    s.text('D%d' % r, _('of total'), 'unit')
    s.text('E%d' % r, _('people, not GPUs, dominate most budgets'), 'note')

    # The chart (right, beside the line items), down to the last row
    left.add()
    last = left.add('last')
    s.text('G%d' % s.row('items_head'), _('Where the money goes'), 'section', span=(1, 4))
    s.chart(s.at('G', 'items_colheads'), s.at('J', 'last'), Chart(
        'bar', _('Line items over the horizon'),
        categories=(s.name, s.at('B', 'training', 'rebuilds')),
        series=[(None, (s.name, s.at('C', 'training', 'rebuilds')), NAVY)],
        horizontal=True, labels=True, legend=False))
    s.text('B%d' % last, _('Bars share one linear scale: the items too small to see are the ones '
           'the slide shows.'), 'note_free', span=(1, 4))
    left.add()                     # an empty row at the foot of the page
    s.print_range = 'A1:J%d' % left.last
    return book
