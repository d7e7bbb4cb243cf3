/**
 * The always-on core behind `window.CobrowseWidget`: the API, the transports, `mount`, and the wait for the session
 * UI. No Lit and no zod: it runs on every page view, and almost none has a session.
 *
 * Until the session UI is there, every call that needs it waits in one ordered list (`waiting`) and runs exactly
 * once, in the order the page made it, when the UI attaches (`attach`). Payloads are sorted by `sniff`: those
 * that can show a session load the UI, the others wait without loading it, heartbeats are not even kept.
 */
import type {
  ActionDetail,
  IngestResult,
  LinkStatus,
  PendingAction,
  SessionStore,
  StateListener,
} from '../store/types.js';
import { link } from '../transport/link.js';
import type { LinkStore } from '../transport/link.js';
import { ACTION_TIMEOUT_MS, isAck } from '../transport/outbox.js';
import type { Outbox } from '../transport/outbox.js';
import type { ActionOptions, ConnectOptions, Connection } from '../transport/types.js';
import type { MountOptions } from './types.js';
import { NOTICE_STRINGS, createNotice } from './notice.js';
import type { NoticeStrings } from './notice.js';
import { sniff } from './sniff.js';
import type { Leg } from './sniff.js';
import { ATTACH, SNAPSHOT_KEY } from './types.js';
import type { CobrowseWidgetApi, LoaderError, LocaleStrings, QueuedIngest, SessionUi } from './types.js';

/** Calls (payloads, for the most part) that may wait for the session UI; one more payload is refused (`buffer-full`). */
export const MAX_WAITING = 1000;

export interface CoreOptions {
  version: string;
  /**
   * `data-snapshot-ttl` as written: how long, in seconds, a snapshot of the session is worth on the next page of the
   * tab. Only the session UI reads it (src/session-ui.ts), so the core carries it as it is.
   */
  snapshotTtl?: string;
  /** Loads the session UI file; resolves once it has run. Absent in the one-file build, which attaches at once. */
  loadUi?: () => Promise<void>;
}

export interface Core {
  api: CobrowseWidgetApi;
  attach(ui: SessionUi): void;
  /**
   * A session goes on from the previous page: until the session UI shows it (restored, reconnecting), the notice
   * says "Reconnecting…" with its Stop sharing, from the first frame.
   */
  restore(leg: Leg): void;
}

/** A call that waited for the session UI, run against it (and the page's store) when it attaches. */
type WaitingCall = (ui: SessionUi, store: SessionStore) => void;

const TAGS = 'cobrowse-badge, cobrowse-controls, cobrowse-widget';

