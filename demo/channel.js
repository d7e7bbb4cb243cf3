// What the demo pages share besides the product: their query parameters, the relay's URL, and the inspection
// channel.
//
// The session itself (payloads in, actions out, acks back, the resync after a drop) travels over the PRODUCT's
// transport: the customer site calls `CobrowseWidget.connect({ websocket })` to the relay that `npm start` runs at
// /demo-relay (scripts/demo-server.mjs), which plays the backend. What stays demo plumbing is inspection only: the
// console asks the site, over a BroadcastChannel, to reset, to switch attributes, and for the view it derived from
// each payload (the product has no reason to send that back to a backend).

const params = new URLSearchParams(location.search);
/** `?channel=name` isolates a console and its site (the tests use it). */
export const CHANNEL = params.get('channel') || 'cobrowse-demo';
/** `?step=ms` sets the pause between scenario steps (the tests use 0). */
export const STEP_MS = params.has('step') ? Number(params.get('step')) : 900;
/** `?reconnect=ms` sets the site socket's `minDelayMs` (the product's first reconnect delay); default the product's. */
export const RECONNECT_MS = params.has('reconnect') ? Number(params.get('reconnect')) : undefined;
/** `?outage=ms`: how long the relay refuses the site's reconnects after it drops the socket. */
export const OUTAGE_MS = params.has('outage') ? Number(params.get('outage')) : 2500;

export function relayUrl(role) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/demo-relay?channel=${encodeURIComponent(CHANNEL)}&role=${role}`;
}

/**
 * The inspection channel between the console and its customer pages (same origin, any tab or frame).
 * `onMessage(msg)` hears the other role's messages; `send(msg)` tags them with ours.
 */
export function inspector(role, onMessage) {
  const bc = new BroadcastChannel(`${CHANNEL}:inspect`);
  bc.addEventListener('message', ({ data }) => {
    if (data && typeof data === 'object' && data.from !== role) onMessage(data);
  });
  return {
    send: (msg) => bc.postMessage({ ...msg, from: role }),
    close: () => bc.close(),
  };
}

/**
 * What the transport hands `store.ingest` for `payload` sent through the relay, as one string: a string payload is
 * sent verbatim and parsed by the transport when it is JSON. Both ends use it to match an ingest to its payload.
 */
export function ingestKey(payload) {
  let value = payload;
  if (typeof payload === 'string') {
    try {
      value = JSON.parse(payload);
    } catch {
      return payload;
    }
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
