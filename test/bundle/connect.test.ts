// The script tag's transports: `data-websocket` and `CobrowseWidget.connect`, on the built files, against a real
// `ws` server that the test runner starts.
import { expect, waitUntil } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';
import { TestServer } from '../support/ws-server.js';
import { BUILDS, SNIPPET, addScript, page, ready } from './frames.js';

const connectionOf = (doc: Document) => doc.querySelector('cobrowse-widget')?.getAttribute('connection');

interface Link {
  status: string;
  close(): void;
}
type Connect = (options: object) => Link;

for (const { name, src } of BUILDS) {
  describe(`${name} transport`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await TestServer.start({ ack: true });
    });
    afterEach(() => server.stop());

    it('data-websocket connects, asks for a resync, and shows what the server sends', async () => {
      await server.snapshot(cobrowsesession('alerting', 1));
      const { doc } = await page(
        '',
        `<script>${SNIPPET}</script><script async src="${src}" data-mount data-websocket="${server.url}"></script>`,
      );
      await waitUntil(() => connectionOf(doc) === 'alerting', 'the snapshot never reached the widget', {
        timeout: 5000,
      });
      await server.send(cobrowsesession('connected', 5));
      await waitUntil(() => connectionOf(doc) === 'connected', 'the update never reached the widget', {
        timeout: 5000,
      });
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
      await addScript(doc, src, { 'data-websocket': 'ws://example.com/plain-text-off-localhost' });
      expect(warnings).to.have.length(1);
      await ready(win);
      const store = win.CobrowseWidget.store as { getState(): { connection: string; link: string } };
      expect(store.getState().connection).to.equal('alerting');

      const connect = (win.CobrowseWidget as unknown as { connect: Connect }).connect;
      const first = connect({ websocket: server.url });
      const second = connect({ websocket: server.url });
      expect(first.status).to.equal('closed');
      await waitUntil(async () => (await server.refresh()).open === 1 && second.status === 'open', 'no open link', {
        timeout: 5000,
      });
      expect(store.getState().link).to.equal('open');
      second.close();
    });

    it('a refused URL throws a TypeError and leaves the link in place; broadcastChannel connects same-origin tabs', async () => {
      const { win, doc } = await page('', `<script>${SNIPPET}</script>`);
      await addScript(doc, src);
      const connect = (win.CobrowseWidget as unknown as { connect: Connect }).connect;
      const link = connect({ websocket: server.url });
      let error: Error | undefined;
      try {
        connect({ websocket: 'ws://example.com/plain' });
      } catch (e) {
        error = e as Error;
      }
      // By name: the error comes from the frame's realm, whose TypeError is not this page's.
      expect(error?.name).to.equal('TypeError');
      expect(error?.message).to.match(/wss: only/);
      expect(link.status).to.not.equal('closed');

      const name = `cobrowse-test-${Math.random()}`;
      const channel = connect({ broadcastChannel: name });
      expect(link.status).to.equal('closed');
      expect(channel.status).to.equal('open');
      // Another tab of the site on the same channel: what it posts reaches this page's store.
      const tab = new BroadcastChannel(name);
      tab.postMessage(cobrowsesession('alerting', 1));
      await ready(win);
      const store = win.CobrowseWidget.store as { getState(): { connection: string } };
      await waitUntil(() => store.getState().connection === 'alerting', 'the tab message never arrived');
      tab.close();
      channel.close();
    });
  });
}
