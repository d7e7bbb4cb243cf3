/**
 * The model reads a time string in two ways: the one spelling nearly every Genesys time has
 * (`2026-11-22T09:00:00.000Z`) without a regular expression or a Date (values.ts `canonicalMs`), anything else by
 * the pattern and `Date.parse` (`toMs`). Both must give the same answer for every string: generated here from
 * canonical strings with each part pushed to and past its range, and each character swapped for a near miss.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { memoToMs, toMs } from '../../src/model/values.js';
import { toMs as referenceToMs } from './reference/values.js';

const scale = (globalThis as { FUZZ_SCALE?: number }).FUZZ_SCALE ?? 1;
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A time in the canonical spelling, each part anywhere from below to above its range. */
const canonical = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 99, 100, 1900, 2000, 2024, 2100, 2400)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hours: fc.integer({ min: 0, max: 25 }),
    minutes: fc.integer({ min: 0, max: 60 }),
    seconds: fc.integer({ min: 0, max: 61 }),
    millis: fc.option(fc.integer({ min: 0, max: 999 })),
  })
  .map(
    ({ year, month, day, hours, minutes, seconds, millis }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}` +
      `${millis === null ? '' : `.${pad(millis, 3)}`}Z`,
  );

/** A canonical string with one character replaced: a digit for a separator, a lower-case `t` or `z`, a space. */
const nearMiss = fc
  .tuple(canonical, fc.nat(), fc.constantFrom('0', '9', '-', ':', '.', 'T', 't', 'z', 'Z', ' ', '+', 'x'))
  .map(([text, at, char]) => {
    const i = at % text.length;
    return text.slice(0, i) + char + text.slice(i + 1);
  });

describe('model: reading time strings', () => {
  it('the fast reading of the canonical spelling agrees with the pattern and Date.parse', () => {
    fc.assert(
      fc.property(fc.oneof(canonical, nearMiss), (text) => {
        // toMs (the pattern and Date.parse) on its own, the memo (canonicalMs first) cold and then warm.
        const expected = toMs(text);
        expect(memoToMs(text), text).to.equal(expected);
        expect(memoToMs(text), text).to.equal(expected);
        expect(referenceToMs(text), text).to.equal(expected);
      }),
      { numRuns: 3000 * scale },
    );
  });

  it('reads the edges as Date.parse does: leap days, the next midnight, two-digit years', () => {
    const cases: [string, number | undefined][] = [
      ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
      ['2023-02-29T00:00:00Z', undefined],
      ['2000-02-29T12:00:00.500Z', Date.UTC(2000, 1, 29, 12, 0, 0, 500)],
      ['1900-02-29T00:00:00Z', undefined],
      ['2026-11-22T24:00:00Z', Date.UTC(2026, 10, 23)],
      ['0050-01-01T00:00:00Z', Date.parse('0050-01-01T00:00:00Z')],
      ['2026-11-22T09:00:60Z', undefined],
      ['2026-11-22t09:00:00z', Date.UTC(2026, 10, 22, 9)],
    ];
    for (const [text, ms] of cases) expect(memoToMs(text), text).to.equal(ms);
  });
});
