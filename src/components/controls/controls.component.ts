import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { ActionName, SessionStore, SessionView } from '../../store/index.js';
import { getDefaultStore } from '../default-store.js';
import { ACTION_EVENT } from '../events.js';
import { StoreController } from '../store-controller.js';
import { controlsStyles } from './controls.styles.js';

const LABELS: Partial<Record<ActionName, string>> = {
  accept: 'Accept',
  decline: 'Decline',
  end: 'Stop sharing',
  'revoke-control': 'Take back control',
  'request-control': 'Request control',
  dismiss: 'Dismiss',
};

function actionsFor(view: SessionView): ActionName[] {
  switch (view.connection) {
    case 'alerting':
      return ['accept', 'decline'];
    case 'connecting':
    case 'connected':
    case 'held':
      if (view.role === 'viewer') return ['request-control', 'end'];
      return view.control.controlledBy.length ? ['revoke-control', 'end'] : ['end'];
    case 'disconnected':
      return ['dismiss'];
    default:
      return [];
  }
}

/**
 * The buttons that fit the session's state and role.
 *
 * @summary Session controls.
 * @fires cobrowse-action - The user pressed a button; cancelable.
 * @csspart actions - The button row.
 */
export class CobrowseControls extends LitElement {
  static override styles = controlsStyles;

  /** The session store to read; defaults to the page's. */
  @property({ attribute: false }) store?: SessionStore;

  private readonly session = new StoreController(this, () => this.store ?? getDefaultStore());

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('store') && this.isConnected) this.session.attach();
    this.setAttribute('connection', this.session.view.connection);
  }

  private press(action: ActionName) {
    const view = this.session.view;
    const detail = {
      action,
      sessionId: view.sessionId ?? '',
      communicationId: view.communicationId ?? '',
      ...(view.participantId ? { participantId: view.participantId } : {}),
    };
    const event = new CustomEvent(ACTION_EVENT, { detail, bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(event)) this.session.store.act(detail);
  }

  override render() {
    return html`<div part="actions">
      ${actionsFor(this.session.view).map(
        (action) =>
          html`<button type="button" data-action=${action} @click=${() => this.press(action)}>
            ${LABELS[action] ?? action}
          </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cobrowse-controls': CobrowseControls;
  }
}
