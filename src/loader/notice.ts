import type { Leg } from './sniff.js';

/**
 * The few strings the fallback notice says, in English; a locale registered on the page (`registerLocale`) wins,
 * key by key. The same keys and English words as the session UI's table (src/components/strings/strings.ts; a test
 * keeps them equal), so a translation serves both.
 */
export const NOTICE_STRINGS = {
  sessionActive: 'A session with an agent is active',
  reconnecting: 'Reconnecting…',
  end: 'Stop sharing',
};
export type NoticeStrings = typeof NOTICE_STRINGS;

export interface Notice {
  /** Shows the notice for the session's live leg, saying `text` (a key of the strings). */
  show(leg: Leg, text: keyof NoticeStrings): void;
  remove(): void;
}

// The top layer's own look (a popover: fixed, bordered, the system's Canvas colours, so dark mode and forced
// colours follow) placed in the end corner; a constructable stylesheet needs no `style-src` allowance.
const CSS =
  ':host { position: fixed; inset: auto 16px 16px auto; margin: 0; padding: 12px; font: 14px system-ui } button { margin: 0 12px }';

/**
 * The notice the core shows while a session is on and the session UI is not there to show it (it could not load,
 * or is on its way after a page load): a `role="status"` line and a Stop sharing button (`data-action="end"`).
 * Plain DOM in a shadow root, in the top layer. `onEnd` fires the `cobrowse-action` event and sends the action.
 */
export function createNotice(strings: () => NoticeStrings, onEnd: (leg: Leg, button: HTMLElement) => void): Notice {
  let host: HTMLElement | undefined;
  let status: HTMLElement;
  let button: HTMLButtonElement;
  let current: Leg;

  const build = () => {
    host = document.createElement('cobrowse-notice');
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    status = document.createElement('span');
    status.setAttribute('role', 'status');
    button = document.createElement('button');
    button.type = 'button';
    button.dataset.action = 'end';
    button.addEventListener('click', () => onEnd(current, button));
    root.append(status, button);
    // In the top layer where the browser has popovers (elsewhere `popover` is a plain property, and the notice is a
    // fixed box that a higher z-index could cover).
    host.popover = 'manual';
    document.documentElement.append(host);
    host.showPopover?.();
  };

  return {
    show(leg, text) {
      current = leg;
      if (!host) build();
      const t = strings();
      button.textContent = t.end;
      // Visible at once. A live region's first content is not reliably announced, so a moment later the text changes
      // in a way a screen reader hears and the eye does not (a trailing no-break space).
      status.textContent = t[text];
      setTimeout(() => (status.textContent = `${t[text]}\u00a0`), 50);
    },
    remove() {
      host?.remove();
      host = undefined;
    },
  };
}
