import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define.js';
import type { CobrowseControls } from '../../src/components/index.js';
import { createSessionStore } from '../../src/store/index.js';
import type { ActionDetail, ActionName, SessionView } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';
import {
  $,
  ANA_CONTROLLING,
  actionsOf,
  mount,
  restoreVisibility,
  setVisibility,
  updated,
  viewStore,
} from './view-store.js';

const REQUEST = {
  participantId: 'p-ana',
  name: 'Ana',
  requestedAt: '2026-11-22T10:00:00.000Z',
  expiresAt: '2026-11-22T10:00:30.000Z',
};
const SHARER = { connection: 'connected', role: 'sharer', kind: 'cobrowse' } as const;

/** The view in which each action's button shows, and the participant its detail names. */
const ACTION_CASES: [ActionName, Partial<SessionView>, string | undefined][] = [
  ['accept', { connection: 'alerting', role: 'sharer', kind: 'cobrowse' }, 'me'],
  ['decline', { connection: 'alerting', role: 'sharer', kind: 'cobrowse' }, 'me'],
  ['end', SHARER, 'me'],
  ['accept-control', { ...SHARER, control: { controlledBy: [], controlling: [], request: REQUEST } }, 'p-ana'],
  ['decline-control', { ...SHARER, control: { controlledBy: [], controlling: [], request: REQUEST } }, 'p-ana'],
  ['revoke-control', { ...SHARER, control: { controlledBy: [ANA_CONTROLLING], controlling: [] } }, 'p-ana'],
  [
    'accept-navigation',
    { ...SHARER, navigationRequest: { participantId: 'p-ben', requestedAt: REQUEST.requestedAt } },
    'p-ben',
  ],
  [
    'decline-navigation',
    { ...SHARER, navigationRequest: { participantId: 'p-ben', requestedAt: REQUEST.requestedAt } },
    'p-ben',
  ],
  ['request-control', { ...SHARER, role: 'viewer' }, 'me'],
  ['open-viewer', { ...SHARER, role: 'viewer', viewerUrl: 'https://viewer.example/s/1' }, 'me'],
  ['dismiss', { connection: 'disconnected', role: 'sharer', kind: 'cobrowse' }, 'me'],
];

async function controlsFor(fields: Partial<SessionView>) {
  const store = viewStore(fields);
  const el = await fixture<CobrowseControls>(html`<cobrowse-controls .store=${store}></cobrowse-controls>`);
  return { el, store };
}
const button = (el: CobrowseControls, action: string) => $<HTMLButtonElement>(el, `[data-action="${action}"]`)!;

