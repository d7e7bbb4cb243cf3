import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionStore, SessionView } from '../store/index.js';

/**
 * Subscribes its host to a session store while the host is connected, and re-renders it on change.
 */
export class StoreController implements ReactiveController {
  private unsubscribe?: () => void;
  private current?: SessionStore;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly resolve: () => SessionStore,
  ) {
    host.addController(this);
  }

  get view(): SessionView {
    return this.store.getState();
  }

  get store(): SessionStore {
    return this.current ?? this.resolve();
  }

  hostConnected(): void {
    this.attach();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = undefined;
  }

  /** Re-resolves the store (call when the host's `store` property changes). */
  attach(): void {
    const store = this.resolve();
    if (store === this.current && this.unsubscribe) return;
    this.unsubscribe?.();
    this.current = store;
    this.unsubscribe = store.subscribe(() => this.host.requestUpdate());
    this.host.requestUpdate();
  }
}
