// Loads only the built script-tag file into a fresh frame, as a customer site would: no source imports here.
import { expect } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';

const SNIPPET =
  'window.CobrowseWidget=window.CobrowseWidget||function(){(CobrowseWidget.q=CobrowseWidget.q||[]).push(arguments)}';

interface FrameWindow extends Window {
  CobrowseWidget: ((...args: unknown[]) => unknown) & {
    ingest(payload: unknown): { ok: boolean };
    version?: string;
    q?: unknown[];
  };
}

async function frame(): Promise<{ win: FrameWindow; doc: Document }> {
  const iframe = document.createElement('iframe');
  // Wait for the frame's own document: touching the initial about:blank races its replacement.
  iframe.srcdoc = '<!doctype html><html lang="en"><head></head><body></body></html>';
  const ready = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await ready;
  const doc = iframe.contentDocument!;
  doc.body.append(doc.createElement('cobrowse-badge'));
  const stub = doc.createElement('script');
  stub.textContent = SNIPPET;
  doc.head.append(stub);
  return { win: iframe.contentWindow as FrameWindow, doc };
}

async function loadBundle(doc: Document) {
  const script = doc.createElement('script');
  script.src = new URL('/dist/cobrowse-widget.min.js', location.href).href;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = () => reject(new Error('dist/cobrowse-widget.min.js did not load: run npm run build'));
  });
  doc.head.append(script);
  await loaded;
}

// Not requestAnimationFrame: the runner's second page is hidden, and hidden pages get no frames.
const rendered = (el: Element | null) =>
  (el as (Element & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;

describe('dist/cobrowse-widget.min.js (script tag)', () => {
  it('replays calls queued on the stub, then serves calls made after load', async () => {
    const { win, doc } = await frame();
    win.CobrowseWidget('ingest', cobrowsesession('alerting', 1));
    expect(win.CobrowseWidget.q).to.have.length(1);

    await loadBundle(doc);
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
    const { win, doc } = await frame();
    await loadBundle(doc);
    win.CobrowseWidget.ingest(cobrowsesession('connected', 10));
    const result = win.CobrowseWidget.ingest({ id: 42, state: 'disconnected' });
    expect(result.ok).to.equal(false);
    await rendered(doc.querySelector('cobrowse-badge'));
    expect(doc.querySelector('cobrowse-badge')!.getAttribute('connection')).to.equal('connected');
  });
});
