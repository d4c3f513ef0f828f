import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Logger } from '@nestjs/common';
import { isSqlite } from '../database/row-lock';

const LEASE_NAME = 'scheduler';

/**
 * The database's clock in epoch milliseconds, as an SQL expression. Lease expiries are written
 * and compared on this one clock: with each process's own clock, a process whose clock runs ahead
 * would take the lease from a live holder (and one running behind would wait long past a dead one).
 */
const DB_NOW_MS = {
  sqlite: `cast((julianday('now') - 2440587.5) * 86400000 as integer)`,
  postgresql: `cast(extract(epoch from clock_timestamp()) * 1000 as bigint)`,
};

/**
 * Exactly one process runs the schedulers: the one holding the `scheduler` lease row. The holder
 * renews it well before it expires; when it dies, another candidate takes over after expiry.
 * The same row works on SQLite and PostgreSQL, so both modes share one tested code path.
 *
 * A holder counts itself leader only until the lease it last renewed runs out, measured on its
 * monotonic clock from before the renewal was sent: a process that was paused (GC, SIGSTOP, a
 * suspended VM) or whose renewals hang does not go on ticking after another one took over.
 */
export class LeaderElection {
  readonly holderId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private leader = false;
  /** `performance.now()` until which the lease this process last renewed is surely still its own. */
  private validUntil = 0;
  private readonly logger = new Logger('Scheduler');

  constructor(
    private readonly orm: MikroORM,
    private readonly leaseMs: number,
  ) {}

  isLeader(): boolean {
    if (this.leader && performance.now() >= this.validUntil) this.setLeader(false);
    return this.leader;
  }

  /** Tries to take or renew the lease; returns whether this process leads now. */
  async heartbeat(): Promise<boolean> {
    const sentAt = performance.now();
    const em = this.orm.em.fork() as unknown as SqlEntityManager;
    try {
      const now = isSqlite(em) ? DB_NOW_MS.sqlite : DB_NOW_MS.postgresql;
      await em.execute(
        `insert into hub_lease (name, holder, expires_at) values (?, ?, ${now} + ?)
         on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
         where hub_lease.holder = excluded.holder or hub_lease.expires_at < ${now}`,
        [LEASE_NAME, this.holderId, this.leaseMs],
      );
      const [row] = await em.execute<{ holder: string }[]>('select holder from hub_lease where name = ?', [LEASE_NAME]);
      if (row?.holder === this.holderId) {
        // The database set the expiry after `sentAt`: counting from `sentAt` ends no later than it.
        this.validUntil = Math.max(this.validUntil, sentAt + this.leaseMs);
        this.setLeader(performance.now() < this.validUntil);
      } else {
        this.setLeader(false);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Scheduler lease heartbeat failed');
      this.setLeader(false);
    }
    return this.leader;
  }

  async release(): Promise<void> {
    if (!this.leader) return;
    this.setLeader(false);
    const em = this.orm.em.fork() as unknown as SqlEntityManager;
    await em.execute('delete from hub_lease where name = ? and holder = ?', [LEASE_NAME, this.holderId]).catch(() => undefined);
  }

  private setLeader(leader: boolean): void {
    if (leader !== this.leader) this.logger.log(leader ? `This process (${this.holderId}) now runs the schedulers` : 'This process no longer runs the schedulers');
    this.leader = leader;
    if (!leader) this.validUntil = 0;
  }
}
