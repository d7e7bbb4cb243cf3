/**
 * The store's state and the pure functions that change it. Nothing here reads a clock or starts a timer: the
 * caller passes `now`, so every rule can be tested by feeding `NormalizedInput`s directly.
 */
import type { CommunicationUpdate, NormalizedInput, ParticipantInfo, SignalUpdate } from '../model/index.js';
import { compare, ENDED_RANK, knownConnection, order, rankOf, stamp, timeOf } from './order.js';
import type { Stamp } from './order.js';
import type { LinkStatus, PendingAction } from './types.js';

export type OfferSignal = Extract<SignalUpdate, { type: 'offer' }>;
export type RequestSignal = Extract<SignalUpdate, { type: 'control-request' | 'navigation-request' }> & {
  expiresAt?: number;
};

/** A value and the stamp of the event that set it (last writer wins, by event time). */
export interface Entry<T> {
  value: T;
  stamp: Stamp;
}

export interface CommRecord {
  /** The newest update, whole: its state fields replace the previous ones (Genesys sends snapshots). */
  latest: CommunicationUpdate;
  stamp: Stamp;
  /**
   * Identity fields (role, session id, start times, ...), each from the newest update that carried it; `known`, the
   * newest known connection; `grantedAt`, the latest event time at which it controlled someone (answers older
   * control requests).
   */
  sticky: Record<string, Entry<unknown>>;
}

export type Person = ParticipantInfo & { conversationId?: string };

export interface StoreState {
  /** Arrival counter, the ordering of last resort. */
  seq: number;
  comms: Record<string, CommRecord>;
  /** Participants seen in conversations, by participant id. */
  people: Record<string, Person>;
  /** Messenger offers by session id. */
  offers: Record<string, Entry<OfferSignal>>;
  /** `control-request` / `navigation-request` signals by `type:participantId`; `active: false` is a tombstone. */
  requests: Record<string, Entry<RequestSignal>>;
  /** `offer-expiry` by communication id or session id ('' when the signal names neither). */
  expiries: Record<string, number>;
  /** Ended communications (and offers) the user dismissed. */
  dismissed: string[];
  pending?: PendingAction;
  pendingDeadline?: number;
  failed?: PendingAction;
  link: LinkStatus;
}

/** One of the state's maps, shared with the previous state until its first write, which copies it (once). */
interface CopyOnWrite<T> {
  read(): Record<string, T>;
  write(): Record<string, T>;
}
function copyOnWrite<T>(get: () => Record<string, T>, replace: (map: Record<string, T>) => void): CopyOnWrite<T> {
  let copied = false;
  return {
    read: get,
    write() {
      if (!copied) replace({ ...get() });
      copied = true;
      return get();
    },
  };
}

export interface ReduceOptions {
  controlRequestTimeoutMs: number;
  maxCommunications: number;
}

/** Fields that describe the communication's current state: the newest update's value (or its absence) wins. */
const SNAPSHOT = new Set([
  'state',
  'rawState',
  'held',
  'controlling',
  'peerCount',
  'sharing',
  'disconnectType',
  'disconnectedTime',
  'startHoldTime',
  'providerEventTime',
]);

/**
 * Not frozen (a freeze would be shallow anyway): every change copies a state before it writes (`reduce` its maps,
 * `settle`, and the store's `act`, `reset` and `setLink` spread it), so nothing writes to this one.
 */
export const INITIAL_STATE: StoreState = {
  seq: 0,
  comms: {},
  people: {},
  offers: {},
  requests: {},
  expiries: {},
  dismissed: [],
  link: 'none',
};

/** Whether `at` is newer than what `map` holds under `key`: then it replaces it. */
const isNewer = <T>(map: Record<string, Entry<T>>, key: string, at: Stamp) =>
  !map[key] || compare(at, map[key].stamp) > 0;

/** Sets `map[key]` when `at` is newer than what it holds; says whether it did. */
function put<T>(map: Record<string, Entry<T>>, key: string, value: T, at: Stamp): boolean {
  if (!isNewer(map, key, at)) return false;
  map[key] = { value, stamp: at };
  return true;
}

/**
 * `held` with `update` merged in; `held` itself when the update changes nothing (a duplicate, or a stale update
 * with nothing newer to say), so the store can tell that nothing changed without comparing anything else.
 */
export function mergeCommunication(held: CommRecord | undefined, update: CommunicationUpdate, seq: number): CommRecord {
  const known = knownConnection(update.state);
  const at = stamp(timeOf(update), seq, rankOf(known), update);
  // Copied on the first field that changes (the held record is part of the previous state: never written).
  let sticky = held ? held.sticky : {};
  let stickyChanged = !held;
  // `grantedAt` is sticky like an identity field: of the timed updates that controlled someone, the newest wins,
  // which is the one with the latest time (an untimed update has no time to keep).
  const grantedAt = update.controlling?.length ? at.time : undefined;
  const fields: Record<string, unknown> = { ...update, known, grantedAt };
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined || SNAPSHOT.has(key) || !isNewer(sticky, key, at)) continue;
    if (!stickyChanged) sticky = { ...sticky };
    stickyChanged = true;
    put(sticky, key, value, at);
  }
  // An ended communication stays ended unless a strictly newer update says otherwise (or says it ended too).
  // (A stamp's rank is ENDED_RANK exactly when its update's known state ended the communication: see `rankOf`.)
  const newer =
    !held ||
    (compare(at, held.stamp) > 0 &&
      (held.stamp.rank !== ENDED_RANK || at.rank === ENDED_RANK || at.time! > held.stamp.time!));
  if (!newer && !stickyChanged) return held!;
  return { ...(newer ? { latest: update, stamp: at } : held!), sticky };
}

