import { getDefaultStore, registerLocale, setDefaultStore } from './components/index.js';
import { defineAll } from './define-all.js';
import type { SessionUi } from './loader/types.js';
import { createMounter } from './mount.js';
import { withContinuity } from './snapshot.js';
import type { SessionStore } from './store/index.js';
import { VERSION } from './version.js';

/** What the session UI hands the script-tag core: the page's store, the tags, and where the widget goes. */
export function sessionUi(): SessionUi {
  let mounter: ReturnType<typeof createMounter> | undefined;
  return {
    version: VERSION,
    start({ snapshotTtlMs }): SessionStore {
      const store = withContinuity(getDefaultStore(), snapshotTtlMs);
      setDefaultStore(store);
      mounter = createMounter(store);
      return store;
    },
    defineAll,
    registerLocale,
    mount: (element, options) => mounter!.mount(element, options),
    unmount: () => mounter!.unmount(),
  };
}
