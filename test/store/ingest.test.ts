/**
 * End to end through the full parser: raw Genesys payloads (conversations, Participant, CobrowseMediaParticipant,
 * Screenshare, Messenger offers, our vocabulary) in every SDK casing, to the view.
 */
import { expect } from '@open-wc/testing';
import { createSessionStore } from '../../src/store/index.js';
import type { SessionView } from '../../src/store/index.js';
import { toPascal, toSnake } from '../fixtures/genesys/casing.js';
import { at, T0 } from '../fixtures/sessions.js';
import { fakeTime } from './helpers.js';

const cobrowse = (id: string, role: string, seconds: number, extra: Record<string, unknown> = {}) => ({
  id,
  state: 'connected',
  cobrowseSessionId: 'session-1',
  cobrowseRole: role,
  controlling: [],
  providerEventTime: at(seconds),
  connectedTime: at(1),
  ...extra,
});

const conversation = (seconds: number, agentControls: string[] = []) => ({
  id: 'conv-1',
  participants: [
    {
      id: 'p-cust',
      name: 'Pat',
      purpose: 'customer',
      cobrowsesessions: [cobrowse('c-cust', 'sharer', seconds, { viewerUrl: 'https://viewer.example/s/1' })],
    },
    {
      id: 'p-agent',
      name: 'Ann',
      purpose: 'agent',
      cobrowsesessions: [cobrowse('c-agent', 'viewer', seconds, { controlling: agentControls })],
    },
    {
      id: 'p-sup',
      name: 'Sam',
      purpose: 'user',
      monitoredParticipantId: 'p-agent',
      cobrowsesessions: [cobrowse('c-sup', 'viewer', seconds)],
    },
    { id: 'p-acd', purpose: 'acd' },
  ],
});

function expectConversationView(view: SessionView) {
  expect(view).to.include({
    connection: 'connected',
    participantId: 'p-cust',
    communicationId: 'c-cust',
    conversationId: 'conv-1',
    sessionId: 'session-1',
    role: 'sharer',
    peerCount: 1,
    viewerUrl: 'https://viewer.example/s/1',
  });
  expect(view.peers.map((p) => [p.id, p.name, p.role, p.monitoring ?? false])).to.deep.equal([
    ['p-agent', 'Ann', 'viewer', false],
    ['p-sup', 'Sam', 'viewer', true],
  ]);
  expect(view.control.controlledBy.map((p) => p.id)).to.deep.equal(['p-agent']);
}

