import { css } from 'lit';

export const badgeStyles = css`
  :host {
    all: initial;
    display: inline-block;
    font-family: var(--cobrowse-font-family, system-ui, sans-serif);
    font-size: var(--cobrowse-font-size, 14px);
    line-height: 1.4;
    color: var(--cobrowse-badge-color, #1b1b1f);
  }
  :host([hidden]) {
    display: none;
  }
  [part='badge'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    padding-block: 0.25em;
    padding-inline: 0.75em;
    border-radius: 999px;
    border: 1px solid currentColor;
    background: var(--cobrowse-badge-background, #f4f4f6);
  }
`;
