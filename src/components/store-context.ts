import type { SessionStore } from '../store/index.js';

/*
 * The community Context Protocol (webcomponents-cg/community-protocols, "context"), by hand: about 300 bytes
 * instead of `@lit/context`'s 2,500 that every script-tag customer would download. Same event, same fields, so
 * `@lit/context` consumers and providers on the page interoperate with ours (a test proves both directions).
 * Not kept: `@lit/context`'s `context-provider` re-parenting, which only matters for providers that appear after
 * their consumers subscribed elsewhere.
 */

/** A context key carrying its value type, assignable to `@lit/context`'s `Context`. */
export type Context<Value> = symbol & { __context__: Value };
type Callback = (value: SessionStore | undefined, unsubscribe?: () => void) => void;
interface ContextRequest extends Event {
  context: unknown;
  contextTarget?: Element;
  callback: Callback;
  subscribe?: boolean;
}

/** The store a `<cobrowse-widget>` hands to every component inside it, across shadow roots. */
export const storeContext = Symbol.for('cobrowse-widget.store') as Context<SessionStore | undefined>;

/** Asks the nearest provider above `host` (across shadow roots) for the store; `callback` runs on each change. */
export const requestStore = (host: Element, callback: Callback) =>
  host.dispatchEvent(
    Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: storeContext,
      contextTarget: host,
      callback,
      subscribe: true,
    }),
  );

/** Answers store requests from inside `host` (not its own); returns the setter that updates every subscriber. */
export function provideStore(host: Element): (store: SessionStore) => void {
  let value: SessionStore | undefined;
  const subscribers = new Map<Callback, () => void>();
  host.addEventListener('context-request', (event) => {
    const { context, contextTarget, callback, subscribe } = event as ContextRequest;
    if (context !== storeContext || (contextTarget ?? event.composedPath()[0]) === host) return;
    event.stopPropagation();
    if (subscribe && !subscribers.has(callback)) subscribers.set(callback, () => subscribers.delete(callback));
    callback(value, subscribers.get(callback));
  });
  return (store) => {
    if (store === value) return;
    value = store;
    for (const [callback, unsubscribe] of subscribers) callback(store, unsubscribe);
  };
}
