import { css } from 'lit';

export const controlsStyles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  [part='countdown'] {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  [part='error'] {
    flex-basis: 100%;
    color: var(--_alert);
  }
`;
