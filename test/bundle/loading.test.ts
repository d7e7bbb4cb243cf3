// The two-stage script tag in fresh frames: what the core loads and when, what the page sees while the session UI
// is on its way, and the notice when it cannot come. Sessions arrive over a real `ws` server.
import { expect, waitUntil } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';
import { TestServer } from '../support/ws-server.js';
import { CORE, SNIPPET, addScript, page, ready } from './frames.js';
import type { FrameWindow } from './frames.js';

const HEARTBEAT = { topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } };
/** States that show no session: a chat-only conversation, and a co-browse that has ended. */
const NO_SESSION = [
  { id: 'conv-chat', participants: [{ id: 'p-1', purpose: 'customer', state: 'connected' }] },
  cobrowsesession('disconnected', 9),
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const scriptRequests = (win: Window) =>
  (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.initiatorType === 'script')
    .map((entry) => new URL(entry.name).pathname);

async function uiFile(): Promise<string> {
  const sri = (await (await fetch('/dist/sri.json')).json()) as Record<string, string>;
  return Object.keys(sri).find((name) => name.startsWith('cobrowse-widget-ui-'))!;
}

/** The frame's fallback notice, once it shows. */
async function notice(doc: Document) {
  let status: HTMLElement | null | undefined;
  await waitUntil(() => {
    status = doc.querySelector('cobrowse-notice')?.shadowRoot?.querySelector<HTMLElement>('[role="status"]');
    return !!status?.textContent;
  }, 'no fallback notice');
  const button = status!.parentNode!.querySelector<HTMLButtonElement>('button[data-action="end"]')!;
  return { status: status!, button };
}

describe('dist/cobrowse-widget.min.js (core): an idle page', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.stop());

  it('makes one script request and defines no element, with nothing to show', async () => {
    const { win, doc } = await page(
      '<p>content</p>',
      `<script>${SNIPPET}</script><script src="${CORE}" data-mount></script>`,
    );
    for (const payload of [HEARTBEAT, ...NO_SESSION]) win.CobrowseWidget.ingest(payload);
    await pause(300);
    expect(scriptRequests(win)).to.deep.equal(['/dist/cobrowse-widget.min.js']);
    expect(win.customElements.get('cobrowse-widget')).to.equal(undefined);
    expect(win.CobrowseWidget.store).to.equal(undefined);
    expect(doc.querySelector('cobrowse-widget, cobrowse-notice')).to.equal(null);
    expect(win.errors).to.deep.equal([]);
  });

  it('with data-websocket to a server that sends only heartbeats and states without a session', async () => {
    const { win } = await page('', `<script src="${CORE}" data-mount data-websocket="${server.url}"></script>`);
    await waitUntil(async () => (await server.refresh()).open === 1, 'never connected');
    for (const payload of [HEARTBEAT, HEARTBEAT, ...NO_SESSION, HEARTBEAT]) await server.send(payload);
    await pause(300);
    expect(scriptRequests(win)).to.deep.equal(['/dist/cobrowse-widget.min.js']);
    for (const tag of ['cobrowse-badge', 'cobrowse-controls', 'cobrowse-widget'])
      expect(win.customElements.get(tag), tag).to.equal(undefined);
    // The buffered states are there for the UI when it comes: a session that ended before this page showed it.
    await win.CobrowseWidget.load();
    const view = (win.CobrowseWidget.store as { getState(): { connection: string; sessionId?: string } }).getState();
    expect(view).to.include({ connection: 'disconnected', sessionId: 'session-1' });
  });
});

