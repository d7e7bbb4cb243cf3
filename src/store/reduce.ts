/**
 * The store's state and the pure functions that change it. Nothing here reads a clock or starts a timer: the
 * caller passes `now`, so every rule can be tested by feeding `NormalizedInput`s directly.
 */
import type { CommunicationUpdate, NormalizedInput, ParticipantInfo, SignalUpdate } from '../model/index.js';
import { compare, ENDED_RANK, knownConnection, order, rankOf, stamp, timeOf } from './order.js';
import type { Stamp } from './order.js';
import type { Connection, LinkStatus, PendingAction } from './types.js';

export type OfferSignal = Extract<SignalUpdate, { type: 'offer' }>;
export type RequestSignal = Extract<SignalUpdate, { type: 'control-request' | 'navigation-request' }> & {
  expiresAt?: number;
};

/** A value and the stamp of the event that set it (last writer wins, by event time). */
export interface Entry<T> {
  value: T;
  stamp: Stamp;
}

/**
 * A communication as its own updates describe it: the newest update's fields, each sticky field from the newest
 * update that carried it, and the connection that makes. Built once per change of its record (here, in reduce), so
 * a derive reads it as it is instead of rebuilding every communication on every ingest. (Derive copies it when a
 * Messenger offer or an offer expiry applies to it: this one is shared by every state that holds the record.)
 */
export interface Communication extends CommunicationUpdate {
  connection: Connection;
  /** The stamp of `latest`. */
  at: Stamp;
  /** The newest known connection any update said (sticky). */
  known?: Connection;
  /** The latest event time at which it controlled someone (sticky; answers older control requests). */
  grantedAt?: number;
}

