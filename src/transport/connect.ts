import type { LinkStatus } from '../store/index.js';
import { broadcastWire } from './broadcast.js';
import { createOutbox } from './outbox.js';
import { postMessageWire } from './post-message.js';
import type {
  ActionOptions,
  BroadcastChannelOptions,
  ConnectOptions,
  Connection,
  PostMessageOptions,
  StatusListener,
  TransportStore,
  WebSocketOptions,
} from './types.js';
import type { Wire, WireHooks } from './wire.js';
import { websocketWire } from './websocket.js';

/**
 * Connects `store` to one transport: every message received goes to `store.ingest` (the model validates it),
 * except action acks, which settle the action; every action the store emits goes out once; the link status is
 * mirrored to `store.setLink` so the widget can show it. Throws a TypeError on a refused URL or origin list.
 */
export function connect(store: TransportStore, options: ConnectOptions): Connection {
  if ('websocket' in options) return connectWebSocket(store, options.websocket);
  if ('postMessage' in options) return connectPostMessage(store, options.postMessage);
  if ('broadcastChannel' in options) return connectBroadcastChannel(store, options.broadcastChannel);
  throw new TypeError('[cobrowse-widget] connect needs websocket, postMessage or broadcastChannel');
}

/** `connect` for a WebSocket only: what the script tag's `data-websocket` needs, without the other two. */
export function connectWebSocket(store: TransportStore, options: string | WebSocketOptions): Connection {
  const o = typeof options === 'string' ? { url: options } : options;
  return connectWire(store, (hooks) => websocketWire(o, hooks), o);
}

export function connectPostMessage(store: TransportStore, options: PostMessageOptions): Connection {
  return connectWire(store, (hooks) => postMessageWire(options, hooks), options);
}

export function connectBroadcastChannel(store: TransportStore, options: string | BroadcastChannelOptions): Connection {
  const o = typeof options === 'string' ? { name: options } : options;
  return connectWire(store, (hooks) => broadcastWire(o.name, hooks), o);
}

function connectWire(store: TransportStore, make: (hooks: WireHooks) => Wire, settings: ActionOptions): Connection {
  const { resync = { type: 'cobrowse.resync' } } = settings;
  const listeners = new Set<StatusListener>();
  let status: LinkStatus = 'connecting';

  const setStatus = (next: LinkStatus) => {
    if (next === status) return;
    status = next;
    store.setLink(next);
    if (next === 'open') {
      if (resync) wire.send(resync);
      outbox.flush();
    }
    for (const listener of [...listeners]) listener(next);
  };

  const receive = (data: unknown) => {
    let message = data;
    if (typeof data === 'string') {
      try {
        message = JSON.parse(data);
      } catch {
        // not JSON: the model says so, as for any invalid input
      }
    }
    const rest = [message].flat().filter((item) => !outbox.ack(item));
    if (rest.length) store.ingest(Array.isArray(message) ? rest : message);
  };

  const wire = make({ receive, status: setStatus });
  const outbox = createOutbox(store, (message) => wire.send(message), settings);
  store.setLink(status);
  wire.start();

  return {
    get status() {
      return status;
    },
    send: (message) => wire.send(message),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (status === 'closed') return;
      wire.close();
      outbox.close();
      setStatus('closed');
      listeners.clear();
    },
  };
}
