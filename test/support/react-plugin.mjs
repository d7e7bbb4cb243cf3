// Serves React, which ships CommonJS only, to the browser tests as ES modules bundled by esbuild on request:
//  - /__react/19.js: the root's React 19 (`React`, `createRoot`, `flushSync`);
//  - /__react/18.js: React 18 from the test/react/react18 workspace, plus `cobrowse-widget/react` (src/react.ts)
//    bundled against it, since its `import 'react'` would otherwise find React 19.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const react18 = `${root}test/react/react18/node_modules`;

const ENTRIES = {
  '/__react/19.js': {
    contents: `export * as React from 'react'; export { createRoot } from 'react-dom/client'; export { flushSync } from 'react-dom';`,
    alias: {},
  },
  '/__react/18.js': {
    contents:
      `export * as React from 'react'; export { createRoot } from 'react-dom/client'; export { flushSync } from 'react-dom';` +
      `export * as Wrappers from ${JSON.stringify(`${root}src/react.ts`)};`,
    alias: { react: `${react18}/react`, 'react-dom': `${react18}/react-dom` },
  },
};

export function reactPlugin() {
  const cache = new Map();
  return {
    name: 'react-bundles',
    async serve(context) {
      const entry = ENTRIES[context.path];
      if (!entry) return undefined;
      if (!cache.has(context.path)) {
        const result = await build({
          stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' },
          alias: entry.alias,
          bundle: true,
          format: 'esm',
          target: 'es2022',
          write: false,
          tsconfig: `${root}tsconfig.json`,
          define: { 'process.env.NODE_ENV': '"development"' },
          logLevel: 'silent',
        });
        cache.set(context.path, result.outputFiles[0].text);
      }
      return { body: cache.get(context.path), type: 'js' };
    },
  };
}
