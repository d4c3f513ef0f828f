import { MikroORM } from '@mikro-orm/core';
import { CodeLoginPolicy, lockoutLength } from './code-login-policy';
import { FailureRecord, LoginThrottle, windowOf } from './login-throttle';

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

/** Only the caller that still sees the spent budget takes the lock (a concurrent one finds failures reset). */
const LOCK = 'update hub_code_login_throttle set failures = 0, level = level + 1, locked_until = ?, last_lock_at = ? where bucket = ? and failures >= ?';

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

  async recordFailure(address: string, now: number): Promise<FailureRecord> {
    const bucket = `ip:${address}`;
    const [row] = await this.sql<{ failures: number | string; level: number | string }>(INCREMENT, [bucket, now, now - this.policy.windowMs, now - this.policy.windowMs, now, now - this.policy.lockoutDecayMs]);
    const failures = Number(row.failures);
    if (failures < this.policy.budget) return { failures, lockedForMs: 0 };
    const lockedForMs = lockoutLength(this.policy, Number(row.level) + 1);
    const result = await this.orm.em.getConnection().execute<{ affectedRows: number }>(LOCK, [now + lockedForMs, now + lockedForMs, bucket, this.policy.budget], 'run');
    return { failures, lockedForMs: result.affectedRows > 0 ? lockedForMs : 0 };
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
