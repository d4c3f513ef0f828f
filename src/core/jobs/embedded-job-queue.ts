import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Logger } from '@nestjs/common';
import { newId } from '../database/ids';
import { JobExecutor } from './job-executor';
import { backoffDelay, EnqueueOptions, JobHandler, JobQueue, QueueCounts } from './job-queue';

interface ClaimedRow {
  id: string;
  name: string;
  data: unknown;
  attempts: number | string;
  max_attempts: number | string;
  backoff_ms: number | string;
  correlation_id: string | null;
}

export interface EmbeddedQueueOptions {
  concurrency: number;
  leaseMs: number;
  pollIntervalMs: number;
  dialect: 'sqlite' | 'postgresql';
}

/** A crash is not the job's fault, but a job that kills its process every time must stop somewhere. */
const EXTRA_RECLAIMS = 3;
const COMPLETED_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Database-backed queue: a job is a row, claimed atomically by one process, which holds a lease
 * and renews it while the handler runs. If the process dies the lease lapses and another process
 * (or the same one after a restart) claims the job again. Completion is fenced by the claim, so a
 * process that lost its lease cannot complete a job that someone else now holds.
 */
export class EmbeddedJobQueue extends JobQueue {
  readonly driver = 'embedded' as const;
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly wake = new EventEmitter();
  private readonly running = new Map<string, Promise<void>>();
  private consuming = false;
  private pollTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private purgeTimer?: NodeJS.Timeout;
  private polling = false;
  private pollAgain = false;
  private readonly logger = new Logger('EmbeddedJobQueue');

  constructor(
    private readonly orm: MikroORM,
    protected readonly executor: JobExecutor,
    private readonly options: EmbeddedQueueOptions,
  ) {
    super();
    this.inlineLimit = options.concurrency;
  }

  protected isConsuming(): boolean {
    return this.consuming;
  }

  register<T>(name: string, handler: JobHandler<T>): void {
    this.executor.register(name, handler as JobHandler<unknown>);
  }

  private em(): SqlEntityManager {
    return this.orm.em.fork() as unknown as SqlEntityManager;
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    const id = options.jobId ?? newId();
    const now = Date.now();
    await this.em().execute(
      `insert into hub_job (id, name, data, status, run_at, attempts, max_attempts, backoff_ms, correlation_id, created_at)
       values (?, ?, ?, 'pending', ?, 0, ?, ?, ?, ?) on conflict (id) do nothing`,
      [id, name, JSON.stringify(data ?? null), now + (options.delayMs ?? 0), options.attempts ?? 5, options.backoffMs ?? 1000, options.correlationId ?? null, now],
    );
    if (!options.delayMs) this.wake.emit('job');
    else this.scheduleWake(options.delayMs);
    return id;
  }

