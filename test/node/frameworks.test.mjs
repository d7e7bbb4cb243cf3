// Vue 3 and Angular, as users write them (README "Vue 3", "Angular"): the apps in test/frameworks/, each built
// with its own toolchain (vue-tsc + Vite; Angular's application builder, AOT with strict templates) from the
// tarball `npm pack` makes, then driven in headless Chromium: the widget renders the state the app ingested into
// its own store, bound by property, and the app's handler receives `cobrowse-action`. The template checkers are
// proven too: vue-tsc (with `cobrowse-widget/vue`) and Angular's strict templates reject wrong bindings.
//
// Each app's toolchain is pinned by its committed package-lock.json. The test copies the apps to a temporary
// folder and installs the tarball there onto that lock (`npm install <tarball>` keeps every locked version; only
// the tarball's own dependencies resolve, as they would for a user), from npm's cache when it has them.
// Runs after `npm run build` (npm test does that first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { browserArgs, ensureBrowser } from '../../scripts/browser.mjs';

const root = new URL('../..', import.meta.url).pathname;
const exec = promisify(execFile);

/** Runs a command for its stdout; a failure's message carries all its output (the negative tests read it). */
async function sh(command, args, cwd) {
  try {
    const { stdout } = await exec(command, args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, npm_config_loglevel: 'error', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return stdout;
  } catch (error) {
    error.message = `${command} ${args.join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`;
    throw error;
  }
}

/** Runs a command that must fail once `file` holds `contents`, then puts the file back; returns the output. */
async function failsWith(file, contents, command, args, cwd) {
  const original = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  writeFileSync(file, contents);
  try {
    await sh(command, args, cwd);
  } catch (error) {
    return error.message;
  } finally {
    if (original === undefined) rmSync(file);
    else writeFileSync(file, original);
  }
  return assert.fail(`${command} ${args.join(' ')} passed with ${file} changed`);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves a built app's folder on a free port (each app on its own origin, so its absolute paths work). */
async function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // The apps have no icon: answer the browser's request for one with nothing rather than a 404 in the console.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

let work;
let browser;
const apps = {};
const servers = [];

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'cobrowse-widget-frameworks-'));
  const packed = JSON.parse(await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root));
  const tarball = join(work, packed[0].filename);
  // The apps import ../session.ts from beside them: copy the folder whole, less what an earlier run left.
  cpSync(join(root, 'test/frameworks'), join(work, 'frameworks'), {
    recursive: true,
    filter: (src) => !/\/(node_modules|dist)$/.test(src),
  });
  for (const name of ['vue', 'angular']) apps[name] = join(work, 'frameworks', name);
  // Both installs at once: they mostly wait on the disk and the network.
  await Promise.all(
    Object.values(apps).map((dir) =>
      sh('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir),
    ),
  );
  browser = await puppeteer.launch({
    executablePath: ensureBrowser({ install: false }),
    headless: true,
    args: browserArgs(),
  });
});

after(async () => {
  for (const server of servers) server.close();
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Loads a built app and checks, in the page, what the README promises: the tags are defined, the element's
 * `store` is the app's store object (a property: no `store` attribute) and renders what the app ingested (the
 * agent's name in the badge, and in the panel once a real click opens it), and a real click on the panel's End
 * button reaches the app's handler, which logs the event's detail.
 */
async function drive(dir) {
  const server = await serve(dir);
  servers.push(server);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const logged = new Promise((resolve) =>
    page.on('console', (message) => message.type() === 'log' && resolve(message.args()[0]?.jsonValue())),
  );
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForFunction(() => 'appStore' in window && document.querySelector('cobrowse-widget')?.shadowRoot);

  const inPage = () =>
    page.evaluate(async () => {
      const widget = document.querySelector('cobrowse-widget');
      await widget.updateComplete;
      await widget.shadowRoot.querySelector('cobrowse-controls')?.updateComplete;
      // The visible text, through the open shadow roots (the widget's, then the controls' and the badge's in it).
      const text = (node) =>
        node.nodeType === Node.TEXT_NODE
          ? node.data
          : [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes].map(text).join(' ');
      return {
        defined: ['cobrowse-badge', 'cobrowse-controls', 'cobrowse-widget'].every((tag) => customElements.get(tag)),
        sameStore: widget.store === window.appStore,
        storeAttribute: widget.getAttribute('store'),
        connection: widget.store?.getState().connection,
        position: widget.position,
        open: widget.open,
        text: text(widget).replace(/\s+/g, ' '),
        peers: [...widget.shadowRoot.querySelectorAll('[part="peers"] li')].map((li) => li.textContent.trim()),
        peersShown: widget.shadowRoot.querySelector('[part="peers"]')?.checkVisibility() ?? false,
      };
    });
  const expected = {
    defined: true,
    sameStore: true,
    storeAttribute: null,
    connection: 'connected',
    position: 'bottom-start',
    peers: ['Ada Lovelace'],
  };
  const { text, ...closed } = await inPage();
  // A closed panel holds no list of people (it is made when the panel shows).
  assert.deepEqual(closed, { ...expected, open: false, peers: [], peersShown: false });
  assert.match(text, /Ada Lovelace/, 'the badge names the agent the app ingested');

  await (await page.waitForSelector('cobrowse-widget >>> button[part="toggle"]')).click();
  const opened = await inPage();
  assert.deepEqual({ ...opened, text: undefined }, { ...expected, open: true, peersShown: true, text: undefined });

  await (await page.waitForSelector('cobrowse-widget >>> cobrowse-controls >>> button[data-action="end"]')).click();
  assert.deepEqual(await logged, {
    action: 'end',
    sessionId: 'session-1',
    communicationId: 'cobrowse-1',
    participantId: 'customer-1',
  });
  assert.deepEqual(errors, []);
  await page.close();
}

/** The lines (trimmed) of the fenced code blocks in the README section under `heading`. */
function readmeLines(heading) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `the README has a "${heading}" section`);
  const section = readme.slice(start + heading.length + 2).split(/\n#{1,3} /)[0];
  const blocks = [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((match) => match[1]);
  assert.ok(blocks.length >= 2, `"${heading}" shows its code`);
  return blocks.flatMap((block) => block.split('\n').map((line) => line.trim())).filter(Boolean);
}

/** The lines (trimmed) of an app's own files in test/frameworks/<app>. */
function appLines(app) {
  const files = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      ['node_modules', 'dist', 'package-lock.json'].includes(entry.name)
        ? []
        : entry.isDirectory()
          ? files(join(dir, entry.name))
          : [join(dir, entry.name)],
    );
  return new Set(
    files(join(root, 'test/frameworks', app)).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((l) => l.trim()),
    ),
  );
}

