// FROZEN REFERENCE (test-only): a verbatim copy of src/store as it was before issue 15's speed work, with issue
// 16's semantics (who is shown, "me") in (branch `store`, commit c87c7cf), with only its imports of the model layer
// re-pointed. test/store/differential.test.ts runs random event sequences through it and through the live store and
// requires deep-equal views, so the faster store is shown to compute the same thing. Do not "fix" or restyle this
// file: its value is that it does not change. Replace it (and say so) only when the store's semantics move on
// deliberately.
/**
 * The store's state and the pure functions that change it. Nothing here reads a clock or starts a timer: the
 * caller passes `now`, so every rule can be tested by feeding `NormalizedInput`s directly.
 */
import type { CommunicationUpdate, NormalizedInput, ParticipantInfo, SignalUpdate } from '../../../src/model/index.js';
import { compare, knownConnection, order, rankOf, stamp, timeOf } from './order.js';
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

export interface ReduceOptions {
  controlRequestTimeoutMs: number;
  maxCommunications: number;
}

/** Fields that describe the communication's current state: the newest update's value (or its absence) wins. */
const SNAPSHOT =
  'state rawState held controlling peerCount sharing disconnectType disconnectedTime startHoldTime providerEventTime'.split(
    ' ',
  );

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

function put<T>(map: Record<string, Entry<T>>, key: string, value: T, at: Stamp) {
  const held = map[key];
  if (!held || compare(at, held.stamp) > 0) map[key] = { value, stamp: at };
}

export function mergeCommunication(held: CommRecord | undefined, update: CommunicationUpdate, seq: number) {
  const known = knownConnection(update.state);
  const at = stamp(timeOf(update), seq, rankOf(known), update);
  const sticky = { ...held?.sticky };
  // `grantedAt` is sticky like an identity field: of the timed updates that controlled someone, the newest wins,
  // which is the one with the latest time (an untimed update has no time to keep).
  const grantedAt = update.controlling?.length ? at.t : undefined;
  for (const [key, value] of Object.entries({ ...update, known, grantedAt })) {
    if (value !== undefined && !SNAPSHOT.includes(key)) put(sticky, key, value, at);
  }
  // An ended communication stays ended unless a strictly newer update says otherwise (or says it ended too).
  // (A stamp's rank is 4 exactly when its update's known state ended the communication: see `rankOf`.)
  const newer = !held || (compare(at, held.stamp) > 0 && (held.stamp.rank < 4 || at.rank > 3 || at.t! > held.stamp.t!));
  return { ...(newer ? { latest: update, stamp: at } : held!), sticky };
}

function mergePerson(held: Person | undefined, person: Person): Person {
  // The model sends only defined fields (parse.ts `pick`); of a participant, only its conversation id may be absent.
  const next: Person = { ...held, ...person, conversationId: person.conversationId ?? held?.conversationId };
  // Participants carry no event time: once seen ended, only a communication of theirs can say otherwise.
  if (knownConnection(held?.state) === 'disconnected') next.state = held!.state;
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

/** Applies everything one input said. Returns a new state; never mutates `state`. */
export function reduce(state: StoreState, input: NormalizedInput, now: number, options: ReduceOptions): StoreState {
  let next: StoreState = {
    ...state,
    comms: { ...state.comms },
    people: { ...state.people },
    offers: { ...state.offers },
    requests: { ...state.requests },
    expiries: { ...state.expiries },
  };
  for (const conversation of input.conversations) {
    for (const person of conversation.participants) {
      next.people[person.id] = mergePerson(next.people[person.id], { ...person, conversationId: conversation.id });
    }
  }
  for (const update of input.communications) {
    next.comms[update.id] = mergeCommunication(next.comms[update.id], update, ++next.seq);
  }
  for (const signal of input.signals) {
    const seq = ++next.seq;
    if (signal.type === 'offer') {
      put(next.offers, signal.sessionId, signal, stamp(signal.time, seq, +(signal.event !== 'offering'), signal));
    } else if (signal.type === 'offer-expiry') {
      // The model guarantees one of the two (parse.ts refuses an offer-expiry that names neither).
      const key = (signal.communicationId ?? signal.sessionId)!;
      next.expiries[key] = Math.max(next.expiries[key] ?? 0, signal.expiresAt);
    } else if (signal.type === 'ack') {
      next = settle(next, signal.actionId, signal.ok, signal.error);
    } else if (signal.type !== 'heartbeat') {
      // A control or a navigation request (the model's signals are these six types).
      const time = signal.time ?? now;
      const value: RequestSignal =
        signal.type === 'control-request'
          ? { ...signal, time, expiresAt: signal.expiresAt ?? time + options.controlRequestTimeoutMs }
          : { ...signal, time };
      // At one time, a withdrawal beats a request.
      put(
        next.requests,
        `${signal.type}:${signal.participantId}`,
        value,
        stamp(signal.time, seq, +!signal.active, value),
      );
    }
  }
  // Forget the oldest, ended ones first, so a long-lived page does not grow without bound.
  const byAge = Object.entries(next.comms).sort(
    // Live ones (rank < 4, not disconnected) first, then the newest.
    ([, a], [, b]) => +(a.stamp.rank > 3) - +(b.stamp.rank > 3) || order(b.stamp, a.stamp),
  );
  for (const [id] of byAge.slice(options.maxCommunications)) delete next.comms[id];
  return next;
}
