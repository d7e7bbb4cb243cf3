import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { CobrowseWidget } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';

describe('<cobrowse-widget>', () => {
  it('is accessible', async () => {
    const store = createSessionStore();
    store.ingest(cobrowsesession('alerting', 1));
    const el = await fixture<CobrowseWidget>(html`<cobrowse-widget .store=${store}></cobrowse-widget>`);
    await expect(el).to.be.accessible();
  });

  it('hands its store to its badge and controls', async () => {
    const store = createSessionStore();
    const el = await fixture<CobrowseWidget>(html`<cobrowse-widget .store=${store}></cobrowse-widget>`);
    store.ingest(cobrowsesession('connected', 5));
    await el.updateComplete;
    const badge = el.shadowRoot!.querySelector('cobrowse-badge')!;
    await (badge as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.getAttribute('connection')).to.equal('connected');
    expect(badge.getAttribute('connection')).to.equal('connected');
  });
});
