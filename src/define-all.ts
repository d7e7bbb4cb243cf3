import { CobrowseBadge, CobrowseControls, CobrowseWidget } from './components/index.js';

/**
 * Registers the tags, each only if no other copy of the library (another version, a script tag beside an npm
 * bundle) registered it first. Side-effect free itself: `define.ts`, `react.ts` and `global.ts` call it.
 * One literal `customElements.define` per tag, so the Custom Elements Manifest analyzer can read the tag names.
 */
export function defineAll(): void {
  if (!customElements.get('cobrowse-badge')) customElements.define('cobrowse-badge', CobrowseBadge);
  if (!customElements.get('cobrowse-controls')) customElements.define('cobrowse-controls', CobrowseControls);
  if (!customElements.get('cobrowse-widget')) customElements.define('cobrowse-widget', CobrowseWidget);
}
