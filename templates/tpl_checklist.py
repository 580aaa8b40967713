"""Template 4: Decision checklist.

The five yes/no questions of the decision framework, the four pillars (task
specificity, data moat and consistency, latency and privacy, TCO) and a
computed recommendation, with the 24-month rule through FT_VERDICT
(prompting within 10 % of the fine-tuned accuracy and cheaper -> prompt).
The 24-month costs are FT_TCO and API_TCO on the worked examples of the
function reference.
"""
from odsgen import Book

FILE = 'ftcost-checklist'
TITLE = 'Fine-tune or prompt? Decision checklist'

QUESTIONS = [
    ('Do you have 10,000+ high-quality examples?', 'Yes',
     'fewer: prompting with examples often matches a fine-tune'),
    ('Will the domain stay stable for 12 months?', 'Yes',
     'a moving domain means retraining, and its costs'),
    ('Have RAG and prompting been maximised?', 'No',
     'the cheap levers first: retrieval, examples, formats'),
    ('Do you need latency under 100 ms?', 'No',
     'a small fine-tuned model answers faster than a big API one'),
    ('Can you afford $200K+ in total cost?', 'Yes',
     None),
]

PILLARS = [
    ('Task specificity', 'Medium', 'a narrow, repeated task with a fixed format or style'),
    ('Data moat and consistency', 'Medium', 'proprietary, consistent examples others do not have'),
    ('Latency and privacy', 'Low', 'a hard latency budget, or data that must stay in-house'),
]


