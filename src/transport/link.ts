import type { LinkStatus } from '../store/index.js';
import { broadcastWire } from './broadcast.js';
import type { Outbox } from './outbox.js';
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
 * Makes a link's outbox, given the wire's `send`. The npm `connect` passes `createOutbox` (src/transport/outbox.ts);
 * the script-tag core passes its own, which takes the session UI's outbox when the UI attaches, so the core file
 * does not carry one (before the UI, the only action is the fallback notice's Stop sharing).
 */
export type OutboxFactory = (send: (message: object) => boolean, settings: ActionOptions) => Outbox;

/** What a link needs of its store; the actions are the outbox's. */
export type LinkStore = Pick<TransportStore, 'ingest' | 'setLink'>;

/** `connect`, with the outbox it makes for the link (src/transport/connect.ts has the public contract). */
export function link(store: LinkStore, options: ConnectOptions, outboxFor: OutboxFactory): Connection {
  if ('websocket' in options) return linkWebSocket(store, options.websocket, outboxFor);
  if ('postMessage' in options) return linkPostMessage(store, options.postMessage, outboxFor);
  if ('broadcastChannel' in options) return linkBroadcastChannel(store, options.broadcastChannel, outboxFor);
  throw new TypeError('[cobrowse-widget] connect needs websocket, postMessage or broadcastChannel');
}

// One function per transport, so that a bundle using one carries only that one.
export function linkWebSocket(
  store: LinkStore,
  options: string | WebSocketOptions,
  outboxFor: OutboxFactory,
): Connection {
  const o = typeof options === 'string' ? { url: options } : options;
  return connectWire(store, (hooks) => websocketWire(o, hooks), o, outboxFor);
}

export function linkPostMessage(store: LinkStore, options: PostMessageOptions, outboxFor: OutboxFactory): Connection {
  return connectWire(store, (hooks) => postMessageWire(options, hooks), options, outboxFor);
}

export function linkBroadcastChannel(
  store: LinkStore,
  options: string | BroadcastChannelOptions,
  outboxFor: OutboxFactory,
): Connection {
  const o = typeof options === 'string' ? { name: options } : options;
  return connectWire(store, (hooks) => broadcastWire(o.name, hooks), o, outboxFor);
}

function connectWire(
  store: LinkStore,
  make: (hooks: WireHooks) => Wire,
  settings: ActionOptions,
  outboxFor: OutboxFactory,
): Connection {
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

  // The wire first: a refused URL or origin list throws before any outbox is made.
  const wire = make({ receive, status: setStatus });
  const outbox = outboxFor((message) => wire.send(message), settings);
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
