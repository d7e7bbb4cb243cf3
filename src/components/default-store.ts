import { createSessionStore } from '../store/index.js';
import type { SessionStore } from '../store/index.js';

let pageStore: SessionStore | undefined;

/** The page's default store, shared by every component that has no store of its own. Created on first use. */
export function getDefaultStore(): SessionStore {
  pageStore ??= createSessionStore();
  return pageStore;
}
