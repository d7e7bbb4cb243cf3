import { expect } from '@open-wc/testing';
import { createSessionStore } from '../../src/store/index.js';
import type { ActionDetail, PendingAction, SessionView } from '../../src/store/index.js';
import { at, cobrowsesession } from '../fixtures/sessions.js';
import { fakeTime } from './helpers.js';

const detail = (action: ActionDetail['action']): ActionDetail => ({
  action,
  sessionId: 'session-1',
  communicationId: 'comm-1',
});

function counting(store = createSessionStore()) {
  const calls: [SessionView, SessionView][] = [];
  store.subscribe((view, previous) => calls.push([view, previous]));
  return { store, calls };
}

describe('store: createSessionStore (end to end through the parser)', () => {
  it('starts idle and derives connection and role', () => {
    const store = createSessionStore();
    expect(store.getState().connection).to.equal('idle');
    store.ingest(cobrowsesession('alerting', 1));
    expect(store.getState()).to.include({ connection: 'alerting', role: 'sharer', sessionId: 'session-1' });
    store.ingest(cobrowsesession('connected', 10));
    expect(store.getState().connection).to.equal('connected');
  });

  it('ignores an update older than what it holds', () => {
    const store = createSessionStore();
    store.ingest(cobrowsesession('disconnected', 20));
    store.ingest(cobrowsesession('connected', 10));
    expect(store.getState().connection).to.equal('disconnected');
  });

  it('reads a notification envelope, a JSON string and a batch', () => {
    const store = createSessionStore();
    store.ingest({
      topicName: 'v2.conversations.x',
      version: '2',
      eventBody: cobrowsesession('alerting', 1),
      metadata: {},
    });
    expect(store.getState().connection).to.equal('alerting');
    store.ingest(JSON.stringify(cobrowsesession('connected', 2)));
    expect(store.getState().connection).to.equal('connected');
    store.ingest([cobrowsesession('disconnected', 4), cobrowsesession('connected', 3)]);
    expect(store.getState().connection).to.equal('disconnected');
  });

  describe('listeners', () => {
    it('run once per ingest, a batch included, with the new and the previous view', () => {
      const { store, calls } = counting();
      const result = store.ingest([
        cobrowsesession('alerting', 1),
        cobrowsesession('connected', 2),
        cobrowsesession('connected', 3),
      ]);
      expect(result).to.include({ ok: true, changed: true });
      expect(calls.length).to.equal(1);
      expect(calls[0][0]).to.equal(store.getState());
      expect(calls[0][1].connection).to.equal('idle');
      store.ingest(cobrowsesession('disconnected', 4));
      expect(calls.length).to.equal(2);
      expect(calls[1][1]).to.equal(calls[0][0]);
    });

    it('do not run on a no-op: a duplicate, a stale update, a heartbeat', () => {
      const { store, calls } = counting();
      store.ingest(cobrowsesession('connected', 10));
      const view = store.getState();
      expect(store.ingest(cobrowsesession('connected', 10))).to.include({ ok: true, changed: false });
      expect(store.ingest(cobrowsesession('alerting', 5))).to.include({ ok: true, changed: false });
      expect(
        store.ingest({ topicName: 'channel.metadata', version: '2', eventBody: { message: 'WebSocket Heartbeat' } }),
      ).to.include({
        ok: true,
        changed: false,
      });
      expect(calls.length).to.equal(1);
      expect(store.getState()).to.equal(view);
    });

    it('do not run on invalid input, which leaves the state exactly as it was and reports an error', () => {
      const { store, calls } = counting();
      const errors: unknown[] = [];
      store.on('error', (error) => errors.push(error));
      store.ingest(cobrowsesession('connected', 10));
      const view = store.getState();
      for (const bad of [{ id: 3 }, 'not json', null, 42, [cobrowsesession('disconnected', 20), { id: 7 }]]) {
        const result = store.ingest(bad);
        expect(result.ok).to.equal(false);
        if (!result.ok) expect(result.error.message).to.be.a('string').and.not.equal('');
      }
      expect(errors.length).to.equal(5);
      expect(calls.length).to.equal(1);
      expect(store.getState()).to.equal(view);
      expect(store.getState().connection).to.equal('connected');
    });

    it('stop after unsubscribing', () => {
      const { store, calls } = counting();
      const stop = store.subscribe(() => calls.push([store.getState(), store.getState()]));
      store.ingest(cobrowsesession('alerting', 1));
      expect(calls.length).to.equal(2);
      stop();
      store.ingest(cobrowsesession('connected', 2));
      expect(calls.length).to.equal(3);
    });

    it('keep running when one of them throws; the error is rethrown on its own', async () => {
      const { store, calls } = counting();
      const seen: unknown[] = [];
      // Catch the rethrown error before the test runner reports it as an uncaught one.
      const swallow = (event: ErrorEvent) => {
        seen.push(event.error);
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      const onerror = window.onerror;
      window.onerror = null;
      window.addEventListener('error', swallow, true);
      try {
        store.subscribe(() => {
          throw new Error('listener failed (expected: this log is part of the test)');
        });
        const late = counting(store);
        expect(store.ingest(cobrowsesession('alerting', 1)).ok).to.equal(true);
        expect(calls.length).to.equal(1);
        expect(late.calls.length).to.equal(1);
        await new Promise((resolve) => setTimeout(resolve, 0));
      } finally {
        window.removeEventListener('error', swallow, true);
        window.onerror = onerror;
      }
      expect(seen.map((e) => (e as Error).message)).to.deep.equal([
        'listener failed (expected: this log is part of the test)',
      ]);
    });

    it('run once per setLink change and never for the same status', () => {
      const { store, calls } = counting();
      store.setLink('open');
      store.setLink('open');
      expect(calls.length).to.equal(1);
      expect(store.getState().link).to.equal('open');
    });
  });

  it('publishes frozen views and never changes a published one', () => {
    const store = createSessionStore();
    store.ingest(cobrowsesession('connected', 10, { controlling: ['p2'] }));
    const view = store.getState();
    const copy = JSON.stringify(view);
    expect(Object.isFrozen(view) && Object.isFrozen(view.control.controlling)).to.equal(true);
    store.ingest(cobrowsesession('disconnected', 20));
    expect(JSON.stringify(view)).to.equal(copy);
  });

  it('reset clears the session, keeps the link, and notifies once', () => {
    const { store, calls } = counting();
    store.setLink('open');
    store.ingest(cobrowsesession('connected', 10));
    store.reset();
    expect(store.getState()).to.include({ connection: 'idle', link: 'open' });
    expect(calls.length).to.equal(3);
    store.reset();
    expect(calls.length).to.equal(3);
    // After a reset, an old update is news again.
    store.ingest(cobrowsesession('alerting', 1));
    expect(store.getState().connection).to.equal('alerting');
  });

  it('applies parser limits', () => {
    const store = createSessionStore({ limits: { maxBytes: 50 } });
    expect(store.ingest(JSON.stringify(cobrowsesession('connected', 1))).ok).to.equal(false);
    expect(store.getState().connection).to.equal('idle');
  });

  describe('actions', () => {
    function setup(options = {}) {
      const time = fakeTime();
      const store = createSessionStore({ clock: time.clock, timers: time.timers, ...options });
      const sent: PendingAction[] = [];
      store.on('action', (action) => sent.push(action));
      return { time, store, sent };
    }

    it('accept is pending until the session connects, and is handed to the transport', () => {
      const { store, sent, time } = setup();
      store.ingest(cobrowsesession('alerting', 1));
      const action = store.act(detail('accept'));
      expect(action).to.include({ action: 'accept', communicationId: 'comm-1' });
      expect(action.id).to.be.a('string');
      expect(sent).to.deep.equal([action]);
      expect(store.getState().pending).to.deep.equal(action);
      expect(time.scheduled).to.equal(1);
      store.ingest(cobrowsesession('connected', 10));
      expect(store.getState().pending).to.equal(undefined);
      expect(time.scheduled).to.equal(0);
    });

    it('a newer action replaces the pending one', () => {
      const { store } = setup();
      store.ingest(cobrowsesession('alerting', 1));
      store.act(detail('accept'));
      const decline = store.act(detail('decline'));
      expect(store.getState().pending?.id).to.equal(decline.id);
      store.ingest(cobrowsesession('disconnected', 3));
      expect(store.getState().pending).to.equal(undefined);
    });

    it('only a change of the session confirms: an action already true, or about an unknown session, waits for the ack', () => {
      const { store } = setup();
      const end = store.act(detail('end'));
      expect(store.getState().pending?.id).to.equal(end.id);
      store.ingest(cobrowsesession('connected', 1));
      const revoke = store.act(detail('revoke-control'));
      store.ingest({ topicName: 'channel.metadata', version: '2', eventBody: {} });
      expect(store.getState().pending?.id).to.equal(revoke.id);
      store.settle(revoke.id, true);
      expect(store.getState().pending).to.equal(undefined);
    });

    it('gives every action a unique id', () => {
      const { store } = setup();
      const ids = new Set(Array.from({ length: 5 }, () => store.act(detail('open-viewer')).id));
      expect(ids.size).to.equal(5);
    });

    it('end is confirmed by the session ending', () => {
      const { store } = setup();
      store.ingest(cobrowsesession('connected', 5));
      store.act(detail('end'));
      expect(store.getState().pending?.action).to.equal('end');
      store.ingest(cobrowsesession('disconnected', 9));
      expect(store.getState()).to.include({ connection: 'disconnected', pending: undefined });
    });

    it('request-control is confirmed when I control someone', () => {
      const { store } = setup();
      store.ingest(cobrowsesession('connected', 5, { cobrowseRole: 'viewer' }));
      store.act(detail('request-control'));
      expect(store.getState().pending?.action).to.equal('request-control');
      store.ingest(cobrowsesession('connected', 6, { cobrowseRole: 'viewer', controlling: ['p-sharer'] }));
      expect(store.getState().pending).to.equal(undefined);
      expect(store.getState().control.controlling).to.deep.equal(['p-sharer']);
    });

    it('a pending action the session never confirms becomes a visible failure after pendingTimeoutMs', () => {
      const { store, time } = setup({ pendingTimeoutMs: 5000 });
      const { calls } = counting(store);
      store.ingest(cobrowsesession('alerting', 1));
      const action = store.act(detail('accept'));
      time.tick(4999);
      expect(store.getState().pending?.id).to.equal(action.id);
      time.tick(1);
      expect(store.getState().pending).to.equal(undefined);
      expect(store.getState().failed).to.include({ id: action.id, action: 'accept' });
      expect(store.getState().failed?.error).to.match(/5 s/);
      expect(calls.length).to.equal(3);
      expect(time.scheduled).to.equal(0);
      // Acting again clears the failure.
      store.act(detail('decline'));
      expect(store.getState().failed).to.equal(undefined);
    });

    it('settle confirms or refuses the pending action', () => {
      const { store } = setup();
      store.ingest(cobrowsesession('alerting', 1));
      const first = store.act(detail('accept'));
      store.settle('some-other-id', false, 'nope');
      expect(store.getState().pending?.id).to.equal(first.id);
      store.settle(first.id, true);
      expect(store.getState()).to.include({ pending: undefined, failed: undefined });
      const second = store.act(detail('decline'));
      store.settle(second.id, false, 'Backend said no');
      expect(store.getState().failed).to.include({ id: second.id, error: 'Backend said no' });
    });

    it('decline-control has only a local effect, but a refusal the transport reports for it still shows', () => {
      const { store, sent } = setup();
      store.ingest(cobrowsesession('connected', 1));
      const view = store.getState();
      const action = store.act(detail('decline-control'));
      expect(sent).to.deep.equal([action]);
      expect(store.getState()).to.deep.equal(view);
      store.settle('unknown-id', false);
      store.settle(action.id, true);
      expect(store.getState()).to.deep.equal(view);
      store.settle(action.id, false, 'queue full');
      expect(store.getState().failed).to.include({ id: action.id, error: 'queue full' });
    });

    it('open-viewer needs no confirmation; dismiss clears an ended session to idle', () => {
      const { store, sent, time } = setup();
      store.ingest(cobrowsesession('connected', 1));
      store.act(detail('open-viewer'));
      expect(store.getState().pending).to.equal(undefined);
      expect(time.scheduled).to.equal(0);
      store.ingest(cobrowsesession('disconnected', 9));
      store.act(detail('dismiss'));
      expect(store.getState().connection).to.equal('idle');
      expect(sent.map((a) => a.action)).to.deep.equal(['open-viewer', 'dismiss']);
      // A strictly newer update brings the session back.
      store.ingest(cobrowsesession('connected', 12, { disconnectedTime: undefined }));
      expect(store.getState().connection).to.equal('connected');
    });

    it('dismiss does not hide a live session', () => {
      const { store } = setup();
      store.ingest(cobrowsesession('connected', 1));
      store.act(detail('dismiss'));
      expect(store.getState().connection).to.equal('connected');
    });

    it('reset clears every timer', () => {
      const { store, time } = setup();
      store.ingest(cobrowsesession('alerting', 1));
      store.act(detail('accept'));
      expect(time.scheduled).to.equal(1);
      store.reset();
      expect(time.scheduled).to.equal(0);
      expect(store.getState().pending).to.equal(undefined);
    });

    it('a deadline further off than setTimeout can wait is still kept: the early timer schedules the rest', () => {
      const time = fakeTime();
      const store = createSessionStore({ clock: time.clock, timers: time.timers });
      const longest = 2 ** 31 - 1;
      const expiresAt = time.clock() + longest + 60_000;
      store.ingest({ type: 'Offering', sessionId: 's-far', time: at(0), expiresAt: new Date(expiresAt).toISOString() });
      expect(store.getState().connection).to.equal('alerting');
      time.tick(longest);
      // The first timer fired before the deadline: the view is unchanged, and a timer waits for the rest.
      expect(store.getState().connection).to.equal('alerting');
      expect(time.scheduled).to.equal(1);
      time.tick(60_000);
      expect(store.getState()).to.include({ connection: 'disconnected', disconnectType: 'timeout' });
    });

    it('starts no timer while nothing needs one', () => {
      const { store, time } = setup();
      store.ingest(cobrowsesession('alerting', 1));
      store.ingest(cobrowsesession('connected', 2));
      store.setLink('open');
      expect(time.scheduled).to.equal(0);
    });
  });

  it('uses the real clock and timers by default', async () => {
    const store = createSessionStore({ pendingTimeoutMs: 20 });
    store.ingest({ ...cobrowsesession('alerting', 1), providerEventTime: at(1) });
    store.act(detail('accept'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.getState().failed?.action).to.equal('accept');
  });
});
