export * from './types.js';
export { parseInput, DEFAULT_LIMITS, schemasBuilt } from './parse.js';
