import * as z from 'zod/mini';
import { toMs } from './values.js';

/**
 * The zod/mini schemas, over keys already normalised to camelCase (prepare.ts), so one schema serves every SDK
 * casing. Each is a list of field names (`!` = required); a field's type follows from its name (`TYPES`, times
 * by suffix, strings otherwise), which keeps the bundle small. Nested lists (`participants`, `cobrowsesessions`,
 * `screenshares`) are checked to be arrays here and each item is validated on its own (parse.ts), so every
 * communication and participant, wherever it sits, goes through the same `node` schema.
 */
const SPECS = {
  node: 'id! state initialState disconnectType provider peerId peer held self user cobrowseSessionId cobrowseRole controlling viewerUrl context sharing peerCount name purpose userId screenRecordingState monitoredParticipantId providerEventTime startAlertingTime connectedTime disconnectedTime startHoldTime endTime cobrowsesessions screenshares',
  conversation: 'id participants!',
  envelope: 'topicName!',
  offer: 'sessionId! sessionJoinToken expiresAt time',
  controlRequest: 'participantId! communicationId sessionId name time expiresAt active',
  navigationRequest: 'participantId! communicationId sessionId name time url active',
  offerExpiry: 'communicationId sessionId expiresAt!',
  ack: 'actionId! ok! error',
};

export type SchemaName = keyof typeof SPECS;

/** Time fields: `…Time`, `…At`, `time`. */
export const TIME = /Time$|At$|^time$/;

let built: Record<SchemaName, z.ZodMiniType> | undefined;

/** How many schemas exist so far: 0 until the first parse (a test proves loading builds none). */
export function schemasBuilt(): number {
  return built ? Object.keys(built).length : 0;
}

export function schemas() {
  return (built ??= build());
}

function build() {
  // Jitless: zod's JIT calls `new Function`, which a strict Content-Security-Policy blocks.
  z.config({ jitless: true });
  const string = z.string();
  const optional = z.optional(string);
  const custom = (test: (value: unknown) => boolean, error: string) => z.custom(test, { error });
  // Predicates rather than z.boolean() / z.array(z.unknown()): the same checks, fewer zod classes in the bundle.
  const bool = custom((value) => typeof value === 'boolean', 'expected a boolean');
  const list = custom(Array.isArray, 'expected an array');
  const ref = z.object({ id: optional, name: optional });
  const TYPES: Record<string, z.ZodMiniType> = {
    held: bool,
    sharing: bool,
    active: bool,
    ok: bool,
    controlling: z.array(string),
    self: ref,
    user: ref,
    // z.int() with z.minimum() costs ~770 bytes gzip; one predicate does the same job.
    peerCount: custom((value) => Number.isInteger(value) && (value as number) >= 0, 'expected a whole number'),
    participants: list,
    cobrowsesessions: list,
    screenshares: list,
  };
  const date = custom((value) => toMs(value) !== undefined, 'expected an ISO-8601 date or epoch milliseconds');
  const schema = (spec: string) =>
    z.object(
      Object.fromEntries(
        spec.split(' ').map((field) => {
          const key = field.replace('!', '');
          const type = TYPES[key] ?? (TIME.test(key) ? date : string);
          return [key, key === field ? z.optional(type) : type];
        }),
      ),
    );
  return Object.fromEntries(Object.entries(SPECS).map(([name, spec]) => [name, schema(spec)])) as unknown as Record<
    SchemaName,
    z.ZodMiniType
  >;
}
