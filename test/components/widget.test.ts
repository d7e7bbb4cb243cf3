import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define.js';
import type { CobrowseBadge, CobrowseControls, CobrowseWidget } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import type { SessionView } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';
import { $, ANA, ANA_CONTROLLING, actionsOf, statusText, updated, viewStore, mount } from './view-store.js';

const SHARER = { connection: 'connected', role: 'sharer', kind: 'cobrowse' } as const;
const OFFER = { connection: 'alerting', role: 'sharer', kind: 'cobrowse' } as const;
const REQUEST = {
  participantId: 'p-ana',
  name: 'Ana',
  requestedAt: '2026-11-22T10:00:00.000Z',
  expiresAt: '2026-11-22T10:00:30.000Z',
};
const CONTROL_REQUEST: Partial<SessionView> = {
  ...SHARER,
  control: { controlledBy: [], controlling: [], request: REQUEST },
};

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function widgetFor(fields: Partial<SessionView> = {}) {
  const store = viewStore(fields);
  const root = await mount(
    html`<div>
      <button id="before">Page button</button>
      <cobrowse-widget .store=${store}></cobrowse-widget>
    </div>`,
  );
  const el = root.querySelector('cobrowse-widget')!;
  await updated(el);
  return { el, store, before: root.querySelector<HTMLButtonElement>('#before')! };
}
const inner = async <T extends Element>(el: CobrowseWidget, selector: string) => {
  const child = $(el, selector) as unknown as T;
  await updated(child);
  return child;
};
const dialog = (el: CobrowseWidget) => $(el, '[role="dialog"]');

