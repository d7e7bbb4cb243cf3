import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { ActionName, SessionStore, SessionView } from '../store/index.js';
import { ACTION_EVENT } from './events.js';
import { StoreController } from './store-controller.js';
import { stringsFor } from './strings/strings.js';
import type { LocaleTable, Strings } from './strings/strings.js';

/** Who a given action concerns: the requesting peer for control and navigation answers, else me. */
function participantFor(view: SessionView, action: ActionName): string | undefined {
  if (action === 'accept-control' || action === 'decline-control') return view.control.request?.participantId;
  if (action === 'accept-navigation' || action === 'decline-navigation') return view.navigationRequest?.participantId;
  if (action === 'revoke-control') return view.control.controlledBy[0]?.id;
  return view.participantId;
}

/** The attributes every component reflects for CSS and tests (DESIGN.md), and their values (unset: absent). */
const REFLECTED: [string, (view: SessionView) => string | undefined][] = [
  ['connection', (view) => view.connection],
  ['kind', (view) => view.kind],
  ['session-role', (view) => view.role],
  ['peer-count', (view) => String(view.peerCount)],
  ['controlled', (view) => (view.control.controlledBy.length ? '' : undefined)],
];

/**
 * What the three components share: finding a store, reflecting the session for CSS, strings, and firing actions.
 */
export abstract class CobrowseElement extends LitElement {
  // `static properties`, not decorators: each module's decorator helper would ship again in the script-tag file.
  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    strings: { attribute: false },
    theme: { reflect: true },
    lang: { reflect: true },
  };
  // Create the property accessors now, as decorators would: `@lit/react` wrappers look for them on the prototype,
  // and a class that another copy's tag registration left undefined is otherwise never finalized.
  static {
    this.finalize();
  }

  /** The session store to read. Unset: the nearest `<cobrowse-widget>`'s, else the page's default store. */
  store?: SessionStore;

  /** Overrides any string of the active locale (see `Strings`). */
  strings?: LocaleTable;

  /** `light` (default), `dark`, or `auto` (follows the system's preference). */
  theme?: 'light' | 'dark' | 'auto';

  /** The locale; unset, the document's `lang` (then English). */
  override lang!: string;

  protected readonly session = new StoreController(this);
  /**
   * The values `willUpdate` last gave the REFLECTED attributes, in its order (undefined: absent); null before the
   * first update, so that it sets or removes each one whatever the markup said.
   */
  private readonly reflected: (string | undefined | null)[] = REFLECTED.map(() => null);
  /** The strings of the active locale, fixed for one render: set by `willUpdate`, which Lit runs before `render`. */
  declare protected t: Strings;

  protected get locale(): string {
    return this.lang || document.documentElement.lang || 'en';
  }

  protected override willUpdate(): void {
    const view = this.session.view;
    this.t = stringsFor(this.locale, this.strings);
    for (let i = 0; i < REFLECTED.length; i++) {
      const [name, valueOf] = REFLECTED[i];
      const value = valueOf(view);
      // Only what changed since the last update: setting an attribute to its own value still queues mutation
      // records for observers, and even reading it back is a call into the DOM, for every reflected attribute, on
      // every update.
      if (value === this.reflected[i]) continue;
      this.reflected[i] = value;
      if (value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, value);
    }
  }

  /**
   * A user pressed `action`: fires `cobrowse-action`; unless a listener cancels it, opens the viewer
   * (`open-viewer`, a page-side action) or hands the action to the store, which marks it pending.
   */
  protected act(action: ActionName): void {
    const view = this.session.view;
    if (view.pending?.action === action) return;
    const participantId = participantFor(view, action);
    const detail = {
      action,
      sessionId: view.sessionId ?? '',
      communicationId: view.communicationId ?? '',
      ...(participantId && { participantId }),
    };
    const event = new CustomEvent(ACTION_EVENT, { detail, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return;
    if (action !== 'open-viewer') this.session.store.act(detail);
    else if (view.viewerUrl) window.open(view.viewerUrl, '_blank', 'noopener');
  }
}
