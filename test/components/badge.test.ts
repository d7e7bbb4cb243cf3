import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { CobrowseBadge } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';

describe('<cobrowse-badge>', () => {
  it('is accessible', async () => {
    const el = await fixture<CobrowseBadge>(html`<cobrowse-badge .store=${createSessionStore()}></cobrowse-badge>`);
    await expect(el).to.be.accessible();
  });

  it('reflects connection and session-role from its store', async () => {
    const store = createSessionStore();
    const el = await fixture<CobrowseBadge>(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
    expect(el.getAttribute('connection')).to.equal('idle');
    expect(el.hasAttribute('session-role')).to.equal(false);
    store.ingest(cobrowsesession('connected', 10, { cobrowseRole: 'viewer' }));
    await el.updateComplete;
    expect(el.getAttribute('connection')).to.equal('connected');
    expect(el.getAttribute('session-role')).to.equal('viewer');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('viewing');
  });
});
