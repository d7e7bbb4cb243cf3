import type { PendingAction } from '../store/index.js';
import type { ActionOptions, TransportStore } from './types.js';

/** `{ type: 'cobrowse.ack', actionId, ok, error? }`: the other side's answer to one action. */
export interface Ack {
  type: 'cobrowse.ack';
  actionId: string;
  ok?: unknown;
  error?: unknown;
}

export const isAck = (message: unknown): message is Ack =>
  (message as Ack | null)?.type === 'cobrowse.ack' && typeof (message as Ack).actionId === 'string';

/** How long an action waits for its ack, by default (`actionTimeoutMs`). */
export const ACTION_TIMEOUT_MS = 30_000;

export interface Outbox {
  /** Sends what waits, in order, while the wire takes it. */
  flush(): void;
  /** Settles the action an ack names; `true` when `message` was an ack (handled, not for the model). */
  ack(message: unknown): boolean;
  close(): void;
}

/**
 * Carries the store's actions to the wire: each id is handed to `send` at most once (never re-sent after a
 * reconnect, since the first copy may have arrived), waits in a bounded queue while the link is down, and
 * settles as failed when the queue is full, the ack does not come in time, or the connection closes.
 */
export function createOutbox(
  store: TransportStore,
  send: (message: object) => boolean,
  { maxQueue = 20, actionTimeoutMs = ACTION_TIMEOUT_MS }: ActionOptions,
): Outbox {
  let queue: PendingAction[] = [];
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const settle = (id: string, ok: boolean, error?: string) => {
    clearTimeout(timers.get(id));
    // Only an action still open: each settles once.
    if (!timers.delete(id)) return;
    queue = queue.filter((action) => action.id !== id);
    store.settle(id, ok, error);
  };

  const flush = () => {
    while (queue[0] && send({ ...queue[0], type: 'cobrowse.action' })) queue.shift();
  };

  // The store emits each action once, under an id of its own (session-store.ts `act`): no id comes twice.
  const off = store.on('action', (action) => {
    timers.set(
      action.id,
      setTimeout(() => settle(action.id, false, 'timed out'), actionTimeoutMs),
    );
    queue.push(action);
    flush();
    if (queue.length > maxQueue) settle(action.id, false, 'queue full');
  });

  return {
    flush,
    ack(message) {
      if (!isAck(message)) return false;
      // The store ignores `error` when `ok`.
      settle(message.actionId, message.ok === true, typeof message.error === 'string' ? message.error : 'refused');
      return true;
    },
    close() {
      off();
      for (const id of [...timers.keys()]) settle(id, false, 'connection closed');
    },
  };
}
