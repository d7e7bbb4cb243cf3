import { css } from 'lit';

/**
 * What every component shares: theme tokens, the host reset that keeps the page's CSS out, the base box,
 * icons, rows, secondary text, visually hidden text. (Comments live here, not in the CSS, which ships verbatim.)
 *
 * - `:host`: the page cannot reach into the shadow root, but inherited properties flow in: `all: initial` resets
 *   them. The host's own box draws nothing (the base part does), `!important` so that a page's
 *   `* { border: ... !important }` cannot add one either.
 * - Each colour is a `light-dark(light, dark)` pair: the `theme` attribute only picks the `color-scheme`.
 * - A page rule such as `* { ... }` beats `:host`, so the `base` part resets again: inside it, nothing leaks.
 * - `.row`: the one flex row (badge pill, button rows, the widget's bar and peers); `.muted`: secondary text and
 *   numbers that tick (tabular, so they do not jiggle). `.sr`: read by screen readers, not shown; the compact
 *   badge's label uses it too.
 * - Boxes (`.box`: the badge's pill, the widget's card, buttons) draw a real border, so they stay visible in
 *   forced colors, where backgrounds are dropped (the browser forces that border to CanvasText by itself, so boxes
 *   need no forced-colors rule; buttons get ButtonText).
 * - Pending buttons: a dashed border, a progress cursor and "Working…" for screen readers. No spinner: its
 *   pseudo-element and keyframes cost ~60 B gzip for a look the border already gives.
 */
export const sharedStyles = css`
  :host {
    all: initial;
    padding: 0 !important;
    border: none !important;
    background: none !important;
    --_bg: var(--cobrowse-background, light-dark(#fff, #1f1f24));
    --_fg: var(--cobrowse-color, light-dark(#1b1b1f, #f2f2f5));
    --_accent: var(--cobrowse-accent, light-dark(#0b57d0, #a8c7fa));
    --_alert: var(--cobrowse-alert-color, light-dark(#b3261e, #ffb4ab));
    --_border: var(--cobrowse-border-color, light-dark(#74747e, #8e8e99));
    --_radius: var(--cobrowse-radius, 12px);
    color-scheme: light;
    display: inline-block;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  [part~='base'] {
    all: initial;
    box-sizing: border-box;
    display: flex;
    color-scheme: inherit;
    font-family: var(--cobrowse-font-family, system-ui, sans-serif);
    font-size: var(--cobrowse-font-size, 14px);
    line-height: 1.4;
    color: var(--_fg);
  }
  * {
    box-sizing: border-box;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .box {
    border: 1px solid var(--_border);
    background: var(--_bg);
  }
  .muted {
    color: var(--cobrowse-muted-color, light-dark(#4a4a52, #c4c4cc));
    font-variant-numeric: tabular-nums;
  }
  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
    }
  }
  .sr,
  :host([compact]) [part='label'] {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * Buttons in controls and prompts: >= 44 x 44 CSS px, a visible focus ring, a pending and a failed look.
 * `all: unset`: no UA button look, and colour, font and colour scheme inherit from the (already reset) base.
 * The focus ring defaults to the accent (the same colours it always had), so a custom accent brings its ring.
 */
export const buttonStyles = css`
  button {
    all: unset;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-inline: 1em;
    border-radius: calc(var(--_radius) - 4px);
    font-weight: 600;
    cursor: pointer;
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--cobrowse-on-accent, light-dark(#fff, #062e6f));
  }
  button:hover {
    filter: brightness(0.95);
  }
  :focus-visible {
    outline: 3px solid var(--cobrowse-focus-ring, var(--_accent));
    outline-offset: 2px;
  }
  [aria-busy='true'] {
    cursor: progress;
    border-style: dashed;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
