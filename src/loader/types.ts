import type { ParseError } from '../model/types.js';
import type { IngestResult, SessionStore, StateListener } from '../store/types.js';
import type { Outbox } from '../transport/outbox.js';
import type { ActionOptions, ConnectOptions, Connection } from '../transport/types.js';

/** Where and how `mount` shows the floating widget. Every field maps to an attribute of `<cobrowse-widget>`. */
export interface MountOptions {
  /** `bottom-end` (default), `bottom-start`, `top-end` or `top-start` (logical: they follow `dir`). */
  position?: string;
  /** `light`, `dark` or `auto`. */
  theme?: string;
  /** A BCP 47 language tag; defaults to the document's. */
  lang?: string;
  /**
   * Hide the widget while there is no session: the default (unset). `false` (`data-hide-when-idle="false"`) shows
   * the idle card; `true` (the attribute present with any other value) hides it.
   */
  hideWhenIdle?: boolean | string;
  /** The element (or a CSS selector for it) to mount into; defaults to `document.body`. */
  container?: Element | string;
}

/**
 * What `ingest` answers while the session UI is still loading (or was never needed): the payload is kept, in
 * arrival order, and `result` settles with the model's answer once the UI has run it.
 */
export interface QueuedIngest {
  ok: true;
  queued: true;
  changed: false;
  warnings: [];
  result: Promise<IngestResult>;
}

/**
 * `detail` of a `cobrowse-error` the core fires itself (the model's own errors have no `code`). Its `issues` is empty:
 * no input is at fault, so there is no path to name.
 */
export interface LoaderError extends ParseError {
  /** `load-failed`: the session UI did not load; `buffer-full`: too many payloads waited for it. */
  code: 'load-failed' | 'buffer-full';
}

/** The strings table of one locale, as `dist/locales/<lang>.min.js` registers it. */
export type LocaleStrings = Record<string, string>;

/** The page's `window.CobrowseWidget`, from the moment the core has run. Its identity never changes. */
export interface CobrowseWidgetApi {
  (method: string, ...args: unknown[]): unknown;
  /** The model's answer once the session UI is there; before, `QueuedIngest` (or, for a heartbeat, `ok`). */
  ingest(payload: unknown): IngestResult | QueuedIngest;
  /** Listeners added before the UI is there hear the real store's first change and every one after. */
  subscribe(listener: StateListener): () => void;
  /**
   * Shows one floating `<cobrowse-widget>`; calling it again updates and moves that one. The element is returned at
   * once and placed, configured and upgraded when the session UI is there (before, it could show nothing).
   */
  mount(options?: MountOptions): HTMLElement;
  unmount(): void;
  reset(): void;
  /** Feeds the page's store from a WebSocket, postMessage or BroadcastChannel; a second call replaces the first. */
  connect(options: ConnectOptions): Connection;
  /** Adds or replaces a locale's strings (the `dist/locales/<lang>.min.js` files call this). */
  registerLocale(lang: string, table: LocaleStrings): void;
  /** Loads the session UI now (what `data-load="eager"` does); the promise is `ready`. */
  load(): Promise<CobrowseWidgetApi>;
  /** Resolves with this API once the session UI is installed (`store` set, tags defined). Never rejects. */
  readonly ready: Promise<CobrowseWidgetApi>;
  /** The page's store: `undefined` until `ready`. */
  readonly store: SessionStore | undefined;
  readonly version: string;
  /** Where the session UI file hands itself over (internal: the core and the UI file of one build). */
  readonly [ATTACH]: (ui: SessionUi) => void;
}

/** What the session UI file hands the core when it arrives. */
export interface SessionUi {
  version: string;
  /**
   * Sets the page up and returns its store (the one every component without a store of its own renders), with the
   * previous page's session restored when this tab has a snapshot of it. Called once, first. `snapshotTtl` is the
   * script tag's `data-snapshot-ttl` as written (seconds; absent or empty: the default).
   */
  start(options: { snapshotTtl?: string }): SessionStore;
  defineAll(): void;
  registerLocale(lang: string, table: LocaleStrings): void;
  /** Places the widget `mount` made (and keeps it there while a session is shown), with its options. */
  mount(element: HTMLElement, options: MountOptions): void;
  unmount(): void;
  /** The outbox of one of the core's links (src/transport/outbox.ts): the core carries none of its own. */
  createOutbox(store: SessionStore, send: (message: object) => boolean, settings: ActionOptions): Outbox;
}

/** The key under which the core waits for the session UI: the UI file calls `window.CobrowseWidget[ATTACH](ui)`. */
export const ATTACH: unique symbol = Symbol.for('cobrowse-widget.attach');

/** Where the session UI keeps the tab's snapshot of a session (src/snapshot.ts): the core loads the UI at once when
 * it finds one. */
export const SNAPSHOT_KEY = 'cobrowse-widget:session';
