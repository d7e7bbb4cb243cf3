/**
 * The session store: parses input (model layer), reduces it into state, derives one view, tells subscribers once
 * per change, and owns the only timers (request and offer expiry, pending-action timeout).
 */
import { parseInput } from '../model/index.js';
import type { ParseLimits } from '../model/index.js';
import { derive, iso, nextDeadline, sooner } from './derive.js';
import { INITIAL_STATE, reduce, settle } from './reduce.js';
import type { StoreState } from './reduce.js';
import type {
  ActionDetail,
  Connection,
  PendingAction,
  SessionStore,
  SessionView,
  StateListener,
  StoreEvents,
} from './types.js';

/** Where the store schedules its timers; injectable so tests can drive time. */
export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  /** As `clearTimeout`: a handle that has fired, or `undefined`, is ignored. */
  clear(handle: unknown): void;
}

export interface SessionStoreOptions {
  /** My participant id (or communication id). */
  selfId?: string;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
  /** Timer functions; `setTimeout` / `clearTimeout` by default. */
  timers?: Scheduler;
  /** A control request not answered within this many ms counts as declined. Default 30 s. */
  controlRequestTimeoutMs?: number;
  /** An action the session does not confirm within this many ms becomes `failed`. Default 15 s. */
  pendingTimeoutMs?: number;
  /** Parser limits, plus how many communications the store remembers (default 64). */
  limits?: Partial<ParseLimits> & { maxCommunications?: number };
}

/**
 * The connections that confirm an `accept`: every one but `alerting` (the offer still waiting). `idle` counts too:
 * a communication that says no state is no longer offering either.
 */
const ACCEPTED: ReadonlySet<Connection> = new Set(['idle', 'connecting', 'connected', 'held', 'disconnected']);

/**
 * The first moment after `now` at which the view of `state` could change with time alone: every time derive
 * compares with `now` (expiries, the pending deadline, offers' times). Until then, and as long as the state is
 * the same object, deriving again would give the same view.
 */
function stableUntil(state: StoreState, now: number): number {
  let until = sooner(undefined, state.pendingDeadline, now);
  for (const key in state.expiries) until = sooner(until, state.expiries[key], now);
  for (const key in state.requests) until = sooner(until, state.requests[key].value.expiresAt, now);
  for (const key in state.offers) {
    const { value } = state.offers[key];
    until = sooner(sooner(until, value.expiresAt, now), value.time, now);
  }
  return until ?? Infinity;
}

/**
 * Whether the session says what `action` asked for: `undefined` for an action that has only a local effect (not a
 * key here), so its truth also says whether an action waits for the session.
 */
function confirms(view: SessionView, { action, communicationId }: ActionDetail): boolean | undefined {
  // The connection of the communication the action was about, if the view still has it.
  const connection = [view, ...view.others].find((c) => c.communicationId === communicationId)?.connection;
  const ended = connection === 'disconnected';
  const controlled = view.control.controlledBy.length > 0;
  return {
    accept: connection !== undefined && ACCEPTED.has(connection),
    decline: ended,
    end: ended,
    'revoke-control': !controlled,
    'accept-control': controlled,
    'request-control': view.control.controlling.length > 0,
  }[action as string];
}

/** The largest delay `setTimeout` honours; a longer one would fire at once, again and again. */
const MAX_DELAY = 2 ** 31 - 1;

