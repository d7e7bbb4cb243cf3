// `mount` and the script tag's data attributes, on the built files in fresh frames. On the core, `data-load="eager"`
// loads the session UI at once; the widget is placed when the UI is there (`ready`).
import { expect } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';
import { BUILDS, CORE, SNIPPET, addScript, page, ready, rendered } from './frames.js';

type IdleWidget = HTMLElement & { hideWhenIdle: boolean };
/** The idle card is on screen: rendered (its badge) and displayed. */
const idleCard = (el: Element) =>
  !!el.shadowRoot?.querySelector('cobrowse-badge') &&
  el.ownerDocument.defaultView!.getComputedStyle(el).display !== 'none';

for (const { name, src, eager, eagerAttr } of BUILDS) {
  describe(`${name} mount`, () => {
    it("mount twice gives one widget, with the second call's options", async () => {
      const { win, doc } = await page();
      await addScript(doc, src, eager);
      const first = win.CobrowseWidget.mount({ position: 'top-start', theme: 'dark' });
      const second = win.CobrowseWidget('mount', { position: 'bottom-start', hideWhenIdle: true });
      expect(second).to.equal(first);
      await ready(win);
      const widgets = doc.querySelectorAll('cobrowse-widget');
      expect(widgets).to.have.length(1);
      expect(widgets[0]).to.equal(first);
      expect(widgets[0].parentElement).to.equal(doc.body);
      expect(widgets[0].getAttribute('position')).to.equal('bottom-start');
      expect(widgets[0].getAttribute('theme')).to.equal('dark');
      expect(widgets[0].getAttribute('hide-when-idle')).to.equal('');
    });

    it('hideWhenIdle: false shows the idle card; a later mount without it keeps it; true hides it again', async () => {
      const { win, doc } = await page();
      await addScript(doc, src, eager);
      const el = win.CobrowseWidget.mount({ hideWhenIdle: false }) as IdleWidget;
      await ready(win);
      await rendered(el);
      expect(el.getAttribute('hide-when-idle')).to.equal('false');
      expect(el.hideWhenIdle).to.equal(false);
      expect(idleCard(el), 'the idle card shows').to.equal(true);
      win.CobrowseWidget.mount({ position: 'top-start' });
      await rendered(el);
      expect(el.hideWhenIdle, 'unset: unchanged').to.equal(false);
      win.CobrowseWidget.mount({ hideWhenIdle: true });
      await rendered(el);
      expect(el.getAttribute('hide-when-idle')).to.equal('');
      expect(idleCard(el)).to.equal(false);
    });

    it('renders the page store, moves into a container, and unmounts', async () => {
      const { win, doc } = await page('<main id="app"></main>');
      await addScript(doc, src);
      win.CobrowseWidget.ingest(cobrowsesession('alerting', 1));
      const el = win.CobrowseWidget.mount();
      await ready(win);
      await rendered(el);
      expect(el.getAttribute('connection')).to.equal('alerting');
      win.CobrowseWidget.mount({ container: '#app' });
      expect(el.parentElement!.id).to.equal('app');
      expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(1);
      win.CobrowseWidget.unmount();
      expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(0);
      const again = win.CobrowseWidget.mount({ container: doc.querySelector('#app')! });
      expect(again.parentElement!.id).to.equal('app');
    });

    it('warns, and throws nothing, for an unknown method or a container that is not there', async () => {
      const { win, doc } = await page();
      await addScript(doc, src, eager);
      await ready(win);
      const warnings: string[] = [];
      win.console.warn = (message: string) => warnings.push(message);
      expect(win.CobrowseWidget('nope')).to.equal(undefined);
      expect(win.CobrowseWidget('toString')).to.equal(undefined);
      win.CobrowseWidget.mount({ container: '#missing' });
      expect(warnings).to.have.length(3);
      expect(warnings[2]).to.contain('#missing');
    });
  });

  describe(`${name} data attributes`, () => {
    const ATTRS = `data-mount data-position="top-start" data-theme="dark" data-lang="fr" data-hide-when-idle ${eagerAttr}`;

    it('data-mount and friends mount one configured widget, from an async script in <head>', async () => {
      const { win, doc } = await page(
        '<p>content</p>',
        `<script>${SNIPPET}</script><script async src="${src}" ${ATTRS}></script>`,
      );
      await ready(win);
      expect(win.errors).to.deep.equal([]);
      const widgets = doc.querySelectorAll('cobrowse-widget');
      expect(widgets).to.have.length(1);
      const el = widgets[0];
      expect(el.parentElement).to.equal(doc.body);
      expect(el.getAttribute('position')).to.equal('top-start');
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(el.getAttribute('lang')).to.equal('fr');
      expect(el.getAttribute('hide-when-idle')).to.equal('');
    });

    it('without data-hide-when-idle the mounted widget hides while idle (the default), and shows with a session', async () => {
      const { win, doc } = await page('', `<script src="${src}" data-mount ${eagerAttr}></script>`);
      await ready(win);
      const el = doc.querySelector<IdleWidget>('cobrowse-widget')!;
      await rendered(el);
      expect(el.hideWhenIdle).to.equal(true);
      expect(el.getAttribute('hide-when-idle'), 'reflected').to.equal('');
      expect(idleCard(el), 'nothing rendered').to.equal(false);
      expect(win.getComputedStyle(el).display).to.equal('none');
      expect(el.matches(':popover-open'), 'not in the top layer').to.equal(false);
      win.CobrowseWidget.ingest(cobrowsesession('alerting', 1));
      await rendered(el);
      expect(el.shadowRoot!.querySelector('cobrowse-badge'), 'the session shows').not.to.equal(null);
      expect(el.matches(':popover-open')).to.equal(true);
    });

    it('a blocking script in <head> waits for <body> before it mounts, and data-mount="#id" names the container', async () => {
      const { win, doc } = await page(
        '<aside id="help"></aside>',
        `<script src="${src}" data-mount="#help" ${eagerAttr}></script>`,
      );
      await ready(win);
      const widgets = doc.querySelectorAll('cobrowse-widget');
      expect(widgets).to.have.length(1);
      expect(widgets[0].parentElement!.id).to.equal('help');
    });

    it('calls queued on the stub run after the data attributes, so they win', async () => {
      const { win, doc } = await page(
        '',
        `<script>${SNIPPET};CobrowseWidget('mount',{position:'bottom-start'})</script><script src="${src}" ${ATTRS}></script>`,
      );
      await ready(win);
      const widgets = doc.querySelectorAll('cobrowse-widget');
      expect(widgets).to.have.length(1);
      expect(widgets[0].getAttribute('position')).to.equal('bottom-start');
      expect(widgets[0].getAttribute('theme')).to.equal('dark');
    });

    it('finds its tag by selector when document.currentScript is null (here: loaded as a module)', async () => {
      const { win, doc } = await page(
        '<div id="spot"></div>',
        `<script type="module" src="${src}" data-mount="#spot" ${eagerAttr}></script>`,
      );
      await ready(win);
      expect(win.errors).to.deep.equal([]);
      expect(doc.querySelectorAll('#spot > cobrowse-widget')).to.have.length(1);
    });

    it('without data-mount nothing is mounted, and a script added later still finds its own tag', async () => {
      const { win, doc } = await page('<div id="late"></div>');
      await addScript(doc, src, { 'data-position': 'top-end', ...eager });
      await ready(win);
      expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(0);
      expect(win.CobrowseWidget.version).to.be.a('string');

      const other = await page('<div id="late"></div>');
      await addScript(other.doc, src, { 'data-mount': '#late', 'data-hide-when-idle': 'false', ...eager });
      await ready(other.win);
      const el = other.doc.querySelector('#late > cobrowse-widget')!;
      expect(el).to.not.equal(null);
      await rendered(el);
      expect(el.getAttribute('hide-when-idle')).to.equal('false');
      expect((el as IdleWidget).hideWhenIdle).to.equal(false);
      expect(idleCard(el), 'data-hide-when-idle="false" shows the idle card').to.equal(true);
    });
  });
}

