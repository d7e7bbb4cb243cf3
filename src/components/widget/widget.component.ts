import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { SessionStore } from '../../store/index.js';
import { getDefaultStore } from '../default-store.js';
import { StoreController } from '../store-controller.js';
import { widgetStyles } from './widget.styles.js';
// The children's class modules (no side effects): their types for the template and the analyzer.
import '../badge/badge.component.js';
import '../controls/controls.component.js';

/**
 * The floating composite a script tag mounts: the badge and the controls.
 *
 * @summary Floating co-browse widget.
 * @csspart panel - The floating panel.
 */
export class CobrowseWidget extends LitElement {
  static override styles = widgetStyles;

  /** The session store to read; defaults to the page's. Children without a store of their own use this one. */
  @property({ attribute: false }) store?: SessionStore;

  private readonly session = new StoreController(this, () => this.store ?? getDefaultStore());

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('store') && this.isConnected) this.session.attach();
    this.setAttribute('connection', this.session.view.connection);
  }

  override render() {
    const store = this.session.store;
    return html`<div part="panel">
      <cobrowse-badge .store=${store}></cobrowse-badge>
      <cobrowse-controls .store=${store}></cobrowse-controls>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cobrowse-widget': CobrowseWidget;
  }
}
