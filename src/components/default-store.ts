import { createSessionStore } from '../store/index.js';
import type { SessionStore } from '../store/index.js';

let pageStore: SessionStore | undefined;

/** The page's default store, shared by every component that has no store of its own. Created on first use. */
export function getDefaultStore(): SessionStore {
  pageStore ??= createSessionStore();
  return pageStore;
}

/**
 * Makes `store` the page's default store. The script-tag build does, before any element renders, to put the
 * previous page's restored view on top of the store (src/snapshot.ts).
 */
export function setDefaultStore(store: SessionStore): void {
  pageStore = store;
}
