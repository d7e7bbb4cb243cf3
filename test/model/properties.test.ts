import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseInput } from '../../src/model/index.js';
import type { ParseResult } from '../../src/model/index.js';
import { casings, valid } from '../fixtures/genesys/index.js';

/**
 * Property suite: >= 1,000 cases per property under `npm test`; `npm run fuzz` runs it with FUZZ_SCALE = 100
 * (set on the page by web-test-runner.fuzz.config.mjs).
 */
const scale = (globalThis as { FUZZ_SCALE?: number }).FUZZ_SCALE ?? 1;
const numRuns = 1000 * scale;

const prototypeNames = () =>
  [Object.prototype, Array.prototype, Function.prototype].map((proto) => Object.getOwnPropertyNames(proto).sort());
const before = prototypeNames();

const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/;

/** Whatever came in, the result is well-formed and lets nothing unsafe through. */
function wellFormed(result: ParseResult): boolean {
  if (!result.ok) {
    return (
      typeof result.error.message === 'string' &&
      result.error.issues.length > 0 &&
      result.error.issues.every((i) => typeof i.path === 'string' && typeof i.message === 'string')
    );
  }
  const times = (o: object) =>
    Object.entries(o).every(([k, v]) => !/(Time|At)$|^time$/.test(k) || (typeof v === 'number' && Number.isFinite(v)));
  const safe = (url: unknown) =>
    url === undefined || (typeof url === 'string' && (url.startsWith('https:') || LOCAL.test(url)));
  const { communications, signals, conversations } = result.value;
  return (
    communications.every(
      (c) => typeof c.id === 'string' && ['cobrowse', 'screenshare'].includes(c.kind) && times(c) && safe(c.viewerUrl),
    ) &&
    signals.every((s) => times(s) && safe('url' in s ? s.url : undefined)) &&
    conversations.every((c) => c.participants.every((p) => typeof p.id === 'string'))
  );
}

const neverThrows = (input: unknown) => {
  const result = parseInput(input);
  return wellFormed(result);
};

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', '_self', 'id', 'State', 'type')),
});

const validInputs = Object.values(valid);

/** Mutations of a valid payload: at a random path, replace, delete, or re-case a key. */
function mutate(input: unknown, choice: number, replacement: unknown, mode: number): unknown {
  const copy: unknown = typeof input === 'string' ? JSON.parse(input) : structuredClone(input);
  const nodes: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (node && typeof node === 'object') {
      nodes.push(node as Record<string, unknown>);
      Object.values(node).forEach(walk);
    }
  };
  walk(copy);
  const node = nodes[choice % nodes.length];
  const keys = Object.keys(node);
  if (!keys.length) return copy;
  const key = keys[choice % keys.length];
  if (mode === 0) node[key] = replacement;
  else if (mode === 1) delete node[key];
  else {
    node[key.toUpperCase()] = node[key];
    delete node[key];
  }
  return copy;
}

describe(`model: properties (${numRuns} runs each)`, function () {
  this.timeout(0);

  it('arbitrary values never throw', () => {
    fc.assert(fc.property(anything, neverThrows), { numRuns });
  });

  it('arbitrary JSON, as text and as values, never throws', () => {
    fc.assert(fc.property(fc.json(), neverThrows), { numRuns });
    fc.assert(fc.property(fc.jsonValue(), neverThrows), { numRuns });
  });

  it('mutations of valid payloads never throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...validInputs),
        fc.nat(),
        anything,
        fc.integer({ min: 0, max: 2 }),
        (input, choice, replacement, mode) => neverThrows(mutate(input, choice, replacement, mode)),
      ),
      { numRuns },
    );
  });

  it('hostile objects (throwing getters, proxies, cycles, symbols) never throw', () => {
    const hostile = fc.oneof(
      anything.map((value) =>
        Object.defineProperty({ id: 'c' }, 'state', {
          enumerable: true,
          get: () => {
            throw value;
          },
        }),
      ),
      anything.map(
        (value) =>
          new Proxy(
            { id: 'c' },
            {
              ownKeys: () => {
                throw value;
              },
            },
          ),
      ),
      anything.map(
        (value) =>
          new Proxy(
            { id: 'c', value },
            {
              get: () => {
                throw value;
              },
            },
          ),
      ),
      anything.map((value) => {
        const o: Record<string, unknown> = { id: 'c', value };
        o.self = { o };
        return o;
      }),
      anything.map((value) => ({ id: 'c', [Symbol('s')]: value, value: Symbol('v') })),
    );
    fc.assert(
      fc.property(hostile, (input) => neverThrows(input) && neverThrows([input])),
      { numRuns },
    );
  });

  it('any Cobrowsesession-like record normalises the same in all three casings', () => {
    const text = fc.string({ maxLength: 12 });
    const session = fc.record(
      {
        id: text,
        state: fc.constantFrom('alerting', 'Connected', 'DISCONNECTED', 'parked', 'mystery'),
        cobrowseSessionId: text,
        cobrowseRole: fc.constantFrom('sharer', 'Viewer', 'other'),
        controlling: fc.array(text, { maxLength: 3 }),
        viewerUrl: fc.constantFrom('https://v.example/s', 'http://localhost/v', 'ftp://x', 'javascript:1'),
        providerEventTime: fc.integer({ min: 0, max: 4102444800000 }),
        connectedTime: fc.integer({ min: 0, max: 4102444800000 }).map((ms) => new Date(ms).toISOString()),
        disconnectType: fc.constantFrom('endpoint', 'Transfer.Consult', 'gremlins'),
        self: fc.record({ name: text, addressRaw: text }, { requiredKeys: [] }),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(session, (input) => {
        const [camel, snake, pascal] = Object.values(casings).map((to) => parseInput(to(input)));
        expect(camel.ok).to.equal(true);
        expect(snake.ok && snake.value).to.deep.equal(camel.ok && camel.value);
        expect(pascal.ok && pascal.value).to.deep.equal(camel.ok && camel.value);
      }),
      { numRuns },
    );
  });

  it('leaves Object.prototype, Array.prototype and Function.prototype untouched', () => {
    for (const input of [
      '{"__proto__":{"polluted":1},"id":"c"}',
      '{"constructor":{"prototype":{"polluted":1}},"id":"c"}',
    ]) {
      parseInput(input);
      parseInput(JSON.parse(input));
    }
    expect(prototypeNames()).to.deep.equal(before);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});
