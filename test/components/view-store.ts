// A SessionStore over a view the test sets: the components are tested against the interface, including view
// fields that the real store may not derive yet (peers, control and navigation requests, recording, failures).
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import type { ParseError } from '../../src/model/index.js';
import { EMPTY_VIEW } from '../../src/store/index.js';
import type {
  ActionDetail,
  PendingAction,
  SessionStore,
  SessionView,
  StateListener,
  StoreEvents,
} from '../../src/store/index.js';

export interface ViewStore extends SessionStore {
  /** Replaces the view with `EMPTY_VIEW` + the session ids + `fields`, and notifies once if it changed. */
  set(fields: Partial<SessionView>): void;
  /** Emits 'error' as the real store does on invalid input. */
  fail(error: ParseError): void;
  readonly acted: PendingAction[];
  readonly listenerCount: number;
}

const IDS = { sessionId: 'session-1', communicationId: 'comm-1', participantId: 'me' };

export function viewStore(fields: Partial<SessionView> = {}): ViewStore {
  let view: SessionView = { ...EMPTY_VIEW, ...IDS, ...fields };
  const listeners = new Set<StateListener>();
  const errors = new Set<(e: ParseError) => void>();
  const acted: PendingAction[] = [];
  const commit = (next: SessionView) => {
    if (JSON.stringify(next) === JSON.stringify(view)) return;
    const previous = view;
    view = next;
    for (const listener of [...listeners]) listener(view, previous);
  };
  return {
    acted,
    get listenerCount() {
      return listeners.size;
    },
    set: (f) => commit({ ...EMPTY_VIEW, ...IDS, ...f }),
    fail: (error) => errors.forEach((fn) => fn(error)),
    ingest: () => ({ ok: true, changed: false, warnings: [] }),
    getState: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset: () => commit({ ...EMPTY_VIEW }),
    act(detail: ActionDetail) {
      const pending: PendingAction = { ...detail, id: `a${acted.length}`, since: new Date().toISOString() };
      acted.push(pending);
      commit({ ...view, pending, failed: undefined });
      return pending;
    },
    settle(id, ok, error) {
      if (view.pending?.id !== id) return;
      commit(
        ok ? { ...view, pending: undefined } : { ...view, pending: undefined, failed: { ...view.pending, error } },
      );
    },
    setLink: (link) => commit({ ...view, link }),
    on<K extends keyof StoreEvents>(type: K, listener: (payload: StoreEvents[K]) => void) {
      if (type !== 'error') return () => undefined;
      const fn = listener as (e: ParseError) => void;
      errors.add(fn);
      return () => errors.delete(fn);
    },
  };
}

const peer = (id: string, name: string, controlling = false) => ({
  id,
  name,
  purpose: 'agent',
  role: 'viewer',
  connection: 'connected' as const,
  controlling,
});
export const ANA = peer('p-ana', 'Ana');
export const BEN = peer('p-ben', 'Ben');
export const CY = peer('p-cy', 'Cy');
export const ANA_CONTROLLING = peer('p-ana', 'Ana', true);

/** Shadow-root helpers. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
export const actionsOf = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action'));
export const statusText = (el: Element) =>
  el.shadowRoot!.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
export const updated = async (el: Element) => {
  await (el as Element & { updateComplete: Promise<unknown> }).updateComplete;
};

/**
 * Makes this test page report itself visible or hidden, as switching tabs does (the runner's second page is
 * really hidden, so timing tests pin it). `restoreVisibility` goes back to the browser's own value.
 */
export function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
export const restoreVisibility = () => delete (document as { visibilityState?: string }).visibilityState;

const mounted: HTMLElement[] = [];
/**
 * Like open-wc's `fixture` for a plain wrapper element, without its wait for an animation frame (the runner's
 * hidden second page gets none): renders, then awaits every component's first update.
 */
export async function mount<T extends Element = HTMLDivElement>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  await Promise.all([...container.querySelectorAll('*')].map((el) => (el as Partial<Updatable>).updateComplete));
  return container.firstElementChild as T;
}
afterEach(() => mounted.splice(0).forEach((container) => container.remove()));
type Updatable = { updateComplete: Promise<unknown> };
