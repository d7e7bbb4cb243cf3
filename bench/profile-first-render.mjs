// `node bench/profile-first-render.mjs [pages] [page]`: where the first render goes, measured as bench/run.mjs
// measures it (bench/serve.mjs's firstRenderInPage: a fresh page loads the one-file build, then createElement +
// append + await updateComplete of the element and of its shadow children). `page` is `widget` (default: the default
// widget, hidden while idle), `idle-card` (the widget with `hide-when-idle="false"`), `floor` (the Lit hello world)
// or `idle-dom` (the idle card's DOM in bare Lit); run `npm run bench` (or
// `npm run bench -- --quick`) once first: it builds the pages. The fresh pages take turns between two views, each
// aggregated per page:
//  - a CPU profile (CDP Profiler, 50 µs sampling; INTERVAL=µs to change) of exactly that window (console.profile
//    inside it), self time mapped through the build's source map: by layer, by function, and inclusive for ours;
//  - a Performance trace (devtools.timeline and V8's compile events) of the same window (between two marks): the
//    self time of each event, which shows what a JS profile does not attribute (style recalc, CSS and HTML parsing,
//    lazy compilation).
// Absolute figures are inflated by the profiler and the machine's load: read the shares.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import puppeteer from 'puppeteer-core';
import { browserArgs, ensureBrowser } from '../scripts/browser.mjs';
import { firstRenderInPage, serve } from './serve.mjs';

const PAGES = Number(process.argv[2] ?? 30);
const VIEW = process.argv[3] ?? 'widget';
const TAG = {
  widget: 'cobrowse-widget',
  'idle-card': 'cobrowse-widget',
  floor: 'hello-world',
  'idle-dom': 'idle-widget',
}[VIEW];
const ATTRIBUTES = VIEW === 'idle-card' ? { 'hide-when-idle': 'false' } : {};
// The idle card is the widget's page with an attribute on the element.
const PAGE = VIEW === 'idle-card' ? 'widget' : VIEW;
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const WIDGET = 'dist/cobrowse-widget.full.min.js';
const map = new TraceMap(readFileSync(join(ROOT, `${WIDGET}.map`), 'utf8'));

/** Where a sampled frame's time goes (self time): the bench's own wrapper is the harness, not the render. */
const LAYERS = [
  [(file, fn) => file === '(harness)' || fn === '(harness)', 'the bench wrapper (harness, not the render)'],
  [(file) => file === 'floor script', "a floor page's script (Lit and its element, not source-mapped)"],
  [(file) => file.startsWith('lit-html/'), 'Lit: templates and parts (lit-html)'],
  [(file) => file.startsWith('@lit/reactive-element/css-tag'), 'styles: CSSStyleSheet, replaceSync, adopt'],
  [(file) => /^(@lit\/reactive-element|lit-element)\//.test(file), 'Lit: element lifecycle (reactive-element)'],
  [(file) => file.startsWith('src/store/'), 'store (src/store)'],
  [(file) => file.startsWith('src/model/'), 'model (src/model)'],
  [(file) => file.startsWith('src/'), 'our components (src/components)'],
  [
    (_, fn) => ['replaceSync', 'CSSStyleSheet', 'adoptedStyleSheets'].includes(fn),
    'styles: CSSStyleSheet, replaceSync, adopt',
  ],
  [(_, fn) => ['showPopover', 'matches', 'querySelector'].includes(fn), 'top layer: showPopover (forces style)'],
  [(_, fn) => fn === '(garbage collector)', 'garbage collection'],
  [(_, fn) => fn === '(program)' || fn === '(idle)', 'V8 / Blink outside JS ((program))'],
  [() => true, 'DOM natives (createElement, importNode, setAttribute, ...)'],
];

function frame(callFrame) {
  const fn = callFrame.functionName;
  if (callFrame.url.startsWith('pptr:')) return { file: '(harness)', fn: '(harness)' };
  if (!callFrame.url.endsWith(WIDGET))
    return { file: callFrame.url ? 'floor script' : '(native)', fn: fn || '(anonymous)' };
  const pos = originalPositionFor(map, { line: callFrame.lineNumber + 1, column: callFrame.columnNumber });
  const file = (pos.source ?? '?').replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
  return { file, fn: `${file}:${pos.line} ${pos.name ?? fn}` };
}

const add = (totals, key, ms) => totals.set(key, (totals.get(key) ?? 0) + ms);
const by = { layer: new Map(), fn: new Map(), inclusive: new Map(), trace: new Map() };
const times = [];

function addProfile(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
  for (const [i, id] of profile.samples.entries()) {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    const { file, fn } = frame(nodes.get(id).callFrame);
    add(by.layer, LAYERS.find(([test]) => test(file, fn))[1], ms);
    add(by.fn, fn, ms);
    // Inclusive: each of our functions once per sample, however deep it recursed.
    const onStack = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) onStack.add(frame(nodes.get(node).callFrame).fn);
    for (const name of onStack) if (name.startsWith('src/')) add(by.inclusive, name, ms);
  }
}

