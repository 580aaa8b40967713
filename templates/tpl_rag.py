"""Template 5: Prompting, RAG or fine-tuning? Three-year TCO.

Three paths side by side, each with its inputs and its total over 36
months:
  - prompting: the reference text pasted into every prompt, a hosted model
    picked from the price catalogue (API_PRICE), prompt-engineering labour:
    API_TCO;
  - RAG: the same model with retrieved chunks instead (RAG_QUERY_COST on top
    of API_COST), the corpus and each month's changed documents embedded
    (RAG_EMBED_COST, embedding model picked from the catalogue), the vector
    index (RAG_STORE_GB) at a price per GB-month, a build and upkeep:
    RAG_TCO;
  - fine-tuning: a build, FT_TCO (training, serving, engineering, retrains,
    rebuilds) and monthly upkeep.
Each path's cumulative cost month by month is a real call of its function
with the horizon set to that month (API_TCO, RAG_TCO, FT_TCO), so the line
chart ends exactly on the totals; the months where two lines cross are
found from those columns.  A comparison table puts published figures (with
their source) next to the user's own ratings, and the recommendation is the
cheapest path whose quality the user rates acceptable; an unrated path or a
cost that cannot be computed shows as missing.

Every default says where it comes from: a published figure with its source
(research notes in /work/research/rag.json), a worked example of the
function reference, or "assumption".
"""
from odsgen import (Book, Chart, _, add_model_lists, fstr, model_list_sources, model_warnings, q, ref,
                    text_money_format, NAVY)
from odsrows import Rows

DEFAULT_MODEL = 'gpt-4o'
DEFAULT_EMBED = 'text-embedding-3-small'

FILE = 'ftcost-rag'
TITLE = _('Prompting, RAG or fine-tuning? Three-year TCO')
DESCRIPTION = (_('Prompting, retrieval-augmented generation (RAG) or fine-tuning: each path\'s cost '
               'over three years, the months where they cross, published figures next to your own '
               'ratings, and the cheapest path you rate acceptable. Computed by the ftcost add-in.'))
KEYWORDS = ('ftcost', _('RAG'), _('fine-tuning'), _('prompting'), 'TCO', 'LLM')

MONTHS = 36
ORANGE = '#c55a11'
GREEN = '#548235'
PATHS = (_('Prompting'), _('RAG'), _('Fine-tuning'))
# The quality ratings are list choices that formulas compare (COUNTIF on
# Qualities, PromptQuality=...): each value and its comparison come from one
# message, so a translation changes both.
ACCEPTABLE = (_('acceptable'), _('not acceptable'))


