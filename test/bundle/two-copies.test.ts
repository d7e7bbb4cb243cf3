// Two copies of the script-tag file on one page (a site that pastes the snippet twice, or a tag manager that adds
// another release): the first API is kept, tags are defined once, the queue is replayed once.
import { expect } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';
import { BUILDS, CORE, FULL, SNIPPET, addScript, otherVersion, page, ready, rendered } from './frames.js';
import type { FrameWindow } from './frames.js';

/** Installs a listener that counts changes through the stub, then queues two ingests. */
function queueCalls(win: FrameWindow) {
  const states: string[] = [];
  win.CobrowseWidget('subscribe', (view: { connection: string }) => states.push(view.connection));
  win.CobrowseWidget('ingest', cobrowsesession('alerting', 1));
  win.CobrowseWidget('reset');
  win.CobrowseWidget('ingest', cobrowsesession('connected', 2));
  return states;
}

function recordWarnings(win: FrameWindow): string[] {
  const warnings: string[] = [];
  win.console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return warnings;
}

for (const { name, src, eagerAttr } of BUILDS) {
  describe(`two copies of ${name} on one page`, () => {
    it('same version: keeps the first API, replays the queue once, says nothing', async () => {
      const { win, doc } = await page('<cobrowse-badge></cobrowse-badge>', `<script>${SNIPPET}</script>`);
      const warnings = recordWarnings(win);
      const states = queueCalls(win);
      await addScript(doc, src);
      const first = win.CobrowseWidget;
      await ready(win);
      const badgeClass = win.customElements.get('cobrowse-badge');
      await addScript(doc, src);
      expect(win.CobrowseWidget).to.equal(first);
      expect(win.customElements.get('cobrowse-badge')).to.equal(badgeClass);
      expect(states).to.deep.equal(['alerting', 'idle', 'connected']);
      expect(warnings).to.deep.equal([]);
      expect(win.errors).to.deep.equal([]);
      const badge = doc.querySelector('cobrowse-badge')!;
      await rendered(badge);
      expect(badge.getAttribute('connection')).to.equal('connected');
    });

    it('other version: keeps the first API and warns once, naming both versions', async () => {
      const { win, doc } = await page('', `<script>${SNIPPET}</script>`);
      const warnings = recordWarnings(win);
      const states = queueCalls(win);
      await addScript(doc, src);
      const first = win.CobrowseWidget;
      const version = first.version!;
      await ready(win);
      await addScript(doc, await otherVersion('9.9.9', src));
      expect(win.CobrowseWidget).to.equal(first);
      expect(win.CobrowseWidget.version).to.equal(version);
      expect(states).to.deep.equal(['alerting', 'idle', 'connected']);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(version).and.contain('9.9.9');
      expect(win.errors).to.deep.equal([]);
    });

    it('the other version first: the page keeps that one', async () => {
      const { win, doc } = await page('', `<script>${SNIPPET}</script>`);
      const warnings = recordWarnings(win);
      await addScript(doc, await otherVersion('0.0.1', src));
      await addScript(doc, src);
      expect(win.CobrowseWidget.version).to.equal('0.0.1');
      expect(warnings).to.have.length(1);
    });

    describe("under CSP `require-trusted-types-for 'script'; trusted-types lit-html cobrowse-widget`", () => {
      const CSP = `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types lit-html cobrowse-widget">`;
      const tags = `<script>${SNIPPET}</script><script src="${src}" ${eagerAttr}></script><script src="${src}" data-mount></script>`;

      it('a second policy named lit-html throws: the reason a second copy must not evaluate Lit', async () => {
        const { win } = await page('', `${CSP}<script src="${src}" ${eagerAttr}></script>`);
        await ready(win);
        expect(win.errors).to.deep.equal([]);
        expect(() => win.trustedTypes!.createPolicy('lit-html', { createHTML: (s: string) => s })).to.throw();
      });

      it('two copies load without an error, and the first renders under Trusted Types', async () => {
        const violations: string[] = [];
        const { win, doc } = await page('<cobrowse-badge></cobrowse-badge>', CSP + tags);
        doc.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        await ready(win);
        expect(win.errors).to.deep.equal([]);
        win.CobrowseWidget.ingest(cobrowsesession('alerting', 1));
        const badge = doc.querySelector('cobrowse-badge')!;
        await rendered(badge);
        expect(badge.shadowRoot!.textContent).to.not.equal('');
        expect(badge.getAttribute('connection')).to.equal('alerting');
        // The second tag's data-mount was ignored along with the rest of that copy.
        expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(0);
        expect(violations).to.deep.equal([]);
      });
    });
  });
}

describe('the core and the one-file build on one page', () => {
  for (const [first, second] of [
    [CORE, FULL],
    [FULL, CORE],
  ]) {
    it(`${first.split('/').pop()} first: its API stays, one Lit, one session UI`, async () => {
      const CSP = `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types lit-html cobrowse-widget">`;
      // Parser-inserted, as a page writes them (Trusted Types guards script URLs set from script, not markup).
      const { win, doc } = await page(
        '<cobrowse-badge></cobrowse-badge>',
        `${CSP}<script src="${first}"></script><script>window.first = CobrowseWidget</script><script src="${second}"></script>`,
      );
      expect(win.CobrowseWidget).to.equal((win as unknown as { first: unknown }).first);
      expect(win.CobrowseWidget.version).to.be.a('string');
      win.CobrowseWidget.ingest(cobrowsesession('connected', 3));
      await ready(win);
      const badge = doc.querySelector('cobrowse-badge')!;
      await rendered(badge);
      expect(badge.getAttribute('connection')).to.equal('connected');
      expect(win.errors).to.deep.equal([]);
    });
  }
});
