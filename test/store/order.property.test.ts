/**
 * Order independence: the store's answer depends on what happened, not on the order the news arrived in.
 * Every generated event carries an event time (an event without one can only be ordered by arrival, so there is
 * nothing to be independent of); times collide often, to exercise the tie-breakers.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { NormalizedInput } from '../../src/model/index.js';
import { createSessionStore } from '../../src/store/index.js';
import { derive } from '../../src/store/derive.js';
import { INITIAL_STATE, reduce } from '../../src/store/reduce.js';
import { at } from '../fixtures/sessions.js';
import { event, time } from './arbitraries.js';
import { ms, OPTIONS } from './helpers.js';

const NOW = ms(15);

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