export function createCore({ version, loadUi, snapshotTtl }: CoreOptions): Core {
  let ui: SessionUi | undefined;
  /** The page's store, from the session UI. */
  let store: SessionStore | undefined;
  let loading = false;
  let loadFailed = false;
  let waiting: WaitingCall[] = [];
  /** The last link status a transport reported before the store was there. */
  let linkStatus: LinkStatus | undefined;
  /** The last co-browse or screen-share leg a payload named before the UI was there: live, or how it ended. */
  let lastLeg: Leg | undefined;
  const locales = new Map<string, LocaleStrings>();
  let announceReady!: (api: CobrowseWidgetApi) => void;
  const ready = new Promise<CobrowseWidgetApi>((resolve) => (announceReady = resolve));
  /** The widget `mount` made: created at once, placed by the session UI. */
  let mounted: HTMLElement | undefined;
  /** The transport's link. */
  let connection: Connection | undefined;
  /** The id of the Stop sharing action the fallback notice sent, until the other side answers. */
  let fallbackAction: string | undefined;
  /** Hands the notice's Stop sharing to the current link. */
  let sendEnd: ((message: PendingAction & { type: 'cobrowse.action' }) => void) | undefined;
  /** Gives the current link the session UI's outbox, for the page store's actions, when the UI attaches. */
  let startOutbox: ((ui: SessionUi, page: SessionStore) => void) | undefined;

  /**
   * A `cobrowse-error` of the core's own, on the document (it reaches `window` too): before the session UI there is
   * no widget in the page to fire it on (the UI places it).
   */
  const report = (code: LoaderError['code'], message: string): LoaderError => {
    const detail: LoaderError = {
      code,
      message: `[cobrowse-widget] ${message}`,
      // Not an input's fault: no path to name.
      issues: [],
    };
    document.dispatchEvent(new CustomEvent('cobrowse-error', { detail, bubbles: true, composed: true }));
    return detail;
  };

  const noticeStrings = (): NoticeStrings => {
    const lang = (document.documentElement.lang || 'en').toLowerCase();
    // (Spreading an absent table adds nothing.)
    return { ...NOTICE_STRINGS, ...locales.get(lang.split('-')[0]), ...locales.get(lang) };
  };

  /** The fallback notice's Stop sharing: the same event and action the session UI's button gives. */
  const endFromNotice = (leg: Leg, button: HTMLElement) => {
    const detail: ActionDetail = {
      action: 'end',
      sessionId: leg.sessionId ?? leg.communicationId,
      communicationId: leg.communicationId,
    };
    const event = new CustomEvent('cobrowse-action', { detail, bubbles: true, composed: true, cancelable: true });
    if (!button.dispatchEvent(event)) return;
    fallbackAction = `end-${Date.now().toString(36)}`;
    // The action as an outbox sends it.
    sendEnd?.({ ...detail, id: fallbackAction, since: new Date().toISOString(), type: 'cobrowse.action' });
  };
  const notice = createNotice(noticeStrings, endFromNotice);

  /** Whether the previous page's session is being restored (the notice says "Reconnecting…" meanwhile). */
  let restoring = false;

  /**
   * The notice shows while a session is on and the UI is not there to show it: restored from the previous page
   * (until the UI comes), or the UI could not load. It goes when the session ends.
   */
  const updateNotice = () => {
    if (!ui && (loadFailed || restoring) && lastLeg?.live) {
      notice.show(lastLeg, loadFailed ? 'sessionActive' : 'reconnecting');
    } else notice.remove();
  };

  function requestUi(): Promise<CobrowseWidgetApi> {
    if (ui || loading || !loadUi) return ready;
    loading = true;
    loadFailed = false;
    // (A file that ran but did not attach cannot be: the core loads only the file its hash names.)
    loadUi()
      .catch((error: unknown) => {
        loadFailed = true;
        // Every reason is an Error: load-script's own, Trusted Types' or the URL's TypeError.
        report('load-failed', `the session UI could not load: ${(error as Error).message}`);
        updateNotice();
      })
      .finally(() => {
        loading = false;
      });
    return ready;
  }

  /** Runs `call` against the session UI now, or in order when it attaches. */
  const whenUi = (call: WaitingCall) => (ui && store ? call(ui, store) : void waiting.push(call));

  function mount(options: MountOptions = {}): HTMLElement {
    const element = (mounted ??= document.createElement('cobrowse-widget'));
    whenUi((next) => next.mount(element, options));
    return element;
  }

  function unmount(): void {
    mounted = undefined;
    whenUi((next) => next.unmount());
  }

  function ingest(payload: unknown): IngestResult | QueuedIngest {
    if (store) return store.ingest(payload);
    const { need, leg } = sniff(payload);
    if (need === 'inert') return { ok: true, changed: false, warnings: [] };
    lastLeg = leg ?? lastLeg;
    if (waiting.length >= MAX_WAITING) {
      requestUi();
      const error = report(
        'buffer-full',
        `${MAX_WAITING} payloads already wait for the session UI; this one was not applied`,
      );
      return { ok: false, error, warnings: [] };
    }
    let done!: (result: IngestResult) => void;
    const result = new Promise<IngestResult>((resolve) => (done = resolve));
    waiting.push((_ui, page) => done(page.ingest(payload)));
    // A session payload after a failed load is the retry.
    if (need === 'session') requestUi();
    updateNotice();
    return { ok: true, queued: true, changed: false, warnings: [], result };
  }

  function subscribe(listener: StateListener): () => void {
    let cancelled = false;
    let unsubscribe: (() => void) | undefined;
    whenUi((_ui, page) => {
      if (!cancelled) unsubscribe = page.subscribe(listener);
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }

  function reset(): void {
    whenUi((_ui, page) => page.reset());
    lastLeg = undefined;
    updateNotice();
  }

  function registerLocale(lang: string, table: LocaleStrings): void {
    locales.set(lang.toLowerCase(), table);
    whenUi((next) => next.registerLocale(lang, table));
  }

  /** The store the transports feed: the real one once it is there, the waiting list until then. */
  const port: LinkStore = {
    // A queued answer is an `ok` one: the transports only hand payloads over.
    ingest: ingest as LinkStore['ingest'],
    setLink(status) {
      if (store) store.setLink(status);
      else linkStatus = status;
    },
  };

  /**
   * A link's outbox. The page store's actions go through the session UI's (src/transport/outbox.ts), made when the
   * UI attaches: the core file carries none. Before, the one action is the notice's Stop sharing: it waits here for
   * an open link (first in line, as it would in an outbox) until it goes out or its time is up, and its ack takes
   * the notice away. Every ack is the outbox's, never the model's, as with the UI's outbox.
   */
  function coreOutbox(send: (message: object) => boolean, settings: ActionOptions): Outbox {
    let outbox: Outbox | undefined;
    let closed = false;
    let end: object | undefined;
    const flush = () => {
      if (end && send(end)) end = undefined;
      outbox?.flush();
    };
    sendEnd = (message) => {
      end = message;
      setTimeout(() => end === message && (end = undefined), settings.actionTimeoutMs ?? ACTION_TIMEOUT_MS);
      flush();
    };
    startOutbox = (next, page) => {
      if (!closed) outbox = next.createOutbox(page, send, settings);
    };
    if (ui && store) startOutbox(ui, store);
    return {
      flush,
      ack(message) {
        if (outbox) return outbox.ack(message);
        if (!isAck(message)) return false;
        // The other side confirmed the notice's Stop sharing: the session is over. (Refused: the button stays.)
        if (message.ok === true && message.actionId === fallbackAction) {
          lastLeg = undefined;
          updateNotice();
        }
        return true;
      },
      close() {
        closed = true;
        outbox?.close();
      },
    };
  }

  /**
   * One link at a time. The new one is made first, so a refused URL or origin list throws with the link in place
   * untouched; then the old one closes, and the page's link status is the new one's again.
   */
  function connectTransport(options: ConnectOptions): Connection {
    const next = link(port, options, coreOutbox);
    connection?.close();
    port.setLink(next.status);
    return (connection = next);
  }

  function attach(next: SessionUi): void {
    if (ui) return;
    ui = next;
    const page = (store = next.start({ snapshotTtl }));
    next.defineAll();
    startOutbox?.(next, page);
    if (linkStatus) page.setLink(linkStatus);
    const calls = waiting;
    waiting = [];
    for (const call of calls) call(next, page);
    lastLeg = undefined;
    notice.remove();
    announceReady(api);
  }

  const methods: Record<string, (...args: never[]) => unknown> = {
    ingest,
    subscribe,
    mount,
    unmount,
    reset,
    connect: connectTransport,
    registerLocale,
    load: requestUi,
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
    ready: { value: ready, enumerable: true },
    store: { get: () => store, enumerable: true },
    version: { value: version, enumerable: true },
    [ATTACH]: { value: attach },
  });

  const restore = (leg: Leg) => {
    lastLeg = leg;
    restoring = true;
    updateNotice();
  };

  return { api, attach, restore };
}

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };

