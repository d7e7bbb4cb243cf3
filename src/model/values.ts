/** Scalar rules shared by the schemas and the normaliser: timestamps, enums, URLs. */

const ISO = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?(?:(Z)|([+-])(\d\d):?(\d\d))?$/i;

/**
 * ISO-8601 (with or without seconds, any fraction digits, `Z`, `+hh:mm`, or no zone, read as UTC as Genesys
 * sends it) or epoch milliseconds -> epoch milliseconds; anything else -> undefined. Hand-written rather than
 * `Date.parse`, which also accepts "Nov 22 2026" and reads a zone-less time in the browser's local zone.
 */
export function toMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const m = typeof value === 'string' ? ISO.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s = 0] = m.slice(1, 7).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, Number((m[7] ?? '0').slice(0, 3).padEnd(3, '0')));
  const check = new Date(ms);
  if (y < 1000 || check.getUTCDate() !== d || check.getUTCHours() !== h || mi > 59 || s > 59) return undefined;
  const offset = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) * 60_000 : 0;
  return ms - offset;
}

export const DISCONNECT_TYPES =
  'endpoint client system timeout transfer transfer.conference transfer.consult transfer.forward transfer.noanswer transfer.notavailable transport.failure error peer other spam uncallable'.split(
    ' ',
  );
export const RECORDING_STATES = 'requested active paused stopped error timeout'.split(' ');
export const ROLES = ['sharer', 'viewer'];
export const PURPOSES =
  'agent user customer external acd ivr workflow voicemail fax station outbound campaign dialer api consult group bot'.split(
    ' ',
  );
export const OFFER_EVENTS = ['offering', 'offeringexpired', 'offeringaccepted', 'offeringrejected'] as const;

/** `https:` anywhere, `http:` only on this machine; the parsed, canonical href, or undefined. */
export function safeUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && local) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
