// Where a script-tag file's bytes are: for each source module, its minified bytes and what the file loses in gzip
// when that module's bytes are cut out of it (its marginal cost; the parts overlap, so they do not add up to the
// total). Reads the core, dist/cobrowse-widget.min.js (or --file), and its source map: run `npm run build` first.
//   node scripts/size-modules.mjs [--file dist/cobrowse-widget.full.min.js]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';

const i = process.argv.indexOf('--file');
const file = i === -1 ? 'dist/cobrowse-widget.min.js' : process.argv[i + 1];
const code = readFileSync(file, 'utf8');
const map = await new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));

// Each byte's module, from the mapping that covers it.
const lineStarts = [0];
for (let at = code.indexOf('\n'); at !== -1; at = code.indexOf('\n', at + 1)) lineStarts.push(at + 1);
const mappings = [];
map.eachMapping((m) => mappings.push([lineStarts[m.generatedLine - 1] + m.generatedColumn, m.source]));
map.destroy();
mappings.sort((a, b) => a[0] - b[0]);
const owner = new Array(code.length).fill('(unmapped)');
mappings.forEach(([start, source], n) => {
  const name = (source ?? '(unmapped)').replace(/^.*?\/(src|node_modules)\//, '$1/');
  owner.fill(name, start, n + 1 < mappings.length ? mappings[n + 1][0] : code.length);
});

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const total = gzip(code);
const rows = [...new Set(owner)].map((name) => {
  let rest = '';
  let size = 0;
  for (let k = 0; k < code.length; k++) {
    if (owner[k] === name) size++;
    else rest += code[k];
  }
  return { name, size, marginal: total - gzip(rest) };
});
rows.sort((a, b) => b.marginal - a.marginal);
console.log('    min  gzip (marginal)  module');
for (const { name, size, marginal } of rows)
  console.log(`${String(size).padStart(7)}  ${String(marginal).padStart(6)}  ${name}`);
console.log(`${file}: ${Buffer.byteLength(code)} B min, ${total} B gzip`);