describe('<cobrowse-widget>', () => {
  it('is accessible, with a prompt and with its panel open', async () => {
    const { el, store } = await widgetFor(OFFER);
    await expect(el).to.be.accessible();
    store.set({
      ...SHARER,
      peers: [ANA_CONTROLLING],
      peerCount: 1,
      control: { controlledBy: [ANA_CONTROLLING], controlling: [] },
    });
    el.open = true;
    await updated(el);
    await expect(el).to.be.accessible();
  });

  describe('finding the store', () => {
    it('hands its store to the components in its shadow root and light DOM, across shadow roots', async () => {
      const store = viewStore(SHARER);
      const el = await fixture<CobrowseWidget>(
        html`<cobrowse-widget .store=${store}>
          <cobrowse-badge></cobrowse-badge>
          <div></div>
        </cobrowse-widget>`,
      );
      const host = el.querySelector('div')!;
      const deep = document.createElement('cobrowse-controls');
      host.attachShadow({ mode: 'open' }).append(deep);
      const light = el.querySelector('cobrowse-badge')!;
      await Promise.all([light, deep].map(updated));
      expect(light.getAttribute('connection')).to.equal('connected');
      expect(deep.getAttribute('connection')).to.equal('connected');
      expect((await inner<CobrowseBadge>(el, 'cobrowse-badge')).getAttribute('connection')).to.equal('connected');
      expect(actionsOf(deep)).to.deep.equal(['end']);

      const next = viewStore({ connection: 'held', role: 'sharer', kind: 'cobrowse' });
      el.store = next;
      await updated(el);
      await Promise.all([light, deep].map(updated));
      expect(light.getAttribute('connection')).to.equal('held');
      expect(deep.getAttribute('connection')).to.equal('held');
      expect(store.listenerCount, 'the old store is let go').to.equal(0);
    });

    it('speaks the Context Protocol both ways with @lit/context', async () => {
      const { ContextConsumer, ContextProvider } = await import('@lit/context');
      const { storeContext } = await import('../../src/components/index.js');
      const store = viewStore(SHARER);
      const el = await fixture<CobrowseWidget>(html`<cobrowse-widget .store=${store}><div></div></cobrowse-widget>`);
      // A @lit/context consumer inside the widget gets its store, and the next one when it changes.
      const seen: unknown[] = [];
      const host = Object.assign(el.querySelector('div')!, { addController() {}, requestUpdate() {} });
      const consumer = new ContextConsumer(host as never, {
        context: storeContext,
        subscribe: true,
        callback: (value) => seen.push(value),
      });
      consumer.hostConnected();
      const next = viewStore(OFFER);
      el.store = next;
      await updated(el);
      expect(seen).to.have.length(2);
      expect(seen[0]).to.equal(store);
      expect(seen[1]).to.equal(next);
      consumer.hostDisconnected();

      // Our badge inside a @lit/context provider gets the provider's store.
      const outer = document.createElement('div');
      const provider = new ContextProvider(outer, { context: storeContext, initialValue: viewStore(OFFER) });
      const badge = document.createElement('cobrowse-badge');
      outer.append(badge);
      document.body.append(outer);
      await updated(badge);
      expect(badge.getAttribute('connection')).to.equal('alerting');
      provider.setValue(viewStore({ connection: 'held', role: 'sharer', kind: 'cobrowse' }));
      await updated(badge);
      expect(badge.getAttribute('connection')).to.equal('held');
      outer.remove();
    });

    it("prefers a component's own store property", async () => {
      const own = viewStore({ connection: 'disconnected', role: 'sharer', kind: 'cobrowse' });
      const el = await fixture<CobrowseWidget>(
        html`<cobrowse-widget .store=${viewStore(SHARER)}>
          <cobrowse-badge .store=${own}></cobrowse-badge>
        </cobrowse-widget>`,
      );
      const badge = el.querySelector('cobrowse-badge')!;
      await updated(badge);
      expect(badge.getAttribute('connection')).to.equal('disconnected');
    });

    it("falls back to the page's default store", async () => {
      const { getDefaultStore } = await import('../../src/components/index.js');
      const badge = await fixture<CobrowseBadge>(html`<cobrowse-badge></cobrowse-badge>`);
      getDefaultStore().ingest(cobrowsesession('alerting', 1));
      await updated(badge);
      expect(badge.getAttribute('connection')).to.equal('alerting');
      getDefaultStore().reset();
    });

    it('subscribes on connect and unsubscribes on disconnect', async () => {
      const store = viewStore(SHARER);
      const el = await fixture<CobrowseBadge>(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
      expect(store.listenerCount).to.equal(1);
      el.remove();
      expect(store.listenerCount).to.equal(0);
      document.body.append(el);
      expect(store.listenerCount).to.equal(1);
      store.set({ connection: 'held', role: 'sharer', kind: 'cobrowse' });
      await updated(el);
      expect(el.getAttribute('connection')).to.equal('held');
      el.remove();
    });
  });

  describe('events', () => {
    it('fires cobrowse-state with the view and the previous one on each change, not on first render', async () => {
      const store = createSessionStore();
      const spy = sinon.spy();
      const el = await fixture<CobrowseWidget>(
        html`<cobrowse-widget .store=${store} @cobrowse-state=${spy}></cobrowse-widget>`,
      );
      expect(spy.callCount).to.equal(0);
      setTimeout(() => store.ingest(cobrowsesession('alerting', 1)));
      const event = await oneEvent(el, 'cobrowse-state');
      expect(event.detail.view.connection).to.equal('alerting');
      expect(event.detail.previous.connection).to.equal('idle');
      store.ingest(cobrowsesession('alerting', 1));
      expect(spy.callCount).to.equal(1);
    });

    it('fires one cobrowse-state for a burst of changes in one task, from the view before it to the newest', async () => {
      const store = createSessionStore();
      const events: CustomEvent[] = [];
      const el = await fixture<CobrowseWidget>(
        html`<cobrowse-widget
          .store=${store}
          @cobrowse-state=${(event: CustomEvent) => events.push(event)}
        ></cobrowse-widget>`,
      );
      const heard: string[] = [];
      const unsubscribe = store.subscribe((view) => heard.push(view.connection));
      store.ingest(cobrowsesession('alerting', 1));
      store.ingest(cobrowsesession('contacting', 2));
      store.ingest(cobrowsesession('connected', 3));
      unsubscribe();
      expect(events, 'none yet: the widget has not shown them').to.have.length(0);
      expect(heard, 'the store tells each change').to.deep.equal(['alerting', 'connecting', 'connected']);
      await updated(el);
      expect(events).to.have.length(1);
      expect(events[0].detail.previous.connection).to.equal('idle');
      expect(events[0].detail.view).to.equal(store.getState());
      expect(events[0].bubbles && events[0].composed).to.equal(true);
    });

    it('fires cobrowse-state once the widget shows the view, and none for changes that end where they began', async () => {
      const store = createSessionStore();
      const el = await fixture<CobrowseWidget>(html`<cobrowse-widget .store=${store}></cobrowse-widget>`);
      const shown: string[] = [];
      el.addEventListener('cobrowse-state', (event) => {
        // The listener finds the widget showing the view it is told (its state attributes, its card).
        const card = el.shadowRoot!.querySelector('[part="base"]');
        shown.push(`${event.detail.view.connection} ${el.getAttribute('connection')} ${card ? 'card' : 'none'}`);
      });
      store.ingest(cobrowsesession('connected', 1));
      await updated(el);
      expect(shown).to.deep.equal(['connected connected card']);
      const link = store.getState().link;
      store.setLink('reconnecting');
      store.setLink(link);
      await updated(el);
      expect(shown, 'reconnecting and back in one task: nothing shown changed').to.have.length(1);
      store.setLink('reconnecting');
      await updated(el);
      expect(shown).to.have.length(2);
    });

    it('fires cobrowse-error when its store rejects input', async () => {
      const store = createSessionStore();
      const el = await fixture<CobrowseWidget>(html`<cobrowse-widget .store=${store}></cobrowse-widget>`);
      setTimeout(() => store.ingest({ id: 42, state: 'connected' }));
      const event = await oneEvent(el, 'cobrowse-error');
      expect(event.detail).to.have.property('message');
    });
  });

  describe('consent prompts', () => {
    it('shows the offer as a labelled dialog, moves focus in, and restores it after', async () => {
      const { el, store, before } = await widgetFor();
      before.focus();
      store.set(OFFER);
      await updated(el);
      const prompt = dialog(el)!;
      expect(prompt.getAttribute('aria-labelledby')).to.equal('prompt-title');
      expect($(el, '#prompt-title')!.textContent).to.equal('An agent asks to see this page');
      expect($(el, '#prompt-body')!.textContent).to.contain('not your other tabs');
      expect(deepActive()).to.equal(prompt);
      store.set(SHARER);
      await updated(el);
      expect(dialog(el)).to.equal(null);
      expect(document.activeElement).to.equal(before);
    });

    it('opens a prompt again in the same element, with the new prompt in it, and focus moves in each time', async () => {
      const { el, store, before } = await widgetFor();
      before.focus();
      store.set(OFFER);
      await updated(el);
      const prompt = dialog(el)!;
      store.set(SHARER);
      await updated(el);
      expect(prompt.isConnected, 'out of the page while closed').to.equal(false);
      // Later (another task), a control request.
      await new Promise((resolve) => setTimeout(resolve));
      store.set(CONTROL_REQUEST);
      await updated(el);
      expect(dialog(el) === prompt, 'the same element').to.equal(true);
      expect(deepActive() === prompt, 'focus moved in').to.equal(true);
      expect($(el, '#prompt-title')!.textContent).to.equal('Ana asks to control this page');
      expect(actionsOf(el)).to.deep.equal(['accept-control', 'decline-control']);
      store.set(SHARER);
      await updated(el);
      expect(document.activeElement === before, 'focus back').to.equal(true);
    });

    it('treats Escape as decline', async () => {
      const { el, store, before } = await widgetFor();
      before.focus();
      store.set(OFFER);
      await updated(el);
      const spy = sinon.spy();
      el.addEventListener('cobrowse-action', spy);
      await sendKeys({ press: 'Escape' });
      expect(spy.firstCall.args[0].detail.action).to.equal('decline');
      expect(store.acted.map((a) => a.action)).to.deep.equal(['decline']);

      store.set(CONTROL_REQUEST);
      await updated(el);
      expect($(el, '#prompt-title')!.textContent).to.equal('Ana asks to control this page');
      await sendKeys({ press: 'Escape' });
      expect(spy.secondCall.args[0].detail).to.include({ action: 'decline-control', participantId: 'p-ana' });
    });

    it('announces a control or navigation request in the live region as well as focusing its prompt', async () => {
      const { el, store, before } = await widgetFor(SHARER);
      before.focus();
      store.set(CONTROL_REQUEST);
      await updated(el);
      const badge = await inner<CobrowseBadge>(el, 'cobrowse-badge');
      expect(statusText(badge)).to.equal('You are sharing this page. Ana asks to control this page');
      expect(deepActive()).to.equal(dialog(el));
      store.set({ ...SHARER, navigationRequest: { ...REQUEST, url: 'https://shop.example/cart' } });
      await updated(el);
      await updated(badge);
      expect(statusText(badge)).to.equal('You are sharing this page. Ana asks to open another page');
      expect(deepActive()).to.equal(dialog(el));
    });

    it('asks about a navigation request', async () => {
      const { el } = await widgetFor({
        ...SHARER,
        navigationRequest: {
          participantId: 'p-ana',
          name: 'Ana',
          url: 'https://shop.example/cart',
          requestedAt: REQUEST.requestedAt,
        },
      });
      expect($(el, '#prompt-title')!.textContent).to.equal('Ana asks to open another page');
      expect($(el, '#prompt-body')!.textContent).to.equal('https://shop.example/cart');
      expect(actionsOf(el)).to.deep.equal(['accept-navigation', 'decline-navigation']);
      await expect(el).to.be.accessible();
    });

    it('never moves focus for a change that needs no answer', async () => {
      const { el, store, before } = await widgetFor(SHARER);
      before.focus();
      for (const fields of [
        { ...SHARER, peerCount: 2 },
        { ...SHARER, connection: 'held' as const },
        { connection: 'disconnected' as const },
      ]) {
        store.set(fields);
        await updated(el);
        expect(document.activeElement).to.equal(before);
      }
    });

    describe('in a burst of updates (many prompts in one task)', () => {
      /**
       * Ends the current task: what the widget left for the end of the task has run. (A message, as the widget's:
       * messages are delivered in order, and no fake clock holds them.)
       */
      const nextTask = () =>
        new Promise((resolve) => {
          const { port1, port2 } = new MessageChannel();
          port1.onmessage = () => {
            port1.close();
            resolve(undefined);
          };
          port2.postMessage(undefined);
        });
      /** Where focus is, in words (a failed comparison of elements would print whole elements). */
      const focus = (el: CobrowseWidget, before: HTMLElement) => {
        const active = deepActive();
        if (active === before) return 'page button';
        return active && active === dialog(el) ? 'prompt' : (active?.localName ?? 'nothing');
      };
      /** An offer that opens (taking focus) and closes, then a control request, all in one task. */
      const secondPromptInOneTask = async () => {
        const widget = await widgetFor();
        widget.before.focus();
        for (const fields of [OFFER, SHARER, CONTROL_REQUEST]) {
          widget.store.set(fields);
          await updated(widget.el);
        }
        return widget;
      };
      /** Counts the times focus left `element`. */
      const blurs = (element: HTMLElement) => {
        const seen = { count: 0 };
        element.addEventListener('blur', () => seen.count++);
        return seen;
      };

      it('moves focus once, and prompts that open and close later in the task never take it', async () => {
        const { el, store, before } = await widgetFor();
        before.focus();
        const left = blurs(before);
        for (let i = 0; i < 5; i++) {
          store.set(OFFER);
          await updated(el);
          expect(focus(el, before), `prompt ${i}`).to.equal(i === 0 ? 'prompt' : 'page button');
          store.set(SHARER);
          await updated(el);
          expect(focus(el, before)).to.equal('page button');
        }
        await nextTask();
        expect(focus(el, before), 'no prompt is open when the task ends').to.equal('page button');
        expect(left.count, 'focus left the page button once').to.equal(1);
      });

      it('gives focus to the prompt that is open when the task ends, and back when it closes', async () => {
        const { el, store, before } = await secondPromptInOneTask();
        expect(focus(el, before), 'waits for the task to end').to.equal('page button');
        await nextTask();
        expect(focus(el, before)).to.equal('prompt');
        expect($(el, '#prompt-title')!.textContent).to.equal('Ana asks to control this page');
        store.set(SHARER);
        await updated(el);
        expect(focus(el, before), 'back where it was before the first prompt').to.equal('page button');
        // A new task: the next prompt takes focus at once again.
        await nextTask();
        store.set(OFFER);
        await updated(el);
        expect(focus(el, before)).to.equal('prompt');
      });

      it("is not held back by a page's fake clock", async () => {
        const clock = sinon.useFakeTimers({
          toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame'],
        });
        try {
          const { el, store, before } = await secondPromptInOneTask();
          await nextTask();
          expect(focus(el, before), 'the prompt open at the end of the task').to.equal('prompt');
          store.set(SHARER);
          await updated(el);
          await nextTask();
          store.set(OFFER);
          await updated(el);
          expect(focus(el, before), 'a prompt in a later task, at once').to.equal('prompt');
        } finally {
          clock.restore();
        }
      });

      it('leaves focus alone if the widget is removed before the task ends', async () => {
        const { el, before } = await secondPromptInOneTask();
        el.remove();
        await nextTask();
        expect(focus(el, before)).to.equal('page button');
      });
    });
  });

  it('walks accept -> allow control -> take back control -> stop sharing -> dismiss by keyboard alone', async () => {
    const { el, store, before } = await widgetFor();
    const acted = () => store.acted.map((a) => a.action);
    const focusedAction = () => deepActive()?.getAttribute('data-action');
    before.focus();

    store.set(OFFER);
    await updated(el);
    await sendKeys({ press: 'Tab' });
    expect(focusedAction()).to.equal('accept');
    await sendKeys({ press: 'Enter' });
    expect(acted()).to.deep.equal(['accept']);

    store.set(SHARER); // the session confirms
    await updated(el);
    expect(document.activeElement).to.equal(before);

    store.set(CONTROL_REQUEST);
    await updated(el);
    await sendKeys({ press: 'Tab' });
    expect(focusedAction()).to.equal('accept-control');
    await sendKeys({ press: 'Enter' });
    expect(acted()).to.deep.equal(['accept', 'accept-control']);

    store.set({
      ...SHARER,
      peers: [ANA_CONTROLLING],
      peerCount: 1,
      control: { controlledBy: [ANA_CONTROLLING], controlling: [] },
    });
    await updated(el);
    expect(document.activeElement).to.equal(before);
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('part')).to.equal('toggle');
    await sendKeys({ press: 'Enter' });
    await updated(el);
    expect(el.open).to.equal(true);
    await sendKeys({ press: 'Tab' }); // minimise
    await sendKeys({ press: 'Tab' });
    expect(focusedAction()).to.equal('revoke-control');
    await sendKeys({ press: 'Enter' });
    expect(acted()).to.deep.equal(['accept', 'accept-control', 'revoke-control']);

    store.set({ ...SHARER, peers: [ANA], peerCount: 1 });
    await updated(el);
    const controls = await inner<CobrowseControls>(el, 'cobrowse-controls');
    await updated(controls);
    expect(focusedAction(), 'focus stays in the controls').to.equal('end');
    await sendKeys({ press: 'Enter' });
    expect(acted()).to.deep.equal(['accept', 'accept-control', 'revoke-control', 'end']);

    store.set({ connection: 'disconnected', role: 'sharer', kind: 'cobrowse', disconnectType: 'client' });
    await updated(el);
    await updated(controls);
    expect(focusedAction()).to.equal('dismiss');
    await sendKeys({ press: 'Enter' });
    expect(acted()).to.deep.equal(['accept', 'accept-control', 'revoke-control', 'end', 'dismiss']);
  });

  describe('layout', () => {
    it('floats above host content at the largest z-index, even against page rules', async () => {
      const style = document.createElement('style');
      style.textContent = 'cobrowse-widget { position: static !important; z-index: 1 !important; }';
      document.head.append(style);
      try {
        const { el } = await widgetFor(SHARER);
        const computed = getComputedStyle(el);
        expect(computed.position).to.equal('fixed');
        expect(computed.zIndex).to.equal('2147483647');
      } finally {
        style.remove();
      }
    });

    it('sits in the corner its position names, following dir', async () => {
      const { el } = await widgetFor(SHARER);
      const gap = (rect: DOMRect) => ({
        top: rect.top,
        left: rect.left,
        right: innerWidth - rect.right,
        bottom: innerHeight - rect.bottom,
      });
      const corners = [
        ['bottom-end', 'ltr', ['bottom', 'right']],
        ['top-start', 'ltr', ['top', 'left']],
        ['bottom-start', 'ltr', ['bottom', 'left']],
        ['top-end', 'rtl', ['top', 'left']],
        ['bottom-start', 'rtl', ['bottom', 'right']],
      ] as const;
      for (const [position, dir, sides] of corners) {
        el.position = position;
        el.dir = dir;
        await updated(el);
        const g = gap(el.getBoundingClientRect());
        for (const side of sides) expect(g[side], `${position} ${dir} ${side}`).to.be.closeTo(16, 1);
      }
    });

    it('minimises to the badge, and restores', async () => {
      const { el } = await widgetFor({ ...SHARER, peers: [ANA], peerCount: 1 });
      el.open = true;
      await updated(el);
      $(el, '[part="minimize"]')!.click();
      await updated(el);
      expect(el.minimized).to.equal(true);
      expect($(el, '[part="panel"]')!.hidden).to.equal(true);
      const badge = await inner<CobrowseBadge>(el, 'cobrowse-badge');
      expect(badge.compact).to.equal(true);
      expect(statusText(badge), 'still announced').to.equal('Ana is viewing');
      await expect(el).to.be.accessible();
      $(el, '[part="minimize"]')!.click();
      await updated(el);
      expect(el.minimized).to.equal(false);
      expect($(el, '[part="panel"]')!.hidden).to.equal(false);
    });

    it('makes its controls only while the panel shows: closed or minimised, nothing hidden is built', async () => {
      const { el, store } = await widgetFor(SHARER);
      const elementsInside = () =>
        [...el.shadowRoot!.querySelectorAll('*')]
          .filter((node) => node.localName.includes('-'))
          .map((n) => n.localName);
      // Closed: the badge is the only component inside, and the only other subscriber to the store.
      expect(elementsInside()).to.deep.equal(['cobrowse-badge']);
      expect(store.listenerCount, 'widget and badge').to.equal(2);
      expect($(el, '[part="panel"]')!.hidden).to.equal(true);

      $(el, '[part="toggle"]')!.click();
      await updated(el);
      const controls = await inner<CobrowseControls>(el, 'cobrowse-controls');
      expect(controls.parentElement).to.equal($(el, '[part="panel"]'));
      expect(actionsOf(controls)).to.deep.equal(['end']);
      expect(store.listenerCount, 'and now the controls').to.equal(3);
      await expect(el).to.be.accessible();

      $(el, '[part="minimize"]')!.click();
      await updated(el);
      expect(elementsInside()).to.deep.equal(['cobrowse-badge']);
      expect(store.listenerCount, 'the removed controls let the store go').to.equal(2);

      $(el, '[part="minimize"]')!.click();
      await updated(el);
      expect(el.open, 'restoring keeps the panel open').to.equal(true);
      expect(actionsOf(await inner<CobrowseControls>(el, 'cobrowse-controls'))).to.deep.equal(['end']);

      $(el, '[part="toggle"]')!.click();
      await updated(el);
      expect($(el, 'cobrowse-controls')).to.equal(null);
      expect(store.listenerCount).to.equal(2);
    });

    it('lists the people in the session', async () => {
      const { el } = await widgetFor({
        ...SHARER,
        peers: [ANA_CONTROLLING, { ...ANA, id: 'p-b', name: 'Ben' }],
        peerCount: 2,
      });
      el.open = true;
      await updated(el);
      const items = [...el.shadowRoot!.querySelectorAll('[part="peers"] li')].map((li) => li.textContent!.trim());
      expect(items).to.deep.equal(['Ana has control', 'Ben']);
    });
  });
});
