/**
 * Which of two updates is newer. Pure and total over timed updates, so the same set of events gives the same
 * winner whatever order they arrive in.
 */
import type { CommunicationUpdate } from '../model/index.js';
import type { Connection } from './types.js';

/** Where an update sits in time: its event time, its arrival number, and tie-breakers for equal times. */
export interface Stamp {
  /** `providerEventTime`, else the newest timestamp the update carries; absent when it carries none. */
  t?: number;
  /** Arrival order (the fallback when either side has no time). */
  seq: number;
  /** At equal times the later stage of a session wins: `disconnected` beats `connected` beats `alerting`. */
  rank: number;
  /**
   * Last tie-breaker: the update itself, compared by its serialisation (`signature`), so two different updates at
   * one time and rank still order. Kept as the value, serialised only when such a tie happens: on a live feed each
   * update is newer than the last, and serialising every one just in case was most of the store's cost.
   */
  value: unknown;
}

/** Each value's serialisation, made at most once (values in the state are never mutated). */
const signatures = new WeakMap<object, string>();
function signature(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = signatures.get(value);
  if (text === undefined) signatures.set(value, (text = JSON.stringify(value)));
  return text;
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

/** How far along a session is, for ordering updates at one time (`held` is as far along as `connected`). */
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

/** The rank of a stamp whose update ended its communication (`disconnected`): see `mergeCommunication`. */
export const ENDED_RANK = RANK.disconnected;

/** `Math.max` or `Math.min` of the defined `times`; undefined when none is. Every "newest" / "soonest" uses it. */
export function extreme(pick: (...values: number[]) => number, times: (number | undefined)[]): number | undefined {
  let found: number | undefined;
  for (const time of times) if (time !== undefined) found = found === undefined ? time : pick(found, time);
  return found;
}

export const timeOf = (u: CommunicationUpdate) =>
  u.providerEventTime ?? extreme(Math.max, [u.startAlertingTime, u.connectedTime, u.disconnectedTime, u.startHoldTime]);

export const stamp = (t: number | undefined, seq: number, rank: number, value: unknown): Stamp => ({
  t,
  seq,
  rank,
  value,
});

/** > 0 when `a` is newer than `b`, 0 when they are the same update. */
export function compare(a: Stamp, b: Stamp): number {
  if (a.t === undefined || b.t === undefined) return a.seq - b.seq;
  if (a.t !== b.t) return a.t - b.t;
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.value === b.value) return 0;
  const left = signature(a.value);
  const right = signature(b.value);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * `compare` for sorting: a total order, untimed stamps before timed ones. `compare` alone is not transitive over a
 * mix (an untimed stamp is newer than a timed one by arrival, two timed ones go by time: a cycle is possible), and a
 * sort by it gives whatever its algorithm meets first, which differs between engines and even between calls.
 */
export const order = (a: Stamp, b: Stamp) => +(a.t !== undefined) - +(b.t !== undefined) || compare(a, b);
