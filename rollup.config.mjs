// Two builds, as Lit's publishing guide and Shoelace do:
//  - dist/*.js: unbundled, unminified ES modules for npm (lit, @lit/* and zod external);
//  - dist/cobrowse-widget.min.js: one self-contained, minified IIFE for the script tag, built with Lit's
//    production condition, plus a versioned copy (cobrowse-widget-<version>.min.js) for pinning with SRI.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { collapseLiterals, letForConst } from './scripts/collapse-literals.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const version = replace({ preventAssignment: true, values: { __VERSION__: pkg.version } });
// es2022 keeps class fields native; experimentalDecorators are transformed by esbuild from tsconfig.json.
const ts = esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

const npmEntries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  react: 'src/react.ts',
  // Locales: separate modules (never in the script-tag file), `cobrowse-widget/locales/<lang>.js`.
  ...Object.fromEntries(
    ['es', 'fr', 'de', 'pt-BR', 'ja'].map((lang) => [
      `components/strings/locales/${lang}`,
      `src/components/strings/locales/${lang}.ts`,
    ]),
  ),
};

// Runs first inside the IIFE. When a copy of the script-tag file already installed the API, this copy returns
// before any of its modules run: no second Lit, so no second 'lit-html' Trusted Types policy (which throws under
// `trusted-types lit-html` without 'allow-duplicates'), no second tag definitions, no second replay of the queue.
const guard =
  // Its own function scope: a top-level `var` here could clash with a name in the bundle.
  'if(function(w){if(w&&w.version){' +
  `if(w.version!==${JSON.stringify(pkg.version)})console.warn("[cobrowse-widget] "+w.version+" is already on this page; this copy (${pkg.version}) does nothing");` +
  'return!0}}(window.CobrowseWidget))return;';

/** Prints each script-tag file's Subresource Integrity hash and writes them all to dist/sri.json. */
const hashes = {};
function sri() {
  return {
    name: 'sri',
    writeBundle(options) {
      const file = options.file;
      const integrity = `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
      hashes[file.replace(/^dist\//, '')] = integrity;
      writeFileSync('dist/sri.json', `${JSON.stringify(hashes, null, 2)}\n`);
      console.log(`${file}  integrity="${integrity}"`);
    },
  };
}

// Locales for script-tag users: one small IIFE per locale module, dist/locales/<lang>.min.js, that hands its table
// to `CobrowseWidget('registerLocale', lang, table)`. Through the loader stub, so it works loaded before or after
// the main file (the call waits in the queue). Built only when the components ship locale modules.
const LOCALES = 'src/components/strings/locales';
const localeBuilds = (existsSync(LOCALES) ? readdirSync(LOCALES) : [])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => {
    const lang = file.slice(0, -3);
    const id = `\0locale:${lang}`;
    return {
      input: id,
      plugins: [
        {
          name: 'locale-entry',
          resolveId: (source) => (source === id ? id : null),
          load: (source) =>
            source === id
              ? `import * as m from ${JSON.stringify(`./${LOCALES}/${file}`)};\n` +
                `const w = window;\n` +
                `(w.CobrowseWidget = w.CobrowseWidget || function () { (w.CobrowseWidget.q = w.CobrowseWidget.q || []).push(arguments); })` +
                `('registerLocale', ${JSON.stringify(lang)}, Object.values(m)[0]);\n`
              : null,
        },
        ts,
        terser({ ecma: 2020, format: { comments: false } }),
      ],
      output: { file: `dist/locales/${lang}.min.js`, format: 'iife' },
    };
  });

// Property names terser may shorten in the script-tag file (`mangle.properties`): fields that only the bundle's own
// code reads and writes, never a DOM, Lit (`_$...`, `elementProperties`, ...), zod, public API, view, event, option,
// strings-table or wire name. Each is spelled the same everywhere in the bundle, so renaming it everywhere keeps
// the meaning; `checkInternalProps` refuses the build when one shows up in a way renaming would break. ~120 B gzip.
// A name that disappears from the source costs nothing; a new internal field can be added here.
// `builtins: true`: terser otherwise leaves alone every name in its list of DOM properties (`session`, `locale`,
// `sticky`, `flush`, `unsubscribe` are there), though here each is only ever our own field.
const INTERNAL_PROPS = [
  // components: TS `private`/`protected` members of the elements and their controllers (no decorators: see
  // cobrowse-element.ts), never reactive properties (their names are attributes)
  'session ticker provide provided leaveProvider current unsubscribe onVisibility hadFocus promptKey restoreFocus',
  'onPromptKey ticking interval locale actions onChange onError',
  // store: the reducer's state and records (src/store/reduce.ts, order.ts), behind `getState()`'s derived view
  'comms offers requests expiries dismissed pendingDeadline seq stamp latest sticky grantedAt known rank sig people',
  // transport: the wire's hooks and the outbox (src/transport/wire.ts, outbox.ts)
  'receive flush',
  // model: parse.ts's working context and its output's lists (read only by the store)
  'root out signals conversations communications',
]
  .join(' ')
  .split(' ');

/**
 * Fails the script-tag build when an INTERNAL_PROPS name is used as a string (a decorator's or `static properties`'
 * name, `'x' in o`, `hasOwnProperty('x')`, `o['x']` built from a string), which terser would not rename, or names
 * a field of the public contract types.
 */
function checkInternalProps() {
  // What a page reaches through the script-tag file: the API, the store and its views, connections, events, and
  // the strings tables that locale files (built apart) fill by key.
  const contract = [
    'src/global.ts',
    'src/store/types.ts',
    'src/transport/types.ts',
    'src/components/events.ts',
    'src/components/strings/strings.ts',
  ]
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  return {
    name: 'check-internal-props',
    renderChunk(code) {
      for (const name of INTERNAL_PROPS) {
        if (new RegExp(`['"\`]${name}['"\`]`).test(code)) this.error(`INTERNAL_PROPS: '${name}' is used as a string`);
        if (new RegExp(`\\b${name}\\??[:(]`).test(contract)) this.error(`INTERNAL_PROPS: '${name}' is in the contract`);
      }
      return null;
    },
  };
}

