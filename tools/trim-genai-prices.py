#!/usr/bin/env python3
"""Keep what ftcost reads of pydantic genai-prices' data file.

    python3 tools/trim-genai-prices.py full.json functions/data/genai-prices.json

The input is the whole data file (a list of providers, each with "id" and
"models").  The output keeps, in the input's order:
- the providers named in PROVIDERS, with their "id", "name" and
  "pricing_urls" (where genai-prices read them);
- of their models, those with a price per million input or output tokens
  (text and embedding models: not those priced only per image, audio hour,
  page or request, nor those with no price), with their "id", "name",
  "prices" and "deprecated" as they are: no figure is edited, none added;
  of "match" (how genai-prices recognises a model's name) the names it
  accepts as they are ("equals", alone or among the alternatives of an
  "or"), which ftcost reads as the model's other names.
Dropped: what ftcost does not read (the usage extractors, the prefix,
substring and pattern rules of "match", descriptions, context windows,
comments), which makes the file a third of the size and as quick to
parse.
One model a line, so that a refresh diffs model by model.
"""
import json
import sys

PROVIDERS = ("anthropic", "deepseek", "google", "mistral", "openai", "together", "x-ai")
PROVIDER_KEYS = ("id", "name", "pricing_urls")
MODEL_KEYS = ("id", "name", "prices", "deprecated")
TOKEN_PRICES = ("input_mtok", "output_mtok")


def token_priced(model):
    """True when some period of the model has an input or output token price."""
    prices = model["prices"]
    periods = [c["prices"] for c in prices] if isinstance(prices, list) else [prices]
    return any(k in period for period in periods for k in TOKEN_PRICES)


def keep(obj, keys):
    return {k: obj[k] for k in keys if k in obj}


def names(match):
    """The names a "match" rule accepts as they are (not inside an "and")."""
    found = []
    if isinstance(match, dict):
        if "equals" in match:
            found.append(match["equals"])
        for alternative in match.get("or", []):
            found.extend(names(alternative))
    return found


def model(m):
    kept = keep(m, MODEL_KEYS)
    other = [n for n in names(m.get("match")) if n.lower() != m["id"].lower()]
    if other:
        kept["match"] = {"or": [{"equals": n} for n in other]}
    return kept


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    kept = [dict(keep(p, PROVIDER_KEYS),
                 models=[model(m) for m in p["models"] if token_priced(m)])
            for p in data if p["id"] in PROVIDERS]
    missing = set(PROVIDERS) - {p["id"] for p in kept}
    if missing:
        sys.exit(f"trim-genai-prices: no provider {', '.join(sorted(missing))} in {src}")
    parts = []
    for p in kept:
        head = {k: v for k, v in p.items() if k != "models"}
        models = ",\n".join(compact(m) for m in p["models"])
        parts.append(compact(head)[:-1] + ',"models":[\n' + models + "\n]}")
    text = "[\n" + ",\n".join(parts) + "\n]\n"
    if json.loads(text) != kept:  # the layout changed nothing
        sys.exit("trim-genai-prices: the output does not read back as the input")
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{dst}: {len(kept)} providers, {sum(len(p['models']) for p in kept)} models, "
          f"{len(text.encode())} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
