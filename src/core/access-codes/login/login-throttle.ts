/** Outcome of recording a failed attempt. */
export interface FailureRecord {
  failures: number;
  /** Lockout that starts now because the budget is spent (0 = none). */
  lockedForMs: number;
}

/**
 * Attempt budgets shared by every hub process: Redis when the hub has it, else the database.
 * Implementations must be atomic per address across processes.
 */
export abstract class LoginThrottle {
  /** Milliseconds until the address may try again (0 = now). */
  abstract lockedFor(address: string, now: number): Promise<number>;

  abstract recordFailure(address: string, now: number): Promise<FailureRecord>;

  /**
   * Counts a failure in the current alarm window, all addresses together. `alarm` is true for
   * exactly one caller per window: the one whose failure reaches the threshold.
   */
  abstract recordGlobalFailure(now: number): Promise<{ count: number; alarm: boolean; windowStart: number }>;

  /** Forgets windows and lockouts that ended before `now` (housekeeping). */
  abstract purge(now: number): Promise<void>;

  async close(): Promise<void> {}
}

/** Alarm windows are aligned to the epoch, so every process agrees on the current one. */
export function windowOf(now: number, windowMs: number): number {
  return Math.floor(now / windowMs);
}
