// Two builds, as Lit's publishing guide and Shoelace do:
//  - dist/*.js: unbundled, unminified ES modules for npm (lit, @lit/context and zod external);
//  - dist/cobrowse-widget.min.js: one self-contained, minified IIFE for the script tag, built with Lit's
//    production condition.
import { readFileSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { collapseLiterals } from './scripts/collapse-literals.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const version = replace({ preventAssignment: true, values: { __VERSION__: pkg.version } });
// es2022 keeps class fields native; experimentalDecorators are transformed by esbuild from tsconfig.json.
const ts = esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

const npmEntries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  // Locales: separate modules (never in the script-tag file), `cobrowse-widget/locales/<lang>.js`.
  ...Object.fromEntries(
    ['es', 'fr', 'de', 'pt-BR', 'ja'].map((lang) => [
      `components/strings/locales/${lang}`,
      `src/components/strings/locales/${lang}.ts`,
    ]),
  ),
};

export default [
  {
    input: npmEntries,
    external: (id) => /^(lit|@lit\/|zod)(\/|$)/.test(id),
    plugins: [version, ts],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
  },
  {
    input: 'src/global.ts',
    plugins: [
      version,
      resolve({ exportConditions: ['production'], browser: true }),
      ts,
      minify({ target: 'es2022', legalComments: 'none' }),
      collapseLiterals(),
    ],
    output: {
      file: 'dist/cobrowse-widget.min.js',
      format: 'iife',
      sourcemap: true,
    },
  },
];