/** The view of a store that knows no session (derive's view of the initial state, at any time). */
export const EMPTY_VIEW: SessionView = derive(INITIAL_STATE, 0);

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const clock = options.clock ?? Date.now;
  const timers: Scheduler = options.timers ?? {
    set: (callback, ms) => setTimeout(callback, ms),
    clear: (handle) => clearTimeout(handle as number),
  };
  const pendingTimeoutMs = options.pendingTimeoutMs ?? 15_000;
  const reduceOptions = {
    controlRequestTimeoutMs: options.controlRequestTimeoutMs ?? 30_000,
    maxCommunications: options.limits?.maxCommunications ?? 64,
  };
  const listeners = new Set<StateListener>();
  const handlers: { [K in keyof StoreEvents]: Set<(payload: StoreEvents[K]) => void> } = {
    error: new Set(),
    warning: new Set(),
    action: new Set(),
  };
  let state = INITIAL_STATE;
  let view = EMPTY_VIEW;
  /** When `view` was derived (from `state`), and until when time alone cannot change it (see `stableUntil`). */
  let derivedAt = -Infinity;
  let validUntil = -Infinity;
  let timer: unknown;
  /** When `timer` fires (undefined while none is set). */
  let timerAt: number | undefined;
  /** The timer has fired: the commit it makes must reschedule, even where the view cannot have changed. */
  let timerFired = false;
  let counter = 0;
  /** The last action with only a local effect, so a refusal the transport reports for it still shows. */
  let local: PendingAction | undefined;

  /**
   * Calls each listener of `set` as it was when called (a copy: one may unsubscribe or subscribe another). A
   * single one, the usual case, is called without the copy (and without going on to any it subscribes). A throwing
   * listener must not stop the others or the store: its error is rethrown on its own.
   */
  const tell = <A extends unknown[]>(set: Set<(...args: A) => void>, ...args: A) => {
    if (set.size === 1) {
      for (const listener of set) {
        call(listener, args);
        break;
      }
    } else {
      for (const listener of [...set]) call(listener, args);
    }
  };
  const call = <A extends unknown[]>(listener: (...args: A) => void, args: A) => {
    try {
      listener(...args);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  };
  /** Adds a listener; the returned function removes it. */
  const join = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };

  /**
   * The timer for the state's next deadline. Kept when it already fires at that moment (or there is neither a
   * deadline nor a timer): a commit runs on every ingest, and clearing a timer on each (deadline or not), to set the
   * same one again, was work for nothing.
   */
  function schedule(now: number) {
    timerFired = false;
    const at = nextDeadline(state, now);
    // (A deadline past MAX_DELAY fires early, on purpose: that commit schedules the rest.)
    const fireAt = at === undefined ? at : now + Math.min(at - now, MAX_DELAY);
    if (fireAt === timerAt) return;
    // Clearing a timer that has fired, or none (`undefined`), does nothing: `clearTimeout`'s contract, and the
    // Scheduler's.
    timers.clear(timer);
    timerAt = fireAt;
    timer = fireAt === undefined ? fireAt : timers.set(fire, fireAt - now);
  }
  function fire() {
    timer = timerAt = undefined;
    timerFired = true;
    commit(state);
  }

  /**
   * Makes `next` the state, derives the view, and tells listeners once if it changed. `now` is the time the change
   * was made at (an ingest reads the clock once for its reduce and its commit).
   */
  function commit(next: StoreState, now = clock()): boolean {
    // The same state, and no moment derive compares with passed since the view was derived (nor did the clock go
    // back): the view cannot have changed, and deriving it again would cost as much as a real change.
    if (next === state && !timerFired && now >= derivedAt && now < validUntil) return false;
    // A deadline is set exactly while an action is pending (act sets both, settle and confirmation clear both).
    if (next.pendingDeadline! <= now) {
      next = settle(
        next,
        next.pending!.id,
        false,
        `No confirmation from the session after ${pendingTimeoutMs / 1000} s`,
      );
    }
    // (Given the view, derive reuses its equal parts, and gives it back whole when nothing in it changed.)
    let derived = derive(next, now, options.selfId, view);
    // Confirmed when the session changes to what the action asked for (not when it already was so).
    if (next.pending && confirms(derived, next.pending) && !confirms(view, next.pending)) {
      next = { ...next, pending: undefined, pendingDeadline: undefined };
      derived = derive(next, now, options.selfId, view);
    }
    state = next;
    derivedAt = now;
    validUntil = stableUntil(next, now);
    schedule(now);
    // Nothing visible changed: keep the view (and its identity, so listeners and Lit see no change). Derive gives
    // the view it was given back exactly then (when `sameView` says so).
    if (derived === view) return false;
    const previous = view;
    view = derived;
    tell(listeners, view, previous);
    return true;
  }

  return {
    ingest(input) {
      // parseInput fills in its own defaults (and ignores `maxCommunications`).
      const result = parseInput(input, options.limits);
      for (const warning of result.warnings) tell(handlers.warning, warning);
      if (!result.ok) {
        tell(handlers.error, result.error);
        return result;
      }
      const now = clock();
      return {
        ok: true,
        changed: commit(reduce(state, result.value, now, reduceOptions), now),
        warnings: result.warnings,
      };
    },
    getState: () => view,
    subscribe: (listener) => join(listeners, listener),
    reset() {
      commit({ ...INITIAL_STATE, link: state.link });
    },
    act(detail) {
      const now = clock();
      const action: PendingAction = Object.freeze({
        ...detail,
        id: `${now.toString(36)}-${++counter}`,
        since: iso(now)!,
      });
      let next: StoreState = { ...state, failed: undefined };
      if (confirms(view, detail) !== undefined) {
        next = { ...next, pending: action, pendingDeadline: now + pendingTimeoutMs };
      } else {
        local = action;
        const { control, navigationRequest, others } = view;
        // The request the action answers is withdrawn locally. The view shows it, so its entry is active.
        const [type, shown] =
          detail.action === 'decline-control'
            ? ['control-request', control.request]
            : ['navigation-request', detail.action.endsWith('-navigation') && navigationRequest];
        if (shown) {
          const key = `${type}:${shown.participantId}`;
          const { value, stamp } = next.requests[key];
          // At one time, a withdrawal beats a request (rank 1, as for a received `active: false`).
          next.requests = {
            ...next.requests,
            [key]: { value: { ...value, active: false }, stamp: { ...stamp, rank: 1 } },
          };
        }
        if (detail.action === 'dismiss') {
          for (const c of [view, ...others]) {
            if (c.connection === 'disconnected') next.dismissed = [...next.dismissed, c.communicationId!];
          }
        }
      }
      commit(next);
      tell(handlers.action, action);
      return action;
    },
    settle(actionId, ok, error) {
      const next = settle(state, actionId, ok, error);
      const refused = next === state && !ok && local?.id === actionId;
      commit(refused ? { ...state, failed: { ...local!, error: error || 'Refused' } } : next);
    },
    setLink(status) {
      commit({ ...state, link: status });
    },
    on: (type, listener) => join(handlers[type], listener),
  };
}
