import { MikroORM } from '@mikro-orm/core';
import { CodeLoginPolicy, lockoutLength } from './code-login-policy';
import { AttemptRecord, LoginThrottle, windowOf } from './login-throttle';

/**
 * Counts with single-statement upserts, atomic in SQLite and PostgreSQL alike, so several hub
 * processes sharing one PostgreSQL database share the budgets.
 */
const INCREMENT = `
insert into hub_code_login_throttle as t (bucket, failures, window_start, locked_until, level, last_lock_at)
values (?, 1, ?, 0, 0, 0)
on conflict (bucket) do update set
  failures = case when t.window_start <= ? then 1 else t.failures + 1 end,
  window_start = case when t.window_start <= ? then ? else t.window_start end,
  level = case when t.last_lock_at <= ? then 0 else t.level end
returning failures, level`;

/**
 * One attempt of an address: while it is locked out nothing is counted (and `locked_until` says
 * so); otherwise the attempt counts as a failure in the same statement, so concurrent attempts
 * cannot all slip past the check before the first is counted.
 */
const ATTEMPT = `
insert into hub_code_login_throttle as t (bucket, failures, window_start, locked_until, level, last_lock_at)
values (?, 1, ?, 0, 0, 0)
on conflict (bucket) do update set
  failures = case when t.locked_until > ? then t.failures when t.window_start <= ? then 1 else t.failures + 1 end,
  window_start = case when t.locked_until > ? or t.window_start > ? then t.window_start else ? end,
  level = case when t.last_lock_at <= ? then 0 else t.level end
returning failures, level, locked_until`;

/** Only the caller that still sees the overspent budget takes the lock (a concurrent one finds failures reset). */
const LOCK = 'update hub_code_login_throttle set failures = 0, level = level + 1, locked_until = ?, last_lock_at = ? where bucket = ? and failures > ?';

const FORGIVE = 'update hub_code_login_throttle set failures = failures - 1 where bucket = ? and failures > 0';

export class DatabaseLoginThrottle extends LoginThrottle {
  constructor(
    private readonly orm: MikroORM,
    private readonly policy: CodeLoginPolicy,
  ) {
    super();
  }

  async lockedFor(address: string, now: number): Promise<number> {
    const rows = await this.sql<{ locked_until: number | string }>('select locked_until from hub_code_login_throttle where bucket = ?', [`ip:${address}`]);
    return rows.length === 0 ? 0 : Math.max(0, Number(rows[0].locked_until) - now);
  }

  async attempt(address: string, now: number): Promise<AttemptRecord> {
    const bucket = `ip:${address}`;
    const windowCutoff = now - this.policy.windowMs;
    const [row] = await this.sql<{ failures: number | string; level: number | string; locked_until: number | string }>(ATTEMPT, [bucket, now, now, windowCutoff, now, windowCutoff, now, now - this.policy.lockoutDecayMs]);
    const lockedUntil = Number(row.locked_until);
    if (lockedUntil > now) return { failures: 0, lockedForMs: lockedUntil - now, startedLockout: false };
    const failures = Number(row.failures);
    if (failures <= this.policy.budget) return { failures, lockedForMs: 0, startedLockout: false };
    const lockedForMs = lockoutLength(this.policy, Number(row.level) + 1);
    const result = await this.orm.em.getConnection().execute<{ affectedRows: number }>(LOCK, [now + lockedForMs, now + lockedForMs, bucket, this.policy.budget], 'run');
    if (result.affectedRows > 0) return { failures, lockedForMs, startedLockout: true };
    // A concurrent attempt over the budget took the lock first: this one is refused all the same.
    return { failures, lockedForMs: Math.max(1000, await this.lockedFor(address, now)), startedLockout: false };
  }

  async forgive(address: string): Promise<void> {
    await this.orm.em.getConnection().execute(FORGIVE, [`ip:${address}`], 'run');
  }

  async recordGlobalFailure(now: number): Promise<{ count: number; alarm: boolean; windowStart: number }> {
    const window = windowOf(now, this.policy.alarmWindowMs);
    // The global row never resets inside its window: the window is in the bucket name.
    const [row] = await this.sql<{ failures: number | string }>(INCREMENT, [`global:${this.policy.alarmWindowMs}:${window}`, now, 0, 0, now, 0]);
    const count = Number(row.failures);
    return { count, alarm: count === this.policy.alarmFailures, windowStart: window * this.policy.alarmWindowMs };
  }

  async purge(now: number): Promise<void> {
    await this.orm.em
      .getConnection()
      .execute('delete from hub_code_login_throttle where locked_until < ? and last_lock_at < ? and window_start < ?', [now, now - this.policy.lockoutDecayMs, now - Math.max(this.policy.windowMs, 2 * this.policy.alarmWindowMs)], 'run');
  }

  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(query, params, 'all');
  }
}
