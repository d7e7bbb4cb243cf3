import * as z from 'zod/v4/core';
import { kindOf, quote } from './prepare.js';
import { toMs } from './values.js';

/**
 * The zod/mini schemas, over keys already normalised to camelCase (prepare.ts), so one schema serves every SDK
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
};

export type SchemaName = keyof typeof SPECS | 'string';

/** Time fields: `…Time`, `…At`, `time`. */
export const TIME = /Time$|At$|^time$/;

/** Fields that hold a list: nested nodes (`participants`, ...), or strings (`controlling`, `mediaRoles`). */
export const LISTS = /^(participants|cobrowsesessions|screenshares|controlling|mediaRoles)$/;

let built: Record<SchemaName, z.$ZodType> | undefined;

/** How many schemas exist so far: 0 until the first parse (a test proves loading builds none). */
export function schemasBuilt(): number {
  return built ? Object.keys(built).length : 0;
}

export function schemas() {
  return (built ??= build());
}

/**
 * zod/mini ships no English messages (and its locales cost bytes), so each schema words its own issue from the
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
  // Three classes of zod's core, used directly: $ZodObject, $ZodOptional and $ZodCustom. Every distinct zod class
  // adds its code to the script-tag file (z.string() ~150 bytes gzip, z.array() ~400, z.int() with z.minimum()
  // ~770), and a predicate does the same check; zod/mini's wrappers around the core classes (`.check()`,
  // `.clone()`, ... on every schema) add ~700 bytes gzip that nothing here calls. The defs below are what
  // zod/mini's z.custom / z.object / z.optional build.
  const is = (test: (value: unknown) => boolean, want: string, showValue?: boolean) =>
    new z.$ZodCustom({ type: 'custom', check: 'custom', fn: test, error: says(want, showValue), abort: true });
  const optional = (innerType: z.$ZodType) => new z.$ZodOptional({ type: 'optional', innerType });
  const object = (shape: z.$ZodShape) => new z.$ZodObject({ type: 'object', shape, error: says('an object') });
  const string = is((value) => typeof value === 'string', 'a string');
  const bool = is((value) => typeof value === 'boolean', 'a boolean', true);
  const list = is(Array.isArray, 'an array');
  const ref = object({ id: optional(string), name: optional(string) });
  const TYPES: Record<string, z.$ZodType> = {
    held: bool,
    sharing: bool,
    active: bool,
    ok: bool,
    self: ref,
    user: ref,
    peerCount: is((value) => Number.isInteger(value) && (value as number) >= 0, 'a whole number', true),
  };
  const date = is((value) => toMs(value) !== undefined, 'an ISO-8601 date or epoch milliseconds', true);
  const schema = (spec: string) =>
    object(
      Object.fromEntries(
        spec.split(' ').map((field) => {
          const key = field.replace('!', '');
          const type = TYPES[key] ?? (TIME.test(key) ? date : LISTS.test(key) ? list : string);
          return [key, key === field ? optional(type) : type];
        }),
      ),
    );
  const out = Object.fromEntries(Object.entries(SPECS).map(([name, spec]) => [name, schema(spec)]));
  return { ...out, string } as unknown as Record<SchemaName, z.$ZodType>;
}
