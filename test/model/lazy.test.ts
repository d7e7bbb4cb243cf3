import { expect } from '@open-wc/testing';
import { parseInput, schemasBuilt } from '../../src/model/index.js';
import { valid } from '../fixtures/genesys/index.js';

// Each wtr test file runs in its own page, so this module graph is fresh: nothing has parsed yet.
describe('model: schemas are built lazily and zod runs jitless', () => {
  it('loading the model builds no schema; a rejected-before-parsing input builds none; the first parse builds them', () => {
    expect(schemasBuilt()).to.equal(0);
    expect(parseInput('{not json').ok).to.equal(false);
    expect(parseInput(JSON.stringify('x'.repeat(100)), { maxBytes: 10 }).ok).to.equal(false);
    expect(schemasBuilt()).to.equal(0);
    expect(parseInput({ id: 'c' }).ok).to.equal(true);
    const count = schemasBuilt();
    expect(count).to.be.greaterThan(0);
    parseInput({ id: 'd' });
    expect(schemasBuilt(), 'built once, then reused').to.equal(count);
  });

  it('parsing every valid fixture never calls the Function constructor (strict CSP safe)', () => {
    const original = globalThis.Function;
    let calls = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args) {
        calls++;
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        calls++;
        return Reflect.apply(target, self, args);
      },
    });
    try {
      for (const input of Object.values(valid)) parseInput(input);
    } finally {
      globalThis.Function = original;
    }
    expect(calls).to.equal(0);
  });
});
