import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define.js';
import type { CobrowseBadge } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import type { SessionView } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';
import {
  $,
  ANA,
  ANA_CONTROLLING,
  BEN,
  CY,
  restoreVisibility,
  setVisibility,
  statusText,
  updated,
  viewStore,
} from './view-store.js';

const connected = (fields: Partial<SessionView> = {}): Partial<SessionView> => ({
  connection: 'connected',
  role: 'sharer',
  kind: 'cobrowse',
  ...fields,
});

async function badgeFor(fields: Partial<SessionView>) {
  const store = viewStore(fields);
  const el = await fixture<CobrowseBadge>(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
  return { el, store };
}

describe('<cobrowse-badge>', () => {
  afterEach(restoreVisibility);

  it('is accessible', async () => {
    const { el } = await badgeFor(connected({ peers: [ANA], peerCount: 1 }));
    await expect(el).to.be.accessible();
  });

  it('reads the real store: connection and session-role follow ingested payloads', async () => {
    const store = createSessionStore();
    const el = await fixture<CobrowseBadge>(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
    expect(el.getAttribute('connection')).to.equal('idle');
    store.ingest(cobrowsesession('connected', 10, { cobrowseRole: 'viewer' }));
    await updated(el);
    expect(el.getAttribute('connection')).to.equal('connected');
    expect(el.getAttribute('session-role')).to.equal('viewer');
    expect(statusText(el)).to.equal('You are viewing a shared session');
    store.ingest(cobrowsesession('disconnected', 20));
    await updated(el);
    expect(statusText(el)).to.equal('Session ended: the agent left');
  });

  describe('who is viewing', () => {
    const cases: [string, Partial<SessionView>, string][] = [
      ['one named viewer', { peers: [ANA], peerCount: 1 }, 'Ana is viewing'],
      ['two named viewers', { peers: [ANA, BEN], peerCount: 2 }, 'Ana and Ben are viewing'],
      ['three named viewers', { peers: [ANA, BEN, CY], peerCount: 3 }, 'Ana and 2 others are viewing'],
      ['one named of two', { peers: [ANA], peerCount: 2 }, 'Ana and 1 other are viewing'],
      ['unnamed viewers', { peerCount: 3 }, '3 people are viewing'],
      ['one unnamed viewer', { peerCount: 1 }, '1 person is viewing'],
      ['nobody yet', { peerCount: 0 }, 'You are sharing this page'],
    ];
    for (const [name, fields, text] of cases) {
      it(name, async () => {
        const { el } = await badgeFor(connected(fields));
        expect(statusText(el)).to.equal(text);
      });
    }

    it('in the locale of the lang attribute (Intl.ListFormat, plural rules)', async () => {
      const store = viewStore(connected({ peers: [ANA, BEN], peerCount: 2 }));
      const el = await fixture<CobrowseBadge>(
        html`<cobrowse-badge
          lang="de"
          .store=${store}
          .strings=${{ areViewing: '{names} sehen zu' }}
        ></cobrowse-badge>`,
      );
      expect(statusText(el)).to.equal('Ana und Ben sehen zu');
    });
  });

  it('says who has control, with an icon', async () => {
    const { el } = await badgeFor(
      connected({
        peers: [ANA_CONTROLLING],
        peerCount: 1,
        control: { controlledBy: [ANA_CONTROLLING], controlling: [] },
      }),
    );
    expect(statusText(el)).to.equal('Ana is viewing. Ana has control');
    expect(el.shadowRoot!.querySelectorAll('svg.icon')).to.have.length(2);
    expect(el.hasAttribute('controlled')).to.equal(true);
  });

  it('keeps its elements when control changes hands, and hides the control icon while nobody has control', async () => {
    const { el, store } = await badgeFor(connected({ peers: [ANA], peerCount: 1 }));
    const hand = () => el.shadowRoot!.querySelectorAll('svg.icon')[1] as SVGElement;
    const icon = hand();
    expect(getComputedStyle(icon).display, 'hidden while nobody has control').to.equal('none');
    const first = $(el, '[role="status"] > span')!;
    let note: Element | null = null;
    for (let i = 0; i < 3; i++) {
      store.set(
        connected({
          peers: [ANA_CONTROLLING],
          peerCount: 1,
          control: { controlledBy: [ANA_CONTROLLING], controlling: [] },
        }),
      );
      await updated(el);
      expect(statusText(el)).to.equal('Ana is viewing. Ana has control');
      note ??= $(el, '.note');
      expect($(el, '.note') === note, 'the same note, kept while nobody had control').to.equal(true);
      expect(hand() === icon, 'the same icon').to.equal(true);
      expect(getComputedStyle(icon).display).not.to.equal('none');
      store.set(connected({ peers: [ANA], peerCount: 1 }));
      await updated(el);
      expect(statusText(el)).to.equal('Ana is viewing');
      expect(getComputedStyle(icon).display).to.equal('none');
    }
    expect($(el, '[role="status"] > span') === first, 'the same first sentence').to.equal(true);
  });

  it('makes no Intl.ListFormat for a list of one name', async () => {
    const ListFormat = sinon.spy(Intl, 'ListFormat');
    try {
      // A locale tag no other test uses, so nothing is cached for it yet.
      const { el } = await badgeFor(
        connected({
          peers: [ANA_CONTROLLING],
          peerCount: 1,
          control: { controlledBy: [ANA_CONTROLLING], controlling: [] },
        }),
      );
      el.lang = 'en-x-one';
      await updated(el);
      expect(statusText(el)).to.equal('Ana is viewing. Ana has control');
      expect(ListFormat.called).to.equal(false);
    } finally {
      ListFormat.restore();
    }
  });

  it('says when I, a viewer, have control', async () => {
    const { el } = await badgeFor(
      connected({ role: 'viewer', control: { controlledBy: [], controlling: ['comm-9'] } }),
    );
    expect(statusText(el)).to.equal('You are viewing a shared session. You have control');
  });

  it('shows held, recording, a failed action and link trouble in words', async () => {
    const { el, store } = await badgeFor({ connection: 'held', role: 'sharer', kind: 'screenshare' });
    expect(statusText(el)).to.equal('Session on hold');
    store.set(connected({ screenRecordingState: 'STARTED', link: 'reconnecting' }));
    await updated(el);
    expect(statusText(el)).to.equal('You are sharing this page. This session is being recorded. Reconnecting…');
    store.set(
      connected({
        link: 'closed',
        failed: { action: 'end', sessionId: 's', communicationId: 'c', id: 'a1', since: '', error: 'timeout' },
      }),
    );
    await updated(el);
    expect(statusText(el)).to.equal('You are sharing this page. Connection lost. That did not work. Please try again.');
  });

  describe('every disconnectType in plain words', () => {
    const cases: [string | undefined, string][] = [
      ['client', 'Session ended: you left'],
      ['endpoint', 'Session ended: the agent left'],
      ['peer', 'Session ended: the agent left'],
      ['timeout', 'Session ended: it timed out'],
      ['transfer', 'Session ended: you were transferred'],
      ['transfer.conference', 'Session ended: you were transferred'],
      ['transfer.consult', 'Session ended: you were transferred'],
      ['transfer.forward', 'Session ended: you were transferred'],
      ['transfer.noanswer', 'Session ended: you were transferred'],
      ['transfer.notavailable', 'Session ended: you were transferred'],
      ['transport.failure', 'Session ended: the connection failed'],
      ['error', 'Session ended: the connection failed'],
      ['uncallable', 'Session ended: the connection failed'],
      ['system', 'Session ended by the system'],
      ['spam', 'Session ended by the system'],
      ['other', 'Session ended'],
      ['SOMETHING_NEW', 'Session ended'],
      [undefined, 'Session ended'],
    ];
    for (const [type, text] of cases) {
      it(String(type), async () => {
        const { el } = await badgeFor({
          connection: 'disconnected',
          role: 'sharer',
          kind: 'cobrowse',
          disconnectType: type,
        });
        expect(statusText(el)).to.equal(text);
      });
    }
  });

  describe('live region', () => {
    it('exists, empty of changes, from the first render', async () => {
      const { el, store } = await badgeFor({});
      const region = $(el, '[role="status"]')!;
      expect(region.textContent).to.contain('No session');
      store.set({ connection: 'alerting', role: 'sharer', kind: 'cobrowse' });
      await updated(el);
      expect($(el, '[role="status"]')).to.equal(region, 'the same node, so the change is announced');
      expect(statusText(el)).to.equal('An agent asks to see this page');
    });

    it('changes its text at most once for a burst of 100 identical events', async () => {
      const store = createSessionStore();
      const el = await fixture<CobrowseBadge>(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
      const region = $(el, '[role="status"]')!;
      const changes: MutationRecord[] = [];
      const observer = new MutationObserver((records) => changes.push(...records));
      observer.observe(region, { subtree: true, childList: true, characterData: true });
      for (let i = 0; i < 100; i++) {
        store.ingest(cobrowsesession('connected', 10));
        await updated(el);
      }
      await Promise.resolve();
      observer.disconnect();
      expect(statusText(el)).to.equal('You are sharing this page');
      expect(changes.length).to.be.at.most(1);
    });

    it('says each sentence as one, with a pause between them, and never the separator', async () => {
      const { el, store } = await badgeFor(
        connected({
          peers: [ANA_CONTROLLING, BEN],
          peerCount: 2,
          control: { controlledBy: [ANA_CONTROLLING], controlling: [] },
          screenRecordingState: 'started',
          link: 'reconnecting',
          failed: { action: 'end', sessionId: 's', communicationId: 'c', id: 'a1', since: '', error: 'timeout' },
        }),
      );
      const region = $(el, '[role="status"]')!;
      const text = region.textContent!.replace(/\s+/g, ' ').trim();
      expect(text).to.equal(
        'Ana and Ben are viewing. Ana has control. This session is being recorded. Reconnecting… ' +
          'That did not work. Please try again.',
      );
      expect(text, 'the drawn separator is not in the text').not.to.contain('·');
      // Every sentence but the last ends in punctuation, then a real space: a pause, never "viewing·Ana".
      // (The empty places for notes are there too, hidden: not spoken.)
      const shown = [...region.children].filter((sentence) => !(sentence as HTMLElement).hidden);
      expect(region.children.length, 'one place per note, and the summary').to.equal(8);
      const sentences = shown.map((sentence) => sentence.textContent!);
      expect(sentences).to.have.length(5);
      for (const sentence of sentences.slice(0, -1)) expect(sentence).to.match(/[.…]$/);
      expect(text).to.equal(sentences.join(' '));
      // The `·` drawn before each note has empty alternative text: screen readers skip it.
      const note = region.querySelector('.note')!;
      expect(getComputedStyle(note, '::before').content).to.equal('"· " / ""');

      // Japanese ends its sentences with its own full stop.
      el.lang = 'ja';
      const { ja } = await import('../../src/components/strings/locales/ja.js');
      const { registerLocale } = await import('../../src/components/index.js');
      registerLocale('ja', ja);
      store.set(connected({ screenRecordingState: 'started' }));
      await updated(el);
      expect(statusText(el)).to.equal('このページを共有しています。 このセッションは録画されています');
    });

    it('announces a control or a navigation request, to a sharer', async () => {
      const request = {
        participantId: 'p-ana',
        name: 'Ana',
        requestedAt: '2026-11-22T10:00:00.000Z',
        expiresAt: '2026-11-22T10:00:30.000Z',
      };
      const { el, store } = await badgeFor(
        connected({ peers: [ANA], peerCount: 1, control: { controlledBy: [], controlling: [], request } }),
      );
      expect(statusText(el)).to.equal('Ana is viewing. Ana asks to control this page');
      store.set(connected({ navigationRequest: { ...request, url: 'https://shop.example/cart' } }));
      await updated(el);
      expect(statusText(el)).to.equal('You are sharing this page. Ana asks to open another page');
      store.set(connected({ navigationRequest: { ...request, name: undefined, url: 'https://shop.example/' } }));
      await updated(el);
      expect(statusText(el)).to.equal('You are sharing this page. An agent asks to open another page');
      // A viewer is asked nothing (the sharer answers).
      store.set(connected({ role: 'viewer', control: { controlledBy: [], controlling: [], request } }));
      await updated(el);
      expect(statusText(el)).to.equal('You are viewing a shared session');
      await expect(el).to.be.accessible();
    });

    it('timer ticks never change it', async () => {
      const clock = sinon.useFakeTimers({
        now: Date.parse('2026-11-22T10:00:00Z'),
        toFake: ['setInterval', 'clearInterval', 'Date'],
      });
      try {
        setVisibility('visible');
        const { el } = await badgeFor(connected({ connectedSince: '2026-11-22T09:59:00.000Z' }));
        const region = $(el, '[role="status"]')!;
        const before = region.innerHTML;
        const observer = new MutationObserver(() => expect.fail('the live region changed on a tick'));
        observer.observe(region, { subtree: true, childList: true, characterData: true });
        clock.tick(5000);
        await updated(el);
        observer.disconnect();
        expect($(el, '[part="timer"]')!.textContent).to.contain('1:05');
        expect(region.innerHTML).to.equal(before);
      } finally {
        clock.restore();
      }
    });
  });

  describe('elapsed timer', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2026-11-22T10:00:00Z'),
        toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date', 'requestAnimationFrame'],
      });
      setVisibility('visible');
    });
    afterEach(() => clock.restore());
    const timer = (el: CobrowseBadge) => $(el, '[part="timer"]')?.textContent?.replace(/\s+/g, ' ').trim();

    it('ticks each second while connected and visible, and says hours past one hour', async () => {
      const { el } = await badgeFor(connected({ connectedSince: '2026-11-22T09:59:58.000Z' }));
      expect(timer(el)).to.equal('Elapsed time 0:02');
      expect(clock.countTimers()).to.equal(1);
      clock.tick(1000);
      await updated(el);
      expect(timer(el)).to.equal('Elapsed time 0:03');
      clock.tick(3600_000);
      await updated(el);
      expect(timer(el)).to.equal('Elapsed time 1:00:03');
    });

    it('stops while the page is hidden and catches up when it is visible again', async () => {
      const { el } = await badgeFor(connected({ connectedSince: '2026-11-22T10:00:00.000Z' }));
      setVisibility('hidden');
      await updated(el);
      expect(clock.countTimers()).to.equal(0);
      clock.tick(10_000);
      setVisibility('visible');
      await updated(el);
      expect(timer(el)).to.equal('Elapsed time 0:10');
      expect(clock.countTimers()).to.equal(1);
    });

    it('runs no interval or animation frame when idle, alerting, held or ended', async () => {
      const { el, store } = await badgeFor({});
      expect(clock.countTimers()).to.equal(0);
      for (const connection of ['alerting', 'held', 'disconnected'] as const) {
        store.set({ connection, role: 'sharer', kind: 'cobrowse', connectedSince: '2026-11-22T09:00:00.000Z' });
        await updated(el);
        expect(clock.countTimers(), connection).to.equal(0);
        expect(timer(el), connection).to.equal(undefined);
      }
      store.set(connected({ connectedSince: '2026-11-22T09:00:00.000Z' }));
      await updated(el);
      expect(clock.countTimers()).to.equal(1);
      store.set({ connection: 'disconnected', role: 'sharer', kind: 'cobrowse' });
      await updated(el);
      expect(clock.countTimers()).to.equal(0);
      el.remove();
      expect(clock.countTimers()).to.equal(0);
    });

    it('stops when removed from the page', async () => {
      const { el } = await badgeFor(connected({ connectedSince: '2026-11-22T10:00:00.000Z' }));
      expect(clock.countTimers()).to.equal(1);
      el.remove();
      expect(clock.countTimers()).to.equal(0);
    });
  });

  describe('motion and forced colors', () => {
    afterEach(() => emulateMedia({ reducedMotion: 'no-preference', forcedColors: 'none' }));

    it('pulses while alerting, and not at all under reduced motion', async () => {
      const { el } = await badgeFor({ connection: 'alerting', role: 'sharer', kind: 'cobrowse' });
      expect(el.shadowRoot!.getAnimations().length).to.be.greaterThan(0);
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(el.shadowRoot!.getAnimations()).to.have.length(0);
    });

    it('keeps its boundary and icon visible in forced colors', async () => {
      await emulateMedia({ forcedColors: 'active' });
      const { el } = await badgeFor(connected({ peers: [ANA], peerCount: 1 }));
      await expect(el).to.be.accessible();
      const base = getComputedStyle($(el, '[part="base"]')!);
      expect(base.borderTopStyle).to.equal('solid');
      expect(parseFloat(base.borderTopWidth)).to.be.greaterThan(0);
      expect(base.borderTopColor).to.not.equal(base.backgroundColor);
      const icon = getComputedStyle($(el, 'svg.icon')!);
      expect(icon.stroke).to.not.equal('none');
      expect(icon.stroke).to.not.equal(base.backgroundColor);
    });
  });
});
