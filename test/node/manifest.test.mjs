// The custom-elements.json check: passes on the real build, and fails for each kind of gap.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkManifest } from '../../scripts/check-manifest.mjs';

const root = new URL('../..', import.meta.url).pathname;

test('the built custom-elements.json lists everything the JSDoc and decorators declare', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  assert.deepEqual(checkManifest(manifest, join(root, 'src')).problems, []);
  const tags = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .map((d) => d.tagName)
    .filter(Boolean);
  assert.deepEqual(tags.sort(), ['cobrowse-badge', 'cobrowse-controls', 'cobrowse-widget']);
});

describe('check-manifest on a small component', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cem-check-'));
  mkdirSync(join(dir, 'x'));
  writeFileSync(
    join(dir, 'base.ts'),
    `export class Base extends LitElement { @property({ reflect: true }) theme = 'auto'; @property({ attribute: false }) store?: unknown; }`,
  );
  writeFileSync(
    join(dir, 'x/x.component.ts'),
    `/**
 * @summary X.
 * @fires x-go - Pressed.
 * @csspart base - The box.
 * @cssprop --cobrowse-x-color - Colour.
 * @slot - Content.
 */
export class XEl extends Base {
  @property({ type: Boolean, reflect: true, attribute: 'hide-when-idle' }) hideWhenIdle = false;
  @property() position = 'bottom-end';
  render() { return html\`<div part="base"><slot></slot></div>\`; }
}
declare global { interface HTMLElementTagNameMap { 'x-el': XEl } }`,
  );
  writeFileSync(join(dir, 'x/x.styles.ts'), 'export const s = css`:host { color: var(--cobrowse-x-color, red); }`;');
  writeFileSync(join(dir, 'events.ts'), `declare global { interface GlobalEventHandlersEventMap { 'x-go': Event } }`);
  const complete = () => ({
    schemaVersion: '1.0.0',
    modules: [
      {
        path: 'dist/x/x.component.js',
        declarations: [
          {
            kind: 'class',
            name: 'XEl',
            customElement: true,
            tagName: 'x-el',
            attributes: [{ name: 'theme' }, { name: 'hide-when-idle' }, { name: 'position' }],
            events: [{ name: 'x-go' }],
            cssParts: [{ name: 'base' }],
            cssProperties: [{ name: '--cobrowse-x-color' }],
            slots: [{ name: '' }],
          },
        ],
      },
    ],
  });
  const el = (m) => m.modules[0].declarations[0];

  test('a complete manifest passes', () => {
    assert.deepEqual(checkManifest(complete(), dir), { problems: [], undocumented: [] });
  });

  const cases = {
    tag: [(m) => delete el(m).tagName, /tag <x-el> is missing/],
    'inherited attribute': [(m) => el(m).attributes.shift(), /attribute "theme"/],
    'renamed attribute': [(m) => (el(m).attributes[1].name = 'hidewhenidle'), /attribute "hide-when-idle"/],
    event: [(m) => (el(m).events = []), /event "x-go" is missing/],
    part: [(m) => (el(m).cssParts = []), /part "base" is missing/],
    'custom property': [(m) => (el(m).cssProperties = []), /custom property "--cobrowse-x-color" is missing/],
    slot: [(m) => delete el(m).slots, /slot "" is missing/],
  };
  for (const [name, [mutate, message]] of Object.entries(cases)) {
    test(`fails when the manifest lacks a ${name}`, () => {
      const manifest = complete();
      mutate(manifest);
      const { problems } = checkManifest(manifest, dir);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0], message);
    });
  }

  test('reports code that uses an undocumented event or custom property', () => {
    writeFileSync(
      join(dir, 'events.ts'),
      `declare global { interface GlobalEventHandlersEventMap { 'x-go': Event; 'x-stop': Event } }`,
    );
    writeFileSync(
      join(dir, 'x/x.styles.ts'),
      'export const s = css`:host { color: var(--cobrowse-x-color); margin: var(--cobrowse-gap); }`;',
    );
    const { problems, undocumented } = checkManifest(complete(), dir);
    assert.deepEqual(problems, []);
    assert.equal(undocumented.length, 2);
    assert.match(undocumented.join('\n'), /x-stop[\s\S]*--cobrowse-gap/);
  });
});
