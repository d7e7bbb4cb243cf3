// FROZEN REFERENCE (test-only): a verbatim copy of src/store as it was on main before issue 15's speed work
// (commit 4ccc504), with only its imports of the model layer re-pointed. test/store/differential.test.ts runs random
// event sequences through it and through the live store and requires deep-equal views, so the faster store is
// shown to compute the same thing. Do not "fix" or restyle this file: its value is that it does not change. Delete it
// (and the differential test) once the store's semantics move on deliberately (see issue 16).
export * from './types.js';
export { createSessionStore, EMPTY_VIEW } from './session-store.js';
export type { Scheduler, SessionStoreOptions } from './session-store.js';
export { connectionOf } from './order.js';
