// The two-stage script tag's figures for `npm run bench` (bench/run.mjs calls `benchCore`):
//  - the core's evaluate time (parse, compile, run, from its text, no network) against the Lit hello world's, each
//    median of fresh pages, as a ratio;
//  - an idle page with the core: script requests, timers and animation frames pending, and callbacks run over a
//    quiet stretch (0 is the target: the core schedules nothing until a session comes);
//  - the time from the first session payload to the consent prompt being visible, with a cold cache (the session
//    UI fetched from the local server, no-store), against the same with the one-file build, whose UI is already
//    there: what the second stage costs the customer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 2) => Number(value.toFixed(digits));

/** The offer the bench sends: a co-browse session alerting, the start of every session. */
const OFFER = {
  id: 'bench-comm',
  state: 'alerting',
  cobrowseSessionId: 'bench-session',
  cobrowseRole: 'sharer',
  controlling: [],
  startAlertingTime: '2026-11-22T09:00:00.000Z',
  providerEventTime: '2026-11-22T09:00:01.000Z',
};

export async function benchCore({ browser, base, root, out, pages, idleMs }) {
  const html = (name, head, body = '') =>
    writeFileSync(
      join(out, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${head}</head><body>${body}</body></html>`,
    );
  html('evaluate', '');
  html(
    'core-idle',
    `<script src="/bench/.build/instrument.js"></script><script src="/dist/cobrowse-widget.min.js" data-mount></script>`,
  );
  html('core-prompt', `<script src="/dist/cobrowse-widget.min.js" data-mount></script>`);
  html('full-prompt', `<script src="/dist/cobrowse-widget.full.min.js" data-mount></script>`);

  const open = async (name, { cache = true } = {}) => {
    const tab = await browser.newPage();
    await tab.setCacheEnabled(cache);
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${base}/bench/.build/${name}.html`, { waitUntil: 'load' });
    return { tab, errors };
  };

  // ---- evaluate: an inline script's parse + compile + run, timed around its insertion (it runs synchronously) --
  async function evaluate(file) {
    const code = readFileSync(join(root, file), 'utf8');
    const samples = [];
    for (let i = 0; i < pages; i++) {
      const { tab } = await open('evaluate');
      samples.push(
        await tab.evaluate((text) => {
          const script = document.createElement('script');
          script.textContent = text;
          const t0 = performance.now();
          document.head.append(script);
          return performance.now() - t0;
        }, code),
      );
      await tab.close();
    }
    return round(median(samples), 3);
  }
  const coreEvaluateMs = await evaluate('dist/cobrowse-widget.min.js');
  const floorEvaluateMs = await evaluate('bench/.build/lit-hello.min.js');
  // The one-file build too (bench/run.mjs reports it beside the first render).
  const fullEvaluateMs = await evaluate('dist/cobrowse-widget.full.min.js');

  // ---- an idle page with the core ---------------------------------------------------------------------------------
  const idle = await (async () => {
    const { tab, errors } = await open('core-idle');
    const result = await tab.evaluate(async (ms) => {
      window.__resetTimerCalls();
      await new Promise((resolve) => setTimeout(resolve, ms));
      const timers = window.__timers();
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'script')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/dist/'));
      return { timers, scripts, defined: !!customElements.get('cobrowse-widget') };
    }, idleMs);
    await tab.close();
    // The bench's own wait is one timeout: what the page holds besides it.
    const { timers } = result;
    return {
      scriptRequests: result.scripts.length,
      sessionUiDefined: result.defined,
      pending: timers.active,
      callbacksRun: timers.fired.setTimeout - 1 + timers.fired.setInterval + timers.fired.requestAnimationFrame,
      errors,
    };
  })();

  // ---- first session payload -> consent prompt visible, cold cache --------------------------------------------------
  async function toPrompt(name) {
    const samples = [];
    for (let i = 0; i < pages; i++) {
      const { tab } = await open(name, { cache: false });
      samples.push(
        await tab.evaluate(async (offer) => {
          const t0 = performance.now();
          window.CobrowseWidget.ingest(offer);
          // Visible: the widget's Accept button rendered and laid out, and a frame painted after it.
          await new Promise((resolve) => {
            const check = () => {
              const el = document.querySelector('cobrowse-widget');
              const accept = el?.shadowRoot?.querySelector('[data-action="accept"]');
              if (accept && accept.getBoundingClientRect().width > 0) resolve();
              else setTimeout(check, 0);
            };
            check();
          });
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - t0;
        }, OFFER),
      );
      await tab.close();
    }
    return round(median(samples), 2);
  }
  const corePromptMs = await toPrompt('core-prompt');
  const fullPromptMs = await toPrompt('full-prompt');

  return {
    evaluate: {
      coreMs: coreEvaluateMs,
      floorMs: floorEvaluateMs,
      ratio: round(coreEvaluateMs / floorEvaluateMs),
      fullMs: fullEvaluateMs,
    },
    idle,
    firstPayloadToPrompt: {
      coreColdMs: corePromptMs,
      fullMs: fullPromptMs,
      ratio: round(corePromptMs / fullPromptMs),
      pages,
    },
  };
}
