import type { $ZodIssue } from 'zod/v4/core';
import { DEFAULT_LIMITS, formatPath, kindOf, prepare, quote } from './prepare.js';
import type { Findings, Path } from './prepare.js';
import { fieldOrder, schemaFields, schemas, TIME } from './schemas.js';
import type { SchemaName } from './schemas.js';
import { KNOWN_STATES } from './types.js';
import type {
  CommunicationKind,
  CommunicationUpdate,
  NormalizedInput,
  ParseLimits,
  ParseResult,
  ParseWarning,
  ParticipantInfo,
  SignalUpdate,
} from './types.js';
import { DISCONNECT_TYPES, isRecord, memoToMs, PURPOSES, RECORDING_STATES, safeUrl } from './values.js';

export { DEFAULT_LIMITS } from './prepare.js';
export { schemasBuilt } from './schemas.js';

type Data = Record<string, unknown>;

/**
 * How shapes are told apart, after keys are camelCased (first match wins):
 * `topicName` -> envelope; `type` and `class` (or a `type` of `message` / `response`) -> a Web Messaging guest
 * frame; `type` -> Messenger offer or our vocabulary; `participants` -> conversation; a participant key (`purpose`,
 * `name`, `cobrowsesessions`, ...) -> a participant (read as a conversation of one), a CobrowseMediaParticipant
 * when it also has a co-browse key (`cobrowseSessionId`, `cobrowseRole`, `controlling`, `viewerUrl`), a
 * ScreenShareMediaParticipant when it has a screen-share key instead (`sharing`, `peerCount`, `context`); a
 * screen-share key -> Screenshare; anything else -> Cobrowsesession. When any check fails the whole result is an
 * error, so what a failed item adds to `out` is never seen.
 */
const has = (value: Data, keys: readonly string[]) => keys.some((key) => key in value);
const PARTICIPANT_KEYS = [
  'participants',
  'purpose',
  'name',
  'userId',
  'user',
  'startTime',
  'endTime',
  'participantType',
  'mediaRoles',
  'direction',
  'cobrowsesessions',
  'screenshares',
];
const COBROWSE_KEYS = ['cobrowseSessionId', 'cobrowseRole', 'controlling', 'viewerUrl'];
const SCREENSHARE_KEYS = ['sharing', 'peerCount', 'context'];

/** A Participant's lists of legs, and the kind of communication each item is. */
const LEG_LISTS = [
  ['cobrowsesessions', 'cobrowse'],
  ['screenshares', 'screenshare'],
] as const;

/**
 * How `check` folds a field, by name: an enum (its known, lower-case values: a known value in any case is
 * lower-cased, an unknown one kept verbatim with an `unknown-enum` warning), a time (-> epoch ms), or a URL
 * (allow-listed, else dropped with an `unsafe-url` warning). Any other field is kept as it is. Times are the
 * schemas' own (`TIME`, by suffix), URLs any field ending in `url`, so a new field of either kind is folded too.
 */
type Fold = ReadonlySet<string> | 'time' | 'url';
const ENUMS = new Map<string, ReadonlySet<string>>([
  ['state', new Set(KNOWN_STATES)],
  ['initialState', new Set(KNOWN_STATES)],
  ['disconnectType', new Set(DISCONNECT_TYPES)],
  ['cobrowseRole', new Set(['sharer', 'viewer'])],
  ['purpose', new Set(PURPOSES)],
  ['screenRecordingState', new Set(RECORDING_STATES)],
]);
const foldOf = (key: string): Fold | undefined =>
  ENUMS.get(key) ?? (TIME.test(key) ? 'time' : /url$/i.test(key) ? 'url' : undefined);

/** Each schema's fields that fold, made on first use: a checked object keeps the keys its schema does not know. */
const folds = new Map<SchemaName, ReadonlyMap<string, Fold>>();
function foldsOf(name: SchemaName): ReadonlyMap<string, Fold> {
  let own = folds.get(name);
  if (!own) {
    const made = new Map<string, Fold>();
    for (const key of schemaFields(name)) {
      const fold = foldOf(key);
      if (fold) made.set(key, fold);
    }
    folds.set(name, (own = made));
  }
  return own;
}

