// <cobrowse-widget> while there is no session: hidden by default (`hideWhenIdle`), the idle card with
// `hide-when-idle="false"`. A hidden widget renders nothing and stays out of the top layer, but still reflects the
// session on its host and fires its events.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import sinon from 'sinon';
import '../../src/define.js';
import type { CobrowseWidget } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import type { SessionStore } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';
import { $, mount, statusText, updated, viewStore } from './view-store.js';
import type { ViewStore } from './view-store.js';

const SHARER = { connection: 'connected', role: 'sharer', kind: 'cobrowse' } as const;
const OFFER = { connection: 'alerting', role: 'sharer', kind: 'cobrowse' } as const;

/** A page button, then a widget on `store` (`hide-when-idle` as given; absent: the default). */
async function page(store: SessionStore = viewStore(), hideWhenIdle?: string) {
  const root = await mount(html`<div><button id="before">Page button</button></div>`);
  const el = document.createElement('cobrowse-widget');
  el.store = store;
  if (hideWhenIdle !== undefined) el.setAttribute('hide-when-idle', hideWhenIdle);
  root.append(el);
  await updated(el);
  return { el, store: store as ViewStore, before: root.querySelector<HTMLButtonElement>('#before')! };
}

/** Nothing in its shadow root: no card, no badge, no panel (its styles are adopted sheets, not elements). */
const empty = (el: CobrowseWidget) => el.shadowRoot!.querySelector('*') === null;
const displayed = (el: Element) => getComputedStyle(el).display !== 'none';
const inTopLayer = (el: Element) => el.matches(':popover-open');
/** Shown: rendered, displayed and in the top layer. */
const shown = (el: CobrowseWidget) => !empty(el) && displayed(el) && inTopLayer(el);
/** Hidden while idle: nothing rendered, not displayed, not in the top layer. */
const hidden = (el: CobrowseWidget) => empty(el) && !displayed(el) && !inTopLayer(el);

