/**
 * Issue 16: payloads shaped as Genesys Cloud really sends them, end to end through the full parser to the view:
 * Web Messaging guest frames, a large transferred conversation, a second conversation of the same customer, and a
 * ScreenShareConversationNotification.
 */
import { expect } from '@open-wc/testing';
import { createSessionStore } from '../../src/store/index.js';
import type { SessionStore } from '../../src/store/index.js';
import {
  ALERTED_AGENTS,
  LARGE_SESSION,
  callbackConversation,
  coBrowseFrames,
  epoch,
  largeConversation,
  malformedGuestFrames,
  offers,
  otherGuestFrames,
  screenShareNotification,
  toPascal,
  toSnake,
} from '../fixtures/genesys/index.js';

const NOW = epoch(100);
/** A store on a fixed clock, and the errors it reported. */
function storeAt(options: Parameters<typeof createSessionStore>[0] = {}) {
  const store = createSessionStore({ clock: () => NOW, ...options });
  const errors: string[] = [];
  store.on('error', (error) => errors.push(error.message));
  return { store, errors };
}
/** The view after ingesting each input in turn (each must be accepted). */
function viewAfter(store: SessionStore, ...inputs: unknown[]) {
  for (const input of inputs) {
    const result = store.ingest(input);
    if (!result.ok) throw new Error(result.error.message);
  }
  return store.getState();
}

