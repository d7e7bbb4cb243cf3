import { expect } from '@open-wc/testing';
import { parseInput } from '../../src/model/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';

describe('model: parseInput', () => {
  it('normalises a camelCase Cobrowsesession', () => {
    const result = parseInput(cobrowsesession('Connected', 10, { cobrowseRole: 'Viewer' }));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const [comm] = result.value.communications;
    expect(comm.id).to.equal('comm-1');
    expect(comm.state).to.equal('connected');
    expect(comm.rawState).to.equal('Connected');
    expect(comm.role).to.equal('viewer');
    expect(comm.providerEventTime).to.equal(Date.parse('2026-11-22T10:00:10.000Z'));
  });

  it('accepts a JSON string and a batch', () => {
    const result = parseInput(JSON.stringify([cobrowsesession('alerting', 1), cobrowsesession('connected', 2)]));
    expect(result.ok && result.value.communications.map((c) => c.state)).to.deep.equal(['alerting', 'connected']);
  });

  it('names the path and the problem of invalid input', () => {
    const result = parseInput([cobrowsesession('alerting', 1), { id: 'x', controlling: ['a', 7] }]);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.issues[0].path).to.equal('[1].controlling[1]');
    expect(result.error.message).to.contain('[1].controlling[1]');
  });

  it('rejects bad JSON without throwing', () => {
    const result = parseInput('{"id":');
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.error.message).to.contain('JSON');
  });
});