/** The tests every app gets: the README's code is the app's, `npm run build`, then the built app in Chromium. */
function buildAndDrive(app, heading, dist, what) {
  test(`the README's "${heading.replace(/^#+ /, '')}" code is the app's, line for line (the app adds its test hooks)`, () => {
    const lines = appLines(app);
    assert.deepEqual(
      readmeLines(heading).filter((line) => !lines.has(line)),
      [],
    );
  });
  test(`\`npm run build\`: ${what}`, async () => {
    await sh('npm', ['run', 'build'], apps[app]);
    assert.ok(existsSync(join(apps[app], dist, 'index.html')));
  });
  test('in Chromium: the app store by property, its state rendered, cobrowse-action in the app handler', async () => {
    await drive(join(apps[app], dist));
  });
}

describe('Vue 3 (Vite, vue-tsc), from the packed tarball', () => {
  buildAndDrive(
    'vue',
    '### Vue 3',
    'dist',
    'vue-tsc passes the app, with cobrowse-widget/vue typing the tags; Vite builds it',
  );

  test('vue-tsc rejects wrong bindings on the tags (the store, a union attribute, a boolean, a handler)', async () => {
    // One wrong binding per line: the error list must name every one of those lines, and nothing else.
    const wrong = [
      `<cobrowse-widget :store.prop="123" />`,
      `<cobrowse-widget :store="{ getState: () => 1 }" />`,
      `<cobrowse-widget position="x" />`,
      `<cobrowse-controls theme="blue" />`,
      `<cobrowse-widget :hide-when-idle="'yes'" />`,
      `<cobrowse-widget @cobrowse-action="(event: KeyboardEvent) => event.key" />`,
      `<cobrowse-widget @cobrowse-state="(event: CobrowseActionEvent) => event.detail.action" />`,
      `<cobrowse-badge :compact="1" />`,
    ];
    const header = [
      `<script setup lang="ts">`,
      `import type { CobrowseActionEvent } from 'cobrowse-widget';`,
      `</script>`,
      `<template>`,
    ];
    const output = await failsWith(
      join(apps.vue, 'src/Wrong.vue'),
      [...header, ...wrong, `</template>`, ''].join('\n'),
      'npx',
      ['vue-tsc', '--noEmit'],
      apps.vue,
    );
    const lines = [...output.matchAll(/src\/Wrong\.vue\((\d+),\d+\): error TS2322/g)].map((m) => +m[1]);
    const expected = wrong.map((_, i) => header.length + 1 + i);
    assert.deepEqual(
      [...new Set(lines)].sort((a, b) => a - b),
      expected,
      output,
    );
    assert.doesNotMatch(output, /src\/App\.vue/, 'the right bindings still pass');
    assert.match(output, /not assignable to type 'SessionStore'/);
    assert.match(output, /"bottom-end" \| "bottom-start" \| "top-end" \| "top-start"/);
  });
});

describe('Angular (standalone, AOT, strict templates), from the packed tarball', () => {
  // The browser run comes before the next test, whose failing build empties dist/.
  buildAndDrive(
    'angular',
    '### Angular',
    'dist/browser',
    'the application builder compiles `onAction(event: CobrowseActionEvent)`, no cast',
  );

  test('strict templates reject a `(cobrowse-action)` handler that takes another event type', async () => {
    // The same component with the handler's parameter typed as a KeyboardEvent. Angular types `$event` from the
    // element's event map, where the package puts CobrowseActionEvent; were it `any` (no strict templates, or an
    // untyped event), this would compile.
    const file = join(apps.angular, 'src/app/help.component.ts');
    const good = readFileSync(file, 'utf8');
    const wrong = good.replace('onAction(event: CobrowseActionEvent)', 'onAction(event: KeyboardEvent)');
    assert.notEqual(wrong, good, 'the component has the README handler');
    const output = await failsWith(file, wrong, 'npm', ['run', 'build'], apps.angular);
    assert.match(
      output,
      /TS2345: Argument of type 'CobrowseActionEvent' is not assignable to parameter of type 'KeyboardEvent'/,
    );
  });
});