describe('store: ingest end to end (full parser)', () => {
  const casings: [string, (value: object) => unknown][] = [
    ['camelCase', (value) => value],
    ['snake_case', toSnake as (value: object) => unknown],
    ['PascalCase', toPascal as (value: object) => unknown],
    ['a JSON string', (value) => JSON.stringify(value)],
    [
      'a notification envelope',
      (value) => ({ topicName: 'v2.conversations.conv-1', version: '2', eventBody: value, metadata: {} }),
    ],
  ];
  for (const [name, encode] of casings) {
    it(`a conversation with customer, agent and a monitoring supervisor, as ${name}`, () => {
      const store = createSessionStore();
      expect(store.ingest(encode(conversation(2, ['p-cust']))).ok).to.equal(true);
      expectConversationView(store.getState());
    });
  }

  it('grants and revokes control through the agent `controlling`, whatever the order', () => {
    const store = createSessionStore();
    store.ingest(conversation(2));
    expect(store.getState().control.controlledBy).to.deep.equal([]);
    store.ingest(conversation(3, ['p-cust']));
    expect(store.getState().control.controlledBy.map((p) => p.id)).to.deep.equal(['p-agent']);
    store.ingest(conversation(4, []));
    expect(store.getState().control.controlledBy).to.deep.equal([]);
    // The grant arriving late changes nothing.
    expect(store.ingest(conversation(3, ['p-cust']))).to.include({ ok: true, changed: false });
  });

  for (const [name, encode] of casings.slice(0, 3)) {
    it(`a Participant holding a screenshare: sharing and peerCount, as ${name}`, () => {
      const store = createSessionStore();
      const participant = {
        id: 'p-cust',
        purpose: 'customer',
        screenshares: [
          {
            id: 'ss-1',
            state: 'Connected',
            sharing: true,
            peerCount: 3,
            connectedTime: at(4),
            startAlertingTime: at(1),
          },
        ],
      };
      store.ingest(encode(participant));
      expect(store.getState()).to.include({
        kind: 'screenshare',
        role: 'sharer',
        peerCount: 3,
        connection: 'connected',
        rawState: 'Connected',
        communicationId: 'ss-1',
        participantId: 'p-cust',
        connectedSince: at(4),
      });
    });

    it(`a bare Screenshare ends, as ${name}`, () => {
      const store = createSessionStore();
      const screenshare = {
        id: 'ss-1',
        state: 'disconnected',
        sharing: false,
        peerCount: 0,
        disconnectType: 'transfer.noanswer',
        connectedTime: at(5),
        disconnectedTime: at(60),
      };
      store.ingest(encode(screenshare));
      expect(store.getState()).to.include({
        connection: 'disconnected',
        role: 'viewer',
        disconnectType: 'transfer.noanswer',
        disconnectedAt: at(60),
        peerCount: 0,
      });
    });
  }

  it('a CobrowseMediaParticipant is its own communication, and finds me by purpose', () => {
    const store = createSessionStore();
    store.ingest({
      id: 'p-cust',
      name: 'Pat',
      purpose: 'customer',
      state: 'alerting',
      startAlertingTime: at(1),
      cobrowseSessionId: 'session-1',
      cobrowseRole: 'sharer',
      controlling: [],
      providerEventTime: at(1),
    });
    expect(store.getState()).to.include({
      connection: 'alerting',
      participantId: 'p-cust',
      communicationId: 'p-cust',
      alertingSince: at(1),
    });
  });

  it('keeps an unknown state verbatim, warns, and never blanks the view', () => {
    const store = createSessionStore();
    const warnings: unknown[] = [];
    store.on('warning', (warning) => warnings.push(warning));
    store.ingest(cobrowse('c1', 'sharer', 2, { state: 'Transmogrifying' }));
    expect(store.getState()).to.include({ connection: 'connecting', rawState: 'Transmogrifying' });
    expect(warnings.length).to.be.greaterThan(0);
  });

  // The model allow-lists URLs; these prove nothing else reaches the view.
  const urls: [string, boolean][] = [
    ['https://viewer.example/x', true],
    ['http://localhost:8000/x', true],
    ['http://viewer.example/x', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
  ];
  for (const [url, kept] of urls) {
    it(`${kept ? 'keeps' : 'drops'} the viewer and navigation URL ${url}`, () => {
      const store = createSessionStore();
      store.ingest(cobrowse('c1', 'sharer', 2, { viewerUrl: url }));
      store.ingest({ type: 'cobrowse.navigationRequest', participantId: 'p-agent', url });
      const view = store.getState();
      expect(view).to.include({ connection: 'connected', viewerUrl: kept ? url : undefined });
      expect(view.navigationRequest?.url).to.equal(kept ? url : undefined);
    });
  }

  describe('offers and requests with timers', () => {
    function setup() {
      const time = fakeTime(T0 + 10_000);
      const store = createSessionStore({ clock: time.clock, timers: time.timers });
      let calls = 0;
      store.subscribe(() => calls++);
      return { time, store, calls: () => calls };
    }

    it('a Messenger offer alerts until it expires, by event or by time', () => {
      const { time, store, calls } = setup();
      store.ingest({ type: 'Offering', sessionId: 'session-9', sessionJoinToken: 'token' });
      store.ingest({ type: 'cobrowse.offerExpiry', sessionId: 'session-9', expiresAt: at(40) });
      expect(store.getState()).to.include({ connection: 'alerting', sessionId: 'session-9', offerExpiresAt: at(40) });
      expect(time.scheduled).to.equal(1);
      time.tick(29_999);
      expect(store.getState().connection).to.equal('alerting');
      time.tick(1);
      expect(store.getState()).to.include({ connection: 'disconnected', disconnectType: 'timeout' });
      expect(calls()).to.equal(3);
      expect(time.scheduled).to.equal(0);

      store.reset();
      store.ingest({ type: 'Offering', sessionId: 'session-9' });
      store.ingest({ type: 'OfferingExpired', sessionId: 'session-9' });
      expect(store.getState()).to.include({ connection: 'disconnected', disconnectType: 'timeout' });
    });

    it('a control request expires after 30 s and counts as declined; reset clears its timer', () => {
      const { time, store, calls } = setup();
      store.ingest(cobrowse('c1', 'sharer', 2));
      store.ingest({ type: 'cobrowse.controlRequest', participantId: 'p-agent', name: 'Ann' });
      expect(store.getState().control.request).to.include({ participantId: 'p-agent', name: 'Ann' });
      expect(time.scheduled).to.equal(1);
      time.tick(29_999);
      expect(store.getState().control.request).to.not.equal(undefined);
      time.tick(1);
      expect(store.getState().control.request).to.equal(undefined);
      expect(calls()).to.equal(3);
      expect(time.scheduled).to.equal(0);

      store.ingest({ type: 'cobrowse.controlRequest', participantId: 'p-agent', time: at(50) });
      expect(time.scheduled).to.equal(1);
      store.reset();
      expect(time.scheduled).to.equal(0);
    });

    it('a control request is withdrawn by active: false, and declined locally', () => {
      const { store } = setup();
      store.ingest(cobrowse('c1', 'sharer', 2));
      store.ingest({ type: 'cobrowse.controlRequest', participantId: 'p-agent', time: at(10) });
      store.ingest({ type: 'cobrowse.controlRequest', participantId: 'p-agent', time: at(11), active: false });
      expect(store.getState().control.request).to.equal(undefined);
      store.ingest({ type: 'cobrowse.controlRequest', participantId: 'p-agent', time: at(12) });
      const view = store.getState();
      expect(view.control.request).to.not.equal(undefined);
      store.act({ action: 'decline-control', sessionId: 'session-1', communicationId: 'c1' });
      expect(store.getState().control.request).to.equal(undefined);
      // The same request again (a redelivery) stays declined.
      store.ingest({ type: 'cobrowse.controlRequest', participantId: 'p-agent', time: at(12) });
      expect(store.getState().control.request).to.equal(undefined);
    });

    it('a navigation request shows until answered', () => {
      const { store } = setup();
      store.ingest(cobrowse('c1', 'sharer', 2));
      store.ingest({ type: 'cobrowse.navigationRequest', participantId: 'p-agent', url: 'https://shop.example/cart' });
      expect(store.getState().navigationRequest).to.include({
        participantId: 'p-agent',
        url: 'https://shop.example/cart',
      });
      store.act({ action: 'accept-navigation', sessionId: 'session-1', communicationId: 'c1' });
      expect(store.getState().navigationRequest).to.equal(undefined);
    });

    it('an ack settles the pending action', () => {
      const { store } = setup();
      store.ingest(cobrowse('c1', 'sharer', 2, { state: 'alerting' }));
      const action = store.act({ action: 'accept', sessionId: 'session-1', communicationId: 'c1' });
      store.ingest({ type: 'cobrowse.ack', actionId: action.id, ok: false, error: 'Session is gone' });
      expect(store.getState()).to.include({ pending: undefined });
      expect(store.getState().failed).to.include({ id: action.id, error: 'Session is gone' });
    });
  });
});
