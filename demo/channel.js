// The demo's wire between the agent console and the customer site: a BroadcastChannel (same origin, any tab or
// frame) and a WebSocket to the relay that `npm start` runs at /demo-relay. Both carry the same JSON messages;
// receivers drop a message id they have already seen, so a page listening on both acts once.
//
// This is demo plumbing, not the product's transport: it lets the console drive a page in another tab and drop a
// real socket. The product's `connect(store, { websocket | broadcastChannel })` is what a site would use.

const params = new URLSearchParams(location.search);
/** `?channel=name` isolates a console and its site (the tests use it). */
export const CHANNEL = params.get('channel') || 'cobrowse-demo';
/** `?step=ms` sets the pause between scenario steps (the tests use 0). */
export const STEP_MS = params.has('step') ? Number(params.get('step')) : 900;
/** `?reconnect=ms` sets the socket's first reconnect delay. */
export const RECONNECT_MS = params.has('reconnect') ? Number(params.get('reconnect')) : 300;

export function relayUrl(role) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/demo-relay?channel=${encodeURIComponent(CHANNEL)}&role=${role}`;
}

/**
 * Opens both routes. `onMessage(msg, route)` runs once per message id. `onLink(status)` reports the socket:
 * connecting | open | reconnecting | closed (no relay on this server).
 */
export function openChannel(role, { onMessage, onLink: report = () => {} }) {
  let lastLink;
  const onLink = (link) => {
    if (link !== lastLink) report((lastLink = link));
  };
  const seen = new Set();
  const deliver = (msg, route) => {
    if (!msg || typeof msg !== 'object' || msg.from === role) return;
    if (msg.id) {
      if (seen.has(msg.id)) return;
      seen.add(msg.id);
      if (seen.size > 5000) seen.delete(seen.values().next().value);
    }
    onMessage(msg, route);
  };

  const bc = new BroadcastChannel(CHANNEL);
  bc.addEventListener('message', (event) => deliver(event.data, 'broadcast'));

  let socket;
  let attempts = 0;
  let closed = false;
  let everOpened = false;
  let retry;
  const queue = [];
  const connect = () => {
    onLink(attempts ? 'reconnecting' : 'connecting');
    socket = new WebSocket(relayUrl(role));
    socket.addEventListener('open', () => {
      attempts = 0;
      everOpened = true;
      onLink('open');
      for (const msg of queue.splice(0)) socket.send(JSON.stringify(msg));
    });
    socket.addEventListener('message', (event) => {
      try {
        deliver(JSON.parse(event.data), 'websocket');
      } catch {
        // not ours
      }
    });
    socket.addEventListener('close', () => {
      if (closed) return;
      // A server without the relay refuses the upgrade at once: stop trying after a few attempts.
      if (!everOpened && attempts >= 2) {
        onLink('closed');
        return;
      }
      attempts++;
      onLink('reconnecting');
      retry = setTimeout(connect, Math.min(RECONNECT_MS * 2 ** (attempts - 1), 5000));
    });
  };
  connect();

  return {
    send(msg, route = 'broadcast') {
      const full = { ...msg, from: role };
      if (route === 'websocket') {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(full));
        else queue.push(full);
      } else {
        bc.postMessage(full);
      }
    },
    get socketOpen() {
      return socket.readyState === WebSocket.OPEN;
    },
    close() {
      closed = true;
      clearTimeout(retry);
      bc.close();
      socket.close();
    },
  };
}