describe('dist/cobrowse-widget.min.js (core): a session arrives', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(() => server.stop());

  it('queued before the script, ingested after it and pushed by the server during the load: all shown, in order', async () => {
    const slowUi = `/slow/600/dist/${await uiFile()}`;
    const { win, doc } = await page(
      '',
      `<script>${SNIPPET};window.seen=[];CobrowseWidget('subscribe',function(v){seen.push(v.connection+' '+v.role)});` +
        `CobrowseWidget('ingest',${JSON.stringify(cobrowsesession('alerting', 1))})</script>`,
    );
    await addScript(doc, CORE, { 'data-mount': '', 'data-websocket': server.url, 'data-ui-src': slowUi });
    // The UI is on its way: the direct API answers that the payload waits, and says how it went later.
    const queued = win.CobrowseWidget.ingest(cobrowsesession('alerting', 2)) as unknown as {
      ok: boolean;
      queued?: boolean;
      result?: Promise<{ ok: boolean }>;
    };
    expect(queued).to.include({ ok: true, queued: true });
    expect(win.CobrowseWidget.store).to.equal(undefined);
    await waitUntil(async () => (await server.refresh()).open === 1, 'never connected');
    await server.send(cobrowsesession('alerting', 3, { cobrowseRole: 'viewer' }));
    expect(win.CobrowseWidget.store, 'the server spoke before the UI came').to.equal(undefined);

    await ready(win);
    expect((await queued.result!).ok).to.equal(true);
    const widget = doc.querySelector('cobrowse-widget')!;
    await waitUntil(() => widget.getAttribute('session-role') === 'viewer', "the server's state is not shown");
    await (widget as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    // The consent prompt, for the state the server sent last.
    const accept = widget.shadowRoot!.querySelector('[data-action="accept"]');
    expect(accept, 'the consent prompt').to.not.equal(null);
    const seen = (win as unknown as { seen: string[] }).seen;
    expect(seen).to.deep.equal(['alerting sharer', 'alerting viewer']);
    expect(scriptRequests(win)).to.have.length(2);
    expect(win.errors).to.deep.equal([]);
  });

  it('loads at once with data-load="eager", or when the page calls load()', async () => {
    const eager = await page('', `<script src="${CORE}" data-load="eager"></script>`);
    await ready(eager.win);
    expect(eager.win.customElements.get('cobrowse-badge')).to.be.a('function');

    const later = await page('', `<script src="${CORE}"></script>`);
    const api = await later.win.CobrowseWidget.load();
    expect(api).to.equal(later.win.CobrowseWidget);
    expect(later.win.CobrowseWidget.store).to.have.property('getState');
  });

  it('loads for the tags a page holds, even when the script runs before they are parsed', async () => {
    const { win } = await page('<header><cobrowse-badge></cobrowse-badge></header>', `<script src="${CORE}"></script>`);
    await ready(win);
    expect(win.customElements.get('cobrowse-badge')).to.be.a('function');
  });

  it('refuses a payload past the bound of 1,000 waiting, with a cobrowse-error, and loses none before it', async () => {
    const slowUi = `/slow/400/dist/${await uiFile()}`;
    const { win, doc } = await page('', `<script src="${CORE}" data-ui-src="${slowUi}"></script>`);
    const errors: { code?: string; message: string }[] = [];
    doc.addEventListener('cobrowse-error', (event) => errors.push((event as CustomEvent).detail));
    const results = Array.from({ length: 1001 }, (_, i) =>
      win.CobrowseWidget.ingest(cobrowsesession('alerting', i + 1)),
    );
    expect(results.slice(0, 1000).every((result) => result.ok)).to.equal(true);
    expect(results[1000].ok).to.equal(false);
    expect(errors).to.have.length(1);
    expect(errors[0].code).to.equal('buffer-full');
    expect(errors[0].message).to.match(/1000 payloads/);
    await ready(win);
  });
});

