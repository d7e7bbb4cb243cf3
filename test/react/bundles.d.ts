// Types for the React bundles that test/support/react-plugin.mjs serves (React 18 shares React 19's types here:
// the tests use only createElement, createRoot and flushSync, which are the same in both).
declare module '/__react/19.js' {
  export * as React from 'react';
  export { createRoot } from 'react-dom/client';
  export { flushSync } from 'react-dom';
}
declare module '/__react/18.js' {
  export * as React from 'react';
  export { createRoot } from 'react-dom/client';
  export { flushSync } from 'react-dom';
  export * as Wrappers from '../../src/react.js';
}
