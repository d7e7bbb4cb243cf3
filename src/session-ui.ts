import { getDefaultStore, registerLocale } from './components/index.js';
import { defineAll } from './define-all.js';
import type { SessionUi } from './loader/types.js';
import { createMounter } from './mount.js';
import { VERSION } from './version.js';

/** What the session UI hands the script-tag core: the page's store, the tags, and where the widget goes. */
export function sessionUi(): SessionUi {
  const store = getDefaultStore();
  const { mount, unmount } = createMounter(store);
  return { version: VERSION, store, defineAll, registerLocale, mount, unmount };
}
