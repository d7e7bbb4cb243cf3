// Renders the widget's main states (light, dark, right-to-left) in real Chromium to docs/screenshots/*.png, the
// images the README shows. Uses the built script-tag file: run `npm run build` first.
//   node scripts/screenshots.mjs
import { mkdirSync, existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { browserArgs, ensureBrowser } from './browser.mjs';

const OUT = 'docs/screenshots';
const BUNDLE = 'dist/cobrowse-widget.min.js';
if (!existsSync(BUNDLE)) {
  console.error(`screenshots: ${BUNDLE} not found: run npm run build first`);
  process.exit(1);
}

const ANA = { id: 'p-ana', name: 'Ana', purpose: 'agent', role: 'viewer', connection: 'connected', controlling: false };
const BEN = { ...ANA, id: 'p-ben', name: 'Ben' };
const base = {
  sessionId: 's',
  communicationId: 'c',
  peerCount: 0,
  control: { controlledBy: [], controlling: [] },
  peers: [],
  link: 'open',
  others: [],
};
const now = Date.now();
const STATES = {
  offer: {
    ...base,
    connection: 'alerting',
    role: 'sharer',
    kind: 'cobrowse',
    offerExpiresAt: new Date(now + 25_000).toISOString(),
  },
  viewing: {
    ...base,
    connection: 'connected',
    role: 'sharer',
    kind: 'cobrowse',
    connectedSince: new Date(now - 83_000).toISOString(),
    peers: [{ ...ANA, controlling: true }, BEN],
    peerCount: 2,
    control: { controlledBy: [{ ...ANA, controlling: true }], controlling: [] },
  },
  'control-request': {
    ...base,
    connection: 'connected',
    role: 'sharer',
    kind: 'cobrowse',
    connectedSince: new Date(now - 20_000).toISOString(),
    peers: [ANA],
    peerCount: 1,
    control: {
      controlledBy: [],
      controlling: [],
      request: { participantId: 'p-ana', name: 'Ana', requestedAt: '', expiresAt: '' },
    },
  },
  ended: { ...base, connection: 'disconnected', role: 'sharer', kind: 'cobrowse', disconnectType: 'endpoint' },
};
const THEMES = {
  light: { theme: 'light', dir: 'ltr', lang: 'en', page: '#f3f4f6' },
  dark: { theme: 'dark', dir: 'ltr', lang: 'en', page: '#121316' },
  rtl: { theme: 'light', dir: 'rtl', lang: 'en', page: '#f3f4f6' },
};

mkdirSync(OUT, { recursive: true });
const browser = await puppeteer.launch({ executablePath: ensureBrowser(), headless: true, args: browserArgs() });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 520, height: 360, deviceScaleFactor: 2 });
  for (const [themeName, { theme, dir, lang, page: background }] of Object.entries(THEMES)) {
    for (const [stateName, view] of Object.entries(STATES)) {
      await page.setContent(
        `<!doctype html><html lang="${lang}" dir="${dir}"><body style="margin:0;height:100vh;background:${background}"></body></html>`,
      );
      await page.addScriptTag({ path: BUNDLE });
      await page.evaluate(
        async (view, theme, open) => {
          // A store over one fixed view: the SessionStore interface, no payloads.
          const store = {
            getState: () => view,
            subscribe: () => () => {},
            on: () => () => {},
            act: (d) => d,
            ingest: () => ({ ok: true, changed: false, warnings: [] }),
            reset() {},
            settle() {},
            setLink() {},
          };
          const el = document.createElement('cobrowse-widget');
          el.store = store;
          el.theme = theme;
          el.open = open;
          document.body.append(el);
          await el.updateComplete;
          await Promise.all([...el.shadowRoot.querySelectorAll('*')].map((e) => e.updateComplete));
          document.activeElement?.blur?.();
        },
        view,
        theme,
        stateName === 'viewing',
      );
      const file = `${OUT}/${stateName}-${themeName}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    }
  }
} finally {
  await browser.close();
}
