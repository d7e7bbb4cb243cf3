import * as z from 'zod/mini';
import { DEFAULT_LIMITS, formatPath, kindOf, prepare } from './prepare.js';
import type { Path } from './prepare.js';
import { schemas } from './schemas.js';
import type { Schemas } from './schemas.js';
import { KNOWN_STATES } from './types.js';
import type {
  CommunicationKind,
  CommunicationUpdate,
  NormalizedInput,
  ParseIssue,
  ParseLimits,
  ParseResult,
  ParseWarning,
  ParticipantInfo,
  SignalUpdate,
} from './types.js';
import { DISCONNECT_TYPES, OFFER_EVENTS, PURPOSES, RECORDING_STATES, ROLES, safeUrl, toMs } from './values.js';

export { DEFAULT_LIMITS } from './prepare.js';
export { schemasBuilt } from './schemas.js';

/**
 * How shapes are told apart, after keys are camelCased (first match wins):
 * `topicName` -> envelope; `type` -> Messenger offer or our vocabulary; `participants` -> conversation; a
 * participant key (`purpose`, `name`, `cobrowsesessions`, ...) -> a participant, a CobrowseMediaParticipant when
 * it also has a co-browse key (`cobrowseSessionId`, `cobrowseRole`, `controlling`, `viewerUrl`); `sharing`,
 * `peerCount` or `context` -> Screenshare; anything else -> Cobrowsesession.
 */
const PARTICIPANT_KEYS =
  'purpose name userId user startTime endTime participantType mediaRoles direction cobrowsesessions screenshares'.split(
    ' ',
  );
const COBROWSE_KEYS = ['cobrowseSessionId', 'cobrowseRole', 'controlling', 'viewerUrl'];
const SCREENSHARE_KEYS = ['sharing', 'peerCount', 'context'];

/** Our vocabulary: lower-cased `type` -> [normalised signal type, schema]. */
const VOCABULARY: Record<string, [SignalUpdate['type'], keyof Schemas]> = {
  'cobrowse.controlrequest': ['control-request', 'controlRequest'],
  'cobrowse.navigationrequest': ['navigation-request', 'navigationRequest'],
  'cobrowse.offerexpiry': ['offer-expiry', 'offerExpiry'],
  'cobrowse.ack': ['ack', 'ack'],
};

type Time = string | number;

/** Every field any communication or participant schema yields (the schemas decide which are present). */
interface Fields {
  id: string;
  state?: string;
  initialState?: string;
  disconnectType?: string;
  cobrowseRole?: string;
  purpose?: string;
  screenRecordingState?: string;
  cobrowseSessionId?: string;
  controlling?: string[];
  viewerUrl?: string;
  peerCount?: number;
  sharing?: boolean;
  held?: boolean;
  provider?: string;
  peerId?: string;
  peer?: string;
  self?: { name?: string };
  user?: { id?: string };
  name?: string;
  userId?: string;
  monitoredParticipantId?: string;
  providerEventTime?: Time;
  startAlertingTime?: Time;
  connectedTime?: Time;
  disconnectedTime?: Time;
  endTime?: Time;
  startHoldTime?: Time;
  cobrowsesessions?: Fields[];
  screenshares?: Fields[];
}

interface SignalFields {
  sessionId?: string;
  communicationId?: string;
  url?: string;
  time?: Time;
  expiresAt?: Time;
  active?: boolean;
}

interface Context {
  root: unknown;
  schemas: Schemas;
  out: NormalizedInput;
  issues: { path: Path; message: string }[];
  warnings: ParseWarning[];
}

type Data = Record<string, unknown>;

const isRecord = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops undefined fields, so a store that spreads an update over the last one keeps what was not sent. */
function clean<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = isRecord(node) || Array.isArray(node) ? (node as Data)[key] : undefined;
  return node;
}

