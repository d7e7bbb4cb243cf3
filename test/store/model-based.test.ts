/**
 * Model-based test: random sequences of valid, stale, duplicate and invalid ingests and resets, through the real
 * parser, checked after every step against a small model of what the view must say.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createSessionStore, EMPTY_VIEW } from '../../src/store/index.js';
import type { Connection, SessionStore, SessionView } from '../../src/store/index.js';
import { at } from '../fixtures/sessions.js';

interface Payload {
  id: string;
  state: string;
  cobrowseSessionId: string;
  cobrowseRole: string;
  controlling: string[];
  providerEventTime: string;
}
interface Held {
  history: Payload[];
  latestT: number;
  /** Time and state of the newest update whose state is known (unknown states read as the last known one). */
  knownT?: number;
  known?: Connection;
}
interface Model {
  comms: Map<string, Held>;
  /** Event times only grow, so every valid update is the newest of its communication. */
  t: number;
}
interface Real {
  store: SessionStore;
  calls: number;
}

const IDS = ['comm-a', 'comm-b', 'comm-c'];
const CONNECTION: Record<string, Connection> = {
  alerting: 'alerting',
  offering: 'alerting',
  contacting: 'connecting',
  connected: 'connected',
  disconnected: 'disconnected',
  terminated: 'disconnected',
};
const PRIORITY: Record<Connection, number> = {
  alerting: 4,
  connected: 3,
  held: 3,
  connecting: 2,
  idle: 1,
  disconnected: 0,
};
const CONNECTIONS = Object.keys(PRIORITY);

const payload = (id: string, state: string, role: string, controlling: string[], t: number): Payload => ({
  id,
  state,
  cobrowseSessionId: `session-${id}`,
  cobrowseRole: role,
  controlling,
  providerEventTime: at(t),
});

function expectValid(view: SessionView) {
  expect(CONNECTIONS).to.include(view.connection);
  expect(Number.isInteger(view.peerCount) && view.peerCount >= 0).to.equal(true);
  expect(Object.isFrozen(view) && Object.isFrozen(view.control) && Object.isFrozen(view.others)).to.equal(true);
  expect(view.peers).to.be.an('array');
  expect(view.control.controlledBy).to.be.an('array');
  expect(view.control.controlling).to.be.an('array');
  for (const time of [view.alertingSince, view.connectedSince, view.disconnectedAt, view.offerExpiresAt]) {
    if (time !== undefined) expect(new Date(time).toISOString()).to.equal(time);
  }
  if (view.connection === 'idle') expect(view.communicationId).to.equal(undefined);
  else expect(view.communicationId).to.be.a('string');
  if (view.connection === 'disconnected') {
    expect(view.control.controlledBy).to.deep.equal([]);
    expect(view.control.controlling).to.deep.equal([]);
    expect(view.viewerUrl).to.equal(undefined);
  }
  expect(view.others.map((o) => o.communicationId)).to.not.include(view.communicationId);
}

function connectionOf(held: Held): Connection {
  return held.known ?? 'connecting';
}

/** The communication the view must show: needs-me first, then live, then newest. */
function expectMatchesModel(model: Model, view: SessionView) {
  const ranked = [...model.comms].sort(
    ([a, x], [b, y]) =>
      PRIORITY[connectionOf(y)] - PRIORITY[connectionOf(x)] || y.latestT - x.latestT || (a < b ? -1 : 1),
  );
  if (!ranked.length) {
    expect(view).to.deep.equal(EMPTY_VIEW);
    return;
  }
  const [id, held] = ranked[0];
  const latest = held.history.at(-1)!;
  expect(view.communicationId).to.equal(id);
  expect(view.connection).to.equal(connectionOf(held));
  expect(view.rawState).to.equal(latest.state);
  expect(view.role).to.equal(latest.cobrowseRole);
  expect(view.sessionId).to.equal(latest.cobrowseSessionId);
  expect(view.control.controlling).to.deep.equal(view.connection === 'disconnected' ? [] : latest.controlling);
  expect(view.others.map((o) => o.communicationId)).to.have.members(ranked.slice(1).map(([other]) => other));
}

/** Runs `ingest` and asserts it changed nothing at all. */
function expectNoChange(real: Real, input: unknown, ok: boolean) {
  const before = real.store.getState();
  const calls = real.calls;
  const result = real.store.ingest(input);
  expect(result.ok).to.equal(ok);
  if (result.ok) expect(result.changed).to.equal(false);
  expect(real.store.getState()).to.equal(before);
  expect(real.calls).to.equal(calls);
}