def build():
    book = Book(TITLE,
                'Five questions, four pillars and the 24-month rule (FT_VERDICT): should you '
                'fine-tune your own model or prompt a hosted one? Computed by the ftcost add-in.',
                ('ftcost', 'fine-tuning', 'decision', 'checklist', 'LLM'))
    nonneg = book.nonneg_validation()
    yesno = book.list_validation('Yes', 'No')
    level = book.list_validation('High', 'Medium', 'Low')
    s = book.sheet('Decision checklist',
                   ['0.4cm', '8.0cm', '2.9cm', '8.0cm', '0.5cm', '5.6cm', '3.2cm', '3.0cm'],
                   print_range='A1:H35')
    s.height(1, '1.05cm')
    s.height(4, '0.25cm')
    s.header('Fine-tune or prompt? Decision checklist',
             'Answer the questions and rate the pillars (yellow cells); the recommendation and the '
             '24-month rule are computed by the ftcost add-in.', legend='G', title_cols=4, subtitle_cols=7)

    # ---- five questions
    s.text('B5', 'Five questions', 'section', span=(1, 3))
    s.height(6, '0.6cm')
    s.text('B6', 'Question', 'colhead')
    s.text('C6', 'Answer', 'colhead')
    s.text('D6', 'Why it matters', 'colhead')
    for i, (q, a, why) in enumerate(QUESTIONS):
        r = 7 + i
        s.text('B%d' % r, '%d. %s' % (i + 1, q), 'label')
        s.text('C%d' % r, a, 'input_text', validation=yesno)
        if why is None:
            s.calc('D%d' % r, '="your 24-month fine-tuning TCO: "&TEXT(CkFtTco;"$#,##0")', 'note')
        else:
            s.text('D%d' % r, why, 'note')
    book.name('Answers', s.name, 'C7:C11')
    s.text('B12', 'Answered yes', 'total_label')
    s.calc('C12', 'COUNTIF(Answers;"Yes")', 'total', 'int', name='YesCount')
    s.text('D12', 'of 5: fine-tuning needs all five', 'total_blank')

    # ---- four pillars
    s.text('B14', 'Four pillars', 'section', span=(1, 3))
    s.text('B15', 'Pillar', 'colhead')
    s.text('C15', 'For fine-tuning', 'colhead')
    s.text('D15', 'What to look at', 'colhead')
    for i, (p, v, what) in enumerate(PILLARS):
        r = 16 + i
        s.text('B%d' % r, p, 'label')
        s.text('C%d' % r, v, 'input_text', validation=level)
        s.text('D%d' % r, what, 'note')
    s.text('B19', 'Total cost of ownership', 'label')
    s.calc('C19', 'IF(CkFtTco<CkApiTco;"High";"Low")', 'calc_c', name='TcoPillar')
    s.text('D19', 'computed: is fine-tuning cheaper over 24 months?', 'note')
    book.name('Pillars', s.name, 'C16:C19')
    s.text('B20', 'Pillar score (High 2, Medium 1, Low 0)', 'total_label')
    s.calc('C20', '2*COUNTIF(Pillars;"High")+COUNTIF(Pillars;"Medium")', 'total', 'int', name='PillarScore')
    s.text('D20', 'of 8: fine-tuning wants 5 or more', 'total_blank')

    s.text('B22', 'How the recommendation is made', 'section', span=(1, 3))
    rules = ['1. PROMPT when the 24-month rule says so (FT_VERDICT): prompting is within the',
             '    tolerance of the fine-tuned accuracy and the API path costs no more.',
             '2. FINE-TUNE when all five answers are yes and the pillar score is 5 or more.',
             '3. Otherwise NOT YET: prompt and use RAG, and close the gaps answered no. What each',
             '    path costs over three years: the template "Prompting, RAG or fine-tuning?".']
    for i, line in enumerate(rules):
        s.text('B%d' % (23 + i), line, 'note_free', span=(1, 3))

    # ---- recommendation
    s.text('F5', 'Recommendation', 'section', span=(1, 3))
    s.calc('F6', 'IF(Verdict="PROMPT";"PROMPT";IF(AND(YesCount=5;PillarScore>=5);"FINE-TUNE";"NOT YET"))',
           'head_value', span=(2, 3), name='Recommendation')
    s.calc('F8', 'IF(Recommendation="PROMPT";"Prompting comes within "&TEXT(Tolerance;"0%")&'
           '" of the fine-tuned accuracy and costs less over 24 months.";'
           'IF(Recommendation="FINE-TUNE";"Every question is a yes and the pillars favour it.";'
           '"Not every question is a yes yet: prompt, add RAG (costed in the template Prompting, RAG '
           'or fine-tuning?), revisit each quarter."))',
           'head_text', span=(2, 3))

    # ---- the 24-month rule
    s.text('F11', 'The 24-month rule (FT_VERDICT)', 'section', span=(1, 3))

    def inp(r, label, value, fmt, unit, name, validation=nonneg):
        s.text('F%d' % r, label, 'label')
        s.num('G%d' % r, value, 'input', fmt, name=name, validation=validation)
        s.text('H%d' % r, unit, 'unit')

    def out(r, label, formula, fmt, unit, name, role='calc_b'):
        s.text('F%d' % r, label, 'label_b')
        s.calc('G%d' % r, formula, role, fmt, name=name)
        s.text('H%d' % r, unit, 'unit')

    frac = book.number_validation(0, 1, message='Enter a fraction between 0 and 100 %.')
    inp(12, 'Fine-tuned accuracy', 0.90, 'pct0', 'on your eval set', 'FtAccuracy', frac)
    inp(13, 'Prompting accuracy', 0.85, 'pct0', 'same eval set', 'PromptAccuracy', frac)
    inp(14, 'Tolerance', 0.10, 'pct0', 'relative', 'Tolerance',
        book.number_validation(0, 0.99, message='Enter a fraction from 0 up to 99 %.'))
    s.text('F15', 'Fine-tuning path, 24 months', 'colhead', span=(1, 3))
    inp(16, 'Training run', 200, 'usd0', '$ once', 'CkTraining')
    inp(17, 'Serving', 3000, 'usd0', '$ per month', 'CkServing')
    inp(18, 'Engineering hours', 320, 'int', 'per month', 'CkEngHours')
    inp(19, 'Loaded hourly rate', 150, 'usd0', '$ per hour', 'CkHourlyRate')
    inp(20, 'Retrains per year', 1, 'int', 'per year', 'CkRetrains')
    inp(21, 'Base-model lifecycle', 18, 'int', 'months', 'CkLifecycle',
        book.number_validation(1, message='Enter 1 month or more.'))
    out(22, 'FT_TCO over 24 months',
        'FT_TCO(CkTraining;CkServing;CkEngHours;CkRetrains;CkLifecycle;CkHourlyRate;24)',
        'usd0', '', 'CkFtTco')
    s.text('F23', 'API path, 24 months', 'colhead', span=(1, 3))
    inp(24, 'Input tokens', 1e8, 'int', 'per month', 'CkInputTokens')
    inp(25, 'Output tokens', 2e7, 'int', 'per month', 'CkOutputTokens')
    inp(26, 'Input price', 2.5, 'usd2', '$ per M tokens', 'CkInputPrice')
    inp(27, 'Output price', 10, 'usd2', '$ per M tokens', 'CkOutputPrice')
    inp(28, 'Usage growth', 0.05, 'pct1', 'per month', 'CkGrowth',
        book.number_validation(-0.99, 10, message='Enter a rate above -99 %.'))
    out(29, 'API_TCO over 24 months', 'API_TCO(CkInputTokens;CkOutputTokens;CkInputPrice;CkOutputPrice;CkGrowth;24)',
        'usd0', '', 'CkApiTco')
    s.height(30, '0.3cm')
    s.text('F31', 'FT_VERDICT', 'head_label', span=(1, 1))
    s.calc('G31', 'FT_VERDICT(FtAccuracy;PromptAccuracy;CkFtTco;CkApiTco;Tolerance)', 'head_value_s',
           span=(1, 2), name='Verdict')
    s.height(31, '0.8cm')
    s.text('F33', 'Example figures: the worked FT_TCO and API_TCO examples of the function '
           'reference. Replace them with your own.', 'note_wrap', span=(2, 3))
    s.height(33, '0.45cm')
    return book
