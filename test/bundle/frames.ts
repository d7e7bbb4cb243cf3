// Fresh same-origin frames for the script-tag tests: each one is a customer page of its own.
/** The core: the API at once, the session UI loaded on demand. */
export const CORE = new URL('/dist/cobrowse-widget.min.js', location.href).href;
/** The one-file build: core and session UI together. */
export const FULL = new URL('/dist/cobrowse-widget.full.min.js', location.href).href;
export const BUNDLE = CORE;

/**
 * The script-tag tests run on both builds. On the core, `eager` is the tag attribute that loads the session UI at
 * once (what a page that always shows the widget uses), so the two builds can be held to the same expectations
 * once `ready` has resolved.
 */
export const BUILDS: { name: string; src: string; eager: Record<string, string>; eagerAttr: string }[] = [
  {
    name: 'dist/cobrowse-widget.min.js (core)',
    src: CORE,
    eager: { 'data-load': 'eager' },
    eagerAttr: 'data-load="eager"',
  },
  { name: 'dist/cobrowse-widget.full.min.js', src: FULL, eager: {}, eagerAttr: '' },
];

export const SNIPPET =
  'window.CobrowseWidget=window.CobrowseWidget||function(){(CobrowseWidget.q=CobrowseWidget.q||[]).push(arguments)}';

export interface Api {
  (...args: unknown[]): unknown;
  ingest(payload: unknown): { ok: boolean };
  subscribe(fn: (view: { peerCount: number; connection: string }) => void): () => void;
  mount(options?: Record<string, unknown>): HTMLElement;
  unmount(): void;
  reset(): void;
  store: unknown;
  version?: string;
  q?: unknown[];
  ready: Promise<Api>;
  load(): Promise<Api>;
}

export interface FrameWindow extends Window {
  CobrowseWidget: Api;
  console: Console;
  trustedTypes?: { createPolicy(name: string, rules: { createHTML?: (s: string) => string }): unknown };
  errors: string[];
}

/** Records the frame's uncaught errors in `window.errors`, from before any other script runs. */
const RECORD_ERRORS = '<script>window.errors=[];addEventListener("error",function(e){errors.push(e.message)})</script>';

/** A frame whose document is `body` (plus `head`), loaded and parsed, scripts included (async ones delay `load`). */
export async function page(
  body = '',
  head = '',
): Promise<{ win: FrameWindow; doc: Document; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="en"><head>${RECORD_ERRORS}${head}</head><body>${body}</body></html>`;
  // Wait for the frame's own document: touching the initial about:blank races its replacement.
  const ready = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await ready;
  return { win: frame.contentWindow as FrameWindow, doc: frame.contentDocument!, frame };
}

/** Adds a `<script src>` to the frame and resolves once it ran. */
export function addScript(doc: Document, src = BUNDLE, attrs: Record<string, string> = {}): Promise<unknown> {
  const script = doc.createElement('script');
  for (const [name, value] of Object.entries(attrs)) script.setAttribute(name, value);
  script.src = src;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} did not load: run npm run build`));
  });
  doc.head.append(script);
  return loaded;
}

/** Resolves once the frame's session UI is installed (at once with the one-file build). */
export const ready = (win: FrameWindow) => win.CobrowseWidget.ready;

/** The built file with its version string replaced: what another release of the library looks like. */
export async function otherVersion(version: string, src: string = BUNDLE): Promise<string> {
  const text = await (await fetch(src)).text();
  const current = /this copy \(([^)]+)\)/.exec(text)![1];
  return URL.createObjectURL(
    new Blob([text.replaceAll(`"${current}"`, `"${version}"`).replaceAll(`(${current})`, `(${version})`)], {
      type: 'text/javascript',
    }),
  );
}

// Not requestAnimationFrame: the runner's second page is hidden, and hidden pages get no frames.
export const rendered = (el: Element | null) =>
  (el as (Element & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
