// What bench/run.mjs and bench/profile-first-render.mjs share: the static server for dist/ and bench/.build/
// (no-store, so every fresh page fetches and compiles anew) and the first render as measured in the page.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** Serves `root`'s dist/ and bench/.build/ on a free port: resolves to { base, close }. */
export async function serve(root) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
    // The browser asks every fresh page for one; a 404 would be reported as a page error, depending on timing.
    if (path === 'favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = join(root, path);
    if (!/^(dist|bench\/\.build)\//.test(path) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/**
 * The first render as the bench measures it, run in the page (`tab.evaluate(firstRenderInPage, tag)`): create and
 * append `tag` (with `attributes`, set before it connects), then wait for its update and its shadow children's.
 * `profile`: inside console.profile and between performance marks, so that a CPU profile and a trace cover exactly
 * this window (bench/profile-first-render.mjs).
 */
export async function firstRenderInPage(tag, profile = false, attributes = {}) {
  if (profile) {
    console.profile('first-render');
    performance.mark('first-render-start');
  }
  const t0 = performance.now();
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  await el.updateComplete;
  const children = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].filter((c) => c.updateComplete);
  await Promise.all(children.map((c) => c.updateComplete));
  const ms = performance.now() - t0;
  if (profile) {
    performance.mark('first-render-end');
    console.profileEnd('first-render');
  }
  return ms;
}
