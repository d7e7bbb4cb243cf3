import * as z from 'zod/v4/core';
import { kindOf, quote } from './prepare.js';
import { isRecord, memoToMs } from './values.js';

/** An object schema: its fields, in the order they are checked (and their issues listed), and which are required. */
interface Spec {
  fields: string[];
  required: string[];
}

/**
 * The zod schemas, over keys already normalised to camelCase (prepare.ts), so one schema serves every SDK
 * casing. Each is a list of field names; a field's type follows from its name (`FIELD_TYPES`, times by suffix,
 * strings otherwise), so a field that means the same thing everywhere is checked the same way everywhere. Nested lists (`participants`, `cobrowsesessions`,
 * `screenshares`) are checked to be arrays here and each item is validated on its own (parse.ts), so every
 * communication and participant, wherever it sits, goes through the same `node` schema. The items of string lists
 * (`controlling`, `mediaRoles`) and the fields of `self` and `user` are checked here, each issue at its own path.
 */
const SPECS = {
  node: {
    required: ['id'],
    // `controlling mediaRoles self user` last: their contents (items, `self.id`, ...) are checked where the field
    // is, and at the end their issues come after every other field's, as when a separate pass checked them.
    fields: [
      'id',
      'state',
      'initialState',
      'disconnectType',
      'provider',
      'peerId',
      'peer',
      'held',
      'cobrowseSessionId',
      'cobrowseRole',
      'viewerUrl',
      'context',
      'sharing',
      'peerCount',
      'name',
      'purpose',
      'userId',
      'screenRecordingState',
      'monitoredParticipantId',
      'providerEventTime',
      'startAlertingTime',
      'connectedTime',
      'disconnectedTime',
      'startHoldTime',
      'endTime',
      'cobrowsesessions',
      'screenshares',
      'controlling',
      'mediaRoles',
      'self',
      'user',
    ],
  },
  conversation: { required: ['participants'], fields: ['id', 'participants'] },
  envelope: { required: ['topicName'], fields: ['topicName'] },
  // The signals, by their `type`.
  offer: { required: ['sessionId'], fields: ['sessionId', 'sessionJoinToken', 'expiresAt', 'time'] },
  'control-request': {
    required: ['participantId'],
    fields: ['participantId', 'communicationId', 'sessionId', 'name', 'time', 'expiresAt', 'active'],
  },
  'navigation-request': {
    required: ['participantId'],
    fields: ['participantId', 'communicationId', 'sessionId', 'name', 'time', 'url', 'active'],
  },
  'offer-expiry': { required: ['expiresAt'], fields: ['communicationId', 'sessionId', 'expiresAt'] },
  ack: { required: ['actionId', 'ok'], fields: ['actionId', 'ok', 'error'] },
  // A Web Messaging guest frame, its StructuredMessage body (WebMessagingMessage) and each of its events
  // (WebMessagingEvent; `coBrowse` is a WebMessagingEventCoBrowse, FIELD_TYPES).
  'guest-frame': { required: ['type', 'class'], fields: ['type', 'class', 'code'] },
  'guest-message': { required: [], fields: ['type', 'direction', 'id', 'channel', 'events'] },
  'guest-event': { required: ['eventType'], fields: ['eventType', 'coBrowse'] },
} satisfies Record<string, Spec>;

export type SchemaName = keyof typeof SPECS;

/** The schema `name`'s fields, in the order its issues and warnings are told in. */
export const schemaFields = (name: SchemaName): readonly string[] => (SPECS[name] as Spec).fields;

/** Where `key` is in the schema `name`'s fields. */
export const fieldOrder = (name: SchemaName, key: string) => schemaFields(name).indexOf(key);

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
const issueMessage =
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

/**
 * A schema's definition: the predicate its value must pass and, for an object, its fields (each a schema). No
 * `type`: nothing zod core runs here reads it.
 */
interface PredicateDef extends Omit<z.$ZodTypeDef, 'type'> {
  fn: (value: unknown) => boolean;
  shape?: Record<string, z.$ZodType>;
  /** Each item's schema, for a list. */
  item?: z.$ZodType;
}

/**
 * An object schema's fields, for reading them off an input: name -> its schema, its place in the spec and, for a
 * field with no fields or items of its own, its predicate.
 */
