export interface BackoffOptions {
  minDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

/**
 * The delay before reconnect attempt `attempt` (0-based): full jitter, uniform between the floor and a ceiling
 * that grows by `factor` per attempt, so clients dropped together by one server restart come back spread out
 * (even the first retry is jittered) and never sooner than `minDelayMs`.
 */
export function backoffDelay(attempt: number, o: BackoffOptions, random = Math.random): number {
  const ceiling = Math.min(o.maxDelayMs, o.minDelayMs * o.factor ** (attempt + 1));
  return o.minDelayMs + random() * Math.max(0, ceiling - o.minDelayMs);
}
