export * from './model/index.js';
export * from './store/index.js';
export * from './components/index.js';
// The transports (`connect`, `connectWebSocket`, `connectPostMessage`, `connectBroadcastChannel`): npm users
// join a store to a wire with them (README "Transports").
export * from './transport/index.js';
export { VERSION } from './version.js';
