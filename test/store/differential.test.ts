/**
 * Differential test: the store as it is against the store as it was (test/store/reference/, a frozen copy of main's
 * src/store from before issue 15's speed work). Same random events, same clock: the views must be deep-equal, and
 * the stores must agree on what changed and on how often they told their listeners. The faster store is faster at
 * computing the same thing, not at computing something else.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { NormalizedInput } from '../../src/model/index.js';
import { ACTIONS, createSessionStore } from '../../src/store/index.js';
import type { SessionStore } from '../../src/store/index.js';
import { derive } from '../../src/store/derive.js';
import { INITIAL_STATE, reduce } from '../../src/store/reduce.js';
import { createSessionStore as createReferenceStore } from './reference/session-store.js';
import { derive as referenceDerive } from './reference/derive.js';
import { INITIAL_STATE as REFERENCE_INITIAL_STATE, reduce as referenceReduce } from './reference/reduce.js';
import type { SessionStore as ReferenceStore } from './reference/types.js';
import { at } from '../fixtures/sessions.js';
import { offers, valid, vocabulary } from '../fixtures/genesys/index.js';
import { event, STATES, time } from './arbitraries.js';
import { fakeTime, ms, OPTIONS } from './helpers.js';

const SELF_IDS = [undefined, 'p-cust', 'p-agent', 'c-cust', 'nobody'];

describe('store: differential against the frozen reference store', () => {
  it('reduce + derive: any log, one event at a time or as one batch, gives the same views (300 logs)', () => {
    const batch = (items: NormalizedInput[]): NormalizedInput => ({
      conversations: items.flatMap((i) => i.conversations),
      communications: items.flatMap((i) => i.communications),
      signals: items.flatMap((i) => i.signals),
    });
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(...SELF_IDS),
        fc.integer({ min: 1, max: 64 }),
        (log, seconds, selfId, maxCommunications) => {
          const now = ms(seconds);
          const options = { ...OPTIONS, maxCommunications };
          for (const inputs of [log, [batch(log)]]) {
            const state = inputs.reduce((s, next) => reduce(s, next, now, options), INITIAL_STATE);
            const reference = inputs.reduce(
              (s, next) => referenceReduce(s, next, now, options),
              REFERENCE_INITIAL_STATE,
            );
            expect(derive(state, now, selfId)).to.deep.equal(referenceDerive(reference, now, selfId));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  /** A raw payload through the real parser: seed-model fixtures, Messenger offers, our vocabulary, bad input. */
  const fixtures = [...Object.values(valid), ...offers, ...vocabulary, { id: 3 }, 'not json {', null];
  const raw = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record({
          id: fc.constantFrom('comm-1', 'comm-2', 'cb-comm-1'),
          state: fc.constantFrom(...STATES),
          cobrowseSessionId: fc.constantFrom('session-1', 'cb-session-1'),
          cobrowseRole: fc.constantFrom('sharer', 'viewer'),
          controlling: fc.subarray(['p1', 'agent-participant-1', 'customer-participant-1']),
          providerEventTime: time.map((t) => at(t)),
        })
        .map((payload) => payload as unknown),
    },
    { weight: 3, arbitrary: fc.constantFrom(...fixtures) },
    // A batch of a few of them, all or nothing.
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...fixtures), { minLength: 1, maxLength: 4 }) },
  );
  type Step =
    | { kind: 'ingest'; input: unknown; asJson: boolean }
    | { kind: 'act'; action: number; pick: number }
    | { kind: 'settle'; pick: number; ok: boolean }
    | { kind: 'link'; status: 'open' | 'closed' | 'reconnecting' }
    | { kind: 'reset' }
    | { kind: 'tick'; ms: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('ingest' as const), input: raw, asJson: fc.boolean() }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('act' as const),
        action: fc.nat(ACTIONS.length - 1),
        pick: fc.nat(3),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(3), ok: fc.boolean() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('link' as const),
        status: fc.constantFrom('open' as const, 'closed' as const, 'reconnecting' as const),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
    },
  );

  it('the whole store: ingest, act, settle, link, reset and time give the same views and notifications (200 runs)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.constantFrom(...SELF_IDS), (steps, selfId) => {
        // One clock per store, started and advanced alike (each store schedules on its own).
        const times = [fakeTime(ms(0)), fakeTime(ms(0))];
        const [store, reference] = [createSessionStore, createReferenceStore].map((create, i) =>
          (create as typeof createSessionStore)({ selfId, clock: times[i].clock, timers: times[i].timers }),
        ) as [SessionStore, ReferenceStore];
        const calls = [0, 0];
        store.subscribe(() => calls[0]++);
        reference.subscribe(() => calls[1]++);
        const actions: string[] = [];
        for (const s of steps) {
          if (s.kind === 'ingest') {
            const input = s.asJson ? JSON.stringify(s.input) : s.input;
            expect(store.ingest(input)).to.deep.equal(reference.ingest(input));
          } else if (s.kind === 'act') {
            const view = reference.getState();
            const target = [view, ...view.others][s.pick % (view.others.length + 1)];
            const detail = {
              action: ACTIONS[s.action],
              sessionId: target.sessionId ?? 'none',
              communicationId: target.communicationId ?? 'none',
            };
            const mine = store.act(detail);
            const theirs = reference.act(detail);
            expect(mine).to.deep.equal(theirs);
            actions.push(mine.id);
          } else if (s.kind === 'settle') {
            const id = actions[s.pick % Math.max(actions.length, 1)] ?? 'unknown';
            store.settle(id, s.ok, s.ok ? undefined : 'refused');
            reference.settle(id, s.ok, s.ok ? undefined : 'refused');
          } else if (s.kind === 'link') {
            store.setLink(s.status);
            reference.setLink(s.status);
          } else if (s.kind === 'reset') {
            store.reset();
            reference.reset();
          } else {
            for (const t of times) t.tick(s.ms);
          }
          expect(store.getState()).to.deep.equal(reference.getState());
          expect(calls[0]).to.equal(calls[1]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
