import { css } from 'lit';

export const controlsStyles = css`
  :host {
    all: initial;
    display: block;
    font-family: var(--cobrowse-font-family, system-ui, sans-serif);
    font-size: var(--cobrowse-font-size, 14px);
  }
  :host([hidden]) {
    display: none;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-inline: 1em;
    font: inherit;
    border-radius: 8px;
    border: 1px solid currentColor;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--cobrowse-focus-ring, #1a5fd6);
    outline-offset: 2px;
  }
`;
