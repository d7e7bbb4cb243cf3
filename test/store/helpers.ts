/** Builders for normalised inputs and a hand-driven clock, shared by the store tests. */
import type { CommunicationUpdate, NormalizedInput, ParticipantInfo, SignalUpdate } from '../../src/model/index.js';
import { derive } from '../../src/store/derive.js';
import { INITIAL_STATE, reduce } from '../../src/store/reduce.js';
import type { StoreState } from '../../src/store/reduce.js';
import type { SessionView } from '../../src/store/index.js';
import { T0 } from '../fixtures/sessions.js';

export { T0 };
export const ms = (seconds: number) => T0 + seconds * 1000;
export const iso = (seconds: number) => new Date(ms(seconds)).toISOString();

export const OPTIONS = { controlRequestTimeoutMs: 30_000, maxCommunications: 64 };

/** A communication update at `seconds` after T0 (as `providerEventTime`). */
export function comm(
  id: string,
  state: string | undefined,
  seconds: number | undefined,
  extra: Partial<CommunicationUpdate> = {},
): CommunicationUpdate {
  return {
    id,
    kind: 'cobrowse',
    ...(state === undefined ? {} : { state, rawState: state }),
    ...(seconds === undefined ? {} : { providerEventTime: ms(seconds) }),
    ...extra,
  };
}

export const person = (id: string, purpose: string, extra: Partial<ParticipantInfo> = {}): ParticipantInfo => ({
  id,
  purpose,
  name: `${purpose} ${id}`,
  ...extra,
});

export function input(
  ...items: (CommunicationUpdate | SignalUpdate | { id?: string; participants: ParticipantInfo[] })[]
): NormalizedInput {
  const value: NormalizedInput = { conversations: [], communications: [], signals: [] };
  for (const item of items) {
    if ('participants' in item) value.conversations.push(item);
    else if ('type' in item) value.signals.push(item);
    else value.communications.push(item);
  }
  return value;
}

/** Reduces `inputs` in order from the empty state. */
export function stateOf(inputs: NormalizedInput[], now = ms(100)): StoreState {
  return inputs.reduce((state, next) => reduce(state, next, now, OPTIONS), INITIAL_STATE);
}

/** Reduces `inputs` in order and derives the view at `now`. */
export function viewOf(inputs: NormalizedInput[], options: { now?: number; selfId?: string } = {}): SessionView {
  const now = options.now ?? ms(100);
  return derive(stateOf(inputs, now), now, options.selfId);
}

/** A clock and a scheduler the test drives by hand: `tick(ms)` runs whatever falls due, in time order. */
export function fakeTime(start = T0) {
  let now = start;
  let next = 0;
  const tasks = new Map<number, { at: number; callback: () => void }>();
  return {
    clock: () => now,
    timers: {
      set(callback: () => void, delay: number) {
        tasks.set(++next, { at: now + delay, callback });
        return next;
      },
      clear(handle: unknown) {
        tasks.delete(handle as number);
      },
    },
    /** Timers waiting to fire. */
    get scheduled() {
      return tasks.size;
    },
    tick(delay: number) {
      const end = now + delay;
      for (;;) {
        const due = [...tasks].filter(([, task]) => task.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        tasks.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
  };
}
