/**
 * The core's first look at a payload, before the session UI (and its validating model) is on the page: does this
 * payload need the UI? It never validates and never decides what the view shows; it only sorts payloads into
 *
 * - `inert`: changes nothing and the model accepts it silently (a Genesys heartbeat, a Web Messaging chat, typing or
 *   presence frame): not even kept;
 * - `quiet`: shows no session (a conversation without a co-browse or screen-share leg, a leg that has ended, an
 *   expired or rejected offer): kept for the UI, but no reason to load it;
 * - `session`: can start or show a session, or the core cannot tell: load the UI, which validates and reports.
 *
 * When in doubt it answers `session`: loading the UI for nothing costs bytes, missing a session would hide it from
 * the customer. test/loader/sniff.test.ts holds the rule to the model: every payload sorted `inert` or `quiet`
 * leaves a real store exactly as it was.
 *
 * Keys are read the way the model reads them in any SDK casing (`topicName`, `topic_name`, `TopicName`): through
 * the model's own `camelKey`.
 */

import { camelKey } from '../model/prepare.js';
import { isRecord, toMs } from '../model/values.js';

export type PayloadNeed = 'inert' | 'quiet' | 'session';

/** A co-browse or screen-share leg a payload names: what the fallback notice's Stop sharing needs. */
export interface Leg {
  /** The communication id (a Messenger offer's session id when that is all there is). */
  communicationId: string;
  sessionId?: string;
  live: boolean;
}

export interface Sniffed {
  need: PayloadNeed;
  /** The last leg the payload names, if any. */
  leg?: Leg;
}

type Data = Record<string, unknown>;

const ENDED_STATES = ['disconnected', 'terminated'];
const OFFER_STARTS = ['offering', 'offeringaccepted'];
const OFFER_ENDS = ['offeringexpired', 'offeringrejected'];
/** Keys of a co-browse session or a screen share (flat media participants have them too). */
const LEG_KEYS = ['cobrowseSessionId', 'cobrowseRole', 'controlling', 'viewerUrl', 'sharing', 'peerCount', 'context'];
/** Longer batches are left to the model (it has its own limit and words the error). */
const MAX_BATCH = 1000;

const INERT: Sniffed = { need: 'inert' };
const QUIET: Sniffed = { need: 'quiet' };
const SESSION: Sniffed = { need: 'session' };

/**
 * The object with its keys as the model reads them (`topic_name`, `TopicName` -> `topicName`: the model's own
 * `camelKey`), null fields left out as the model leaves them; undefined for a non-object, or for one that spells a
 * key twice (the model warns about that, so it must reach the model).
 */
function read(value: unknown): Data | undefined {
  if (!isRecord(value)) return undefined;
  const data: Data = Object.create(null);
  for (const raw of Object.keys(value)) {
    const key = camelKey(raw);
    if (value[raw] == null) continue;
    if (key in data) return undefined;
    data[key] = value[raw];
  }
  return data;
}

/** A string, lower-cased; undefined for anything else. */
const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Sorts one payload (a value, a JSON string or a batch). Never throws: what it cannot read needs the UI. */
export function sniff(input: unknown): Sniffed {
  try {
    const value = typeof input === 'string' ? JSON.parse(input) : input;
    if (!Array.isArray(value)) return sniffItem(value);
    return value.length && value.length <= MAX_BATCH ? combine(value.map(sniffItem)) : SESSION;
  } catch {
    // Not JSON, a throwing getter, a proxy: the model's first pass says what is wrong with it.
    return SESSION;
  }
}

/** `session` when any part is, `inert` when all are, else `quiet`; with the last leg named. */
function combine(parts: Sniffed[]): Sniffed {
  const leg = parts.findLast((part) => part.leg)?.leg;
  const need = parts.some((part) => part.need === 'session')
    ? 'session'
    : parts.every((part) => part.need === 'inert')
      ? 'inert'
      : 'quiet';
  return { need, leg };
}

function sniffItem(value: unknown): Sniffed {
  const data = read(value);
  if (!data) return SESSION;
  const topic = data.topicName;
  if (topic !== undefined) {
    // A notification envelope. `v2.system.*` and unknown topics: the model warns or errs, and the page must hear it.
    if (topic === 'channel.metadata') return INERT;
    const known = typeof topic === 'string' && topic.startsWith('v2.') && !topic.startsWith('v2.system.');
    return known && isRecord(data.eventBody) ? sniffItem(data.eventBody) : SESSION;
  }
  if (data.type !== undefined) return sniffTyped(data);
  const { participants } = data;
  if (participants === undefined) return sniffParticipantOrLeg(data);
  // A conversation.
  if (typeof data.id !== 'string' || !Array.isArray(participants)) return SESSION;
  return combine([QUIET, ...participants.map((item) => sniffParticipantOrLeg(read(item)))]);
}

