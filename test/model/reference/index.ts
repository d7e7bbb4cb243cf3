// FROZEN REFERENCE (test-only): a verbatim copy of src/model as it was before issue 15's speed work on the model
// (main at 1c6aca1). test/model/differential.test.ts parses fixtures, their mutations and arbitrary values with it
// and with the live model and requires deep-equal results (values, warnings, error messages and paths), so the
// faster model is shown to compute the same thing. Do not "fix" or restyle this file: its value is that it does not
// change. Replace it (and say so) only when the model's semantics move on deliberately.
// (Its types and KNOWN_STATES are the live src/model/types.ts: data and types, no speed work.)
export * from '../../../src/model/types.js';
export { parseInput, DEFAULT_LIMITS, schemasBuilt } from './parse.js';
