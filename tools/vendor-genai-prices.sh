#!/bin/sh
# vendor-genai-prices.sh VERSION INTEGRITY: refresh functions/data/genai-prices.json
# from the npm package @pydantic/genai-prices (pydantic's prices/data.json
# compiled into dist/index.js), trimmed by tools/trim-genai-prices.py.
#   tools/vendor-genai-prices.sh 0.1.8 sha512-h7CYw6qT...
# Then: set the day in functions/meson.build (shipped_price_files, the
# package's publication day: `npm view @pydantic/genai-prices time`) and the
# version, integrity, day and counts in functions/data/README.md.
set -eu
version=${1:?version}
integrity=${2:?integrity (npm view @pydantic/genai-prices@VERSION dist.integrity)}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "@pydantic/genai-prices@$version" >/dev/null
tgz=pydantic-genai-prices-$version.tgz
got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [ "$got" != "$integrity" ]; then
    echo "vendor-genai-prices: $tgz is $got, not $integrity" >&2
    exit 1
fi
tar xzf "$tgz" package/dist/index.js package/LICENSE
node "$top/tools/genai-prices-extract.mjs" package/dist/index.js >full.json
python3 "$top/tools/trim-genai-prices.py" full.json "$top/functions/data/genai-prices.json"
cp package/LICENSE "$top/functions/data/LICENSE.genai-prices"
