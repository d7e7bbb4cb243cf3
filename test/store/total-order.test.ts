/**
 * `compare` is not transitive over a mix of timed and untimed updates (an untimed one orders by arrival), so a sort
 * by it gave an order that depended on the sort algorithm and on the order of its input: Chromium's V8 sorts a
 * short array one way or another from call to call, and the same state showed a peer's name from one
 * communication or another. Here the state is fixed and only the order of its keys changes, which must change
 * nothing: every sort in the store goes by `order`, a total order.
 */
import { expect } from '@open-wc/testing';
import { derive } from '../../src/store/derive.js';
import { order } from '../../src/store/order.js';
import type { Stamp } from '../../src/store/order.js';
import { reduce } from '../../src/store/reduce.js';
import type { StoreState } from '../../src/store/reduce.js';
import { comm, input, ms, OPTIONS, person, stateOf } from './helpers.js';

/** Three communications of one peer whose stamps `compare` orders in a cycle: a < b (arrival), b < c, c < a (time). */
function cycle() {
  const of = (name: string) => ({ participant: person('p', 'agent', { name }) });
  return stateOf([
    input(comm('mine', 'connected', 1, { participant: person('me', 'customer') })),
    input(comm('a', 'connected', 10, of('A'))),
    input(comm('b', 'connected', undefined, of('B'))),
    input(comm('c', 'connected', 5, of('C'))),
  ]);
}

/** `state` with its communications inserted in every order. */
function reorderings(state: StoreState): StoreState[] {
  const permute = (ids: string[]): string[][] =>
    ids.length < 2 ? [ids] : ids.flatMap((id) => permute(ids.filter((x) => x !== id)).map((rest) => [id, ...rest]));
  return permute(Object.keys(state.comms)).map((ids) => ({
    ...state,
    comms: Object.fromEntries(ids.map((id) => [id, state.comms[id]])),
  }));
}

describe('store: sorting never depends on the sort algorithm', () => {
  it('the stamps really form a cycle under compare, and order is total over them', () => {
    const { a, b, c } = cycle().comms;
    const stamps: Stamp[] = [a.stamp, b.stamp, c.stamp];
    const sorted = (list: Stamp[]) => [...list].sort(order).map((s) => s.seq);
    // Untimed first, then by time: b, c, a, from any starting order.
    for (const list of [stamps, [b.stamp, c.stamp, a.stamp], [c.stamp, a.stamp, b.stamp], [...stamps].reverse()]) {
      expect(sorted(list)).to.deep.equal([b.stamp.seq, c.stamp.seq, a.stamp.seq]);
    }
  });

  it('derive: the same state gives the same view whatever order its communications were inserted in', () => {
    const views = reorderings(cycle()).map((state) => JSON.stringify(derive(state, ms(100))));
    expect(new Set(views).size).to.equal(1);
    // The newest timed communication speaks last for its participant.
    expect(derive(cycle(), ms(100)).peers.map((p) => p.name)).to.deep.equal(['A']);
  });

  it('reduce: the communications kept over maxCommunications do not depend on that order either', () => {
    const kept = reorderings(cycle()).map((state) =>
      Object.keys(reduce(state, input(), ms(100), { ...OPTIONS, maxCommunications: 2 }).comms)
        .sort()
        .join(),
    );
    expect(new Set(kept).size).to.equal(1);
    // The newest timed ones stay: `a` (10 s) and `c` (5 s); `b` (no time) and `mine` (1 s) go.
    expect(kept[0]).to.equal('a,c');
  });
});
