export * from './model/index.js';
export * from './store/index.js';
export * from './components/index.js';
// The transports: npm users join a store to a wire with `connect` (README "Transports"). The transport's
// `Connection` (the link handle) is `TransportConnection` here, since the store's `Connection` is the session state.
export { connect, connectBroadcastChannel, connectPostMessage, connectWebSocket } from './transport/index.js';
export type {
  ActionOptions,
  BroadcastChannelOptions,
  ConnectOptions,
  Connection as TransportConnection,
  PostMessageOptions,
  StatusListener,
  WebSocketOptions,
} from './transport/index.js';
export { VERSION } from './version.js';
