import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createSessionStore } from '../../src/store/index.js';
import { backoffDelay } from '../../src/transport/backoff.js';
import { connect } from '../../src/transport/index.js';
import type { Connection } from '../../src/transport/index.js';
import { TestServer } from '../support/ws-server.js';
import { ACTION, countingStore, until } from './helpers.js';

const BOUNDS = { minDelayMs: 100, maxDelayMs: 1600, factor: 2 };
const ceiling = (attempt: number) => Math.min(BOUNDS.maxDelayMs, BOUNDS.minDelayMs * 2 ** (attempt + 1));

describe('transport: backoff (pure)', () => {
  it('stays between the floor and a ceiling that grows by factor up to the maximum', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      expect(backoffDelay(attempt, BOUNDS, () => 0)).to.equal(100);
      expect(backoffDelay(attempt, BOUNDS, () => 0.999999)).to.be.closeTo(ceiling(attempt), 0.01);
      expect(backoffDelay(attempt, BOUNDS, () => 0.5)).to.equal(50 + ceiling(attempt) / 2);
    }
    expect(backoffDelay(40, BOUNDS)).to.be.at.most(1600);
    expect(backoffDelay(3, { minDelayMs: 500, maxDelayMs: 200, factor: 2 })).to.equal(500);
  });

  it('jitters every attempt, the first included', () => {
    const firsts = new Set(Array.from({ length: 20 }, () => backoffDelay(0, BOUNDS)));
    expect(firsts.size).to.be.greaterThan(15);
  });
});

describe('transport: WebSocket timers (sinon fake timers, real sockets)', () => {
  let clock: sinon.SinonFakeTimers;
  let server: TestServer;
  let connection: Connection | undefined;
  const sockets: WebSocket[] = [];
  const Native = window.WebSocket;

  beforeEach(async () => {
    server = await TestServer.start({ silent: true });
    sockets.length = 0;
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(this);
      }
    };
  });

  // Each server command leaves a 20 s response timeout of web-test-runner's own on the (faked) clock: not ours.
  const ours = () =>
    [...(clock as unknown as { timers: Map<number, { func: () => void }> }).timers.values()].filter(
      (timer) => !String(timer.func).includes('server response'),
    );

  const fake = () => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  };

  afterEach(async () => {
    connection?.close();
    connection = undefined;
    sinon.restore(); // the fake clock and any spy
    window.WebSocket = Native;
    await server.stop();
  });

  /** Follows one connection to a dead port: the delay before each new socket, read off the fake clock. */
  async function delaysOf(url: string, count: number): Promise<number[]> {
    const store = createSessionStore();
    const first = sockets.length;
    connection = connect(store, { websocket: { url, ...BOUNDS } });
    const delays: number[] = [];
    for (let attempt = 0; attempt < count; attempt++) {
      await until(() => sockets.at(-1)!.readyState === WebSocket.CLOSED && ours().length === 1, 'refused');
      const before = clock.now;
      clock.next();
      delays.push(clock.now - before);
      expect(sockets.length - first, 'one new socket per delay').to.equal(attempt + 2);
    }
    connection.close();
    expect(ours(), 'no timer after close').to.have.length(0);
    return delays;
  }

  it('waits within the bounds before each reconnect, and two instances wait differently', async () => {
    await server.kill(); // a free port where nothing listens: every attempt is refused
    fake();
    const a = await delaysOf(server.url, 7);
    const b = await delaysOf(server.url, 7);
    for (const delays of [a, b]) {
      delays.forEach((delay, attempt) => {
        expect(delay, `attempt ${attempt}`).to.be.within(BOUNDS.minDelayMs, ceiling(attempt));
      });
    }
    expect(a).to.not.deep.equal(b);
  });

  it('drops a silent server after the idle timeout and reconnects; any message, a heartbeat too, is traffic', async () => {
    fake();
    const { store, ingested } = countingStore();
    connection = connect(store, { websocket: { url: server.url, idleTimeoutMs: 5000, ...BOUNDS } });
    await until(() => connection!.status === 'open', 'open');
    clock.tick(4000);
    await server.send({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
    await until(() => ingested.length === 1, 'heartbeat');
    clock.tick(4000); // 8 s since open, 4 s since the heartbeat
    expect(connection.status).to.equal('open');
    expect(sockets).to.have.length(1);
    clock.tick(999);
    expect(connection.status).to.equal('open');
    clock.tick(1);
    expect(connection.status).to.equal('reconnecting');
    expect(store.getState().link).to.equal('reconnecting');
    expect(sockets[0].readyState).to.be.at.least(WebSocket.CLOSING);
    clock.tick(BOUNDS.maxDelayMs);
    expect(sockets).to.have.length(2);
    await until(() => connection!.status === 'open', 'reopened');
    await until(async () => (await server.refresh()).connections === 2, 'second connection');
  });

  it('drops a socket that does not open within the connect timeout', async () => {
    fake();
    const store = createSessionStore();
    connection = connect(store, { websocket: { url: server.url, connectTimeoutMs: 3000, ...BOUNDS } });
    // Synchronously, before the real handshake can finish: only the fake clock decides.
    clock.tick(2999);
    expect(connection.status).to.equal('connecting');
    clock.tick(1);
    expect(connection.status).to.equal('reconnecting');
    expect(sockets[0].readyState).to.be.at.least(WebSocket.CLOSING);
    expect(sockets[0].onopen).to.equal(null);
    expect(ours()).to.have.length(1); // the reconnect delay, nothing else
    clock.next();
    expect(sockets).to.have.length(2);
    await until(() => connection!.status === 'open', 'the second socket opens');
  });

  it('drops at once when the browser goes offline, and retries at once when it is back online', async () => {
    fake();
    const store = createSessionStore();
    connection = connect(store, { websocket: { url: server.url, ...BOUNDS, maxDelayMs: 60_000 } });
    await until(() => connection!.status === 'open', 'open');
    window.dispatchEvent(new Event('offline'));
    expect(connection.status).to.equal('reconnecting');
    expect(sockets[0].readyState).to.be.at.least(WebSocket.CLOSING);
    window.dispatchEvent(new Event('offline'));
    expect(ours()).to.have.length(1); // one reconnect delay, not two
    window.dispatchEvent(new Event('online'));
    expect(sockets).to.have.length(2); // without waiting for the delay
    await until(() => connection!.status === 'open', 'reopened');
    window.dispatchEvent(new Event('online'));
    expect(sockets).to.have.length(2); // already connected: nothing to cut short
  });

  it('close() while waiting to reconnect leaves no timer and opens no socket', async () => {
    fake();
    const add = sinon.spy(window, 'addEventListener');
    const remove = sinon.spy(window, 'removeEventListener');
    const { store, listeners } = countingStore();
    connection = connect(store, { websocket: { url: server.url, ...BOUNDS } });
    await until(() => connection!.status === 'open', 'open');
    store.act(ACTION);
    await server.kill();
    await until(() => connection!.status === 'reconnecting', 'reconnecting');
    expect(ours()).to.have.length(3); // the reconnect delay, the action's timeout, the store's pending timeout
    connection.close();
    expect(ours()).to.have.length(0);
    expect(listeners()).to.equal(0);
    const added = add.args.map(([type, fn]) => [type, fn]);
    expect(added.map(([type]) => type)).to.deep.equal(['online', 'offline']);
    expect(remove.args.map(([type, fn]) => [type, fn])).to.deep.equal(added);
    clock.tick(60_000);
    expect(sockets).to.have.length(1);
  });
});