type Fields = Map<string, { schema: z.$ZodType; index: number; leaf?: (value: unknown) => boolean }>;

/**
 * The one schema type: a zod core `$ZodType` (so zod runs it, words its issue with the schema's error function and
 * reports it like any schema) whose parse is a predicate. A value that fails it is one issue, as $ZodCustom
 * (zod/mini's z.custom) reports it; a value that passes and has a `shape` is an object whose fields are checked and
 * whose absent required fields are reported `missing`, each issue prefixed with its key. That is what $ZodObject
 * does for such input, without its generality (optional and defaulted keys, catch-alls, symbol keys, lazy shapes,
 * memoisation, async fields: ~1,000 bytes gzip in the script-tag file), and what $ZodCustom does for a field,
 * without $ZodCheck and zod's refinement handling (~180 bytes gzip), which a schema that is also a check brings
 * along. A plain `$ZodType` with its parse set, rather than a subclass made with `$constructor`: the subclass added
 * nothing else.
 *
 * An object's fields are read off the input's own keys, not the shape's: a node's shape has thirty-odd fields and
 * a payload sets about eight of them, so walking the shape spent most of its time testing absent optional fields.
 * (The input is prepare.ts's copy: plain data, no inherited keys, no key whose value is undefined.) Issues come out
 * in the shape's order whatever order the input's keys are in (each field's issues together, an absent required
 * field's `missing` in its place), as when the shape was walked. The output is the input itself, keys the shape
 * does not know included: it is the model's own copy, which parse.ts folds in place and then reads by name, field by
 * field, into each normalised object (a new output object per object schema, written key by key, was a tenth of
 * parsing).
 */
function predicate(def: PredicateDef): z.$ZodType {
  const schema = new z.$ZodType(def as z.$ZodTypeDef & PredicateDef);
  const fields: Fields | undefined =
    def.shape &&
    new Map(
      Object.keys(def.shape).map((key, index) => {
        const field = def.shape![key];
        const { shape, item, fn } = field._zod.def as unknown as PredicateDef;
        return [key, { schema: field, index, leaf: shape || item ? undefined : fn }];
      }),
    );
  const required = def.shape
    ? Object.keys(def.shape).filter((key) => !(def.shape![key]._zod.def as unknown as PredicateDef).fn(undefined))
    : [];
  // `$ZodType` without checks runs its parse: set both (its constructor copied the then-empty parse to run).
  schema._zod.run = schema._zod.parse = (payload, ctx) => {
    const input = payload.value as Record<string, unknown>;
    if (!def.fn(input)) payload.issues.push({ code: 'custom', input, inst: schema });
    // (An optional field that is absent passed `fn` as `undefined`: nothing inside it to check.)
    else if (input === undefined) return payload;
    else if (def.item) {
      const list = input as unknown as unknown[];
      for (let i = 0; i < list.length; i++) runField(def.item, list, i, payload, ctx);
    } else if (fields) {
      const before = payload.issues.length;
      for (const key in input) {
        const field = fields.get(key);
        if (field === undefined) continue;
        // (A leaf is its predicate: `runField` without its lookups. An input's value is never undefined.)
        if (field.leaf) {
          const leaf = input[key];
          if (!field.leaf(leaf)) {
            payload.issues.push({ code: 'custom', input: leaf, inst: field.schema, path: [key] });
          }
        } else runField(field.schema, input, key, payload, ctx);
      }
      for (const key of required) if (!(key in input)) runField(fields.get(key)!.schema, input, key, payload, ctx);
      // Back in the shape's order (a stable sort: each field's own issues keep theirs).
      if (payload.issues.length > before + 1) {
        const place = (issue: z.$ZodRawIssue) => fields.get(issue.path![0] as string)!.index;
        const own = payload.issues.splice(before).sort((a, b) => place(a) - place(b));
        payload.issues.push(...own);
      }
    }
    return payload;
  };
  return schema;
}

/**
 * Runs the predicate schema `field` on `input[key]`, its issues added to `payload`'s prefixed with `key`; returns
 * the value it made. Synchronous: every field is a plain predicate. A field with no fields or items of its own (most
 * of them) is its predicate, tested here directly: the same issue, at the same path, as running it, without the
 * payload, issue list and copies that running it makes for every field of every object (a fifth of parsing, most
 * of it the garbage collector's).
 */