/** Our vocabulary: `cobrowse.controlRequest` (any case) -> schema and signal type `control-request`, ... */
const VOCABULARY = ['control-request', 'navigation-request', 'offer-expiry', 'ack'] as const;
/** Messenger's co-browse offer events (and a Web Messaging CoBrowse event's `type`), lower-cased. */
const OFFER_EVENTS = ['offering', 'offeringexpired', 'offeringaccepted', 'offeringrejected'] as const;
type OfferEvent = (typeof OFFER_EVENTS)[number];
const isOfferEvent = (value: string): value is OfferEvent => (OFFER_EVENTS as readonly string[]).includes(value);

interface Context extends Findings {
  root: unknown;
  out: NormalizedInput;
}

/**
 * The named fields of `from` (all of them when no names are given) that are defined: a store spreading an update
 * keeps what was not sent.
 */
function pick<T>(from: Data, keys: readonly string[] = Object.keys(from)): T {
  const out: Data = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out as T;
}

function warn(ctx: Context, path: Path, code: ParseWarning['code'], message: string, value?: string) {
  ctx.warnings.push({ path: formatPath(path, ctx.root), code, message, ...(value !== undefined && { value }) });
}

/**
 * Validates `value` (an object of the model's own copy, prepare.ts) against a schema and returns it with the
 * schema's fields folded in place: enums lower-cased when known (kept verbatim with an `unknown-enum` warning when
 * not), times to epoch ms, URLs allow-listed (dropped with an `unsafe-url` warning); `rawState` keeps the state as
 * received. Keys the schema does not know stay, unread: callers read the fields they keep by name. Undefined, after
 * adding its issues, when it fails.
 */
function check(ctx: Context, name: SchemaName, value: unknown, path: Path): Data | undefined {
  // zod's Standard Schema `validate` (every zod schema has it): the finished issues, without the error class
  // (a message getter, flatten, format, ...) that safeParse wraps them in, ~200 bytes gzip nothing here reads.
  // Synchronous, since every field is a plain predicate over plain data (prepare.ts), none of which can throw.
  const result = schemas()[name]['~standard'].validate(value) as { value: Data; issues?: $ZodIssue[] };
  if (result.issues) {
    // Each schema words its own messages (schemas.ts).
    for (const issue of result.issues) {
      ctx.issues.push({ path: [...path, ...(issue.path as Path)], message: issue.message });
    }
    return undefined;
  }
  const fields = result.value;
  fields.rawState = fields.state;
  // Folded in place: `fields` is the model's own copy of the input (prepare.ts), checked; only the schema's own
  // fields fold, and warnings are told in the schema's order (`fieldOrder`), whatever the input's key order.
  const fold = foldsOf(name);
  let warnings: { at: number; key: string; code: ParseWarning['code']; message: string; value: string }[] | undefined;
  for (const key in fields) {
    const how = fold.get(key);
    if (how === undefined) continue;
    const received = fields[key] as string;
    if (how === 'time') fields[key] = memoToMs(received);
    else if (how === 'url') {
      if (!(fields[key] = safeUrl(received))) {
        (warnings ??= []).push({
          at: fieldOrder(name, key),
          key,
          code: 'unsafe-url',
          message: `dropped ${quote(received)}: only https: (or http: on localhost) URLs are kept`,
          value: received,
        });
      }
    } else {
      const lower = received.toLowerCase();
      if (how.has(lower)) fields[key] = lower;
      else {
        (warnings ??= []).push({
          at: fieldOrder(name, key),
          key,
          code: 'unknown-enum',
          message: `unknown value ${quote(received)}, kept as received`,
          value: received,
        });
      }
    }
  }
  if (warnings) {
    for (const w of warnings.sort((a, b) => a.at - b.at)) warn(ctx, [...path, w.key], w.code, w.message, w.value);
  }
  return fields;
}

/** Sets `to[key]` when `value` is defined: normalised objects hold only defined fields. */
function put(to: Data, key: string, value: unknown): void {
  if (value !== undefined) to[key] = value;
}

