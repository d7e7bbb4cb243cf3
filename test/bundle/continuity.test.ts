// The indicator across page loads and replaced bodies (issue 14), on both script-tag builds, with sessions fed by
// real `ws` servers: page 1 of a site shows a session; page 2 of the same origin restores it at once, marked
// reconnecting, until its server answers.
import { expect, waitUntil } from '@open-wc/testing';
import { cobrowsesession } from '../fixtures/sessions.js';
import { TestServer } from '../support/ws-server.js';
import { BUILDS, CORE, page, ready } from './frames.js';
import type { FrameWindow } from './frames.js';

const SNAPSHOT_KEY = 'cobrowse-widget:session';

type Widget = HTMLElement & { updateComplete: Promise<unknown> };

/** The frame's widget's announced status line (its badge's `role="status"`). */
function statusOf(doc: Document): string {
  const widget = doc.querySelector('cobrowse-widget');
  const badge = widget?.shadowRoot?.querySelector('cobrowse-badge');
  return badge?.shadowRoot?.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Loads `url` in the frame (a real navigation: the old document unloads) and resolves once it has loaded. */
function navigate(frame: HTMLIFrameElement, url: string): Promise<void> {
  return new Promise((resolve) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.src = url;
  });
}

const site = (src: string, server: TestServer, extra = '') =>
  `/test/bundle/pages/site.html?src=${encodeURIComponent(src)}&ws=${encodeURIComponent(server.url)}${extra}`;

