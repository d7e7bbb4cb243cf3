import * as z from 'zod/mini';
import { toMs } from './values.js';

/**
 * The zod/mini schemas, over keys already normalised to camelCase (see prepare.ts), so one schema serves every
 * SDK casing. Built on first use: loading the bundle costs no validation work.
 */

let built: ReturnType<typeof build> | undefined;

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
  const id = z.string();
  const str = z.optional(id);
  const bool = z.optional(z.boolean());
  const date = z.custom<string | number>((value) => toMs(value) !== undefined, {
    error: 'expected an ISO-8601 date or epoch milliseconds',
  });
  const time = z.optional(date);
  const ref = z.optional(z.object({ id: str, name: str }));
  const cobrowse = { cobrowseSessionId: str, cobrowseRole: str, controlling: z.optional(z.array(id)), viewerUrl: str };
  const times = { providerEventTime: time, startAlertingTime: time, connectedTime: time, startHoldTime: time };
  const leg = {
    id,
    state: str,
    initialState: str,
    disconnectType: str,
    provider: str,
    peerId: str,
    held: bool,
    self: ref,
    disconnectedTime: time,
    ...times,
  };
  const person = { id, name: str, purpose: str, userId: str, screenRecordingState: str, monitoredParticipantId: str };
  const cobrowsesession = z.object({ ...leg, ...cobrowse });
  const screenshare = z.object({
    ...leg,
    context: str,
    sharing: bool,
    peerCount: z.optional(z.int().check(z.minimum(0))),
  });
  const request = { participantId: id, communicationId: str, sessionId: str, name: str, time, active: bool };
  return {
    cobrowsesession,
    screenshare,
    participant: z.object({
      ...person,
      cobrowsesessions: z.optional(z.array(cobrowsesession)),
      screenshares: z.optional(z.array(screenshare)),
    }),
    mediaParticipant: z.object({
      ...person,
      ...cobrowse,
      ...times,
      state: str,
      disconnectType: str,
      provider: str,
      peer: str,
      held: bool,
      user: ref,
      endTime: time,
    }),
    conversation: z.object({ id: str, participants: z.array(z.unknown()) }),
    envelope: z.object({ topicName: id }),
    offer: z.object({ sessionId: id, sessionJoinToken: str, expiresAt: time, time }),
    controlRequest: z.object({ ...request, expiresAt: time }),
    navigationRequest: z.object({ ...request, url: str }),
    offerExpiry: z.object({ communicationId: str, sessionId: str, expiresAt: date }),
    ack: z.object({ actionId: id, ok: z.boolean(), error: str }),
  };
}

export type Schemas = ReturnType<typeof schemas>;