/**
 * One communication from a validated node (a leg, or a flat media participant), holding only defined fields. The
 * store orders two updates of the same time by their JSON text (store/order.ts), so the key order is part of what
 * an update says: it is written out here, field by field (also what engines read fastest: each read is of a named
 * property).
 */
function communication(
  ctx: Context,
  node: Data,
  kind: CommunicationKind,
  participant?: ParticipantInfo,
  conversationId?: unknown,
) {
  const update: Data = { kind };
  put(update, 'rawState', node.rawState);
  put(update, 'role', node.cobrowseRole);
  put(update, 'selfName', (node.self as { name?: string } | undefined)?.name);
  put(update, 'participant', participant);
  put(update, 'conversationId', conversationId);
  put(update, 'id', node.id);
  put(update, 'state', node.state);
  put(update, 'initialState', node.initialState);
  put(update, 'cobrowseSessionId', node.cobrowseSessionId);
  put(update, 'controlling', node.controlling);
  put(update, 'viewerUrl', node.viewerUrl);
  put(update, 'peerCount', node.peerCount);
  put(update, 'sharing', node.sharing);
  put(update, 'held', node.held);
  put(update, 'disconnectType', node.disconnectType);
  put(update, 'provider', node.provider);
  // `peer` and `endTime` are other spellings, read when the node has no `peerId` or `disconnectedTime`.
  put(update, 'peerId', node.peerId ?? node.peer);
  put(update, 'providerEventTime', node.providerEventTime);
  put(update, 'startAlertingTime', node.startAlertingTime);
  put(update, 'connectedTime', node.connectedTime);
  put(update, 'disconnectedTime', node.disconnectedTime ?? node.endTime);
  put(update, 'startHoldTime', node.startHoldTime);
  ctx.out.communications.push(update as unknown as CommunicationUpdate);
}

/**
 * A flat media participant's own kind of communication: a CobrowseMediaParticipant (a co-browse key), a
 * ScreenShareMediaParticipant (a screen-share key), or neither (a Participant, whose legs are lists).
 */
function mediaKind(value: Data): CommunicationKind | undefined {
  if (has(value, COBROWSE_KEYS)) return 'cobrowse';
  if (has(value, SCREENSHARE_KEYS)) return 'screenshare';
  return undefined;
}

function participant(ctx: Context, value: Data, path: Path, conversationId?: unknown): ParticipantInfo | undefined {
  const node = check(ctx, 'node', value, path);
  if (!node) return undefined;
  const media = mediaKind(value);
  // Only the defined fields, in this order (it is part of each of its communications: see `communication`). A flat
  // media participant's state is its communication's, and the participant's too.
  const info: Data = {};
  put(info, 'id', node.id);
  put(info, 'name', node.name);
  put(info, 'purpose', node.purpose);
  put(info, 'userId', node.userId ?? (node.user as { id?: string } | undefined)?.id);
  put(info, 'screenRecordingState', node.screenRecordingState);
  put(info, 'monitoredParticipantId', node.monitoredParticipantId);
  put(info, 'mediaRoles', node.mediaRoles);
  if (media) put(info, 'state', node.state);
  const person = info as unknown as ParticipantInfo;
  if (media) communication(ctx, node, media, person, conversationId);
  for (const [key, kind] of LEG_LISTS) {
    const legs = node[key] as unknown[] | undefined;
    if (!legs) continue;
    for (let i = 0; i < legs.length; i++) {
      const leg = check(ctx, 'node', legs[i], [...path, key, i]);
      if (leg) communication(ctx, leg, kind, person, conversationId);
    }
  }
  return person;
}

