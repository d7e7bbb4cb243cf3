import type { ParseLimits, ParseWarning } from './types.js';

/**
 * The one pass over raw input before any schema runs: it checks every limit, copies the input into plain data
 * (so getters, proxies and prototypes are read once, here, inside a guard) and maps every key to camelCase.
 */

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 1024 * 1024,
  maxParticipants: 200,
  maxStringLength: 8192,
  maxBatch: 1000,
  maxDepth: 32,
};

/**
 * The deepest nesting the first pass reads, whatever `maxDepth` asks. The copy below recurses once per level, and
 * the engine's call stack holds a few thousand levels at best (fewer when the caller is itself deep in its own
 * stack): without a ceiling, a payload nested 100,000 levels deep under `maxDepth: 1e9` would end in the engine's
 * own "Maximum call stack size exceeded", read as an unreadable input. No Genesys payload comes near it (an
 * envelope around a conversation is about 7 levels deep).
 */
export const DEPTH_CEILING = 1000;

export type Path = (string | number)[];

/**
 * A normalised object: it inherits nothing (a key such as `constructor` or `toString` is found by `in` only when the
 * payload has it), like `Object.create(null)`, which engines keep as a hash table; made with `new`, it is an
 * ordinary fast object, which every field the schemas read, thirty-odd per node, is quicker to look up in.
 */
const Bare = function () {} as unknown as new () => Record<string, unknown>;
Bare.prototype = Object.create(null);

/**
 * On a normalised object with a key the caller spelled otherwise (`correlation_id`, `CorrelationId`): the raw keys
 * it was copied from, so error paths speak the caller's casing (`formatPath`). A symbol, so nothing that reads the
 * copy by string keys (`in`, `for...in`, `Object.keys`) sees it. (A WeakMap from object to its spellings cost 3-7%
 * of an envelope's ingest: each envelope's `metadata.CorrelationId` added an entry, which the garbage collector's
 * weak-table work then had to clear.)
 */
const RAW_KEYS = Symbol('raw keys');
type Copied = Record<string, unknown> & { [RAW_KEYS]?: string[] };

/**
 * `cobrowse_session_id`, `CobrowseSessionId`, `_self`, `Self`, `ID` -> `cobrowseSessionId`, `self`, `id`.
 * Leading and trailing underscores go, so no key can come out as `__proto__`. (The core's sniff calls it too, a few
 * keys per payload: the memo below is the model's, and stays out of the core's bytes.)
 */
export function camelKey(key: string): string {
  const bare = key.replace(/^_+|_+$/g, '');
  if (/^[A-Z\d]+$/.test(bare)) return bare.toLowerCase();
  return bare.replace(/_+(.)/g, (_, c: string) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());
}

/** camelKey's memo for the model: raw key -> its camelCase. */
const camelKeys = new Map<string, string>();
const CAMEL_KEYS_KEPT = 2000;
const KEY_LENGTH_KEPT = 64;

/**
 * camelKey, remembered. Payloads spell the same few dozen keys over and over: its three regular expressions were an
 * eighth of parsing. A payload of made-up keys cannot grow the memo past its bound (it starts over instead), nor
 * fill it with long ones.
 */
function memoCamelKey(key: string): string {
  if (key.length > KEY_LENGTH_KEPT) return camelKey(key);
  let camel = camelKeys.get(key);
  if (camel === undefined) {
    if (camelKeys.size >= CAMEL_KEYS_KEPT) camelKeys.clear();
    camelKeys.set(key, (camel = camelKey(key)));
  }
  return camel;
}

/** The first of `raws` that becomes `key` (only for messages: paths and a key spelled twice). */
const firstSpelling = (raws: string[], key: string) => raws.find((raw) => memoCamelKey(raw) === key);

/** `participants[2].cobrowsesessions[0].state`; keys are translated back through `root` when it is given. */
export function formatPath(path: Path, root?: unknown): string {
  let node = root as Copied | undefined;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const raws = node?.[RAW_KEYS];
      out += (out ? '.' : '') + ((raws && firstSpelling(raws, key)) ?? key);
    }
    node = node?.[key] as Copied | undefined;
  }
  return out || '(root)';
}

/** `number`, `array`, `null`, `nothing`: what a value is, for messages. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** A string for a message: quoted, and cut at 60 characters. */
export const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** What parsing found: issues (at a path not yet formatted) and warnings. */
export interface Findings {
  issues: { path: Path; message: string }[];
  warnings: ParseWarning[];
}

/**
 * The input as plain data; warnings go to `found.warnings`. On a broken limit or unreadable input it adds the one
 * issue to report to `found.issues` (its path in the caller's keys) and returns undefined.
 */
