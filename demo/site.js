// The customer site's side of the demo: receives payloads from the agent console (another tab, or the frame that
// embeds this page), feeds them to the widget through the public API only, and answers with the result and the
// derived view. Everything goes through `window.CobrowseWidget`, exactly as a site owner's integration would.
import { openChannel } from './channel.js';

const api = () => window.CobrowseWidget;
const loaded = () => typeof api()?.ingest === 'function';
const ATTRS = ['connection', 'kind', 'session-role', 'peer-count', 'controlled'];

function whenLoaded() {
  if (loaded()) return Promise.resolve();
  const script = document.querySelector('script[src$="cobrowse-widget.min.js"]');
  return new Promise((resolve, reject) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () =>
      reject(new Error('dist/cobrowse-widget.min.js did not load: npm run build')),
    );
  });
}

function widget() {
  return document.querySelector('cobrowse-widget');
}

function reflected() {
  const el = widget();
  const badge = document.querySelector('cobrowse-badge') ?? el?.shadowRoot?.querySelector('cobrowse-badge');
  const read = (node) =>
    node
      ? Object.fromEntries(
          ATTRS.map((name) => [name, name === 'controlled' ? node.hasAttribute(name) : node.getAttribute(name)]),
        )
      : null;
  return { widget: read(el), badge: read(badge) };
}

// Lit renders in a microtask after a change; wait for it (never for an animation frame: hidden tabs get none).
async function settled() {
  const nodes = [widget(), ...document.querySelectorAll('cobrowse-badge, cobrowse-controls')];
  await Promise.all(nodes.map((node) => node?.updateComplete));
}

// `ingest` returns `{ ok, changed, warnings }` or `{ ok: false, error }`; JSON-safe for both routes.
const plain = (value) => JSON.parse(JSON.stringify(value ?? null));

let channel;
let route = 'broadcast';
const reply = (msg) => channel.send(msg, route);

/** Once the widget has rendered: `result` beside the derived view and the reflected attributes. */
async function answer(msg, result = { ok: true }) {
  await settled();
  reply({
    kind: 'result',
    re: msg.id,
    result: plain(result),
    view: plain(api().store?.getState()),
    reflected: reflected(),
  });
}

async function handle(msg, via) {
  route = via;
  switch (msg.kind) {
    case 'ingest': {
      let result;
      try {
        result = api().ingest(msg.payload);
      } catch (error) {
        // ingest must never throw; if it does, the console marks it as a bug.
        result = { ok: false, error: { message: `ingest threw: ${error}` }, threw: true };
      }
      await answer(msg, result);
      break;
    }
    case 'reset':
      api().reset();
      api().store?.setLink?.(channel.socketOpen ? 'open' : 'none');
      await answer(msg);
      break;
    case 'attrs': {
      const el = widget();
      for (const [name, value] of Object.entries(msg.attrs)) {
        if (name === 'dir' || name === 'lang') document.documentElement.setAttribute(name, value);
        if (value) el?.setAttribute(name, value);
        else el?.removeAttribute(name);
      }
      await answer(msg);
      break;
    }
    case 'ping':
      await answer(msg);
      break;
  }
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

const status = document.getElementById('link');
// Every state the relay socket went through, for the console's "reconnecting socket" scenario and its test.
const linkHistory = (window.__linkHistory = []);
await whenLoaded();
await mounted();
api().subscribe?.((view) => {
  document.documentElement.dataset.connection = view.connection;
});
// Report the customer's actions to the console, as a transport would send them to the backend.
api().store?.on?.('action', (pending) => reply({ kind: 'action', pending: plain(pending), id: crypto.randomUUID() }));

channel = openChannel('site', {
  onMessage: (msg, via) => {
    handle(msg, via).catch((error) => console.error('[demo site]', error));
  },
  onLink: (link) => {
    linkHistory.push(link);
    if (status) status.textContent = `relay: ${link}`;
    if (link !== 'closed') api().store?.setLink?.(link);
    if (link === 'open') channel?.send({ kind: 'hello', id: crypto.randomUUID() }, 'websocket');
  },
});
channel.send({ kind: 'hello', id: crypto.randomUUID() });
document.documentElement.dataset.ready = 'true';
