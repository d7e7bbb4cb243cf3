export * from './types.js';
export { createSessionStore, EMPTY_VIEW } from './session-store.js';
export type { Scheduler, SessionStoreOptions } from './session-store.js';
export { connectionOf } from './order.js';
export { restorable, withRestoredView } from './restored.js';
export type { RestorableView } from './restored.js';
