// An A/B of two builds of the one-file script-tag bundle in one headless Chromium, for changes too small for
// `npm run bench` on a loaded machine: each build in its own tab, the workload run in both tabs in turn, round after
// round, so both see the same load. Prints each build's median and minimum µs per event and the median of the
// rounds' B/A ratios.
//
//   node bench/ab.mjs --build /tmp/a.js                 # bundle this tree's src/full.ts (minified, Lit production)
//   node bench/ab.mjs stream /tmp/a.js /tmp/b.js        # workloads: stream, connected, coalesced, streamStore, connectedStore
//   options: --events 1000 --rounds 15
//
// The workloads are the bench's (bench/run.mjs's STREAM_SETUP and ENVELOPE_SETUP events), each round continuing
// the event numbers so that every event is newer than the last; `*Store` ingest with no element on the page (the
// store's share of the same stream).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { browserArgs, ensureBrowser } from '../scripts/browser.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args.splice(at, 2)[1];
};

const out = option('--build');
if (out) {
  await build({
    entryPoints: [join(ROOT, 'src/full.ts')],
    outfile: resolve(out),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    conditions: ['production'],
    logLevel: 'error',
  });
  console.log(`built ${out}`);
  process.exit(0);
}

const EVENTS = Number(option('--events', 1000));
const ROUNDS = Number(option('--rounds', 15));
const [workload, ...bundles] = args;

/**
 * Runs in the page: ingests `count` events from `window.__next` on, made by `window[factory]`, and awaits the render
 * after each (`each`), once after all (`once`), or, with no element on the page, a microtask after each (`none`).
 */
async function ingestEvents(count, { factory, render }) {
  const el = window.__el;
  const rendered = async () => {
    await el.updateComplete;
    await el.shadowRoot.querySelector('cobrowse-badge').updateComplete;
  };
  if (render === 'none') el.remove();
  for (let end = window.__next + count; window.__next < end; window.__next++) {
    window.CobrowseWidget.ingest(window[factory](window.__next));
    if (render === 'each') await rendered();
    else if (render === 'none') await null;
  }
  if (render === 'once') await rendered();
}
const WORKLOADS = {
  stream: { factory: '__event', render: 'each' },
  connected: { factory: '__envelope', render: 'each' },
  coalesced: { factory: '__envelope', render: 'once' },
  streamStore: { factory: '__event', render: 'none' },
  connectedStore: { factory: '__envelope', render: 'none' },
};
if (!WORKLOADS[workload] || bundles.length === 0) {
  console.error(`usage: node bench/ab.mjs <${Object.keys(WORKLOADS).join('|')}> <bundle A> [bundle B]`);
  process.exit(1);
}

const server = createServer((req, res) => {
  const index = Number(new URL(req.url, 'http://x').searchParams.get('bundle'));
  if (req.url.startsWith('/page')) {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/bundle?bundle=${index}"></script>`,
    );
  } else if (bundles[index]) {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(bundles[index]));
  } else res.writeHead(404).end();
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await puppeteer.launch({
  executablePath: ensureBrowser({ install: false }),
  headless: true,
  args: browserArgs(),
});

// The bench's event factories, taken from its source so that both stay the same.
const bench = readFileSync(join(ROOT, 'bench/run.mjs'), 'utf8');
const setup = (name) => bench.match(new RegExp(`const ${name} = \`([\\s\\S]*?)\`;`))[1];
const run = (tab, count) =>
  tab.evaluate(
    async (count, options) => {
      const t0 = performance.now();
      await window.__ingestEvents(count, options);
      return performance.now() - t0;
    },
    count,
    WORKLOADS[workload],
  );

const tabs = [];
for (const index of bundles.keys()) {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => console.error(`${bundles[index]}: ${error.message}`));
  await tab.goto(`http://127.0.0.1:${server.address().port}/page?bundle=${index}`);
  await tab.evaluate(setup('STREAM_SETUP'));
  await tab.evaluate(setup('ENVELOPE_SETUP'));
  await tab.evaluate(`window.__ingestEvents = ${ingestEvents}`);
  await tab.evaluate(async () => {
    const el = document.createElement('cobrowse-widget');
    document.body.append(el);
    await el.updateComplete;
    await el.shadowRoot.querySelector('cobrowse-badge')?.updateComplete;
    window.__el = el;
    window.__next = 0;
  });
  await run(tab, 300); // warm up: compiled code and first-use caches, as in a page that has been running
  tabs.push(tab);
}
const times = bundles.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [index, tab] of tabs.entries()) times[index].push(await run(tab, EVENTS));
}
await browser.close();
server.close();

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const micros = (ms) => ((ms * 1000) / EVENTS).toFixed(1);
for (const [index, bundle] of bundles.entries()) {
  console.log(
    `${workload} ${bundle}: median ${micros(median(times[index]))} µs, min ${micros(Math.min(...times[index]))} µs`,
  );
}
if (bundles.length === 2) {
  const ratios = times[0].map((a, round) => times[1][round] / a);
  console.log(`B/A, median of ${ROUNDS} rounds' ratios: ${median(ratios).toFixed(3)}`);
}