function signal(ctx: Context, value: Data, path: Path) {
  const type = value.type;
  const lower = typeof type === 'string' ? type.toLowerCase() : '';
  const offer = isOfferEvent(lower);
  const kind = offer ? 'offer' : VOCABULARY.find((name) => `cobrowse.${name.replace('-', '')}` === lower);
  if (!kind) {
    ctx.issues.push({
      path: [...path, 'type'],
      message:
        typeof type === 'string'
          ? `unknown type ${quote(type)} (expected a Messenger Offering* event or cobrowse.controlRequest, navigationRequest, offerExpiry, ack)`
          : `expected a string, received ${kindOf(type)}`,
    });
    return;
  }
  const fields = check(ctx, kind, value, path);
  if (!fields) return;
  if (kind === 'offer-expiry' && !fields.communicationId && !fields.sessionId) {
    ctx.issues.push({ path, message: 'missing (expected a communicationId or a sessionId)' });
    return;
  }
  const request = kind === 'control-request' || kind === 'navigation-request';
  // `fields` holds only the schema's fields (and an undefined `rawState`): every defined one is part of the signal,
  // in the schema's order (the store orders two signals of the same time by their JSON text: store/order.ts).
  ctx.out.signals.push(
    pick<SignalUpdate>({
      type: kind,
      event: offer ? lower : undefined,
      ...pick<Data>(fields, schemaFields(kind)),
      active: request ? (fields.active ?? true) : undefined,
    }),
  );
}

/** A Web Messaging guest frame's `type` (lower-cased): a pushed message, or the answer to a request. */
const GUEST_FRAME_TYPES = ['message', 'response'];
const isGuestFrameType = (type: unknown) => typeof type === 'string' && GUEST_FRAME_TYPES.includes(type.toLowerCase());

/**
 * A frame of the Web Messaging guest WebSocket, `{ type, class, code, body }`. Only a `StructuredMessage` (a
 * WebMessagingMessage) whose events hold `eventType: "CoBrowse"` (a WebMessagingEventCoBrowse) says anything
 * about a session: it becomes the same `offer` signal as Messenger's offer event, timed by `body.channel.time`.
 * Every other well-formed frame (SessionResponse, `class: "string"` answers such as pongs, Text messages, Typing and
 * Presence events, receipts, ...) is what a guest socket carries all the time, so it is accepted and adds nothing,
 * like a heartbeat; a site may pipe the whole socket in.
 */
function guestFrame(ctx: Context, value: Data, path: Path) {
  const frame = check(ctx, 'guest-frame', value, path);
  if (!frame) return;
  const type = frame.type as string;
  if (!isGuestFrameType(type)) {
    ctx.issues.push({
      path: [...path, 'type'],
      message: `unknown type ${quote(type)} (a Web Messaging guest frame is "message" or "response")`,
    });
    return;
  }
  if ((frame.class as string).toLowerCase() !== 'structuredmessage') return;
  const bodyPath = [...path, 'body'];
  const message = check(ctx, 'guest-message', value.body, bodyPath);
  if (!message) return;
  // (`check` folds only its node's own fields: the time inside `channel` is validated, not yet converted.)
  const time = memoToMs((message.channel as { time?: unknown } | undefined)?.time);
  (message.events as unknown[] | undefined)?.forEach((item, i) => {
    const eventPath = [...bodyPath, 'events', i];
    const event = check(ctx, 'guest-event', item, eventPath);
    // Presence, Typing, Video, ...: nothing the widget shows.
    if (!event || (event.eventType as string).toLowerCase() !== 'cobrowse') return;
    const coBrowse = event.coBrowse as Data | undefined;
    if (!coBrowse) {
      ctx.issues.push({ path: [...eventPath, 'coBrowse'], message: 'missing (expected an object)' });
      return;
    }
    // The schema checked its fields' types (`guest-event`'s `coBrowse`); its `type` must be an offer event.
    const offerType = coBrowse.type as string;
    const lower = offerType.toLowerCase();
    if (!isOfferEvent(lower)) {
      ctx.issues.push({
        path: [...eventPath, 'coBrowse', 'type'],
        message: `unknown type ${quote(offerType)} (expected Offering, OfferingExpired, OfferingAccepted or OfferingRejected)`,
      });
      return;
    }
    ctx.out.signals.push(
      pick<SignalUpdate>({
        type: 'offer',
        event: lower,
        sessionId: coBrowse.sessionId,
        sessionJoinToken: coBrowse.sessionJoinToken,
        time,
      }),
    );
  });
}

