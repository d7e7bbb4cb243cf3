import { expect } from '@open-wc/testing';
import { createSessionStore } from '../../src/store/index.js';

const conversation = {
  id: 'conv-1',
  participants: [
    { id: 'p-cust', purpose: 'customer', cobrowsesessions: [{ id: 'c-cust', state: 'connected' }] },
    { id: 'p-agent', name: 'Ann', purpose: 'agent', cobrowsesessions: [{ id: 'c-agent', state: 'connected' }] },
    {
      id: 'p-sup',
      name: 'Sam',
      purpose: 'user',
      media_roles: ['Monitor'],
      cobrowsesessions: [{ id: 'c-sup', state: 'connected' }],
    },
  ],
};

describe('store: mediaRoles from the model', () => {
  it('end to end: a supervisor whose mediaRoles say monitor is a monitoring peer, not counted', () => {
    const store = createSessionStore({ selfId: 'p-cust' });
    expect(store.ingest(conversation).ok).to.equal(true);
    const view = store.getState();
    expect(view.peers.map((p) => [p.id, p.monitoring ?? false])).to.deep.equal([
      ['p-agent', false],
      ['p-sup', true],
    ]);
    expect(view.peerCount).to.equal(1);
  });
});
