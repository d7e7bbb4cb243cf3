import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { en, registerLocale } from '../../src/components/index.js';
import sinon from 'sinon';
import { format, localDigits } from '../../src/components/strings/strings.js';
import type { CobrowseBadge, CobrowseControls, LocaleTable } from '../../src/components/index.js';
import { de } from '../../src/components/strings/locales/de.js';
import { es } from '../../src/components/strings/locales/es.js';
import { fr } from '../../src/components/strings/locales/fr.js';
import { ja } from '../../src/components/strings/locales/ja.js';
import { ptBR } from '../../src/components/strings/locales/pt-BR.js';
import { ANA, BEN, CY, $, statusText, updated, viewStore } from './view-store.js';
import { NOTICE_STRINGS } from '../../src/loader/notice.js';

const LOCALES: [string, LocaleTable][] = [
  ['es', es],
  ['fr', fr],
  ['de', de],
  ['pt-BR', ptBR],
  ['ja', ja],
];
const SHARER = { connection: 'connected', role: 'sharer', kind: 'cobrowse' } as const;

describe('strings and locales', () => {
  before(() => LOCALES.forEach(([lang, table]) => registerLocale(lang, table)));

  it('is accessible in a registered locale', async () => {
    const el = await fixture<CobrowseBadge>(
      html`<cobrowse-badge lang="ja" .store=${viewStore(SHARER)}></cobrowse-badge>`,
    );
    await expect(el).to.be.accessible();
  });

  for (const [lang, table] of LOCALES) {
    it(`${lang} translates every string and keeps every placeholder`, () => {
      expect(Object.keys(table).sort()).to.deep.equal(Object.keys(en).sort());
      for (const [key, text] of Object.entries(table)) {
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text!), `${lang}.${key}`).to.deep.equal(placeholders(en[key as keyof typeof en]));
      }
    });
  }

  it('fills placeholders, each time with the values given, and leaves other braces alone', () => {
    expect(format('{name} has control', { name: 'Ana' })).to.equal('Ana has control');
    expect(format('{name} has control', { name: 'Ben' }), 'the same string again').to.equal('Ben has control');
    expect(format('{a}{b}, {a} and {missing}', { a: 1, b: 'two' })).to.equal('1two, 1 and ');
    expect(format('{n} people', { n: 0 })).to.equal('0 people');
    expect(format('no placeholders', { name: 'Ana' })).to.equal('no placeholders');
    expect(format('{ name } {} {name', { name: 'Ana' })).to.equal('{ name } {} {name');
    expect(format('', {})).to.equal('');
  });

  it('picks the locale from the lang attribute, then the document, then English', async () => {
    const store = viewStore({ ...SHARER, peers: [ANA, BEN, CY], peerCount: 3 });
    const el = await fixture<CobrowseBadge>(html`<cobrowse-badge lang="es" .store=${store}></cobrowse-badge>`);
    expect(statusText(el)).to.equal('Ana y 2 más están mirando');
    el.lang = 'fr';
    await updated(el);
    expect(statusText(el)).to.equal('Ana et 2 autres regardent');
    expect(el.getAttribute('lang')).to.equal('fr');
    el.lang = 'pt-br';
    await updated(el);
    expect(statusText(el)).to.equal('Ana e mais 2 estão vendo');
    el.lang = 'xx';
    await updated(el);
    expect(statusText(el)).to.equal('Ana and 2 others are viewing');

    const html0 = document.documentElement.lang;
    document.documentElement.lang = 'de-AT';
    try {
      const fromDoc = await fixture<CobrowseBadge>(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
      expect(statusText(fromDoc)).to.equal('Ana und 2 weitere sehen zu');
    } finally {
      document.documentElement.lang = html0;
    }
  });

  it('lets the strings property override any string', async () => {
    const store = viewStore({ connection: 'alerting', role: 'sharer', kind: 'cobrowse' });
    const el = await fixture<CobrowseControls>(
      html`<cobrowse-controls lang="ja" .store=${store} .strings=${{ accept: 'OK!' }}></cobrowse-controls>`,
    );
    expect($(el, '[data-action="accept"]')!.textContent!.trim()).to.equal('OK!');
    expect($(el, '[data-action="decline"]')!.textContent!.trim()).to.equal('拒否');
  });

  it('re-renders what is on the page when a locale arrives late', async () => {
    const el = await fixture<CobrowseBadge>(
      html`<cobrowse-badge lang="nl" .store=${viewStore(SHARER)}></cobrowse-badge>`,
    );
    expect(statusText(el)).to.equal('You are sharing this page');
    registerLocale('nl', { sharingCobrowse: 'U deelt deze pagina' });
    await updated(el);
    expect(statusText(el)).to.equal('U deelt deze pagina');
  });

  it('keeps the locales out of the script-tag files', async () => {
    for (const file of ['cobrowse-widget.full.min.js', 'cobrowse-widget.min.js']) {
      const bundle = await fetch(`/dist/${file}`).then((r) => (r.ok ? r.text() : ''));
      if (!bundle) expect.fail(`dist/${file} is missing: run npm run build`);
      expect(bundle).to.contain(en.end);
      for (const [lang, table] of LOCALES) expect(bundle, `${lang} in ${file}`).not.to.contain(table.sessionActive);
    }
  });

  describe('digits', () => {
    const ARABIC = '٠١٢٣٤٥٦٧٨٩';
    let clock: sinon.SinonFakeTimers;
    before(() => registerLocale('ar', { digits: ARABIC }));
    beforeEach(() => {
      clock = sinon.useFakeTimers({
        now: Date.parse('2026-11-22T10:00:00Z'),
        toFake: ['setInterval', 'clearInterval', 'Date'],
      });
    });
    afterEach(() => clock.restore());

    it("writes a whole number in the table's digits, padded to the digits asked for", () => {
      expect(localDigits(0, en)).to.equal('0');
      expect(localDigits(7, en, 2)).to.equal('07');
      expect(localDigits(1234, en, 2)).to.equal('1234');
      const ar = { ...en, digits: ARABIC };
      expect(localDigits(5, ar, 2)).to.equal('٠٥');
      expect(localDigits(1090, ar)).to.equal('١٠٩٠');
      // Ten code points, whatever their UTF-16 length: mathematical digits are two code units each.
      const math = { ...en, digits: '𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡' };
      expect(localDigits(42, math)).to.equal('𝟜𝟚');
      // An element's own `strings` are not checked: digits that are not ten characters fall back to Latin.
      expect(localDigits(42, { ...en, digits: '0123' })).to.equal('42');
    });

    it("shows the clock, counts and the offer's countdown in the locale's digits", async () => {
      const badge = await fixture<CobrowseBadge>(
        html`<cobrowse-badge
          lang="ar"
          .store=${viewStore({ ...SHARER, peerCount: 3, connectedSince: '2026-11-22T09:58:55.000Z' })}
        ></cobrowse-badge>`,
      );
      expect(statusText(badge)).to.contain('٣ people are viewing');
      expect($(badge, '[part="timer"]')!.textContent).to.contain('١:٠٥');
      const controls = await fixture<CobrowseControls>(
        html`<cobrowse-controls
          lang="ar"
          .store=${viewStore({ connection: 'alerting', role: 'sharer', kind: 'cobrowse', offerExpiresAt: '2026-11-22T10:00:12.000Z' })}
        ></cobrowse-controls>`,
      );
      expect($(controls, '[part="countdown"]')!.textContent).to.equal('Expires in ١٢ s');
      // English, and the locales that fall back to it, keep Latin digits.
      badge.lang = 'nl';
      await updated(badge);
      expect($(badge, '[part="timer"]')!.textContent).to.contain('1:05');
    });

    it('makes no Intl.NumberFormat (its first use in a page costs milliseconds), in any locale', async () => {
      const made = sinon.spy(Intl, 'NumberFormat');
      try {
        for (const lang of ['en', 'ar', 'ja']) {
          const el = await fixture<CobrowseBadge>(
            html`<cobrowse-badge
              lang=${lang}
              .store=${viewStore({ ...SHARER, peerCount: 2, connectedSince: '2026-11-22T09:00:00.000Z' })}
            ></cobrowse-badge>`,
          );
          expect($(el, '[part="timer"]')?.textContent, lang).to.contain(':');
        }
        expect(made.callCount).to.equal(0);
      } finally {
        made.restore();
      }
    });

    it('refuses a table whose digits are not ten characters, and keeps the one it had', async () => {
      registerLocale('xx', { digits: ARABIC, sharingCobrowse: 'xx sharing' });
      for (const digits of ['', '012345678', '٠١٢٣٤٥٦٧٨٩٠']) {
        expect(() => registerLocale('xx', { digits }), JSON.stringify(digits)).to.throw(
          RangeError,
          `registerLocale('xx'): digits must be ten characters, zero to nine, received ${JSON.stringify(digits)}`,
        );
      }
      const el = await fixture<CobrowseBadge>(
        html`<cobrowse-badge lang="xx" .store=${viewStore({ ...SHARER, peerCount: 4 })}></cobrowse-badge>`,
      );
      expect(statusText(el)).to.contain('٤ people are viewing');
    });
  });

  it("the core's fallback notice says what the session UI says, key by key", () => {
    for (const [key, text] of Object.entries(NOTICE_STRINGS)) expect(text, key).to.equal(en[key as keyof typeof en]);
  });
});
