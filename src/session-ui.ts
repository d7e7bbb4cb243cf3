import { getDefaultStore, registerLocale, setDefaultStore } from './components/index.js';
import { defineAll } from './define-all.js';
import type { SessionUi } from './loader/types.js';
import { createMounter } from './mount.js';
import { withContinuity } from './snapshot.js';
import type { SessionStore } from './store/index.js';
import { createOutbox } from './transport/outbox.js';
import { VERSION } from './version.js';

/** A snapshot of the session outlives its page by this long, by default (README "Page loads"). */
export const DEFAULT_SNAPSHOT_TTL_MS = 30_000;

/** What the session UI hands the script-tag core: the page's store, the tags, and where the widget goes. */
export function sessionUi(): SessionUi {
  let mounter: ReturnType<typeof createMounter> | undefined;
  return {
    version: VERSION,
    start({ snapshotTtl }): SessionStore {
      const ttlMs = snapshotTtl ? Number(snapshotTtl) * 1000 : DEFAULT_SNAPSHOT_TTL_MS;
      const store = withContinuity(getDefaultStore(), ttlMs);
      setDefaultStore(store);
      mounter = createMounter(store);
      return store;
    },
    defineAll,
    registerLocale,
    mount: (element, options) => mounter!.mount(element, options),
    unmount: () => mounter!.unmount(),
    createOutbox,
  };
}
