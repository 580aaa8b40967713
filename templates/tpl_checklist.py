"""Template 4: Decision checklist.

The five yes/no questions of the decision framework, the four pillars (task
specificity, data moat and consistency, latency and privacy, TCO) and a
computed recommendation, with the 24-month rule through FT_VERDICT
(prompting within 10 % of the fine-tuned accuracy and cheaper -> prompt).
The 24-month costs are FT_TCO and API_TCO on the worked examples of the
function reference.
"""
from odsgen import Book, _, fstr, q, text_money_format, text_percent_format
from odsrows import Rows

FILE = 'ftcost-checklist'
TITLE = _('Fine-tune or prompt? Decision checklist')

# The answers and levels are list choices that formulas count (COUNTIF on
# Answers and Pillars): each value and its comparison come from one message,
# so a translation changes both.
YES, NO = _('Yes'), _('No')
HIGH, MEDIUM, LOW = _('High'), _('Medium'), _('Low')

QUESTIONS = [
    (_('Do you have 10,000+ high-quality examples?'), YES,
     _('fewer: prompting with examples often matches a fine-tune')),
    (_('Will the domain stay stable for 12 months?'), YES,
     _('a moving domain means retraining, and its costs')),
    (_('Have RAG and prompting been maximised?'), NO,
     _('the cheap levers first: retrieval, examples, formats')),
    (_('Do you need latency under 100 ms?'), NO,
     _('a small fine-tuned model answers faster than a big API one')),
    (_('Can you afford $200K+ in total cost?'), YES,
     None),
]

PILLARS = [
    (_('Task specificity'), MEDIUM, _('a narrow, repeated task with a fixed format or style')),
    (_('Data moat and consistency'), MEDIUM, _('proprietary, consistent examples others do not have')),
    (_('Latency and privacy'), LOW, _('a hard latency budget, or data that must stay in-house')),
]


