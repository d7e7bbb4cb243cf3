/**
 * Differential test: the model as it is against the model as it was (test/model/reference/, a frozen copy of
 * src/model from before issue 15's speed work on it). The same input, parsed by both, must give deep-equal results:
 * the same values, the same warnings, the same error messages and issue paths (in the caller's casing). The faster
 * model's memos (camelKey's, toMs's) live across calls, so every input here is also parsed with them warm, and some
 * inputs overflow them on purpose.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseInput } from '../../src/model/index.js';
import type { ParseLimits } from '../../src/model/index.js';
import { parseInput as referenceParse } from './reference/index.js';
import { casings, valid } from '../fixtures/genesys/index.js';

const scale = (globalThis as { FUZZ_SCALE?: number }).FUZZ_SCALE ?? 1;
const numRuns = 1000 * scale;

/**
 * Whether every object in `value` is an ordinary object or array: the live model's internal objects (prepare.ts's
 * `Bare`, which deep equality would not tell from a plain one) never reach a result, where the store reads them.
 */
const plain = (value: unknown): boolean =>
  typeof value !== 'object' ||
  value === null ||
  ([Object.prototype, Array.prototype].includes(Object.getPrototypeOf(value)) && Object.values(value).every(plain));

/** Parses `input` with both models (the live one twice: cold or warm memos, then certainly warm) and compares. */
function same(input: unknown, limits?: Partial<ParseLimits>): boolean {
  const expected = referenceParse(input, limits);
  const result = parseInput(input, limits);
  expect(result).to.deep.equal(expected);
  expect(plain(result), 'only plain objects and arrays').to.equal(true);
  expect(parseInput(input, limits)).to.deep.equal(expected);
  return true;
}

const fixtures = Object.entries(valid);

/** Values a field may be changed to: the kinds the schemas tell apart, and times near the edges. */
const replacement = fc.oneof(
  fc.anything({ withDate: true, withNullPrototype: true, withSparseArray: true }),
  fc.constantFrom(
    '2026-02-30T10:00:00Z',
    '2026-11-22t09:00:00.123z',
    '2026-11-22 09:00',
    '2026-11-22T09:00:00.1234567890123456789012345678901234567890Z',
    '2026-11-22T25:00:00+0100',
    'Nov 22 2026',
    8.64e15,
    8.64e15 + 1,
    -1,
    1.5,
    'https://example.com/v',
    'http://localhost:8080/v',
    'javascript:alert(1)',
    'CONNECTED',
    'Mystery',
  ),
);

/** How a key is respelled: as the SDKs do, shouted, padded with underscores, or as a second spelling beside it. */
const RESPELL = ['snake', 'pascal', 'upper', 'underscores', 'twice'] as const;

/**
 * A copy of `input` with one change at the `pick`-th object (in walk order) and its `pick`-th key: the value
 * replaced, the key removed, or the key spelled another way.
 */
function changed(input: unknown, pick: number, change: number, value: unknown): unknown {
  const root: unknown = typeof input === 'string' ? JSON.parse(input) : structuredClone(input);
  const objects: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    objects.push(node as Record<string, unknown>);
    for (const child of Object.values(node)) visit(child);
  };
  visit(root);
  const target = objects[pick % objects.length];
  const names = target ? Object.keys(target) : [];
  if (!names.length) return root;
  const name = names[pick % names.length];
  if (change === 0) target[name] = value;
  else if (change === 1) delete target[name];
  else {
    const how = RESPELL[(change - 2) % RESPELL.length];
    const respelled =
      how === 'snake'
        ? Object.keys(casings.snake({ [name]: 0 }))[0]
        : how === 'pascal'
          ? Object.keys(casings.pascal({ [name]: 0 }))[0]
          : how === 'upper'
            ? name.toUpperCase()
            : `_${name}__`;
    target[respelled] = how === 'twice' ? value : target[name];
    if (how !== 'twice') delete target[name];
  }
  return root;
}

