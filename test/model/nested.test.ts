import { expect } from '@open-wc/testing';
import { parseInput } from '../../src/model/index.js';
import type { NormalizedInput } from '../../src/model/index.js';
import { toPascal, toSnake } from '../fixtures/genesys/index.js';

function value(input: unknown): NormalizedInput {
  const result = parseInput(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function issues(input: unknown) {
  const result = parseInput(input);
  if (result.ok) throw new Error('expected a rejection');
  return result.error.issues;
}

const supervisor = {
  id: 'p-sup',
  name: 'Sam',
  purpose: 'user',
  mediaRoles: ['Monitor', 'cobrowse'],
  cobrowsesessions: [{ id: 'c-sup', state: 'connected', cobrowseSessionId: 'session-1' }],
};
const conversation = {
  id: 'conv-1',
  participants: [
    { id: 'p-cust', purpose: 'customer', cobrowsesessions: [{ id: 'c-cust', state: 'connected' }] },
    { id: 'p-agent', name: 'Ann', purpose: 'agent', cobrowsesessions: [{ id: 'c-agent', state: 'connected' }] },
    supervisor,
  ],
};

describe('model: mediaRoles and the contents of nested fields', () => {
  it('copies mediaRoles, verbatim, for each participant in every casing', () => {
    for (const input of [conversation, toSnake(conversation), toPascal(conversation)]) {
      const out = value(input);
      expect(out.conversations[0].participants.map((p) => p.mediaRoles)).to.deep.equal([
        undefined,
        undefined,
        ['Monitor', 'cobrowse'],
      ]);
      expect(out.communications.find((c) => c.id === 'c-sup')?.participant?.mediaRoles).to.deep.equal([
        'Monitor',
        'cobrowse',
      ]);
    }
    // A CobrowseMediaParticipant (its own communication) carries them too.
    const media = value({ id: 'p-sup', purpose: 'user', mediaRoles: ['coach'], cobrowseSessionId: 's' });
    expect(media.communications[0].participant?.mediaRoles).to.deep.equal(['coach']);
  });

  it('names a bad list item by its index and a bad self / user field by its name, in the caller casing', () => {
    expect(issues({ id: 'c', controlling: ['p-1', 7] })).to.deep.equal([
      { path: 'controlling[1]', message: 'expected a string, received number' },
    ]);
    expect(issues({ ...supervisor, mediaRoles: 'monitor' })).to.deep.equal([
      { path: 'mediaRoles', message: 'expected an array, received string' },
    ]);
    expect(issues(toSnake({ ...supervisor, mediaRoles: [true] }))).to.deep.equal([
      { path: 'media_roles[0]', message: 'expected a string, received boolean' },
    ]);
    expect(issues({ id: 'c', self: { id: 'me', name: 5 }, user: { id: [] } })).to.deep.equal([
      { path: 'self.name', message: 'expected a string, received number' },
      { path: 'user.id', message: 'expected a string, received array' },
    ]);
    expect(issues(toPascal({ id: 'c', self: { name: false } }))[0].path).to.equal('Self.Name');
    // Every issue of one node is listed, the nested ones included.
    expect(issues({ id: 'c', state: 3, controlling: [1] }).map((i) => i.path)).to.deep.equal([
      'state',
      'controlling[0]',
    ]);
  });
});