describe('<cobrowse-controls>', () => {
  it('is accessible', async () => {
    const { el } = await controlsFor({
      ...SHARER,
      control: { controlledBy: [ANA_CONTROLLING], controlling: [], request: REQUEST },
    });
    await expect(el).to.be.accessible();
  });

  it('offers allow / decline for a control request, then take back control once granted', async () => {
    const { el, store } = await controlsFor({
      ...SHARER,
      control: { controlledBy: [], controlling: [], request: REQUEST },
    });
    expect(actionsOf(el)).to.deep.equal(['accept-control', 'decline-control', 'end']);
    expect(button(el, 'accept-control').textContent!.trim()).to.equal('Allow control');
    store.set({ ...SHARER, control: { controlledBy: [ANA_CONTROLLING], controlling: [] } });
    await updated(el);
    expect(actionsOf(el)).to.deep.equal(['revoke-control', 'end']);
    expect(button(el, 'revoke-control').textContent!.trim()).to.equal('Take back control');
  });

  it('keeps a button that comes and goes with the state, in its place, with its current label and state', async () => {
    const controlled = { ...SHARER, control: { controlledBy: [ANA_CONTROLLING], controlling: [] } };
    const { el, store } = await controlsFor(controlled);
    const revoke = button(el, 'revoke-control');
    for (let i = 0; i < 3; i++) {
      store.set(SHARER);
      await updated(el);
      expect(actionsOf(el)).to.deep.equal(['end']);
      expect(revoke.isConnected, 'out of the page while not offered').to.equal(false);
      const failed = {
        action: 'revoke-control',
        sessionId: 'session-1',
        communicationId: 'comm-1',
        id: 'a1',
        since: '',
      } as const;
      store.set(i === 2 ? { ...controlled, failed } : controlled);
      await updated(el);
      expect(actionsOf(el)).to.deep.equal(['revoke-control', 'end']);
      expect(button(el, 'revoke-control') === revoke, 'the same button back').to.equal(true);
    }
    expect(revoke.textContent!.trim()).to.equal('Take back control');
    expect(revoke.getAttribute('aria-describedby'), 'its current state').to.equal('failed');
    const pressed = oneEvent(el, 'cobrowse-action');
    revoke.click();
    expect((await pressed).detail.action).to.equal('revoke-control');
  });

  it('never reuses a button for another action, so focus cannot land on a button that changed meaning', async () => {
    const { el, store } = await controlsFor({ connection: 'alerting', role: 'sharer', kind: 'cobrowse' });
    const seen = new Map<Element, string>();
    const record = () =>
      el.shadowRoot!.querySelectorAll('button').forEach((b) => {
        const action = b.dataset.action!;
        expect(seen.get(b) ?? action, 'one button, one action').to.equal(action);
        seen.set(b, action);
      });
    record();
    const views: Partial<SessionView>[] = [
      { ...SHARER, control: { controlledBy: [], controlling: [], request: REQUEST } },
      { ...SHARER, navigationRequest: { participantId: 'p-ben', requestedAt: REQUEST.requestedAt } },
      { ...SHARER, control: { controlledBy: [ANA_CONTROLLING], controlling: [] } },
      { ...SHARER, role: 'viewer' },
      { connection: 'disconnected', role: 'sharer', kind: 'cobrowse' },
    ];
    for (const view of views) {
      store.set(view);
      await updated(el);
      record();
    }
    expect(seen.size, 'buttons were replaced, not relabelled').to.be.greaterThan(5);
  });

  it('offers a viewer request control and open viewer only with a viewer URL, and Leave', async () => {
    const { el, store } = await controlsFor({ ...SHARER, role: 'viewer' });
    expect(actionsOf(el)).to.deep.equal(['request-control', 'end']);
    expect(button(el, 'end').textContent!.trim()).to.equal('Leave');
    store.set({
      ...SHARER,
      role: 'viewer',
      viewerUrl: 'https://viewer.example/s/1',
      control: { controlledBy: [], controlling: ['x'] },
    });
    await updated(el);
    expect(actionsOf(el)).to.deep.equal(['open-viewer', 'end']);
  });

  describe('cobrowse-action', () => {
    for (const [action, fields, participantId] of ACTION_CASES) {
      it(`${action}: the contract's detail, then the store's act (unless cancelled)`, async () => {
        const { el, store } = await controlsFor(fields);
        const open = sinon.stub(window, 'open');
        try {
          setTimeout(() => button(el, action).click());
          const event = await oneEvent(el, 'cobrowse-action');
          const expected: ActionDetail = { action, sessionId: 'session-1', communicationId: 'comm-1' };
          if (participantId) expected.participantId = participantId;
          expect(event.detail).to.deep.equal(expected);
          expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
          if (action === 'open-viewer') {
            expect(store.acted).to.have.length(0);
            expect(open.args).to.deep.equal([['https://viewer.example/s/1', '_blank', 'noopener']]);
          } else {
            expect(store.acted.map((a) => a.action)).to.deep.equal([action]);
            expect(open.callCount).to.equal(0);
          }
        } finally {
          open.restore();
        }
      });

      it(`${action}: preventDefault() stops the default handling`, async () => {
        const { el, store } = await controlsFor(fields);
        const open = sinon.stub(window, 'open');
        try {
          el.addEventListener('cobrowse-action', (event) => event.preventDefault());
          button(el, action).click();
          expect(store.acted).to.have.length(0);
          expect(open.callCount).to.equal(0);
        } finally {
          open.restore();
        }
      });
    }

    it('never fires when the store changes on its own', async () => {
      const store = createSessionStore();
      const el = await fixture<CobrowseControls>(html`<cobrowse-controls .store=${store}></cobrowse-controls>`);
      const spy = sinon.spy();
      el.addEventListener('cobrowse-action', spy);
      for (const [state, t] of [
        ['alerting', 1],
        ['connected', 5],
        ['disconnected', 9],
      ] as const) {
        store.ingest(cobrowsesession(state, t));
        await updated(el);
      }
      store.reset();
      await updated(el);
      expect(spy.callCount).to.equal(0);
    });

    it('reaches the real store: accept is pending until confirmed', async () => {
      const store = createSessionStore();
      store.ingest(cobrowsesession('alerting', 1));
      const el = await fixture<CobrowseControls>(html`<cobrowse-controls .store=${store}></cobrowse-controls>`);
      button(el, 'accept').click();
      expect(store.getState().pending?.action).to.equal('accept');
      await updated(el);
      expect(button(el, 'accept').getAttribute('aria-busy')).to.equal('true');
    });
  });

  it('shows the pending state, ignores a second press, and shows a failure', async () => {
    const { el, store } = await controlsFor({ connection: 'alerting', role: 'sharer', kind: 'cobrowse' });
    const spy = sinon.spy();
    el.addEventListener('cobrowse-action', spy);
    button(el, 'accept').click();
    await updated(el);
    const accept = button(el, 'accept');
    expect(accept.getAttribute('aria-busy')).to.equal('true');
    expect(accept.disabled, 'still focusable and announced').to.equal(false);
    expect(button(el, 'decline').getAttribute('aria-busy')).to.equal('false');
    accept.click();
    expect(spy.callCount).to.equal(1);
    store.settle(store.acted[0].id, false, 'refused');
    await updated(el);
    expect($(el, '[part="error"]')!.textContent).to.equal('That did not work. Please try again.');
    expect(button(el, 'accept').getAttribute('aria-describedby')).to.equal('failed');
    expect(button(el, 'accept').getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('gives every button a 44 x 44 px target and a visible focus ring from the keyboard', async () => {
    const store = viewStore({
      ...SHARER,
      control: { controlledBy: [ANA_CONTROLLING], controlling: [], request: REQUEST },
    });
    const root = await mount(
      html`<div>
        <button>Page button</button>
        <cobrowse-controls .store=${store}></cobrowse-controls>
      </div>`,
    );
    const el = root.querySelector('cobrowse-controls')!;
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    expect(buttons).to.have.length(4);
    root.querySelector('button')!.focus();
    for (const b of buttons) {
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(b);
      const box = b.getBoundingClientRect();
      expect(box.width, b.dataset.action).to.be.at.least(44);
      expect(box.height, b.dataset.action).to.be.at.least(44);
      const style = getComputedStyle(b);
      expect(style.outlineStyle, b.dataset.action).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    }
  });

  describe('offer countdown', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2026-11-22T10:00:00Z'),
        toFake: ['setInterval', 'clearInterval', 'Date'],
      });
      setVisibility('visible');
    });
    afterEach(() => {
      clock.restore();
      restoreVisibility();
    });
    const countdown = (el: CobrowseControls) => $(el, '[part="countdown"]')?.textContent;

    it('counts down each second to the expiry, then stops its timer', async () => {
      const { el } = await controlsFor({
        connection: 'alerting',
        role: 'sharer',
        kind: 'cobrowse',
        offerExpiresAt: '2026-11-22T10:00:03.000Z',
      });
      expect(countdown(el)).to.equal('Expires in 3 s');
      clock.tick(1000);
      await updated(el);
      expect(countdown(el)).to.equal('Expires in 2 s');
      clock.tick(2000);
      await updated(el);
      expect(countdown(el)).to.equal(undefined);
      expect(clock.countTimers()).to.equal(0);
    });

    it('shows none and runs no timer without a known expiry, or once answered', async () => {
      const { el, store } = await controlsFor({ connection: 'alerting', role: 'sharer', kind: 'cobrowse' });
      expect(countdown(el)).to.equal(undefined);
      expect(clock.countTimers()).to.equal(0);
      store.set({ ...SHARER, offerExpiresAt: '2026-11-22T10:00:30.000Z' });
      await updated(el);
      expect(clock.countTimers()).to.equal(0);
    });
  });

  describe('forced colors', () => {
    afterEach(() => emulateMedia({ forcedColors: 'none' }));
    it('keeps every button boundary visible', async () => {
      await emulateMedia({ forcedColors: 'active' });
      const { el } = await controlsFor({ connection: 'alerting', role: 'sharer', kind: 'cobrowse' });
      for (const b of el.shadowRoot!.querySelectorAll('button')) {
        const style = getComputedStyle(b);
        expect(style.borderTopStyle).to.equal('solid');
        expect(parseFloat(style.borderTopWidth)).to.be.greaterThan(0);
      }
    });
  });
});
