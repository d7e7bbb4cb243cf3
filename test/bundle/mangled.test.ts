// The script-tag build renames the bundle's internal properties (INTERNAL_PROPS in rollup.config.mjs). This proves
// the renaming kept the store's meaning: the built file's store and the source's store, on one fixed clock, get the
// same random sequences of ingests, actions, settles and resets, and must answer and derive exactly the same.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createSessionStore } from '../../src/store/index.js';
import { ACTIONS } from '../../src/store/types.js';
import type { ActionDetail, SessionStore } from '../../src/store/index.js';
import { cobrowsesession, T0 } from '../fixtures/sessions.js';
import { valid, vocabulary } from '../fixtures/genesys/index.js';
import { BUNDLE, page } from './frames.js';

type Op =
  | { kind: 'ingest'; input: unknown }
  | { kind: 'act'; action: ActionDetail['action'] }
  | { kind: 'settle'; ok: boolean; error?: string; known: boolean }
  | { kind: 'reset' };

const ids = fc.constantFrom('comm-1', 'comm-2', 'cb-comm-1');
const seconds = fc.integer({ min: 0, max: 200 });
const session = fc
  .record({
    id: ids,
    state: fc.constantFrom('alerting', 'contacting', 'connected', 'held', 'disconnected', 'mystery'),
    seconds,
    cobrowseRole: fc.constantFrom('sharer', 'viewer'),
    controlling: fc.array(fc.constantFrom('agent-participant-1', 'customer-1', 'comm-1'), { maxLength: 2 }),
    peerCount: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  })
  .map(({ state, seconds: s, peerCount, ...extra }) =>
    cobrowsesession(state, s, peerCount === undefined ? extra : { ...extra, peerCount }),
  );
const signal = fc
  .tuple(fc.constantFrom(...vocabulary), seconds, fc.boolean())
  .map(([base, s, active]) => ({ ...base, time: new Date(T0 + s * 1000).toISOString(), active }));
const single = fc.oneof(
  { arbitrary: session, weight: 4 },
  { arbitrary: signal, weight: 2 },
  { arbitrary: fc.constantFrom(...Object.values(valid)), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.oneof(single, fc.array(single, { maxLength: 4 })).map((input) => ({ kind: 'ingest', input }) as Op),
    weight: 6,
  },
  { arbitrary: fc.constantFrom(...ACTIONS).map((action) => ({ kind: 'act', action }) as Op), weight: 2 },
  {
    arbitrary: fc
      .record({
        ok: fc.boolean(),
        error: fc.option(fc.constantFrom('nope', ''), { nil: undefined }),
        known: fc.boolean(),
      })
      .map((settle) => ({ kind: 'settle', ...settle }) as Op),
    weight: 2,
  },
  { arbitrary: fc.constant({ kind: 'reset' } as Op), weight: 1 },
);

/** Runs one op on a store; returns what it answered, as JSON (the two stores live in different realms). */
function run(store: SessionStore, step: Op, lastAction: { id?: string }): string {
  try {
    switch (step.kind) {
      case 'ingest':
        return JSON.stringify(store.ingest(step.input));
      case 'act': {
        const view = store.getState();
        if (!view.communicationId || !view.sessionId) return 'no session';
        const action = store.act({
          action: step.action,
          sessionId: view.sessionId,
          communicationId: view.communicationId,
        });
        lastAction.id = action.id;
        return JSON.stringify(action);
      }
      case 'settle':
        store.settle(step.known ? (lastAction.id ?? 'none') : 'unknown-id', step.ok, step.error);
        return 'settled';
      case 'reset':
        store.reset();
        return 'reset';
    }
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

describe('dist/cobrowse-widget.min.js: renamed internal properties', () => {
  it('its store answers and derives exactly as the source store, over random sequences', async () => {
    const { win, doc } = await page();
    // One fixed clock for both stores (the default store reads `Date.now` when the file runs): same action ids,
    // same deadlines, and no timer comes due while a sequence runs synchronously.
    const now = T0 + 100_000;
    (win as unknown as { Date: DateConstructor }).Date.now = () => now;
    const script = doc.createElement('script');
    script.src = BUNDLE;
    await new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = () => reject(new Error('dist/cobrowse-widget.min.js did not load: run npm run build'));
      doc.head.append(script);
    });
    const built = win.CobrowseWidget.store as SessionStore;
    const source = createSessionStore({ clock: () => now });
    const seen: [string[], string[]] = [[], []];
    built.subscribe((view) => seen[0].push(JSON.stringify(view)));
    source.subscribe((view) => seen[1].push(JSON.stringify(view)));
    let steps = 0;

    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        built.reset();
        source.reset();
        const last: [{ id?: string }, { id?: string }] = [{}, {}];
        for (const step of ops) {
          steps++;
          expect(run(built, step, last[0])).to.equal(run(source, step, last[1]));
          expect(JSON.stringify(built.getState())).to.equal(JSON.stringify(source.getState()));
        }
        expect(seen[0]).to.deep.equal(seen[1]);
      }),
      { numRuns: 400 },
    );
    expect(steps).to.be.greaterThan(2000);
  });
});