export function prepare(input: unknown, limits: ParseLimits, found: Findings): unknown {
  // Keys as the caller spelled them: the normalised tree is still being built when a limit trips. While a limit
  // trips or a getter throws, `path` is where it happened (nothing pops it on the way out).
  const path: Path = [];
  // The objects being copied, outermost first (`open[depth - 1]` is the one at that depth): one met again among them
  // is a cycle. A list, not a Set: a Set gives every object of every payload an identity hash, and a payload's
  // nesting is a few levels deep, so looking through it costs less.
  const open: object[] = [];
  let bytes = 0;
  // What went wrong when it is ours; anything else thrown is a getter or proxy throwing.
  let problem = 'could not be read (a getter or proxy threw)';
  const stop = (message: string): never => {
    problem = message;
    throw path;
  };
  // `what` says what tripped it, `#` standing for the amount.
  const over = (name: keyof ParseLimits, amount: number, what: string): never =>
    stop(`${what.replace('#', `${amount}`)}, over the ${name} limit of ${limits[name]}`);
  // Each limit read once: the copy tests the string and byte limits on every value. (A limit that is no number,
  // e.g. NaN, is never exceeded: no comparison with it is true.)
  const { maxBytes, maxStringLength, maxBatch, maxParticipants } = limits;
  // The depth limit in force: `maxDepth`, at most DEPTH_CEILING (also when it is no number at all, e.g. NaN, which
  // no depth would be over). A message names what the caller asked for when the ceiling, not it, applied.
  const asked = limits.maxDepth;
  const maxDepth = asked >= 0 ? Math.min(asked, DEPTH_CEILING) : DEPTH_CEILING;
  const capped = maxDepth === DEPTH_CEILING && asked !== DEPTH_CEILING ? ` (maxDepth ${asked} is capped at it)` : '';

  /** A string value: within the string limit, and counted (with its quotes) towards the byte limit. */
  const text = (value: string): string => {
    if (value.length > maxStringLength) over('maxStringLength', value.length, 'string is # characters');
    bytes += value.length + 2;
    if (bytes > maxBytes) over('maxBytes', bytes, 'payload is over # bytes');
    return value;
  };

  // `key`: the normalised key `value` sits under (a participants list is limited). Strings, most of any payload's
  // values, are read by `text` where they are met, without a call to `copy` each.
  const copy = (value: unknown, key?: string): unknown => {
    switch (typeof value) {
      case 'string':
        return text(value);
      case 'bigint':
      case 'symbol':
        return stop(`expected a JSON value, received ${typeof value}`);
      case 'function':
        return undefined;
      case 'object': {
        if (value === null) return null;
        if (value instanceof Date) return value.getTime();
        // (the root is 1 level deep)
        const depth = path.length + 1;
        if (depth > maxDepth) stop(`nested ${depth} levels deep, over the maxDepth limit of ${maxDepth}${capped}`);
        for (let i = 0; i < depth - 1; i++) if (open[i] === value) stop('contains a cyclic reference');
        open[depth - 1] = value;
        let out: unknown[] | Record<string, unknown>;
        if (Array.isArray(value)) {
          const length = value.length;
          if (!path.length && length > maxBatch) over('maxBatch', length, 'batch has # items');
          if (key === 'participants' && length > maxParticipants) {
            over('maxParticipants', length, 'conversation has # participants');
          }
          out = [];
          for (let i = 0; i < length; i++) {
            path.push(i);
            const item = value[i];
            out.push(typeof item === 'string' ? text(item) : copy(item));
            path.pop();
          }
        } else {
          const record = new Bare();
          const raws = Object.keys(value);
          // Whether any key is spelled other than its camelCase: most are not, and formatPath reads the keys of an
          // object without RAW_KEYS as they are, so only the objects that need them carry them.
          let renamed = false;
          for (const raw of raws) {
            const key = memoCamelKey(raw);
            path.push(raw);
            if (key !== raw) renamed = true;
            bytes += raw.length + 4;
            const field = (value as Record<string, unknown>)[raw];
            const item = typeof field === 'string' ? text(field) : copy(field, key);
            if (item === undefined || item === null) {
              // absent
            } else if (renamed && key in record) {
              // (Two keys can become one only when one of them is renamed: keys spelled as their camelCase, and
              // so far every one was, are as distinct as the caller's.)
              found.warnings.push({
                path: formatPath(path),
                code: 'ignored',
                message: `"${raw}" repeats "${firstSpelling(raws, key)}"; the first is kept`,
                value: raw,
              });
            } else record[key] = item;
            path.pop();
          }
          if (renamed) (record as Copied)[RAW_KEYS] = raws;
          out = record;
        }
        return out;
      }
      default:
        bytes += String(value).length + 1;
    }
    if (bytes > maxBytes) over('maxBytes', bytes, 'payload is over # bytes');
    return value;
  };

  try {
    if (typeof input === 'string') {
      // The UTF-16 length when it is already over (as the message says), else the UTF-8 length.
      const size = input.length > maxBytes ? input.length : new TextEncoder().encode(input).length;
      if (size > maxBytes) over('maxBytes', size, 'payload is # bytes');
      try {
        input = JSON.parse(input);
      } catch (error) {
        stop(`not valid JSON (${(error as Error).message})`);
      }
    }
    return copy(input);
  } catch {
    found.issues.push({ path, message: problem });
  }
}
