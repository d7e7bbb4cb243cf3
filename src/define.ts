import { CobrowseBadge } from './components/index.js';

const TAGS = {
  'cobrowse-badge': CobrowseBadge,
} as const;

/** Registers the tags once; a second copy of the library on the page finds them defined and leaves them. */
export function defineAll(): void {
  for (const [tag, ctor] of Object.entries(TAGS)) {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }
}

defineAll();

declare global {
  interface HTMLElementTagNameMap {
    'cobrowse-badge': CobrowseBadge;
  }
}
