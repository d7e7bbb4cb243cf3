// In Chromium: React 18 through the `cobrowse-widget/react` wrappers, and React 19 with the raw element, both set
// the `store` property (not an attribute) and receive `cobrowse-action`.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { CobrowseActionEvent, CobrowseControls } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';

// Served by test/support/react-plugin.mjs (React is CommonJS); typed here with React 19's types, which cover the
// few calls made (createElement, createRoot, flushSync) in both versions.
interface ReactBundle {
  React: typeof import('react');
  createRoot: typeof import('react-dom/client').createRoot;
  flushSync: typeof import('react-dom').flushSync;
}
const load18 = (url = '/__react/18.js') =>
  import(url) as Promise<ReactBundle & { Wrappers: typeof import('../../src/react.js') }>;
const load19 = (url = '/__react/19.js') => import(url) as Promise<ReactBundle>;

type Lit = HTMLElement & { updateComplete: Promise<unknown>; store?: unknown };

function alertingStore() {
  const store = createSessionStore();
  store.ingest(cobrowsesession('alerting', 1));
  return store;
}

async function press(el: Lit, action: string) {
  await el.updateComplete;
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  expect(button, `a ${action} button`).to.not.equal(null);
  button!.click();
}

describe('React', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('18, through the wrappers: sets the store property and receives cobrowse-action', async () => {
    const { React, createRoot, flushSync, Wrappers } = await load18();
    expect(React.version).to.match(/^18\./);
    const store = alertingStore();
    const actions: string[] = [];
    const root = createRoot(container);
    flushSync(() =>
      root.render(
        React.createElement(Wrappers.CobrowseControls, {
          store,
          onCobrowseAction: (event: CobrowseActionEvent) => actions.push(event.detail.action),
        }),
      ),
    );
    const el = container.querySelector('cobrowse-controls') as Lit;
    expect(el.store).to.equal(store);
    expect(el.hasAttribute('store')).to.equal(false);
    await press(el, 'accept');
    expect(actions).to.deep.equal(['accept']);
    root.unmount();
  });

  it('18, the raw element: a control, showing why the wrappers exist (an attribute, no property)', async () => {
    const { React, createRoot, flushSync } = await load18();
    const store = alertingStore();
    const root = createRoot(container);
    flushSync(() => root.render(React.createElement('cobrowse-controls', { store })));
    const el = container.querySelector('cobrowse-controls') as Lit;
    expect(el.store).to.not.equal(store);
    expect(el.getAttribute('store')).to.equal('[object Object]');
    root.unmount();
  });

  it('19, the raw element: sets the store property and receives cobrowse-action', async () => {
    const { React, createRoot, flushSync } = await load19();
    expect(React.version).to.match(/^19\./);
    const store = alertingStore();
    const actions: string[] = [];
    const root = createRoot(container);
    flushSync(() =>
      root.render(
        React.createElement('cobrowse-controls', {
          store,
          // React 19 adds a listener for `on` + the event's exact name on custom elements.
          'oncobrowse-action': (event: CobrowseActionEvent) => actions.push(event.detail.action),
        }),
      ),
    );
    const el = container.querySelector('cobrowse-controls') as CobrowseControls & Lit;
    expect(el.store).to.equal(store);
    expect(el.hasAttribute('store')).to.equal(false);
    await press(el, 'decline');
    expect(actions).to.deep.equal(['decline']);
    root.unmount();
  });
});
