import { CobrowseBadge, CobrowseControls, CobrowseWidget } from './components/index.js';

const TAGS = {
  'cobrowse-badge': CobrowseBadge,
  'cobrowse-controls': CobrowseControls,
  'cobrowse-widget': CobrowseWidget,
} as const;

/**
 * Registers the tags, each only if no other copy of the library (another version, a script tag beside an npm
 * bundle) registered it first. Side-effect free itself: `define.ts` and `global.ts` call it.
 */
export function defineAll(): void {
  for (const [tag, ctor] of Object.entries(TAGS)) {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }
}
