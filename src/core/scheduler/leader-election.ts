import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Logger } from '@nestjs/common';

const LEASE_NAME = 'scheduler';

/**
 * Exactly one process runs the schedulers: the one holding the `scheduler` lease row. The holder
 * renews it well before it expires; when it dies, another candidate takes over after expiry.
 * The same row works on SQLite and PostgreSQL, so both modes share one tested code path.
 */
export class LeaderElection {
  readonly holderId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private leader = false;
  private readonly logger = new Logger('Scheduler');

  constructor(
    private readonly orm: MikroORM,
    private readonly leaseMs: number,
  ) {}

  isLeader(): boolean {
    return this.leader;
  }

  /** Tries to take or renew the lease; returns whether this process leads now. */
  async heartbeat(): Promise<boolean> {
    const now = Date.now();
    const em = this.orm.em.fork() as unknown as SqlEntityManager;
    try {
      await em.execute(
        `insert into hub_lease (name, holder, expires_at) values (?, ?, ?)
         on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
         where hub_lease.holder = excluded.holder or hub_lease.expires_at < ?`,
        [LEASE_NAME, this.holderId, now + this.leaseMs, now],
      );
      const [row] = await em.execute<{ holder: string }[]>('select holder from hub_lease where name = ?', [LEASE_NAME]);
      this.setLeader(row?.holder === this.holderId);
    } catch (error) {
      this.logger.warn({ err: error }, 'Scheduler lease heartbeat failed');
      this.setLeader(false);
    }
    return this.leader;
  }

  async release(): Promise<void> {
    if (!this.leader) return;
    this.leader = false;
    const em = this.orm.em.fork() as unknown as SqlEntityManager;
    await em.execute('delete from hub_lease where name = ? and holder = ?', [LEASE_NAME, this.holderId]).catch(() => undefined);
  }

  private setLeader(leader: boolean): void {
    if (leader !== this.leader) this.logger.log(leader ? `This process (${this.holderId}) now runs the schedulers` : 'This process no longer runs the schedulers');
    this.leader = leader;
  }
}