describe('dist/cobrowse-widget.min.js (core) without a session', () => {
  it('mount returns the widget at once, and places it only when the session UI is there', async () => {
    const { win, doc } = await page();
    await addScript(doc, CORE);
    const el = win.CobrowseWidget.mount({ position: 'top-start' });
    expect(el.localName).to.equal('cobrowse-widget');
    // An idle page: nothing loads, nothing shows.
    expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(0);
    expect(win.customElements.get('cobrowse-widget')).to.equal(undefined);
    win.CobrowseWidget.ingest(cobrowsesession('alerting', 1));
    await ready(win);
    expect(doc.querySelector('cobrowse-widget')).to.equal(el);
    expect(el.getAttribute('position')).to.equal('top-start');
    await rendered(el);
    expect(el.getAttribute('connection')).to.equal('alerting');
  });
});

describe('mount without popover support (issue 14: the fallback)', () => {
  for (const { name, src, eagerAttr } of BUILDS) {
    it(`${name}: the widget goes under <html>, not <body>, so a replaced or transformed body cannot take it`, async () => {
      const { win, doc } = await page(
        '<p>content</p>',
        // A browser without the Popover API.
        `<script>delete HTMLElement.prototype.popover;delete HTMLElement.prototype.showPopover;delete HTMLElement.prototype.hidePopover</script>` +
          `<script src="${src}" data-mount ${eagerAttr}></script>`,
      );
      await ready(win);
      const widget = doc.querySelector('cobrowse-widget')!;
      expect(widget.parentElement).to.equal(doc.documentElement);
      expect(win.getComputedStyle(widget).position).to.equal('fixed');
      expect(win.errors).to.deep.equal([]);
    });
  }
});
