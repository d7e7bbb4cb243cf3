// The published package, as a user gets it: `npm pack`, install the tarball into an empty project, import it.
// Runs after `npm run build` (npm test does that first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const npm = (args, cwd = root) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_loglevel: 'error' },
  });

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

describe('npm pack', () => {
  test('--dry-run lists exactly the built files, the manifest, README, LICENSE and package.json', () => {
    const [{ files }] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts']));
    const packed = files.map((f) => f.path).sort();
    const expected = [
      ...walk(join(root, 'dist'))
        .map((f) => relative(root, f))
        .filter((f) => !f.endsWith('.map') && f !== 'dist/global.d.ts'),
      'custom-elements.json',
      'LICENSE',
      'README.md',
      'package.json',
    ].sort();
    assert.deepEqual(packed, expected);
    for (const must of [
      'dist/index.js',
      'dist/define.js',
      'dist/react.js',
      'dist/cobrowse-widget.min.js',
      'dist/index.d.ts',
      'dist/vue.d.ts',
    ]) {
      assert.ok(packed.includes(must), `${must} is packed`);
    }
    assert.ok(
      !packed.some((f) => /^(src|test|scripts|demo|\.ci|node_modules)\//.test(f)),
      'no sources, tests or tooling',
    );
  });
});

describe('the packed tarball, installed into an empty project', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cobrowse-widget-pack-'));
    const [{ filename }] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir]));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // Dependencies come from npm's cache when `npm ci` filled it; the registry otherwise. React is the optional
    // peer that `cobrowse-widget/react` needs: the same version as the root's.
    const react = JSON.parse(readFileSync(join(root, 'node_modules/react/package.json'), 'utf8')).version;
    npm(
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        join(dir, filename),
        `react@${react}`,
      ],
      dir,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (code) =>
    execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 30_000,
    });

  test('`cobrowse-widget` imports in Node without a DOM and has the classes, the store and the version', () => {
    const out = run(`
      const m = await import('cobrowse-widget');
      const store = m.createSessionStore();
      console.log(JSON.stringify({
        classes: [typeof m.CobrowseBadge, typeof m.CobrowseControls, typeof m.CobrowseWidget],
        version: m.VERSION,
        connection: store.getState().connection,
        defined: globalThis.customElements?.get?.('cobrowse-widget') !== undefined,
      }));`);
    const result = JSON.parse(out);
    assert.deepEqual(result.classes, ['function', 'function', 'function']);
    assert.equal(result.version, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    assert.equal(result.connection, 'idle');
    assert.equal(result.defined, false, 'importing the classes registers nothing');
  });

  test('`cobrowse-widget` exports the transports: a store joined by `connect` hears a BroadcastChannel', () => {
    // Node has BroadcastChannel (no WebSocket before Node 22), so this runs the npm `connect` end to end.
    const out = run(`
      const m = await import('cobrowse-widget');
      const store = m.createSessionStore();
      // The other side listens first: the link asks it for a resync as it opens.
      const peer = new BroadcastChannel('pack-test');
      const heard = new Promise((resolve) => { peer.onmessage = ({ data }) => resolve(data.type); });
      const link = m.connect(store, { broadcastChannel: 'pack-test' });
      const changed = new Promise((resolve) => store.subscribe(resolve));
      peer.postMessage({ id: 'c1', state: 'alerting', cobrowseRole: 'sharer' });
      const [resync, view] = await Promise.all([heard, changed]);
      console.log(JSON.stringify({
        exports: ['connect', 'connectWebSocket', 'connectPostMessage', 'connectBroadcastChannel'].map((k) => typeof m[k]),
        status: link.status, resync, connection: view.connection, role: view.role,
      }));
      link.close();
      peer.close();`);
    assert.deepEqual(JSON.parse(out), {
      exports: ['function', 'function', 'function', 'function'],
      status: 'open',
      resync: 'cobrowse.resync',
      connection: 'alerting',
      role: 'sharer',
    });
  });

  test('`cobrowse-widget/define.js` registers the three tags', () => {
    const out = run(`
      await import('cobrowse-widget/define.js');
      console.log(['cobrowse-badge', 'cobrowse-controls', 'cobrowse-widget'].map((t) => customElements.get(t)?.name).join());`);
    assert.equal(out.trim(), 'CobrowseBadge,CobrowseControls,CobrowseWidget');
  });

  test('`cobrowse-widget/react`, the manifest and package.json resolve through `exports`', () => {
    const out = run(`
      const react = await import('cobrowse-widget/react');
      const { default: manifest } = await import('cobrowse-widget/custom-elements.json', { with: { type: 'json' } });
      const { default: pkg } = await import('cobrowse-widget/package.json', { with: { type: 'json' } });
      console.log(JSON.stringify({ react: Object.keys(react).sort(), schema: manifest.schemaVersion, ce: pkg.customElements }));`);
    const result = JSON.parse(out);
    assert.deepEqual(result.react, ['CobrowseBadge', 'CobrowseControls', 'CobrowseWidget']);
    assert.ok(result.schema);
    assert.equal(result.ce, 'custom-elements.json');
    assert.ok(existsSync(join(dir, 'node_modules/cobrowse-widget/dist/cobrowse-widget.min.js')));
  });

  // What an app's bundler does with `sideEffects`: an unused class costs nothing, define.js keeps its registrations.
  const bundle = async (contents) => {
    const result = await build({
      stdin: { contents, resolveDir: dir },
      absWorkingDir: dir,
      bundle: true,
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  };

  test('class modules are free of side effects: an unused import bundles to nothing', async () => {
    const unused = await bundle(`import { CobrowseWidget, CobrowseBadge } from 'cobrowse-widget';`);
    assert.equal(unused.trim(), '');
    const defined = await bundle(`import 'cobrowse-widget/define.js';`);
    for (const tag of ['cobrowse-badge', 'cobrowse-controls', 'cobrowse-widget'])
      assert.ok(defined.includes(`"${tag}"`), tag);
  });

  test('a private path is not reachable: `exports` is the public surface', () => {
    assert.throws(
      () => run(`await import('cobrowse-widget/dist/store/session-store.js')`),
      /ERR_PACKAGE_PATH_NOT_EXPORTED/,
    );
  });
});
