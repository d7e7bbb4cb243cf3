// Serves the built script-tag files byte for byte. The esbuild plugin transforms every .js it serves (it adds
// "use strict" and an inline source map), which would test a different file than the one users get, and break
// its Subresource Integrity hash. This plugin's transform runs after esbuild's and puts the file back.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function verbatimPlugin({ pattern = /^\/dist\/(.*\.)?min\.js$/ } = {}) {
  return {
    name: 'verbatim-built-files',
    transform(context) {
      if (!pattern.test(context.path)) return undefined;
      return { body: readFileSync(`${root}${context.path.slice(1)}`, 'utf8'), transformCache: false };
    },
  };
}
