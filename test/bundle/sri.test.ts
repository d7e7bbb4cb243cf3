// The versioned copies and their Subresource Integrity hashes, as a page would pin them.
import { expect } from '@open-wc/testing';
import { page, ready } from './frames.js';

async function hashes(): Promise<Record<string, string>> {
  const response = await fetch('/dist/sri.json');
  expect(response.ok, 'dist/sri.json: run npm run build').to.equal(true);
  return response.json();
}

describe('Subresource integrity', () => {
  it('sri.json has a sha384 for each script-tag file: core, session UI, one-file build, versioned copies', async () => {
    const sri = await hashes();
    const names = Object.keys(sri);
    for (const pattern of [
      /^cobrowse-widget\.min\.js$/,
      /^cobrowse-widget-\d+\.\d+\.\d+[^.]*\.min\.js$/,
      /^cobrowse-widget\.full\.min\.js$/,
      /^cobrowse-widget-\d+\.\d+\.\d+[^.]*\.full\.min\.js$/,
      /^cobrowse-widget-ui-[\w-]+\.min\.js$/,
    ])
      expect(
        names.filter((name) => pattern.test(name)),
        String(pattern),
      ).to.have.length(1);
    for (const hash of Object.values(sri)) expect(hash).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
    // The core carries the session UI's hash, and loads it with it.
    const core = await (await fetch('/dist/cobrowse-widget.min.js')).text();
    const ui = names.find((name) => name.startsWith('cobrowse-widget-ui-'))!;
    expect(core).to.contain(sri[ui]).and.contain(ui);
  });

  for (const kind of ['', '.full']) {
    it(`the versioned${kind} copy loads with its integrity hash, and is blocked with a wrong one`, async () => {
      const sri = await hashes();
      const pattern = new RegExp(`^cobrowse-widget-(\\d+\\.\\d+\\.\\d+[^.]*)${kind.replace('.', '\\.')}\\.min\\.js$`);
      const [file, integrity] = Object.entries(sri).find(([name]) => pattern.test(name))!;
      const version = pattern.exec(file)![1];
      const src = new URL(`/dist/${file}`, location.href).href;

      const good = await page(
        '',
        `<script src="${src}" integrity="${integrity}" crossorigin="anonymous" data-load="eager"></script>`,
      );
      expect(good.win.CobrowseWidget.version).to.equal(version);
      // The core's session UI, resolved beside the versioned copy, passes its own integrity check.
      await ready(good.win);
      expect(good.win.customElements.get('cobrowse-widget')).to.be.a('function');

      const wrong = integrity.slice(0, -4) + (integrity.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      const bad = await page('', `<script src="${src}" integrity="${wrong}" crossorigin="anonymous"></script>`);
      expect(bad.win.CobrowseWidget).to.equal(undefined);
    });
  }
});