def build():
    book = Book(TITLE, DESCRIPTION, KEYWORDS)
    nonneg = book.nonneg_validation()
    rate = book.rate_validation()
    positive = book.number_validation(1, message=_('Enter 1 or more.'))
    overlap = book.number_validation(0, 1, message=_('Enter a fraction between 0 and 100 %.'))
    chat_models, embed_models = model_list_sources()

    s = book.sheet(_('Prompting, RAG or FT'),
                   ['0.4cm', '7.2cm', '3.0cm', '2.7cm', '3.1cm', '3.3cm', '8.4cm', '0.5cm',
                    '3.0cm', '3.0cm', '3.0cm', '3.0cm',
                    # outside the print range: M (the horizon, the next-cheapest
                    # text), the chart data N-T (a crossing may read "never
                    # within the horizon")
                    '3.0cm', '1.6cm', '3.0cm', '3.0cm', '3.0cm', '5.0cm', '5.0cm', '5.0cm'],
                   default_height='0.46cm',
                   wider={'de': {'B': '7.2cm', 'C': '3.0cm', 'D': '2.9cm', 'E': '4.2cm', 'F': '3.3cm',
                                 'G': '10.2cm'}})
    s.height(1, '1.05cm')
    s.header(_('Prompting, RAG or fine-tuning? Three-year cost'),
             _('Each path with its own inputs and its cost over %d months; yellow cells are inputs '
             '(defaults say where they come from: replace them with yours), everything else is '
             'computed by the ftcost add-in.') % MONTHS, legend='K', title_cols=8, subtitle_cols=11)
    # The chart data (columns M-T, outside the print range), laid out first:
    # the horizon, the acceptable totals, then one row per month from month 0.
    data = Rows(s, first=3)
    data.add('horizon')
    data.add('acceptable')
    data.add('data_head')
    data.add('data_colheads', height='0.55cm')
    month_rows = [data.add() for _month in range(MONTHS + 1)]
    data.add('crossings')
    left = Rows(s, first=5)

    def label(r, text, unit, note, bold=False):
        s.text('B%d' % r, text, 'label_b' if bold else 'label')
        s.text('F%d' % r, unit, 'unit')
        s.text('G%d' % r, note, 'note')

    def inp(a1, value, fmt, name, validation=nonneg):
        if isinstance(value, str):
            return s.text(a1, value, 'input_text', name=name, validation=validation)
        return s.num(a1, value, 'input', fmt, name=name, validation=validation)

    def row(text, unit, note, cells, bold=False):
        """The next line of the three-path block: cells = {column: (value or
        '=formula', fmt, name[, validation])}; the other path columns stay
        empty (not used by that path)."""
        r = left.add()
        label(r, text, unit, note, bold)
        for c in 'CDE':
            if c not in cells:
                s.style_only('%s%d' % (c, r), 'label')
                continue
            v, fmt, name = cells[c][:3]
            if isinstance(v, str) and v.startswith('='):
                s.calc('%s%d' % (c, r), v[1:], 'calc_b' if bold else 'calc', fmt, name=name)
            else:
                inp('%s%d' % (c, r), v, fmt, name, *cells[c][3:])

    # ---- model, prices and usage shared by the API-based paths
    s.text('B%d' % left.add('shared'), _('Model, prices and usage (the same for every path)'), 'section',
           span=(1, 6))
    # The pickers offer the models of the price catalogue in force (API_MODELS,
    # on a hidden sheet): those with an output price, and the embedding
    # models (an input price, none for output).
    picker = book.range_list_validation(
        chat_models, warn_only=True,
        message=_('Not in the list (the models of the price catalogue in force, as provider/model): '
                  'API_PRICE answers #N/A unless the catalogue knows this model under that name.'))
    embed_picker = book.range_list_validation(
        embed_models, warn_only=True,
        message=_('Not an embedding model in the list (those of the price catalogue in force, as '
                  'provider/model): API_PRICE answers #N/A unless the catalogue knows this model '
                  'under that name.'))
    # Warnings beside the picker (blank when none): the model retires within
    # the horizon or has retired (column G of the model), the price was checked
    # over 90 days ago (column G of the prices' date).
    retire, stale = model_warnings('ModelName', 'Horizon')
    r = left.add()
    s.text('B%d' % r, _('Model'), 'label')
    s.text('F%d' % r, _('pick from the list'), 'unit')
    s.calc('G%d' % r, retire, 'warn', 'text', name='ModelRetires')
    s.text('C%d' % r, DEFAULT_MODEL, 'input_text', name='ModelName', validation=picker, span=(1, 2))
    s.style_only('E%d' % r, 'label')
    r = left.add()
    label(r, _('Input / output price'), _('$ per M tokens'), _('API_PRICE: the catalogue\'s list prices'))
    s.calc('C%d' % r, 'API_PRICE(ModelName;"input")', 'calc', 'usd2', name='InputPrice')
    s.calc('D%d' % r, 'API_PRICE(ModelName;"output")', 'calc', 'usd2', name='OutputPrice')
    s.style_only('E%d' % r, 'label')
    r = left.add()
    s.text('B%d' % r, _('Prices as of'), 'label')
    s.text('F%d' % r, 'API_PRICE_DATE', 'unit')
    s.calc('C%d' % r, 'API_PRICE_DATE(ModelName)', 'calc', 'date', name='PriceDate')
    s.style_only('D%d' % r, 'label')
    s.style_only('E%d' % r, 'label')
    s.calc('G%d' % r, stale, 'warn', 'text', name='PriceStale')
    r = left.add()
    label(r, _('Embedding model'), _('pick from the list'), _('for RAG: the corpus and each query'))
    s.text('C%d' % r, DEFAULT_EMBED, 'input_text', name='EmbedModel', validation=embed_picker, span=(1, 2))
    s.style_only('E%d' % r, 'label')
    r = left.add()
    label(r, _('Embedding price / dimensions / as of'), _('$ per M; values'),
          _('dimensions: 1,536 for text-embedding-3-small (LiteLLM)'))
    s.calc('C%d' % r, 'API_PRICE(EmbedModel;"input")', 'calc', 'usd3', name='EmbedPrice')
    inp('D%d' % r, 1536, 'int', 'EmbedDims', positive)
    s.calc('E%d' % r, 'API_PRICE_DATE(EmbedModel)', 'calc', 'date', name='EmbedPriceDate')
    r = left.add()
    label(r, _('Queries'), _('per month'), _('assumption'))
    inp('C%d' % r, 100000, 'int', 'Queries')
    s.style_only('D%d' % r, 'label')
    s.style_only('E%d' % r, 'label')
    r = left.add()
    label(r, _('Tokens per query: question / answer'), _('in / out'), _('assumption (without any context)'))
    inp('C%d' % r, 1000, 'int', 'QuestionTokens')
    inp('D%d' % r, 300, 'int', 'AnswerTokens')
    s.style_only('E%d' % r, 'label')
    r = left.add()
    label(r, _('Usage growth / price change'), _('per month'),
          _('assumption (the break-even template\'s example)'))
    inp('C%d' % r, 0.03, 'pct1', 'Growth', rate)
    inp('D%d' % r, -0.01, 'pct1', 'PriceChange', rate)
    s.style_only('E%d' % r, 'label')
    r = left.add()
    label(r, _('Loaded hourly rate'), _('$ per hour'), _('FT_TCO\'s default rate'))
    inp('C%d' % r, 150, 'usd0', 'HourlyRate')
    s.style_only('D%d' % r, 'label')
    s.style_only('E%d' % r, 'label')

    # ---- the three paths
    left.add()
    s.text('B%d' % left.add(), _('The three paths'), 'section', span=(1, 6))
    r = left.add(height='0.55cm')
    for c, t in zip('BCDEFG', ('', _('Prompting'), _('RAG'), _('Fine-tuning'), _('Unit'), _('Source of the default'))):
        s.text('%s%d' % (c, r), t, 'colhead_r' if c in 'CDE' else 'colhead')
    row(_('Build'), _('$ once'),
        _('RAG $2K–15K (codercops.com); FT $127,000 (aiformak.ing)'),
        {'C': (0, 'usd0', 'PromptBuild'), 'D': (15000, 'usd0', 'RagBuild'), 'E': (127000, 'usd0', 'FtBuild')})
    row(_('Labour and upkeep'), _('$ per month'),
        _('assumption; FT: upkeep $5,000 + drift $3,000 (aiformak.ing)'),
        {'C': (1500, 'usd0', 'PromptLabour'), 'D': (1500, 'usd0', 'RagLabour'), 'E': (8000, 'usd0', 'FtUpkeep')})
    row(_('Context pasted into each prompt'), _('tokens per query'), _('assumption: the reference text'),
        {'C': (8000, 'int', 'ContextTokens')})
    row(_('Corpus'), _('tokens'), _('assumption (RAG_EMBED_COST\'s example in the reference)'),
        {'D': (50e6, 'int', 'CorpusTokens')})
    row(_('Changed documents'), _('tokens per month'), _('assumption: a tenth of the corpus'),
        {'D': (5e6, 'int', 'ChangedTokens')})
    row(_('Chunk size'), _('tokens'), _('400–512 tokens to start with (stackviv.ai)'),
        {'D': (500, 'int', 'ChunkTokens', positive)})
    row(_('Chunk overlap'), _('share'),
        # xgettext:no-python-format
        _('10–20 % overlap (stackviv.ai)'),
        {'D': (0.15, 'pct0', 'ChunkOverlap', overlap)})
    row(_('Chunks retrieved (top-k)'), _('per query'), _('3–5: most common (knowledged.to)'),
        {'D': (5, 'int', 'TopK')})
    row(_('Vector store'), _('$ per GB-month'),
        _('Pinecone serverless storage (usagepricing.com, 2026-06)'), {'D': (0.33, 'usd2', 'StorePrice')})
    row(_('Training run'), _('$ per run'), _('example: FT_TCO in the function reference'),
        {'E': (200, 'usd0', 'FtTraining')})
    row(_('Serving'), _('$ per month'), _('example: FT_TCO in the function reference'),
        {'E': (3000, 'usd0', 'FtServing')})
    row(_('Engineering'), _('hours per month'), _('assumption'), {'E': (40, 'int', 'FtEngHours')})
    row(_('Retrains'), _('per year'), _('retraining each quarter (aiformak.ing)'), {'E': (4, 'int', 'FtRetrains')})
    row(_('Base-model lifecycle'), _('months'), _('example: FT_TCO in the function reference'),
        {'E': (18, 'int', 'FtLifecycle', positive)})
    row(_('Model calls, first month'), _('$ per month'), _('API_COST; RAG: without retrieved text'),
        {'C': ('=API_COST(Queries*(QuestionTokens+ContextTokens);Queries*AnswerTokens;InputPrice;OutputPrice)',
               'usd0', 'PromptMonthly'),
         'D': ('=API_COST(Queries*QuestionTokens;Queries*AnswerTokens;InputPrice;OutputPrice)',
               'usd0', 'RagApiMonthly')})
    row(_('Retrieval, first month'), _('$ per month'), _('RAG_QUERY_COST: chunks read, queries embedded'),
        {'D': ('=RAG_QUERY_COST(Queries;TopK;ChunkTokens;InputPrice;QuestionTokens;EmbedPrice)',
               'usd0', 'RagRetrieval')})
    row(_('Embedding the corpus'), _('$ once'), 'RAG_EMBED_COST',
        {'D': ('=RAG_EMBED_COST(CorpusTokens;EmbedPrice;ChunkOverlap)', 'usd2', 'RagCorpusEmbed')})
    row(_('Re-embedding changed documents'), _('$ per month'), 'RAG_EMBED_COST',
        {'D': ('=RAG_EMBED_COST(ChangedTokens;EmbedPrice;ChunkOverlap)', 'usd2', 'RagReembed')})
    row(_('Vector index'), _('GB'),
        # xgettext:no-python-format
        _('RAG_STORE_GB: float32, 50 % index overhead'),
        {'D': ('=RAG_STORE_GB(CorpusTokens;ChunkTokens;EmbedDims;4;ChunkOverlap)', 'dec2', 'RagIndexGb')})
    row(_('Vector store'), _('$ per month'), _('index size × price per GB-month'),
        {'D': ('=RagIndexGb*StorePrice', 'usd2', 'RagStoreMonthly')})
    row(_('Total over %d months') % MONTHS, '$', _('API_TCO / RAG_TCO / build + FT_TCO + upkeep'),
        {'C': ('=API_TCO(Queries*(QuestionTokens+ContextTokens);Queries*AnswerTokens;InputPrice;OutputPrice;'
               'Growth;Horizon;PromptLabour;PriceChange)+PromptBuild', 'usd0', 'PromptTco'),
         'D': ('=RAG_TCO(RagApiMonthly+RagRetrieval;RagStoreMonthly+RagReembed+RagLabour;'
               'RagBuild+RagCorpusEmbed;Horizon;Growth;PriceChange)', 'usd0', 'RagTco'),
         'E': ('=FtBuild+FT_TCO(FtTraining;FtServing;FtEngHours;FtRetrains;FtLifecycle;HourlyRate;Horizon)'
               '+FtUpkeep*Horizon', 'usd0', 'FtTco')}, bold=True)

    # ---- how they compare: published figures and the user's ratings
    left.add()
    s.text('B%d' % left.add(), _('How the paths compare: published figures and your ratings'), 'section',
           span=(1, 6))
    r = left.add(height='0.55cm')
    for c, t in zip('BCDEFG', ('', _('Prompting'), _('RAG'), _('Fine-tuning'), _('Unit'), _('Source'))):
        s.text('%s%d' % (c, r), t, 'colhead_r' if c in 'CDE' else 'colhead')
    published = [
        (_('Published: cost to implement'), (_('near zero'), _('$2K–$15K'), _('$10K–$100K+')), '$',
         _('codercops.com, RAG vs fine-tuning vs prompt engineering (2026)')),
        (_('Published: time to implement'), (_('hours to days'), _('1–3 weeks'), _('3–8 weeks')), '',
         _('codercops.com (2026)')),
        (_('Published: average project'), ('', '', _('$127K; 4.5 mo.')), '',
         _('aiformak.ing (2025-01-16); its survey attribution is unverified')),
    ]
    for text, vals, unit, note in published:
        r = left.add()
        label(r, text, unit, note)
        for c, v in zip('CDE', vals):
            s.text('%s%d' % (c, r), v, 'calc_c' if v else 'label')
    r = left.add('your_cost')
    label(r, _('Your cost over %d months') % MONTHS, '$', _('the totals above'), bold=True)
    for c, nm in zip('CDE', ('PromptTco', 'RagTco', 'FtTco')):
        s.calc('%s%d' % (c, r), nm, 'calc_b', 'usd0')
    level = book.list_validation(_('very high'), _('high'), _('medium'), _('low'), _('very low'))
    quality = book.list_validation(*ACCEPTABLE)
    r = left.add()
    label(r, _('Your time to ship'), _('weeks'), _('your rating (default: assumption)'))
    for c, v, nm in zip('CDE', (1, 3, 20), ('PromptWeeks', 'RagWeeks', 'FtWeeks')):
        inp('%s%d' % (c, r), v, 'int', nm)
    r = left.add()
    label(r, _('Your flexibility rating'), _('rating'), _('your rating (default: assumption)'))
    for c, v, nm in zip('CDE', (_('high'), _('very high'), _('low')), ('PromptFlex', 'RagFlex', 'FtFlex')):
        inp('%s%d' % (c, r), v, None, nm, level)
    r = left.add('quality')
    label(r, _('Expected quality'), _('acceptable?'), _('your rating from your evals (default: assumption)'),
          bold=True)
    for c, nm in zip('CDE', ('PromptQuality', 'RagQuality', 'FtQuality')):
        inp('%s%d' % (c, r), ACCEPTABLE[0], None, nm, quality)
    book.name('Qualities', s.name, '%s:E%d' % (s.at('C', 'quality'), s.row('quality')))
    book.name('Totals', s.name, '%s:E%d' % (s.at('C', 'your_cost'), s.row('your_cost')))
    left.add()
    s.text('B%d' % left.add('left_end'), _('Not found in any source: RAG at $10,000 and 2 weeks, prompting at $2,000 and 1 week '
           '(often quoted): rate time and flexibility yourself.'), 'note_free', span=(1, 6))

    # ---- result (right)
    right = Rows(s, first='shared')
    s.text('I%d' % right.add(), _('Recommendation'), 'section', span=(1, 4))
    s.text('I%d' % right.add(), _('Cheapest path you rate acceptable'), 'head_label', span=(1, 4))
    ok = q(ACCEPTABLE[0])
    # ISERROR(SUM(Totals)), not SUMPRODUCT(ISERROR(Totals)): Gnumeric reads
    # the latter from an .ods as ISERROR of one cell of Totals.
    s.calc('I%d' % right.add(),
           'IF(COUNTBLANK(Qualities)>0;{rate};'
           'IF(ISERROR(SUM(Totals));{cost};'
           'IF(COUNTIF(Qualities;{ok})=0;{none_ok};'
           'IF(AND(PromptQuality={ok};PromptTco=BestTco);{prompt};'
           'IF(AND(RagQuality={ok};RagTco=BestTco);{rag};{ft})))))'
           .format(rate=q(_('missing: rate quality')), cost=q(_('missing: a cost')),
                   none_ok=q(_('none acceptable')), ok=ok, prompt=q(PATHS[0]), rag=q(PATHS[1]),
                   ft=q(PATHS[2])),
           'head_value', span=(2, 4), name='Recommendation')
    right.skip(1)
    r = right.add()
    s.calc('I%d' % r, 'IF(ISNUMBER(BestTco);%s;%s)'
           % (fstr(_('{total} over {months} months; next: {next}'),
                   total='TEXT(BestTco;%s)' % q(text_money_format()), months=str(MONTHS),
                   next='IF(ISNUMBER(SecondTco);TEXT(SecondTco;%s);%s)'
                   % (q(text_money_format()), q(_('no other acceptable path')))),
              q(_('a missing input is shown as missing, not as an answer'))), 'head_text', 'text', span=(1, 4), name='HeadlineText')
    s.height(r, '0.55cm')
    right.add()

    def kv(text, formula, fmt, name=None, role='calc'):
        r = right.add()
        s.text('I%d' % r, text, 'label', span=(1, 2))
        s.calc('K%d' % r, formula, role, fmt, name=name, span=(1, 2))

    def kv_heads(text, value_head):
        r = right.add()
        s.text('I%d' % r, text, 'colhead', span=(1, 2))
        s.text('K%d' % r, value_head, 'colhead_r', span=(1, 2))

    kv_heads(_('Over %d months') % MONTHS, _('Total'))
    kv(_('Prompting (API_TCO)'), 'PromptTco', 'usd0')
    kv(_('RAG (RAG_TCO)'), 'RagTco', 'usd0')
    kv(_('Fine-tuning (FT_TCO)'), 'FtTco', 'usd0')
    # Totals of the paths rated acceptable; 1E+307 stands for "not acceptable".
    r = s.row('acceptable')
    for c, p in zip('OPQ', ('Prompt', 'Rag', 'Ft')):
        s.calc('%s%d' % (c, r), 'IF(%sQuality=%s;%sTco;1E+307)' % (p, ok, p), 'calc', 'usd0')
    book.name('AcceptableTotals', s.name, 'O%d:Q%d' % (r, r))
    right.add()
    missing, none = q(_('missing')), q(_('none'))
    kv(_('Cheapest acceptable'), 'IF(COUNTBLANK(Qualities)+ISERROR(SUM(Totals))>0;%s;'
       'IF(COUNTIF(Qualities;%s)=0;%s;MIN(AcceptableTotals)))' % (missing, ok, none),
       'usd0', 'BestTco', 'calc_b')
    kv(_('Next cheapest acceptable'),
       'IF(ISNUMBER(BestTco);IF(COUNTIF(Qualities;%s)>1;MEDIAN(AcceptableTotals);%s);%s)'
       % (ok, none, missing), 'usd0', 'SecondTco')
    right.add()
    kv_heads(_('Where the lines cross'), _('Month'))
    kv(_('RAG and prompting'), 'CrossRagPrompt', 'int')
    kv(_('Fine-tuning and prompting'), 'CrossFtPrompt', 'int')
    kv(_('Fine-tuning and RAG'), 'CrossFtRag', 'int')

    # ---- chart data (outside the print range): cumulative cost by month,
    # each a call of the path's own function with the horizon at that month.
    n0, last = month_rows[0], month_rows[-1]
    s.text(s.at('N', 'data_head'), _('Chart data: cumulative cost'), 'section', span=(1, 7))
    for c, t in zip('NOPQRST', (_('Month'), _('Prompting'), _('RAG'), _('Fine-tuning'),
                                _('RAG below prompting'), _('FT below prompting'), _('FT below RAG'))):
        s.text(s.at(c, 'data_colheads'), t, 'colhead_r')
    s.num(s.at('M', 'horizon'), MONTHS, 'calc', 'int', name='Horizon')
    s.text(s.at('N', 'horizon'), _('months: the horizon, fixed (one row per month)'), 'note_free', span=(1, 5))
    for i, r in enumerate(month_rows):
        s.num('N%d' % r, i, 'calc', 'int')
        if i == 0:
            s.calc('O%d' % r, 'PromptBuild', 'calc', 'usd0')
            s.calc('P%d' % r, 'RagBuild+RagCorpusEmbed', 'calc', 'usd0')
            s.calc('Q%d' % r, 'FtBuild+FtTraining', 'calc', 'usd0')
        else:
            m = ref('N%d' % r)
            s.calc('O%d' % r, 'API_TCO(Queries*(QuestionTokens+ContextTokens);Queries*AnswerTokens;'
                   'InputPrice;OutputPrice;Growth;%s;PromptLabour;PriceChange)+PromptBuild' % m, 'calc', 'usd0')
            s.calc('P%d' % r, 'RAG_TCO(RagApiMonthly+RagRetrieval;RagStoreMonthly+RagReembed+RagLabour;'
                   'RagBuild+RagCorpusEmbed;%s;Growth;PriceChange)' % m, 'calc', 'usd0')
            s.calc('Q%d' % r, 'FtBuild+FT_TCO(FtTraining;FtServing;FtEngHours;FtRetrains;FtLifecycle;'
                   'HourlyRate;%s)+FtUpkeep*%s' % (m, m), 'calc', 'usd0')
        # A crossing: from month 1, the first month the sign of the
        # difference is no longer that of month 0 (the later path catches up).
        for c, (a, b) in zip('RST', (('P', 'O'), ('Q', 'O'), ('Q', 'P'))):
            if i == 0:
                s.calc('%s%d' % (c, r), 'SIGN(%s-%s)' % (ref('%s%d' % (a, r)), ref('%s%d' % (b, r))),
                       'calc', 'int')
            else:
                s.calc('%s%d' % (c, r), 'IF((%s-%s)*%s<=0;%s;"")'
                       % (ref('%s%d' % (a, r)), ref('%s%d' % (b, r)), ref('%s%d' % (c, n0), absolute=True),
                          ref('N%d' % r)), 'calc', 'int')
    book.name('CumMonths', s.name, 'N%d:N%d' % (n0, last))
    book.name('CumPrompt', s.name, 'O%d:O%d' % (n0, last))
    book.name('CumRag', s.name, 'P%d:P%d' % (n0, last))
    book.name('CumFt', s.name, 'Q%d:Q%d' % (n0, last))
    for c, nm in zip('RST', ('CrossRagPrompt', 'CrossFtPrompt', 'CrossFtRag')):
        col = ref('%s%d:%s%d' % (c, n0 + 1, c, last))
        s.calc(s.at(c, 'crossings'), 'IF(COUNT(%s)>0;MIN(%s);%s)' % (col, col, q(_('never within the horizon'))),
               'calc_b', 'int', name=nm)

    # the chart: below the results, down to the last row of the left
    right.add()
    s.text('I%d' % right.add(), _('Cumulative cost by month'), 'section', span=(1, 4))
    s.chart('I%d' % right.add(), s.at('L', 'left_end'), Chart(
        'line', None,
        categories=(s.name, 'N%d:N%d' % (n0, last)),
        series=[((s.name, s.at(c, 'data_colheads')), (s.name, '%s%d:%s%d' % (c, n0, c, last)), colour)
                for c, colour in zip('OPQ', (NAVY, ORANGE, GREEN))],
        x_title=_('month'), y_title=_('cumulative cost ($)'), legend=True))
    left.add()
    r = left.add()
    left.skip(1)
    s.text('B%d' % r, _('Sources: codercops.com/blog/rag-vs-fine-tuning-vs-prompt-engineering-ai-strategy-2026; '
           'aiformak.ing/articles/real-cost-of-fine-tuning; stackviv.ai/blog/chunking-strategies-rag; '
           'knowledged.to/notes/ml/top-k-in-rag-search; usagepricing.com/blueprint/pinecone.'),
           'note_wrap', span=(2, 11))
    r = left.add()
    left.skip(1)
    s.text('B%d' % r, _('Model and embedding prices: the catalogue (ftcost prices lists each price\'s source and '
           'date). Month m of a path costs its first month × ((1 + growth)(1 + price change))^m plus '
           'its fixed costs; the fine-tuning path grows nothing.'), 'note_wrap', span=(2, 11))
    s.print_range = 'A1:L%d' % left.last
    add_model_lists(book, embeddings=True)
    return book
