import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { CobrowseControls } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';

const actions = (el: CobrowseControls) =>
  [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.getAttribute('data-action'));

describe('<cobrowse-controls>', () => {
  it('is accessible', async () => {
    const store = createSessionStore();
    store.ingest(cobrowsesession('alerting', 1));
    const el = await fixture<CobrowseControls>(html`<cobrowse-controls .store=${store}></cobrowse-controls>`);
    await expect(el).to.be.accessible();
  });

  it('offers the buttons that fit the state', async () => {
    const store = createSessionStore();
    const el = await fixture<CobrowseControls>(html`<cobrowse-controls .store=${store}></cobrowse-controls>`);
    expect(actions(el)).to.deep.equal([]);
    store.ingest(cobrowsesession('alerting', 1));
    await el.updateComplete;
    expect(actions(el)).to.deep.equal(['accept', 'decline']);
    store.ingest(cobrowsesession('connected', 5));
    await el.updateComplete;
    expect(actions(el)).to.deep.equal(['end']);
    store.ingest(cobrowsesession('disconnected', 9));
    await el.updateComplete;
    expect(actions(el)).to.deep.equal(['dismiss']);
  });

  it('fires cobrowse-action with the contract detail and marks the action pending', async () => {
    const store = createSessionStore();
    store.ingest(cobrowsesession('alerting', 1));
    const el = await fixture<CobrowseControls>(html`<cobrowse-controls .store=${store}></cobrowse-controls>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="accept"]')!;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'cobrowse-action');
    expect(event.detail).to.deep.equal({ action: 'accept', sessionId: 'session-1', communicationId: 'comm-1' });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(store.getState().pending?.action).to.equal('accept');
  });

  it('leaves the store alone when the event is cancelled', async () => {
    const store = createSessionStore();
    store.ingest(cobrowsesession('alerting', 1));
    const el = await fixture<CobrowseControls>(html`<cobrowse-controls .store=${store}></cobrowse-controls>`);
    el.addEventListener('cobrowse-action', (event) => event.preventDefault());
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="decline"]')!.click();
    expect(store.getState().pending).to.equal(undefined);
  });
});
