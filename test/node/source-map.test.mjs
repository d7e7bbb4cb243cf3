// The script-tag files' source maps (dist/*.min.js.map, written beside them, not named by them) must point each
// byte at its source, through every rewrite of the build (esbuild, the template minifier, terser). The one-file
// build holds every layer, the core included.
// Runs after `npm run build` (npm test does that first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map';

const root = new URL('../..', import.meta.url).pathname;
const file = `${root}dist/cobrowse-widget.full.min.js`;
const code = readFileSync(file, 'utf8');

test('no script-tag file names its map (the npm package does not ship it)', () => {
  for (const name of readdirSync(`${root}dist`).filter((n) => n.endsWith('.min.js')))
    assert.doesNotMatch(readFileSync(`${root}dist/${name}`, 'utf8'), /sourceMappingURL/, name);
});

test('a text from each layer, early and late in the file, maps back to the module that wrote it', async () => {
  const map = await new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  try {
    const where = (text) => {
      const index = code.indexOf(text);
      assert.ok(index > 0, `${text} is in the file`);
      assert.equal(code.indexOf(text, index + 1), -1, `${text} is in the file once`);
      // One line: the column is the offset. Every template minified before it shifts it.
      const before = code.slice(0, index);
      const line = before.split('\n').length;
      const column = index - before.lastIndexOf('\n') - 1;
      const { source } = map.originalPositionFor({ line, column });
      return source?.replace(/^.*\/(src|node_modules)\//, '$1/');
    };
    assert.equal(where('CSSResult is not constructable'), 'node_modules/@lit/reactive-element/css-tag.js');
    assert.equal(where('@keyframes cobrowse-pulse'), 'src/components/badge/badge.styles.ts');
    assert.equal(where('role="status"'), 'src/components/badge/badge.component.ts');
    assert.equal(where('postMessage needs exact origins'), 'src/transport/post-message.ts');
    assert.equal(where('unknown method'), 'src/loader/core.ts');
    assert.equal(where('No session'), 'src/components/strings/strings.ts');
  } finally {
    map.destroy();
  }
});

test('npm run size:modules attributes the file to its modules, through the same map', async () => {
  const { execFileSync } = await import('node:child_process');
  const { measure } = await import('../../scripts/size.mjs');
  const out = execFileSync(process.execPath, ['scripts/size-modules.mjs', '--file', file], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const module of [
    'src/store/derive.ts',
    'src/model/parse.ts',
    'src/loader/core.ts',
    'node_modules/lit-html/lit-html.js',
  ])
    assert.match(out, new RegExp(`\\d+\\s+\\d+\\s+${module.replaceAll('.', '\\.')}\\n`), `${module} has a row`);
  const { min, gzip } = measure(file);
  assert.match(out, new RegExp(`${min} B min, ${gzip} B gzip\\n$`), 'the same totals as npm run size');
});
