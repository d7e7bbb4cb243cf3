import { html } from 'lit';
import { cache } from 'lit/directives/cache.js';
import type { ActionName, SessionView } from '../../store/index.js';
import { CobrowseElement } from '../cobrowse-element.js';
import { buttonStyles, sharedStyles } from '../shared.styles.js';
import { format, localDigits } from '../strings/strings.js';
import type { Strings } from '../strings/strings.js';
import { controlsStyles } from './controls.styles.js';

/** The primary buttons: every accept, and taking back control. */
const PRIMARY = new Set<ActionName>(['accept', 'accept-control', 'accept-navigation', 'revoke-control']);

/**
 * Every action, in the order `actionsFor` and the prompts offer them (each list is a subsequence of this one).
 * Each action has its own fixed slot in the rendered array, so Lit only ever reuses a button for the same
 * action: focus never lands on a button that changed meaning. (The `keyed` directive did the same, with ~400
 * bytes of Lit's directive runtime in the script-tag file.)
 */
const SLOTS: ActionName[] = [
  'accept',
  'decline',
  'accept-control',
  'decline-control',
  'accept-navigation',
  'decline-navigation',
  'revoke-control',
  'request-control',
  'open-viewer',
  'end',
  'dismiss',
];

/** The actions that fit the view, in the order they are offered. */
export function actionsFor(view: SessionView): ActionName[] {
  switch (view.connection) {
    case 'alerting':
      return ['accept', 'decline'];
    case 'connecting':
    case 'connected':
    case 'held': {
      const actions: ActionName[] = [];
      if (view.role === 'viewer') {
        if (!view.control.controlling.length) actions.push('request-control');
        if (view.viewerUrl) actions.push('open-viewer');
      } else {
        if (view.control.request) actions.push('accept-control', 'decline-control');
        if (view.navigationRequest) actions.push('accept-navigation', 'decline-navigation');
        if (view.control.controlledBy.length) actions.push('revoke-control');
      }
      return [...actions, 'end'];
    }
    case 'disconnected':
      return ['dismiss'];
    default:
      return [];
  }
}

/** Whole seconds left to answer the offer (never negative); 0 when there is no offer or no known expiry. */
export const offerCountdown = (view: SessionView) =>
  view.connection === 'alerting' && view.offerExpiresAt
    ? Math.max(0, Math.ceil((Date.parse(view.offerExpiresAt) - Date.now()) / 1000))
    : 0;

/**
 * Renders `actions` as buttons with `data-action`, a pending look (aria-busy, still focusable and announced) for
 * the action awaiting confirmation, and the failure note tied to the button that failed. Each slot's button is
 * kept by `cache` while its action is not offered: buttons that come and go with the state (take back control as
 * control changes hands, accept and decline with each offer) are moved out of the page and back, not made again.
 */
export function actionButtons(
  view: SessionView,
  t: Strings,
  actions: ActionName[],
  press: (action: ActionName) => void,
) {
  return SLOTS.map((action) => {
    if (!actions.includes(action)) return cache('');
    // (A failed action is the view's `failed`: the store sets an error only as it moves an action there, settle.)
    const busy = view.pending?.action === action;
    const failed = view.failed?.action === action;
    return cache(
      html`<button
        type="button"
        part="button"
        class=${PRIMARY.has(action) ? 'box primary' : 'box'}
        data-action=${action}
        aria-busy=${busy}
        aria-describedby=${failed ? 'failed' : ''}
        @click=${() => press(action)}
      >
        ${action === 'end' && view.role === 'viewer' ? t.leave : t[action]}
        ${busy ? html`<span class="sr">${t.working}</span>` : ''}
      </button>`,
    );
  });
}

/**
 * The buttons that fit the session's state and role. Every press fires `cobrowse-action`; nothing fires when the
 * state changes on its own.
 *
 * @summary Session controls: accept, decline, stop sharing, allow or take back control, dismiss.
 *
 * @fires cobrowse-action - A button was pressed (bubbles, composed, cancelable). Unless cancelled, the action is
 * handed to the store (`open-viewer`: the viewer opens in a new tab, `noopener`).
 *
 * @csspart base - The button row.
 * @csspart button - Each button (also has `data-action`).
 * @csspart countdown - The offer countdown.
 * @csspart error - The note shown when an action failed.
 *
 * @cssprop --cobrowse-accent - Primary button colour.
 * @cssprop --cobrowse-on-accent - Primary button text.
 * @cssprop --cobrowse-focus-ring - Focus ring colour.
 */
export class CobrowseControls extends CobrowseElement {
  static override styles = [sharedStyles, buttonStyles, controlsStyles];

  constructor() {
    super();
    this.session.ticking = () => offerCountdown(this.session.view) > 0;
  }

  private hadFocus = false;

  protected override willUpdate(): void {
    super.willUpdate();
    this.hadFocus = !!this.shadowRoot?.activeElement;
  }

  /** The pressed button left (its action is done): keep the keyboard user here, on the first remaining one. */
  protected override updated(): void {
    if (this.hadFocus && !this.shadowRoot!.activeElement) this.renderRoot.querySelector('button')?.focus();
  }

  override render() {
    const view = this.session.view;
    const t = this.t;
    const countdown = offerCountdown(view);
    return html`<div part="base" class="row">
      ${actionButtons(view, t, actionsFor(view), (action) => this.act(action))}
      ${countdown ? html`<span part="countdown" class="muted">${format(t.expiresIn, { s: localDigits(countdown, t) })}</span>` : ''}
      ${view.failed ? html`<span part="error" id="failed">${t.failed}</span>` : ''}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cobrowse-controls': CobrowseControls;
  }
}
