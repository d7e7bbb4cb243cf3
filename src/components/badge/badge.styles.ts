import { css } from 'lit';

// The base is also `.row.box` (shared.styles.ts); the compact label is hidden there with `.sr`. The `·` before a
// note is decoration: its alternative text is empty, so it is not spoken (a browser without the `/ ''` syntax
// keeps the first declaration, and the badge's hidden full stops still make the pause).
export const badgeStyles = css`
  [part~='base'] {
    padding-block: 0.3em;
    padding-inline: 0.6em 0.8em;
    border-radius: 999px;
    max-inline-size: 100%;
  }
  [part='label'] {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5em;
    min-inline-size: 0;
  }
  .note::before {
    content: '· ';
    content: '· ' / '';
  }
  .recording {
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
    }
  }
`;
