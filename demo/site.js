// The customer site's side of the demo. The session arrives the way it would on a real site: through the product's
// WebSocket transport, `CobrowseWidget.connect({ websocket })`, to the relay that plays the backend (its reconnect,
// backoff, resync and action outbox are the product's, not the demo's). Called from here rather than with the
// script tag's `data-websocket` because the URL carries this page's `?channel=` and host, and `?reconnect=` sets the
// socket's `minDelayMs`.
//
// The rest is inspection for the agent console, over a BroadcastChannel (demo/channel.js): each ingest's result
// beside the view the widget derived and the attributes it reflects, each settled action, each link change, and
// the console's requests to reset, switch attributes, or report the current state.
import { CHANNEL, RECONNECT_MS, ingestKey, inspector, relayUrl } from './channel.js';

const api = () => window.CobrowseWidget;
const loaded = () => typeof api()?.ingest === 'function';
const ATTRS = ['connection', 'kind', 'session-role', 'peer-count', 'controlled'];

/**
 * Resolves once the session UI is installed: this page holds a `<cobrowse-badge>`, so the core loads it at once
 * (`ready`), and the inspector reads the real store.
 */
async function whenLoaded() {
  if (!loaded()) {
    const script = document.querySelector('script[src$="cobrowse-widget.min.js"]');
    await new Promise((resolve, reject) => {
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () =>
        reject(new Error('dist/cobrowse-widget.min.js did not load: npm run build')),
      );
    });
  }
  await api().ready;
}

function widget() {
  return document.querySelector('cobrowse-widget');
}

/** The attributes each element reflects, and the words its badge says (`[part=label]`: "Reconnecting…" too). */
function reflected() {
  const el = widget();
  const badge = document.querySelector('cobrowse-badge') ?? el?.shadowRoot?.querySelector('cobrowse-badge');
  const inner = el?.shadowRoot?.querySelector('cobrowse-badge');
  const label = (node) => node?.shadowRoot?.querySelector('[part="label"]')?.textContent.replace(/\s+/g, ' ').trim();
  const read = (node, from = node) =>
    node
      ? {
          ...Object.fromEntries(
            ATTRS.map((name) => [name, name === 'controlled' ? node.hasAttribute(name) : node.getAttribute(name)]),
          ),
          label: label(from),
        }
      : null;
  return { widget: read(el, inner), badge: read(badge) };
}

// Lit renders in a microtask after a change; wait for it (never for an animation frame: hidden tabs get none).
async function settled() {
  const nodes = [widget(), ...document.querySelectorAll('cobrowse-badge, cobrowse-controls')];
  const inner = widget()?.shadowRoot?.querySelector('cobrowse-badge');
  await Promise.all([...nodes, inner].map((node) => node?.updateComplete));
}

// `ingest` returns `{ ok, changed, warnings }` or `{ ok: false, error }`; JSON-safe for the channel.
const plain = (value) => JSON.parse(JSON.stringify(value ?? null));

const inspect = inspector('site', (msg) => handle(msg).catch((error) => console.error('[demo site]', error)));

/** Once the widget has rendered: `fields` beside the derived view and what the elements reflect. */
async function report(fields) {
  await settled();
  inspect.send({ ...fields, view: plain(api().store.getState()), reflected: reflected() });
}

async function handle(msg) {
  switch (msg.kind) {
    case 'reset':
      api().reset();
      break;
    case 'attrs': {
      const el = widget();
      for (const [name, value] of Object.entries(msg.attrs)) {
        if (name === 'dir' || name === 'lang') document.documentElement.setAttribute(name, value);
        if (value) el?.setAttribute(name, value);
        else el?.removeAttribute(name);
      }
      break;
    }
    case 'ping':
      break;
    default:
      return;
  }
  await report({ kind: 'result', re: msg.id, result: { ok: true } });
}

// The embed layer mounts the widget from the script tag's `data-mount` (a build with `CobrowseWidget.mount` does);
// for a build without it, mount one here so the page still shows the widget.
async function mounted() {
  if (typeof api().mount !== 'function') {
    if (!widget()) document.body.append(document.createElement('cobrowse-widget'));
    return;
  }
  if (!widget()) {
    await new Promise((resolve) => {
      const observer = new MutationObserver(() => widget() && done());
      const timer = setTimeout(() => done(), 5000);
      const done = () => {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      };
      observer.observe(document.documentElement, { childList: true, subtree: true });
    });
  }
  if (!widget()) console.error('[demo site] data-mount did not mount <cobrowse-widget>');
}

/**
 * Inspection hooks on the store the transport feeds: the transport calls `store.ingest` and `store.settle` and
 * keeps their results to itself, so the demo wraps both to tell the console what each did. Demo only: a site
 * needs none of this.
 */
function observe(store) {
  const { ingest, settle } = store;
  store.ingest = (input) => {
    const result = ingest(input);
    report({ kind: 'ingested', key: ingestKey(input), result: plain(result) });
    return result;
  };
  store.settle = (actionId, ok, error) => {
    settle(actionId, ok, error);
    report({ kind: 'settled', actionId, ok, error });
  };
}

const status = document.getElementById('link');
// Every status the product's connection went through, for the "reconnecting socket" scenario and its test.
const linkHistory = (window.__linkHistory = []);
await whenLoaded();
await mounted();
api().subscribe((view) => {
  document.documentElement.dataset.connection = view.connection;
});
observe(api().store);
try {
  const link = api().connect({
    websocket: { url: relayUrl('site'), ...(RECONNECT_MS === undefined ? {} : { minDelayMs: RECONNECT_MS }) },
  });
  const show = (state) => {
    status.textContent = `relay: ${state}`;
    status.dataset.link = state;
  };
  show(link.status);
  link.onStatus((state) => {
    linkHistory.push(state);
    show(state);
    report({ kind: 'link', link: state });
  });
} catch (error) {
  // `ws:` is refused off localhost: serve the demo over https (wss:) or open it on 127.0.0.1.
  status.textContent = `relay: refused (${error.message})`;
  console.warn('[demo site]', error);
}
document.documentElement.dataset.channel = CHANNEL;
document.documentElement.dataset.ready = 'true';