/** Names an element for an assertion (a failing `equal` on elements would print them whole). */
const nameOf = (el: Element | null | undefined) => (el ? el.localName + (el.id ? `#${el.id}` : '') : 'nothing');

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<cobrowse-widget> while idle', () => {
  it('is accessible hidden (the default), rendering nothing', async () => {
    const { el } = await page();
    await expect(el).to.be.accessible();
    expect(el.hideWhenIdle).to.equal(true);
    expect(empty(el), 'nothing rendered').to.equal(true);
    expect($(el, 'cobrowse-badge')).to.equal(null);
    expect(displayed(el)).to.equal(false);
    expect(inTopLayer(el)).to.equal(false);
  });

  it('never asks for the top layer while idle', async () => {
    const el = document.createElement('cobrowse-widget');
    el.store = viewStore();
    const show = sinon.spy(el, 'showPopover');
    const root = await mount(html`<div></div>`);
    root.append(el);
    await updated(el);
    el.theme = 'dark';
    await updated(el);
    expect(show.callCount).to.equal(0);
    expect(el.hasAttribute('popover'), 'not even made a popover').to.equal(false);
  });

  it('keeps the session on its host and fires cobrowse-state while hidden', async () => {
    const { el, store } = await page();
    expect(hidden(el)).to.equal(true);
    expect(el.getAttribute('connection')).to.equal('idle');
    expect(el.getAttribute('peer-count')).to.equal('0');
    const state = oneEvent(el, 'cobrowse-state');
    store.setLink('reconnecting');
    expect((await state).detail.view.link).to.equal('reconnecting');
    await updated(el);
    expect(hidden(el), 'still idle, still hidden').to.equal(true);
  });

  it('appears with the first session, in the top layer above what the page showed meanwhile, and hides on reset', async () => {
    const { el, store } = await page();
    const popover = Object.assign(document.createElement('div'), { popover: 'manual', textContent: 'Page popover' });
    el.parentElement!.append(popover);
    popover.showPopover();
    store.set(SHARER);
    await updated(el);
    expect(shown(el)).to.equal(true);
    const badge = $(el, 'cobrowse-badge')!;
    await updated(badge);
    expect(statusText(badge)).to.not.equal('No session');
    const { left, top, width, height } = badge.getBoundingClientRect();
    expect(nameOf(document.elementFromPoint(left + width / 2, top + height / 2)), 'on top').to.equal('cobrowse-widget');

    store.reset();
    await updated(el);
    expect(hidden(el), 'hidden again').to.equal(true);
    expect(el.getAttribute('connection')).to.equal('idle');
    popover.hidePopover();
    popover.showPopover();
    store.set(OFFER);
    await updated(el);
    expect(shown(el)).to.equal(true);
    const prompt = $(el, '[role="dialog"]')!;
    const rect = prompt.getBoundingClientRect();
    expect(nameOf(document.elementFromPoint(rect.left + 8, rect.top + 8)), 'on top again').to.equal('cobrowse-widget');
  });

  it('shows the idle card with hide-when-idle="false" or hideWhenIdle = false, as before', async () => {
    const { el } = await page(viewStore(), 'false');
    await expect(el).to.be.accessible();
    expect(el.hideWhenIdle).to.equal(false);
    expect(shown(el)).to.equal(true);
    const badge = $(el, 'cobrowse-badge')!;
    await updated(badge);
    expect(statusText(badge)).to.equal('No session');
    expect($(el, '[part="toggle"]')).to.not.equal(null);
    expect($(el, '[part="minimize"]')).to.not.equal(null);

    const other = await page();
    expect(hidden(other.el)).to.equal(true);
    other.el.hideWhenIdle = false;
    await updated(other.el);
    expect(shown(other.el)).to.equal(true);
    await expect(other.el).to.be.accessible();
  });

  it('reflects "" (true) or "false", reads any other value as true, and a clone keeps its setting', async () => {
    const { el } = await page();
    expect(el.getAttribute('hide-when-idle')).to.equal('');
    el.hideWhenIdle = false;
    await updated(el);
    expect(el.getAttribute('hide-when-idle')).to.equal('false');
    expect(el.outerHTML).to.contain('hide-when-idle="false"');
    const clone = el.cloneNode() as CobrowseWidget;
    expect(clone.hideWhenIdle, 'a clone').to.equal(false);
    for (const value of ['', 'true', 'yes', 'hide-when-idle']) {
      el.setAttribute('hide-when-idle', value);
      expect(el.hideWhenIdle, JSON.stringify(value)).to.equal(true);
      el.setAttribute('hide-when-idle', 'false');
      expect(el.hideWhenIdle).to.equal(false);
    }
    el.removeAttribute('hide-when-idle');
    expect(el.hideWhenIdle, 'removed: the default').to.equal(true);
  });

  describe('focus, when the widget hides with it inside', () => {
    it('dismissing an ended session by keyboard gives focus back to the page element it came from', async () => {
      const store = createSessionStore();
      store.ingest(cobrowsesession('connected', 10));
      store.ingest(cobrowsesession('disconnected', 20));
      const { el, before } = await page(store);
      el.open = true;
      await updated(el);
      const controls = $(el, 'cobrowse-controls')!;
      await updated(controls);
      // By keyboard, from the page: Tab to Dismiss (the details toggle, minimise, then the panel's controls), Enter.
      before.focus();
      for (let tab = 0; tab < 3; tab++) await sendKeys({ press: 'Tab' });
      expect(deepActive()?.getAttribute('data-action'), 'focus on Dismiss').to.equal('dismiss');
      await sendKeys({ press: 'Enter' });
      await updated(el);
      expect(store.getState().connection).to.equal('idle');
      expect(hidden(el)).to.equal(true);
      expect(nameOf(document.activeElement), 'back on the page').to.equal('button#before');
    });

    it('a declined offer: the prompt gives back the focus it took, and the widget hides', async () => {
      const { el, store, before } = await page();
      before.focus();
      store.set(OFFER);
      await updated(el);
      expect(deepActive() === $(el, '[role="dialog"]'), 'focus in the prompt').to.equal(true);
      await sendKeys({ press: 'Escape' }); // decline
      store.reset(); // the session confirms: nothing left
      await updated(el);
      expect(hidden(el)).to.equal(true);
      expect(nameOf(document.activeElement)).to.equal('button#before');
    });

    it('focus the customer moved elsewhere on the page stays there', async () => {
      const { el, store, before } = await page(viewStore(SHARER));
      const elsewhere = el.parentElement!.appendChild(
        Object.assign(document.createElement('button'), { id: 'elsewhere', textContent: 'Elsewhere' }),
      );
      before.focus();
      $<HTMLButtonElement>(el, '[part="toggle"]')!.focus();
      elsewhere.focus();
      store.reset();
      await updated(el);
      expect(hidden(el)).to.equal(true);
      expect(nameOf(document.activeElement)).to.equal('button#elsewhere');
    });
  });
});
