// FROZEN REFERENCE (test-only): a verbatim copy of src/model as it was before issue 15's speed work on the model
// (main at 1c6aca1). test/model/differential.test.ts parses fixtures, their mutations and arbitrary values with it
// and with the live model and requires deep-equal results (values, warnings, error messages and paths), so the
// faster model is shown to compute the same thing. Do not "fix" or restyle this file: its value is that it does not
// change. Replace it (and say so) only when the model's semantics move on deliberately.
import type { ParseLimits, ParseWarning } from '../../../src/model/types.js';

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

/** A normalised object -> the keys as the caller spelled them, so error paths speak the caller's casing. */
const spelled = new WeakMap<object, Record<string, string>>();

/**
 * `cobrowse_session_id`, `CobrowseSessionId`, `_self`, `Self`, `ID` -> `cobrowseSessionId`, `self`, `id`.
 * Leading and trailing underscores go, so no key can come out as `__proto__`.
 */
export function camelKey(key: string): string {
  const bare = key.replace(/^_+|_+$/g, '');
  if (/^[A-Z\d]+$/.test(bare)) return bare.toLowerCase();
  return bare.replace(/_+(.)/g, (_, c: string) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());
}

/** `participants[2].cobrowsesessions[0].state`; keys are translated back through `root` when it is given. */
export function formatPath(path: Path, root?: unknown): string {
  let node = root as Record<string, unknown> | undefined;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + ((node && spelled.get(node)?.[key]) ?? key);
    node = node?.[key] as Record<string, unknown> | undefined;
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
  const open = new Set<object>();
  let bytes = 0;
  // What went wrong when it is ours; anything else thrown is a getter or proxy throwing.
  let problem = 'could not be read (a getter or proxy threw)';
  const stop = (message: string): never => {
    problem = message;
    throw path;
  };
  // `what` says what tripped it, `#` standing for the amount.
  const limit = (name: keyof ParseLimits, amount: number, what: string) => {
    if (amount > limits[name]) stop(`${what.replace('#', `${amount}`)}, over the ${name} limit of ${limits[name]}`);
  };
  // The depth limit in force: `maxDepth`, at most DEPTH_CEILING (also when it is no number at all, e.g. NaN, which
  // no depth would be over). A message names what the caller asked for when the ceiling, not it, applied.
  const asked = limits.maxDepth;
  const maxDepth = asked >= 0 ? Math.min(asked, DEPTH_CEILING) : DEPTH_CEILING;
  const capped = maxDepth === DEPTH_CEILING && asked !== DEPTH_CEILING ? ` (maxDepth ${asked} is capped at it)` : '';

  // `key`: the normalised key `value` sits under (a participants list is limited).
  const copy = (value: unknown, key?: string): unknown => {
    switch (typeof value) {
      case 'string':
        limit('maxStringLength', value.length, 'string is # characters');
        bytes += value.length + 2;
        break;
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
        if (open.has(value)) stop('contains a cyclic reference');
        open.add(value);
        let out: unknown[] | Record<string, unknown>;
        if (Array.isArray(value)) {
          const length = value.length;
          if (!path.length) limit('maxBatch', length, 'batch has # items');
          if (key === 'participants') limit('maxParticipants', length, 'conversation has # participants');
          out = [];
          for (let i = 0; i < length; i++) {
            path.push(i);
            out.push(copy(value[i]));
            path.pop();
          }
        } else {
          const keys: Record<string, string> = Object.create(null);
          const record: Record<string, unknown> = Object.create(null);
          for (const raw of Object.keys(value)) {
            const key = camelKey(raw);
            path.push(raw);
            keys[key] ??= raw;
            bytes += raw.length + 4;
            const item = copy((value as Record<string, unknown>)[raw], key);
            if (item === undefined || item === null) {
              // absent
            } else if (key in record) {
              found.warnings.push({
                path: formatPath(path),
                code: 'ignored',
                message: `"${raw}" repeats "${keys[key]}"; the first is kept`,
                value: raw,
              });
            } else record[key] = item;
            path.pop();
          }
          spelled.set(record, keys);
          out = record;
        }
        open.delete(value);
        return out;
      }
      default:
        bytes += String(value).length + 1;
    }
    limit('maxBytes', bytes, 'payload is over # bytes');
    return value;
  };

  try {
    if (typeof input === 'string') {
      // The UTF-16 length when it is already over (as the message says), else the UTF-8 length.
      const size = input.length > limits.maxBytes ? input.length : new TextEncoder().encode(input).length;
      limit('maxBytes', size, 'payload is # bytes');
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
