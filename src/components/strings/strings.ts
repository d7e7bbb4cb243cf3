/**
 * Every visible and announced string, in one table. English is built in; other locales are separate modules
 * (`./locales/*.js`) that a page registers with `registerLocale`, so they never weigh on the script-tag file.
 * Placeholders are `{name}`; keys ending in `_one` / `_other` are picked with `Intl.PluralRules`.
 */
export const en = {
  idle: 'No session',
  offerCobrowse: 'An agent asks to see this page',
  offerScreenshare: 'An agent asks to see your screen',
  inviteViewer: 'You are invited to view a shared session',
  offerBody: 'They will see this page only, not your other tabs or apps. You can stop at any time.',
  offerBodyScreenshare: 'They will see the screen or window you choose. You can stop at any time.',
  connecting: 'Connecting…',
  sharingCobrowse: 'You are sharing this page',
  /** The core's notice when the session UI could not load (src/loader/notice.ts). */
  sessionActive: 'A session with an agent is active',
  sharingScreenshare: 'You are sharing your screen',
  viewing: 'You are viewing a shared session',
  isViewing: '{names} is viewing',
  areViewing: '{names} are viewing',
  viewers_one: '{n} person is viewing',
  viewers_other: '{n} people are viewing',
  others_one: '{n} other',
  others_other: '{n} others',
  hasControl: '{name} has control',
  /** A supervisor monitoring or coaching the session, disclosed in the panel. */
  isMonitoring: '{name} (monitoring)',
  youHaveControl: 'You have control',
  someone: 'An agent',
  held: 'Session on hold',
  recording: 'This session is being recorded',
  ended: 'Session ended',
  endedClient: 'Session ended: you left',
  endedPeer: 'Session ended: the agent left',
  endedTimeout: 'Session ended: it timed out',
  endedTransfer: 'Session ended: you were transferred',
  endedError: 'Session ended: the connection failed',
  endedSystem: 'Session ended by the system',
  reconnecting: 'Reconnecting…',
  /** Ends an announced sentence that has no punctuation of its own, so that it is read with a pause (not shown). */
  sentenceEnd: '.',
  linkClosed: 'Connection lost',
  failed: 'That did not work. Please try again.',
  working: 'Working…',
  elapsed: 'Elapsed time',
  expiresIn: 'Expires in {s} s',
  controlAsk: '{name} asks to control this page',
  controlBody: 'They will be able to click and type on this page. You can take back control at any time.',
  navigationAsk: '{name} asks to open another page',
  peers: 'People in this session',
  details: 'Session details',
  minimize: 'Minimise',
  accept: 'Accept',
  decline: 'Decline',
  end: 'Stop sharing',
  leave: 'Leave',
  'accept-control': 'Allow control',
  'decline-control': 'Don’t allow',
  'revoke-control': 'Take back control',
  'accept-navigation': 'Open page',
  'decline-navigation': 'Stay here',
  'request-control': 'Request control',
  'open-viewer': 'Open viewer',
  dismiss: 'Dismiss',
  /**
   * Not words: the ten digits, zero to nine, that numbers are written in (the elapsed time, the offer's countdown,
   * counts of people). A locale whose numbers use other digits gives its own (`'٠١٢٣٤٥٦٧٨٩'`).
   */
  digits: '0123456789',
};

export type Strings = typeof en;
export type StringKey = keyof Strings;
/** A translation: any subset of the English table; missing keys fall back to English. */
export type LocaleTable = Partial<Strings>;

const locales = new Map<string, LocaleTable>([['en', en]]);
/** Components rendering now: a late `registerLocale` re-renders them. */
export const localized = new Set<{ requestUpdate(): void }>();

/** Adds (or replaces) a locale, e.g. `registerLocale('es', es)`, and re-renders the components on the page. */
export function registerLocale(lang: string, table: LocaleTable): void {
  if (table.digits !== undefined && [...table.digits].length !== 10) {
    throw new RangeError(
      `registerLocale('${lang}'): digits must be ten characters, zero to nine, received ${JSON.stringify(table.digits)}`,
    );
  }
  locales.set(lang.toLowerCase(), table);
  merged.clear();
  for (const host of localized) host.requestUpdate();
}

/**
 * The merged table of each locale tag without overrides, made once (until a locale is registered) and shared by
 * every render: the same object each time, so a render can tell the strings did not change. Frozen, being shared.
 */
const merged = new Map<string, Strings>();

/** The table for `lang`: exact tag, else its language, else English; `overrides` win over all of it. */
export function stringsFor(lang: string, overrides?: LocaleTable): Strings {
  const tag = lang.toLowerCase();
  const build = () => ({ ...en, ...(locales.get(tag) ?? locales.get(tag.split('-')[0])), ...overrides });
  // With overrides, merged anew each time: the element's `strings` object may have been changed in place.
  if (overrides) return build();
  let table = merged.get(tag);
  if (!table) merged.set(tag, (table = Object.freeze(build())));
  return table;
}

/**
 * Each string `format` has seen, split at its placeholders: text, key, text, key, ..., text. A render formats a few
 * strings (who is viewing, who has control, each person in the panel) and a busy session renders many times a
 * second: splitting once and joining is several times faster than a `replace` with a callback each time. Bounded,
 * as a page's own `strings` could be anything.
 */
const split = new Map<string, string[]>();

/** Fills `{name}` placeholders. */
export function format(text: string, values: Record<string, string | number>): string {
  let parts = split.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    if (split.size < 500) split.set(text, parts);
  }
  let filled = parts[0];
  for (let i = 1; i < parts.length; i += 2) filled += String(values[parts[i]] ?? '') + parts[i + 1];
  return filled;
}

const LATIN_DIGITS = [...en.digits];
/** Each digits string seen, as its ten characters: `digits` may be any string a page gave. */
const digitLists = new Map<string, string[]>();

/**
 * `digits` as its ten characters (code points, so digits outside the BMP work), or the Latin ones if it is not ten
 * (`registerLocale` refuses such a table; an element's own `strings` are not checked, so they fall back here).
 */
function digitList(digits: string): string[] {
  let list = digitLists.get(digits);
  if (!list) {
    const chars = [...digits];
    list = chars.length === 10 ? chars : LATIN_DIGITS;
    if (digitLists.size < 50) digitLists.set(digits, list);
  }
  return list;
}

/**
 * A whole number in the table's digits, at least `minimum` of them (`localDigits(5, t, 2)` is `05`). Digits come
 * from the strings table, like every word shown, not from `Intl.NumberFormat`: its first use in a page costs 12-18 ms
 * here (ICU builds its list of locales), in the middle of the first connected render, and the numbers shown are
 * small counts and a clock, for which digits are all there is to it.
 */
export function localDigits(n: number, t: Strings, minimum = 1): string {
  const latin = String(n).padStart(minimum, '0');
  if (t.digits === en.digits) return latin;
  const digits = digitList(t.digits);
  let text = '';
  for (const char of latin) {
    const code = char.charCodeAt(0) - 48;
    text += code >= 0 && code <= 9 ? digits[code] : char;
  }
  return text;
}
