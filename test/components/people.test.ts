/**
 * Issue 16 end to end in the UI: a real store fed the large, transferred conversation; the widget's panel lists the
 * viewer and discloses the monitoring supervisor, and the badge's "N viewing" agrees with `peerCount`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { registerLocale } from '../../src/components/index.js';
import type { CobrowseBadge, CobrowseWidget } from '../../src/components/index.js';
import { de } from '../../src/components/strings/locales/de.js';
import { createSessionStore } from '../../src/store/index.js';
import { callbackConversation, epoch, largeConversation } from '../fixtures/genesys/index.js';
import { $, statusText, updated } from './view-store.js';

async function widgetWith(...inputs: unknown[]) {
  const store = createSessionStore({ clock: () => epoch(100) });
  for (const input of inputs) expect(store.ingest(input).ok).to.equal(true);
  const el = await fixture<CobrowseWidget>(html`<cobrowse-widget .store=${store}></cobrowse-widget>`);
  el.open = true;
  await updated(el);
  const badge = $<CobrowseBadge>(el, 'cobrowse-badge')!;
  await updated(badge);
  return { el, store, badge };
}
const peerTexts = (el: CobrowseWidget) =>
  [...el.shadowRoot!.querySelectorAll('[part="peers"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('<cobrowse-widget>: who is shown, from a real conversation', () => {
  it('is accessible with the viewer and the monitoring supervisor listed', async () => {
    const { el } = await widgetWith(largeConversation);
    await expect(el).to.be.accessible();
  });

  it('lists the co-browsing agent and "Sam Okafor (monitoring)", nobody else; the badge says 1 viewing', async () => {
    const { el, store, badge } = await widgetWith(callbackConversation, largeConversation);
    expect(peerTexts(el)).to.deep.equal(['Priya Raman', 'Sam Okafor (monitoring)']);
    expect(store.getState().peerCount).to.equal(1);
    expect(badge.getAttribute('peer-count')).to.equal('1');
    expect(statusText(badge)).to.include('Priya Raman is viewing');
    expect(statusText(badge)).to.not.include('Sam');
  });

  it('translates the monitoring suffix', async () => {
    registerLocale('de', de);
    const { el } = await widgetWith(largeConversation);
    el.lang = 'de';
    await updated(el);
    expect(peerTexts(el)).to.deep.equal(['Priya Raman', 'Sam Okafor (beobachtet)']);
  });

  it('makes the list when the panel shows, not while it is closed or minimised', async () => {
    const { el } = await widgetWith(largeConversation);
    expect(peerTexts(el)).to.deep.equal(['Priya Raman', 'Sam Okafor (monitoring)']);
    el.open = false;
    await updated(el);
    expect($(el, '[part="peers"]') === null, 'closed').to.equal(true);
    el.open = true;
    el.minimized = true;
    await updated(el);
    expect($(el, '[part="peers"]') === null, 'minimised').to.equal(true);
    el.minimized = false;
    await updated(el);
    expect(peerTexts(el)).to.deep.equal(['Priya Raman', 'Sam Okafor (monitoring)']);
  });
});
