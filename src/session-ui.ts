import { getDefaultStore, registerLocale } from './components/index.js';
import { defineAll } from './define-all.js';
import type { SessionUi } from './loader/types.js';
import { VERSION } from './version.js';

/**
 * While a session is shown, watches the document so the mounted widget comes back the moment the host removes it
 * (a router replacing `<body>`, a container cleared): a MutationObserver callback runs at the end of the task that
 * removed it, before the next frame is painted. No observer while idle, so an idle page pays nothing.
 */
function keepMounted(restore: () => void): void {
  const store = getDefaultStore();
  let observer: MutationObserver | undefined;
  const update = () => {
    const active = store.getState().connection !== 'idle';
    if (active && !observer) {
      observer = new MutationObserver(restore);
      observer.observe(document, { childList: true, subtree: true });
      restore();
    } else if (!active && observer) {
      observer.disconnect();
      observer = undefined;
    }
  };
  store.subscribe(update);
  update();
}

/** What the session UI hands the script-tag core: the page's store and the way to define the tags. */
export function sessionUi(): SessionUi {
  return { version: VERSION, store: getDefaultStore(), defineAll, registerLocale, keepMounted };
}
