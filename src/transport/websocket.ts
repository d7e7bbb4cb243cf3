import { allowedUrl } from '../model/values.js';
import { backoffDelay } from './backoff.js';
import type { WebSocketOptions } from './types.js';
import type { Wire, WireHooks } from './wire.js';

/** The URL, or a TypeError: `wss:` anywhere, `ws:` only on loopback (a page must not talk plain text to the net). */
export function checkSocketUrl(raw: string): string {
  const href = allowedUrl(raw, 'wss:', 'ws:');
  if (href) return href;
  throw new TypeError(`[cobrowse-widget] refused ${raw}: wss: only (ws: on localhost)`);
}

/**
 * A WebSocket that comes back: a connect timeout and an idle timeout drop it, and every drop schedules a new
 * socket after a jittered, exponentially growing delay, until `close()`.
 */
export function websocketWire(options: WebSocketOptions, hooks: WireHooks): Wire {
  const o = {
    minDelayMs: 500,
    maxDelayMs: 30_000,
    factor: 2,
    connectTimeoutMs: 10_000,
    idleTimeoutMs: 65_000,
    ...options,
  };
  const url = checkSocketUrl(o.url);
  let socket: WebSocket | undefined;
  let attempt = 0;
  // One timer at a time: the connect timeout, then the idle timeout, or (once dropped) the reconnect delay.
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = ms > 0 ? setTimeout(drop, ms) : undefined;
  };

  // The status is `connecting` before the first socket and `reconnecting` from a drop until `open`.
  const open = () => {
    const ws = (socket = new WebSocket(url, o.protocols));
    arm(o.connectTimeoutMs);
    ws.onopen = () => {
      arm(o.idleTimeoutMs);
      hooks.status('open');
    };
    ws.onmessage = (event) => {
      // The backoff resets on traffic, not on open: a server that accepts and hangs up at once stays backed off.
      attempt = 0;
      arm(o.idleTimeoutMs);
      hooks.receive(event.data);
    };
    ws.onclose = drop;
  };

  const stop = () => {
    clearTimeout(timer);
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    socket.close();
    socket = undefined;
  };

  // The browser knows first: `offline` drops a socket that would otherwise look open until the idle timeout,
  // `online` cuts a pending backoff short.
  const onNetwork = (event: Event) => {
    if (event.type === 'offline') {
      if (socket) drop();
    } else if (!socket) {
      clearTimeout(timer);
      open();
    }
  };

  function drop() {
    stop();
    hooks.status('reconnecting');
    timer = setTimeout(open, backoffDelay(attempt++, o));
  }

  return {
    start() {
      addEventListener('online', onNetwork);
      addEventListener('offline', onNetwork);
      open();
    },
    // readyState 1 is WebSocket.OPEN.
    send: (message) => socket?.readyState === 1 && (socket.send(JSON.stringify(message)), true),
    close() {
      removeEventListener('online', onNetwork);
      removeEventListener('offline', onNetwork);
      stop();
    },
  };
}