/** Equal as the store's data is: the same primitive, or arrays of equal items (a participant's `mediaRoles`). */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b ||
  (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i])));

/** `held` with `person` merged in; `held` itself when that changes no field. */
function mergePerson(held: Person | undefined, person: Person): Person {
  // The model sends only defined fields (parse.ts `pick`); of a participant, only its conversation id may be absent.
  const next: Person = { ...held, ...person, conversationId: person.conversationId ?? held?.conversationId };
  // Participants carry no event time: once seen ended, only a communication of theirs can say otherwise.
  if (knownConnection(held?.state) === 'disconnected') next.state = held!.state;
  if (!held) return next;
  const keys = Object.keys(next) as (keyof Person)[];
  const same =
    keys.length === Object.keys(held).length && keys.every((key) => key in held && sameValue(next[key], held[key]));
  return same ? held : next;
}

export function settle(state: StoreState, id: string, ok: boolean, error?: string): StoreState {
  const { pending } = state;
  return pending?.id === id
    ? {
        ...state,
        pending: undefined,
        pendingDeadline: undefined,
        failed: ok ? undefined : { ...pending, error: error || 'Refused' },
      }
    : state;
}

/**
 * Applies everything one input (one event, or a whole batch) said, in one pass. Returns a new state, or `state`
 * itself when the input changed nothing (duplicates, stale updates, heartbeats): then the store need not derive.
 * Never mutates `state`.
 */
export function reduce(state: StoreState, input: NormalizedInput, now: number, options: ReduceOptions): StoreState {
  // The maps are shared with `state` until one is written: then that one is copied, once. (Property access, not
  // names as strings: the script-tag build renames the state's properties.)
  let next: StoreState = { ...state };
  const comms = copyOnWrite(
    () => next.comms,
    (map) => (next.comms = map),
  );
  const people = copyOnWrite(
    () => next.people,
    (map) => (next.people = map),
  );
  const offers = copyOnWrite(
    () => next.offers,
    (map) => (next.offers = map),
  );
  const requests = copyOnWrite(
    () => next.requests,
    (map) => (next.requests = map),
  );
  const expiries = copyOnWrite(
    () => next.expiries,
    (map) => (next.expiries = map),
  );
  let changed = false;
  /** Sets `map[key]` to `value` unless it holds that already. */
  const set = <T>(map: CopyOnWrite<T>, key: string, value: T) => {
    if (map.read()[key] === value) return;
    map.write()[key] = value;
    changed = true;
  };
  for (const conversation of input.conversations) {
    for (const person of conversation.participants) {
      set(people, person.id, mergePerson(next.people[person.id], { ...person, conversationId: conversation.id }));
    }
  }
  for (const update of input.communications) {
    set(comms, update.id, mergeCommunication(next.comms[update.id], update, ++next.seq));
  }
  for (const signal of input.signals) {
    const seq = ++next.seq;
    if (signal.type === 'offer') {
      const at = stamp(signal.time, seq, +(signal.event !== 'offering'), signal);
      if (isNewer(next.offers, signal.sessionId, at)) set(offers, signal.sessionId, { value: signal, stamp: at });
    } else if (signal.type === 'offer-expiry') {
      // The model guarantees one of the two (parse.ts refuses an offer-expiry that names neither).
      const key = (signal.communicationId ?? signal.sessionId)!;
      set(expiries, key, Math.max(next.expiries[key] ?? 0, signal.expiresAt));
    } else if (signal.type === 'ack') {
      const settled = settle(next, signal.actionId, signal.ok, signal.error);
      if (settled !== next) changed = true;
      next = settled;
    } else if (signal.type !== 'heartbeat') {
      // A control or a navigation request (the model's signals are these six types).
      const time = signal.time ?? now;
      const value: RequestSignal =
        signal.type === 'control-request'
          ? { ...signal, time, expiresAt: signal.expiresAt ?? time + options.controlRequestTimeoutMs }
          : { ...signal, time };
      // At one time, a withdrawal beats a request.
      const at = stamp(signal.time, seq, +!signal.active, value);
      const key = `${signal.type}:${signal.participantId}`;
      if (isNewer(next.requests, key, at)) set(requests, key, { value, stamp: at });
    }
  }
  // Forget the oldest, ended ones first, so a long-lived page does not grow without bound.
  const ids = Object.keys(next.comms);
  if (ids.length > options.maxCommunications) {
    const ended = (record: CommRecord) => +(record.stamp.rank === ENDED_RANK);
    const byAge = ids.sort(
      // Live ones (not disconnected) first, then the newest.
      (a, b) => ended(next.comms[a]) - ended(next.comms[b]) || order(next.comms[b].stamp, next.comms[a].stamp),
    );
    const kept = comms.write();
    for (const id of byAge.slice(options.maxCommunications)) delete kept[id];
    changed = true;
  }
  // Nothing new: the previous state, arrival counter included (a stamp's `seq` only orders it against others,
  // and every later arrival still gets a larger one than any stamp held).
  return changed ? next : state;
}
