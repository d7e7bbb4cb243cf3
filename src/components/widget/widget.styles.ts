import { css } from 'lit';

export const widgetStyles = css`
  :host {
    all: initial;
    position: fixed;
    inset-block-end: max(16px, env(safe-area-inset-bottom));
    inset-inline-end: max(16px, env(safe-area-inset-right));
    z-index: 2147483000;
    display: block;
    font-family: var(--cobrowse-font-family, system-ui, sans-serif);
  }
  :host([hidden]) {
    display: none;
  }
  [part='panel'] {
    display: grid;
    gap: 0.5em;
    padding: 0.75em;
    border-radius: 12px;
    background: var(--cobrowse-panel-background, #fff);
    box-shadow: 0 4px 16px rgb(0 0 0 / 20%);
  }
`;
