import type { LinkStatus } from '../store/index.js';

/** What a transport gives `connect`. `start` runs once `connect` is ready to hear about it. */
export interface Wire {
  start(): void;
  send(message: object): boolean;
  close(): void;
}

export interface WireHooks {
  receive(data: unknown): void;
  status(status: LinkStatus): void;
}
