/**
 * Continuity across page loads of one site (issue 14): while a session is on, the tab keeps a small snapshot of
 * what the widget shows (the derived view's restorable part: never payloads, tokens or prompts) in
 * `sessionStorage`, which is per tab and per origin. The next page of the site restores it at once, marked
 * reconnecting, until its transport delivers the real state. A snapshot past its time-to-live, of a session that
 * ended, or that fails validation is discarded; when the session ends it is removed.
 */
import { SNAPSHOT_KEY } from './loader/types.js';
import { restorable, withRestoredView } from './store/index.js';
import type { RestorableView, SessionStore, SessionView } from './store/index.js';

interface Snapshot {
  /** Epoch ms after which the snapshot is worth nothing. */
  expiresAt: number;
  view: RestorableView;
}

/** A session worth carrying to the next page: on (or on hold). Offers and ended sessions are not restored. */
const isOn = (view: SessionView) => view.connection === 'connected' || view.connection === 'held';

const isString = (value: unknown) => typeof value === 'string';
const optional = (value: unknown, test: (value: unknown) => boolean) => value === undefined || test(value);

/** The snapshot, if it is one this build wrote and still in time; anything else is removed. */
function read(storage: Storage, now: number): Snapshot | undefined {
  let snapshot: Snapshot | undefined;
  try {
    snapshot = JSON.parse(storage.getItem(SNAPSHOT_KEY) ?? 'null') as Snapshot | undefined;
  } catch {
    snapshot = undefined;
  }
  const view = snapshot?.view;
  const valid =
    !!view &&
    Number.isFinite(snapshot!.expiresAt) &&
    snapshot!.expiresAt > now &&
    (view.connection === 'connected' || view.connection === 'held') &&
    [view.kind, view.role, view.sessionId, view.communicationId, view.participantId, view.conversationId].every(
      (field) => optional(field, isString),
    ) &&
    Number.isInteger(view.peerCount) &&
    Array.isArray(view.peers) &&
    view.peers.every((peer) => isString(peer?.id)) &&
    Array.isArray(view.controlledBy) &&
    optional(view.connectedSince, isString);
  if (valid) return snapshot;
  storage.removeItem(SNAPSHOT_KEY);
  return undefined;
}

/** `sessionStorage`, or undefined where the page may not use it (a sandboxed frame, storage turned off). */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The page's store with continuity: the restored view on top of `store` when this tab has a snapshot, and a new
 * snapshot written whenever the page is hidden or left (`pagehide`, `visibilitychange`) while a session is on.
 * `ttlMs` 0 turns it off (and removes any snapshot).
 */
export function withContinuity(store: SessionStore, ttlMs: number): SessionStore {
  const storage = tabStorage();
  if (!storage) return store;
  if (ttlMs <= 0) {
    storage.removeItem(SNAPSHOT_KEY);
    return store;
  }
  const snapshot = read(storage, Date.now());
  const page = snapshot ? withRestoredView(store, snapshot.view, snapshot.expiresAt) : store;

  const save = () => {
    const view = store.getState();
    // While the restored view still stands in, the snapshot that made it stays as it is.
    if (page.getState() !== view) return;
    if (isOn(view)) {
      const next: Snapshot = { expiresAt: Date.now() + ttlMs, view: restorable(view) };
      storage.setItem(SNAPSHOT_KEY, JSON.stringify(next));
    } else storage.removeItem(SNAPSHOT_KEY);
  };
  addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && save());
  // The session ended: nothing to carry over, even if the page is never hidden.
  page.subscribe((view) => {
    if (view === store.getState() && !isOn(view) && view.connection !== 'idle') storage.removeItem(SNAPSHOT_KEY);
  });
  return page;
}
