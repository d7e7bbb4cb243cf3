import { expect } from '@open-wc/testing';
import { parseInput } from '../../src/model/index.js';
import { DEPTH_CEILING } from '../../src/model/prepare.js';
import { createSessionStore } from '../../src/store/index.js';
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

describe('model: very deep nesting', () => {
  const DEEP = 100_000;
  const deepArray = () => {
    let value: unknown = [];
    for (let i = 0; i < DEEP; i++) value = [value];
    return value;
  };
  const deepObject = () => {
    let value: unknown = { id: 'c' };
    for (let i = 0; i < DEEP; i++) value = { w: value }; // (a short key: 500 kB as JSON, under maxBytes)
    return value;
  };
  /** The one issue of a rejected parse, checked never to be the engine's stack overflow. */
  function depthIssue(input: unknown, limits?: { maxDepth: number }) {
    const result = parseInput(input, limits);
    if (result.ok) throw new Error('expected a rejection');
    expect(result.error.issues).to.have.length(1);
    expect(result.error.message).to.not.match(/call stack|too much recursion|getter or proxy/i);
    return result.error.issues[0];
  }

  it('a 100,000-deep array or object, as a value or as JSON, names the default maxDepth limit', () => {
    for (const input of [deepArray(), deepObject()]) {
      for (const form of [input, JSON.stringify(input)]) {
        const issue = depthIssue(form);
        expect(issue.message).to.equal('nested 33 levels deep, over the maxDepth limit of 32');
        expect(issue.path.startsWith('[0][0]') || issue.path.startsWith('w.w.w')).to.equal(true);
      }
    }
  });

  it('a huge maxDepth (1e9, Infinity, NaN) is capped at DEPTH_CEILING, and the message says so', () => {
    for (const input of [deepArray(), deepObject()]) {
      for (const form of [input, JSON.stringify(input)]) {
        const issue = depthIssue(form, { maxDepth: 1e9 });
        expect(issue.message).to.equal(
          `nested ${DEPTH_CEILING + 1} levels deep, over the maxDepth limit of ${DEPTH_CEILING} (maxDepth 1000000000 is capped at it)`,
        );
      }
    }
    expect(depthIssue(deepObject(), { maxDepth: Infinity }).message).to.match(/limit of 1000 \(maxDepth Infinity/);
    expect(depthIssue(deepObject(), { maxDepth: NaN }).message).to.match(/limit of 1000 \(maxDepth NaN/);
    // The one-line message keeps the start and the end of a path that long; the issue keeps all of it.
    const result = parseInput(deepArray(), { maxDepth: 1e9 });
    expect(!result.ok && result.error.issues[0].path).to.equal('[0]'.repeat(DEPTH_CEILING));
    expect(!result.ok && result.error.message.length).to.be.below(600);
  });

  it('within the ceiling, a raised maxDepth is honoured; a payload at the limit parses', () => {
    let deep: unknown = { id: 'c' };
    for (let i = 0; i < 200; i++) deep = { wrapup: deep };
    expect(parseInput({ id: 'c', journeyContext: deep }, { maxDepth: 300 }).ok).to.equal(true);
    expect(depthIssue({ id: 'c', journeyContext: deep }, { maxDepth: 100 }).message).to.equal(
      'nested 101 levels deep, over the maxDepth limit of 100',
    );
    expect(parseInput({ id: 'c', journeyContext: deep }, { maxDepth: DEPTH_CEILING }).ok).to.equal(true);
  });

  it('a store fed them reports the error (no throw) and keeps its state', () => {
    const store = createSessionStore({ limits: { maxDepth: 1e9 } });
    const errors: string[] = [];
    store.on('error', (error) => errors.push(error.message));
    const before = store.getState();
    expect(store.ingest(deepArray()).ok).to.equal(false);
    expect(store.ingest(JSON.stringify(deepObject())).ok).to.equal(false);
    expect(store.getState()).to.equal(before);
    expect(errors).to.have.length(2);
    for (const message of errors) expect(message).to.match(/over the maxDepth limit of 1000/);
  });
});