def build():
    book = Book(TITLE,
                _('Five questions, four pillars and the 24-month rule (FT_VERDICT): should you '
                'fine-tune your own model or prompt a hosted one? Computed by the ftcost add-in.'),
                ('ftcost', _('fine-tuning'), _('decision'), _('checklist'), 'LLM'))
    nonneg = book.nonneg_validation()
    yesno = book.list_validation(YES, NO)
    level = book.list_validation(HIGH, MEDIUM, LOW)
    s = book.sheet(_('Decision checklist'),
                   ['0.4cm', '9.4cm', '3.3cm', '8.0cm', '0.5cm', '5.6cm', '3.2cm', '3.0cm', '2.6cm', '7.0cm'],
                   wider={'de': {'B': '10.2cm', 'D': '9.6cm', 'F': '6.1cm', 'H': '3.6cm'}})
    s.height(1, '1.05cm')
    s.header(_('Fine-tune or prompt? Decision checklist'),
             _('Answer the questions and rate the pillars (yellow cells); the recommendation and the '
             '24-month rule are computed by the ftcost add-in.'), legend='G', title_cols=4, subtitle_cols=7)
    left = Rows(s, first=4)
    left.add(height='0.25cm')

    # ---- five questions
    s.text('B%d' % left.add('questions'), _('Five questions'), 'section', span=(1, 3))
    r = left.add(height='0.6cm')
    s.text('B%d' % r, _('Question'), 'colhead')
    s.text('C%d' % r, _('Answer'), 'colhead')
    s.text('D%d' % r, _('Why it matters'), 'colhead')
    answer_rows = []
    for i, (question, a, why) in enumerate(QUESTIONS):
        r = left.add()
        answer_rows.append(r)
        s.text('B%d' % r, '%d. %s' % (i + 1, question), 'label')
        s.text('C%d' % r, a, 'input_text', validation=yesno)
        if why is None:
            s.calc('D%d' % r, fstr(_('your 24-month fine-tuning TCO: {tco}'),
                                   tco='TEXT(CkFtTco;%s)' % q(text_money_format())), 'note', 'text')
        else:
            s.text('D%d' % r, why, 'note')
    book.name('Answers', s.name, 'C%d:C%d' % (answer_rows[0], answer_rows[-1]))
    r = left.add()
    s.text('B%d' % r, _('Answered yes'), 'total_label')
    s.calc('C%d' % r, 'COUNTIF(Answers;%s)' % q(YES), 'total', 'int', name='YesCount')
    s.text('D%d' % r, _('of 5: fine-tuning needs all five'), 'total_blank')

    # ---- four pillars
    left.add()
    s.text('B%d' % left.add(), _('Four pillars'), 'section', span=(1, 3))
    r = left.add()
    s.text('B%d' % r, _('Pillar'), 'colhead')
    s.text('C%d' % r, _('For fine-tuning'), 'colhead')
    s.text('D%d' % r, _('What to look at'), 'colhead')
    pillar_rows = []
    for p, v, what in PILLARS:
        r = left.add()
        pillar_rows.append(r)
        s.text('B%d' % r, p, 'label')
        s.text('C%d' % r, v, 'input_text', validation=level)
        s.text('D%d' % r, what, 'note')
    r = left.add()
    pillar_rows.append(r)
    s.text('B%d' % r, _('Total cost of ownership'), 'label')
    s.calc('C%d' % r, 'IF(CkFtTco<CkApiTco;%s;%s)' % (q(HIGH), q(LOW)), 'calc_c', name='TcoPillar')
    s.text('D%d' % r, _('computed: is fine-tuning cheaper over 24 months?'), 'note')
    book.name('Pillars', s.name, 'C%d:C%d' % (pillar_rows[0], pillar_rows[-1]))
    r = left.add()
    s.text('B%d' % r, _('Pillar score (High 2, Medium 1, Low 0)'), 'total_label')
    s.calc('C%d' % r, '2*COUNTIF(Pillars;%s)+COUNTIF(Pillars;%s)' % (q(HIGH), q(MEDIUM)), 'total', 'int',
           name='PillarScore')
    s.text('D%d' % r, _('of 8: fine-tuning wants 5 or more'), 'total_blank')

    left.add()
    s.text('B%d' % left.add(), _('How the recommendation is made'), 'section', span=(1, 3))
    # One rule per message; a line break in it continues the rule on the next row.
    rules = [_('1. PROMPT when the 24-month rule says so (FT_VERDICT): prompting is within the\n'
               '    tolerance of the fine-tuned accuracy and the API path costs no more.'),
             _('2. FINE-TUNE when all five answers are yes and the pillar score is 5 or more.'),
             _('3. Otherwise NOT YET: prompt and use RAG, and close the gaps answered no. What each\n'
               '    path costs over three years: the template "Prompting, RAG or fine-tuning?".')]
    lines = [line for rule in rules for line in rule.split('\n')]
    for line in lines:
        s.text('B%d' % left.add(), line, 'note_free', span=(1, 3))

    # ---- recommendation (right, beside the questions)
    right = Rows(s, first='questions')
    s.text('F%d' % right.add(), _('Recommendation'), 'section', span=(1, 3))
    # The recommendation is shown in the template's language; it is compared
    # below with the same translated text, FT_VERDICT's code with its own.
    prompt, fine_tune = q(_('PROMPT')), q(_('FINE-TUNE'))
    s.calc('F%d' % right.add(), 'IF(Verdict="PROMPT";%s;IF(AND(YesCount=5;PillarScore>=5);%s;%s))'
           % (prompt, fine_tune, q(_('NOT YET'))),
           'head_value', span=(2, 3), name='Recommendation')
    right.skip(1)
    s.calc('F%d' % right.add(), 'IF(Recommendation=%s;%s;IF(Recommendation=%s;%s;%s))'
           % (prompt, fstr(_('Prompting comes within {tolerance} of the fine-tuned accuracy and costs '
                             'less over 24 months.'),
                           tolerance='TEXT(Tolerance;%s)' % q(text_percent_format())),
              fine_tune, q(_('Every question is a yes and the pillars favour it.')),
              q(_('Not every question is a yes yet: prompt, add RAG (costed in the template Prompting, '
                  'RAG or fine-tuning?), revisit each quarter.'))),
           'head_text', 'text', span=(2, 3), name='RecommendationText')
    right.skip(2)

    # ---- the 24-month rule
    s.text('F%d' % right.add(), _('The 24-month rule (FT_VERDICT)'), 'section', span=(1, 3))

    def inp(label, value, fmt, unit, name, validation=nonneg):
        r = right.add()
        s.text('F%d' % r, label, 'label')
        s.num('G%d' % r, value, 'input', fmt, name=name, validation=validation)
        s.text('H%d' % r, unit, 'unit')

    def out(label, formula, fmt, unit, name, role='calc_b'):
        r = right.add()
        s.text('F%d' % r, label, 'label_b')
        s.calc('G%d' % r, formula, role, fmt, name=name)
        s.text('H%d' % r, unit, 'unit')

    frac = book.number_validation(0, 1, message=_('Enter a fraction between 0 and 100 %.'))
    inp(_('Fine-tuned accuracy'), 0.90, 'pct0', _('on your eval set'), 'FtAccuracy', frac)
    inp(_('Prompting accuracy'), 0.85, 'pct0', _('same eval set'), 'PromptAccuracy', frac)
    inp(_('Tolerance'), 0.10, 'pct0', _('relative'), 'Tolerance',
        book.number_validation(0, 0.99, message=_('Enter a fraction from 0 up to 99 %.')))
    s.text('F%d' % right.add(), _('Fine-tuning path, 24 months'), 'colhead', span=(1, 3))
    inp(_('Training run'), 200, 'usd0', _('$ once'), 'CkTraining')
    inp(_('Serving'), 3000, 'usd0', _('$ per month'), 'CkServing')
    inp(_('Engineering hours'), 320, 'int', _('per month'), 'CkEngHours')
    inp(_('Loaded hourly rate'), 150, 'usd0', _('$ per hour'), 'CkHourlyRate')
    inp(_('Retrains per year'), 1, 'int', _('per year'), 'CkRetrains')
    inp(_('Base-model lifecycle'), 18, 'int', _('months'), 'CkLifecycle',
        book.number_validation(1, message=_('Enter 1 month or more.')))
    out(_('FT_TCO over 24 months'),
        'FT_TCO(CkTraining;CkServing;CkEngHours;CkRetrains;CkLifecycle;CkHourlyRate;24)',
        'usd0', '', 'CkFtTco')
    s.text('F%d' % right.add(), _('API path, 24 months'), 'colhead', span=(1, 3))
    inp(_('Input tokens'), 1e8, 'int', _('per month'), 'CkInputTokens')
    inp(_('Output tokens'), 2e7, 'int', _('per month'), 'CkOutputTokens')
    inp(_('Input price'), 2.5, 'usd2', _('$ per M tokens'), 'CkInputPrice')
    inp(_('Output price'), 10, 'usd2', _('$ per M tokens'), 'CkOutputPrice')
    inp(_('Usage growth'), 0.05, 'pct1', _('per month'), 'CkGrowth',
        book.number_validation(-0.99, 10, message=_('Enter a rate above -99 %.')))
    out(_('API_TCO over 24 months'), 'API_TCO(CkInputTokens;CkOutputTokens;CkInputPrice;CkOutputPrice;CkGrowth;24)',
        'usd0', '', 'CkApiTco')
    right.add(height='0.3cm')
    r = right.add('verdict', height='0.8cm')
    s.text('F%d' % r, 'FT_VERDICT', 'head_label', span=(1, 1))
    # FT_VERDICT answers a code ("PROMPT" or "FINE-TUNE", the same in every
    # language): kept beside the print range, shown in words.
    s.calc('I%d' % r, 'FT_VERDICT(FtAccuracy;PromptAccuracy;CkFtTco;CkApiTco;Tolerance)', 'calc_c',
           name='Verdict')
    s.text('J%d' % r, _('FT_VERDICT answers this code; the formulas compare it'), 'note_free')
    s.calc('G%d' % r, 'IF(Verdict="PROMPT";%s;%s)' % (prompt, fine_tune), 'head_value_s', span=(1, 2),
           name='VerdictShown')
    right.add()
    r = right.add(height='0.45cm')
    s.text('F%d' % r, _('Example figures: the worked FT_TCO and API_TCO examples of the function '
           'reference. Replace them with your own.'), 'note_wrap', span=(2, 3))
    right.skip(2)                  # the note's second row, an empty one below
    s.print_range = 'A1:H%d' % right.last
    if left.next > s.row('verdict'):
        raise SystemExit('tpl_checklist: the rules run down to the row of FT_VERDICT')
    return book
