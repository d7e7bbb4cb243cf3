/**
 * `compareJson` (order.ts), the stamps' last tie-breaker, orders exactly as comparing the two JSON.stringify texts
 * would: it only skips writing them out when the first difference already decides.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compareJson } from '../../src/store/order.js';

const byText = (a: unknown, b: unknown) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
// Small alphabets and numbers, so that texts often share a prefix (`1` and `12`, `"a"` and `"ab"`).
const leaf = fc.oneof(
  fc.constantFrom(undefined, null, true, false),
  fc.constantFrom(0, 1, 12, 123, 2, -1),
  fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\'), maxLength: 3 }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('id', 'state', 'role', 'time'), tie('node'), { maxKeys: 4 }),
})).node;

describe('store: compareJson', () => {
  it('agrees with comparing JSON.stringify texts, for any two values (1,000 pairs)', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(compareJson(a, b)).to.equal(byText(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees for objects that differ in one field, the usual tie (1,000 pairs)', () => {
    const record = fc.record({ id: fc.constantFrom('c1', 'c10'), state: leaf, role: leaf, time: leaf });
    fc.assert(
      fc.property(record, fc.constantFrom('id', 'state', 'role', 'time'), leaf, (a, key, other) => {
        const b = { ...a, [key]: other };
        expect(compareJson(a, b)).to.equal(byText(a, b));
        expect(compareJson(b, a)).to.equal(byText(b, a));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a value with toJSON (a Date) as JSON does, and equal texts as equal', () => {
    const early = { at: new Date(1000) };
    const late = { at: new Date(2000) };
    expect(compareJson(early, late)).to.equal(byText(early, late));
    expect(compareJson(new Date(2000), new Date(1000))).to.equal(1);
    expect(compareJson({ a: 1, b: undefined }, { a: 1 })).to.equal(0);
    // One value's text a prefix of the other's: the character after it decides (`}` sorts after `2`, `,` before).
    expect(compareJson({ a: 1 }, { a: 12 })).to.equal(byText({ a: 1 }, { a: 12 }));
    expect(compareJson({ a: 1, b: 0 }, { a: 12, b: 0 })).to.equal(byText({ a: 1, b: 0 }, { a: 12, b: 0 }));
  });
});
