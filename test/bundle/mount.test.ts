// `mount` and the script tag's data attributes, on the built file in fresh frames.
import { expect } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';
import { BUNDLE, SNIPPET, addScript, page, rendered } from './frames.js';

describe('dist/cobrowse-widget.min.js mount', () => {
  it("mount twice gives one widget, with the second call's options", async () => {
    const { win, doc } = await page();
    await addScript(doc);
    const first = win.CobrowseWidget.mount({ position: 'top-start', theme: 'dark' });
    const second = win.CobrowseWidget('mount', { position: 'bottom-start', hideWhenIdle: true });
    expect(second).to.equal(first);
    const widgets = doc.querySelectorAll('cobrowse-widget');
    expect(widgets).to.have.length(1);
    expect(widgets[0].parentElement).to.equal(doc.body);
    expect(widgets[0].getAttribute('position')).to.equal('bottom-start');
    expect(widgets[0].getAttribute('theme')).to.equal('dark');
    expect(widgets[0].hasAttribute('hide-when-idle')).to.equal(true);
  });

  it('renders the page store, moves into a container, and unmounts', async () => {
    const { win, doc } = await page('<main id="app"></main>');
    await addScript(doc);
    win.CobrowseWidget.ingest(cobrowsesession('alerting', 1));
    const el = win.CobrowseWidget.mount();
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
    await addScript(doc);
    const warnings: string[] = [];
    win.console.warn = (message: string) => warnings.push(message);
    expect(win.CobrowseWidget('nope')).to.equal(undefined);
    expect(win.CobrowseWidget('toString')).to.equal(undefined);
    win.CobrowseWidget.mount({ container: '#missing' });
    expect(warnings).to.have.length(3);
    expect(warnings[2]).to.contain('#missing');
  });
});

describe('dist/cobrowse-widget.min.js data attributes', () => {
  const ATTRS = 'data-mount data-position="top-start" data-theme="dark" data-lang="fr" data-hide-when-idle';

  it('data-mount and friends mount one configured widget, from an async script in <head>', async () => {
    const { win, doc } = await page(
      '<p>content</p>',
      `<script>${SNIPPET}</script><script async src="${BUNDLE}" ${ATTRS}></script>`,
    );
    expect(win.errors).to.deep.equal([]);
    const widgets = doc.querySelectorAll('cobrowse-widget');
    expect(widgets).to.have.length(1);
    const el = widgets[0];
    expect(el.parentElement).to.equal(doc.body);
    expect(el.getAttribute('position')).to.equal('top-start');
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.getAttribute('lang')).to.equal('fr');
    expect(el.hasAttribute('hide-when-idle')).to.equal(true);
  });

  it('a blocking script in <head> waits for <body> before it mounts, and data-mount="#id" names the container', async () => {
    const { doc } = await page('<aside id="help"></aside>', `<script src="${BUNDLE}" data-mount="#help"></script>`);
    const widgets = doc.querySelectorAll('cobrowse-widget');
    expect(widgets).to.have.length(1);
    expect(widgets[0].parentElement!.id).to.equal('help');
  });

  it('calls queued on the stub run after the data attributes, so they win', async () => {
    const { doc } = await page(
      '',
      `<script>${SNIPPET};CobrowseWidget('mount',{position:'bottom-start'})</script><script src="${BUNDLE}" ${ATTRS}></script>`,
    );
    const widgets = doc.querySelectorAll('cobrowse-widget');
    expect(widgets).to.have.length(1);
    expect(widgets[0].getAttribute('position')).to.equal('bottom-start');
    expect(widgets[0].getAttribute('theme')).to.equal('dark');
  });

  it('finds its tag by selector when document.currentScript is null (here: loaded as a module)', async () => {
    const { win, doc } = await page(
      '<div id="spot"></div>',
      `<script type="module" src="${BUNDLE}" data-mount="#spot"></script>`,
    );
    expect(win.errors).to.deep.equal([]);
    expect(doc.querySelectorAll('#spot > cobrowse-widget')).to.have.length(1);
  });

  it('without data-mount nothing is mounted, and a script added later still finds its own tag', async () => {
    const { win, doc } = await page('<div id="late"></div>');
    await addScript(doc, BUNDLE, { 'data-position': 'top-end' });
    expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(0);
    expect(win.CobrowseWidget.version).to.be.a('string');

    const other = await page('<div id="late"></div>');
    await addScript(other.doc, BUNDLE, { 'data-mount': '#late', 'data-hide-when-idle': 'false' });
    const el = other.doc.querySelector('#late > cobrowse-widget')!;
    expect(el).to.not.equal(null);
    expect(el.hasAttribute('hide-when-idle')).to.equal(false);
  });
});
