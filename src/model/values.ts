/** Scalar rules shared by the schemas and the normaliser: timestamps, enums, URLs. */

/** The largest epoch milliseconds a `Date` holds (ECMA-262's time value range). */
const MAX_EPOCH_MS = 8.64e15;

const ISO = /^(\d{4})-(\d\d)-(\d\d)[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * ISO-8601 (with or without seconds and milliseconds, with `Z`, an offset, or no zone, read as UTC as Genesys
 * sends it) or epoch milliseconds -> epoch milliseconds; anything else -> undefined. The pattern comes first
 * because `Date.parse` alone also accepts "Nov 22 2026" and reads a zone-less time in the browser's zone; the day
 * check catches what `Date.parse` rolls over (February 30 -> March 2). (The core's sniff reads a time or two per
 * payload with it: the memo below is the model's, and stays out of the core's bytes.)
 */
export function toMs(value: unknown): number | undefined {
  // (Number.isFinite is false for anything but a finite number; an infinite one then matches no pattern.) Epoch
  // milliseconds past what a Date can hold (±8.64e15) are no time: `new Date(ms).toISOString()` would throw.
  if (Number.isFinite(value)) return Math.abs(value as number) <= MAX_EPOCH_MS ? (value as number) : undefined;
  const match = typeof value === 'string' ? ISO.exec(value) : null;
  if (!match) return undefined;
  const [, year, month, day, zone] = match;
  if (new Date(Date.UTC(+year, +month - 1, +day)).getUTCDate() !== +day) return undefined;
  const ms = Date.parse(zone ? (value as string) : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** toMs's memo for the model: string -> epoch ms, or undefined when it is no time. */
const times = new Map<string, number | undefined>();
const TIMES_KEPT = 1000;
const TIME_LENGTH_KEPT = 40;

/**
 * toMs, remembered for strings. The model reads each time twice (its schema checks it, then the normaliser
 * converts it), and a session's start and connect times come again in every update: the pattern and the two Date
 * calls were a fifth of parsing. The answer depends on the string alone, so a memo of it is exact; bounded in
 * entries (it starts over when full) and in their length (a time is about 24 characters; an 8,000-character
 * non-time is read, not kept).
 */
export function memoToMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > TIME_LENGTH_KEPT) return toMs(value);
  let ms = times.get(value);
  if (ms === undefined && !times.has(value)) {
    if (times.size >= TIMES_KEPT) times.clear();
    times.set(value, (ms = toMs(value)));
  }
  return ms;
}

/** Every `disconnectType` Genesys documents for a communication (lower-case). */
export const DISCONNECT_TYPES = [
  'endpoint',
  'client',
  'system',
  'timeout',
  'transfer',
  'transfer.conference',
  'transfer.consult',
  'transfer.forward',
  'transfer.noanswer',
  'transfer.notavailable',
  'transport.failure',
  'error',
  'peer',
  'other',
  'spam',
  'uncallable',
];
/** A participant's `screenRecordingState` values. */
export const RECORDING_STATES = ['requested', 'active', 'paused', 'stopped', 'error', 'timeout'];
/** A participant's `purpose` values. */
export const PURPOSES = ['agent', 'user', 'customer', 'external', 'acd', 'ivr', 'workflow'];

/**
 * The parsed, canonical href of `raw` when its scheme is `secure`, or `plain` on this machine; else undefined.
 * Throws a TypeError when `raw` is no URL. The one allow-list for payload URLs and the WebSocket transport.
 */
export function allowedUrl(raw: string, secure: string, plain: string): string | undefined {
  const url = new URL(raw);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === secure || (url.protocol === plain && local) ? url.href : undefined;
}

/** `https:` anywhere, `http:` only on this machine; the parsed, canonical href, or undefined. */
export function safeUrl(value: string): string | undefined {
  try {
    return allowedUrl(value, 'https:', 'http:');
  } catch {
    return undefined;
  }
}

/** A plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
