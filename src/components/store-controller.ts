import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParseError } from '../model/index.js';
import type { SessionStore, SessionView, StateListener } from '../store/index.js';
import { getDefaultStore } from './default-store.js';
import { requestStore } from './store-context.js';
import { localized } from './strings/strings.js';

export interface StoreHost extends ReactiveControllerHost, HTMLElement {
  store?: SessionStore;
}

/**
 * Keeps its host subscribed to the right session store while the host is connected, and re-renders it on change.
 * The store is the host's `store` property, else the nearest `<cobrowse-widget>`'s (through the Context
 * Protocol, so it works across shadow roots), else the page's default store.
 *
 * It also re-renders the host when a locale is registered, and runs its clock (`ticking`): one controller per host
 * for everything that re-renders it.
 */
export class StoreController implements ReactiveController {
  private unsubscribe?: () => void;
  private current?: SessionStore;
  /** The nearest `<cobrowse-widget>`'s store, and how to stop hearing about it. */
  private provided?: SessionStore;
  private leaveProvider?: () => void;
  private interval?: ReturnType<typeof setInterval>;
  /** Shown or hidden: re-render, and the update after it (`hostUpdated`) starts or stops the clock. */
  private readonly onVisibility = () => this.host.requestUpdate();

  /** Runs once per view change of the store in use (set before the host connects). */
  onChange?: StateListener;
  /** Runs when the store in use rejects input. */
  onError?: (error: ParseError) => void;
  /**
   * While this says so and the page is visible, the host re-renders once a second; otherwise no timer runs at
   * all. Checked after every render, so the timer starts and stops with the state that needs it.
   */
  ticking?: () => boolean;

  constructor(private readonly host: StoreHost) {
    host.addController(this);
  }

  /** The store in use now. */
  get store(): SessionStore {
    return this.host.store ?? this.provided ?? getDefaultStore();
  }

  get view(): SessionView {
    this.sync();
    return this.store.getState();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    localized.add(this.host);
    requestStore(this.host, (store, unsubscribe) => {
      // Another provider answered (the host moved): stop hearing from the previous one.
      if (unsubscribe !== this.leaveProvider) this.leaveProvider?.();
      this.leaveProvider = unsubscribe;
      this.provided = store;
      this.sync();
    });
    this.sync();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    localized.delete(this.host);
    clearInterval(this.interval);
    this.interval = undefined;
    this.leaveProvider?.();
    this.leaveProvider = this.provided = undefined;
    this.unsubscribe?.();
    this.unsubscribe = this.current = undefined;
  }

  hostUpdated(): void {
    if (this.ticking?.() && document.visibilityState !== 'hidden')
      this.interval ??= setInterval(() => this.host.requestUpdate(), 1000);
    else {
      clearInterval(this.interval);
      this.interval = undefined;
    }
  }

  /** Subscribes to the store in use, once; called whenever the store could have changed. */
  sync(): void {
    const store = this.store;
    if (store === this.current || !this.host.isConnected) return;
    this.unsubscribe?.();
    this.current = store;
    const offChange = store.subscribe((view, previous) => {
      this.host.requestUpdate();
      this.onChange?.(view, previous);
    });
    const offError = store.on('error', (error) => this.onError?.(error));
    this.unsubscribe = () => {
      offChange();
      offError();
    };
    this.host.requestUpdate();
  }
}
