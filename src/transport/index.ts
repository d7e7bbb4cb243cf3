export { connect, connectBroadcastChannel, connectPostMessage, connectWebSocket } from './connect.js';
export type {
  ActionOptions,
  BroadcastChannelOptions,
  ConnectOptions,
  Connection,
  PostMessageOptions,
  StatusListener,
  WebSocketOptions,
} from './types.js';
