/**
 * Generators of normalised store inputs (fast-check), shared by the order-independence properties and the
 * differential test against the frozen reference store. Every generated event carries an event time; times
 * collide often, to exercise the tie-breakers.
 */
import fc from 'fast-check';
import type { CommunicationUpdate, NormalizedInput, SignalUpdate } from '../../src/model/index.js';
import { input, ms, person } from './helpers.js';

export const STATES = [
  'alerting',
  'offering',
  'contacting',
  'connected',
  'parked',
  'disconnected',
  'terminated',
  'Weird',
];
export const time = fc.integer({ min: 0, max: 20 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Who owns each communication (fixed: identities do not change between events). */
const OWNERS: Record<string, { id: string; purpose: string } | undefined> = {
  'c-cust': { id: 'p-cust', purpose: 'customer' },
  'ss-cust': { id: 'p-cust', purpose: 'customer' },
  'c-agent': { id: 'p-agent', purpose: 'agent' },
  'c-sup': { id: 'p-sup', purpose: 'user' },
  bare: undefined,
};

export const communication: fc.Arbitrary<CommunicationUpdate> = fc
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

export const signal: fc.Arbitrary<SignalUpdate> = fc.oneof(
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

export const conversation = input({
  id: 'conv1',
  participants: [
    person('p-cust', 'customer'),
    person('p-agent', 'agent'),
    person('p-sup', 'user', { monitoredParticipantId: 'p-agent' }),
    person('p-acd', 'acd'),
  ],
});

export const event: fc.Arbitrary<NormalizedInput> = fc.oneof(
  { arbitrary: communication.map((c) => input(c)), weight: 4 },
  { arbitrary: signal.map((s) => input(s)), weight: 2 },
  { arbitrary: fc.constant(conversation), weight: 1 },
);
