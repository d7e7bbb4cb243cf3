// The core's sniff (src/loader/sniff.ts) held to the model and store it stands in for: a payload it lets go
// (`inert`) changes nothing and says nothing in a real store, in any state; one it keeps without loading the UI
// (`quiet`) shows no live session (or is invalid, which the model reports once the UI is there). Anything else it must send to the UI (`session`), which is always
// safe. Checked on every fixture and on fast-check variations of them.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { sniff } from '../../src/loader/sniff.js';
import { createSessionStore } from '../../src/store/index.js';
import { casings, valid } from '../fixtures/genesys/index.js';
import * as models from '../fixtures/genesys/models.js';
import { cobrowsesession } from '../fixtures/sessions.js';
import { callbackConversation, largeConversation } from '../fixtures/genesys/large-conversation.js';
import {
  coBrowseFrame,
  malformedGuestFrames,
  otherGuestFrames,
  screenShareNotification,
} from '../fixtures/genesys/web-messaging.js';

const STATES = ['alerting', 'connected', 'CONNECTED', 'disconnected', 'Disconnected', 'terminated', 'held', 'x', ''];

/** The store with a live session in it: an `inert` payload must not change that either. */
function liveStore() {
  const store = createSessionStore();
  store.ingest(cobrowsesession('connected', 5));
  return store;
}

function check(payload: unknown, label: string) {
  const { need } = sniff(payload);
  if (need === 'inert') {
    const result = createSessionStore().ingest(payload);
    // The one thing the model may say of a frame the core lets go: that a key inside it is spelled twice (`W` and
    // `w` in a chat message's body). The core reads a frame's few top-level fields, not all of it, and such a
    // warning is about data the widget never reads.
    const warnings = result.warnings.filter((w) => !(w.code === 'ignored' && / repeats "/.test(w.message)));
    expect({ ...result, warnings }, `${label}: inert must be accepted silently`).to.deep.equal({
      ok: true,
      changed: false,
      warnings: [],
    });
    expect(liveStore().ingest(payload), `${label}: inert must not change a live session`).to.include({
      ok: true,
      changed: false,
    });
  } else if (need === 'quiet') {
    // Kept for the UI without loading it: valid ones show no live session; an invalid one is reported by the
    // model when the UI comes (the core cannot validate without it).
    const store = createSessionStore();
    if (store.ingest(payload).ok) {
      expect(['idle', 'disconnected'], `${label}: quiet must show no live session`).to.include(
        store.getState().connection,
      );
    }
  }
  return need;
}

const withState = (value: object, state: string) => ({ ...value, state });
const conversationOf = (...participants: object[]) => ({ id: 'conv-x', participants });

describe('sniff: what the core does before the session UI is there', () => {
  it('sorts every fixture in a way the model agrees with', () => {
    const needs = Object.entries(valid).map(([name, payload]) => [name, check(payload, name)]);
    const by = Object.fromEntries(needs);
    expect(by.heartbeat).to.equal('inert');
    expect(by['Messenger Offering']).to.equal('session');
    expect(by['Messenger OfferingExpired']).to.equal('quiet');
    expect(by['Cobrowsesession (camel)']).to.equal('session');
    expect(by['JSON string']).to.equal('session');
    // A system message warns: the page must hear it, so the UI loads.
    expect(by['socket closing']).to.equal('session');
  });

  it('Web Messaging guest frames: chat, typing, presence and the like are inert, co-browse offers need the UI', () => {
    for (const [name, frame] of Object.entries(otherGuestFrames)) {
      expect(check(frame, name), name).to.equal('inert');
      expect(check(JSON.stringify(frame), `${name} (JSON)`), name).to.equal('inert');
    }
    expect(check(coBrowseFrame('Offering'), 'Offering')).to.equal('session');
    expect(check(coBrowseFrame('OfferingAccepted'), 'OfferingAccepted')).to.equal('session');
    expect(check(coBrowseFrame('OfferingExpired'), 'OfferingExpired')).to.equal('quiet');
    expect(check([...Object.values(otherGuestFrames), coBrowseFrame('Offering')], 'a batch')).to.equal('session');
    // A broken frame is never let go: the model reports it.
    for (const [name, frame] of malformedGuestFrames) expect(check(frame, name), name).to.not.equal('inert');
  });

  it('real conversations: a large transferred one, a callback, a screen-share notification', () => {
    expect(check(largeConversation, 'large conversation')).to.equal('session');
    expect(check(callbackConversation, 'callback conversation')).to.equal('quiet');
    expect(check(screenShareNotification, 'screen-share notification')).to.equal('session');
  });

  it('a leg that ended, a conversation without a co-browse leg, and other media are quiet', () => {
    const ended = withState(models.cobrowsesession, 'disconnected');
    const chatOnly = {
      id: 'p-chat',
      purpose: 'customer',
      state: 'connected',
      chats: [{ id: 'chat-1', state: 'connected' }],
    };
    const callback = { id: 'p-cb', purpose: 'customer', callbacks: [{ id: 'cb-1', state: 'scheduled' }] };
    for (const [label, payload] of Object.entries({
      ended,
      'ended (pascal)': casings.pascal(ended),
      'chat-only conversation': conversationOf(chatOnly, callback),
      'ended screen share': withState(models.screenshare, 'terminated'),
    }))
      expect(check(payload, label), label).to.equal('quiet');
  });

  it('holds for every state of every leg shape, alone, in a participant, a conversation and an envelope', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(models.cobrowsesession, models.screenshare, models.cobrowseMediaParticipant),
        fc.constantFrom(...STATES),
        fc.constantFrom(...Object.keys(casings)),
        fc.constantFrom('alone', 'participant', 'conversation', 'envelope', 'batch', 'json'),
        (leg, state, casing, wrap) => {
          const one = withState(leg, state);
          const participant = { id: 'p-1', purpose: 'customer', cobrowsesessions: [one] };
          const wrapped = {
            alone: one,
            participant,
            conversation: conversationOf(participant),
            envelope: { topicName: 'v2.users.u1.conversations', version: '2', eventBody: conversationOf(participant) },
            batch: [valid.heartbeat, one],
            json: JSON.stringify(one),
          }[wrap];
          const payload = casings[casing as keyof typeof casings](wrapped);
          const need = check(payload, `${wrap} ${casing} ${state}`);
          // A leg that is on (or in any state the model does not call ended) always loads the UI.
          if (!/^(disconnected|terminated)$/i.test(state)) expect(need).to.equal('session');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds for arbitrary mutations of the fixtures: fields dropped, retyped, nested in batches', () => {
    const base = [
      ...Object.values(valid),
      ...Object.values(otherGuestFrames),
      coBrowseFrame('Offering'),
      largeConversation,
      screenShareNotification,
    ].filter((value) => typeof value === 'object');
    const mutate = fc.tuple(fc.constantFrom(...base), fc.anything(), fc.nat(20)).map(([value, junk, pick]) => {
      const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
      const keys = Object.keys(copy);
      if (keys.length) copy[keys[pick % keys.length]] = pick % 3 ? junk : undefined;
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(mutate, fc.array(mutate, { maxLength: 4 }), fc.anything()), (payload) => {
        check(payload, JSON.stringify(payload)?.slice(0, 200) ?? String(payload));
      }),
      { numRuns: 500 },
    );
  });
});
