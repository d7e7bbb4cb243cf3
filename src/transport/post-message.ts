import type { PostMessageOptions } from './types.js';
import type { Wire, WireHooks } from './wire.js';

/** True for a serialised origin such as `https://agent.example` (no path, no `*`, no opaque `null`). */
const isOrigin = (origin: string) => {
  try {
    return new URL(origin).origin === origin && origin !== 'null';
  } catch {
    return false;
  }
};

/**
 * Messages from another window (an agent frame, an opener), accepted only from the exact origins listed and,
 * when given, only from the expected window. Actions go back to that window, addressed to that exact origin.
 */
export function postMessageWire(options: PostMessageOptions, hooks: WireHooks): Wire {
  const { origins, source } = options;
  if (!origins?.length || !origins.every(isOrigin)) {
    throw new TypeError('[cobrowse-widget] postMessage needs exact origins, e.g. ["https://agent.example"]');
  }
  let target = options.target ?? source;
  let targetOrigin = origins.length === 1 ? origins[0] : undefined;

  const onMessage = (event: MessageEvent) => {
    if (!origins.includes(event.origin) || (source && event.source !== source)) return;
    target = options.target ?? (event.source as Window | null) ?? target;
    targetOrigin = event.origin;
    if (target) hooks.status('open');
    hooks.receive(event.data);
  };

  return {
    start() {
      addEventListener('message', onMessage);
      if (target && targetOrigin) hooks.status('open');
    },
    send(message) {
      if (!target || !targetOrigin) return false;
      target.postMessage(message, targetOrigin);
      return true;
    },
    close: () => removeEventListener('message', onMessage),
  };
}