function runField(
  field: z.$ZodType,
  input: Record<string, unknown> | unknown[],
  key: string | number,
  payload: z.ParsePayload,
  ctx: z.ParseContextInternal,
): unknown {
  const value = (input as Record<string | number, unknown>)[key];
  const def = field._zod.def as unknown as PredicateDef;
  if (!def.shape && !def.item) {
    if (!def.fn(value)) payload.issues.push({ code: 'custom', input: value, inst: field, path: [key] });
    return value;
  }
  const result = field._zod.run({ value, issues: [] }, ctx) as z.ParsePayload;
  for (const issue of result.issues) payload.issues.push({ ...issue, path: [key, ...(issue.path ?? [])] });
  return result.value;
}

function build() {
  // Jitless: zod's JIT compiles validators with the Function constructor, which a strict CSP blocks.
  z.config({ jitless: true });
  // A predicate (above) for every schema and every field.
  // Every distinct zod class adds its code to the script-tag file (z.string() ~150 bytes gzip, z.array() ~400,
  // z.optional() ~220, z.int() with z.minimum() ~770, $ZodObject ~1,000), and a predicate does the same check;
  // zod/mini's wrappers around the core classes (`.check()`, `.clone()`, ... on every schema) add ~700 bytes gzip
  // that nothing here calls. Without z.optional(), an optional field's predicate accepts `undefined`, and
  // a predicate runs every field of its shape, an absent one as `undefined`.
  // A field type: its predicate and how its issue is worded; called with `required`, it makes the field's schema.
  const fieldType =
    (test: (value: unknown) => boolean, want: string, showValue?: boolean, more?: Partial<PredicateDef>) =>
    (required: boolean) =>
      predicate({
        fn: (value) => (!required && value === undefined) || test(value),
        error: issueMessage(want, showValue),
        ...more,
      });
  const bool = fieldType((value) => typeof value === 'boolean', 'a boolean', true);
  const string = fieldType((value) => typeof value === 'string', 'a string');
  const date = fieldType((value) => memoToMs(value) !== undefined, 'an ISO-8601 date or epoch milliseconds', true);
  /** An object of the spec's fields; a field's type follows from its name. */
  const object = ({ fields, required }: Spec) =>
    fieldType(isRecord, 'an object', false, {
      shape: Object.fromEntries(
        fields.map((key) => [key, (FIELD_TYPES[key] ?? (TIME.test(key) ? date : string))(required.includes(key))]),
      ),
    });
  // `self` and `user` of a node (null never gets here: prepare.ts drops null fields); made when a node's shape is,
  // after FIELD_TYPES exists.
  const reference = (required: boolean) => object({ fields: ['id', 'name'], required: [] })(required);
  // The same for a guest message's `channel` and a guest event's `coBrowse`.
  const channel = (required: boolean) => object({ fields: ['time', 'messageId'], required: [] })(required);
  const coBrowse = (required: boolean) =>
    object({ fields: ['type', 'sessionId', 'sessionJoinToken'], required: ['type', 'sessionId'] })(required);
  const wholeNumber = fieldType((value) => Number.isInteger(value) && (value as number) >= 0, 'a whole number', true);
  // A list of nodes shows a wrong value itself, a list of strings its kind (as zod/mini's z.array() worded it).
  const nodes = fieldType(Array.isArray, 'an array', true);
  const strings = fieldType(Array.isArray, 'an array', false, { item: string(true) });
  const FIELD_TYPES: Record<string, ReturnType<typeof fieldType>> = {
    held: bool,
    sharing: bool,
    active: bool,
    ok: bool,
    self: reference,
    user: reference,
    participants: nodes,
    cobrowsesessions: nodes,
    screenshares: nodes,
    controlling: strings,
    mediaRoles: strings,
    peerCount: wholeNumber,
    code: wholeNumber,
    events: nodes,
    channel,
    coBrowse,
  };
  return Object.fromEntries(Object.entries(SPECS).map(([name, spec]) => [name, object(spec)(true)])) as Record<
    SchemaName,
    z.$ZodType
  >;
}
