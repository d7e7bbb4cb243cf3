import { parseInput } from '../model/index.js';
import type { CommunicationUpdate } from '../model/index.js';
import type {
  ActionDetail,
  Connection,
  IngestResult,
  LinkStatus,
  PendingAction,
  SessionStore,
  SessionView,
  StateListener,
  StoreEvents,
} from './types.js';

export interface SessionStoreOptions {
  /** My participant id (or communication id). */
  selfId?: string;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
}

const CONNECTION_BY_STATE: Record<string, Connection> = {
  alerting: 'alerting',
  offering: 'alerting',
  dialing: 'connecting',
  contacting: 'connecting',
  scheduled: 'connecting',
  connected: 'connected',
  parked: 'held',
  disconnected: 'disconnected',
  terminated: 'disconnected',
};

export function connectionOf(state: string | undefined, held = false): Connection {
  if (state === undefined) return 'idle';
  const connection = CONNECTION_BY_STATE[state] ?? 'idle';
  return connection === 'connected' && held ? 'held' : connection;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function orderKey(update: CommunicationUpdate): number | undefined {
  if (update.providerEventTime !== undefined) return update.providerEventTime;
  const times = [update.startAlertingTime, update.connectedTime, update.disconnectedTime].filter(
    (t): t is number => t !== undefined,
  );
  return times.length ? Math.max(...times) : undefined;
}

export const EMPTY_VIEW: SessionView = Object.freeze({
  connection: 'idle',
  peerCount: 0,
  control: Object.freeze({ controlledBy: [], controlling: [] }),
  peers: [],
  link: 'none',
  others: [],
}) as SessionView;

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const clock = options.clock ?? Date.now;
  const comms = new Map<string, CommunicationUpdate>();
  const listeners = new Set<StateListener>();
  const handlers: { [K in keyof StoreEvents]: Set<(payload: StoreEvents[K]) => void> } = {
    error: new Set(),
    warning: new Set(),
    action: new Set(),
  };
  let view: SessionView = EMPTY_VIEW;
  let link: LinkStatus = 'none';
  let pending: PendingAction | undefined;
  let counter = 0;

  function emit<K extends keyof StoreEvents>(type: K, payload: StoreEvents[K]) {
    for (const handler of [...handlers[type]]) handler(payload);
  }

  function derive(): SessionView {
    const primary = options.selfId ? comms.get(options.selfId) : [...comms.values()].at(-1);
    if (!primary) return { ...EMPTY_VIEW, link, pending };
    return {
      ...EMPTY_VIEW,
      connection: connectionOf(primary.state, primary.held),
      rawState: primary.rawState,
      kind: primary.kind,
      role: primary.role,
      sessionId: primary.cobrowseSessionId ?? primary.id,
      communicationId: primary.id,
      control: { controlledBy: [], controlling: primary.controlling ?? [] },
      alertingSince: iso(primary.startAlertingTime),
      connectedSince: iso(primary.connectedTime),
      disconnectedAt: iso(primary.disconnectedTime),
      disconnectType: primary.disconnectType,
      viewerUrl: primary.viewerUrl,
      pending,
      link,
    };
  }

  function commit() {
    const next = derive();
    if (JSON.stringify(next) === JSON.stringify(view)) return false;
    const previous = view;
    view = next;
    for (const listener of [...listeners]) listener(view, previous);
    return true;
  }

  return {
    ingest(input) {
      const result = parseInput(input);
      for (const warning of result.warnings) emit('warning', warning);
      if (!result.ok) {
        emit('error', result.error);
        return result satisfies IngestResult;
      }
      for (const update of result.value.communications) {
        const held = comms.get(update.id);
        const heldKey = held && orderKey(held);
        const newKey = orderKey(update);
        if (heldKey !== undefined && newKey !== undefined && newKey < heldKey) continue;
        comms.set(update.id, { ...held, ...update });
      }
      return { ok: true, changed: commit(), warnings: result.warnings };
    },
    getState: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      comms.clear();
      pending = undefined;
      commit();
    },
    act(detail: ActionDetail) {
      pending = { ...detail, id: `a${clock().toString(36)}-${++counter}`, since: new Date(clock()).toISOString() };
      commit();
      emit('action', pending);
      return pending;
    },
    settle(actionId, ok, error) {
      if (pending?.id !== actionId) return;
      pending = ok ? undefined : { ...pending, error };
      commit();
    },
    setLink(status) {
      link = status;
      commit();
    },
    on(type, listener) {
      handlers[type].add(listener);
      return () => handlers[type].delete(listener);
    },
  };
}
