/**
 * Order independence: the store's answer depends on what happened, not on the order the news arrived in.
 * Every generated event carries an event time (an event without one can only be ordered by arrival, so there is
 * nothing to be independent of); times collide often, to exercise the tie-breakers.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { CommunicationUpdate, NormalizedInput, SignalUpdate } from '../../src/model/index.js';
import { createSessionStore } from '../../src/store/index.js';
import { derive } from '../../src/store/derive.js';
import { INITIAL_STATE, reduce } from '../../src/store/reduce.js';
import { at } from '../fixtures/sessions.js';
import { input, ms, OPTIONS, person } from './helpers.js';

const NOW = ms(15);
const STATES = ['alerting', 'offering', 'contacting', 'connected', 'parked', 'disconnected', 'terminated', 'Weird'];
const time = fc.integer({ min: 0, max: 20 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Who owns each communication (fixed: identities do not change between events). */
const OWNERS: Record<string, { id: string; purpose: string } | undefined> = {
  'c-cust': { id: 'p-cust', purpose: 'customer' },
  'ss-cust': { id: 'p-cust', purpose: 'customer' },
  'c-agent': { id: 'p-agent', purpose: 'agent' },
  'c-sup': { id: 'p-sup', purpose: 'user' },
  bare: undefined,
};

const communication: fc.Arbitrary<CommunicationUpdate> = fc
  .record({
    id: fc.constantFrom(...Object.keys(OWNERS)),
    state: fc.constantFrom(...STATES),
    t: time,
    held: maybe(fc.boolean()),
    controlling: maybe(fc.subarray(['p-cust', 'c-cust', 's1', 'p-agent', 'x'])),
    peerCount: maybe(fc.nat(3)),
    sharing: maybe(fc.boolean()),
    viewerUrl: maybe(fc.constantFrom('https://viewer.example/a', 'https://viewer.example/b', 'javascript:x')),
    disconnectType: maybe(fc.constantFrom('endpoint', 'client')),
    connectedTime: maybe(time),
    useEventTime: fc.boolean(),
  })
  .map(({ id, state, t, useEventTime, connectedTime, ...rest }) => {
    const owner = OWNERS[id];
    return {
      id,
      kind: id.startsWith('ss') ? 'screenshare' : 'cobrowse',
      state,
      rawState: state,
      cobrowseSessionId: id.startsWith('ss') ? undefined : 's1',
      role: id === 'c-cust' || id === 'bare' ? 'sharer' : 'viewer',
      ...(useEventTime ? { providerEventTime: ms(t) } : { startAlertingTime: ms(t) }),
      ...(connectedTime === undefined ? {} : { connectedTime: ms(Math.min(connectedTime, t)) }),
      ...(owner ? { participant: owner, conversationId: 'conv1' } : {}),
      ...rest,
    } as CommunicationUpdate;
  });

const signal: fc.Arbitrary<SignalUpdate> = fc.oneof(
  fc.record({
    type: fc.constant('offer' as const),
    event: fc.constantFrom('offering', 'offeringexpired', 'offeringaccepted', 'offeringrejected'),
    sessionId: fc.constantFrom('s1', 's9'),
    time: time.map(ms),
    expiresAt: maybe(time.map(ms)),
  }),
  fc.record({
    type: fc.constantFrom('control-request' as const, 'navigation-request' as const),
    participantId: fc.constantFrom('p-agent', 'p-sup'),
    time: time.map(ms),
    active: fc.boolean(),
    expiresAt: maybe(time.map((t) => ms(t + 5))),
    url: maybe(fc.constant('https://shop.example/')),
  }) as fc.Arbitrary<SignalUpdate>,
  fc.record({
    type: fc.constant('offer-expiry' as const),
    sessionId: fc.constantFrom('s1', 's9'),
    expiresAt: time.map(ms),
  }),
  fc.constant({ type: 'heartbeat' as const }),
);

const conversation = input({
  id: 'conv1',
  participants: [
    person('p-cust', 'customer'),
    person('p-agent', 'agent'),
    person('p-sup', 'user', { monitoredParticipantId: 'p-agent' }),
    person('p-acd', 'acd'),
  ],
});

const event: fc.Arbitrary<NormalizedInput> = fc.oneof(
  { arbitrary: communication.map((c) => input(c)), weight: 4 },
  { arbitrary: signal.map((s) => input(s)), weight: 2 },
  { arbitrary: fc.constant(conversation), weight: 1 },
);

/** A log, and the same log shuffled with some events repeated. */
const logs = fc.array(event, { minLength: 1, maxLength: 25 }).chain((log) =>
  fc.tuple(
    fc.constant(log),
    fc
      .array(fc.constantFrom(...log), { maxLength: 8 })
      .chain((dups) => fc.shuffledSubarray([...log, ...dups], { minLength: log.length + dups.length })),
  ),
);

const viewAfter = (log: NormalizedInput[], selfId?: string) =>
  derive(
    log.reduce((state, next) => reduce(state, next, NOW, OPTIONS), INITIAL_STATE),
    NOW,
    selfId,
  );

describe('store: order independence (property)', () => {
  it('any permutation with duplicates gives the in-order view (300 logs)', () => {
    fc.assert(
      fc.property(logs, ([log, shuffled]) => {
        expect(viewAfter(shuffled)).to.deep.equal(viewAfter(log));
        expect(viewAfter(shuffled, 'p-agent')).to.deep.equal(viewAfter(log, 'p-agent'));
      }),
      { numRuns: 300 },
    );
  });

  it('holds for batches too: one batch of the whole log, in any order', () => {
    fc.assert(
      fc.property(logs, ([log, shuffled]) => {
        const batch = (items: NormalizedInput[]): NormalizedInput => ({
          conversations: items.flatMap((i) => i.conversations),
          communications: items.flatMap((i) => i.communications),
          signals: items.flatMap((i) => i.signals),
        });
        expect(viewAfter([batch(shuffled)])).to.deep.equal(viewAfter(log));
      }),
      { numRuns: 200 },
    );
  });

  it('holds end to end through ingest for raw Cobrowsesession payloads (200 logs)', () => {
    const payload = fc.record({
      id: fc.constantFrom('comm-1', 'comm-2'),
      state: fc.constantFrom('alerting', 'connected', 'disconnected', 'Contacting', 'Weird'),
      cobrowseSessionId: fc.constant('session-1'),
      cobrowseRole: fc.constantFrom('sharer', 'viewer'),
      controlling: fc.subarray(['p1', 'p2']),
      providerEventTime: time.map((t) => at(t)),
    });
    const raw = fc.array(payload, { minLength: 1, maxLength: 20 }).chain((log) =>
      fc.tuple(
        fc.constant(log),
        fc
          .array(fc.constantFrom(...log), { maxLength: 5 })
          .chain((dups) => fc.shuffledSubarray([...log, ...dups], { minLength: log.length + dups.length })),
      ),
    );
    fc.assert(
      fc.property(raw, ([log, shuffled]) => {
        const inOrder = createSessionStore();
        for (const item of log) inOrder.ingest(item);
        const permuted = createSessionStore();
        for (const item of shuffled) permuted.ingest(JSON.stringify(item));
        expect(permuted.getState()).to.deep.equal(inOrder.getState());
      }),
      { numRuns: 200 },
    );
  });
});
