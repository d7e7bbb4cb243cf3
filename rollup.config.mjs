// The builds, as Lit's publishing guide and Shoelace do, plus a two-stage script tag (README "Loading"):
//  - dist/*.js: unbundled, unminified ES modules for npm (lit, @lit/* and zod external);
//  - dist/cobrowse-widget.min.js: the script tag's core (no Lit, no zod), plus a versioned copy for pinning;
//  - dist/cobrowse-widget-ui-<hash>.min.js: the session UI the core loads on demand (Lit, zod, components);
//  - dist/cobrowse-widget.full.min.js: core and session UI in one file, plus a versioned copy.
// Every script-tag file is a minified IIFE built with Lit's production condition, minified by a stock terser.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minifyHTMLLiterals } from 'minify-literals';

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

// Runs first inside the core's IIFE (and the one-file build's). When a copy already installed the API, this copy
// returns before any of its modules run: no second transport, no second replay of the queue, and (in the one-file
// build) no second Lit, so no second 'lit-html' Trusted Types policy (which throws under `trusted-types lit-html`
// without 'allow-duplicates') and no second tag definitions.
const coreGuard =
  // Its own function scope: a top-level `var` here could clash with a name in the bundle.
  'if(function(w){if(w&&w.version){' +
  `if(w.version!==${JSON.stringify(pkg.version)})console.warn("[cobrowse-widget] "+w.version+" is already on this page; this copy (${pkg.version}) does nothing");` +
  'return!0}}(window.CobrowseWidget))return;';

// Runs first inside the session UI's IIFE: it goes on only when a core waits for it and no session UI attached yet
// (a second Lit would ask for a second 'lit-html' policy).
const uiGuard =
  'if(function(w){if(!w||typeof w[Symbol.for("cobrowse-widget.attach")]!="function"){' +
  'console.warn("[cobrowse-widget] the session UI file needs dist/cobrowse-widget.min.js on the page first");return!0}' +
  'return!!w.store}(window.CobrowseWidget))return;';

/** Each script-tag file's Subresource Integrity hash, printed and written to dist/sri.json. */
const hashes = {};
const integrityOf = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
function sri() {
  return {
    name: 'sri',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle).filter((file) => file.endsWith('.js'))) {
        const file = options.file ?? `${options.dir}/${name}`;
        const integrity = integrityOf(file);
        hashes[file.replace(/^dist\//, '')] = integrity;
        writeFileSync('dist/sri.json', `${JSON.stringify(hashes, null, 2)}\n`);
        console.log(`${file}  integrity="${integrity}"`);
      }
    },
  };
}

// The session UI file as the core must load it: its name (with a content hash, so a CDN may cache it for good)
// and its SRI hash, set when that build is written and read by the core's build, which comes after it.
const uiFile = { name: undefined, integrity: undefined };
const UI_FILE_MODULE = 'cobrowse-widget:ui-file';
function uiFileModule() {
  return {
    name: 'ui-file',
    resolveId: (source) => (source === UI_FILE_MODULE ? `\0${UI_FILE_MODULE}` : null),
    load(id) {
      if (id !== `\0${UI_FILE_MODULE}`) return null;
      if (!uiFile.name) this.error('the session UI must be built before the core (rollup.config.mjs order)');
      return `export const UI_FILE = ${JSON.stringify(uiFile.name)};\nexport const UI_INTEGRITY = ${JSON.stringify(uiFile.integrity)};\n`;
    },
  };
}
function recordUiFile() {
  return {
    name: 'record-ui-file',
    writeBundle(options, bundle) {
      uiFile.name = Object.keys(bundle).find((file) => file.endsWith('.js'));
      uiFile.integrity = integrityOf(`${options.dir}/${uiFile.name}`);
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

// `hidden`: the map is written beside the file (dist/, for debugging and the size attribution) but the file does not
// name it. The npm package leaves `*.map` out, so from a CDN the `sourceMappingURL` comment pointed at a 404 and
// cost every page 31 B gzip.
// Two compress passes: a stock setting, about 50 B gzip smaller here than one. The core takes three: 12 B gzip
// smaller there (5,075 -> 5,063 B); the other files keep two (three made the one-file build 44 B bigger).
// `preamble`: a first line terser writes above the minified code (and counts in the source map).
const minify = (passes = 2, preamble = undefined) =>
  terser({ ecma: 2020, compress: { passes }, format: { comments: false, preamble } });

// The indentation and comments inside Lit's `html` and `css` templates, which terser leaves alone (they are
// strings to it): minify-literals parses each template (HTML with html-minifier-next, CSS with lightningcss) and
// keeps Lit's bindings as they are. The npm modules keep their templates as written.
function minifyTemplates() {
  return {
    name: 'minify-templates',
    async transform(code, id) {
      if (!/\.[jt]s$/.test(id) || id.includes('node_modules') || !/(html|css)`/.test(code)) return null;
      return (await minifyHTMLLiterals(code, { fileName: id })) ?? null;
    },
  };
}
const scriptTag = (input, intro, output, { extra = [], passes, preamble } = {}) => ({
  input,
  plugins: [
    version,
    ...extra,
    resolve({ exportConditions: ['production'], browser: true }),
    ts,
    minifyTemplates(),
    minify(passes, preamble),
  ],
  output: output.map((options) => ({ format: 'iife', intro, sourcemap: 'hidden', plugins: [sri()], ...options })),
});

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
  // The session UI first: the core carries its name and hash. Its first line is V8's explicit compile hint
  // (https://v8.dev/blog/explicit-compile-hints): Chromium compiles every function of the file while it loads (off
  // the main thread for a script fetched from the network) instead of each on its first call. The core loads this
  // file when a session is about to be shown, so its code runs at once: the first render, the model and the store
  // would otherwise compile function by function, on the main thread, in the middle of the first render and the
  // first resync. (Not in the one-file build: most page views that load it never run the session code.)
  scriptTag(
    'src/ui.ts',
    uiGuard,
    [{ dir: 'dist', entryFileNames: 'cobrowse-widget-ui-[hash].min.js', plugins: [sri(), recordUiFile()] }],
    { preamble: '//# allFunctionsCalledOnLoad' },
  ),
  scriptTag(
    'src/global.ts',
    coreGuard,
    [{ file: 'dist/cobrowse-widget.min.js' }, { file: `dist/cobrowse-widget-${pkg.version}.min.js` }],
    { extra: [uiFileModule()], passes: 3 },
  ),
  scriptTag('src/full.ts', coreGuard, [
    { file: 'dist/cobrowse-widget.full.min.js' },
    { file: `dist/cobrowse-widget-${pkg.version}.full.min.js` },
  ]),
  ...localeBuilds,
];