  async startConsuming(): Promise<void> {
    if (this.consuming) return;
    this.consuming = true;
    this.wake.on('job', () => void this.poll());
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollIntervalMs);
    this.heartbeatTimer = setInterval(() => void this.renewLeases(), Math.max(100, Math.floor(this.options.leaseMs / 3)));
    this.purgeTimer = setInterval(() => void this.purge(), 60_000);
    for (const timer of [this.pollTimer, this.heartbeatTimer, this.purgeTimer]) timer.unref();
    void this.poll();
  }

  private scheduleWake(delayMs: number): void {
    if (!this.consuming || delayMs > this.options.pollIntervalMs * 5) return;
    setTimeout(() => this.wake.emit('job'), delayMs).unref();
  }

  private async poll(): Promise<void> {
    if (!this.consuming) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    try {
      do {
        this.pollAgain = false;
        const free = this.options.concurrency - this.running.size;
        if (free <= 0) break;
        const claimed = await this.claim(free);
        for (const row of claimed) this.start(row);
        if (claimed.length === free) this.pollAgain = true;
      } while (this.pollAgain && this.consuming);
    } catch (error) {
      this.logger.error({ err: error }, 'Claiming jobs failed');
    } finally {
      this.polling = false;
    }
  }

  private async claim(limit: number): Promise<ClaimedRow[]> {
    const now = Date.now();
    const skipLocked = this.options.dialect === 'postgresql' ? 'for update skip locked' : '';
    return this.em().execute<ClaimedRow[]>(
      `update hub_job set status = 'active', attempts = attempts + 1, locked_by = ?, lease_until = ?
       where id in (
         select id from hub_job
         where (status = 'pending' and run_at <= ?)
            or (status = 'active' and lease_until < ? and attempts < max_attempts + ${EXTRA_RECLAIMS})
         order by run_at limit ? ${skipLocked})
       returning id, name, data, attempts, max_attempts, backoff_ms, correlation_id`,
      [this.workerId, now + this.options.leaseMs, now, now, limit],
    );
  }

  private start(row: ClaimedRow): void {
    const attempt = Number(row.attempts);
    const work = this.executor
      .execute({
        id: row.id,
        name: row.name,
        data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
        attempt,
        correlationId: row.correlation_id ?? row.id,
      })
      .then(
        () => this.finish(row.id, attempt, 'completed', null, 0),
        (error: unknown) => {
          const exhausted = attempt >= Number(row.max_attempts) || isPermanent(error);
          return this.finish(row.id, attempt, exhausted ? 'failed' : 'pending', describe(error), exhausted ? 0 : backoffDelay(attempt, Number(row.backoff_ms)));
        },
      )
      .catch((error: unknown) => this.logger.error({ err: error, jobId: row.id }, 'Recording a job result failed; its lease will lapse and it will run again'))
      .finally(() => {
        this.running.delete(row.id);
        void this.poll();
      });
    this.running.set(row.id, work);
  }

  private async finish(id: string, attempt: number, status: 'completed' | 'failed' | 'pending', error: string | null, delayMs: number): Promise<void> {
    const now = Date.now();
    await this.em().execute(
      `update hub_job set status = ?, last_error = coalesce(?, last_error), run_at = ?, finished_at = ?, lease_until = null, locked_by = null
       where id = ? and locked_by = ? and attempts = ?`,
      [status, error, now + delayMs, status === 'pending' ? null : now, id, this.workerId, attempt],
    );
    if (status === 'pending') this.scheduleWake(delayMs);
  }

  private async renewLeases(): Promise<void> {
    if (this.running.size === 0) return;
    const ids = [...this.running.keys()];
    await this.em()
      .execute(`update hub_job set lease_until = ? where locked_by = ? and id in (${ids.map(() => '?').join(', ')})`, [Date.now() + this.options.leaseMs, this.workerId, ...ids])
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Renewing job leases failed'));
  }

  private async purge(): Promise<void> {
    await this.em()
      .execute(`delete from hub_job where status = 'completed' and finished_at < ?`, [Date.now() - COMPLETED_RETENTION_MS])
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Purging completed jobs failed'));
  }

  async stop(timeoutMs: number): Promise<void> {
    if (!this.consuming) return;
    this.consuming = false;
    for (const timer of [this.pollTimer, this.heartbeatTimer, this.purgeTimer]) clearInterval(timer);
    this.wake.removeAllListeners();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.running.values(), this.drainInline()]), timeout]);
    clearTimeout(timer);
    if (this.running.size > 0) {
      // Hand unfinished jobs back at once rather than waiting for their leases to lapse.
      this.logger.warn(`Handing back ${this.running.size} unfinished job(s)`);
      await this.em().execute(
        `update hub_job set status = 'pending', attempts = attempts - 1, lease_until = null, locked_by = null where locked_by = ? and status = 'active'`,
        [this.workerId],
      );
    }
  }

  async counts(): Promise<QueueCounts> {
    const now = Date.now();
    const rows = await this.em().execute<{ status: string; delayed: number | string; total: number | string }[]>(
      `select status, sum(case when status = 'pending' and run_at > ? then 1 else 0 end) as delayed, count(*) as total from hub_job group by status`,
      [now],
    );
    const counts: QueueCounts = { waiting: 0, delayed: 0, active: 0, completed: 0, failed: 0 };
    for (const row of rows) {
      const total = Number(row.total);
      if (row.status === 'pending') {
        counts.delayed = Number(row.delayed);
        counts.waiting = total - counts.delayed;
      } else if (row.status === 'active' || row.status === 'completed' || row.status === 'failed') {
        counts[row.status] = total;
      }
    }
    return counts;
  }

  async ping(): Promise<void> {
    await this.em().execute('select 1');
  }
}

function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
