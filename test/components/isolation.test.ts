// The built script-tag file in real pages: a strict-CSP page, and a hostile-CSS page compared with a clean one.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SessionStore, SessionView } from '../../src/store/index.js';
import { ANA, ANA_CONTROLLING, BEN, viewStore } from './view-store.js';

type Updatable = HTMLElement & { store?: SessionStore; updateComplete: Promise<unknown> };

async function load(path: string, strip?: RegExp): Promise<Window & { violations?: string[] }> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width: 900px; height: 700px';
  // The dev server injects its own live-reload script into the HTML it serves (the CSP rightly blocks it): the
  // page goes in as srcdoc without it, exactly as written in the file.
  const page = await fetch(path).then((r) => r.text());
  iframe.srcdoc = page.replace(/<script[^>]*__web-dev-server__[^>]*><\/script>/g, '').replace(strip ?? '', '');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Window & { CobrowseWidget?: { ready: Promise<unknown> } };
  if (!win.CobrowseWidget) expect.fail('dist/cobrowse-widget.min.js did not load: run npm run build');
  // The page holds the tags, so the core loads the session UI at once (its nonce and policy name passed on).
  await win.CobrowseWidget.ready;
  return win as Window & { violations?: string[] };
}

const REQUEST = {
  participantId: 'p-ana',
  name: 'Ana',
  requestedAt: '2026-11-22T10:00:00.000Z',
  expiresAt: '2099-01-01T00:00:00.000Z',
};
const SHARER = {
  connection: 'connected',
  role: 'sharer',
  kind: 'cobrowse',
  connectedSince: '2026-11-22T10:00:00.000Z',
} as const;
const STATES: Partial<SessionView>[] = [
  {},
  { connection: 'alerting', role: 'sharer', kind: 'cobrowse', offerExpiresAt: '2099-01-01T00:00:00.000Z' },
  { connection: 'alerting', role: 'viewer', kind: 'screenshare' },
  { connection: 'connecting', role: 'sharer', kind: 'screenshare' },
  { ...SHARER, peers: [ANA, BEN], peerCount: 2, screenRecordingState: 'started', link: 'reconnecting' },
  { ...SHARER, control: { controlledBy: [], controlling: [], request: REQUEST } },
  { ...SHARER, peers: [ANA_CONTROLLING], peerCount: 1, control: { controlledBy: [ANA_CONTROLLING], controlling: [] } },
  {
    ...SHARER,
    navigationRequest: {
      participantId: 'p-ana',
      name: 'Ana',
      url: 'https://x.example/',
      requestedAt: REQUEST.requestedAt,
    },
  },
  { ...SHARER, role: 'viewer', viewerUrl: 'https://viewer.example/1' },
  { connection: 'held', role: 'sharer', kind: 'cobrowse' },
  {
    ...SHARER,
    failed: { action: 'end', sessionId: 's', communicationId: 'c', id: 'a', since: '', error: 'refused' },
    pending: { action: 'revoke-control', sessionId: 's', communicationId: 'c', id: 'b', since: '' },
  },
  { connection: 'disconnected', role: 'sharer', kind: 'cobrowse', disconnectType: 'transport.failure' },
];

async function showAll(doc: Document, store: SessionStore) {
  const els = [...doc.querySelectorAll<Updatable>('cobrowse-badge, cobrowse-controls, cobrowse-widget')];
  for (const el of els) el.store = store;
  await Promise.all(els.map((el) => el.updateComplete));
  return els;
}

describe('the script-tag file in real pages', () => {
  it('is accessible here, in the states the pages show', async () => {
    const el = await fixture(html`<cobrowse-widget open .store=${viewStore(STATES[6])}></cobrowse-widget>`);
    await expect(el).to.be.accessible();
  });

  it('shows every state with zero CSP violations', async () => {
    const win = await load('/test/components/pages/strict-csp.html');
    const parentSeen: string[] = [];
    win.document.addEventListener('securitypolicyviolation', (e) => parentSeen.push(e.violatedDirective));
    const store = viewStore();
    const els = await showAll(win.document, store);
    for (const state of STATES) {
      store.set(state);
      await Promise.all(els.map((el) => el.updateComplete));
      expect(els[0].getAttribute('connection')).to.equal(state.connection ?? 'idle');
      expect(els[0].shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).not.to.equal('');
      // The widget's own badge renders the same words: the built templates bind correctly.
      const inner = els[2].shadowRoot!.querySelector<Updatable>('cobrowse-badge')!;
      await inner.updateComplete;
      expect(inner.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
        els[0].shadowRoot!.querySelector('[role="status"]')!.textContent,
      );
    }
    // securitypolicyviolation is dispatched asynchronously: give it a task to arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.violations).to.deep.equal([]);
    expect(parentSeen).to.deep.equal([]);
  });

  it('proves the CSP page would catch a violation', async () => {
    const win = await load('/test/components/pages/strict-csp.html');
    const div = win.document.createElement('div');
    div.setAttribute('style', 'color: red'); // an inline style: blocked by style-src 'self'
    win.document.body.append(div);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.violations!.some((v) => v.startsWith('style-src'))).to.equal(true);
  });

  it('renders the same computed styles on a page with aggressive global CSS as on a clean page', async () => {
    const [clean, hostile] = await Promise.all([
      // The same page without its style sheet.
      load('/test/components/pages/hostile.html', /<style>[^]*<\/style>/),
      load('/test/components/pages/hostile.html'),
    ]);
    const bodyFont = (w: Window) => w.getComputedStyle(w.document.body).fontFamily;
    expect(bodyFont(hostile), 'the hostile sheet applies to the page').not.to.equal(bodyFont(clean));
    const PROPS = [
      'font-family',
      'font-size',
      'font-weight',
      'font-style',
      'line-height',
      'letter-spacing',
      'word-spacing',
      'text-transform',
      'text-align',
      'text-indent',
      'text-shadow',
      'white-space',
      'color',
      'cursor',
      'box-sizing',
      'padding-top',
      'padding-inline-start',
      'border-top-style',
      'border-top-color',
      'background-color',
      'fill',
      'stroke',
      'display',
      'min-width',
      'visibility',
    ];
    const snapshot = (el: Element, withWidth: boolean) => {
      const style = getComputedStyle(el);
      const box = el as HTMLElement;
      return {
        ...Object.fromEntries(PROPS.map((p) => [p, style.getPropertyValue(p)])),
        // Layout height, before any transform of an ancestor (widths follow the page's container for blocks).
        height: box.offsetHeight,
        width: withWidth ? box.offsetWidth : 'follows the container',
      };
    };
    const inside = (el: Element) => [...el.shadowRoot!.querySelectorAll('*')];
    for (const state of STATES) {
      const store = viewStore(state);
      const [a, b] = await Promise.all([showAll(clean.document, store), showAll(hostile.document, store)]);
      for (const [i, el] of a.entries()) {
        const left = inside(el).map((n) => [
          n.localName + (n.getAttribute('part') ?? ''),
          snapshot(n, el.localName === 'cobrowse-badge'),
        ]);
        const right = inside(b[i]).map((n) => [
          n.localName + (n.getAttribute('part') ?? ''),
          snapshot(n, el.localName === 'cobrowse-badge'),
        ]);
        expect(right, `${el.localName} in ${JSON.stringify(state)}`).to.deep.equal(left);
        const host = (e: Element) =>
          ['padding-top', 'border-top-style', 'background-color'].map((p) => getComputedStyle(e).getPropertyValue(p));
        expect(host(b[i]), `${el.localName}'s own box`).to.deep.equal(host(el));
      }
    }
  });
});
