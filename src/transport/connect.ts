import { link, linkBroadcastChannel, linkPostMessage, linkWebSocket } from './link.js';
import type { OutboxFactory } from './link.js';
import { createOutbox } from './outbox.js';
import type {
  BroadcastChannelOptions,
  ConnectOptions,
  Connection,
  PostMessageOptions,
  TransportStore,
  WebSocketOptions,
} from './types.js';

/** The npm links' outbox: the store's own actions, settled on that store. */
const outboxOf =
  (store: TransportStore): OutboxFactory =>
  (send, settings) =>
    createOutbox(store, send, settings);

/**
 * Connects `store` to one transport: every message received goes to `store.ingest` (the model validates it),
 * except action acks, which settle the action; every action the store emits goes out once; the link status is
 * mirrored to `store.setLink` so the widget can show it. Throws a TypeError on a refused URL or origin list.
 */
export function connect(store: TransportStore, options: ConnectOptions): Connection {
  return link(store, options, outboxOf(store));
}

/** `connect` for a WebSocket only. */
export function connectWebSocket(store: TransportStore, options: string | WebSocketOptions): Connection {
  return linkWebSocket(store, options, outboxOf(store));
}

export function connectPostMessage(store: TransportStore, options: PostMessageOptions): Connection {
  return linkPostMessage(store, options, outboxOf(store));
}

export function connectBroadcastChannel(store: TransportStore, options: string | BroadcastChannelOptions): Connection {
  return linkBroadcastChannel(store, options, outboxOf(store));
}
