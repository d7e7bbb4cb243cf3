import { css } from 'lit';

// The base is also `.row` (shared.styles.ts); the countdown `.muted`.
export const controlsStyles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    flex-wrap: wrap;
  }
  [part='error'] {
    flex-basis: 100%;
    color: var(--_alert);
  }
`;