export interface CommRecord {
  /** The newest update, whole: its state fields replace the previous ones (Genesys sends snapshots). */
  latest: CommunicationUpdate;
  stamp: Stamp;
  /**
   * For each identity field (role, session id, start times, ..., and `known`, `grantedAt`), the stamp of the newest
   * update that carried it; its value is the field's value in `comm`. One map of stamps, all the same object for the
   * fields one update won, instead of a `{ value, stamp }` entry per field: a newer snapshot rewrites every field,
   * and those entries were most of an ingest's garbage.
   */
  stickyAt: Record<string, Stamp>;
  /**
   * The latest time among `stickyAt`'s stamps when every one has a time (`-Infinity` for none), else undefined. An
   * update timed after it is newer than each of them (`compare` goes by time when both have one), so it takes
   * every sticky field it carries without comparing stamps field by field: the usual case, a newer snapshot.
   */
  stickyTime?: number;
  comm: Communication;
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

/**
 * `map` if it is already this reduce's own copy, else a copy of it: the maps are shared with the previous state
 * until their first write. (A plain function, not a closure per map: reduce runs on every ingest.)
 */
const own = <T>(map: Record<string, T>, shared: Record<string, T>) => (map === shared ? { ...shared } : map);

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

const NO_STAMPS: Record<string, Stamp> = Object.freeze({}) as Record<string, Stamp>;

/**
 * `stamps` with `key` stamped `at` when `at` is newer than the stamp `held` had for it (and `value` is defined):
 * copied from `held` on the first such field, so the held record's map is never written.
 */
function claim(held: Record<string, Stamp>, stamps: Record<string, Stamp>, key: string, value: unknown, at: Stamp) {
  if (value === undefined) return stamps;
  const before = held[key];
  if (before && compare(at, before) <= 0) return stamps;
  if (stamps === held) stamps = { ...held };
  stamps[key] = at;
  return stamps;
}

/** The latest time of `stamps` when each has one (`-Infinity` for none), else undefined: see `stickyTime`. */
function latestTime(stamps: Record<string, Stamp>): number | undefined {
  let latest = -Infinity;
  for (const key in stamps) {
    const { time } = stamps[key];
    // (A time that is no number orders nothing: no shortcut past it.)
    if (time === undefined || Number.isNaN(time)) return undefined;
    if (time > latest) latest = time;
  }
  return latest;
}

/** The connection a communication's own fields say (before any Messenger offer: see derive). */
function ownConnection(comm: Communication): Connection {
  const connection = knownConnection(comm.state) ?? comm.known ?? (comm.state ? 'connecting' : 'idle');
  return connection === 'connected' && comm.held ? 'held' : connection;
}

/**
 * `held` with `update` merged in; `held` itself when the update changes nothing (a duplicate, or a stale update
 * with nothing newer to say), so the store can tell that nothing changed without comparing anything else.
 */
export function mergeCommunication(held: CommRecord | undefined, update: CommunicationUpdate, seq: number): CommRecord {
  const known = knownConnection(update.state);
  const at = stamp(timeOf(update), seq, rankOf(known), update);
  // `grantedAt` is sticky like an identity field: of the timed updates that controlled someone, the newest wins,
  // which is the one with the latest time (an untimed update has no time to keep).
  const grantedAt = update.controlling?.length ? at.time : undefined;
  const heldStamps = held ? held.stickyAt : NO_STAMPS;
  let stickyAt = heldStamps;
  let stickyTime: number | undefined;
  const fields = update as unknown as Record<string, unknown>;
  if (at.time !== undefined && at.time > (held ? (held.stickyTime ?? Infinity) : -Infinity)) {
    // Newer than every sticky field held (see `stickyTime`): it takes each one it carries. (It carries its id.)
    stickyAt = { ...heldStamps };
    for (const key in fields) if (fields[key] !== undefined && !SNAPSHOT.has(key)) stickyAt[key] = at;
    if (known !== undefined) stickyAt.known = at;
    if (grantedAt !== undefined) stickyAt.grantedAt = at;
    stickyTime = at.time;
  } else {
    for (const key in fields) if (!SNAPSHOT.has(key)) stickyAt = claim(heldStamps, stickyAt, key, fields[key], at);
    stickyAt = claim(heldStamps, stickyAt, 'known', known, at);
    stickyAt = claim(heldStamps, stickyAt, 'grantedAt', grantedAt, at);
    stickyTime = stickyAt === heldStamps ? held?.stickyTime : latestTime(stickyAt);
  }
  // An ended communication stays ended unless a strictly newer update says otherwise (or says it ended too).
  // (A stamp's rank is ENDED_RANK exactly when its update's known state ended the communication: see `rankOf`.)
  const newer =
    !held ||
    (compare(at, held.stamp) > 0 &&
      (held.stamp.rank !== ENDED_RANK || at.rank === ENDED_RANK || at.time! > held.stamp.time!));
  if (!held || newer) {
    // The update's fields, then every sticky field it did not win from the update that did.
    const comm = { ...update, at } as Communication;
    const values = comm as unknown as Record<string, unknown>;
    const heldValues = held?.comm as unknown as Record<string, unknown>;
    for (const key in stickyAt) {
      if (stickyAt[key] !== at) values[key] = heldValues[key];
      else if (key === 'known') comm.known = known;
      else if (key === 'grantedAt') comm.grantedAt = grantedAt;
    }
    comm.connection = ownConnection(comm);
    return { latest: update, stamp: at, stickyAt, stickyTime, comm };
  }
  if (stickyAt === heldStamps) return held;
  // Older than the record, newer for some sticky fields: the held communication with those fields replaced.
  const comm = { ...held.comm };
  const values = comm as unknown as Record<string, unknown>;
  for (const key in stickyAt) {
    if (stickyAt[key] === at) values[key] = key === 'known' ? known : key === 'grantedAt' ? grantedAt : fields[key];
  }
  comm.connection = ownConnection(comm);
  return { latest: held.latest, stamp: held.stamp, stickyAt, stickyTime, comm };
}

/** Equal as the store's data is: the same primitive, or arrays of equal items (a participant's `mediaRoles`). */
export const sameValue = (a: unknown, b: unknown): boolean =>
  a === b ||
  (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i])));

/**
 * `held` with `person` (a participant of conversation `conversationId`) merged in; `held` itself when that changes
 * no field. Checked before anything is built: a conversation event repeats every participant, nearly always as
 * they were.
 */
