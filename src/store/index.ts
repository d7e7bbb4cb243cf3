export * from './types.js';
export { createSessionStore, connectionOf, EMPTY_VIEW } from './session-store.js';
export type { SessionStoreOptions } from './session-store.js';