function item(ctx: Context, value: unknown, path: Path): void {
  if (!isRecord(value)) {
    ctx.issues.push({ path, message: `expected an object, received ${kindOf(value)}` });
  } else if ('topicName' in value) {
    const topic = (check(ctx, 'envelope', value, path)?.topicName as string | undefined)?.toLowerCase();
    if (topic === 'channel.metadata') ctx.out.signals.push({ type: 'heartbeat' });
    else if (topic?.startsWith('v2.system.')) {
      warn(ctx, [...path, 'topicName'], 'ignored', `system topic ${quote(topic)}`, topic);
    } else if (topic) item(ctx, value.eventBody, [...path, 'eventBody']);
  } else if ('type' in value && ('class' in value || isGuestFrameType(value.type))) {
    // (A `message` or `response` without its class is a broken guest frame, and is told so.)
    guestFrame(ctx, value, path);
  } else if ('type' in value) {
    signal(ctx, value, path);
  } else if (has(value, PARTICIPANT_KEYS)) {
    // A conversation, or a participant as a conversation of one without an id.
    const single = !('participants' in value);
    const conversation = single ? { participants: [value] } : check(ctx, 'conversation', value, path);
    if (!conversation) return;
    const before = ctx.out.communications.length;
    const people = conversation.participants as Data[];
    const participants: ParticipantInfo[] = [];
    for (let i = 0; i < people.length; i++) {
      const info = participant(ctx, people[i], single ? path : [...path, 'participants', i], conversation.id);
      if (info) participants.push(info);
    }
    ctx.out.conversations.push(
      conversation.id === undefined ? { participants } : { id: conversation.id as string, participants },
    );
    // Its people are kept (a monitoring supervisor, a customer), but nothing here can show a session: say so, so a
    // payload of a shape read the wrong way (a media participant of a kind not known here) is never silent.
    if (ctx.out.communications.length === before) {
      warn(
        ctx,
        path,
        'ignored',
        'no co-browse or screen-share communication (cobrowsesessions, screenshares, or a co-browse or screen-share media participant): only its participants are kept',
      );
    }
  } else {
    const node = check(ctx, 'node', value, path);
    if (node) communication(ctx, node, has(value, SCREENSHARE_KEYS) ? 'screenshare' : 'cobrowse');
  }
}

/**
 * A path for the one-line message: whole up to 1,000 characters (any path within the default limits), else its
 * start and its end (a payload nested near DEPTH_CEILING has a path of thousands). The issue keeps the whole path.
 */
const shorten = (path: string) => (path.length > 1000 ? `${path.slice(0, 300)}…${path.slice(-100)}` : path);

/**
 * Parses anything the widget may be fed into one normalised shape. Never throws: limits are checked and the input
 * copied into plain data first (prepare.ts), then each item is told apart, validated and normalised.
 */
export function parseInput(input: unknown, limits?: Partial<ParseLimits>): ParseResult {
  const ctx: Context = {
    root: undefined,
    out: { conversations: [], communications: [], signals: [] },
    issues: [],
    warnings: [],
  };
  try {
    // An unusable input is prepare's one issue, at a path in the caller's keys (no root to translate through).
    const root = (ctx.root = prepare(input, limits ? { ...DEFAULT_LIMITS, ...limits } : DEFAULT_LIMITS, ctx));
    if (!ctx.issues.length) {
      if (Array.isArray(root)) root.forEach((value, i) => item(ctx, value, [i]));
      else item(ctx, root, []);
    }
  } catch {
    // Nothing after prepare reads anything but plain data; should it throw, the input could not be read.
    ctx.issues = [{ path: [], message: 'could not be read' }];
  }
  const { warnings } = ctx;
  if (!ctx.issues.length) return { ok: true, value: ctx.out, warnings };
  const issues = ctx.issues.map((issue) => ({ path: formatPath(issue.path, ctx.root), message: issue.message }));
  const shown = issues.slice(0, 3).map((issue) => `${shorten(issue.path)}: ${issue.message}`);
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return { ok: false, error: { message: shown.join('; '), issues }, warnings };
}