describe('dist/cobrowse-widget.min.js (core): the session UI cannot load', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start({ ack: true });
    await server.snapshot(cobrowsesession('connected', 1));
  });
  afterEach(() => server.stop());

  const origin = location.origin;
  const CASES: { name: string; head?: string; uiSrc?: string }[] = [
    { name: 'not found (404)', uiSrc: '/dist/no-such-session-ui.min.js' },
    // Another real file: it loads, and its hash is not the session UI's.
    { name: 'integrity mismatch', uiSrc: '/dist/cobrowse-widget.full.min.js' },
    {
      name: 'blocked by CSP',
      head: `<meta http-equiv="Content-Security-Policy" content="script-src ${origin}/dist/cobrowse-widget.min.js 'unsafe-inline'">`,
    },
    {
      name: "blocked by Trusted Types (the page allows no 'cobrowse-widget' policy)",
      head: `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types lit-html">`,
    },
  ];

  for (const { name, head = '', uiSrc } of CASES) {
    it(`${name}: the notice shows, its Stop sharing sends end over the socket, cobrowse-error fires`, async () => {
      const attrs = `data-websocket="${server.url}"${uiSrc ? ` data-ui-src="${uiSrc}"` : ''}`;
      const { win, doc } = await page(
        '',
        `${head}<script>window.failures=[];document.addEventListener('cobrowse-error',function(e){failures.push(e.detail)})</script>` +
          `<script src="${CORE}" ${attrs}></script>`,
      );
      const failures = (win as unknown as { failures: { code: string; message: string }[] }).failures;
      const { status, button } = await notice(doc);
      // (A trailing no-break space comes a moment later, for screen readers: trim() takes it.)
      expect(status.textContent!.trim()).to.equal('A session with an agent is active');
      expect(button.textContent).to.equal('Stop sharing');
      expect(failures.map((f) => f.code)).to.deep.equal(['load-failed']);
      expect(failures[0].message).to.match(/session UI could not load/);
      expect(win.customElements.get('cobrowse-widget')).to.equal(undefined);

      const actions: unknown[] = [];
      doc.addEventListener('cobrowse-action', (event) => actions.push((event as CustomEvent).detail));
      button.click();
      expect(actions).to.deep.equal([{ action: 'end', sessionId: 'session-1', communicationId: 'comm-1' }]);
      await waitUntil(
        async () => (await server.refresh()).received.some((m) => m.type === 'cobrowse.action' && m.action === 'end'),
        'end never reached the server',
      );
      // The server acknowledged it: the session is over, the notice goes.
      await waitUntil(() => !doc.querySelector('cobrowse-notice'), 'the notice stayed after the ack');
    });
  }

  it('a Stop sharing while the link is down waits for it (the core has no outbox of its own) and goes out when it reopens', async () => {
    const { win, doc } = await page(
      '',
      `<script src="${CORE}" data-ui-src="/dist/no-such-session-ui.min.js"></script>` +
        `<script>window.link=CobrowseWidget.connect({websocket:${JSON.stringify(server.url)}})</script>`,
    );
    const link = (win as unknown as { link: { status: string } }).link;
    const { button } = await notice(doc);
    await server.kill();
    await waitUntil(() => link.status === 'reconnecting', 'the link never went down');
    button.click();
    const sent = async () =>
      (await server.refresh()).received.some((m) => m.type === 'cobrowse.action' && m.action === 'end');
    expect(await sent()).to.equal(false);
    await server.restart();
    await waitUntil(sent, 'end never reached the server once the link was back', { timeout: 5000 });
    await waitUntil(() => !doc.querySelector('cobrowse-notice'), 'the notice stayed after the ack');
  });

  it('tries again on the next session event, and each failure is reported', async () => {
    const { win, doc } = await page(
      '',
      `<script src="${CORE}" data-websocket="${server.url}" data-ui-src="/dist/no-such-session-ui.min.js"></script>`,
    );
    await notice(doc);
    const attempts = () => scriptRequests(win).filter((path) => path.includes('no-such-session-ui')).length;
    expect(attempts()).to.equal(1);
    const failures: unknown[] = [];
    doc.addEventListener('cobrowse-error', (event) => failures.push((event as CustomEvent).detail));
    await server.send(cobrowsesession('connected', 2));
    await waitUntil(() => attempts() === 2 && failures.length === 1, 'no second attempt');
    // A state that ends the session takes the notice away.
    await server.send(cobrowsesession('disconnected', 3));
    await waitUntil(() => !doc.querySelector('cobrowse-notice'), 'the notice stayed after the session ended');
  });

  it('the notice is in the top layer: a page overlay at the highest z-index does not cover it', async () => {
    const { win, doc } = await page(
      '<div style="position:fixed;inset:0;z-index:2147483647;background:#fff"></div>',
      `<script src="${CORE}" data-websocket="${server.url}" data-ui-src="/dist/no-such-session-ui.min.js"></script>`,
    );
    const { button } = await notice(doc);
    const box = button.getBoundingClientRect();
    const hit = doc.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    expect(hit?.localName).to.equal('cobrowse-notice');
    expect(box.bottom).to.be.at.most((win as FrameWindow).innerHeight);
  });
});
