/**
 * The script-tag entry: `dist/cobrowse-widget.min.js`. Registers the tags, replaces the loader stub
 * `window.CobrowseWidget` with the real API, applies its own `<script>` tag's data attributes, then replays the
 * calls queued on the stub, in order, exactly once.
 *
 * A second copy on the page never gets this far: the build puts a guard in front of the bundle (see
 * rollup.config.mjs) that returns before Lit is evaluated, so the second copy neither defines tags nor creates a
 * second 'lit-html' Trusted Types policy. This module is built into that file only (no npm entry imports it).
 */
import { defineAll } from './define-all.js';
import { getDefaultStore, registerLocale } from './components/index.js';
import type { CobrowseWidget } from './components/index.js';
import type { IngestResult, SessionStore, StateListener } from './store/index.js';
import { connectPostMessage, connectWebSocket } from './transport/index.js';
import type { ConnectOptions, Connection } from './transport/index.js';
import { VERSION } from './version.js';

/** Where and how `mount` shows the floating widget. Every field maps to an attribute of `<cobrowse-widget>`. */
export interface MountOptions {
  /** `bottom-end` (default), `bottom-start`, `top-end` or `top-start` (logical: they follow `dir`). */
  position?: string;
  /** `light`, `dark` or `auto`. */
  theme?: string;
  /** A BCP 47 language tag; defaults to the document's. */
  lang?: string;
  /** Hide the widget while there is no session. */
  hideWhenIdle?: boolean;
  /** The element (or a CSS selector for it) to mount into; defaults to `document.body`. */
  container?: Element | string;
}

export interface CobrowseWidgetApi {
  (method: string, ...args: unknown[]): unknown;
  ingest(payload: unknown): IngestResult;
  subscribe(listener: StateListener): () => void;
  mount(options?: MountOptions): CobrowseWidget;
  unmount(): void;
  reset(): void;
  /**
   * Feeds the store from a WebSocket or postMessage (BroadcastChannel: npm build only, see README "Transports"); a
   * second call replaces the first link.
   */
  connect(options: ConnectOptions): Connection;
  /** Adds or replaces a locale's strings (the `dist/locales/<lang>.min.js` files call this). */
  registerLocale: typeof registerLocale;
  readonly store: SessionStore;
  readonly version: string;
}

declare global {
  interface Window {
    CobrowseWidget?: CobrowseWidgetApi | ((...args: unknown[]) => void);
  }
}

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };

let mounted: CobrowseWidget | undefined;

function mount(options: MountOptions = {}): CobrowseWidget {
  const el = (mounted ??= document.createElement('cobrowse-widget'));
  const attrs: Record<string, string | boolean | undefined> = {
    position: options.position,
    theme: options.theme,
    lang: options.lang,
    'hide-when-idle': options.hideWhenIdle,
  };
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'boolean') el.toggleAttribute(name, value);
    else if (value) el.setAttribute(name, value);
  }
  const place = () => {
    const { container } = options;
    const parent = typeof container === 'string' ? document.querySelector(container) : (container ?? document.body);
    if (!parent) return false;
    // Only when it moves: re-appending would disconnect it, and so reset its state, for nothing.
    if (el.parentNode !== parent) parent.append(el);
    return true;
  };
  // An async script in <head> can run before <body> (or the container) exists: try again once the DOM is parsed.
  if (!place()) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place, { once: true });
    else console.warn(`[cobrowse-widget] mount: no element matches ${String(options.container)}`);
  }
  return el;
}

let link: Connection | undefined;

function createApi(store: SessionStore): CobrowseWidgetApi {
  // The store's own methods: they close over the store and never read `this` (createSessionStore).
  const { ingest, subscribe, reset } = store;
  const methods: Record<string, (...args: never[]) => unknown> = {
    ingest,
    subscribe,
    mount,
    unmount: () => {
      mounted?.remove();
      mounted = undefined;
    },
    reset,
    // WebSocket and postMessage only: BroadcastChannel (same-origin tabs, an app's own plumbing) stays in the npm
    // build, `connect` from 'cobrowse-widget', which saves the script-tag file ~140 bytes gzip.
    connect: (options: ConnectOptions) => {
      const ws = 'websocket' in options;
      if (!ws && !('postMessage' in options)) {
        throw new TypeError(
          `[cobrowse-widget] connect takes websocket or postMessage here; broadcastChannel needs the npm build`,
        );
      }
      link?.close();
      return (link = ws ? connectWebSocket(store, options.websocket) : connectPostMessage(store, options.postMessage));
    },
    registerLocale,
  };
  const api = ((method: string, ...args: unknown[]) => {
    const fn = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!fn) {
      console.warn(`[cobrowse-widget] unknown method ${JSON.stringify(method)}`);
      return undefined;
    }
    return (fn as (...a: unknown[]) => unknown)(...args);
  }) as CobrowseWidgetApi;
  Object.assign(api, methods);
  Object.defineProperties(api, {
    store: { value: store, enumerable: true },
    version: { value: VERSION, enumerable: true },
  });
  return api;
}

function install(script: HTMLOrSVGScriptElement | null): void {
  // The loader stub, if any: never an installed API, since the build's guard returns before this module runs then.
  const existing = window.CobrowseWidget as Stub | undefined;
  defineAll();
  const api = createApi(getDefaultStore());
  window.CobrowseWidget = api;
  // The script tag's data attributes (the kebab-case of the `MountOptions` fields) set the defaults; calls the page
  // queued are explicit, so they run after and win. `data-mount` alone mounts with defaults; an empty or absent
  // attribute leaves its field undefined, which `mount` reads as "not set".
  const data = (script as HTMLElement | null)?.dataset ?? {};
  const { mount: at, hideWhenIdle, websocket } = data;
  if (at !== undefined) {
    // The data attributes as they are (`mount` reads `position`, `theme` and `lang`, and ignores the others),
    // with the two that need reading.
    const options: MountOptions = {
      ...data,
      hideWhenIdle: hideWhenIdle === undefined ? undefined : hideWhenIdle !== 'false',
      // `data-mount="#selector"` names the container.
      container: at || undefined,
    };
    mount(options);
  }
  if (websocket) {
    // A refused URL (not wss:, or ws: off localhost) must not stop the queued calls from replaying.
    try {
      api.connect({ websocket });
    } catch (error) {
      console.warn('[cobrowse-widget]', error);
    }
  }
  // Take the queue off the stub before replaying, so that nothing can replay it a second time.
  const queue = Array.from(existing?.q ?? []);
  if (existing) existing.q = [];
  for (const call of queue) api(...(Array.from(call) as [string, ...unknown[]]));
}

// `currentScript` is this file's tag while it runs, async or not; the selector is for the odd loader that
// evaluates the file some other way.
install(document.currentScript ?? document.querySelector('script[src*="cobrowse-widget"]'));
