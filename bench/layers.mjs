// CPU time per layer of one ingest, in Node, for the store as it is and (while test/store/reference/ exists) the
// store as it was before issue 15: parse + validate (src/model, the same for both), reduce, derive, change
// detection, and the whole ingest through createSessionStore. CPU time (process.cpuUsage), not wall time, so a
// busy machine slows the figures less; interleaved rounds, median. Imported by run.mjs; also runs on its own:
// `node bench/layers.mjs`.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const REFERENCE = 'test/store/reference';

/** The conversation envelope of run.mjs's ENVELOPE_SETUP (two participants, each with its co-browse session). */
export function envelope(i) {
  const t0 = Date.parse('2026-11-22T09:00:00.000Z');
  const time = (s) => new Date(t0 + s * 1000).toISOString();
  const session = (id, role, controlling) => ({
    id,
    state: 'connected',
    cobrowseSessionId: 'bench-session',
    cobrowseRole: role,
    controlling,
    startAlertingTime: time(0),
    connectedTime: time(1),
    providerEventTime: time(i + 2),
  });
  return {
    topicName: 'v2.users.user-1.conversations.cobrowsesessions',
    version: '2',
    eventBody: {
      id: 'bench-conversation',
      participants: [
        {
          id: 'bench-customer',
          name: 'Pat Customer',
          purpose: 'customer',
          state: 'connected',
          cobrowsesessions: [session('bench-comm-customer', 'sharer', [])],
        },
        {
          id: 'bench-agent',
          name: 'Alex Agent',
          purpose: 'agent',
          state: 'connected',
          cobrowsesessions: [session('bench-comm-agent', 'viewer', i % 2 ? ['bench-customer'] : [])],
        },
      ],
    },
    metadata: { CorrelationId: `corr-${i}` },
  };
}

async function load(name, dir) {
  const outfile = join(ROOT, `bench/.build/layers-${name}.mjs`);
  await build({
    stdin: {
      contents: [
        `export { parseInput } from './src/model/index.ts';`,
        `export { derive } from './${dir}/derive.ts';`,
        `export { INITIAL_STATE, reduce } from './${dir}/reduce.ts';`,
        `export { createSessionStore } from './${dir}/session-store.ts';`,
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const cpu = (run) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
};

/** Micro-seconds of CPU per envelope, by layer, for each store present. */
export async function layers({ envelopes = 5000, rounds = 9 } = {}) {
  const stores = { current: await load('current', 'src/store') };
  if (existsSync(join(ROOT, REFERENCE))) stores.reference = await load('reference', REFERENCE);
  const options = { controlRequestTimeoutMs: 30_000, maxCommunications: 64 };
  const samples = {};
  const add = (key, value) => (samples[key] ??= []).push(value / envelopes);
  for (let round = 0; round < rounds; round++) {
    const names = Object.keys(stores);
    if (round % 2) names.reverse();
    for (const name of names) {
      const m = stores[name];
      const events = Array.from({ length: envelopes }, (_, i) => envelope(i));
      let inputs;
      add(
        `${name}.parse`,
        cpu(() => (inputs = events.map((e) => m.parseInput(e).value))),
      );
      const states = [];
      add(
        `${name}.reduce`,
        cpu(() => {
          let state = m.INITIAL_STATE;
          for (const input of inputs) states.push((state = m.reduce(state, input, 0, options)));
        }),
      );
      add(
        `${name}.derive`,
        cpu(() => states.forEach((state) => m.derive(state, 0))),
      );
      const store = m.createSessionStore({ clock: () => 0 });
      let told = 0;
      store.subscribe(() => told++);
      add(
        `${name}.ingest`,
        cpu(() => events.forEach((e) => store.ingest(e))),
      );
      if (told !== envelopes) throw new Error(`${name}: ${told} notifications for ${envelopes} changing envelopes`);
    }
  }
  const result = {};
  for (const [key, values] of Object.entries(samples)) {
    const [name, layer] = key.split('.');
    (result[name] ??= {})[layer] = Number(median(values).toFixed(2));
  }
  for (const figures of Object.values(result)) {
    // What ingest spends beyond parse, reduce and derive: change detection, notifying, timers.
    figures.commit = Number((figures.ingest - figures.parse - figures.reduce - figures.derive).toFixed(2));
  }
  return { envelopes, rounds, microsPerEnvelope: result };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(JSON.stringify(await layers(), null, 2));
