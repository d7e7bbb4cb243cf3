/**
 * The core's first look at a payload, before the session UI (and its validating model) is on the page: does this
 * payload need the UI? It never validates and never decides what the view shows; it only sorts payloads into
 *
 * - `inert`: changes nothing and the model accepts it silently (a Genesys heartbeat, a Web Messaging chat, typing or
 *   presence frame, an action ack): not even kept;
 * - `quiet`: shows no session (a conversation without a co-browse or screen-share leg, a leg that has ended, an
 *   expired or rejected offer): kept for the UI, but no reason to load it;
 * - `session`: can start or show a session, or the core cannot tell: load the UI, which validates and reports.
 *
 * When in doubt it answers `session`: loading the UI for nothing costs bytes, missing a session would hide it from
 * the customer. test/loader/sniff.test.ts holds the rule to the model: every payload sorted `inert` or `quiet`
 * leaves a real store exactly as it was.
 *
 * Keys are compared the way the model reads them in any SDK casing (`topicName`, `topic_name`, `TopicName`): lower
 * case, without underscores.
 */

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
/** Keys that make an object a participant (the model's list, normalised). */
const PARTICIPANT_KEYS = ['purpose', 'name', 'userid', 'user', 'starttime', 'endtime', 'participanttype', 'mediaroles', 'direction'];
/** Keys of a co-browse session or a screen share (flat media participants have them too). */
const LEG_KEYS = ['cobrowsesessionid', 'cobrowserole', 'controlling', 'viewerurl', 'sharing', 'peercount', 'context'];
/** Longer batches are left to the model (it has its own limit and words the error). */
const MAX_BATCH = 1000;

const INERT: Sniffed = { need: 'inert' };
const QUIET: Sniffed = { need: 'quiet' };
const SESSION: Sniffed = { need: 'session' };

const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const normalise = (key: string) => key.replaceAll('_', '').toLowerCase();

/** The value under `key` (normalised) in any casing. */
function field(data: Data, key: string): unknown {
  for (const name of Object.keys(data)) if (normalise(name) === key) return data[name];
  return undefined;
}

/** A string field, lower-cased when `lower`; undefined for anything else. */
function text(data: Data, key: string, lower = false): string | undefined {
  const value = field(data, key);
  if (typeof value !== 'string') return undefined;
  return lower ? value.toLowerCase() : value;
}

const hasAny = (data: Data, keys: string[]) => Object.keys(data).some((name) => keys.includes(normalise(name)));

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
  if (!isData(value)) return SESSION;
  const topic = field(value, 'topicname');
  if (topic !== undefined) {
    // A notification envelope. `v2.system.*` and unknown topics: the model warns or errs, and the page must hear it.
    if (topic === 'channel.metadata') return INERT;
    const body = field(value, 'eventbody');
    const known = typeof topic === 'string' && topic.startsWith('v2.') && !topic.startsWith('v2.system.');
    return known && isData(body) ? sniffItem(body) : SESSION;
  }
  const type = field(value, 'type');
  if (type !== undefined) return sniffTyped(value, type);
  const participants = field(value, 'participants');
  if (participants === undefined) return sniffParticipantOrLeg(value);
  // A conversation.
  if (typeof field(value, 'id') !== 'string' || !Array.isArray(participants)) return SESSION;
  return combine([QUIET, ...participants.map((item) => (isData(item) ? sniffParticipantOrLeg(item) : SESSION))]);
}

function sniffTyped(message: Data, type: unknown): Sniffed {
  const name = typeof type === 'string' ? type.toLowerCase() : '';
  if (name === 'cobrowse.ack') return typeof field(message, 'actionid') === 'string' ? INERT : SESSION;
  if (name === 'message' || name === 'response') return sniffGuestFrame(message);
  // A Messenger offer; else our vocabulary's requests and expiries, and any type the core does not know.
  return offer(message) ?? SESSION;
}

/** A Messenger or Web Messaging co-browse offer (`{ type: 'Offering', sessionId }`), or undefined. */
function offer(data: Data): Sniffed | undefined {
  const type = text(data, 'type', true) ?? '';
  const live = OFFER_STARTS.includes(type);
  if (!live && !OFFER_ENDS.includes(type)) return undefined;
  const sessionId = text(data, 'sessionid');
  if (!sessionId) return SESSION;
  return { need: live ? 'session' : 'quiet', leg: { communicationId: sessionId, sessionId, live } };
}

/**
 * A Genesys Web Messaging guest frame (`{ type: 'message' | 'response', class, code, body }`). Its co-browse events
 * are offers; a frame of any other class or event (chat text, typing, presence, session responses, pongs) changes
 * nothing.
 */
function sniffGuestFrame(frame: Data): Sniffed {
  const frameClass = text(frame, 'class', true);
  if (!frameClass) return SESSION;
  if (frameClass !== 'structuredmessage') return INERT;
  const body = field(frame, 'body');
  const events = isData(body) ? (field(body, 'events') ?? []) : undefined;
  if (!Array.isArray(events)) return SESSION;
  return combine([
    INERT,
    ...events.map((event) => {
      const eventType = isData(event) ? text(event, 'eventtype', true) : undefined;
      if (!eventType) return SESSION;
      if (eventType !== 'cobrowse') return INERT;
      const coBrowse = field(event as Data, 'cobrowse');
      return (isData(coBrowse) && offer(coBrowse)) || SESSION;
    }),
  ]);
}

/** A participant with its legs, a flat media participant, or a bare Cobrowsesession / Screenshare. */
function sniffParticipantOrLeg(data: Data): Sniffed {
  const lists = [field(data, 'cobrowsesessions'), field(data, 'screenshares')].filter((list) => list != null);
  if (lists.length) {
    const legs = lists.flatMap((list) => (Array.isArray(list) ? list : [undefined]));
    return combine([QUIET, ...legs.map((item) => (isData(item) ? sniffLeg(item) : SESSION))]);
  }
  if (hasAny(data, LEG_KEYS) || !hasAny(data, PARTICIPANT_KEYS)) return sniffLeg(data);
  // A participant of other media only (chat, voice, a callback): no session of its own.
  return typeof field(data, 'id') === 'string' ? QUIET : SESSION;
}

/** One co-browse session or screen share: it shows nothing only once it has ended. */
function sniffLeg(data: Data): Sniffed {
  const communicationId = text(data, 'id');
  const state = text(data, 'state', true);
  if (!communicationId || !state) return SESSION;
  const live = !ENDED_STATES.includes(state);
  const sessionId = text(data, 'cobrowsesessionid') ?? text(data, 'sessionid');
  return { need: live ? 'session' : 'quiet', leg: { communicationId, sessionId, live } };
}
