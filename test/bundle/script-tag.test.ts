// Loads only a built script-tag file into a fresh frame, as a customer site would: no source imports here.
import { expect } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';
import { BUILDS, SNIPPET, addScript, page, ready, rendered } from './frames.js';

for (const { name, src } of BUILDS) {
  describe(`${name} (script tag)`, () => {
    it('replays calls queued on the stub, then serves calls made after load', async () => {
      const { win, doc } = await page('<cobrowse-badge></cobrowse-badge>', `<script>${SNIPPET}</script>`);
      win.CobrowseWidget('ingest', cobrowsesession('alerting', 1));
      expect(win.CobrowseWidget.q).to.have.length(1);

      await addScript(doc, src);
      await ready(win);
      const badge = doc.querySelector('cobrowse-badge')!;
      await rendered(badge);
      expect(badge.getAttribute('connection')).to.equal('alerting');
      expect(badge.getAttribute('session-role')).to.equal('sharer');
      expect(win.CobrowseWidget.version).to.match(/^\d+\.\d+\.\d+/);

      const result = win.CobrowseWidget.ingest(cobrowsesession('connected', 10, { cobrowseRole: 'viewer' }));
      expect(result.ok).to.equal(true);
      await rendered(badge);
      expect(badge.getAttribute('connection')).to.equal('connected');
      expect(badge.getAttribute('session-role')).to.equal('viewer');
    });

    it('keeps the badge as it was when fed invalid input', async () => {
      const { win, doc } = await page('<cobrowse-badge></cobrowse-badge>');
      await addScript(doc, src);
      await ready(win);
      win.CobrowseWidget.ingest(cobrowsesession('connected', 10));
      const result = win.CobrowseWidget.ingest({ id: 42, state: 'disconnected' });
      expect(result.ok).to.equal(false);
      await rendered(doc.querySelector('cobrowse-badge'));
      expect(doc.querySelector('cobrowse-badge')!.getAttribute('connection')).to.equal('connected');
    });
  });
}
