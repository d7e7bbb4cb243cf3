/**
 * Issue 16: a site pipes its Web Messaging guest socket into the widget. Frames arrive over a real `ws` server
 * through the product's WebSocket transport; chat frames change nothing and fire no `cobrowse-error`, the CoBrowse
 * offer shows the consent prompt, and a malformed frame fires one `cobrowse-error` naming its path.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { CobrowseErrorEvent, CobrowseWidget } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import { connect } from '../../src/transport/index.js';
import type { Connection } from '../../src/transport/index.js';
import { coBrowseFrames, malformedGuestFrames, otherGuestFrames } from '../fixtures/genesys/index.js';
import { TestServer } from '../support/ws-server.js';
import { until } from '../transport/helpers.js';
import { $, updated } from './view-store.js';

describe('<cobrowse-widget> fed a Web Messaging guest socket', () => {
  let server: TestServer;
  let connection: Connection | undefined;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    connection?.close();
    await server.stop();
  });

  it('is accessible while chat frames arrive, then prompts for the offer; only a broken frame is an error', async () => {
    const store = createSessionStore();
    const el = await fixture<CobrowseWidget>(html`<cobrowse-widget .store=${store}></cobrowse-widget>`);
    await expect(el).to.be.accessible();
    const errors: CobrowseErrorEvent[] = [];
    el.addEventListener('cobrowse-error', (event) => errors.push(event));
    const changes: unknown[] = [];
    store.subscribe((view) => changes.push(view));
    connection = connect(store, { websocket: { url: server.url, minDelayMs: 20, maxDelayMs: 100 } });
    await until(() => connection!.status === 'open', 'open');
    const opened = changes.length;

    // Twenty of every other kind of frame: the socket's chat, which the widget accepts and ignores.
    const frames = Object.values(otherGuestFrames);
    for (let i = 0; i < 20; i++) for (const frame of frames) await server.send(frame);
    // A marker after them, so the test knows every frame was ingested.
    await server.send(coBrowseFrames[0].frame);
    await until(() => store.getState().connection === 'alerting', 'the offer');
    expect(changes.length, 'only the offer changed the view').to.equal(opened + 1);
    expect(errors).to.deep.equal([]);
    await updated(el);
    expect($(el, 'button[data-action="accept"]'), 'the consent prompt').to.not.equal(null);
    await expect(el).to.be.accessible();

    const [name, broken, path] = malformedGuestFrames[0];
    await server.send(broken);
    await until(() => errors.length === 1, `an error for ${name}`);
    expect(errors[0].detail.issues.map((issue) => issue.path)).to.deep.equal([path]);
    expect(store.getState().connection, 'the offer is still shown').to.equal('alerting');
  });
});
