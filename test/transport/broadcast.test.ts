import { expect } from '@open-wc/testing';
import { connect } from '../../src/transport/index.js';
import type { Connection } from '../../src/transport/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';
import { ACTION, countingStore, sleep, until } from './helpers.js';

describe('transport: BroadcastChannel', () => {
  let connection: Connection | undefined;
  let agent: BroadcastChannel;
  let heard: { type?: string; id?: string }[];
  const name = `cobrowse-test-${Math.random().toString(36).slice(2)}`;

  beforeEach(() => {
    // Another BroadcastChannel object on the same name: what another same-origin tab (the agent console) sees.
    agent = new BroadcastChannel(name);
    heard = [];
    agent.onmessage = (event) => heard.push(event.data);
  });

  afterEach(() => {
    connection?.close();
    connection = undefined;
    agent.close();
  });

  it('asks for a resync, ingests what the other tab says, sends actions and settles them on the ack', async () => {
    const { store } = countingStore();
    connection = connect(store, { broadcastChannel: name });
    expect(connection.status).to.equal('open');
    expect(store.getState().link).to.equal('open');
    await until(() => heard.length === 1, 'resync');
    expect(heard[0]).to.deep.equal({ type: 'cobrowse.resync' });

    agent.postMessage(cobrowsesession('connected', 10));
    await until(() => store.getState().connection === 'connected', 'session');

    const { id } = store.act(ACTION);
    await until(() => heard.length === 2, 'action');
    expect(heard[1]).to.include({ type: 'cobrowse.action', id, action: 'end', sessionId: 'session-1' });
    agent.postMessage({ type: 'cobrowse.ack', actionId: id, ok: false, error: 'agent refused' });
    await until(() => store.getState().pending?.error === 'agent refused' || store.getState().failed, 'refusal');
  });

  it('takes acks out of a batch and ingests the rest of it', async () => {
    const { store, ingested } = countingStore();
    connection = connect(store, { broadcastChannel: { name, resync: false } });
    const { id } = store.act(ACTION);
    agent.postMessage(
      JSON.stringify([{ type: 'cobrowse.ack', actionId: id, ok: true }, cobrowsesession('connected', 10)]),
    );
    await until(() => store.getState().connection === 'connected', 'the batch');
    expect(store.getState().pending).to.equal(undefined);
    expect(ingested).to.deep.equal([[cobrowsesession('connected', 10)]]);
  });

  it("ignores another widget tab's resync and actions on the same channel", async () => {
    const { store, ingested } = countingStore();
    const errors: unknown[] = [];
    store.on('error', (error) => errors.push(error));
    connection = connect(store, { broadcastChannel: name });
    const other = connect(countingStore().store, { broadcastChannel: name }); // sends a resync on open
    try {
      agent.postMessage({ type: 'cobrowse.action', id: 'x', action: 'end', sessionId: 's', communicationId: 'c' });
      agent.postMessage(cobrowsesession('connected', 10));
      await until(() => ingested.length === 1, 'the session');
      expect(ingested).to.deep.equal([cobrowsesession('connected', 10)]);
      expect(errors).to.have.length(0);
    } finally {
      other.close();
    }
  });

  it('connect() without a transport says which options it takes', () => {
    expect(() => connect(countingStore().store, {} as never)).to.throw(
      TypeError,
      /websocket, postMessage or broadcastChannel/,
    );
  });

  it('close() closes the channel: nothing is heard or sent after it', async () => {
    const { store, ingested, listeners } = countingStore();
    connection = connect(store, { broadcastChannel: { name, resync: false } });
    connection.close();
    expect(listeners()).to.equal(0);
    expect(connection.send({ type: 'late' })).to.equal(false);
    agent.postMessage(cobrowsesession('connected', 10));
    store.act(ACTION);
    await sleep(100);
    expect(ingested).to.have.length(0);
    expect(heard).to.have.length(0);
  });
});
