// The script tag's transport: `data-websocket` and `CobrowseWidget.connect`, on the built file, against a real
// `ws` server that the test runner starts.
import { expect, waitUntil } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';
import { TestServer } from '../support/ws-server.js';
import { BUNDLE, SNIPPET, addScript, page } from './frames.js';

const connectionOf = (doc: Document) => doc.querySelector('cobrowse-widget')?.getAttribute('connection');

describe('dist/cobrowse-widget.min.js transport', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start({ ack: true });
  });
  afterEach(() => server.stop());

  it('data-websocket connects, asks for a resync, and shows what the server sends', async () => {
    await server.snapshot(cobrowsesession('alerting', 1));
    const { doc } = await page(
      '',
      `<script>${SNIPPET}</script><script async src="${BUNDLE}" data-mount data-websocket="${server.url}"></script>`,
    );
    await waitUntil(() => connectionOf(doc) === 'alerting', 'the snapshot never reached the widget', {
      timeout: 5000,
    });
    await server.send(cobrowsesession('connected', 5));
    await waitUntil(() => connectionOf(doc) === 'connected', 'the update never reached the widget', { timeout: 5000 });
    const info = await server.refresh();
    expect(info.received.filter((m) => m.type === 'cobrowse.resync')).to.have.length(1);
  });

  it('connect() replaces the previous link, and a refused data-websocket URL still replays the queue', async () => {
    const { win, doc } = await page(
      '',
      `<script>${SNIPPET};CobrowseWidget('ingest',${JSON.stringify(cobrowsesession('alerting', 1))})</script>`,
    );
    const warnings: unknown[] = [];
    win.console.warn = (...args: unknown[]) => warnings.push(args);
    await addScript(doc, BUNDLE, { 'data-websocket': 'ws://example.com/plain-text-off-localhost' });
    expect(warnings).to.have.length(1);
    expect(win.CobrowseWidget.store).to.have.nested.property('getState');
    const state = (win.CobrowseWidget.store as { getState(): { connection: string } }).getState();
    expect(state.connection).to.equal('alerting');

    const api = win.CobrowseWidget as unknown as { connect(o: object): { status: string; close(): void } };
    const first = api.connect({ websocket: server.url });
    const second = api.connect({ websocket: server.url });
    expect(first.status).to.equal('closed');
    await waitUntil(async () => (await server.refresh()).open === 1 && second.status === 'open', 'no open link', {
      timeout: 5000,
    });
    second.close();
  });

  it('connect() takes no broadcastChannel in the script-tag build: a TypeError naming the npm build', async () => {
    const { win, doc } = await page('', `<script>${SNIPPET}</script>`);
    await addScript(doc, BUNDLE);
    const api = win.CobrowseWidget as unknown as { connect(o: object): { status: string; close(): void } };
    const link = api.connect({ websocket: server.url });
    let error: Error | undefined;
    try {
      api.connect({ broadcastChannel: 'x' });
    } catch (e) {
      error = e as Error;
    }
    // By name: the error comes from the frame's realm, whose TypeError is not this page's.
    expect(error?.name).to.equal('TypeError');
    expect(error?.message).to.match(/broadcastChannel needs the npm build/);
    // Refused before anything changed: the link in place stays.
    expect(link.status).to.not.equal('closed');
    link.close();
  });
});
