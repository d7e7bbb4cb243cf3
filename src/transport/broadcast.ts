import type { Wire, WireHooks } from './wire.js';

/** Same-origin tabs and frames on one channel name (the browser never delivers a channel's own messages to it). */
export function broadcastWire(name: string, hooks: WireHooks): Wire {
  let channel: BroadcastChannel | undefined;
  return {
    start() {
      channel = new BroadcastChannel(name);
      channel.onmessage = (event) => hooks.receive(event.data);
      hooks.status('open');
    },
    send: (message) => !!channel && (channel.postMessage(message), true),
    close() {
      if (channel) channel.onmessage = null;
      channel?.close();
      channel = undefined;
    },
  };
}
