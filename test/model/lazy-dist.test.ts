import { expect } from '@open-wc/testing';

interface ModelEntry {
  schemasBuilt(): number;
  parseInput(input: unknown): { ok: boolean };
}

// The npm build (`npm test` builds first): importing the whole package entry, components and all, builds no schema.
// The script-tag IIFE has no handle on the model; its load-time test lives with the bundle tests.
describe('model: the built npm entry builds no schema until the first parse', () => {
  it('dist/index.js: 0 schemas after import, some after the first parse', async () => {
    const url = '/dist/index.js';
    const entry = (await import(url)) as ModelEntry;
    expect(entry.schemasBuilt()).to.equal(0);
    expect(entry.parseInput({ id: 'c', state: 'connected' }).ok).to.equal(true);
    expect(entry.schemasBuilt()).to.be.greaterThan(0);
  });
});
