import { css } from 'lit';

// Above host content: in the top layer (a popover, see widget.component.ts), else fixed to the viewport at the
// largest z-index, important so page rules cannot move it. `position: fixed` also makes the host a block (the shared
// inline-block blockifies), so no `display` here. The UA's popover look (inset: 0, margin: auto, border, padding,
// background, overflow, colours) is undone by the shared `all: initial`, so the widget looks the same either way.
// Its `::backdrop` never draws: a page's `::backdrop { background: ... }` (meant for its dialogs) would dim the page.
// Hiding while idle (the default): `hide-when-idle` reflects as "" (true) or "false"; absent only before the first
// update, when nothing is rendered yet either.
// The base is also `.box` (shared.styles.ts); the bar, prompt buttons and peers are `.row`s.
export const widgetStyles = css`
  :host {
    --_offset: var(--cobrowse-offset, 16px);
    --_side: max(var(--_offset), env(safe-area-inset-left), env(safe-area-inset-right));
    position: fixed !important;
    z-index: var(--cobrowse-z-index, 2147483647) !important;
    inset-block-end: max(var(--_offset), env(safe-area-inset-bottom));
    inset-inline-end: var(--_side);
    max-inline-size: calc(100vw - 2 * var(--_offset));
  }
  :host::backdrop {
    display: none !important;
  }
  :host([position^='top']) {
    inset-block: max(var(--_offset), env(safe-area-inset-top)) auto;
  }
  :host([position$='start']) {
    inset-inline: var(--_side) auto;
  }
  :host([hide-when-idle]:not([hide-when-idle='false'])[connection='idle']) {
    display: none !important;
  }
  [part~='base'] {
    flex-direction: column;
    gap: 0.75em;
    inline-size: max-content;
    max-inline-size: 100%;
    margin-inline-start: auto;
    padding: 0.75em;
    border-radius: var(--_radius);
    box-shadow: var(--cobrowse-shadow, 0 4px 24px rgb(0 0 0 / 25%));
  }
  :host([position^='top']) [part~='base'] {
    flex-direction: column-reverse;
  }
  .actions {
    flex-wrap: wrap;
  }
  [part='badge'] {
    min-inline-size: 0;
  }
  .icon-button {
    padding: 0;
  }
  [aria-expanded='true'] .icon {
    transform: rotate(180deg);
  }
  [part='prompt'] {
    display: grid;
    gap: 0.5em;
    max-inline-size: 22em;
    border-radius: calc(var(--_radius) - 4px);
    outline-offset: 4px;
  }
  h2 {
    margin: 0;
    font-size: 1.15em;
  }
  p {
    margin: 0;
  }
  [part='panel'],
  ul {
    display: grid;
    gap: 0.75em;
  }
  ul {
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;
