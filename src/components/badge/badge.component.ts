import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { SessionStore, SessionView } from '../../store/index.js';
import { getDefaultStore } from '../default-store.js';
import { StoreController } from '../store-controller.js';
import { badgeStyles } from './badge.styles.js';

function describe(view: SessionView): string {
  switch (view.connection) {
    case 'idle':
      return 'No session';
    case 'alerting':
      return 'An agent asks to see this page';
    case 'connecting':
      return 'Connecting';
    case 'connected':
      return view.role === 'viewer' ? 'You are viewing' : 'Agent is viewing';
    case 'held':
      return 'Session on hold';
    case 'disconnected':
      return 'Session ended';
  }
}

/**
 * A compact status pill that says what the session is doing.
 *
 * @summary Co-browse session status.
 * @csspart badge - The pill.
 * @cssprop --cobrowse-badge-background - Pill background.
 * @cssprop --cobrowse-badge-color - Pill text colour.
 */
export class CobrowseBadge extends LitElement {
  static override styles = badgeStyles;

  /** The session store to read; defaults to the page's. */
  @property({ attribute: false }) store?: SessionStore;

  private readonly session = new StoreController(this, () => this.store ?? getDefaultStore());

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('store') && this.isConnected) this.session.attach();
    const view = this.session.view;
    this.setAttribute('connection', view.connection);
    this.toggleAttribute('controlled', view.control.controlledBy.length > 0);
    this.setAttribute('peer-count', String(view.peerCount));
    if (view.kind) this.setAttribute('kind', view.kind);
    else this.removeAttribute('kind');
    if (view.role) this.setAttribute('session-role', view.role);
    else this.removeAttribute('session-role');
  }

  override render() {
    return html`<span part="badge" role="status">${describe(this.session.view)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cobrowse-badge': CobrowseBadge;
  }
}
