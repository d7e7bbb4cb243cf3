import { expect } from '@open-wc/testing';
import { createSessionStore } from '../../src/store/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';

describe('store: createSessionStore', () => {
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

  it('notifies once per change and not on no-ops or invalid input', () => {
    const store = createSessionStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.ingest(cobrowsesession('connected', 10));
    expect(calls).to.equal(1);
    store.ingest(cobrowsesession('connected', 10));
    expect(calls).to.equal(1);
    const bad = store.ingest({ id: 3 });
    expect(bad.ok).to.equal(false);
    expect(calls).to.equal(1);
    expect(store.getState().connection).to.equal('connected');
  });
});
