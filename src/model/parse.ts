import type { $ZodIssue } from 'zod/v4/core';
import { DEFAULT_LIMITS, formatPath, kindOf, prepare, quote } from './prepare.js';
import type { Findings, Path } from './prepare.js';
import { schemas, TIME } from './schemas.js';
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
import { DISCONNECT_TYPES, isRecord, PURPOSES, RECORDING_STATES, safeUrl, toMs } from './values.js';

export { DEFAULT_LIMITS } from './prepare.js';
export { schemasBuilt } from './schemas.js';

type Data = Record<string, unknown>;

/**
 * How shapes are told apart, after keys are camelCased (first match wins):
 * `topicName` -> envelope; `type` -> Messenger offer or our vocabulary; `participants` -> conversation; a
 * participant key (`purpose`, `name`, `cobrowsesessions`, ...) -> a participant (read as a conversation of one), a
 * CobrowseMediaParticipant when it also has a co-browse key (`cobrowseSessionId`, `cobrowseRole`, `controlling`,
 * `viewerUrl`); `sharing`, `peerCount` or `context` -> Screenshare; anything else -> Cobrowsesession.
 * When any check fails the whole result is an error, so what a failed item adds to `out` is never seen.
 */
const has = (value: Data, keys: string) => keys.split(' ').some((key) => key in value);
const PARTICIPANT_KEYS =
  'participants purpose name userId user startTime endTime participantType mediaRoles direction cobrowsesessions screenshares';
const COBROWSE_KEYS = 'cobrowseSessionId cobrowseRole controlling viewerUrl';

/** Enum fields and their known (lower-case) values. */
const ENUMS: Data = {
  state: KNOWN_STATES,
  initialState: KNOWN_STATES,
  disconnectType: DISCONNECT_TYPES,
  cobrowseRole: ['sharer', 'viewer'],
  purpose: PURPOSES,
  screenRecordingState: RECORDING_STATES,
};

/** What a communication or a participant keeps of a validated, folded node. */
const COMMUNICATION =
  'id state initialState cobrowseSessionId controlling viewerUrl peerCount sharing held disconnectType provider peerId providerEventTime startAlertingTime connectedTime disconnectedTime startHoldTime';
const PERSON = 'id name purpose userId screenRecordingState monitoredParticipantId mediaRoles';

/** Our vocabulary: `cobrowse.controlRequest` (any case) -> schema and signal type `control-request`, ... */
const VOCABULARY = ['control-request', 'navigation-request', 'offer-expiry', 'ack'] as const;

interface Context extends Findings {
  root: unknown;
  out: NormalizedInput;
}

/**
 * The named fields of `from` (all of them when no names are given) that are defined: a store spreading an update
 * keeps what was not sent.
 */
function pick<T>(from: Data, keys?: string): T {
  const out: Data = {};
  for (const key of keys?.split(' ') ?? Object.keys(from)) if (from[key] !== undefined) out[key] = from[key];
  return out as T;
}

function warn(ctx: Context, path: Path, code: ParseWarning['code'], message: string, value: string) {
  ctx.warnings.push({ path: formatPath(path, ctx.root), code, message, value });
}

/**
 * Validates `value` against a schema and returns its fields (the defined ones), folded: enums lower-cased when
 * known (kept verbatim with an `unknown-enum` warning when not), times to epoch ms, URLs allow-listed (dropped with
 * an `unsafe-url` warning); `rawState` keeps the state as received. Undefined, after adding its issues, when it fails.
 */
