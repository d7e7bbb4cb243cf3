import type { SessionStore, SessionView, StateListener } from './types.js';

/** What a restored view may hold: the session as it was shown, never pending prompts, actions or raw payloads. */
export type RestorableView = Pick<
  SessionView,
  | 'connection'
  | 'kind'
  | 'role'
  | 'sessionId'
  | 'communicationId'
  | 'participantId'
  | 'conversationId'
  | 'peerCount'
  | 'peers'
  | 'connectedSince'
  | 'screenRecordingState'
> & { controlledBy: SessionView['control']['controlledBy'] };

/** The restorable part of a view. */
export function restorable(view: SessionView): RestorableView {
  const { connection, kind, role, sessionId, communicationId, participantId, conversationId, peerCount, peers } = view;
  return {
    connection,
    kind,
    role,
    sessionId,
    communicationId,
    participantId,
    conversationId,
    peerCount,
    peers,
    connectedSince: view.connectedSince,
    screenRecordingState: view.screenRecordingState,
    controlledBy: view.control.controlledBy,
  };
}

/**
 * `store`, showing `restored` (the session as the previous page of this tab showed it, marked `reconnecting`) until
 * the store has a session of its own to show, or until `expiresAt` (epoch ms), whichever comes first. Then it is
 * the store itself: the restored view never mixes with real state. Everything but `getState` and `subscribe` is
 * the store's own (an action taken on the restored view, such as Stop sharing, goes out as usual).
 */
export function withRestoredView(store: SessionStore, restored: RestorableView, expiresAt: number): SessionStore {
  const base = store.getState();
  const { controlledBy, ...rest } = restored;
  let overlay: SessionView | undefined = {
    ...base,
    ...rest,
    control: { ...base.control, controlledBy },
    link: 'reconnecting',
  };
  const listeners = new Set<StateListener>();

  const notify = (view: SessionView, previous: SessionView) => {
    for (const listener of [...listeners]) listener(view, previous);
  };
  const end = () => {
    if (!overlay) return;
    const previous = overlay;
    overlay = undefined;
    clearTimeout(timer);
    notify(store.getState(), previous);
  };
  const timer = setTimeout(end, Math.max(0, expiresAt - Date.now()));
  store.subscribe((view, previous) => {
    // The real state has come (or the session has ended): it replaces the restored one.
    if (overlay) {
      if (view.connection !== 'idle') end();
    } else notify(view, previous);
  });

  return {
    ...store,
    getState: () => overlay ?? store.getState(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      end();
      store.reset();
    },
  };
}
