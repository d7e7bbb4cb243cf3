// A @web/dev-server plugin for the demo, used by `npm start` and by the test runner (so the demo test meets the
// same server): it bundles the React page with esbuild when the server starts, and runs a WebSocket relay at
// /demo-relay that passes each message to the other sockets of the same `?channel=`. The agent console's
// "reconnecting socket" scenario asks the relay to drop the customer's socket, which needs a real socket.
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

export function attachRelay(server) {
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname !== RELAY_PATH) return; // the dev server's own socket, or nothing
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.channel = url.searchParams.get('channel') ?? 'cobrowse-demo';
      ws.role = url.searchParams.get('role') ?? 'unknown';
      wss.emit('connection', ws, request);
    });
  });
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      let msg;
      try {
        msg = JSON.parse(String(data));
      } catch {
        return;
      }
      const peers = [...wss.clients].filter((c) => c !== ws && c.channel === ws.channel);
      if (msg?.kind === 'relay-drop') {
        // Close abnormally from the client's point of view: what a proxy or a network change does.
        for (const peer of peers) if (peer.role === 'site') peer.terminate();
        return;
      }
      for (const peer of peers) if (peer.readyState === peer.OPEN) peer.send(String(data));
    });
  });
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
