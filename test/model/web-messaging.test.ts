import { expect } from '@open-wc/testing';
import { parseInput } from '../../src/model/index.js';
import type { NormalizedInput } from '../../src/model/index.js';
import {
  coBrowseFrame,
  coBrowseFrames,
  epoch,
  malformedGuestFrames,
  offers,
  offersNormalized,
  otherGuestFrames,
  screenShareNotification,
  toPascal,
  toSnake,
} from '../fixtures/genesys/index.js';

function value(input: unknown): NormalizedInput {
  const result = parseInput(input);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.warnings, 'no warnings').to.deep.equal([]);
  return result.value;
}

const NOTHING = { conversations: [], communications: [], signals: [] };

describe('model: Web Messaging guest frames', () => {
  it('a StructuredMessage CoBrowse event gives the same offer signal as the Messenger event, timed by its channel', () => {
    for (const { frame, signal } of coBrowseFrames) {
      const messenger = offersNormalized.find((o) => o.event === signal.event)!;
      const { time, ...untimed } = signal;
      expect(untimed).to.deep.equal({ ...messenger, sessionJoinToken: 'join-token-1' });
      expect(time).to.equal(epoch(10 + coBrowseFrames.findIndex((f) => f.signal === signal)));
      expect(value(frame)).to.deep.equal({ ...NOTHING, signals: [signal] });
      // As a JSON string (a socket's MessageEvent.data), and in the other SDK casings.
      expect(value(JSON.stringify(frame))).to.deep.equal({ ...NOTHING, signals: [signal] });
      expect(value(toSnake(frame))).to.deep.equal({ ...NOTHING, signals: [signal] });
      expect(value(toPascal(frame))).to.deep.equal({ ...NOTHING, signals: [signal] });
    }
    // The offers themselves still parse as before.
    expect(value(offers).signals).to.deep.equal(offersNormalized);
  });

  it('matches the frame type, class, eventType and offer type case-insensitively', () => {
    const frame = coBrowseFrame('OFFERINGaccepted');
    const shouting = {
      ...frame,
      type: 'MESSAGE',
      class: 'structuredmessage',
      body: { ...frame.body, events: [{ ...frame.body.events[0], eventType: 'COBROWSE' }] },
    };
    expect(value(shouting).signals.map((s) => s.type === 'offer' && s.event)).to.deep.equal(['offeringaccepted']);
  });

  it('several CoBrowse events in one frame give one signal each, in order; other events give none', () => {
    const frame = coBrowseFrame('Offering');
    const two = {
      ...frame,
      body: {
        ...frame.body,
        events: [
          { eventType: 'Presence', presence: { type: 'Join' } },
          ...frame.body.events,
          { eventType: 'CoBrowse', coBrowse: { type: 'OfferingExpired', sessionId: 'cb-session-2' } },
        ],
      },
    };
    expect(value(two).signals.map((s) => s.type === 'offer' && [s.event, s.sessionId])).to.deep.equal([
      ['offering', 'cb-session-1'],
      ['offeringexpired', 'cb-session-2'],
    ]);
  });

  for (const [name, frame] of Object.entries(otherGuestFrames)) {
    it(`${name}: accepted, adds nothing, no warning`, () => {
      expect(value(frame)).to.deep.equal(NOTHING);
      expect(value(JSON.stringify(frame))).to.deep.equal(NOTHING);
    });
  }

  it('in a batch with other frames, only the CoBrowse events count', () => {
    const batch = [...Object.values(otherGuestFrames), coBrowseFrames[0].frame, otherGuestFrames.pong];
    expect(value(batch)).to.deep.equal({ ...NOTHING, signals: [coBrowseFrames[0].signal] });
    expect(value(JSON.stringify(batch))).to.deep.equal({ ...NOTHING, signals: [coBrowseFrames[0].signal] });
  });

  for (const [name, frame, path] of malformedGuestFrames) {
    it(`rejects a malformed frame (${name}) naming ${path}`, () => {
      const result = parseInput(frame);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.error.issues.map((issue) => issue.path)).to.deep.equal([path]);
      // In a batch, the item's index leads the path, and nothing of the batch applies.
      const batch = parseInput([otherGuestFrames.pong, frame]);
      expect(!batch.ok && batch.error.issues.map((issue) => issue.path)).to.deep.equal([`[1].${path}`]);
    });
  }

  it('names the problem plainly', () => {
    const messages = Object.fromEntries(
      malformedGuestFrames.map(([name, frame]) => {
        const result = parseInput(frame);
        return [name, !result.ok && result.error.issues[0].message];
      }),
    );
    expect(messages['CoBrowse without sessionId']).to.equal('missing (expected a string)');
    expect(messages['CoBrowse with a bad type']).to.equal(
      'unknown type "Invited" (expected Offering, OfferingExpired, OfferingAccepted or OfferingRejected)',
    );
    expect(messages['CoBrowse without coBrowse']).to.equal('missing (expected an object)');
    expect(messages['unknown frame type']).to.equal(
      'unknown type "notice" (a Web Messaging guest frame is "message" or "response")',
    );
    expect(messages['code not a number']).to.equal('expected a whole number, received "200"');
  });
});

