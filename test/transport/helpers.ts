import { createSessionStore } from '../../src/store/index.js';
import type { SessionStore, SessionView } from '../../src/store/index.js';

// Captured before any test installs fake timers: waiting on real sockets needs real time.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

export const sleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

/** Polls `condition` on real timers (works while sinon fakes setTimeout); throws `message` after `timeout` ms. */
export async function until(condition: () => unknown, message = 'condition', timeout = 5000): Promise<void> {
  const end = performance.now() + timeout;
  while (!(await condition())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${message}`);
    await sleep(10);
  }
}

/** A real store whose `ingest` calls and live `on` / `subscribe` registrations the test can count. */
export function countingStore(): { store: SessionStore; ingested: unknown[]; listeners: () => number } {
  const store = createSessionStore();
  const ingested: unknown[] = [];
  let active = 0;
  const { ingest, on, subscribe } = store;
  const track = (off: () => unknown) => {
    active++;
    let done = false;
    return () => {
      if (!done) active--;
      done = true;
      off();
    };
  };
  store.ingest = (input) => {
    ingested.push(input);
    return ingest(input);
  };
  store.on = (type, listener) => track(on(type, listener));
  store.subscribe = (listener) => track(subscribe(listener));
  return { store, ingested, listeners: () => active };
}

/** The failure the store shows for an action (`failed`, or a `pending` carrying an error). */
export function failureOf(store: SessionStore, id: string): string | undefined {
  const { failed, pending } = store.getState();
  return [failed, pending].find((action) => action?.id === id && action.error)?.error;
}

export const ACTION = { action: 'end', sessionId: 'session-1', communicationId: 'comm-1' } as const;

/** Everything in a view but the transport's own fields, for comparing what two stores derived. */
export function sessionOf(store: SessionStore): Partial<SessionView> {
  const view: Partial<SessionView> = { ...store.getState() };
  delete view.link;
  delete view.pending;
  delete view.failed;
  return view;
}
