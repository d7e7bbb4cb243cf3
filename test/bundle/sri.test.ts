// The versioned copy and its Subresource Integrity hash, as a page would pin them.
import { expect } from '@open-wc/testing';
import { page } from './frames.js';

async function hashes(): Promise<Record<string, string>> {
  const response = await fetch('/dist/sri.json');
  expect(response.ok, 'dist/sri.json: run npm run build').to.equal(true);
  return response.json();
}

describe('Subresource integrity', () => {
  it('sri.json has a sha384 for the main file and the versioned copy', async () => {
    const sri = await hashes();
    const versioned = Object.keys(sri).find((file) => /^cobrowse-widget-\d+\.\d+\.\d+.*\.min\.js$/.test(file));
    expect(versioned, 'a versioned copy').to.be.a('string');
    for (const hash of Object.values(sri)) expect(hash).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(sri['cobrowse-widget.min.js']).to.be.a('string');
  });

  it('the versioned copy loads with its integrity hash, and is blocked with a wrong one', async () => {
    const sri = await hashes();
    const [file, integrity] = Object.entries(sri).find(([name]) => name !== 'cobrowse-widget.min.js')!;
    const version = /^cobrowse-widget-(.+)\.min\.js$/.exec(file)![1];
    const src = new URL(`/dist/${file}`, location.href).href;

    const good = await page('', `<script src="${src}" integrity="${integrity}" crossorigin="anonymous"></script>`);
    expect(good.win.CobrowseWidget.version).to.equal(version);

    const wrong = integrity.slice(0, -4) + (integrity.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const bad = await page('', `<script src="${src}" integrity="${wrong}" crossorigin="anonymous"></script>`);
    expect(bad.win.CobrowseWidget).to.equal(undefined);
  });
});