describe('model: ScreenShareConversationNotification', () => {
  it('each flat ScreenShareMediaParticipant is a screenshare communication keyed by participant id', () => {
    for (const input of [
      screenShareNotification,
      toSnake(screenShareNotification),
      screenShareNotification.eventBody,
    ]) {
      const out = value(input);
      expect(
        out.communications.map((c) => [c.id, c.kind, c.state, c.sharing, c.peerCount, c.peerId, c.conversationId]),
      ).to.deep.equal([
        ['ss-customer', 'screenshare', 'connected', true, 2, undefined, 'conv-ss-1'],
        ['ss-agent-1', 'screenshare', 'connected', false, 1, 'ss-customer', 'conv-ss-1'],
        ['ss-agent-2', 'screenshare', 'connected', false, 1, 'ss-customer', 'conv-ss-1'],
        ['ss-acd', 'screenshare', 'disconnected', undefined, undefined, undefined, 'conv-ss-1'],
      ]);
      expect(out.communications[0].participant).to.deep.equal({
        id: 'ss-customer',
        name: 'Pat Customer',
        purpose: 'customer',
        state: 'connected',
        mediaRoles: [],
      });
      expect(out.communications[1].participant?.userId).to.equal('user-ss-agent-1');
    }
    // One participant alone (not in a conversation) too.
    const alone = value(screenShareNotification.eventBody.participants[0]);
    expect(alone.communications.map((c) => [c.id, c.kind])).to.deep.equal([['ss-customer', 'screenshare']]);
  });

  it('a conversation that holds no co-browse or screen-share communication parses with a warning', () => {
    const callback = {
      id: 'conv-callback',
      participants: [{ id: 'a-customer', purpose: 'customer', callbacks: [{ state: 'scheduled' }] }],
    };
    for (const input of [callback, { topicName: 'v2.users.u.conversations', eventBody: callback }]) {
      const result = parseInput(input);
      expect(result.ok).to.equal(true);
      expect(result.ok && result.value.conversations[0].participants.map((p) => p.id)).to.deep.equal(['a-customer']);
      expect(result.warnings.map((w) => [w.code, w.path])).to.deep.equal([
        ['ignored', input === callback ? '(root)' : 'eventBody'],
      ]);
      expect(result.warnings[0].message).to.match(/^no co-browse or screen-share communication/);
    }
    // A flat media participant of another kind (a MessageMediaParticipant) alone: the same warning.
    const message = parseInput({ id: 'p', purpose: 'agent', state: 'connected', messageId: 'm' });
    expect(message.warnings.map((w) => w.code)).to.deep.equal(['ignored']);
  });
});
