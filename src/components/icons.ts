import { html } from 'lit';

// One small stroke icon set (24 x 24, currentColor): an icon always sits beside text, never replaces it.
const PATHS = {
  eye: 'M2 12q10-14 20 0-10 14-20 0zm7 0a3 3 0 0 0 6 0 3 3 0 0 0-6 0',
  screen: 'M3 4h18v12H3zM8 20h8M12 16v4',
  hand: 'M8 13V5a2 2 0 0 1 4 0v6V4a2 2 0 0 1 4 0v7V8a2 2 0 0 1 4 0v6a7 7 0 0 1-14 0l-2-4a2 2 0 0 1 4-2l2 3',
  pause: 'M9 5v14M15 5v14',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 21h4',
  stop: 'M5 5l14 14M19 5 5 19',
  sync: 'M20 12a8 8 0 0 1-14 5M4 12a8 8 0 0 1 14-5M18 3v4h-4M6 21v-4h4',
  recording: 'M8 12a4 4 0 0 0 8 0 4 4 0 0 0-8 0',
  more: 'M6 9l6 6 6-6',
  minimize: 'M5 19h14',
};
export type IconName = keyof typeof PATHS;

/** The icon `name`; `hidden`, it stays in place, not shown (for one that comes and goes often). */
export const icon = (name: IconName, hidden = false) =>
  html`<svg part="icon" class="icon" viewBox="0 0 24 24" aria-hidden="true" ?hidden=${hidden}>
    <path d=${PATHS[name]} />
  </svg>`;
