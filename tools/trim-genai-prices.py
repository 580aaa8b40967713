#!/usr/bin/env python3
"""Keep the providers ftcost vendors from pydantic genai-prices' data file.

    python3 tools/trim-genai-prices.py full.json functions/data/genai-prices.json

The input is the whole data file (a list of providers, each with "id" and
"models"); the output keeps the providers named in PROVIDERS, in the input's
order, each provider object and each model object unchanged (no figure is
edited, none added).  One model a line, so that a refresh diffs model by
model.  Models priced only per image, audio second or request stay in the
file: ftcost's reader leaves them out.
"""
import json
import sys

PROVIDERS = ("anthropic", "deepseek", "google", "mistral", "openai", "together", "x-ai")


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    kept = [p for p in data if p["id"] in PROVIDERS]
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
