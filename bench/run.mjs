// `npm run bench`: measures dist/cobrowse-widget.min.js in headless Chromium against a Lit hello-world floor built
// in the same run (esbuild, Lit's production condition, minified IIFE), prints a table and writes
// bench/results.json. Every figure is a median or a count, and every comparison is a ratio to the floor measured
// here, so numbers from different machines compare by their ratios. `--quick` runs small counts (smoke test).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { minifyHTMLLiterals } from 'minify-literals';
import puppeteer from 'puppeteer-core';
import { browserArgs, ensureBrowser } from '../scripts/browser.mjs';
import { measure } from '../scripts/size.mjs';
import { benchCore } from './core.mjs';
import { firstRenderInPage, serve } from './serve.mjs';
import { layers } from './layers.mjs';

const QUICK = process.argv.includes('--quick');
const N = {
  firstRenderPages: QUICK ? 3 : 25,
  streamEvents: QUICK ? 200 : 2000,
  streamRuns: QUICK ? 1 : 5,
  envelopes: QUICK ? 500 : 5000,
  envelopeRuns: QUICK ? 1 : 5,
  batch: 1000,
  batchRuns: QUICK ? 2 : 7,
  burst: 10_000,
  cycles: QUICK ? 100 : 1000,
  idleMs: QUICK ? 500 : 2000,
};
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const OUT = join(ROOT, 'bench/.build');
// The one-file script-tag build (everything in one script). Once the build splits it into a loader core and the full
// file, this becomes 'dist/cobrowse-widget.full.min.js': every figure below reads this one constant.
// The one-file build (core and session UI together): what the widget's own figures measure. The core
// (dist/cobrowse-widget.min.js) has its own figures (bench/core.mjs).
const WIDGET = 'dist/cobrowse-widget.full.min.js';
const CORE = 'dist/cobrowse-widget.min.js';
const FLOOR = 'bench/.build/lit-hello.min.js';
// What an idle widget shows, in bare Lit (bench/lit-idle-widget.js): the first render's second floor.
const IDLE_DOM_FLOOR = 'bench/.build/lit-idle-widget.min.js';
const ZOD_FLOOR = 'bench/.build/zod-floor.min.js';
const started = Date.now();

