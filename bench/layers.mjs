// Time per layer of one ingest, in Chromium, for the model and store as they are and as they were before issue
// 15's speed work (the frozen copies test/model/reference/ and test/store/reference/, while they exist): parse +
// validate, reduce, derive, and the whole ingest through createSessionStore (with one listener, as a mounted
// widget has), plus a 1,000-envelope array in one ingest. Both are bundled the way the script-tag file is (esbuild,
// minified, Lit's and zod's production conditions) into one page and measured there in interleaved rounds, so a
// busy machine slows both alike: read the ratios. Each figure is the median of the rounds. Used by run.mjs (with
// its browser); also runs on its own: `node bench/layers.mjs`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const REFERENCE = { model: 'test/model/reference', store: 'test/store/reference' };

/** The conversation envelope of run.mjs's ENVELOPE_SETUP (two participants, each with its co-browse session). */
export function envelope(i) {
  const t0 = Date.parse('2026-11-22T09:00:00.000Z');
  const time = (s) => new Date(t0 + s * 1000).toISOString();
  const session = (id, role, controlling) => ({
    id,
    state: 'connected',
    cobrowseSessionId: 'bench-session',
    cobrowseRole: role,
    controlling,
    startAlertingTime: time(0),
    connectedTime: time(1),
    providerEventTime: time(i + 2),
  });
  return {
    topicName: 'v2.users.user-1.conversations.cobrowsesessions',
    version: '2',
    eventBody: {
      id: 'bench-conversation',
      participants: [
        {
          id: 'bench-customer',
          name: 'Pat Customer',
          purpose: 'customer',
          state: 'connected',
          cobrowsesessions: [session('bench-comm-customer', 'sharer', [])],
        },
        {
          id: 'bench-agent',
          name: 'Alex Agent',
          purpose: 'agent',
          state: 'connected',
          cobrowsesessions: [session('bench-comm-agent', 'viewer', i % 2 ? ['bench-customer'] : [])],
        },
      ],
    },
    metadata: { CorrelationId: `corr-${i}` },
  };
}

/**
 * One script exposing `window.__layers[name] = { parseInput, reduce, derive, INITIAL_STATE, createSessionStore }`
 * for the live code and, when the frozen copies exist, the reference (its store's imports of src/model re-pointed to
 * the model's reference, so "reference" is the whole ingest as it was).
 */
async function bundle(outfile) {
  const sides = { current: { model: 'src/model', store: 'src/store' } };
  if (existsSync(join(ROOT, REFERENCE.model)) && existsSync(join(ROOT, REFERENCE.store))) sides.reference = REFERENCE;
  const lines = ['window.__layers = {};'];
  for (const [name, { model, store }] of Object.entries(sides)) {
    lines.push(
      `import { parseInput as ${name}Parse } from './${model}/index.ts';`,
      `import { derive as ${name}Derive } from './${store}/derive.ts';`,
      `import { INITIAL_STATE as ${name}Initial, reduce as ${name}Reduce } from './${store}/reduce.ts';`,
      `import { createSessionStore as ${name}Store } from './${store}/session-store.ts';`,
      `window.__layers.${name} = { parseInput: ${name}Parse, derive: ${name}Derive, INITIAL_STATE: ${name}Initial, ` +
        `reduce: ${name}Reduce, createSessionStore: ${name}Store };`,
    );
  }
  const referenceModel = {
    name: 'reference-model',
    setup(build) {
      // The reference store imports the live model (`../../../src/model/index.js`): give it the model's reference.
      build.onResolve({ filter: /src\/model\/index\.js$/ }, (args) =>
        args.importer.includes(REFERENCE.store) ? { path: join(ROOT, REFERENCE.model, 'index.ts') } : undefined,
      );
    },
  };
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    outfile,
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    conditions: ['production'],
    plugins: [referenceModel],
    logLevel: 'error',
  });
  return Object.keys(sides);
}

/** In the page: µs per envelope by layer for each side, interleaved rounds, medians; the batch in ms. */
function measure({ envelopes, rounds, names }) {
  const envelope = window.__envelope;
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const options = { controlRequestTimeoutMs: 30_000, maxCommunications: 64 };
  const samples = {};
  const add = (key, ms, count = envelopes) => (samples[key] ??= []).push((ms * 1000) / count);
  const time = (run) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const m = window.__layers[name];
      const events = Array.from({ length: envelopes }, (_, i) => envelope(round * envelopes + i));
      let inputs;
      add(
        `${name}.parse`,
        time(() => (inputs = events.map((e) => m.parseInput(e).value))),
      );
      const states = [];
      add(
        `${name}.reduce`,
        time(() => {
          let state = m.INITIAL_STATE;
          for (const input of inputs) states.push((state = m.reduce(state, input, 0, options)));
        }),
      );
      add(
        `${name}.derive`,
        time(() => states.forEach((state) => m.derive(state, 0))),
      );
      const store = m.createSessionStore({ clock: () => 0 });
      let told = 0;
      store.subscribe(() => told++);
      add(
        `${name}.ingest`,
        time(() => events.forEach((e) => store.ingest(e))),
      );
      if (told !== envelopes) throw new Error(`${name}: ${told} notifications for ${envelopes} changing envelopes`);
      const batch = m.createSessionStore({ clock: () => 0 });
      // (µs per batch / 1000 = ms per batch of 1,000.)
      add(
        `${name}.batch`,
        time(() => batch.ingest(events.slice(0, 1000))),
        1000,
      );
    }
  }
  const result = {};
  for (const [key, values] of Object.entries(samples)) {
    const [name, layer] = key.split('.');
    (result[name] ??= {})[layer] = Number(median(values).toFixed(2));
  }
  return result;
}

/**
 * µs per envelope by layer (`batch`: ms for 1,000 envelopes in one ingest) for each side present, and how many
 * times faster the current side is than the reference, per layer. `browser`: a puppeteer browser (run.mjs's); one
 * is launched when none is given.
 */
export async function layers({ browser, envelopes = 5000, rounds = 9 } = {}) {
  const dir = join(ROOT, 'bench/.build');
  mkdirSync(dir, { recursive: true });
  const names = await bundle(join(dir, 'layers.js'));
  let own;
  if (!browser) {
    const { default: puppeteer } = await import('puppeteer-core');
    const { browserArgs, ensureBrowser } = await import('../scripts/browser.mjs');
    own = browser = await puppeteer.launch({
      executablePath: ensureBrowser({ install: false }),
      headless: true,
      args: browserArgs(),
    });
  }
  writeFileSync(join(dir, 'layers-envelope.js'), `window.__envelope = ${envelope};`);
  writeFileSync(
    join(dir, 'layers.html'),
    '<!doctype html><meta charset="utf-8"><script src="layers-envelope.js"></script><script src="layers.js"></script>',
  );
  const tab = await browser.newPage();
  try {
    await tab.goto(pathToFileURL(join(dir, 'layers.html')).href);
    const microsPerEnvelope = await tab.evaluate(measure, { envelopes, rounds, names });
    const { current, reference } = microsPerEnvelope;
    const speedup =
      reference &&
      Object.fromEntries(
        Object.keys(current).map((layer) => [layer, Number((reference[layer] / current[layer]).toFixed(2))]),
      );
    return { envelopes, rounds, microsPerEnvelope, ...(speedup && { speedup }) };
  } finally {
    await tab.close();
    await own?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(JSON.stringify(await layers(), null, 2));
