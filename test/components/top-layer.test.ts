// <cobrowse-widget> in the browser's top layer: what a host page cannot do to it, and what it still can.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define.js';
import type { CobrowseWidget } from '../../src/components/index.js';
import type { SessionView } from '../../src/store/index.js';
import { $, updated, viewStore } from './view-store.js';

const SHARER = { connection: 'connected', role: 'sharer', kind: 'cobrowse' } as const;

const added: Element[] = [];
/** Appends `node` to `parent` (default `<body>`), removed again after each test. */
function add<T extends Element>(node: T, parent: Element = document.body): T {
  parent.append(node);
  added.push(node);
  return node;
}
afterEach(() => {
  added.splice(0).forEach((node) => node.remove());
  scrollTo(0, 0);
});

/** A widget on this page, as `CobrowseWidget.mount` puts one: a child of `<body>`. */
async function widget(fields: Partial<SessionView> = SHARER, setup?: (el: CobrowseWidget) => void) {
  const el = document.createElement('cobrowse-widget');
  el.store = viewStore(fields);
  setup?.(el);
  add(el);
  await updated(el);
  await updated($(el, 'cobrowse-badge')!);
  return el;
}

const centre = (el: Element) => {
  const rect = el.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
};
/** Names an element for an assertion (a failing `equal` on elements would print them whole). */
const nameOf = (el: Element | null) => (el ? el.localName + (el.className ? `.${el.className}` : '') : 'nothing');
/** What a click at the centre of `el` would hit (retargeted to the element in the document, as a page sees it). */
const hitAt = (el: Element) => {
  const { x, y } = centre(el);
  return nameOf(document.elementFromPoint(x, y));
};
const inViewport = (el: Element) => {
  const rect = el.getBoundingClientRect();
  return rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth;
};

function style(css: string) {
  const sheet = document.createElement('style');
  sheet.textContent = css;
  return add(sheet, document.head);
}

/** A modal `<dialog>` of the page's, open. */
function openModal() {
  const dialog = add(Object.assign(document.createElement('dialog'), { textContent: 'Page dialog' }));
  dialog.showModal();
  return dialog;
}
/**
 * Closes `dialog` (by `close()`, else as `how` does) and waits for its `toggle` event, which the widget hears first:
 * it listens on the document, in the capture phase. (Not `close`: the runner's hidden page gets that only once it
 * renders again.)
 */
async function closeModal(dialog: HTMLDialogElement, how: () => unknown = () => dialog.close()) {
  const closed = new Promise((resolve) => dialog.addEventListener('toggle', resolve, { once: true }));
  await how();
  await closed;
}

/** A page built the way many real sites are: a transformed, filtered, clipped body, long, with a late overlay. */
async function hostilePage() {
  style(`
    body { transform: translateZ(0); filter: saturate(1); overflow-x: hidden; }
    .tall { block-size: 10000px; }
    .overlay { position: fixed; z-index: 2147483647; inset: 0; background: rgb(0 0 0 / 50%); }
  `);
  add(Object.assign(document.createElement('div'), { className: 'tall' }));
  const el = await widget();
  // After the widget in the document, with the largest z-index: it would cover a fixed-position widget.
  add(Object.assign(document.createElement('div'), { className: 'overlay' }));
  scrollTo(0, 8000);
  return el;
}