// `hidden`: the map is written beside the file (dist/, for debugging and the size attribution) but the file does not
// name it. The npm package leaves `*.map` out, so from a CDN the `sourceMappingURL` comment pointed at a 404 and
// cost every page 31 B gzip.
const iife = (file) => ({ file, format: 'iife', intro: guard, sourcemap: 'hidden', plugins: [sri()] });

export default [
  {
    input: npmEntries,
    external: (id) => /^(lit|zod|react)(\/|$)|^@lit\//.test(id),
    // Keep no bare `import 'zod/mini'` in modules that do not use it: the dependencies' side effects are their own.
    treeshake: { moduleSideEffects: (id, external) => !external },
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
      checkInternalProps(),
      letForConst(),
      // terser beats esbuild's minify by ~500 B gzip on this bundle (15,146 -> 14,651). Inlining only functions
      // that are a single return (`inline: 1`) with a third pass gzips 33 B smaller than full inlining: a helper
      // called from several places stays one copy instead of many near-copies.
      // `unsafe_arrows`: a function expression that reads no `this`, `arguments` or `new.target` becomes an arrow.
      // Here every one it converts is called where it stands (an inlined helper, `function(e){...}(x)`: 31 of them,
      // the bundle's other function expressions are methods it leaves alone), so no prototype or `new` can notice.
      terser({
        ecma: 2020,
        compress: { passes: 3, inline: 1, unsafe_arrows: true },
        mangle: { properties: { builtins: true, regex: new RegExp(`^(${INTERNAL_PROPS.join('|')})$`) } },
        format: { comments: false },
      }),
      collapseLiterals(),
    ],
    output: [iife('dist/cobrowse-widget.min.js'), iife(`dist/cobrowse-widget-${pkg.version}.min.js`)],
  },
  ...localeBuilds,
];
