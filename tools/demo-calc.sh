#!/usr/bin/env bash
# tools/demo-calc.sh BUILD_DIR
#
# The spreadsheet side of `tools/dev.sh demo`: installs BUILD_DIR's
# ftcost.oxt into a throwaway private LibreOffice profile (never yours),
# opens every template of BUILD_DIR/templates headless as File > New >
# Templates would, prints its headline numbers, says whether Calc lists the
# templates, and writes one PDF per template to BUILD_DIR/demo/.
#
# More documents can join the same LibreOffice session: add them to the
# `docs` array below (one soffice start for all).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 64; }
build=$(cd "$1" && pwd)
oxt=$build/packaging/ftcost.oxt
[ -f "$oxt" ] || { echo "demo-calc.sh: no $oxt (build with the add-in first)" >&2; exit 1; }
shopt -s nullglob
docs=("$build"/templates/ftcost-*.ots)
[ ${#docs[@]} -gt 0 ] || { echo "demo-calc.sh: no templates in $build/templates" >&2; exit 1; }

# python3-uno lives with the system python.
py=/usr/bin/python3
"$py" -c 'import uno' 2>/dev/null || { echo "demo-calc.sh: $py has no uno module (apt-get install python3-uno)" >&2; exit 1; }

work=$(mktemp -d /tmp/ftcost-demo-XXXXXX)
chmod 755 "$work"          # the profile is used by nobody when we are root
trap 'rm -rf "$work"' EXIT
profile=$work/profile

echo "== installing the extension into a private profile"
sh "$here/packaging/install-profile.sh" "$oxt" "$profile"

jobs=$profile/home/tmp/demo
mkdir -p "$jobs"
cp "${docs[@]}" "$here/tests/templates/calc-dump.py" "$jobs/"
"$py" - "$jobs" "${docs[@]}" > "$jobs/request.json" <<'PY'
import json, os, sys
d = sys.argv[1]
jobs = []
for doc in sys.argv[2:]:
    base = os.path.splitext(os.path.basename(doc))[0]
    jobs.append({'doc': os.path.join(d, os.path.basename(doc)), 'pdf': os.path.join(d, base + '.pdf')})
print(json.dumps({'jobs': jobs, 'list_templates': True}))
PY
[ "$(id -u)" -ne 0 ] || chown -R "${FTCOST_RUN_AS:-nobody:nogroup}" "$jobs"

echo "== computing every template headless"
sh "$here/tests/templates/run-office.sh" "$profile" "$py" "$jobs/calc-dump.py" \
    "$profile" "$jobs/request.json" "$jobs/report.json"

mkdir -p "$build/demo"
cp "$jobs"/*.pdf "$build/demo/"

"$py" - "$jobs/report.json" "$build/demo" <<'PY'
import json, os, sys

report = json.load(open(sys.argv[1]))


def usd(x):
    return '$%s' % format(round(x), ',') if isinstance(x, float) else str(x)


def pct(x, d=1):
    return '%.*f %%' % (d, 100 * x) if isinstance(x, float) else str(x)


def serial_date(x):
    """A Calc date serial (days since 1899-12-30) as YYYY-MM-DD."""
    if not isinstance(x, float):
        return str(x)
    import datetime
    return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(x))).isoformat()


def num(x):
    return format(round(x), ',') if isinstance(x, float) else str(x)


def dec(x):
    return '%.2f' % x if isinstance(x, float) else str(x)


HEADLINES = {
    'ftcost-tco': lambda n: [
        ('FT_TCO over %d months' % n['Horizon'], usd(n['TotalTCO'])),
        ('hidden share (FT_HIDDEN_SHARE)', pct(n['HiddenShare'], 2)),
        ('items: training, serving, engineering, retrains, rebuilds',
         ', '.join(usd(r[0]) for r in n['Items']))],
    'ftcost-budget': lambda n: [
        ('sizing: %s B params, %s tokens x %s epochs, %s, %s at %s' % (
            ('%g' % n['SzBillions']) if isinstance(n['SzBillions'], float) else n['SzBillions'],
            num(n['SzTokens']), num(n['SzEpochs']), n['SzMethod'], n['SzGpu'], n['SzProvider']), ''),
        ('  GPU-hours per run (FT_GPU_HOURS), GPUs (FT_GPUS_NEEDED)',
         '%s, %s' % (dec(n['SzGpuHours']), num(n['SzGpusNeeded']))),
        ('  price per GPU-hour (GPU_PRICE), as of',
         '$%.2f, %s' % (n['SzGpuPrice'], serial_date(n['SzGpuPriceDate']))
         if isinstance(n['SzGpuPrice'], float) else str(n['SzGpuPrice'])),
        ('  training cost per run (FT_TRAINING_COST)',
         '$%.2f' % n['SzRunCost'] if isinstance(n['SzRunCost'], float) else str(n['SzRunCost'])),
        ('hosted service: %s, price per M training tokens' % n['HostedModel'],
         '$%.2f (API_PRICE "ft_training")' % n['HostedPrice']
         if isinstance(n['HostedPrice'], float) else str(n['HostedPrice'])),
        ('  cost per run, low to high (FT_TRAINING_TOKENS_COST)',
         '$%.2f to $%.2f' % (n['HostedRunCostLow'], n['HostedRunCostHigh'])
         if isinstance(n['HostedRunCostLow'], float) else str(n['HostedRunCostLow'])),
        ('year 1, low to high', '%s to %s' % (usd(n['TotalY1Low']), usd(n['TotalY1High']))),
        ('three years, low to high', '%s to %s' % (usd(n['Total3yLow']), usd(n['Total3yHigh']))),
        ('hidden share of three years', '%s to %s' % (pct(n['HiddenShare3yLow']), pct(n['HiddenShare3yHigh']))),
        ('training runs (FT_TRAINING_COST)', '%s to %s' % (usd(n['TrainingLow']), usd(n['TrainingHigh']))),
        ('serving per month (FT_SERVING_COST)', '%s to %s' % (usd(n['ServingLow']), usd(n['ServingHigh']))),
        ('serving CO2 per month (FT_CO2_KG)', '%s to %s kg' % (num(n['Co2Low']), num(n['Co2High'])))],
    'ftcost-breakeven': lambda n: [
        ('%s per M tokens in / out (API_PRICE)' % n['ModelName'],
         '$%.2f / $%.2f, as of %s' % (n['InputPrice'], n['OutputPrice'], serial_date(n['PriceDate']))),
        ('break-even month (FT_BREAKEVEN)', num(n['Breakeven'])),
        ('three years: API (API_TCO) / fine-tuning', '%s / %s' % (usd(n['ApiTco']), usd(n['FtTco']))),
        ('cheaper path, saving', '%s, %s' % (n['Cheaper'], usd(n['Saving']))),
        ('NPV at %s a year: API / fine-tuning' % pct(n['DiscountRate'], 0),
         '%s / %s' % (usd(n['NpvApi']), usd(n['NpvFt']))),
        ('break-even volume (FT_BREAKEVEN_VOLUME)', '%s tokens a month' % num(n['BreakevenVolume']))],
    'ftcost-rag': lambda n: [
        ('%s / embeddings %s (API_PRICE)' % (n['ModelName'], n['EmbedModel']),
         '$%.2f / $%.2f per M in/out, embeddings $%.3f' % (n['InputPrice'], n['OutputPrice'], n['EmbedPrice'])),
        ('36 months: prompting (API_TCO)', usd(n['PromptTco'])),
        ('36 months: RAG (RAG_TCO)', usd(n['RagTco'])),
        ('36 months: fine-tuning (FT_TCO + build + upkeep)', usd(n['FtTco'])),
        ('lines cross: RAG/prompting, FT/prompting, FT/RAG', ', '.join(
            num(n[k]) for k in ('CrossRagPrompt', 'CrossFtPrompt', 'CrossFtRag'))),
        ('recommendation (cheapest rated acceptable)', n['Recommendation'])],
    'ftcost-checklist': lambda n: [
        ('answered yes', '%s of 5' % num(n['YesCount'])),
        ('pillar score', '%s of 8' % num(n['PillarScore'])),
        ('24-month rule (FT_VERDICT)', n['Verdict']),
        ('recommendation', n['Recommendation'])],
}

bad = 0
jobs = {os.path.splitext(os.path.basename(j['doc']))[0]: j for j in report['jobs']}
for base, job in jobs.items():
    n = job['names']
    print('\n%s (%s.pdf)' % (base, base))
    for label, value in HEADLINES.get(base, lambda n: [])(n):
        print('  %-58s %s' % (label, value))
    # A translated template (ftcost-tco-de): its figures are the English one's
    english = jobs.get(base.rsplit('-', 1)[0]) if base.count('-') == 2 else None
    if english is not None:
        numbers = [k for k, v in english['names'].items() if isinstance(v, (int, float))]
        differ = [k for k in numbers if n.get(k) != english['names'][k]]
        print('  %-58s %s' % ('figures equal to %s' % base.rsplit('-', 1)[0],
                              'all %d' % len(numbers) if not differ else 'NO: ' + ', '.join(differ)))
        bad += bool(differ)
    if job['errors']:
        bad += 1
        print('  ERROR CELLS: ' + ', '.join(job['errors']))
listed = report.get('templates', {}).get('ftcost', [])
print('\nFile > New > Templates, category "ftcost": %s'
      % (', '.join(t['title'] for t in listed) if listed else 'not listed (the .oxt does not ship the templates)'))
print('PDFs in %s' % sys.argv[2])
sys.exit(1 if bad else 0)
PY
