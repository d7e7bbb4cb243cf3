// The floor for ingest throughput: zod/mini (jitless, as our script-tag file runs it) validating the same
// conversation envelopes the widget ingests, with a schema of just their fields. No normalising, no store, no DOM:
// the least that checking such an object costs here.
import * as z from 'zod/mini';

z.config({ jitless: true });
const time = z.iso.datetime({ offset: true });
const session = z.object({
  id: z.string(),
  state: z.string(),
  cobrowseSessionId: z.string(),
  cobrowseRole: z.string(),
  controlling: z.array(z.string()),
  startAlertingTime: time,
  connectedTime: time,
  providerEventTime: time,
});
const participant = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  state: z.string(),
  cobrowsesessions: z.array(session),
});
const envelope = z.object({
  topicName: z.string(),
  version: z.string(),
  eventBody: z.object({ id: z.string(), participants: z.array(participant) }),
  metadata: z.object({ CorrelationId: z.string() }),
});

/** How many of `values` pass (all of them should: a failure means the floor measured the wrong thing). */
window.__zodFloor = (values) => {
  let ok = 0;
  for (const value of values) if (envelope.safeParse(value).success) ok++;
  return ok;
};