describe(`model: differential against the frozen reference model (${numRuns} runs each)`, function () {
  this.timeout(0);

  it('every fixture, in every casing, under default and tight limits', () => {
    const tight = [
      {},
      { maxParticipants: 1 },
      { maxStringLength: 10 },
      { maxBytes: 200 },
      { maxDepth: 3 },
      { maxBatch: 1 },
      { maxDepth: 1e9 },
    ];
    for (const [, input] of fixtures) {
      for (const to of Object.values(casings)) for (const limits of tight) same(to(input), limits);
      same(JSON.stringify(input));
    }
  });

  it('fixtures with one value replaced, one key removed or one key respelled', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures.map(([, input]) => input)),
        fc.nat(),
        fc.integer({ min: 0, max: 2 + RESPELL.length - 1 }),
        replacement,
        (input, pick, change, value) => same(changed(input, pick, change, value)),
      ),
      { numRuns },
    );
  });

  it('fixtures with several changes at once, as values, as JSON text and in batches', () => {
    const change = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 + RESPELL.length - 1 }), replacement);
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures.map(([, input]) => input)),
        fc.array(change, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (input, changes, batch) => {
          const result = changes.reduce((value, [pick, how, to]) => changed(value, pick, how, to), input);
          same(batch ? [result, input] : result);
          let text: string | undefined;
          try {
            text = JSON.stringify(result);
          } catch {
            // (a BigInt, or a value JSON has no text for)
          }
          return text === undefined || same(text);
        },
      ),
      { numRuns },
    );
  });

  it('batches of changed fixtures, under limits that trip part-way through and with items that throw', () => {
    // A batch's items are checked one by one as they are copied (prepare.ts `eachItem`): what an item said must be
    // dropped when a limit trips at a later one, repeated keys warned before the checks' warnings, and a getter
    // throwing in a later item still be the one issue.
    const change = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 + RESPELL.length - 1 }), replacement);
    const limits = fc.constantFrom<Partial<ParseLimits> | undefined>(
      undefined,
      { maxBytes: 600 },
      { maxBytes: 2000 },
      { maxStringLength: 30 },
      { maxParticipants: 1 },
      { maxDepth: 4 },
      { maxBatch: 3 },
    );
    const item = fc.tuple(fc.constantFrom(...fixtures.map(([, input]) => input)), fc.array(change, { maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 6 }),
        limits,
        fc.option(fc.nat()),
        (items, limit, thrower) => {
          const batch = items.map(([input, changes]) =>
            changes.reduce((value, [pick, how, to]) => changed(value, pick, how, to), input),
          );
          if (thrower !== null) {
            const at = thrower % batch.length;
            // (A copy: an item without changes is the fixture itself.)
            const target = (
              typeof batch[at] === 'object' && batch[at] !== null ? structuredClone(batch[at]) : {}
            ) as object;
            Object.defineProperty(target, 'state', {
              enumerable: true,
              get() {
                throw new Error('a hostile getter (expected: part of the test)');
              },
            });
            batch[at] = target;
          }
          return same(batch, limit);
        },
      ),
      { numRuns },
    );
  });

  it('arbitrary values and arbitrary JSON', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '_self', 'ID', 'State', 'type'));
    fc.assert(
      fc.property(fc.anything({ key, withBigInt: true, withDate: true, withNullPrototype: true }), (input) =>
        same(input),
      ),
      { numRuns },
    );
    fc.assert(
      fc.property(fc.json(), (input) => same(input)),
      { numRuns },
    );
  });

  it('more distinct keys and times than the memos keep, then the fixtures again', () => {
    const keys = Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`Made_Up_Key_${i}`, `v${i}`]));
    same({ id: 'c', ...keys });
    const times = Array.from({ length: 1500 }, (_, i) => ({
      id: `c${i}`,
      connectedTime: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    }));
    same(times.slice(0, 1000));
    same(times.slice(500, 1500));
    same({ id: 'c', ['K'.repeat(100)]: 1, connectedTime: `2026-11-22T09:00:00.${'1'.repeat(100)}Z` });
    for (const [, input] of fixtures) same(input);
  });

  it('hostile inputs: throwing getters, cycles, symbols', () => {
    const getter = Object.defineProperty({ id: 'c' }, 'State', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    const cyclic: Record<string, unknown> = { id: 'c' };
    cyclic.Self = { cyclic };
    for (const input of [getter, [getter], cyclic, { id: 'c', value: Symbol('v') }, { id: 'c', n: 1n }]) same(input);
  });
});
