/** Outcome of asking to make an attempt. */
export interface AttemptRecord {
  /** Failures counted in the window, this attempt included (0 when refused without counting). */
  failures: number;
  /** 0: the attempt may go ahead. Else it is refused: the lockout that remains, in milliseconds. */
  lockedForMs: number;
  /** This attempt spent the budget and started the lockout (exactly one caller per lockout). */
  startedLockout: boolean;
}

/**
 * Attempt budgets shared by every hub process: Redis when the hub has it, else the database.
 * Implementations must be atomic per address across processes.
 *
 * An attempt is counted as a failure before the code is looked up, in the same atomic step that
 * checks the lockout, and forgiven if it succeeds. Counting only after the look-up would let a
 * burst of concurrent guesses all pass the lockout check before the first of them was counted.
 */
export abstract class LoginThrottle {
  /** Milliseconds until the address may try again (0 = now). */
  abstract lockedFor(address: string, now: number): Promise<number>;

  /**
   * Reserves one attempt: refused while the address is locked out; otherwise counted as a failure,
   * and the attempt that goes over the budget is refused and starts the (doubling) lockout.
   */
  abstract attempt(address: string, now: number): Promise<AttemptRecord>;

  /** Takes back the failure an allowed attempt counted, because it succeeded. */
  abstract forgive(address: string, now: number): Promise<void>;

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
