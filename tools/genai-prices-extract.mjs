// genai-prices-extract.mjs: the price data embedded in the npm package
// @pydantic/genai-prices (dist/index.js opens with the providers' array,
// pydantic's prices/data.json compiled in), written out as JSON.
//   node tools/genai-prices-extract.mjs package/dist/index.js > full.json
// Used by tools/vendor-genai-prices.sh.
import fs from 'fs';

const src = fs.readFileSync(process.argv[2], 'utf8');
const open = src.indexOf('[');
if (open < 0 || !/^const [A-Za-z_$][\w$]* = $/.test(src.slice(0, open)))
  throw new Error('dist/index.js does not open with the data array');

// the matching bracket, skipping string literals
let depth = 0, close = -1;
for (let i = open; i < src.length && close < 0; i++) {
  const c = src[i];
  if (c === '"' || c === "'" || c === '`') {
    for (i++; src[i] !== c; i++)
      if (src[i] === '\\') i++;
  } else if (c === '[' || c === '{') {
    depth++;
  } else if (c === ']' || c === '}') {
    if (--depth === 0) close = i;
  }
}
if (close < 0) throw new Error('unterminated data array');
const data = (0, eval)('(' + src.slice(open, close + 1) + ')');
if (!Array.isArray(data) || !data.every((p) => typeof p.id === 'string' && Array.isArray(p.models)))
  throw new Error('not a list of genai-prices providers');
process.stdout.write(JSON.stringify(data));
