// A @web/dev-server plugin for the demo, used by `npm start` and by the test runner (so the demo test meets the
// same server): it bundles the React page with esbuild when the server starts, and runs a WebSocket relay at
// /demo-relay that plays the backend between the agent console and the customer site's product transport (see
// attachRelay). The console's "reconnecting socket" scenario asks it to drop the customer's socket for real.
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { WebSocketServer } from 'ws';

export const RELAY_PATH = '/demo-relay';
export const REACT_OUT = 'demo/.build/react.js';

/** Bundles demo/react/main.jsx (React 19 + the npm build of the widget) into the git-ignored demo/.build/. */
export async function buildReactPage() {
  mkdirSync('demo/.build', { recursive: true });
  await build({
    entryPoints: ['demo/react/main.jsx'],
    outfile: REACT_OUT,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
}

/** What Genesys Cloud's notification service sends every 30 s; the product's idle timeout counts on it. */
export const HEARTBEAT = JSON.stringify({
  topicName: 'channel.metadata',
  eventBody: { message: 'WebSocket Heartbeat' },
});

/**
 * The demo's backend, between the agent console (`?role=console`) and customer pages (`?role=site`) of one
 * `?channel=`. A site's socket is the product's transport (`CobrowseWidget.connect({ websocket })`), so the relay
 * speaks to it as a backend would: raw payloads and heartbeats out; `cobrowse.resync` and `cobrowse.action` in,
 * passed to the consoles as `{ kind: 'site', site, message }` (the console answers the resync with the session and
 * each action with a `cobrowse.ack`). A console sends envelopes:
 * - `{ kind: 'payload', id, payload, to? }`: `payload` to every site (or only site `to`), as is (a string is sent
 *   verbatim, so the widget parses it and reports its own errors); answered `{ kind: 'relayed', re, sites }`;
 * - `{ kind: 'drop', id, outageMs }`: terminates the sites' sockets (no close frame, as a crashed proxy) and refuses
 *   their reconnects with a 503 for `outageMs`, so the product's backoff runs; answered like `payload`.
 * Consoles also hear `{ kind: 'sites', sites }` whenever a site comes or goes, and `{ kind: 'refused', afterMs }`
 * for each reconnect refused during an outage (the backoff, made visible).
 */
export function attachRelay(server, { heartbeatMs = 30_000 } = {}) {
  const wss = new WebSocketServer({ noServer: true });
  const outages = new Map();
  let count = 0;
  const open = (channel, role) =>
    [...wss.clients].filter((c) => c.channel === channel && c.role === role && c.readyState === c.OPEN);
  const tell = (ws, msg) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(msg));
  const census = (channel) => {
    const sites = open(channel, 'site').length;
    for (const peer of open(channel, 'console')) tell(peer, { kind: 'sites', sites });
  };

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname !== RELAY_PATH) return; // the dev server's own socket, or nothing
    const channel = url.searchParams.get('channel') ?? 'cobrowse-demo';
    const role = url.searchParams.get('role') === 'site' ? 'site' : 'console';
    const outage = outages.get(channel);
    if (role === 'site' && outage?.until > Date.now()) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      for (const peer of open(channel, 'console')) tell(peer, { kind: 'refused', afterMs: Date.now() - outage.since });
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      Object.assign(ws, { channel, role, id: `${role}-${++count}` });
      wss.emit('connection', ws, request);
    });
  });

  wss.on('connection', (ws) => {
    if (ws.role === 'site') {
      ws.on('close', () => census(ws.channel));
      census(ws.channel);
    } else tell(ws, { kind: 'sites', sites: open(ws.channel, 'site').length });
    ws.on('message', (data) => {
      let msg;
      try {
        msg = JSON.parse(String(data));
      } catch {
        return;
      }
      if (ws.role === 'site') {
        for (const peer of open(ws.channel, 'console')) tell(peer, { kind: 'site', site: ws.id, message: msg });
        return;
      }
      const sites = open(ws.channel, 'site').filter((site) => !msg?.to || site.id === msg.to);
      if (msg?.kind === 'payload') {
        const text = typeof msg.payload === 'string' ? msg.payload : JSON.stringify(msg.payload);
        for (const site of sites) site.send(text);
      } else if (msg?.kind === 'drop') {
        outages.set(ws.channel, { since: Date.now(), until: Date.now() + (Number(msg.outageMs) || 0) });
        for (const site of sites) site.terminate();
      } else return;
      tell(ws, { kind: 'relayed', re: msg.id, sites: sites.length });
    });
  });

  const beat = setInterval(() => {
    for (const site of wss.clients) if (site.role === 'site' && site.readyState === site.OPEN) site.send(HEARTBEAT);
  }, heartbeatMs);
  beat.unref?.();
  wss.on('close', () => clearInterval(beat));
  return wss;
}

export function demoServerPlugin() {
  let wss;
  return {
    name: 'cobrowse-demo-server',
    async serverStart({ server, logger }) {
      wss = attachRelay(server);
      try {
        await buildReactPage();
      } catch (error) {
        logger.error(`demo: could not bundle the React page (${error.message}); run npm run build first`);
      }
    },
    serverStop() {
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
    },
  };
}
