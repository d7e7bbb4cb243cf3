import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createSessionStore } from '../../src/store/index.js';
import type { LinkStatus } from '../../src/store/index.js';
import { connect } from '../../src/transport/index.js';
import type { Connection } from '../../src/transport/index.js';
import { TestServer } from '../support/ws-server.js';
import { cobrowsesession } from '../fixtures/sessions.js';
import { ACTION, countingStore, failureOf, sessionOf, until } from './helpers.js';

const FAST = { minDelayMs: 20, maxDelayMs: 100 };

describe('transport: WebSocket against a real ws server', () => {
  let server: TestServer;
  let connection: Connection | undefined;

  beforeEach(async () => {
    server = await TestServer.start({ ack: true });
  });

  afterEach(async () => {
    connection?.close();
    connection = undefined;
    await server.stop();
  });

  it('sends a resync on open and carries events to the badge, with the link status mirrored', async () => {
    const store = createSessionStore();
    const el = await fixture(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
    await expect(el).to.be.accessible();
    const statuses: LinkStatus[] = [];
    connection = connect(store, { websocket: { url: server.url, ...FAST } });
    connection.onStatus((status) => statuses.push(status));
    expect(store.getState().link).to.equal('connecting');
    await until(() => connection!.status === 'open', 'open');
    expect(store.getState().link).to.equal('open');
    await until(async () => (await server.refresh()).received.some((m) => m.type === 'cobrowse.resync'), 'resync');

    await server.send(cobrowsesession('alerting', 1));
    await until(() => el.getAttribute('connection') === 'alerting', 'alerting badge');
    await server.send(cobrowsesession('connected', 10));
    await until(() => el.getAttribute('connection') === 'connected', 'connected badge');
    expect(el.shadowRoot!.textContent).to.contain('You are sharing this page');

    await server.kill();
    await until(() => store.getState().link === 'reconnecting', 'reconnecting');
    expect(statuses).to.deep.equal(['open', 'reconnecting']);
  });

  it('refuses plain ws: off loopback and anything that is not a WebSocket URL', () => {
    const store = createSessionStore();
    for (const url of ['ws://example.com/', 'http://localhost/', 'https://example.com/', 'ws://localhost.evil.com/']) {
      expect(() => connect(store, { websocket: url }), url).to.throw(TypeError);
    }
    expect(store.getState().link).to.equal('none');
    for (const url of ['wss://cobrowse.example/events', 'ws://localhost:9/', 'ws://127.0.0.1:9/', 'ws://[::1]:9/']) {
      const accepted = connect(store, { websocket: url });
      expect(accepted.status, url).to.equal('connecting');
      accepted.close();
    }
  });

  it('survives 10 kills and restarts mid-session: the final view is the last state the server sent', async () => {
    const store = createSessionStore();
    const el = await fixture(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
    connection = connect(store, { websocket: { url: server.url, ...FAST } });
    await until(() => connection!.status === 'open', 'open');
    let last: object = {};
    for (let round = 1; round <= 10; round++) {
      // Live while connected ...
      last = cobrowsesession('connected', round * 10, { viewerUrl: `https://viewer.example/live/${round}` });
      await server.send(last, true);
      await until(() => store.getState().viewerUrl === `https://viewer.example/live/${round}`, `live ${round}`);
      await server.kill();
      await until(() => store.getState().link === 'reconnecting', `down ${round}`);
      // ... and changed while the socket was down: only the resync answer can carry it.
      last = cobrowsesession(round % 2 ? 'alerting' : 'connected', round * 10 + 5, {
        viewerUrl: `https://viewer.example/missed/${round}`,
      });
      await server.snapshot(last);
      await server.restart();
      await until(() => store.getState().viewerUrl === `https://viewer.example/missed/${round}`, `resync ${round}`);
      expect(store.getState().link).to.equal('open');
    }
    const reference = createSessionStore();
    reference.ingest(last);
    expect(sessionOf(store)).to.deep.equal(sessionOf(reference));
    await until(() => el.getAttribute('connection') === reference.getState().connection, 'badge');
    expect((await server.refresh()).connections).to.equal(11);
  });

  it('delivers actions taken offline once after reconnect, acks clear pending, and never re-sends them', async () => {
    const store = createSessionStore();
    connection = connect(store, { websocket: { url: server.url, ...FAST } });
    await until(() => connection!.status === 'open', 'open');
    await server.kill();
    await until(() => store.getState().link === 'reconnecting', 'reconnecting');
    const ids = [store.act(ACTION).id, store.act({ ...ACTION, action: 'revoke-control' }).id];
    expect(store.getState().pending?.id).to.equal(ids[1]);

    await server.restart();
    const actions = async () => (await server.refresh()).received.filter((m) => m.type === 'cobrowse.action');
    await until(async () => (await actions()).length === 2, 'both actions');
    expect((await actions()).map((m) => [m.id, m.action, m.sessionId, m.communicationId])).to.deep.equal([
      [ids[0], 'end', 'session-1', 'comm-1'],
      [ids[1], 'revoke-control', 'session-1', 'comm-1'],
    ]);
    await until(() => store.getState().pending === undefined, 'ack clears pending');

    await server.restart();
    await until(async () => (await server.refresh()).connections === 3 && connection!.status === 'open', 'third');
    await until(
      async () => (await server.refresh()).received.filter((m) => m.type === 'cobrowse.resync').length === 3,
      'third resync',
    );
    expect((await actions()).map((m) => m.id)).to.deep.equal(ids);
  });

  it('sends an unacknowledged action at most once across a reconnect, then reports it failed', async () => {
    await server.stop();
    server = await TestServer.start({ ack: false });
    const store = createSessionStore();
    connection = connect(store, { websocket: { url: server.url, ...FAST, actionTimeoutMs: 600 } });
    await until(() => connection!.status === 'open', 'open');
    const { id } = store.act(ACTION);
    await until(async () => (await server.refresh()).received.some((m) => m.id === id), 'sent');
    await server.restart();
    await until(() => failureOf(store, id) === 'timed out', 'timed out');
    expect(connection.status).to.equal('open');
    expect((await server.refresh()).received.filter((m) => m.id === id)).to.have.length(1);
  });

  it('reports an action failed when it times out or the offline queue is full, and never sends it later', async () => {
    const store = createSessionStore();
    connection = connect(store, { websocket: { url: server.url, ...FAST, maxQueue: 1, actionTimeoutMs: 500 } });
    await until(() => connection!.status === 'open', 'open');
    await server.kill();
    await until(() => store.getState().link === 'reconnecting', 'reconnecting');
    const stale = store.act(ACTION).id;
    await until(() => failureOf(store, stale) === 'timed out', 'timeout');
    const queued = store.act(ACTION).id;
    const overflow = store.act({ ...ACTION, action: 'revoke-control' }).id;
    expect(failureOf(store, overflow)).to.equal('queue full');
    await server.restart();
    const actions = async () => (await server.refresh()).received.filter((m) => m.type === 'cobrowse.action');
    await until(async () => (await actions()).length === 1, 'the queued action');
    expect((await actions()).map((m) => m.id)).to.deep.equal([queued]);
  });

  it('close() leaves no socket, no store listener and no server connection, and fails what still waits', async () => {
    const { store, listeners } = countingStore();
    const sockets: WebSocket[] = [];
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(this);
      }
    };
    try {
      connection = connect(store, { websocket: { url: server.url, ...FAST } });
      await until(() => connection!.status === 'open', 'open');
      expect(listeners()).to.equal(1);
      await server.kill();
      await until(() => store.getState().link === 'reconnecting', 'reconnecting');
      const { id } = store.act(ACTION);
      await server.restart();
      await until(() => store.getState().pending === undefined, 'delivered');
      const late = store.act(ACTION).id;
      await server.kill();
      await server.restart();
      await until(async () => (await server.refresh()).open === 1 && connection!.status === 'open', 'open again');
      store.act(ACTION); // acked or not, the next line closes
      connection.close();
      expect(connection.status).to.equal('closed');
      expect(store.getState().link).to.equal('closed');
      expect(listeners()).to.equal(0);
      for (const socket of sockets) {
        expect(socket.readyState).to.be.at.least(WebSocket.CLOSING);
        expect([socket.onopen, socket.onmessage, socket.onclose]).to.deep.equal([null, null, null]);
      }
      await until(async () => (await server.refresh()).open === 0, 'server sees no socket');
      const before = sockets.length;
      await server.restart();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sockets.length, 'no reconnect after close').to.equal(before);
      expect((await server.refresh()).open).to.equal(0);
      expect(id).to.not.equal(late);
    } finally {
      window.WebSocket = Native;
    }
  });
});