class Valid implements fc.Command<Model, Real> {
  constructor(
    readonly id: string,
    readonly state: string,
    readonly role: string,
    readonly controlling: string[],
  ) {}
  check = () => true;
  run(model: Model, real: Real) {
    const t = ++model.t;
    const item = payload(this.id, this.state, this.role, this.controlling, t);
    const before = real.store.getState();
    const calls = real.calls;
    const result = real.store.ingest(item);
    expect(result.ok).to.equal(true);
    const held = model.comms.get(this.id) ?? { history: [], latestT: t };
    held.history.push(item);
    held.latestT = t;
    const known = CONNECTION[this.state.toLowerCase()];
    if (known) Object.assign(held, { known, knownT: t });
    model.comms.set(this.id, held);
    const changed = real.store.getState() !== before;
    expect(result.ok && result.changed).to.equal(changed);
    expect(real.calls - calls).to.equal(changed ? 1 : 0);
    expectMatchesModel(model, real.store.getState());
  }
  toString = () => `valid(${this.id}, ${this.state}, ${this.role}, [${this.controlling}])`;
}

class Stale implements fc.Command<Model, Real> {
  constructor(
    readonly pick: number,
    readonly back: number,
    readonly state: string,
    readonly role: string,
  ) {}
  private target(model: Model) {
    const candidates = [...model.comms].filter(([, held]) => held.knownT !== undefined);
    return candidates[this.pick % Math.max(candidates.length, 1)];
  }
  check = (model: Readonly<Model>) => this.target(model as Model) !== undefined;
  run(model: Model, real: Real) {
    const [id, held] = this.target(model);
    // Older than the newest update, and than the newest known state: nothing it says may show.
    const t = Math.max(0, held.knownT! - this.back);
    expectNoChange(real, payload(id, this.state, this.role, ['p-stale'], t), true);
  }
  toString = () => `stale(${this.pick}, -${this.back}, ${this.state}, ${this.role})`;
}

class Duplicate implements fc.Command<Model, Real> {
  constructor(
    readonly pick: number,
    readonly asJson: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.comms.size > 0;
  run(model: Model, real: Real) {
    const all = [...model.comms.values()].flatMap((held) => held.history);
    const item = all[this.pick % all.length];
    expectNoChange(real, this.asJson ? JSON.stringify(item) : { ...item }, true);
  }
  toString = () => `duplicate(${this.pick}, ${this.asJson ? 'json' : 'object'})`;
}

const INVALID: ((t: number) => unknown)[] = [
  () => ({ id: 3, state: 'connected' }),
  () => 'not json {',
  () => null,
  () => 42,
  () => ({ state: 'connected' }),
  () => ({ id: 'comm-a', controlling: 'nope' }),
  // A batch is all or nothing: its valid first item must not apply either.
  (t) => [payload('comm-a', 'disconnected', 'sharer', [], t + 100), { id: false }],
];

class Invalid implements fc.Command<Model, Real> {
  constructor(readonly which: number) {}
  check = () => true;
  run(model: Model, real: Real) {
    expectNoChange(real, INVALID[this.which](model.t), false);
  }
  toString = () => `invalid(${this.which})`;
}

class Reset implements fc.Command<Model, Real> {
  check = () => true;
  run(model: Model, real: Real) {
    const calls = real.calls;
    const wasIdle = real.store.getState().connection === 'idle';
    real.store.reset();
    model.comms.clear();
    expect(real.store.getState()).to.deep.equal(EMPTY_VIEW);
    expect(real.calls - calls).to.equal(wasIdle ? 0 : 1);
  }
  toString = () => 'reset';
}

const state = fc.constantFrom('alerting', 'Offering', 'contacting', 'connected', 'disconnected', 'terminated', 'Weird');
const role = fc.constantFrom('sharer', 'viewer');
const commands = [
  fc
    .tuple(fc.constantFrom(...IDS), state, role, fc.subarray(['p1', 'p2']))
    .map(([id, s, r, c]) => new Valid(id, s, r, c)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 }), state, role).map(([p, b, s, r]) => new Stale(p, b, s, r)),
  fc.tuple(fc.nat(), fc.boolean()).map(([p, j]) => new Duplicate(p, j)),
  fc.nat(INVALID.length - 1).map((w) => new Invalid(w)),
  fc.constant(new Reset()),
];

describe('store: model-based (fc.commands)', () => {
  it('keeps a valid view through random valid, stale, duplicate, invalid ingests and resets', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (cmds) => {
        const store = createSessionStore();
        const real: Real = { store, calls: 0 };
        store.subscribe(() => real.calls++);
        const model: Model = { comms: new Map(), t: 0 };
        fc.modelRun(
          () => ({ model, real }),
          [...cmds].map((cmd) => ({
            check: (m: Readonly<Model>) => cmd.check(m),
            run: (m: Model, r: Real) => {
              cmd.run(m, r);
              expectValid(r.store.getState());
            },
            toString: () => cmd.toString(),
          })),
        );
      }),
      { numRuns: 200 },
    );
  });
});
