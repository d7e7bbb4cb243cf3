import type { LinkStatus, SessionStore } from '../store/index.js';

/**
 * What a transport needs of a store: `ingest` what arrives, mirror the link status, hear the actions to send and
 * settle them. A `SessionStore` is one; the script-tag core hands the transports a stand-in of its own that keeps
 * what arrives until the session UI (and its store) is there.
 */
export type TransportStore = Pick<SessionStore, 'ingest' | 'setLink' | 'settle' | 'on'>;

/** How actions leave, shared by every transport. */
export interface ActionOptions {
  /**
   * Sent on every (re)open so the other side can answer with a snapshot; `false` sends nothing.
   * Default `{ type: 'cobrowse.resync' }`.
   */
  resync?: object | false;
  /** Actions that may wait for the link to open; one more fails with `queue full`. Default 20. */
  maxQueue?: number;
  /** An action not acknowledged within this many ms fails with `timed out`. Default 30,000. */
  actionTimeoutMs?: number;
}

export interface WebSocketOptions extends ActionOptions {
  /** `wss:` anywhere; `ws:` only on localhost, 127.0.0.1 or [::1]. */
  url: string;
  protocols?: string | string[];
  /** Reconnect delays grow from `minDelayMs` by `factor` per failed attempt up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** A socket not open within this many ms is dropped and retried. Default 10,000. */
  connectTimeoutMs?: number;
  /**
   * No message at all (a Genesys heartbeat counts) within this many ms forces a reconnect. Default 65,000
   * (Genesys sends a heartbeat every 30 s). `0` turns it off.
   */
  idleTimeoutMs?: number;
}

export interface PostMessageOptions extends ActionOptions {
  /** Exact origins (`https://agent.example`) whose messages are accepted; required, never `*` or `null`. */
  origins: string[];
  /** Only messages from this window are accepted (e.g. `iframe.contentWindow`, `window.opener`). */
  source?: Window;
  /** Where actions and the resync go; default `source`, else the window of the last accepted message. */
  target?: Window;
}

export interface BroadcastChannelOptions extends ActionOptions {
  name: string;
}

/** Exactly one transport. A bare string is the URL or channel name. */
export type ConnectOptions =
  | { websocket: string | WebSocketOptions }
  | { postMessage: PostMessageOptions }
  | { broadcastChannel: string | BroadcastChannelOptions };

export type StatusListener = (status: LinkStatus) => void;

/** What `connect` returns. */
export interface Connection {
  /** `connecting` until first open, `open`, `reconnecting` while the link is down, `closed` after `close()`. */
  readonly status: LinkStatus;
  /** Sends one message as is (JSON over a WebSocket); `false` when the link is not open (nothing is queued). */
  send(message: object): boolean;
  /** Runs `listener` on every status change; returns the unsubscribe. */
  onStatus(listener: StatusListener): () => void;
  /** Stops for good: removes every listener, timer and socket; actions still waiting fail. */
  close(): void;
}
