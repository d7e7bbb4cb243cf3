/**
 * Which of two updates is newer. Pure and total over timed updates, so the same set of events gives the same
 * winner whatever order they arrive in.
 */
import type { CommunicationUpdate } from '../model/index.js';
import type { Connection } from './types.js';

/** Where an update sits in time: its event time, its arrival number, and tie-breakers for equal times. */
export interface Stamp {
  /** `providerEventTime`, else the newest timestamp the update carries; absent when it carries none. */
  time?: number;
  /** Arrival order (the fallback when either side has no time). */
  seq: number;
  /** At equal times the later stage of a session wins: `disconnected` beats `connected` beats `alerting`. */
  rank: number;
  /**
   * Last tie-breaker: the update itself, ordered by its serialisation (`compareJson`), so two different updates at
   * one time and rank still order. Kept as the value and compared only when such a tie happens: serialising every
   * update on arrival, just in case, was a large share of an ingest.
   */
  value: unknown;
}

/** An object JSON.stringify writes key by key: a plain one (the store's data), with no `toJSON` of its own. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}

/** Whether JSON.stringify writes this property (it skips `undefined`, functions and symbols). */
const serialised = (value: unknown) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';

/**
 * The order of `JSON.stringify(a)` and `JSON.stringify(b)` as strings (-1, 0, 1), mostly without writing them out.
 * Walking two plain objects' serialised keys side by side, their texts are the same for as long as the keys and
 * the values' texts are; at the first value whose texts differ, if neither text starts with the other, they differ
 * inside both, and that decides the whole. Anything else (a different key first, one text a prefix of the other)
 * compares the whole serialisations, so the answer is always exactly theirs.
 */
export function compareJson(a: unknown, b: unknown): number {
  if (isPlainObject(a) && isPlainObject(b)) {
    const left = Object.keys(a);
    const right = Object.keys(b);
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < left.length && !serialised(a[left[i]])) i++;
      while (j < right.length && !serialised(b[right[j]])) j++;
      // Both done with every text alike: the wholes are alike. One done first, or another key: undecided.
      if (i === left.length && j === right.length) return 0;
      if (i === left.length || j === right.length || left[i] !== right[j]) break;
      const x = a[left[i]];
      const y = b[right[j]];
      if (x !== y) {
        const xText = JSON.stringify(x);
        const yText = JSON.stringify(y);
        if (xText !== yText) {
          if (!xText.startsWith(yText) && !yText.startsWith(xText)) return xText < yText ? -1 : 1;
          break;
        }
      }
      i++;
      j++;
    }
  }
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
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

export const stamp = (time: number | undefined, seq: number, rank: number, value: unknown): Stamp => ({
  time,
  seq,
  rank,
  value,
});

/** > 0 when `a` is newer than `b`, 0 when they are the same update. */
export function compare(a: Stamp, b: Stamp): number {
  if (a.time === undefined || b.time === undefined) return a.seq - b.seq;
  if (a.time !== b.time) return a.time - b.time;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.value === b.value ? 0 : compareJson(a.value, b.value);
}

/**
 * `compare` for sorting: a total order, untimed stamps before timed ones. `compare` alone is not transitive over a
 * mix (an untimed stamp is newer than a timed one by arrival, two timed ones go by time: a cycle is possible), and a
 * sort by it gives whatever its algorithm meets first, which differs between engines and even between calls.
 */
export const order = (a: Stamp, b: Stamp) => +(a.time !== undefined) - +(b.time !== undefined) || compare(a, b);
