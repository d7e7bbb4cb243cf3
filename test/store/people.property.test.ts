/**
 * Properties of who is shown and who "me" is (issue 16), through the full parser: random conversations with many
 * participants, transfers (legs that connected, then ended), mixed media (co-browse, screen share, message legs the
 * model does not keep), other sessions, monitoring supervisors and system participants, fed one notification per
 * participant update in a random arrival order; and several conversations of one customer in every arrival order.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createSessionStore } from '../../src/store/index.js';
import type { SessionView } from '../../src/store/index.js';
import { T0 } from '../fixtures/sessions.js';

const CONVERSATION = 'conv-1';
const SESSION = 'session-mine';
const SYSTEM = new Set(['acd', 'ivr', 'workflow', 'voicemail']);

type Media = 'cobrowse' | 'screenshare' | 'message';
type Step = 'alerting' | 'connected' | 'held' | 'disconnected';
interface Leg {
  media: Media;
  /** A co-browse leg in my session (else in another one); a screen share has no session id. */
  mySession: boolean;
  /** The leg's states in time order: its last one is where it is now. */
  history: Step[];
}
interface Other {
  purpose: string;
  monitor: 'no' | 'monitoredParticipantId' | 'mediaRoles';
  /** Every co-browse or screen-share leg of theirs in one role (so the role shown does not depend on which leg). */
  role: 'viewer' | 'sharer';
  legs: Leg[];
}

const HISTORIES: Step[][] = [
  ['alerting'],
  ['connected'],
  ['alerting', 'connected'],
  ['alerting', 'connected', 'held'],
  // Transferred away, or left: connected, then ended.
  ['alerting', 'connected', 'disconnected'],
  ['connected', 'disconnected'],
  // Alerted, never joined.
  ['alerting', 'disconnected'],
];