function sniffTyped(message: Data): Sniffed {
  const type = lower(message.type);
  // An ack the transport did not take (it settles actions; none are open before the UI): kept for the model.
  if (type === 'cobrowse.ack') return QUIET;
  if (type === 'message' || type === 'response') return sniffGuestFrame(message);
  // A Messenger offer; else our vocabulary's requests and expiries, and any type the core does not know.
  return offer(message) ?? SESSION;
}

/** A Messenger or Web Messaging co-browse offer (`{ type: 'Offering', sessionId }`), or undefined. */
function offer(data: Data): Sniffed | undefined {
  const type = lower(data.type) ?? '';
  const live = OFFER_STARTS.includes(type);
  if (!live && !OFFER_ENDS.includes(type)) return undefined;
  const sessionId = text(data.sessionId);
  if (!sessionId) return SESSION;
  return { need: live ? 'session' : 'quiet', leg: { communicationId: sessionId, sessionId, live } };
}

/** Absent (or null, which the model reads as absent), or passing `test`. */
const optional = (value: unknown, test: (value: unknown) => boolean) => value == null || test(value);
const isString = (value: unknown) => typeof value === 'string';
/**
 * A Genesys Web Messaging guest frame (`{ type: 'message' | 'response', class, code, body }`). Its co-browse events
 * are offers; any other well-formed frame (chat text, typing, presence, session responses, pongs) changes nothing.
 * "Well-formed" as the model checks it: a frame it would reject must reach it, to be reported.
 */
function sniffGuestFrame(frame: Data): Sniffed {
  const frameClass = lower(frame.class);
  const wellFormed = frameClass && optional(frame.code, (code) => Number.isInteger(code) && (code as number) >= 0);
  if (!wellFormed) return SESSION;
  if (frameClass !== 'structuredmessage') return INERT;
  const body = read(frame.body);
  const channel = read(body?.channel);
  if (
    !body ||
    ![body.type, body.direction, body.id].every((field) => optional(field, isString)) ||
    !optional(
      body.channel,
      () =>
        !!channel &&
        optional(channel.time, (time) => toMs(time) !== undefined) &&
        optional(channel.messageId, isString),
    )
  ) {
    return SESSION;
  }
  const events = body.events ?? [];
  if (!Array.isArray(events)) return SESSION;
  return combine([
    INERT,
    ...events.map((item) => {
      const event = read(item);
      const eventType = lower(event?.eventType);
      if (!event || !eventType) return SESSION;
      const coBrowse = read(event.coBrowse);
      if (eventType !== 'cobrowse') return event.coBrowse == null ? INERT : SESSION;
      return (coBrowse && offer(coBrowse)) || SESSION;
    }),
  ]);
}

/** A participant with its legs, a flat media participant, or a bare Cobrowsesession / Screenshare. */
function sniffParticipantOrLeg(data: Data | undefined): Sniffed {
  if (!data) return SESSION;
  const lists = [data.cobrowsesessions, data.screenshares].filter((list) => list != null);
  if (lists.length) {
    const legs = lists.flatMap((list) => (Array.isArray(list) ? list : [undefined]));
    return combine([QUIET, ...legs.map((item) => sniffLeg(read(item)))]);
  }
  // Every Genesys participant has a `purpose`; one without is read as a leg (and so loads the UI: safe).
  if (LEG_KEYS.some((key) => key in data) || !('purpose' in data)) return sniffLeg(data);
  // A participant of other media only (chat, voice, a callback): no session of its own.
  return typeof data.id === 'string' ? QUIET : SESSION;
}

/** One co-browse session or screen share: it shows nothing only once it has ended. */
function sniffLeg(data: Data | undefined): Sniffed {
  const communicationId = text(data?.id);
  const state = lower(data?.state);
  if (!communicationId || !state) return SESSION;
  const live = !ENDED_STATES.includes(state);
  const sessionId = text(data?.cobrowseSessionId) ?? text(data?.sessionId);
  return { need: live ? 'session' : 'quiet', leg: { communicationId, sessionId, live } };
}
