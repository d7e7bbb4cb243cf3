import type { Wire, WireHooks } from './wire.js';

/** Same-origin tabs and frames on one channel name (the browser never delivers a channel's own messages to it). */
export function broadcastWire(name: string, hooks: WireHooks): Wire {
  let channel: BroadcastChannel | undefined;
  return {
    start() {
      channel = new BroadcastChannel(name);
      channel.onmessage = ({ data }) => {
        // Another widget tab on the same name asks what we ask: requests for the other side, never state.
        if (!/^cobrowse\.(resync|action)$/.test((data as { type?: string } | null)?.type ?? '')) hooks.receive(data);
      };
      hooks.status('open');
    },
    send: (message) => !!channel && (channel.postMessage(message), true),
    close() {
      if (channel) {
        channel.onmessage = null;
        channel.close();
      }
      channel = undefined;
    },
  };
}
