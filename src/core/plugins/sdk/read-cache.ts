/**
 * Keeps the answers of a read that rarely changes (a panel's package, its bouquets) for a short
 * time, so a plugin does not ask the panel again before every write that needs them. Concurrent
 * reads of one key share one call; a failed read and a `null` answer (not found) are not kept, so
 * something created on the panel is seen at once and an error is never served twice.
 */
export interface ReadCache<T> {
  /** The kept answer for `key`, or the answer of `read()` (kept for the cache's time to live). */
  get(key: string, read: () => Promise<T | null>): Promise<T | null>;
  /** Drops the answer kept for `key` (after a write that changed it). */
  forget(key: string): void;
}

export function readCache<T>(ttlMs: number, clock: { now(): Date }): ReadCache<T> {
  const kept = new Map<string, { until: number; answer: Promise<T | null> }>();
  return {
    get(key, read) {
      const now = clock.now().getTime();
      const hit = kept.get(key);
      if (hit && hit.until > now) return hit.answer;
      const answer = read();
      kept.set(key, { until: now + ttlMs, answer });
      answer.then(
        (value) => {
          if (value === null && kept.get(key)?.answer === answer) kept.delete(key);
        },
        () => {
          if (kept.get(key)?.answer === answer) kept.delete(key);
        },
      );
      return answer;
    },
    forget(key) {
      kept.delete(key);
    },
  };
}