/** zod/mini ships no English messages (and loading its locales costs bytes), so issues are worded here. */
function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'integer' : issue.expected;
      const want = `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
      if (value === undefined) return `missing (expected ${want})`;
      return `expected ${want}, received ${expected === 'integer' && typeof value === 'number' ? value : kindOf(value)}`;
    }
    case 'too_small':
      return `must be at least ${issue.minimum}`;
    case 'custom':
      return `${issue.message}, received ${typeof value === 'string' ? quote(value) : kindOf(value)}`;
    default:
      return `invalid (${issue.code})`;
  }
}

function check<T>(ctx: Context, schema: z.ZodMiniType, value: unknown, path: Path): T | undefined {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data as T;
  for (const issue of result.error.issues) {
    const at = [...path, ...(issue.path as Path)];
    ctx.issues.push({ path: at, message: describe(issue, valueAt(ctx.root, at)) });
  }
}

function warn(ctx: Context, path: Path, code: ParseWarning['code'], message: string, value?: string) {
  ctx.warnings.push(clean({ path: formatPath(path, ctx.root), code, message, value }));
}

/** Known values come back lower-cased; unknown ones verbatim, with an `unknown-enum` warning. */
function fold(ctx: Context, known: readonly string[], value: string | undefined, path: Path) {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (known.includes(lower)) return lower;
  warn(ctx, path, 'unknown-enum', `unknown value ${quote(value)}, kept as received`, value);
  return value;
}

function url(ctx: Context, value: string | undefined, path: Path) {
  const safe = value === undefined ? undefined : safeUrl(value);
  if (value !== undefined && !safe) {
    warn(ctx, path, 'unsafe-url', `dropped ${quote(value)}: only https: (or http: on localhost) URLs are kept`, value);
  }
  return safe;
}

function communication(
  ctx: Context,
  d: Fields,
  path: Path,
  kind: CommunicationKind,
  extra: Partial<CommunicationUpdate> = {},
): CommunicationUpdate {
  const at = (key: string) => [...path, key];
  const update = clean<CommunicationUpdate>({
    id: d.id,
    kind,
    state: fold(ctx, KNOWN_STATES, d.state, at('state')),
    rawState: d.state,
    initialState: fold(ctx, KNOWN_STATES, d.initialState, at('initialState')),
    cobrowseSessionId: d.cobrowseSessionId,
    role: fold(ctx, ROLES, d.cobrowseRole, at('cobrowseRole')),
    controlling: d.controlling,
    viewerUrl: url(ctx, d.viewerUrl, at('viewerUrl')),
    peerCount: d.peerCount,
    sharing: d.sharing,
    held: d.held,
    disconnectType: fold(ctx, DISCONNECT_TYPES, d.disconnectType, at('disconnectType')),
    provider: d.provider,
    peerId: d.peerId ?? d.peer,
    selfName: d.self?.name,
    providerEventTime: toMs(d.providerEventTime),
    startAlertingTime: toMs(d.startAlertingTime),
    connectedTime: toMs(d.connectedTime),
    disconnectedTime: toMs(d.disconnectedTime ?? d.endTime),
    startHoldTime: toMs(d.startHoldTime),
    ...extra,
  });
  ctx.out.communications.push(update);
  return update;
}

function participant(ctx: Context, value: Data, path: Path, conversationId?: string): ParticipantInfo | undefined {
  const media = COBROWSE_KEYS.some((key) => key in value);
  const s = ctx.schemas;
  const d = check<Fields>(ctx, media ? s.mediaParticipant : s.participant, value, path);
  if (!d) return undefined;
  const info = clean<ParticipantInfo>({
    id: d.id,
    name: d.name,
    purpose: fold(ctx, PURPOSES, d.purpose, [...path, 'purpose']),
    userId: d.userId ?? d.user?.id,
    screenRecordingState: fold(ctx, RECORDING_STATES, d.screenRecordingState, [...path, 'screenRecordingState']),
    monitoredParticipantId: d.monitoredParticipantId,
  });
  const extra = clean({ participant: info, conversationId });
  if (media) {
    const state = communication(ctx, d, path, 'cobrowse', extra).state;
    if (state !== undefined) info.state = state;
  }
  d.cobrowsesessions?.forEach((c, i) => communication(ctx, c, [...path, 'cobrowsesessions', i], 'cobrowse', extra));
  d.screenshares?.forEach((c, i) => communication(ctx, c, [...path, 'screenshares', i], 'screenshare', extra));
  return info;
}

function signal(ctx: Context, value: Data, path: Path) {
  const type = value.type;
  if (typeof type !== 'string') {
    ctx.issues.push({ path: [...path, 'type'], message: `expected a string, received ${kindOf(type)}` });
    return;
  }
  const lower = type.toLowerCase();
  const offer = (OFFER_EVENTS as readonly string[]).includes(lower);
  const [kind, schema] = offer ? (['offer', 'offer'] as const) : (VOCABULARY[lower] ?? []);
  if (!kind) {
    ctx.issues.push({
      path: [...path, 'type'],
      message: `unknown type ${quote(type)} (expected Offering, OfferingExpired, OfferingAccepted, OfferingRejected, cobrowse.controlRequest, cobrowse.navigationRequest, cobrowse.offerExpiry or cobrowse.ack)`,
    });
    return;
  }
  const d = check<SignalFields>(ctx, ctx.schemas[schema], value, path);
  if (!d) return;
  if (kind === 'offer-expiry' && d.communicationId === undefined && d.sessionId === undefined) {
    ctx.issues.push({ path, message: 'missing (expected a communicationId or a sessionId)' });
    return;
  }
  const active = kind === 'control-request' || kind === 'navigation-request' ? (d.active ?? true) : undefined;
  const out = clean({
    ...d,
    type: kind,
    event: offer ? lower : undefined,
    time: toMs(d.time),
    expiresAt: toMs(d.expiresAt),
    url: url(ctx, d.url, [...path, 'url']),
    active,
  });
  ctx.out.signals.push(out as SignalUpdate);
}

function item(ctx: Context, value: unknown, path: Path): void {
  if (!isRecord(value)) {
    ctx.issues.push({ path, message: `expected an object, received ${kindOf(value)}` });
  } else if ('topicName' in value) {
    const d = check<{ topicName: string }>(ctx, ctx.schemas.envelope, value, path);
    const topic = d?.topicName.toLowerCase();
    if (topic === 'channel.metadata') ctx.out.signals.push({ type: 'heartbeat' });
    else if (topic?.startsWith('v2.system.'))
      warn(ctx, [...path, 'topicName'], 'ignored', `system topic ${quote(topic)}`);
    else if (d) item(ctx, value.eventBody, [...path, 'eventBody']);
  } else if ('type' in value) {
    signal(ctx, value, path);
  } else if ('participants' in value) {
    const d = check<{ id?: string; participants: unknown[] }>(ctx, ctx.schemas.conversation, value, path);
    if (!d) return;
    const participants: ParticipantInfo[] = [];
    d.participants.forEach((p, i) => {
      const at = [...path, 'participants', i];
      if (!isRecord(p)) ctx.issues.push({ path: at, message: `expected an object, received ${kindOf(p)}` });
      else {
        const info = participant(ctx, p, at, d.id);
        if (info) participants.push(info);
      }
    });
    ctx.out.conversations.push(clean({ id: d.id, participants }));
  } else if (PARTICIPANT_KEYS.some((key) => key in value)) {
    const info = participant(ctx, value, path);
    if (info) ctx.out.conversations.push({ participants: [info] });
  } else {
    const screenshare = SCREENSHARE_KEYS.some((key) => key in value);
    const d = check<Fields>(ctx, screenshare ? ctx.schemas.screenshare : ctx.schemas.cobrowsesession, value, path);
    if (d) communication(ctx, d, path, screenshare ? 'screenshare' : 'cobrowse');
  }
}

function fail(issues: ParseIssue[], warnings: ParseWarning[]): ParseResult {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`);
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return { ok: false, error: { message: shown.join('; '), issues }, warnings };
}

/**
 * Parses anything the widget may be fed into one normalised shape. Never throws: limits are checked and the input
 * copied into plain data first (prepare.ts), then each item is told apart, validated and normalised.
 */
export function parseInput(input: unknown, limits?: Partial<ParseLimits>): ParseResult {
  let warnings: ParseWarning[] = [];
  try {
    const prepared = prepare(input, { ...DEFAULT_LIMITS, ...limits });
    warnings = prepared.warnings;
    if (!prepared.ok) return fail([prepared.issue], warnings);
    const root = prepared.value;
    const ctx: Context = {
      root,
      schemas: schemas(),
      out: { conversations: [], communications: [], signals: [] },
      issues: [],
      warnings,
    };
    if (Array.isArray(root)) root.forEach((value, i) => item(ctx, value, [i]));
    else item(ctx, root, []);
    if (!ctx.issues.length) return { ok: true, value: ctx.out, warnings };
    return fail(
      ctx.issues.map((issue) => ({ path: formatPath(issue.path, root), message: issue.message })),
      warnings,
    );
  } catch {
    return fail([{ path: '(root)', message: 'could not be read (the limits or the input threw)' }], warnings);
  }
}
