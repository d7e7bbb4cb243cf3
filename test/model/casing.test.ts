import { expect } from '@open-wc/testing';
import { parseInput } from '../../src/model/index.js';
import type { NormalizedInput } from '../../src/model/index.js';
import {
  casings,
  dotnetCobrowsesession,
  handWrittenNormalized,
  rubyCobrowsesession,
  seedModels,
  valid,
} from '../fixtures/genesys/index.js';

function parsed(input: unknown): NormalizedInput {
  const result = parseInput(input);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.warnings, 'no warnings for a valid fixture').to.deep.equal([]);
  return result.value;
}

describe('model: every SDK casing normalises to one shape', () => {
  for (const [model, { camel, expected }] of Object.entries(seedModels)) {
    it(`${model}: camel, snake and Pascal are deep-equal, and equal the expected value`, () => {
      const [fromCamel, fromSnake, fromPascal] = Object.values(casings).map((to) => parsed(to(camel)));
      expect(fromSnake).to.deep.equal(fromCamel);
      expect(fromPascal).to.deep.equal(fromCamel);
      const empty: NormalizedInput = { conversations: [], communications: [], signals: [] };
      expect(fromCamel).to.deep.equal({ ...empty, ...expected });
    });
  }

  it('Ruby (`_self`) and .NET (`Self`) spellings written by hand match the camelCase wire format', () => {
    const ruby = parsed(rubyCobrowsesession);
    expect(ruby.communications).to.deep.equal([handWrittenNormalized]);
    expect(parsed(dotnetCobrowsesession)).to.deep.equal(ruby);
  });

  it('the converters really produce the SDK spellings', () => {
    const snake = casings.snake(seedModels.Cobrowsesession.camel) as Record<string, unknown>;
    const pascal = casings.pascal(seedModels.Cobrowsesession.camel) as Record<string, unknown>;
    expect(snake).to.include.keys('_self', 'cobrowse_session_id', 'provider_event_time', 'after_call_work');
    expect(pascal).to.include.keys('Self', 'CobrowseSessionId', 'ProviderEventTime', 'AfterCallWork');
  });

  it('accepts every valid fixture', () => {
    for (const [name, input] of Object.entries(valid)) {
      const result = parseInput(input);
      expect(result.ok, `${name}: ${result.ok ? '' : result.error.message}`).to.equal(true);
    }
  });

  it('maps one-letter and all-caps keys (`ID`, `_id`, `Self`) and keeps the first of two spellings', () => {
    const result = parseInput({ ID: 'a', _id: 'b', STATE: 'Alerting' });
    expect(result.ok && result.value.communications[0]).to.deep.equal({
      id: 'a',
      kind: 'cobrowse',
      state: 'alerting',
      rawState: 'Alerting',
    });
    expect(result.warnings).to.deep.equal([
      { path: '_id', code: 'ignored', message: '"_id" repeats "ID"; the first is kept', value: '_id' },
    ]);
  });
});
