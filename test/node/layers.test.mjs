// The data flows one way: model -> store -> components -> entry points (src/*.ts), with src/transport/ beside the
// components (it feeds the store and reads nothing of the UI). A module may import only from its own layer and the
// layers to its left; this test reads every import in src/ and fails on the first that points right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve('src');
/** For each layer, the layers it may import from (itself included). */
const ALLOWED = {
  model: ['model'],
  store: ['model', 'store'],
  components: ['model', 'store', 'components'],
  transport: ['model', 'store', 'transport'],
  // The script-tag core: the transports, and only the types of the model and the store (no zod, no Lit; the
  // build's size budget and test/node/core.test.mjs hold it to that).
  loader: ['model', 'store', 'transport', 'loader'],
  entry: ['model', 'store', 'components', 'transport', 'loader', 'entry'],
};

const layerOf = (file) => {
  const [first, ...rest] = relative(SRC, file).split('/');
  return rest.length ? first : 'entry';
};

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

/** Relative specifiers of every static import, re-export and dynamic import (type-only ones too). */
export function importsOf(text) {
  const found = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(match[1]);
  return found;
}

test('every layer exists and every source file belongs to one', () => {
  const layers = new Set([...sources(SRC)].map(layerOf));
  assert.deepEqual([...layers].sort(), Object.keys(ALLOWED).sort());
});

test('no module in src/ imports from a layer to its right', () => {
  const violations = [];
  let checked = 0;
  for (const file of sources(SRC)) {
    const from = layerOf(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      checked++;
      const to = layerOf(resolve(dirname(file), specifier));
      if (!ALLOWED[from].includes(to)) violations.push(`${relative(SRC, file)} (${from}) imports ${specifier} (${to})`);
    }
  }
  assert.ok(checked > 50, `only ${checked} imports found: the scan is broken`);
  assert.deepEqual(violations, []);
});

test('the scan catches a violation', () => {
  const file = join(SRC, 'store', 'x.ts');
  const [specifier] = importsOf("import { CobrowseBadge } from '../components/index.js';");
  assert.equal(layerOf(resolve(dirname(file), specifier)), 'components');
  assert.ok(!ALLOWED.store.includes('components'));
  assert.deepEqual(importsOf("export * from './a.js';\nimport type { B } from \"../b.js\";\nawait import('./c.js');"), [
    './a.js',
    '../b.js',
    './c.js',
  ]);
});
