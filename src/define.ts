import { CobrowseBadge, CobrowseControls, CobrowseWidget } from './components/index.js';

const TAGS = {
  'cobrowse-badge': CobrowseBadge,
  'cobrowse-controls': CobrowseControls,
  'cobrowse-widget': CobrowseWidget,
} as const;

/** Registers the tags once; a second copy of the library on the page finds them defined and leaves them. */
export function defineAll(): void {
  for (const [tag, ctor] of Object.entries(TAGS)) {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }
}

defineAll();