const leg: fc.Arbitrary<Leg> = fc.record({
  media: fc.constantFrom<Media>('cobrowse', 'screenshare', 'message'),
  mySession: fc.boolean(),
  history: fc.constantFrom(...HISTORIES),
});
const other: fc.Arbitrary<Other> = fc.record({
  purpose: fc.constantFrom('agent', 'agent', 'user', 'external', 'acd', 'ivr', 'workflow', 'voicemail'),
  monitor: fc.constantFrom<Other['monitor']>('no', 'no', 'no', 'monitoredParticipantId', 'mediaRoles'),
  role: fc.constantFrom<Other['role']>('viewer', 'viewer', 'viewer', 'sharer'),
  legs: fc.array(leg, { maxLength: 3 }),
});
const scenario = fc.record({
  myKind: fc.constantFrom<'cobrowse' | 'screenshare'>('cobrowse', 'screenshare'),
  others: fc.array(other, { maxLength: 25 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

const personId = (i: number) => `p-${String(i).padStart(2, '0')}`;
const time = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** One payload per participant update: a conversation holding that participant with one leg at one state. */
function events({ myKind, others }: Scenario): unknown[] {
  const list = myKind === 'cobrowse' ? 'cobrowsesessions' : 'screenshares';
  const mine = {
    id: 'p-me',
    purpose: 'customer',
    name: 'Me',
    [list]: [
      {
        id: 'leg-me',
        state: 'connected',
        ...(myKind === 'cobrowse' ? { cobrowseSessionId: SESSION, cobrowseRole: 'sharer' } : { sharing: true }),
        providerEventTime: time(1),
      },
    ],
  };
  const out: unknown[] = [{ id: CONVERSATION, participants: [mine] }];
  others.forEach((person, i) => {
    const id = personId(i);
    const participant = {
      id,
      purpose: person.purpose,
      name: `Person ${i}`,
      ...(person.monitor === 'monitoredParticipantId' && { monitoredParticipantId: 'p-me' }),
      ...(person.monitor === 'mediaRoles' && { mediaRoles: ['Monitor'] }),
    };
    if (!person.legs.length) out.push({ id: CONVERSATION, participants: [participant] });
    person.legs.forEach((item, j) => {
      item.history.forEach((step, k) => {
        const state = step === 'held' ? 'connected' : step;
        const fields = {
          id: `leg-${i}-${j}`,
          state,
          ...(step === 'held' && { held: true }),
          ...(step === 'disconnected' && { disconnectType: 'transfer' }),
          // Each leg's steps in time order; legs interleave.
          providerEventTime: time(10 + k * 10 + i * 0.01 + j * 0.001),
        };
        const media =
          item.media === 'cobrowse'
            ? {
                cobrowsesessions: [
                  {
                    ...fields,
                    cobrowseSessionId: item.mySession ? SESSION : 'session-other',
                    cobrowseRole: person.role,
                  },
                ],
              }
            : item.media === 'screenshare'
              ? { screenshares: [{ ...fields, sharing: person.role === 'sharer' }] }
              : { messages: [fields] };
        out.push({ id: CONVERSATION, participants: [{ ...participant, ...media }] });
      });
    });
  });
  return out;
}

/** Who the rules say is shown: [id, monitoring] sorted by id, and how many are counted as viewing. */
function expected({ myKind, others }: Scenario) {
  const shown: [string, boolean][] = [];
  let viewing = 0;
  others.forEach((person, i) => {
    if (SYSTEM.has(person.purpose)) return;
    const legs = person.legs.filter((item) => item.media !== 'message');
    const now = (item: Leg) => item.history[item.history.length - 1];
    const inSession = legs.filter((item) =>
      myKind === 'cobrowse' ? item.media === 'cobrowse' && item.mySession : item.media === 'screenshare',
    );
    const live = inSession.some((item) => now(item) === 'connected' || now(item) === 'held');
    const monitoring = person.monitor !== 'no';
    const left = (some: Leg[]) => some.length > 0 && some.every((item) => now(item) === 'disconnected');
    const listed = monitoring ? (inSession.length ? !left(inSession) : !left(legs)) : live;
    if (!listed) return;
    shown.push([personId(i), monitoring]);
    if (!monitoring && person.role === 'viewer') viewing++;
  });
  return { shown, viewing };
}

function play(inputs: unknown[]): SessionView {
  // Enough room that no ended leg is forgotten (the default keeps 64 communications).
  const store = createSessionStore({ clock: () => T0 + 3_600_000, limits: { maxCommunications: 1000 } });
  for (const input of inputs) {
    const result = store.ingest(input);
    if (!result.ok) throw new Error(result.error.message);
  }
  return store.getState();
}

describe('store: who is shown (properties)', () => {
  it('lists exactly the live viewers of my session and every monitor not known to have left, in any order', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => {
          const all = events(s);
          return fc.tuple(fc.constant(s), fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }));
        }),
        ([s, shuffled]) => {
          const inOrder = play(events(s));
          const view = play(shuffled);
          const { shown, viewing } = expected(s);
          expect(view.peers.map((p) => [p.id, p.monitoring ?? false])).to.deep.equal(shown);
          expect(view.peerCount).to.equal(viewing);
          expect(view.participantId).to.equal('p-me');
          expect(view.connection).to.equal('connected');
          // Everyone listed and not monitoring is live; a monitor is never shown as ended.
          for (const peer of view.peers) {
            if (peer.monitoring) expect(peer.connection).to.not.equal('disconnected');
            else expect(['connected', 'held']).to.include(peer.connection);
          }
          expect(view).to.deep.equal(inOrder);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Every order of `items`. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

type Kind = 'callback' | 'message' | 'cobrowse-ended' | 'screenshare-ended';
/** A conversation of the customer that shows no live session, with its customer participant `id`. */
function quiet(kind: Kind, id: string, n: number) {
  const customer = { id, purpose: 'customer', name: 'Jordan' };
  const legs = {
    callback: { callbacks: [{ id: `cb-${n}`, state: 'scheduled' }] },
    message: { messages: [{ id: `m-${n}`, state: 'disconnected' }] },
    'cobrowse-ended': {
      cobrowsesessions: [
        // Ended later than the live session started: still not the one shown.
        { id: `old-${n}`, state: 'disconnected', cobrowseSessionId: `s-${n}`, providerEventTime: time(500 + n) },
      ],
    },
    'screenshare-ended': {
      screenshares: [{ id: `old-${n}`, state: 'disconnected', sharing: true, providerEventTime: time(400 + n) }],
    },
  }[kind];
  return {
    id: `conv-${n}`,
    participants: [
      { ...customer, ...legs },
      { id: `acd-${n}`, purpose: 'acd' },
    ],
  };
}

describe('store: "me" across conversations of one customer (properties)', () => {
  it('the live session is shown in every arrival order of the customer’s conversations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Kind>('callback', 'message', 'cobrowse-ended', 'screenshare-ended'), {
          minLength: 1,
          maxLength: 3,
        }),
        // Participant ids: random, so the live customer's id sorts anywhere among them.
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        (kinds, ids, twoLive) => {
          const [liveId, olderLiveId, ...quietIds] = ids;
          const live = {
            id: 'conv-live',
            participants: [
              {
                id: liveId,
                purpose: 'customer',
                cobrowsesessions: [
                  { id: 'leg-live', state: 'connected', cobrowseSessionId: 's-live', providerEventTime: time(100) },
                ],
              },
              {
                id: 'agent-live',
                purpose: 'agent',
                name: 'Priya',
                cobrowsesessions: [
                  { id: 'leg-agent', state: 'connected', cobrowseSessionId: 's-live', providerEventTime: time(100) },
                ],
              },
            ],
          };
          // An older live session of the customer: the newest live one is shown.
          const older = {
            id: 'conv-older',
            participants: [
              {
                id: olderLiveId,
                purpose: 'customer',
                cobrowsesessions: [
                  { id: 'leg-older', state: 'connected', cobrowseSessionId: 's-older', providerEventTime: time(50) },
                ],
              },
            ],
          };
          const conversations = [live, ...(twoLive ? [older] : []), ...kinds.map((k, n) => quiet(k, quietIds[n], n))];
          for (const order of permutations(conversations)) {
            const view = play(order);
            expect(view).to.include({
              participantId: liveId,
              connection: 'connected',
              sessionId: 's-live',
              conversationId: 'conv-live',
              peerCount: 1,
            });
            expect(view.peers.map((p) => p.id)).to.deep.equal(['agent-live']);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
