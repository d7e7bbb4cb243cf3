import * as z from 'zod/v4/core';
import { kindOf, quote } from './prepare.js';
import { toMs } from './values.js';

/**
 * The zod schemas, over keys already normalised to camelCase (prepare.ts), so one schema serves every SDK
 * casing. Each is a list of field names (`!` = required); a field's type follows from its name (`TYPES`, times
 * by suffix, strings otherwise), which keeps the bundle small. Nested lists (`participants`, `cobrowsesessions`,
 * `screenshares`) and the items of string lists (`controlling`, `mediaRoles`) are checked to be arrays here and
 * each item is validated on its own (parse.ts), so every communication and participant, wherever it sits, goes
 * through the same `node` schema.
 */
const SPECS = {
  node: 'id! state initialState disconnectType provider peerId peer held self user cobrowseSessionId cobrowseRole controlling viewerUrl context sharing peerCount name purpose userId screenRecordingState monitoredParticipantId mediaRoles providerEventTime startAlertingTime connectedTime disconnectedTime startHoldTime endTime cobrowsesessions screenshares',
  conversation: 'id participants!',
  envelope: 'topicName!',
  offer: 'sessionId! sessionJoinToken expiresAt time',
  controlRequest: 'participantId! communicationId sessionId name time expiresAt active',
  navigationRequest: 'participantId! communicationId sessionId name time url active',
  offerExpiry: 'communicationId sessionId expiresAt!',
  ack: 'actionId! ok! error',
  /** `self` and `user` of a node. */
  ref: 'id name',
};

export type SchemaName = keyof typeof SPECS | 'string';

/** Time fields: `…Time`, `…At`, `time`. */
export const TIME = /Time$|At$|^time$/;

let built: Record<SchemaName, z.$ZodType> | undefined;

/** How many schemas exist so far: 0 until the first parse (a test proves loading builds none). */
export function schemasBuilt(): number {
  return built ? Object.keys(built).length : 0;
}

export function schemas() {
  return (built ??= build());
}

/**
 * zod's core ships no English messages (and its locales cost bytes), so each schema words its own issue from the
 * value it got (zod hands the error function the issue with its `input`). A type check (`a string`, `an array`,
 * `an object`) says what kind of value came, or `missing` when none did; a value check (`a boolean`, `a whole
 * number`, a date) shows the value itself when it is a string or a number, so `"yes"` or `1.5` is visible.
 */
const says =
  (want: string, showValue?: boolean) =>
  ({ input }: { input?: unknown }) =>
    !showValue && input === undefined
      ? `missing (expected ${want})`
      : `expected ${want}, received ${
          showValue && typeof input === 'string'
            ? quote(input)
            : showValue && typeof input === 'number'
              ? input
              : kindOf(input)
        }`;

function build() {
  // Jitless: zod's JIT calls `new Function`, which a strict Content-Security-Policy blocks.
  z.config({ jitless: true });
  // Two classes of zod's core, used directly: $ZodObject and $ZodCustom (the defs are what zod/mini's z.object and
  // z.custom build). Every distinct zod class adds its code to the script-tag file (z.string() ~150 bytes gzip,
  // z.array() ~400, z.optional() ~220, z.int() with z.minimum() ~770), and a predicate does the same check;
  // zod/mini's wrappers around the core classes (`.check()`, `.clone()`, ... on every schema) add ~700 bytes gzip
  // that nothing here calls. Without z.optional(), an optional field's predicate accepts `undefined`, and
  // `check` (parse.ts) passes absent fields as `undefined`, since $ZodObject reports an absent key itself.
  // A field kind: its predicate and how its issue is worded; `field` makes it a required or an optional field.
  const kind = (test: (value: unknown) => boolean, want: string, showValue?: boolean) =>
    [test, want, showValue] as const;
  const bool = kind((value) => typeof value === 'boolean', 'a boolean', true);
  const string = kind((value) => typeof value === 'string', 'a string');
  const record = kind((value) => typeof value === 'object' && !Array.isArray(value), 'an object');
  // A list of nodes shows a wrong value itself, a list of strings its kind (as zod/mini's z.array() worded it).
  const nodes = kind(Array.isArray, 'an array', true);
  const strings = kind(Array.isArray, 'an array');
  const TYPES: Record<string, ReturnType<typeof kind>> = {
    held: bool,
    sharing: bool,
    active: bool,
    ok: bool,
    self: record,
    user: record,
    participants: nodes,
    cobrowsesessions: nodes,
    screenshares: nodes,
    controlling: strings,
    mediaRoles: strings,
    peerCount: kind((value) => Number.isInteger(value) && (value as number) >= 0, 'a whole number', true),
  };
  const date = kind((value) => toMs(value) !== undefined, 'an ISO-8601 date or epoch milliseconds', true);
  const field = ([test, want, showValue]: ReturnType<typeof kind>, required: boolean) =>
    new z.$ZodCustom({
      type: 'custom',
      check: 'custom',
      fn: (value) => (!required && value === undefined) || test(value),
      error: says(want, showValue),
      abort: true,
    });
  const schema = (spec: string) =>
    new z.$ZodObject({
      type: 'object',
      error: says('an object'),
      shape: Object.fromEntries(
        spec.split(' ').map((name) => {
          const key = name.replace('!', '');
          return [key, field(TYPES[key] ?? (TIME.test(key) ? date : string), key !== name)];
        }),
      ),
    });
  const out = Object.fromEntries(Object.entries(SPECS).map(([name, spec]) => [name, schema(spec)]));
  return { ...out, string: field(string, true) } as unknown as Record<SchemaName, z.$ZodType>;
}

/** `{ id: undefined, name: undefined }` for `ref`: every field of a schema, absent, for `check` to fill in. */
export const blank = (name: keyof typeof SPECS) =>
  Object.fromEntries(SPECS[name].split(' ').map((field) => [field.replace('!', ''), undefined]));
