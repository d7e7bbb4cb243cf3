export * from './model/index.js';
export * from './store/index.js';
export * from './components/index.js';
export { VERSION } from './version.js';