for (const { name, src } of BUILDS) {
  describe(`${name}: across page loads of one site`, () => {
    let first: TestServer;
    let slow: TestServer;
    let frame: HTMLIFrameElement;
    beforeEach(async () => {
      sessionStorage.clear();
      first = await TestServer.start();
      // The next page's server holds the state back for 2 s.
      slow = await TestServer.start({ delayMs: 2000 });
      frame = document.createElement('iframe');
      document.body.append(frame);
    });
    afterEach(async () => {
      frame.remove();
      sessionStorage.clear();
      await Promise.all([first.stop(), slow.stop()]);
    });

    async function openPageOne(session = cobrowsesession('connected', 5)) {
      await first.snapshot(session);
      await navigate(frame, site(src, first));
      const doc = frame.contentDocument!;
      await waitUntil(() => doc.querySelector('cobrowse-widget')?.getAttribute('connection') === 'connected', 'page 1');
    }

    it("page 2 shows the session at once, marked reconnecting, then the server's state replaces it", async () => {
      await openPageOne();
      await slow.snapshot(cobrowsesession('connected', 9, { cobrowseRole: 'viewer' }));
      // The core's session UI held back 500 ms: what page 2 shows before it comes is the core's own.
      const uiFile = Object.keys(await (await fetch('/dist/sri.json')).json()).find((n) => n.includes('-ui-'));
      await navigate(frame, site(src, slow, src === CORE ? `&ui=/slow/500/dist/${uiFile}` : ''));
      const win = frame.contentWindow as FrameWindow;
      const doc = frame.contentDocument!;
      // The moment the file has run, before its first frame: the session is on screen, saying reconnecting.
      const atLoad = (win as unknown as { atLoad: { notice: string | null; widget: string | null; visible: boolean } })
        .atLoad;
      if (src === CORE) expect(atLoad.notice).to.equal('Reconnecting…');
      else expect(atLoad.widget).to.equal('reconnecting');
      expect(atLoad.visible, 'visible when the file has run').to.equal(true);
      await ready(win);
      expect(doc.querySelector('cobrowse-notice'), 'the widget takes over from the notice').to.equal(null);
      const widget = doc.querySelector<Widget>('cobrowse-widget')!;
      await widget.updateComplete;
      // Page 2's first frames: the widget is there, with the session as page 1 showed it, reconnecting.
      expect(widget.getAttribute('connection')).to.equal('connected');
      expect(widget.getAttribute('session-role')).to.equal('sharer');
      expect(statusOf(doc)).to.contain('Reconnecting');
      const box = widget.getBoundingClientRect();
      expect(box.width * box.height, 'visible').to.be.greaterThan(0);
      // The server answers after 2 s: its state replaces the restored one.
      await waitUntil(() => widget.getAttribute('session-role') === 'viewer', "the server's state never came", {
        timeout: 5000,
      });
      expect(statusOf(doc)).to.not.contain('Reconnecting');
    });

    it('restores nothing after the session ended, or from a snapshot older than its time-to-live', async () => {
      await openPageOne();
      // The session ends on page 1: the snapshot goes with it.
      await first.send(cobrowsesession('disconnected', 20));
      const doc = frame.contentDocument!;
      await waitUntil(() => doc.querySelector('cobrowse-widget')?.getAttribute('connection') === 'disconnected', 'end');
      await navigate(frame, site(src, slow, '&ttl=30'));
      await pause(300);
      expect(frame.contentDocument!.querySelector('cobrowse-widget')?.getAttribute('connection') ?? 'idle').to.equal(
        'idle',
      );
      expect(sessionStorage.getItem(SNAPSHOT_KEY)).to.equal(null);

      // A session on page 1, a time-to-live of 1 s, and page 2 loads 1.5 s later: nothing is restored.
      await openPageOne();
      await navigate(frame, '/test/bundle/pages/blank.html');
      expect(sessionStorage.getItem(SNAPSHOT_KEY), 'page 1 left a snapshot').to.not.equal(null);
      const stored = JSON.parse(sessionStorage.getItem(SNAPSHOT_KEY)!) as { expiresAt: number };
      stored.expiresAt = Date.now() - 1;
      sessionStorage.setItem(SNAPSHOT_KEY, JSON.stringify(stored));
      await navigate(frame, site(src, slow));
      await pause(300);
      expect(frame.contentDocument!.querySelector('cobrowse-widget')?.getAttribute('connection') ?? 'idle').to.equal(
        'idle',
      );
    });

    it('a snapshot that fails validation is discarded', async () => {
      sessionStorage.setItem(
        SNAPSHOT_KEY,
        // Ids the core can read (so it loads the session UI for it), and peers the UI's validation refuses.
        JSON.stringify({
          expiresAt: Date.now() + 60_000,
          view: { connection: 'connected', communicationId: 'comm-1', sessionId: 'session-1', peers: 'x' },
        }),
      );
      await navigate(frame, site(src, slow));
      const win = frame.contentWindow as FrameWindow;
      await ready(win);
      await pause(100);
      expect(frame.contentDocument!.querySelector('cobrowse-widget')?.getAttribute('connection') ?? 'idle').to.equal(
        'idle',
      );
      expect(sessionStorage.getItem(SNAPSHOT_KEY)).to.equal(null);
      expect(frame.contentDocument!.querySelector('cobrowse-notice')).to.equal(null);
    });
  });

  describe(`${name}: a replaced body`, () => {
    it('puts the one widget back within a frame, with the same state; unmount removes it for good', async () => {
      const { win, doc } = await page('<p>old body</p>', `<script src="${src}" data-mount></script>`);
      win.CobrowseWidget.ingest(cobrowsesession('connected', 5, { cobrowseRole: 'viewer' }));
      await ready(win);
      const widget = doc.querySelector<Widget>('cobrowse-widget')!;
      await widget.updateComplete;
      const fresh = doc.createElement('body');
      fresh.innerText = 'new body';
      doc.body.replaceWith(fresh);
      // A microtask later (a MutationObserver's turn), before any frame is painted.
      await Promise.resolve();
      expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(1);
      expect(doc.querySelector('cobrowse-widget')).to.equal(widget);
      expect(widget.isConnected).to.equal(true);
      await widget.updateComplete;
      expect(widget.getAttribute('session-role')).to.equal('viewer');

      win.CobrowseWidget.unmount();
      await Promise.resolve();
      expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(0);
    });

    it('while idle, a removed widget stays removed (nothing watches an idle page)', async () => {
      const { win, doc } = await page('', `<script src="${src}" data-mount data-load="eager"></script>`);
      await ready(win);
      doc.querySelector('cobrowse-widget')!.remove();
      await Promise.resolve();
      expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(0);
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