describe('<cobrowse-widget> in the top layer', () => {
  it('is accessible there', async () => {
    const el = await widget();
    expect(el.matches(':popover-open')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('stays in the viewport and on top of a transformed, filtered, clipped, scrolled page and its overlays', async () => {
    const el = await hostilePage();
    expect(scrollY, 'the page scrolled').to.be.greaterThan(5000);
    // The overlay covers the whole viewport, corners included, everywhere but the widget.
    expect(nameOf(document.elementFromPoint(innerWidth / 2, innerHeight / 2))).to.equal('div.overlay');
    for (const [position, dir] of [
      ['bottom-end', 'ltr'],
      ['top-start', 'ltr'],
      ['bottom-start', 'rtl'],
    ] as const) {
      el.position = position;
      el.dir = dir;
      await updated(el);
      const badge = $(el, 'cobrowse-badge')!;
      expect(inViewport(badge), `${position} ${dir}: the badge is in the viewport`).to.equal(true);
      expect(hitAt(badge), `${position} ${dir}: a click at the badge's centre reaches the widget`).to.equal(
        'cobrowse-widget',
      );
    }
  });

  it('stays under a modal dialog the page opens later, and is on top again when it closes', async () => {
    const el = await hostilePage();
    const badge = $(el, 'cobrowse-badge')!;
    expect(hitAt(badge)).to.equal('cobrowse-widget');
    const dialog = openModal();
    expect(hitAt(badge), 'the dialog (its backdrop) is above the widget').to.equal('dialog');
    expect(el.matches(':popover-open'), 'the widget stays in the top layer').to.equal(true);
    dialog.close();
    expect(hitAt(badge), 'on top again').to.equal('cobrowse-widget');
    // Escape closes the page's dialog, never the widget.
    dialog.showModal();
    await closeModal(dialog, () => sendKeys({ press: 'Escape' }));
    expect(el.matches(':popover-open')).to.equal(true);
    expect(hitAt(badge)).to.equal('cobrowse-widget');
  });

  it('connected while a modal dialog is open, waits under it, then goes on top when it closes', async () => {
    const dialog = openModal();
    const el = await widget();
    const badge = $(el, 'cobrowse-badge')!;
    expect(el.matches(':popover-open'), 'not above the dialog').to.equal(false);
    expect(getComputedStyle(el).position, 'rendered as the fixed fallback meanwhile').to.equal('fixed');
    expect(inViewport(badge)).to.equal(true);
    expect(hitAt(badge)).to.equal('dialog');
    await closeModal(dialog);
    expect(el.matches(':popover-open')).to.equal(true);
    expect(hitAt(badge)).to.equal('cobrowse-widget');
  });

  it('listens on the document for closing dialogs only while it waits for one', async () => {
    const types = new Set(['toggle', 'close', 'fullscreenchange']);
    const calls = { add: sinon.spy(document, 'addEventListener'), remove: sinon.spy(document, 'removeEventListener') };
    const dialogCalls = (spy: sinon.SinonSpy) => spy.getCalls().filter((call) => types.has(call.args[0])).length;
    try {
      const shown = await widget();
      expect(shown.matches(':popover-open')).to.equal(true);
      expect(dialogCalls(calls.add) + dialogCalls(calls.remove), 'no modal: nothing added, nothing to remove').to.equal(
        0,
      );
      shown.remove();
      expect(dialogCalls(calls.remove), 'nor on disconnect').to.equal(0);

      const dialog = openModal();
      const waiting = await widget();
      expect(dialogCalls(calls.add), 'one listener per type while it waits').to.equal(3);
      await closeModal(dialog);
      expect(waiting.matches(':popover-open')).to.equal(true);
      expect(dialogCalls(calls.remove), 'removed once it is on top').to.equal(3);
    } finally {
      calls.add.restore();
      calls.remove.restore();
    }
  });

  it('goes on top at its next update when a modal dialog it waited for is removed without closing', async () => {
    const dialog = openModal();
    const store = viewStore(SHARER);
    const el = await widget(SHARER, (created) => (created.store = store));
    expect(el.matches(':popover-open')).to.equal(false);
    dialog.remove(); // no `close`, no `toggle`
    store.set({ ...SHARER, peerCount: 1 });
    await updated(el);
    expect(el.matches(':popover-open')).to.equal(true);
  });

  it('takes no focus, and neither Escape nor a click elsewhere closes it', async () => {
    const button = add(Object.assign(document.createElement('button'), { textContent: 'Page button' }));
    button.focus();
    const el = await widget({ ...SHARER, peerCount: 1 });
    expect(el.matches(':popover-open')).to.equal(true);
    expect(nameOf(document.activeElement), 'focus stays on the page').to.equal('button');
    await sendKeys({ press: 'Escape' });
    const { x, y } = centre(button);
    await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
    expect(el.matches(':popover-open')).to.equal(true);
    expect(nameOf(document.activeElement)).to.equal('button');
    // Tab still walks from the page into the widget, as to any other element after it.
    await sendKeys({ press: 'Tab' });
    expect(nameOf(document.activeElement)).to.equal('cobrowse-widget');
  });

  it('still hides with hidden and hide-when-idle, and shows again', async () => {
    // The idle card shown (`hide-when-idle="false"`), then hidden while idle: out of the top layer, nothing to show.
    const el = await widget({}, (created) => (created.hideWhenIdle = false));
    const { x, y } = centre($(el, 'cobrowse-badge')!);
    el.hideWhenIdle = true;
    await updated(el);
    expect(el.matches(':popover-open'), 'nothing to show, so not in the top layer').to.equal(false);
    expect(getComputedStyle(el).display).to.equal('none');
    expect(nameOf(document.elementFromPoint(x, y))).not.to.equal('cobrowse-widget');
    el.hideWhenIdle = false;
    await updated(el);
    expect(el.matches(':popover-open'), 'shown again, in the top layer again').to.equal(true);
    el.hidden = true;
    await updated(el);
    expect(getComputedStyle(el).display).to.equal('none');
    el.hidden = false;
    expect(nameOf(document.elementFromPoint(x, y))).to.equal('cobrowse-widget');
  });

  it('comes back into the top layer when it is put back in the document', async () => {
    const el = await widget();
    el.remove();
    expect(el.matches(':popover-open')).to.equal(false);
    const later = add(Object.assign(document.createElement('div'), { popover: 'manual', textContent: 'Page popover' }));
    later.showPopover();
    add(el);
    await updated(el);
    expect(el.matches(':popover-open')).to.equal(true);
    expect(hitAt($(el, 'cobrowse-badge')!), 'shown last, so on top').to.equal('cobrowse-widget');
  });

  it('is still placed by the host: --cobrowse-offset and its own CSS on the element', async () => {
    style('cobrowse-widget { --cobrowse-offset: 40px; } cobrowse-widget.raised { inset-block-end: 96px; }');
    const el = await widget();
    expect(el.matches(':popover-open')).to.equal(true);
    const gaps = () => {
      const rect = el.getBoundingClientRect();
      return { right: Math.round(innerWidth - rect.right), bottom: Math.round(innerHeight - rect.bottom) };
    };
    expect(gaps()).to.deep.equal({ right: 40, bottom: 40 });
    el.classList.add('raised');
    expect(gaps()).to.deep.equal({ right: 40, bottom: 96 });
  });

  it("draws no backdrop, whatever the page's ::backdrop rule", async () => {
    style('::backdrop { background: rgb(0 0 0 / 50%); }');
    const el = await widget();
    expect(getComputedStyle(el, '::backdrop').display).to.equal('none');
  });

  it('looks and sits exactly as the fixed-position fallback does (no popover support)', async () => {
    const shown = await widget();
    // A browser without the popover API: the widget finds no `showPopover`.
    const fallback = await widget(SHARER, (el) => Object.defineProperty(el, 'showPopover', { value: undefined }));
    expect(shown.matches(':popover-open')).to.equal(true);
    expect(fallback.matches(':popover-open')).to.equal(false);
    expect(fallback.hasAttribute('popover')).to.equal(false);
    expect(fallback.getBoundingClientRect().toJSON()).to.deep.equal(shown.getBoundingClientRect().toJSON());
    const props = [
      'position',
      'inset',
      'margin',
      'padding',
      'border',
      'background-color',
      'overflow',
      'color',
      'inline-size',
      'block-size',
      'display',
      'z-index',
    ];
    const styles = (el: Element) => props.map((prop) => `${prop}: ${getComputedStyle(el).getPropertyValue(prop)}`);
    expect(styles(shown)).to.deep.equal(styles(fallback));
    expect(getComputedStyle(fallback).zIndex).to.equal('2147483647');
  });
});