function addTrace(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('user_timing'));
  const [start, end] = [mark('first-render-start'), mark('first-render-end')];
  const inWindow = events
    .filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts)
    .filter((e) => e.ts + (e.dur ?? 0) <= end.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: an event's duration less its children's (events nest on one thread).
  const open = [];
  const self = new Map();
  let covered = 0;
  for (const e of inWindow) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    if (open.length) self.set(open.at(-1), self.get(open.at(-1)) - e.dur);
    else covered += e.dur;
    self.set(e, e.dur);
    open.push(e);
  }
  for (const [e, us] of self) add(by.trace, e.name, us / 1000);
  add(by.trace, '(JS between trace events)', (end.ts - start.ts - covered) / 1000);
}

const server = await serve(ROOT);
const browser = await puppeteer.launch({
  executablePath: ensureBrowser({ install: false }),
  headless: true,
  args: browserArgs(),
});
for (let i = 0; i < PAGES; i++) {
  const tab = await browser.newPage();
  await tab.goto(`${server.base}/bench/.build/${PAGE}.html`, { waitUntil: 'load' });
  const cdp = await tab.createCDPSession();
  const tracing = i % 2 === 1;
  if (tracing) {
    await tab.tracing.start({
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'blink',
        'blink.user_timing',
      ].concat('disabled-by-default-v8.compile'),
    });
  } else {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL ?? 50) });
  }
  const profiled = tracing ? undefined : new Promise((done) => cdp.once('Profiler.consoleProfileFinished', done));
  times.push(await tab.evaluate(firstRenderInPage, TAG, true, ATTRIBUTES));
  if (tracing) addTrace(JSON.parse(Buffer.from(await tab.tracing.stop()).toString('utf8')).traceEvents);
  else addProfile((await profiled).profile);
  await tab.close();
}
await browser.close();
server.close();

const perPage = (totals, n, pages) => {
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([key, ms]) => `${(ms / pages).toFixed(3).padStart(8)} ms ${((100 * ms) / sum).toFixed(1).padStart(5)}%  ${key}`,
    )
    .join('\n');
};
const profiledPages = Math.ceil(PAGES / 2);
const tracedPages = Math.floor(PAGES / 2);
const median = [...times].sort((a, b) => a - b)[times.length >> 1];
console.log(
  `${VIEW} <${TAG}>: first render median ${median.toFixed(2)} ms over ${PAGES} fresh pages (profiled or traced)`,
);
console.log(
  `\nCPU profile, self time per page by layer (${profiledPages} pages):\n${perPage(by.layer, 20, profiledPages)}`,
);
console.log(`\nCPU profile, self time per page by function:\n${perPage(by.fn, 30, profiledPages)}`);
console.log(`\nCPU profile, inclusive time per page of our functions:\n${perPage(by.inclusive, 25, profiledPages)}`);
console.log(`\nTrace, self time per page by event (${tracedPages} pages):\n${perPage(by.trace, 25, tracedPages)}`);
