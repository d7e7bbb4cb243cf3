import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host once a second while `active()` says so and the page is visible; otherwise no timer runs
 * at all. Checked after every render, so it starts and stops with the state that needs it.
 */
export class Ticker implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;
  private readonly onVisibility = () => {
    this.host.requestUpdate();
    this.hostUpdated();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly active: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stop();
  }

  hostUpdated(): void {
    if (!this.active() || document.visibilityState === 'hidden') this.stop();
    else this.timer ??= setInterval(() => this.host.requestUpdate(), 1000);
  }

  private stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
