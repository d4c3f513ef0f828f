/** A receiver's Retry-After is honoured up to a day; beyond that the schedule decides. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Delay before the next attempt after failed attempt number `attempt` (1-based), or undefined when
 * the schedule is exhausted. ±10 % jitter spreads retries of many deliveries that failed together;
 * a `Retry-After` pushes the retry later but never earlier than the schedule.
 */
export function nextRetryDelay(schedule: number[], attempt: number, retryAfterMs?: number, random: () => number = Math.random): number | undefined {
  if (attempt < 1 || attempt > schedule.length) return undefined;
  const jittered = Math.round(schedule[attempt - 1] * (0.9 + 0.2 * random()));
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

/** How long a delivery keeps being retried: an endpoint failing for this long is disabled. */
export function retryWindowMs(schedule: number[]): number {
  return schedule.reduce((sum, ms) => sum + ms, 0);
}
