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

/** The number `count` decimal digits of `text` from `from` spell, or -1 when one of them is no digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/**
 * The spelling nearly every Genesys time has, `2026-11-22T09:00:00.000Z` or `2026-11-22T09:00:00Z`, read without a
 * regular expression or a `Date`; undefined for anything else, which `toMs` reads. Only where every part is in its
 * ordinary range (a year from 100, so `Date.UTC` does not read it as 19xx; hours to 23, seconds to 59: `Date.parse`
 * takes `24:00` as the next midnight, which `toMs` still decides), so the answer is `Date.parse`'s by definition
 * (ECMA-262's date time string format is UTC time from these parts).
 */
function canonicalMs(text: string): number | undefined {
  const length = text.length;
  if (length !== 20 && length !== 24) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return undefined;
  if (text[length - 1] !== 'Z' || (length === 24 && text[19] !== '.')) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  const millis = length === 24 ? digitsAt(text, 20, 3) : 0;
  if (year < 100 || month < 1 || month > 12 || day < 1 || hours < 0 || hours > 23) return undefined;
  if (minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || millis < 0) return undefined;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > days) return undefined;
  return Date.UTC(year, month - 1, day, hours, minutes, seconds, millis);
}

/** toMs's memo for the model: string -> epoch ms, or undefined when it is no time. */
const times = new Map<string, number | undefined>();
const TIMES_KEPT = 1000;
const TIME_LENGTH_KEPT = 40;

/**
 * toMs as the model reads times: remembered per string, and a new string in the canonical spelling (such as each
 * update's `providerEventTime`) read by `canonicalMs` before the pattern and `Date.parse`. The model reads each
 * time twice (its schema checks it, then the normaliser converts it), and a session's start and connect times come
 * again in every update: the pattern and the two Date calls were a fifth of parsing. (Reading every canonical
 * string directly, without the memo, measured the same once optimised, and slower before: the lookup is the
 * engine's own code, `canonicalMs` is ours, interpreted until it is hot, as in the first 1,000-event resync.) The
 * answer depends on the string alone, so a memo of it is exact; bounded in entries (it starts over when full) and
 * in their length (a time is about 24 characters; an 8,000-character non-time is read, not kept).
 */
export function memoToMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > TIME_LENGTH_KEPT) return toMs(value);
  let ms = times.get(value);
  if (ms === undefined && !times.has(value)) {
    if (times.size >= TIMES_KEPT) times.clear();
    times.set(value, (ms = canonicalMs(value) ?? toMs(value)));
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
