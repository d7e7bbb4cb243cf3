import { expect } from '@open-wc/testing';
import { parseInput } from '../../src/model/index.js';
import type { ParseLimits } from '../../src/model/index.js';
import { cobrowsesession, envelope, toPascal } from '../fixtures/genesys/index.js';

/** The one issue of a rejected input, and checks the message repeats it. */
function issueOf(input: unknown, limits?: Partial<ParseLimits>) {
  const result = parseInput(input, limits);
  if (result.ok) throw new Error('expected a rejection');
  expect(result.error.message).to.equal(`${result.error.issues[0].path}: ${result.error.issues[0].message}`);
  expect(result.error.issues).to.have.length(1);
  return result.error.issues[0];
}

describe('model: error messages name the path and the problem', () => {
  it('wrong type', () => {
    expect(issueOf({ id: 'c', cobrowseRole: 7 })).to.deep.equal({
      path: 'cobrowseRole',
      message: 'expected a string, received number',
    });
    expect(issueOf({ id: 'c', controlling: 'agent-1' }).message).to.equal('expected an array, received string');
    expect(issueOf({ id: 'c', sharing: 'yes' }).message).to.equal('expected a boolean, received "yes"');
    expect(issueOf({ id: 'c', self: 'me' }).message).to.equal('expected an object, received string');
    expect(issueOf({ id: 'c', peerCount: 1.5 }).message).to.equal('expected a whole number, received 1.5');
    expect(issueOf({ id: 'c', peerCount: -1 }).message).to.equal('expected a whole number, received -1');
  });

  it('a missing required field', () => {
    expect(issueOf({ state: 'connected' })).to.deep.equal({ path: 'id', message: 'missing (expected a string)' });
    expect(issueOf({ type: 'cobrowse.offerExpiry', expiresAt: 5 })).to.deep.equal({
      path: '(root)',
      message: 'missing (expected a communicationId or a sessionId)',
    });
    expect(issueOf({ type: 'Offering' })).to.deep.equal({ path: 'sessionId', message: 'missing (expected a string)' });
  });

  it('bad enum type (a known enum field holding a non-string), and an unknown or non-string `type`', () => {
    expect(issueOf({ id: 'c', state: ['connected'] })).to.deep.equal({
      path: 'state',
      message: 'expected a string, received array',
    });
    expect(issueOf({ id: 'c', disconnectType: true }).message).to.equal('expected a string, received boolean');
    expect(issueOf({ type: 7 })).to.deep.equal({ path: 'type', message: 'expected a string, received number' });
    expect(issueOf({ type: 'Typing', sessionId: 's' }).message).to.match(
      /^unknown type "Typing" \(expected a Messenger Offering\* event or cobrowse\.controlRequest, /,
    );
  });

  it('bad date', () => {
    for (const bad of ['yesterday', '2026-02-30T10:00:00Z', '2026-11-22T25:00:00Z', 'Nov 22 2026', '']) {
      expect(issueOf({ id: 'c', connectedTime: bad })).to.deep.equal({
        path: 'connectedTime',
        message: `expected an ISO-8601 date or epoch milliseconds, received ${JSON.stringify(bad)}`,
      });
    }
    expect(issueOf({ id: 'c', connectedTime: true }).message).to.equal(
      'expected an ISO-8601 date or epoch milliseconds, received boolean',
    );
    expect(issueOf({ type: 'cobrowse.offerExpiry', sessionId: 's' }).message).to.equal(
      'expected an ISO-8601 date or epoch milliseconds, received nothing',
    );
  });

  it('epoch milliseconds past what a Date holds are no date (and never make the store throw)', async () => {
    for (const bad of [8.64e15 + 1, -8.64e15 - 1, Number.MAX_VALUE]) {
      expect(issueOf({ id: 'c', connectedTime: bad })).to.deep.equal({
        path: 'connectedTime',
        message: `expected an ISO-8601 date or epoch milliseconds, received ${bad}`,
      });
    }
    expect(parseInput({ id: 'c', state: 'connected', connectedTime: 8.64e15 }).ok).to.equal(true);
    const { createSessionStore } = await import('../../src/store/index.js');
    const store = createSessionStore();
    const result = store.ingest({ id: 'c', state: 'connected', providerEventTime: -8.64e15 - 1 });
    expect(result.ok).to.equal(false);
  });

  it('non-object', () => {
    for (const [input, kind] of [
      [5, 'number'],
      [null, 'null'],
      [undefined, 'nothing'],
      ['"text"', 'string'],
      ['null', 'null'],
      [true, 'boolean'],
    ] as const) {
      expect(issueOf(input)).to.deep.equal({ path: '(root)', message: `expected an object, received ${kind}` });
    }
    expect(issueOf([cobrowsesession, [cobrowsesession]])).to.deep.equal({
      path: '[1]',
      message: 'expected an object, received array',
    });
  });

  it('bad JSON string', () => {
    const issue = issueOf('{"id":');
    expect(issue.path).to.equal('(root)');
    expect(issue.message).to.match(/^not valid JSON \(.+\)$/);
  });

  it('each limit names itself and the value', () => {
    const big = 'x'.repeat(300);
    expect(issueOf(JSON.stringify({ id: big }), { maxBytes: 100 })).to.deep.equal({
      path: '(root)',
      message: 'payload is 309 bytes, over the maxBytes limit of 100',
    });
    expect(issueOf(JSON.stringify({ id: 'é'.repeat(40) }), { maxBytes: 60 }).message).to.equal(
      'payload is 89 bytes, over the maxBytes limit of 60',
    );
    expect(issueOf({ id: 'c', segments: [big, big] }, { maxBytes: 500 }).message).to.match(
      /^payload is over \d+ bytes, over the maxBytes limit of 500$/,
    );
    expect(issueOf({ id: 'c', viewerUrl: big }, { maxStringLength: 256 })).to.deep.equal({
      path: 'viewerUrl',
      message: 'string is 300 characters, over the maxStringLength limit of 256',
    });
    expect(issueOf([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { maxBatch: 2 })).to.deep.equal({
      path: '(root)',
      message: 'batch has 3 items, over the maxBatch limit of 2',
    });
    const participants = Array.from({ length: 4 }, (_, i) => ({ id: `p${i}` }));
    expect(issueOf({ id: 'conv', Participants: participants }, { maxParticipants: 3 })).to.deep.equal({
      path: 'Participants',
      message: 'conversation has 4 participants, over the maxParticipants limit of 3',
    });
    let deep: unknown = { id: 'c' };
    for (let i = 0; i < 40; i++) deep = { wrapup: deep };
    expect(issueOf({ id: 'c', journeyContext: deep }).message).to.equal(
      'nested 33 levels deep, over the maxDepth limit of 32',
    );
  });

  it('the defaults let a 1 MiB payload through and stop a larger one before parsing it', () => {
    const padding = 'x'.repeat(8000);
    const segments = Array.from({ length: 120 }, () => ({ notes: padding }));
    expect(parseInput({ id: 'c', segments }).ok).to.equal(true);
    const tooBig = Array.from({ length: 140 }, () => ({ notes: padding }));
    expect(issueOf({ id: 'c', segments: tooBig }).message).to.match(/over the maxBytes limit of 1048576$/);
    expect(issueOf(JSON.stringify({ id: 'c', segments: tooBig })).message).to.match(
      /^payload is \d+ bytes, over the maxBytes limit of 1048576$/,
    );
  });

  it('paths: batch items as [i]., envelopes as eventBody., deep paths in the caller casing', () => {
    const conversation = {
      id: 'conv',
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c', cobrowsesessions: [{ id: 'x', state: 3 }] }],
    };
    expect(issueOf([cobrowsesession, conversation]).path).to.equal('[1].participants[2].cobrowsesessions[0].state');
    expect(issueOf(toPascal(conversation)).path).to.equal('Participants[2].Cobrowsesessions[0].State');
    expect(issueOf({ ...envelope, eventBody: { id: 'x', connected_time: 'soon' } }).path).to.equal(
      'eventBody.connected_time',
    );
    expect(issueOf({ ...envelope, eventBody: undefined })).to.deep.equal({
      path: 'eventBody',
      message: 'expected an object, received nothing',
    });
  });

  it('several issues: all listed, the message shows three and counts the rest', () => {
    const result = parseInput([{}, {}, {}, {}, {}]);
    expect(!result.ok && result.error.issues.map((i) => i.path)).to.deep.equal([
      '[0].id',
      '[1].id',
      '[2].id',
      '[3].id',
      '[4].id',
    ]);
    expect(!result.ok && result.error.message).to.equal(
      '[0].id: missing (expected a string); [1].id: missing (expected a string); [2].id: missing (expected a string); and 2 more',
    );
  });
});
