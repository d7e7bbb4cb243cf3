import { createContext } from '@lit/context';
import type { SessionStore } from '../store/index.js';

/** The store a `<cobrowse-widget>` hands to every component inside it, across shadow roots. */
export const storeContext = createContext<SessionStore | undefined>(Symbol.for('cobrowse-widget.store'));