function mergePerson(held: Person | undefined, person: ParticipantInfo, conversationId: string | undefined): Person {
  // Participants carry no event time: once seen ended, only a communication of theirs can say otherwise.
  const ended = knownConnection(held?.state) === 'disconnected';
  // (`in` only where a value is undefined: asking presence costs more than the rest of the comparison.)
  if (
    held &&
    (conversationId ?? held.conversationId) === held.conversationId &&
    (held.conversationId !== undefined || 'conversationId' in held)
  ) {
    let same = true;
    const fields = person as unknown as Record<string, unknown>;
    const heldFields = held as unknown as Record<string, unknown>;
    for (const key in fields) {
      // (Its conversation id is the conversation's; its state, once ended, the held one.)
      if (key === 'conversationId' || (key === 'state' && ended)) continue;
      const value = fields[key];
      if (!sameValue(value, heldFields[key]) || (value === undefined && !(key in held))) {
        same = false;
        break;
      }
    }
    if (same) return held;
  }
  // The model sends only defined fields (parse.ts `pick`); of a participant, only its conversation id may be absent.
  const next: Person = { ...held, ...person, conversationId: conversationId ?? held?.conversationId };
  if (ended) next.state = held!.state;
  return next;
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
  // The maps are shared with `state` until one is written: then that one is copied, once (`own`).
  let { seq, comms, people, offers, requests, expiries } = state;
  /** Set when an `ack` settled the pending action: the state's `pending`, `pendingDeadline` and `failed`. */
  let settled: StoreState | undefined;
  let changed = false;
  for (const conversation of input.conversations) {
    for (const person of conversation.participants) {
      const held = people[person.id];
      const merged = mergePerson(held, person, conversation.id);
      if (merged === held) continue;
      people = own(people, state.people);
      people[person.id] = merged;
      changed = true;
    }
  }
  for (const update of input.communications) {
    const held = comms[update.id];
    const merged = mergeCommunication(held, update, ++seq);
    if (merged === held) continue;
    comms = own(comms, state.comms);
    comms[update.id] = merged;
    changed = true;
  }
  for (const signal of input.signals) {
    ++seq;
    if (signal.type === 'offer') {
      const at = stamp(signal.time, seq, +(signal.event !== 'offering'), signal);
      if (!isNewer(offers, signal.sessionId, at)) continue;
      offers = own(offers, state.offers);
      offers[signal.sessionId] = { value: signal, stamp: at };
      changed = true;
    } else if (signal.type === 'offer-expiry') {
      // The model guarantees one of the two (parse.ts refuses an offer-expiry that names neither).
      const key = (signal.communicationId ?? signal.sessionId)!;
      const expiresAt = Math.max(expiries[key] ?? 0, signal.expiresAt);
      if (expiries[key] === expiresAt) continue;
      expiries = own(expiries, state.expiries);
      expiries[key] = expiresAt;
      changed = true;
    } else if (signal.type === 'ack') {
      const before = settled ?? state;
      const after = settle(before, signal.actionId, signal.ok, signal.error);
      if (after === before) continue;
      settled = after;
      changed = true;
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
      if (!isNewer(requests, key, at)) continue;
      requests = own(requests, state.requests);
      requests[key] = { value, stamp: at };
      changed = true;
    }
  }
  // Forget the oldest, ended ones first, so a long-lived page does not grow without bound. (Counted, not listed:
  // this runs on every reduce, and is nearly always under the limit.)
  let count = 0;
  for (const id in comms) if (comms[id]) count++;
  if (count > options.maxCommunications) {
    const held = comms;
    const ended = (record: CommRecord) => +(record.stamp.rank === ENDED_RANK);
    const byAge = Object.keys(held).sort(
      // Live ones (not disconnected) first, then the newest.
      (a, b) => ended(held[a]) - ended(held[b]) || order(held[b].stamp, held[a].stamp),
    );
    comms = own(comms, state.comms);
    for (const id of byAge.slice(options.maxCommunications)) delete comms[id];
    changed = true;
  }
  // Nothing new: the previous state, arrival counter included (a stamp's `seq` only orders it against others,
  // and every later arrival still gets a larger one than any stamp held).
  if (!changed) return state;
  return { ...(settled ?? state), seq, comms, people, offers, requests, expiries };
}
