// FROZEN REFERENCE (test-only): a verbatim copy of src/store as it was before issue 15's speed work, with issue
// 16's semantics (who is shown, "me") in (branch `store`, commit c87c7cf), with only its imports of the model layer
// re-pointed. test/store/differential.test.ts runs random event sequences through it and through the live store and
// requires deep-equal views, so the faster store is shown to compute the same thing. Do not "fix" or restyle this
// file: its value is that it does not change. Replace it (and say so) only when the store's semantics move on
// deliberately.
export * from './types.js';
export { createSessionStore, EMPTY_VIEW } from './session-store.js';
export type { Scheduler, SessionStoreOptions } from './session-store.js';
export { connectionOf } from './order.js';
