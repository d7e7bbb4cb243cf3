/**
 * The script-tag entry: `dist/cobrowse-widget.min.js`. Registers the tags, replaces the loader stub
 * `window.CobrowseWidget` with the real API, and replays the calls queued on the stub, in order.
 */
import { defineAll } from './define.js';
import { getDefaultStore } from './components/index.js';
import type { IngestResult, SessionStore, StateListener } from './store/index.js';
import { VERSION } from './version.js';

type Method = 'ingest' | 'subscribe' | 'reset';

export interface CobrowseWidgetApi {
  (method: Method, ...args: unknown[]): unknown;
  ingest(payload: unknown): IngestResult;
  subscribe(listener: StateListener): () => void;
  reset(): void;
  readonly store: SessionStore;
  readonly version: string;
  /** Calls queued on the loader stub (empty once replayed). */
  q?: unknown[][];
}

declare global {
  interface Window {
    CobrowseWidget?: CobrowseWidgetApi | ((...args: unknown[]) => void);
  }
}

function createApi(store: SessionStore): CobrowseWidgetApi {
  const methods = {
    ingest: (payload: unknown) => store.ingest(payload),
    subscribe: (listener: StateListener) => store.subscribe(listener),
    reset: () => store.reset(),
  };
  const api = ((method: Method, ...args: unknown[]) => {
    const fn = methods[method] as ((...a: unknown[]) => unknown) | undefined;
    if (!fn) {
      console.warn(`[cobrowse-widget] unknown method ${JSON.stringify(method)}`);
      return undefined;
    }
    return fn(...args);
  }) as CobrowseWidgetApi;
  Object.assign(api, methods);
  Object.defineProperties(api, {
    store: { value: store, enumerable: true },
    version: { value: VERSION, enumerable: true },
  });
  return api;
}

function install(): void {
  defineAll();
  const existing = window.CobrowseWidget as { q?: unknown[][]; version?: string } | undefined;
  if (existing?.version) return; // a real API is installed already: keep the first
  const queue = existing?.q ?? [];
  const api = createApi(getDefaultStore());
  window.CobrowseWidget = api;
  for (const call of queue.splice(0)) {
    api(...(call as [Method, ...unknown[]]));
  }
}

install();
