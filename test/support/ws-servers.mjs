// A web-test-runner plugin that lets browser tests run real `ws` WebSocket servers on loopback ports:
// start, kill (sockets terminated without a close frame, as a crash), restart on the same port, send, and read
// back what each server received. Browser side: test/support/ws-server.ts (executeServerCommand).
import { WebSocketServer } from 'ws';

/** @typedef {{ id: number, port: number, wss?: WebSocketServer, received: unknown[], connections: number,
 *   snapshot?: unknown, ack: boolean, silent: boolean, delayMs: number }} Server */

/** @type {Map<number, Server>} */
const servers = new Map();
let nextId = 1;

function listen(server) {
  return new Promise((resolve, reject) => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: server.port });
    wss.once('error', reject);
    wss.once('listening', () => {
      server.port = /** @type {import('node:net').AddressInfo} */ (wss.address()).port;
      server.wss = wss;
      resolve(server);
    });
    wss.on('connection', (socket) => {
      server.connections++;
      socket.on('message', (raw) => {
        let message;
        try {
          message = JSON.parse(String(raw));
        } catch {
          message = String(raw);
        }
        server.received.push(message);
        if (server.silent) return;
        if (message?.type === 'cobrowse.resync' && server.snapshot !== undefined) {
          const answer = JSON.stringify(server.snapshot);
          // A server that holds its answer back (a slow backend after a page load).
          if (server.delayMs) setTimeout(() => socket.readyState === 1 && socket.send(answer), server.delayMs);
          else socket.send(answer);
        }
        if (message?.type === 'cobrowse.action' && server.ack) {
          socket.send(JSON.stringify({ type: 'cobrowse.ack', actionId: message.id, ok: true }));
        }
      });
    });
  });
}

function kill(server) {
  if (!server.wss) return;
  for (const socket of server.wss.clients) socket.terminate();
  const wss = server.wss;
  server.wss = undefined;
  return new Promise((resolve) => wss.close(() => resolve(undefined)));
}

const summary = (server) => ({
  id: server.id,
  port: server.port,
  url: `ws://127.0.0.1:${server.port}/`,
  running: !!server.wss,
  open: server.wss ? [...server.wss.clients].filter((s) => s.readyState === 1).length : 0,
  connections: server.connections,
  received: server.received,
});

const commands = {
  /**
   * payload: { ack?: boolean (answer each action with an ok ack), silent?: boolean (never answer), delayMs?: number
   * (answer each resync that much later) }
   */
  async 'ws-start'(payload = {}) {
    const server = {
      id: nextId++,
      port: 0,
      received: [],
      connections: 0,
      ack: !!payload.ack,
      silent: !!payload.silent,
      delayMs: Number(payload.delayMs ?? 0),
    };
    servers.set(server.id, await listen(server));
    return summary(server);
  },
  async 'ws-kill'({ id }) {
    await kill(servers.get(id));
    return summary(servers.get(id));
  },
  async 'ws-restart'({ id }) {
    const server = servers.get(id);
    await kill(server);
    await listen(server);
    return summary(server);
  },
  /** payload: { id, message, snapshot?: boolean (also answer every later resync with it) } */
  'ws-send'({ id, message, snapshot }) {
    const server = servers.get(id);
    if (snapshot) server.snapshot = message;
    for (const socket of server.wss?.clients ?? []) socket.send(JSON.stringify(message));
    return summary(server);
  },
  /** Sets the answer to every later resync without sending it now (e.g. state that changed while down). */
  'ws-snapshot'({ id, message }) {
    servers.get(id).snapshot = message;
    return summary(servers.get(id));
  },
  'ws-info'({ id }) {
    return summary(servers.get(id));
  },
  async 'ws-stop'({ id }) {
    await kill(servers.get(id));
    servers.delete(id);
    return true;
  },
};

export function wsServerPlugin() {
  return {
    name: 'ws-servers',
    async executeCommand({ command, payload }) {
      const run = commands[command];
      return run ? run(payload) : undefined;
    },
    async serverStop() {
      await Promise.all([...servers.values()].map(kill));
      servers.clear();
    },
  };
}