// ---- build the floor and the pages ---------------------------------------------------------------------------------
if (!existsSync(join(ROOT, WIDGET))) {
  console.error(`bench: ${WIDGET} not found: run npm run build first (npm run bench does)`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
// The templates and styles minified as rollup.config.mjs does for the script-tag files (minify-literals), so the idle
// DOM floor parses the same CSS and HTML as the widget: only our own files (and the floors), never node_modules.
const minifyTemplates = {
  name: 'minify-templates',
  setup(builder) {
    builder.onLoad({ filter: /\/(src|bench)\/.*\.[jt]s$/ }, async ({ path }) => {
      const code = readFileSync(path, 'utf8');
      const minified = /(html|css)`/.test(code) ? await minifyHTMLLiterals(code, { fileName: path }) : null;
      return { contents: minified?.code ?? code, loader: extname(path).slice(1) };
    });
  },
};
for (const [entry, outfile] of [
  ['bench/lit-hello.js', FLOOR],
  ['bench/zod-floor.js', ZOD_FLOOR],
  ['bench/lit-idle-widget.js', IDLE_DOM_FLOOR],
]) {
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: join(ROOT, outfile),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    conditions: ['production'],
    legalComments: 'none',
    logLevel: 'error',
    plugins: [minifyTemplates],
  });
}

// Runs before any library code: counts the timers and animation frames a page holds while nobody does anything.
const INSTRUMENT = `(() => {
  const live = { timeouts: new Set(), intervals: new Set(), frames: new Set(), idle: new Set() };
  const calls = { setTimeout: 0, setInterval: 0, requestAnimationFrame: 0, requestIdleCallback: 0 };
  const fired = { setTimeout: 0, setInterval: 0, requestAnimationFrame: 0, requestIdleCallback: 0 };
  const wrap = (name, set, once, clearName) => {
    const original = window[name].bind(window);
    const clear = window[clearName].bind(window);
    window[name] = (fn, ...rest) => {
      calls[name]++;
      const id = original((...args) => { fired[name]++; if (once) set.delete(id); return typeof fn === 'function' ? fn(...args) : undefined; }, ...rest);
      set.add(id);
      return id;
    };
    window[clearName] = (id) => { set.delete(id); return clear(id); };
  };
  wrap('setTimeout', live.timeouts, true, 'clearTimeout');
  wrap('setInterval', live.intervals, false, 'clearInterval');
  wrap('requestAnimationFrame', live.frames, true, 'cancelAnimationFrame');
  if (window.requestIdleCallback) wrap('requestIdleCallback', live.idle, true, 'cancelIdleCallback');
  window.__timers = () => ({
    calls: { ...calls },
    fired: { ...fired },
    active: { timeouts: live.timeouts.size, intervals: live.intervals.size, frames: live.frames.size, idle: live.idle.size },
  });
  window.__resetTimerCalls = () => { for (const key of Object.keys(calls)) calls[key] = fired[key] = 0; };
})();`;
writeFileSync(join(OUT, 'instrument.js'), INSTRUMENT);
const page = (name, scripts, body) =>
  writeFileSync(
    join(OUT, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; require-trusted-types-for 'script'">` +
      scripts.map((src) => `<script src="${src}"></script>`).join('') +
      `</head><body>${body}</body></html>`,
  );
page('widget', ['/bench/.build/instrument.js', `/${WIDGET}`], '');
// The same without the timer counting, for the throughput figures: the wrapped setInterval and setTimeout are the
// bench's own code, and the state cycle starts and stops the elapsed-time clock every third event.
page('widget-bare', [`/${WIDGET}`], '');
page('floor', ['/bench/.build/instrument.js', `/${FLOOR}`], '');
page('zod', [`/${ZOD_FLOOR}`], '');
page('idle-dom', ['/bench/.build/instrument.js', `/${IDLE_DOM_FLOOR}`], '');

// ---- a static server for dist/ and bench/.build/ -------------------------------------------------------------------
const server = await serve(ROOT);
const BASE = server.base;

const browser = await puppeteer.launch({
  executablePath: ensureBrowser({ install: false }),
  headless: true,
  args: [...browserArgs(), '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const chromium = (await browser.version()).replace(/^HeadlessChrome\//, 'Chromium ');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 2) => Number(value.toFixed(digits));

async function fresh(name) {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await tab.goto(`${BASE}/bench/.build/${name}.html`, { waitUntil: 'load' });
  return { tab, errors };
}

// The element each side renders: ours with its default (page) store, the floor's hello world. `widget` is the
// default `<cobrowse-widget>`, which hides while idle (renders nothing); `idle-card` is the same page and element
// with `hide-when-idle="false"`, which renders the idle card (the DOM bench/lit-idle-widget.js builds in bare Lit).
const TAG = {
  widget: 'cobrowse-widget',
  'idle-card': 'cobrowse-widget',
  floor: 'hello-world',
  'idle-dom': 'idle-widget',
};
const ATTRIBUTES = { 'idle-card': { 'hide-when-idle': 'false' } };
const PAGE = { 'idle-card': 'widget' };

// ---- 1. bytes ------------------------------------------------------------------------------------------------------
const bytes = { widget: measure(join(ROOT, WIDGET)), floor: measure(join(ROOT, FLOOR)) };

// ---- 2. first render: fresh page, create + append the element, until its (and its children's) render completes -----
// The pages take turns (widget, idle card, floor, idle DOM, widget, ...), so a change in the machine's load during
// the run moves all four medians alike instead of one block of pages: the ratios are what the figure is about.
async function firstRenderOn(name) {
  const { tab } = await fresh(PAGE[name] ?? name);
  const ms = await tab.evaluate(firstRenderInPage, TAG[name], false, ATTRIBUTES[name] ?? {});
  await tab.close();
  return ms;
}
const renderSamples = { widget: [], 'idle-card': [], floor: [], 'idle-dom': [] };
for (let i = 0; i < N.firstRenderPages; i++) {
  for (const name of Object.keys(renderSamples)) renderSamples[name].push(await firstRenderOn(name));
}
const renderMedian = (name) => ({ medianMs: round(median(renderSamples[name]), 3), pages: N.firstRenderPages });
const [render, idleCardRender, idleDomRender] = [
  { widget: renderMedian('widget'), floor: renderMedian('floor') },
  renderMedian('idle-card'),
  renderMedian('idle-dom'),
];

// ---- 3. ingest -> DOM: one valid event at a time, each awaited until the DOM shows it ----------------------------------
// Bare Cobrowsesession updates (camelCase, the wire format), each newer than the last and each changing the state.
const STREAM_SETUP = `(() => {
  const states = ['alerting', 'contacting', 'connected'];
  const t0 = Date.parse('2026-11-22T09:00:00.000Z');
  window.__event = (i, state = states[i % states.length]) => ({
    id: 'bench-comm', state, cobrowseSessionId: 'bench-session', cobrowseRole: 'sharer', controlling: [],
    startAlertingTime: new Date(t0).toISOString(), providerEventTime: new Date(t0 + (i + 1) * 1000).toISOString(),
  });
})()`;

async function stream() {
  const { tab, errors } = await fresh('widget-bare');
  await tab.evaluate(STREAM_SETUP);
  const runs = [];
  for (let run = 0; run < N.streamRuns; run++) {
    runs.push(
      await tab.evaluate(
        async (count, run) => {
          const el = document.createElement('cobrowse-widget');
          el.setAttribute('hide-when-idle', 'false'); // shown while idle: see MOUNT
          document.body.append(el);
          const badge = () => el.shadowRoot.querySelector('cobrowse-badge');
          await el.updateComplete;
          window.CobrowseWidget.reset();
          // Made before the clock starts, as the coalesced figure's are: the figure is ingest to DOM, not the
          // bench making its test data (six ISO strings an envelope, 3-4 µs of the per-event figure).
          const events = [];
          for (let i = run * count; i < (run + 1) * count; i++) events.push(window.__event(i));
          const t0 = performance.now();
          for (const event of events) {
            window.CobrowseWidget.ingest(event);
            await el.updateComplete;
            await badge().updateComplete;
          }
          const ms = performance.now() - t0;
          const expected = ['alerting', 'connecting', 'connected'][((run + 1) * count - 1) % 3];
          const shown = badge().getAttribute('connection') === expected;
          el.remove();
          return { ms, shown };
        },
        N.streamEvents,
        run,
      ),
    );
  }
  await tab.close();
  const ms = median(runs.map((r) => r.ms));
  return {
    events: N.streamEvents,
    runs: runs.length,
    eventsPerSecond: Math.round((N.streamEvents / ms) * 1000),
    microsPerEvent: round((ms * 1000) / N.streamEvents, 1),
    domShowsEachEvent: runs.every((r) => r.shown),
    errors,
  };
}

// The floor: set a property on a Lit element and await its render, the least a Lit re-render costs.
async function floorStream() {
  const { tab } = await fresh('floor');
  const runs = [];
  for (let run = 0; run < N.streamRuns; run++) {
    runs.push(
      await tab.evaluate(async (count) => {
        const el = document.createElement('hello-world');
        document.body.append(el);
        await el.updateComplete;
        const t0 = performance.now();
        for (let i = 0; i < count; i++) {
          el.name = `event ${i}`;
          await el.updateComplete;
        }
        const ms = performance.now() - t0;
        el.remove();
        return ms;
      }, N.streamEvents),
    );
  }
  await tab.close();
  const ms = median(runs);
  return {
    eventsPerSecond: Math.round((N.streamEvents / ms) * 1000),
    microsPerEvent: round((ms * 1000) / N.streamEvents, 1),
  };
}
const throughput = { widget: await stream(), floor: await floorStream() };

// ---- 3b. ingest throughput, rendering coalesced: conversation envelopes, zod's safeParse of the same as the floor ----------
// A notification-service envelope around a conversation of two participants (customer and agent), each with its
// co-browse session; each envelope newer than the last (its providerEventTime), and each changing the view (the
// agent takes and gives back control), so no ingest is a no-op the store could skip.
const ENVELOPE_SETUP = `(() => {
  const t0 = Date.parse('2026-11-22T09:00:00.000Z');
  const time = (s) => new Date(t0 + s * 1000).toISOString();
  const session = (id, role, controlling, i) => ({
    id, state: 'connected', cobrowseSessionId: 'bench-session', cobrowseRole: role, controlling,
    startAlertingTime: time(0), connectedTime: time(1), providerEventTime: time(i + 2),
  });
  window.__envelope = (i) => ({
    topicName: 'v2.users.user-1.conversations.cobrowsesessions',
    version: '2',
    eventBody: {
      id: 'bench-conversation',
      participants: [
        { id: 'bench-customer', name: 'Pat Customer', purpose: 'customer', state: 'connected',
          cobrowsesessions: [session('bench-comm-customer', 'sharer', [], i)] },
        { id: 'bench-agent', name: 'Alex Agent', purpose: 'agent', state: 'connected',
          cobrowsesessions: [session('bench-comm-agent', 'viewer', i % 2 ? ['bench-customer'] : [], i)] },
      ],
    },
    metadata: { CorrelationId: 'corr-' + i },
  });
})()`;

/**
 * Mounts a widget on `tab` and waits for its first render (and its badge's). The figures after the first render
 * measure a shown widget's updates, as they did before the widget hid while idle by default: so their widgets show
 * the idle card (`hide-when-idle="false"`) before the first event, and that event pays an update, not a hidden
 * widget's whole first render.
 */
const MOUNT = async () => {
  const el = document.createElement('cobrowse-widget');
  el.setAttribute('hide-when-idle', 'false');
  document.body.append(el);
  await el.updateComplete;
  await el.shadowRoot.querySelector('cobrowse-badge')?.updateComplete;
  window.__el = el;
};

async function ingestCoalesced() {
  const { tab, errors } = await fresh('widget-bare');
  await tab.evaluate(ENVELOPE_SETUP);
  await tab.evaluate(MOUNT);
  const runs = [];
  for (let run = 0; run < N.envelopeRuns; run++) {
    runs.push(
      await tab.evaluate(
        async (count, run) => {
          const envelopes = [];
          for (let i = run * count; i < (run + 1) * count; i++) envelopes.push(window.__envelope(i));
          const el = window.__el;
          const t0 = performance.now();
          let rejected = 0;
          for (const envelope of envelopes) if (!window.CobrowseWidget.ingest(envelope).ok) rejected++;
          await el.updateComplete;
          await el.shadowRoot.querySelector('cobrowse-badge').updateComplete;
          return { ms: performance.now() - t0, rejected, connection: el.getAttribute('connection') };
        },
        N.envelopes,
        run,
      ),
    );
  }
  await tab.close();
  const ms = median(runs.map((r) => r.ms));
  return {
    envelopes: N.envelopes,
    runs: runs.length,
    envelopesPerSecond: Math.round((N.envelopes / ms) * 1000),
    microsPerEnvelope: round((ms * 1000) / N.envelopes, 2),
    rejected: runs.reduce((sum, r) => sum + r.rejected, 0),
    shown: runs.every((r) => r.connection === 'connected'),
    errors,
  };
}

// The same envelopes one at a time, each awaited until the DOM shows it: a live session's steady state (the state
// stays connected; who controls my page changes every event, which the badge and the widget show).
async function streamConnected() {
  const { tab, errors } = await fresh('widget-bare');
  await tab.evaluate(ENVELOPE_SETUP);
  await tab.evaluate(MOUNT);
  const runs = [];
  for (let run = 0; run < N.streamRuns; run++) {
    runs.push(
      await tab.evaluate(
        async (count, run) => {
          const el = window.__el;
          const badge = el.shadowRoot.querySelector('cobrowse-badge');
          let shown = true;
          // Made before the clock starts (see the state-cycle stream).
          const envelopes = [];
          for (let i = run * count; i < (run + 1) * count; i++) envelopes.push(window.__envelope(i));
          const t0 = performance.now();
          for (let i = 0; i < count; i++) {
            window.CobrowseWidget.ingest(envelopes[i]);
            await el.updateComplete;
            await badge.updateComplete;
            // The agent controls my page after every odd envelope.
            shown &&= badge.hasAttribute('controlled') === ((run * count + i) % 2 === 1);
          }
          return { ms: performance.now() - t0, shown };
        },
        N.streamEvents,
        run,
      ),
    );
  }
  await tab.close();
  const ms = median(runs.map((r) => r.ms));
  return {
    events: N.streamEvents,
    runs: runs.length,
    microsPerEvent: round((ms * 1000) / N.streamEvents, 1),
    domShowsEachEvent: runs.every((r) => r.shown),
    errors,
  };
}

async function zodFloor() {
  const { tab } = await fresh('zod');
  await tab.evaluate(ENVELOPE_SETUP);
  const runs = [];
  for (let run = 0; run < N.envelopeRuns; run++) {
    runs.push(
      await tab.evaluate(
        (count, run) => {
          const envelopes = [];
          for (let i = run * count; i < (run + 1) * count; i++) envelopes.push(window.__envelope(i));
          const t0 = performance.now();
          const ok = window.__zodFloor(envelopes);
          return { ms: performance.now() - t0, ok };
        },
        N.envelopes,
        run,
      ),
    );
  }
  await tab.close();
  const ms = median(runs.map((r) => r.ms));
  return {
    envelopesPerSecond: Math.round((N.envelopes / ms) * 1000),
    microsPerEnvelope: round((ms * 1000) / N.envelopes, 2),
    allValid: runs.every((r) => r.ok === N.envelopes),
  };
}

// ---- 3c. a 1,000-event resync passed to ingest as one array, with its render: how long is that task? ------------------
// The ingest and the render that follows it run in one task (Lit renders in microtasks), so the time from the call
// to the rendered DOM is the task's length. (A `longtask` PerformanceObserver would only see tasks over 50 ms, and
// delivers its entries late: the task is timed directly instead.)
async function batch() {
  const { tab, errors } = await fresh('widget-bare');
  await tab.evaluate(ENVELOPE_SETUP);
  await tab.evaluate(MOUNT);
  const runs = [];
  for (let run = 0; run < N.batchRuns; run++) {
    runs.push(
      await tab.evaluate(
        async (count, run) => {
          const events = [];
          for (let i = run * count; i < (run + 1) * count; i++) events.push(window.__envelope(i));
          const el = window.__el;
          const t0 = performance.now();
          const ok = window.CobrowseWidget.ingest(events).ok;
          await el.updateComplete;
          await el.shadowRoot.querySelector('cobrowse-badge').updateComplete;
          return { ms: performance.now() - t0, ok };
        },
        N.batch,
        run,
      ),
    );
  }
  await tab.close();
  return {
    events: N.batch,
    runs: runs.length,
    medianMs: round(median(runs.map((r) => r.ms)), 2),
    maxMs: round(Math.max(...runs.map((r) => r.ms)), 2),
    allOk: runs.every((r) => r.ok),
    errors,
  };
}

// ---- 3d. where the time goes: a CPU profile of the ingest workloads, self time attributed to layers -------------------
// Each sample's function is mapped through the build's source map to its source file, and the file to its layer.
// Built-ins (JSON.stringify, regexp, Intl, ...) have no source: their time goes to the nearest caller that has one.
const LAYERS = [
  [/src\/model\//, 'parse + validate (src/model)'],
  [/node_modules\/zod\//, 'parse + validate (zod)'],
  [/src\/store\/(reduce|order)\.ts/, 'reduce + order'],
  [/src\/store\/derive\.ts/, 'derive'],
  [/src\/store\//, 'store: commit + change detection + notify'],
  [/src\/components\//, 'render (our components)'],
  [/node_modules\/(lit|lit-html|lit-element|@lit)/, 'render (Lit)'],
  [/src\//, 'other (src)'],
];

async function profileLayers() {
  const { SourceMapConsumer } = await import('source-map');
  const consumer = await new SourceMapConsumer(JSON.parse(readFileSync(join(ROOT, `${WIDGET}.map`), 'utf8')));
  const attribute = (profile) => {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const layerCache = new Map();
    const layerOf = (id) => {
      if (layerCache.has(id)) return layerCache.get(id);
      const { callFrame } = byId.get(id);
      let layer;
      if (callFrame.url.endsWith(WIDGET)) {
        const source = consumer.originalPositionFor({
          line: callFrame.lineNumber + 1,
          column: callFrame.columnNumber,
        }).source;
        layer = LAYERS.find(([pattern]) => pattern.test(source ?? ''))?.[1] ?? 'other (src)';
      } else if (callFrame.functionName === '(garbage collector)') layer = 'garbage collection';
      else if (/^\((program|idle|root)\)$/.test(callFrame.functionName)) layer = null;
      else layer = parent.has(id) ? layerOf(parent.get(id)) : 'bench harness / other';
      layerCache.set(id, layer);
      return layer;
    };
    // The nearest function with a source, for the top-functions list (a built-in is charged to its caller).
    const placeOf = (id) => {
      const { callFrame } = byId.get(id);
      if (callFrame.url.endsWith(WIDGET)) {
        const at = consumer.originalPositionFor({ line: callFrame.lineNumber + 1, column: callFrame.columnNumber });
        return `${at.source?.replace(/^.*?(src|node_modules)\//, '$1/')}:${at.line} ${at.name ?? callFrame.functionName}`;
      }
      return parent.has(id) ? placeOf(parent.get(id)) : callFrame.functionName || '(anonymous)';
    };
    const ms = {};
    const places = {};
    profile.samples.forEach((id, i) => {
      const layer = layerOf(id);
      if (!layer) return;
      ms[layer] = (ms[layer] ?? 0) + profile.timeDeltas[i] / 1000;
      const place = `${placeOf(id)} ${byId.get(id).callFrame.url ? '' : `[${byId.get(id).callFrame.functionName}]`}`;
      places[place] = (places[place] ?? 0) + profile.timeDeltas[i] / 1000;
    });
    const total = Object.values(ms).reduce((a, b) => a + b, 0);
    const shares = (entries, top) =>
      Object.fromEntries(
        Object.entries(entries)
          .sort(([, a], [, b]) => b - a)
          .slice(0, top)
          .map(([name, value]) => [name, { ms: round(value, 1), share: round(value / total, 3) }]),
      );
    return { totalMs: round(total, 1), layers: shares(ms), topFunctions: shares(places, 15) };
  };
  const run = async (workload, count) => {
    const { tab } = await fresh('widget-bare');
    await tab.evaluate(ENVELOPE_SETUP);
    await tab.evaluate(STREAM_SETUP);
    await tab.evaluate(MOUNT);
    const cdp = await tab.target().createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await tab.evaluate(workload, count);
    const { profile } = await cdp.send('Profiler.stop');
    await tab.close();
    return attribute(profile);
  };
  const result = {
    coalescedEnvelopes: await run(async (count) => {
      for (let i = 0; i < count; i++) window.CobrowseWidget.ingest(window.__envelope(i));
      await window.__el.updateComplete;
    }, N.envelopes),
    ingestToDomConnected: await run(async (count) => {
      const el = window.__el;
      for (let i = 0; i < count; i++) {
        window.CobrowseWidget.ingest(window.__envelope(i));
        await el.updateComplete;
        await el.shadowRoot.querySelector('cobrowse-badge').updateComplete;
      }
    }, N.streamEvents),
    ingestToDom: await run(async (count) => {
      const el = window.__el;
      for (let i = 0; i < count; i++) {
        window.CobrowseWidget.ingest(window.__event(i));
        await el.updateComplete;
        await el.shadowRoot.querySelector('cobrowse-badge').updateComplete;
      }
    }, N.streamEvents),
  };
  consumer.destroy?.();
  return result;
}
const coalesced = { widget: await ingestCoalesced(), floor: await zodFloor() };
const connectedStream = await streamConnected();
const batchResult = await batch();
const profile = await profileLayers();
// ---- 3e. time per layer, model and store alone, now and as before issue 15 (the frozen references; bench/layers.mjs) ---
const layerTimes = await layers({ browser, ...(QUICK ? { envelopes: 1000, rounds: 3 } : {}) });

// ---- 4. a 10,000-event burst in one task: how many renders, and does the DOM end on the newest event? -------------------
async function burst() {
  const { tab, errors } = await fresh('widget-bare');
  await tab.evaluate(STREAM_SETUP);
  const result = await tab.evaluate(async (count) => {
    let renders = 0;
    for (const tag of ['cobrowse-widget', 'cobrowse-badge', 'cobrowse-controls']) {
      const proto = customElements.get(tag)?.prototype;
      if (!proto) continue;
      const update = proto.update;
      proto.update = function (changed) {
        renders++;
        return update.call(this, changed);
      };
    }
    const el = document.createElement('cobrowse-widget');
    el.setAttribute('hide-when-idle', 'false'); // shown while idle: see MOUNT
    document.body.append(el);
    await el.updateComplete;
    const badge = el.shadowRoot.querySelector('cobrowse-badge');
    await badge.updateComplete;
    const elements = 1 + el.shadowRoot.querySelectorAll('cobrowse-badge, cobrowse-controls').length;
    renders = 0;
    // In order, except that the newest event (disconnected) arrives in the middle and older ones follow it.
    const events = [];
    for (let i = 0; i < count - 1; i++) events.push(window.__event(i));
    events.splice(count >> 1, 0, window.__event(count, 'disconnected'));
    const t0 = performance.now();
    let rejected = 0;
    for (const event of events) if (!window.CobrowseWidget.ingest(event).ok) rejected++;
    const ingestMs = performance.now() - t0;
    await el.updateComplete;
    await badge.updateComplete;
    return {
      renders,
      elements,
      ingestMs,
      rejected,
      newestShown:
        badge.getAttribute('connection') === 'disconnected' && el.getAttribute('connection') === 'disconnected',
    };
  }, N.burst);
  await tab.close();
  return { events: N.burst, ...result, ingestMs: round(result.ingestMs, 1), errors };
}
const burstResult = await burst();

// ---- 5. retained heap after N mount / unmount cycles --------------------------------------------------------------------
async function heap(name) {
  const { tab } = await fresh(name);
  const cdp = await tab.createCDPSession();
  const used = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const cycle = (count) =>
    tab.evaluate(
      async (tag, count) => {
        if (window.CobrowseWidget) {
          window.CobrowseWidget.ingest(window.__event?.(0) ?? {});
        }
        for (let i = 0; i < count; i++) {
          const el = document.createElement(tag);
          document.body.append(el);
          await el.updateComplete;
          el.remove();
        }
      },
      TAG[name],
      count,
    );
  await tab.evaluate(STREAM_SETUP);
  await cycle(10); // warm up: first-use caches (templates, styles, schemas) are not leaks
  const before = await used();
  await cycle(N.cycles);
  const after = await used();
  await tab.close();
  return {
    cycles: N.cycles,
    beforeBytes: before,
    afterBytes: after,
    retainedBytes: after - before,
    perCycleBytes: round((after - before) / N.cycles, 1),
  };
}
const heaps = { widget: await heap('widget'), floor: await heap('floor') };

// ---- 6. timers and animation frames on an idle page ----------------------------------------------------------------------
async function idle(name, session) {
  const { tab } = await fresh(name);
  await tab.evaluate(STREAM_SETUP);
  await tab.evaluate(
    async (tag, session) => {
      const el = document.createElement(tag);
      document.body.append(el);
      if (session && window.CobrowseWidget) window.CobrowseWidget.ingest(window.__event(0, 'connected'));
      await el.updateComplete;
      window.__resetTimerCalls();
    },
    TAG[name],
    session,
  );
  await new Promise((done) => setTimeout(done, N.idleMs));
  const timers = await tab.evaluate(() => window.__timers());
  await tab.close();
  return { idleMs: N.idleMs, ...timers };
}
const idleResult = {
  widgetNoSession: await idle('widget', false),
  widgetConnected: await idle('widget', true),
  floor: await idle('floor', false),
};

// ---- 7. the two-stage script tag: the core's bytes and evaluate time, its idle page, first payload to prompt ----------
const core = {
  bytes: measure(join(ROOT, CORE)),
  ...(await benchCore({ browser, base: BASE, root: ROOT, out: OUT, pages: N.firstRenderPages, idleMs: N.idleMs })),
};

await browser.close();
server.close();

const kb = (n) => n.toLocaleString('en-US');

// ---- report ----------------------------------------------------------------------------------------------------------------
const ratio = (a, b) => (b ? round(a / b, 2) : null);
let nproc;
try {
  nproc = Number(execFileSync('nproc').toString().trim());
} catch {
  nproc = cpus().length;
}
const results = {
  date: new Date().toISOString(),
  command: `npm run bench${QUICK ? ' -- --quick' : ''}`,
  quick: QUICK,
  machine: {
    nproc,
    cpu: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${process.platform} ${process.arch}`,
    node: process.version,
    browser: chromium,
  },
  lit: JSON.parse(readFileSync(join(ROOT, 'node_modules/lit/package.json'), 'utf8')).version,
  bytes: { ...bytes, gzipRatio: ratio(bytes.widget.gzip, bytes.floor.gzip) },
  firstRender: {
    ...render,
    ratio: ratio(render.widget.medianMs, render.floor.medianMs),
    // The same DOM in bare Lit: its ratio to the hello world is what Lit needs for what the idle widget shows, and
    // the widget's ratio to it is what our code (store, strings, context, top layer) adds on top.
    idleDom: {
      ...idleDomRender,
      ratioToFloor: ratio(idleDomRender.medianMs, render.floor.medianMs),
    },
    // The default widget hides while idle (renders nothing); what showing the idle card costs stays visible here.
    idleCard: {
      ...idleCardRender,
      ratioToFloor: ratio(idleCardRender.medianMs, render.floor.medianMs),
      ratioToIdleDom: ratio(idleCardRender.medianMs, idleDomRender.medianMs),
    },
    // The one-file build's evaluate (parse, compile, run: defining the tags, creating the store), so that work moved
    // from the first render to load time shows here.
    evaluate: core.evaluate.fullMs,
  },
  ingestToDom: {
    ...throughput,
    ratio: ratio(throughput.widget.microsPerEvent, throughput.floor.microsPerEvent),
    connected: {
      ...connectedStream,
      ratio: ratio(connectedStream.microsPerEvent, throughput.floor.microsPerEvent),
    },
  },
  ingestCoalesced: {
    ...coalesced,
    ratio: ratio(coalesced.widget.envelopesPerSecond, coalesced.floor.envelopesPerSecond),
  },
  batch: {
    ...batchResult,
    // The floor: zod validating the same 1,000 envelopes (its per-envelope time from 3b).
    floorMs: round((coalesced.floor.microsPerEnvelope * N.batch) / 1000, 2),
  },
  burst: burstResult,
  // A ratio to a floor that retains nothing (or shrinks) means nothing: report the excess per cycle instead.
  heap: { ...heaps, excessPerCycleBytes: round(heaps.widget.perCycleBytes - heaps.floor.perCycleBytes, 1) },
  idle: idleResult,
  core,
  profile,
  layerTimes,
  seconds: round((Date.now() - started) / 1000, 1),
};
// Issue 15's targets: each figure, its floor from this run, the ratio, and whether the target is met.
results.targets = [
  {
    figure: 'ingest, rendering coalesced (envelopes/s)',
    value: coalesced.widget.envelopesPerSecond,
    floor: coalesced.floor.envelopesPerSecond,
    floorName: 'zod/mini safeParse, same envelopes',
    ratio: results.ingestCoalesced.ratio,
    target: '>= 125,000 envelopes/s',
    met: coalesced.widget.envelopesPerSecond >= 125_000 && coalesced.widget.rejected === 0,
  },
  {
    figure: 'ingest -> DOM, one at a time, connected session (µs/event)',
    value: connectedStream.microsPerEvent,
    floor: throughput.floor.microsPerEvent,
    floorName: 'Lit property update + render',
    ratio: results.ingestToDom.connected.ratio,
    target: '<= 20 µs/event (aim 8)',
    met: connectedStream.microsPerEvent <= 20 && connectedStream.domShowsEachEvent,
  },
  {
    figure: 'ingest -> DOM, one at a time, state cycle with prompt (µs/event)',
    value: throughput.widget.microsPerEvent,
    floor: throughput.floor.microsPerEvent,
    floorName: 'Lit property update + render',
    ratio: results.ingestToDom.ratio,
    target: '<= 20 µs/event (aim 8)',
    met: throughput.widget.microsPerEvent <= 20 && throughput.widget.domShowsEachEvent,
  },
  {
    figure: 'first render of <cobrowse-widget> (ms)',
    value: render.widget.medianMs,
    floor: render.floor.medianMs,
    floorName: 'Lit hello world',
    ratio: results.firstRender.ratio,
    target: '<= 1.5x the floor',
    met: results.firstRender.ratio <= 1.5,
  },
  {
    figure: `${kb(N.batch)}-event batch + render, longest task (ms)`,
    value: batchResult.maxMs,
    floor: results.batch.floorMs,
    floorName: 'zod/mini safeParse of the same envelopes',
    ratio: ratio(batchResult.maxMs, results.batch.floorMs),
    target: '<= 16 ms',
    met: batchResult.maxMs <= 16 && batchResult.allOk,
  },
  {
    figure: `${kb(N.burst)} events in one task (renders)`,
    value: burstResult.renders,
    floor: burstResult.elements,
    floorName: 'one per element',
    ratio: ratio(burstResult.renders, burstResult.elements),
    target: 'one render per element, newest shown',
    met: burstResult.renders === burstResult.elements && burstResult.newestShown,
  },
  {
    figure: `retained heap after ${kb(N.cycles)} mount/unmount (B)`,
    value: heaps.widget.retainedBytes,
    floor: heaps.floor.retainedBytes,
    floorName: 'Lit hello world, same cycles',
    ratio: null,
    target: '< 100 KB',
    met: heaps.widget.retainedBytes < 100_000,
  },
];
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const active = (t) =>
  `${t.active.timeouts} timeouts, ${t.active.intervals} intervals, ${t.active.frames} frames pending; ` +
  `${t.calls.setTimeout + t.calls.setInterval + t.calls.requestAnimationFrame} scheduled, ` +
  `${t.fired.setTimeout + t.fired.setInterval + t.fired.requestAnimationFrame} callbacks run in ${t.idleMs} ms`;
const rows = [
  ['metric', 'cobrowse-widget', 'Lit hello world (floor)', 'ratio'],
  ['bytes min', kb(bytes.widget.min), kb(bytes.floor.min), ratio(bytes.widget.min, bytes.floor.min)],
  ['bytes gzip', kb(bytes.widget.gzip), kb(bytes.floor.gzip), ratio(bytes.widget.gzip, bytes.floor.gzip)],
  ['bytes brotli', kb(bytes.widget.brotli), kb(bytes.floor.brotli), ratio(bytes.widget.brotli, bytes.floor.brotli)],
  [
    `first render, median of ${N.firstRenderPages} pages`,
    `${render.widget.medianMs} ms`,
    `${render.floor.medianMs} ms`,
    results.firstRender.ratio,
  ],
  [
    `first render, idle card shown (hide-when-idle="false"); ratio to the idle DOM in bare Lit`,
    `${idleCardRender.medianMs} ms (${results.firstRender.idleCard.ratioToIdleDom}x the idle DOM)`,
    `${render.floor.medianMs} ms`,
    results.firstRender.idleCard.ratioToFloor,
  ],
  [
    `first render: the idle card's DOM in bare Lit (bench/lit-idle-widget.js)`,
    `${idleDomRender.medianMs} ms`,
    `${render.floor.medianMs} ms`,
    results.firstRender.idleDom.ratioToFloor,
  ],
  [
    `one-file build: evaluate (parse, compile, run), median of ${N.firstRenderPages} pages`,
    `${core.evaluate.fullMs} ms`,
    `${core.evaluate.floorMs} ms`,
    ratio(core.evaluate.fullMs, core.evaluate.floorMs),
  ],
  [
    `ingest -> DOM, ${N.streamEvents} events (median of ${N.streamRuns})`,
    `${kb(throughput.widget.eventsPerSecond)} ev/s, ${throughput.widget.microsPerEvent} µs/ev`,
    `${kb(throughput.floor.eventsPerSecond)} renders/s, ${throughput.floor.microsPerEvent} µs`,
    results.ingestToDom.ratio,
  ],
  [
    `${kb(N.burst)}-event burst`,
    `${burstResult.renders} renders of ${burstResult.elements} elements in ${burstResult.ingestMs} ms; newest shown: ${burstResult.newestShown ? 'yes' : 'NO'}`,
    '',
    '',
  ],
  [
    `retained heap after ${kb(N.cycles)} mount/unmount`,
    `${kb(heaps.widget.retainedBytes)} B (${heaps.widget.perCycleBytes} B/cycle)`,
    `${kb(heaps.floor.retainedBytes)} B (${heaps.floor.perCycleBytes} B/cycle)`,
    `+${results.heap.excessPerCycleBytes} B/cycle`,
  ],
  ['idle page, no session', active(idleResult.widgetNoSession), active(idleResult.floor), ''],
  ['idle page, connected session', active(idleResult.widgetConnected), '', ''],
  [
    'core: bytes gzip (dist/cobrowse-widget.min.js)',
    kb(core.bytes.gzip),
    kb(bytes.floor.gzip),
    ratio(core.bytes.gzip, bytes.floor.gzip),
  ],
  [
    `core: evaluate (parse, compile, run), median of ${N.firstRenderPages} pages`,
    `${core.evaluate.coreMs} ms`,
    `${core.evaluate.floorMs} ms`,
    core.evaluate.ratio,
  ],
  [
    'core: idle page',
    `${core.idle.scriptRequests} script request(s); UI defined: ${core.idle.sessionUiDefined ? 'YES' : 'no'}; ` +
      `${core.idle.pending.timeouts} timeouts, ${core.idle.pending.intervals} intervals, ${core.idle.pending.frames} frames pending; ${core.idle.callbacksRun} callbacks run`,
    '',
    '',
  ],
  [
    'first session payload -> consent prompt visible, cold cache (vs the one-file build)',
    `${core.firstPayloadToPrompt.coreColdMs} ms`,
    `${core.firstPayloadToPrompt.fullMs} ms (one file)`,
    core.firstPayloadToPrompt.ratio,
  ],
];
function printTable(table) {
  const widths = table[0].map((_, col) => Math.max(...table.map((row) => String(row[col] ?? '').length)));
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, col) => String(cell ?? '').padEnd(widths[col])).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
}
printTable(rows);
console.log('');
printTable([
  ['target', 'value', 'floor', 'ratio', 'target', 'met'],
  ...results.targets.map((t) => [
    t.figure,
    typeof t.value === 'number' ? kb(t.value) : t.value,
    `${kb(t.floor)} (${t.floorName})`,
    t.ratio ?? '',
    t.target,
    t.met ? 'yes' : 'NO',
  ]),
]);
for (const [workload, { totalMs, layers, topFunctions }] of Object.entries(profile)) {
  console.log(`\nwhere the time goes (${workload}: ${totalMs} ms of CPU profile self time):`);
  printTable([
    ['layer', 'ms', 'share'],
    ...Object.entries(layers).map(([layer, { ms, share }]) => [layer, ms, `${round(share * 100, 1)}%`]),
  ]);
  if (process.argv.includes('--functions')) {
    printTable([
      ['function (source:line)', 'ms', 'share'],
      ...Object.entries(topFunctions).map(([name, { ms, share }]) => [name, ms, `${round(share * 100, 1)}%`]),
    ]);
  }
}
const cpuRows = Object.entries(layerTimes.microsPerEnvelope);
console.log(
  `\nµs per envelope by layer, model and store alone (Chromium, median of ${layerTimes.rounds} interleaved rounds; ` +
    `reference: test/model/reference + test/store/reference, as before issue 15):`,
);
printTable([
  ['model + store', 'parse + validate', 'reduce + order', 'derive', 'whole ingest', '1,000 in one ingest (ms)'],
  ...cpuRows.map(([name, f]) => [name, f.parse, f.reduce, f.derive, f.ingest, f.batch]),
  ...(layerTimes.speedup
    ? [['x faster', ...['parse', 'reduce', 'derive', 'ingest', 'batch'].map((k) => `${layerTimes.speedup[k]}x`)]]
    : []),
]);
console.log(
  `\n${chromium}, ${nproc} CPU (${results.machine.cpu}), node ${process.version}, Lit ${results.lit}; ${results.seconds} s`,
);
const pageErrors = [
  ...throughput.widget.errors,
  ...burstResult.errors,
  ...coalesced.widget.errors,
  ...batchResult.errors,
  ...connectedStream.errors,
];
if (pageErrors.length) console.log(`page errors: ${pageErrors.join('; ')}`);
console.log('wrote bench/results.json');
