/**
 * Derive freezes each part of a view where it makes it (no deep walk of the whole view), and reuses the previous
 * view's equal parts. Both are speed work that must not show: every published view is frozen all the way down, and
 * a view derived with the previous one given is deep-equal to one derived without it (the previous view itself
 * exactly when nothing in it changed, as JSON would tell).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ACTIONS, createSessionStore } from '../../src/store/index.js';
import type { SessionView } from '../../src/store/index.js';
import { derive } from '../../src/store/derive.js';
import { INITIAL_STATE, reduce } from '../../src/store/reduce.js';
import { event } from './arbitraries.js';
import { fakeTime, ms, OPTIONS } from './helpers.js';

/** The path of the first part of `value` that is not frozen, or `undefined` when all of it is. */
function unfrozen(value: unknown, path = 'view'): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (!Object.isFrozen(value)) return path;
  for (const [key, item] of Object.entries(value)) {
    const found = unfrozen(item, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

describe('store: views are deep-frozen and reusing parts never changes them', () => {
  it('derive with the previous view gives the view derive gives without it, frozen throughout (300 logs)', () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(undefined, 'p-cust', 'p-agent', 'c-cust'),
        (log, seconds, selfId) => {
          let state = INITIAL_STATE;
          let previous: SessionView = derive(state, ms(0), selfId);
          log.forEach((input, i) => {
            const now = ms(seconds[i % seconds.length]);
            state = reduce(state, input, now, OPTIONS);
            const fresh = derive(state, now, selfId);
            const view = derive(state, now, selfId, previous);
            expect(view).to.deep.equal(fresh);
            expect(unfrozen(view)).to.equal(undefined);
            expect(unfrozen(fresh)).to.equal(undefined);
            // Given back whole exactly when nothing changed as JSON would tell.
            expect(view === previous).to.equal(JSON.stringify(fresh) === JSON.stringify(previous));
            previous = view;
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every view the store publishes is frozen throughout, failed actions included (100 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc
              .record({
                id: fc.constantFrom('comm-1', 'comm-2'),
                state: fc.constantFrom('alerting', 'connected', 'disconnected'),
                cobrowseRole: fc.constantFrom('sharer', 'viewer'),
                controlling: fc.subarray(['p1', 'p2']),
                seconds: fc.integer({ min: 0, max: 30 }),
              })
              .map(({ seconds, ...payload }) => ({
                kind: 'ingest' as const,
                payload: {
                  ...payload,
                  cobrowseSessionId: 's1',
                  providerEventTime: new Date(ms(seconds)).toISOString(),
                },
              })),
            fc.nat(ACTIONS.length - 1).map((action) => ({ kind: 'act' as const, action })),
            fc.boolean().map((ok) => ({ kind: 'settle' as const, ok })),
            fc.integer({ min: 0, max: 40_000 }).map((delay) => ({ kind: 'tick' as const, delay })),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (steps) => {
          const time = fakeTime(ms(0));
          const store = createSessionStore({ clock: time.clock, timers: time.timers });
          const views: SessionView[] = [];
          store.subscribe((view) => views.push(view));
          let last = '';
          for (const step of steps) {
            if (step.kind === 'ingest') {
              expect(store.ingest(step.payload).ok).to.equal(true);
            } else if (step.kind === 'act') {
              const view = store.getState();
              last = store.act({
                action: ACTIONS[step.action],
                sessionId: view.sessionId ?? 'none',
                communicationId: view.communicationId ?? 'none',
              }).id;
            } else if (step.kind === 'settle') {
              store.settle(last, step.ok, 'refused');
            } else {
              time.tick(step.delay);
            }
          }
          for (const view of [store.getState(), ...views]) expect(unfrozen(view)).to.equal(undefined);
        },
      ),
      { numRuns: 100 },
    );
  });
});