function check(ctx: Context, name: SchemaName, value: unknown, path: Path): Data | undefined {
  // The object type reads every field of its shape, so an absent one runs as `undefined`: optional fields accept
  // it, required ones say `missing` (schemas.ts).
  // zod's Standard Schema `validate` (every zod schema has it): the finished issues, without the error class
  // (a message getter, flatten, format, ...) that safeParse wraps them in, ~200 bytes gzip nothing here reads.
  // Synchronous, since every field is a plain predicate over plain data (prepare.ts), none of which can throw.
  const result = schemas()[name]['~standard'].validate(value) as { value: Data; issues?: $ZodIssue[] };
  // Each schema words its own messages (schemas.ts).
  for (const issue of result.issues ?? []) {
    ctx.issues.push({ path: [...path, ...(issue.path as Path)], message: issue.message });
  }
  if (result.issues) return undefined;
  const d = result.value;
  d.rawState = d.state;
  // Folded in place: the schema made `d`, and holds only defined fields (schemas.ts).
  for (const key in d) {
    const v = d[key] as string;
    const known = ENUMS[key] as string[] | undefined;
    if (known) {
      const lower = v.toLowerCase();
      if (known.includes(lower)) d[key] = lower;
      else warn(ctx, [...path, key], 'unknown-enum', `unknown value ${quote(v)}, kept as received`, v);
    } else if (TIME.test(key)) d[key] = toMs(v);
    else if (/url$/i.test(key) && !(d[key] = safeUrl(v))) {
      warn(
        ctx,
        [...path, key],
        'unsafe-url',
        `dropped ${quote(v)}: only https: (or http: on localhost) URLs are kept`,
        v,
      );
    }
  }
  return d;
}

function communication(ctx: Context, n: Data, kind: CommunicationKind, extra: Data) {
  const self = n.self as { name?: string } | undefined;
  const update = pick<CommunicationUpdate>(
    {
      peerId: n.peer,
      disconnectedTime: n.endTime,
      ...n,
      kind,
      role: n.cobrowseRole,
      selfName: self?.name,
      ...extra,
    },
    `kind rawState role selfName participant conversationId ${COMMUNICATION}`,
  );
  ctx.out.communications.push(update);
}

function participant(ctx: Context, value: Data, path: Path, conversationId?: unknown): ParticipantInfo | undefined {
  const n = check(ctx, 'node', value, path);
  if (!n) return undefined;
  const user = n.user as { id?: string } | undefined;
  const media = has(value, COBROWSE_KEYS);
  // A CobrowseMediaParticipant's state is its communication's, and the participant's too.
  const info = pick<ParticipantInfo>({ userId: user?.id, ...n }, PERSON + (media ? ' state' : ''));
  const extra = { participant: info, conversationId };
  if (media) communication(ctx, n, 'cobrowse', extra);
  for (const [key, kind] of [
    ['cobrowsesessions', 'cobrowse'],
    ['screenshares', 'screenshare'],
  ] as const) {
    (n[key] as unknown[] | undefined)?.forEach((item, i) => {
      const leg = check(ctx, 'node', item, [...path, key, i]);
      if (leg) communication(ctx, leg, kind, extra);
    });
  }
  return info;
}

function signal(ctx: Context, value: Data, path: Path) {
  const type = value.type;
  const lower = typeof type === 'string' ? type.toLowerCase() : '';
  const offer = /^offering(expired|accepted|rejected)?$/.test(lower);
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
  const n = check(ctx, kind, value, path);
  if (!n) return;
  if (kind === 'offer-expiry' && !n.communicationId && !n.sessionId) {
    ctx.issues.push({ path, message: 'missing (expected a communicationId or a sessionId)' });
    return;
  }
  const request = kind === 'control-request' || kind === 'navigation-request';
  // `n` holds only the schema's fields (and an undefined `rawState`): every defined one is part of the signal.
  ctx.out.signals.push(
    pick<SignalUpdate>({
      type: kind,
      event: offer ? lower : undefined,
      ...n,
      active: request ? (n.active ?? true) : undefined,
    }),
  );
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
  } else if ('type' in value) {
    signal(ctx, value, path);
  } else if (has(value, PARTICIPANT_KEYS)) {
    // A conversation, or a participant as a conversation of one without an id.
    const one = !('participants' in value);
    const d = one ? { participants: [value] } : check(ctx, 'conversation', value, path);
    if (!d) return;
    const participants = (d.participants as Data[]).flatMap(
      (p, i) => participant(ctx, p, one ? path : [...path, 'participants', i], d.id) ?? [],
    );
    ctx.out.conversations.push(pick({ id: d.id, participants }));
  } else {
    const n = check(ctx, 'node', value, path);
    if (n) communication(ctx, n, has(value, 'sharing peerCount context') ? 'screenshare' : 'cobrowse', {});
  }
}

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
    const root = (ctx.root = prepare(input, { ...DEFAULT_LIMITS, ...limits }, ctx));
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
  const shown = issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`);
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return { ok: false, error: { message: shown.join('; '), issues }, warnings };
}