/**
 * The session the previous page of this tab showed, while its snapshot is in time: the next page shows it at once.
 * (The session UI validates the whole snapshot, src/snapshot.ts, and removes one that is not valid.)
 */
function savedLeg(): Leg | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SNAPSHOT_KEY) ?? '{}');
    const { communicationId, sessionId } = saved.view ?? {};
    if (saved.expiresAt > Date.now() && typeof communicationId === 'string') {
      return { communicationId, sessionId, live: true };
    }
  } catch {
    // No storage here (a sandboxed frame, storage off), or not ours.
  }
  return undefined;
}

/**
 * Installs the core as `window.CobrowseWidget`: reads its own `<script>` tag's data attributes, replays the calls
 * queued on the loader stub, in order, exactly once, and loads the session UI at once when the page asks for it
 * (`data-load="eager"`) or already holds one of the tags.
 */
export function installCore(script: HTMLOrSVGScriptElement | null, options: CoreOptions): Core {
  // The loader stub, if any: never an installed API, since the build's guard returns before this module runs then.
  const stub = window.CobrowseWidget as Stub | undefined;
  // The script tag's data attributes (the kebab-case of the `MountOptions` fields) set the defaults; calls the page
  // queued are explicit, so they run after and win. `data-mount` alone mounts with defaults; an empty or absent
  // attribute leaves its field undefined, which `mount` reads as "not set".
  const data = (script as HTMLElement | null)?.dataset ?? {};
  const { mount: at, websocket, load, snapshotTtl } = data;
  const core = createCore({ ...options, snapshotTtl });
  const { api } = core;
  window.CobrowseWidget = api;
  if (at !== undefined) {
    // `data-mount="#selector"` names the container; `data-hide-when-idle` is read by the UI's mount.
    api.mount({ ...data, container: at || undefined });
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
  const queue = Array.from(stub?.q ?? []);
  if (stub) stub.q = [];
  for (const call of queue) api(...(Array.from(call) as [string, ...unknown[]]));

  // A page that shows the elements itself (not only the widget `mount` made) needs the UI to render them.
  // (The widget `mount` made is not in the document before the UI places it.)
  const loadForTags = () => {
    if (document.querySelector(TAGS)) void api.load();
  };
  const restored = savedLeg();
  if (restored) core.restore(restored);
  if (load === 'eager' || restored) void api.load();
  loadForTags();
  // A script in <head> runs before the tags in <body> are parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadForTags, { once: true });
  return core;
}

declare global {
  interface Window {
    CobrowseWidget?: CobrowseWidgetApi | ((...args: unknown[]) => void);
  }
}
