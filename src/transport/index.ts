export { connect, connectBroadcastChannel, connectPostMessage, connectWebSocket } from './connect.js';
export type * from './types.js';
