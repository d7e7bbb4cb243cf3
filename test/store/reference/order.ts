// FROZEN REFERENCE (test-only): a verbatim copy of src/store as it was before issue 15's speed work, with issue
// 16's semantics (who is shown, "me") in (branch `store`, commit c87c7cf), with only its imports of the model layer
// re-pointed. test/store/differential.test.ts runs random event sequences through it and through the live store and
// requires deep-equal views, so the faster store is shown to compute the same thing. Do not "fix" or restyle this
// file: its value is that it does not change. Replace it (and say so) only when the store's semantics move on
// deliberately.
/**
 * Which of two updates is newer. Pure and total over timed updates, so the same set of events gives the same
 * winner whatever order they arrive in.
 */
import type { CommunicationUpdate } from '../../../src/model/index.js';
import type { Connection } from './types.js';

/** Where an update sits in time: its event time, its arrival number, and tie-breakers for equal times. */
export interface Stamp {
  /** `providerEventTime`, else the newest timestamp the update carries; absent when it carries none. */
  t?: number;
  /** Arrival order (the fallback when either side has no time). */
  seq: number;
  /** At equal times the later stage of a session wins: `disconnected` beats `connected` beats `alerting`. */
  rank: number;
  /** Last tie-breaker: the update's own serialisation, so two different updates at one time still order. */
  sig: string;
}

const CONNECTION_BY_STATE: Record<string, Connection> = {
  alerting: 'alerting',
  offering: 'alerting',
  dialing: 'connecting',
  contacting: 'connecting',
  scheduled: 'connecting',
  connected: 'connected',
  parked: 'held',
  disconnected: 'disconnected',
  terminated: 'disconnected',
};

const RANK: Record<Connection, number> = {
  idle: 0,
  alerting: 1,
  connecting: 2,
  connected: 3,
  held: 3,
  disconnected: 4,
};

/**
 * The connection a known state means, or `undefined` for a state we do not know (the caller decides). No
 * lower-casing: the model lower-cases every state it knows (parse.ts `ENUMS`), and keeps only unknown ones as
 * received, which map to nothing in any case.
 */
export const knownConnection = (state: string | undefined): Connection | undefined => CONNECTION_BY_STATE[state!];

/** `connectionOf(state, held)`: the public mapping of a Genesys state, any case (unknown states read as `idle`). */
export function connectionOf(state: string | undefined, held = false): Connection {
  const connection = knownConnection(state?.toLowerCase()) ?? 'idle';
  return connection === 'connected' && held ? 'held' : connection;
}

export const rankOf = (connection: Connection | undefined) => RANK[connection ?? 'idle'];

/** `Math.max` or `Math.min` of the defined `times`; undefined when none is. Every "newest" / "soonest" uses it. */
export function extreme(pick: (...values: number[]) => number, times: (number | undefined)[]): number | undefined {
  const defined = times.filter((t) => t !== undefined);
  return defined.length ? pick(...defined) : undefined;
}

export const timeOf = (u: CommunicationUpdate) =>
  u.providerEventTime ?? extreme(Math.max, [u.startAlertingTime, u.connectedTime, u.disconnectedTime, u.startHoldTime]);

export const stamp = (t: number | undefined, seq: number, rank: number, value: unknown): Stamp => ({
  t,
  seq,
  rank,
  sig: JSON.stringify(value),
});

/** > 0 when `a` is newer than `b`, 0 when they are the same update. */
export function compare(a: Stamp, b: Stamp): number {
  if (a.t === undefined || b.t === undefined) return a.seq - b.seq;
  return a.t - b.t || a.rank - b.rank || (a.sig < b.sig ? -1 : a.sig > b.sig ? 1 : 0);
}

/**
 * `compare` for sorting: a total order, untimed stamps before timed ones. `compare` alone is not transitive over a
 * mix (an untimed stamp is newer than a timed one by arrival, two timed ones go by time: a cycle is possible), and a
 * sort by it gives whatever its algorithm meets first, which differs between engines and even between calls.
 */
export const order = (a: Stamp, b: Stamp) => +(a.t !== undefined) - +(b.t !== undefined) || compare(a, b);
