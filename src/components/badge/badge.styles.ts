import { css } from 'lit';

export const badgeStyles = css`
  [part~='base'] {
    align-items: center;
    gap: 0.5em;
    padding-block: 0.3em;
    padding-inline: 0.6em 0.8em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    max-inline-size: 100%;
  }
  [part='label'] {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5em;
    min-inline-size: 0;
  }
  .note {
    color: var(--_muted);
  }
  .note::before {
    content: '· ';
  }
  [part='timer'] {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .rec {
    display: contents;
    color: var(--_alert);
    fill: currentColor;
  }
  .trouble > .icon:first-child {
    color: var(--_alert);
  }
  :host([connection='alerting']) .icon:first-child {
    color: var(--_accent);
    animation: cobrowse-pulse 1.6s ease-in-out infinite;
  }
  @keyframes cobrowse-pulse {
    50% {
      opacity: 0.35;
      transform: scale(0.85);
    }
  }
  :host([compact]) [part='label'] {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