describe('store: Web Messaging guest frames', () => {
  it('each CoBrowse offer frame gives the same view as the Messenger offer event (object, JSON, in a batch)', () => {
    for (const [i, { frame }] of coBrowseFrames.entries()) {
      // The Messenger event of the same type, at the same time (the frame's channel.time).
      const messenger = { ...offers[i], time: new Date(epoch(10 + i)).toISOString() };
      const expected = viewAfter(storeAt().store, messenger);
      expect(expected.connection, offers[i].type).to.not.equal('idle');
      for (const input of [frame, JSON.stringify(frame), [otherGuestFrames.pong, frame, otherGuestFrames.Typing]]) {
        expect(viewAfter(storeAt().store, input)).to.deep.equal(expected);
      }
    }
  });

  it('the offer flow through frames: alerting, accepted (connecting), and expired or rejected (ended)', () => {
    const [offering, expired, accepted, rejected] = coBrowseFrames.map(({ frame }) => frame);
    const alerting = viewAfter(storeAt().store, offering);
    expect(alerting).to.include({ connection: 'alerting', sessionId: 'cb-session-1', kind: 'cobrowse' });
    expect(JSON.stringify(alerting)).to.not.include('join-token-1');
    expect(viewAfter(storeAt().store, offering, accepted).connection).to.equal('connecting');
    expect(viewAfter(storeAt().store, offering, expired)).to.include({
      connection: 'disconnected',
      disconnectType: 'timeout',
    });
    expect(viewAfter(storeAt().store, offering, rejected)).to.include({
      connection: 'disconnected',
      disconnectType: 'client',
    });
  });

  it('twenty frames of every other kind change nothing and report no error, before and during an offer', () => {
    const { store, errors } = storeAt();
    const warnings: unknown[] = [];
    store.on('warning', (warning) => warnings.push(warning));
    const listener: unknown[] = [];
    store.subscribe((view) => listener.push(view));
    for (const phase of ['idle', 'offered']) {
      if (phase === 'offered') expect(store.ingest(coBrowseFrames[0].frame)).to.include({ ok: true, changed: true });
      const before = store.getState();
      const heard = listener.length;
      for (const [name, frame] of Object.entries(otherGuestFrames)) {
        for (let i = 0; i < 20; i++) {
          const input = i % 2 ? JSON.stringify(frame) : frame;
          expect(store.ingest(input), `${name} #${i}`).to.deep.equal({ ok: true, changed: false, warnings: [] });
        }
      }
      expect(store.getState()).to.equal(before);
      expect(listener.length).to.equal(heard);
    }
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('a malformed frame is an error naming its path, and changes nothing', () => {
    const { store, errors } = storeAt();
    viewAfter(store, coBrowseFrames[0].frame);
    const before = store.getState();
    for (const [name, frame, path] of malformedGuestFrames) {
      const result = store.ingest(frame);
      expect(result.ok, name).to.equal(false);
      expect(!result.ok && result.error.issues[0].path).to.equal(path);
    }
    expect(store.getState()).to.equal(before);
    expect(errors).to.have.length(malformedGuestFrames.length);
  });
});

describe('store: who is shown in a large, transferred conversation', () => {
  for (const [casing, to] of [
    ['camel', <T>(value: T) => value],
    ['snake', toSnake],
    ['Pascal', toPascal],
  ] as const) {
    it(`shows exactly the connected co-browse viewer and the monitoring supervisor (${casing})`, () => {
      const envelope = {
        topicName: 'v2.conversations.cobrowsesessions.conv-large',
        eventBody: largeConversation,
      };
      const view = viewAfter(storeAt().store, to(envelope));
      expect(view).to.include({
        connection: 'connected',
        participantId: 'p-customer',
        sessionId: LARGE_SESSION,
        role: 'sharer',
        peerCount: 1,
      });
      expect(view.peers).to.deep.equal([
        {
          id: 'p-priya',
          name: 'Priya Raman',
          purpose: 'agent',
          role: 'viewer',
          connection: 'connected',
          controlling: false,
        },
        {
          id: 'p-sam',
          name: 'Sam Okafor',
          purpose: 'agent',
          role: undefined,
          connection: 'idle',
          controlling: false,
          monitoring: true,
        },
      ]);
    });
  }

  it('the same when each participant arrives in its own notification, in any order', () => {
    const one = (participant: unknown) => ({ id: largeConversation.id, participants: [participant] });
    const forward = largeConversation.participants.map(one);
    const expected = viewAfter(storeAt().store, largeConversation);
    expect(viewAfter(storeAt().store, ...forward)).to.deep.equal(expected);
    expect(viewAfter(storeAt().store, ...[...forward].reverse())).to.deep.equal(expected);
  });

  it('the supervisor is hidden only once known to have left; a viewer who ends drops out of the count', () => {
    const { store } = storeAt();
    viewAfter(store, largeConversation);
    // Priya's leg ends (she transferred too): nobody is viewing; Sam is still disclosed.
    const priya = largeConversation.participants.find((p) => p.id === 'p-priya') as unknown as {
      cobrowsesessions: Record<string, unknown>[];
    };
    const left = viewAfter(store, {
      id: largeConversation.id,
      participants: [
        {
          ...priya,
          cobrowsesessions: [{ ...priya.cobrowsesessions[0], state: 'disconnected', providerEventTime: epoch(95) }],
        },
      ],
    });
    expect(left.peers.map((p) => p.id)).to.deep.equal(['p-sam']);
    expect(left.peerCount).to.equal(0);
    // Sam as a flat media participant whose state says he left: no longer shown.
    const samLeft = viewAfter(store, {
      id: largeConversation.id,
      participants: [
        {
          id: 'p-sam',
          purpose: 'agent',
          monitoredParticipantId: 'p-priya',
          cobrowseSessionId: LARGE_SESSION,
          state: 'disconnected',
          providerEventTime: epoch(96),
        },
      ],
    });
    expect(samLeft.peers).to.deep.equal([]);
  });

  it('none of the seventeen alerted agents, the bot, the queues or the transferred agent is listed', () => {
    const ids = viewAfter(storeAt().store, largeConversation).peers.map((p) => p.id);
    for (const id of [...ALERTED_AGENTS.map((a) => a.id), 'p-bot', 'p-acd-support', 'p-acd-billing', 'p-dana']) {
      expect(ids).to.not.include(id);
    }
  });
});

describe('store: "me" across conversations of one customer', () => {
  it('the live co-browse session is shown whatever order its conversation and a callback arrive in', () => {
    const expected = viewAfter(storeAt().store, largeConversation);
    expect(expected).to.include({ participantId: 'p-customer', connection: 'connected' });
    for (const order of [
      [largeConversation, callbackConversation],
      [callbackConversation, largeConversation],
      [[callbackConversation, largeConversation]],
      [[largeConversation, callbackConversation]],
    ]) {
      expect(viewAfter(storeAt().store, ...order)).to.deep.equal(expected);
    }
  });

  it('with only the callback, the customer is known but no session is shown; selfId still decides when given', () => {
    expect(viewAfter(storeAt().store, callbackConversation)).to.include({ connection: 'idle' });
    const chosen = viewAfter(storeAt({ selfId: 'a-callback-customer' }).store, largeConversation, callbackConversation);
    expect(chosen.connection).to.equal('idle');
  });
});

describe('store: ScreenShareConversationNotification', () => {
  it('shows a screen share, the customer sharing, with its viewer count and the viewers listed', () => {
    for (const input of [
      screenShareNotification,
      toSnake(screenShareNotification),
      JSON.stringify(screenShareNotification),
    ]) {
      const { store, errors } = storeAt();
      const result = store.ingest(input);
      expect(result).to.deep.equal({ ok: true, changed: true, warnings: [] });
      expect(store.getState()).to.include({
        connection: 'connected',
        kind: 'screenshare',
        role: 'sharer',
        participantId: 'ss-customer',
        communicationId: 'ss-customer',
        conversationId: 'conv-ss-1',
        peerCount: 2,
      });
      expect(store.getState().peers.map((p) => [p.id, p.role, p.connection])).to.deep.equal([
        ['ss-agent-1', 'viewer', 'connected'],
        ['ss-agent-2', 'viewer', 'connected'],
      ]);
      expect(errors).to.deep.equal([]);
    }
  });

  it('a viewer leaving lowers the count; the share ending ends the view', () => {
    const { store } = storeAt();
    viewAfter(store, screenShareNotification);
    const [customer, agent1] = screenShareNotification.eventBody.participants;
    const body = (participants: unknown[]) => ({
      ...screenShareNotification,
      eventBody: { id: 'conv-ss-1', participants },
    });
    const one = viewAfter(
      store,
      body([
        { ...customer, peerCount: 1, providerEventTime: epoch(20) },
        { ...agent1, state: 'disconnected', endTime: epoch(20), providerEventTime: epoch(20) },
      ]),
    );
    expect(one.peerCount).to.equal(1);
    expect(one.peers.map((p) => p.id)).to.deep.equal(['ss-agent-2']);
    const ended = viewAfter(
      store,
      body([{ ...customer, state: 'disconnected', peerCount: 0, providerEventTime: epoch(30) }]),
    );
    expect(ended).to.include({ connection: 'disconnected', kind: 'screenshare' });
  });
});
