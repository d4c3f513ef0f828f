import { newId } from '../database/ids';
import type { JobExecutor } from './job-executor';

export interface EnqueueOptions {
  /** Same id twice → one job (deduplication of producers that retry). */
  jobId?: string;
  delayMs?: number;
  /** Total attempts including the first. Default 5. */
  attempts?: number;
  /** Base of the exponential backoff between attempts, in ms. Default 1000. */
  backoffMs?: number;
  correlationId?: string;
}

export interface JobContext<T = unknown> {
  id: string;
  name: string;
  data: T;
  attempt: number;
  correlationId: string;
}

export type JobHandler<T = unknown> = (job: JobContext<T>) => Promise<void>;

export interface QueueCounts {
  waiting: number;
  delayed: number;
  active: number;
  completed: number;
  failed: number;
}

interface InlineLane {
  running: number;
  waiters: Array<(granted: boolean) => void>;
}

/** How many first attempts may wait for an in-process slot, per slot; and how long at most. */
const INLINE_LINE_FACTOR = 16;
const INLINE_WAIT_MS = 2_000;

/**
 * One durable queue behind two drivers: the embedded driver keeps jobs as rows in the database,
 * the BullMQ driver keeps them in Redis. Handlers must be idempotent: delivery is at least once.
 */
export abstract class JobQueue {
  abstract readonly driver: 'embedded' | 'bullmq';
  protected abstract readonly executor: JobExecutor;
  private readonly inline = new Set<Promise<unknown>>();
  /**
   * First attempts of one job name run in process at most this many at a time; beyond, they wait
   * for a turn. Per name, so short jobs (event deliveries) never queue behind long ones (runs
   * waiting on a panel) and fall back to the store for want of a slot.
   */
  protected inlineLimit = 32;
  private readonly lanes = new Map<string, InlineLane>();

  /** True while this process takes jobs (not in an `api`-only process, not after `stop`). */
  protected abstract isConsuming(): boolean;

  /** Registers the handler for a job name; call before `start`. */
  abstract register<T>(name: string, handler: JobHandler<T>): void;

  abstract enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string>;

  /**
   * Runs the first attempt of a job right here when this process consumes jobs and gets a slot
   * (`inlineTurn`), sparing the round trip through the store; if that attempt fails (or no slot
   * came in time, or this process does not run jobs) the job is enqueued under the same id for the
   * durable path and its retries. Resolves once the job has completed here or has been durably enqueued. A crash
   * during an in-process attempt loses the attempt, so callers must hold their own durable record
   * of the work (an outbox row, a run row) that a sweeper turns back into a job.
   */
  async runOrEnqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<'ran' | 'enqueued'> {
    const lane = this.lane(name);
    if (options.delayMs || !this.isConsuming() || !(await this.inlineTurn(lane))) {
      await this.enqueue(name, data, options);
      return 'enqueued';
    }
    return this.runInline(lane, name, data, options);
  }

  /**
   * As `runOrEnqueue`, but the first attempt does not wait for a free slot (it takes one beyond the
   * limit if it must): for work this process has already committed to do at once, such as a step it
   * started under its lease, which no other process may take before the lease ends.
   */
  async runNow<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<'ran' | 'enqueued'> {
    if (!this.isConsuming()) {
      await this.enqueue(name, data, options);
      return 'enqueued';
    }
    const lane = this.lane(name);
    lane.running += 1;
    return this.runInline(lane, name, data, options);
  }

  /** True while this process runs jobs: work it hands to `runNow` runs here. */
  runsJobs(): boolean {
    return this.isConsuming();
  }

  /** The first attempt in process, in a slot of `lane` already taken; on failure, the durable path. */
  private async runInline<T>(lane: InlineLane, name: string, data: T, options: EnqueueOptions): Promise<'ran' | 'enqueued'> {
    const id = options.jobId ?? newId();
    const attempt = this.executor.execute({ id, name, data, attempt: 1, correlationId: options.correlationId ?? id });
    this.inline.add(attempt);
    try {
      await attempt;
      return 'ran';
    } catch {
      // The executor has logged the failure; the durable path retries it with backoff.
      await this.enqueue(name, data, { ...options, jobId: id });
      return 'enqueued';
    } finally {
      this.inline.delete(attempt);
      this.endInlineTurn(lane);
    }
  }

  private lane(name: string): InlineLane {
    let lane = this.lanes.get(name);
    if (!lane) this.lanes.set(name, (lane = { running: 0, waiters: [] }));
    return lane;
  }

  /**
   * A turn to run in process: at once while fewer than `inlineLimit` of the lane run, else after a
   * short wait in line (a round trip through the store costs more than waiting for a free slot).
   * False when the line is long or the wait times out: the job then goes through the store.
   */
  private inlineTurn(lane: InlineLane): boolean | Promise<boolean> {
    if (lane.running < this.inlineLimit) {
      lane.running += 1;
      return true;
    }
    if (lane.waiters.length >= this.inlineLimit * INLINE_LINE_FACTOR) return false;
    return new Promise<boolean>((resolve) => {
      const waiter = (granted: boolean) => {
        clearTimeout(timer);
        resolve(granted);
      };
      const timer = setTimeout(() => {
        const index = lane.waiters.indexOf(waiter);
        if (index >= 0) lane.waiters.splice(index, 1);
        resolve(false);
      }, INLINE_WAIT_MS);
      lane.waiters.push(waiter);
    });
  }

  /** Hands the slot to the next in line, if any. */
  private endInlineTurn(lane: InlineLane): void {
    // A turn taken beyond the limit (`runNow`) is given back, not handed on.
    const next = this.isConsuming() && lane.running <= this.inlineLimit ? lane.waiters.shift() : undefined;
    if (next) next(true);
    else lane.running -= 1;
  }

  /** Settles when the in-process first attempts under way have (part of `stop`, which bounds the wait). */
  protected async drainInline(): Promise<void> {
    for (const lane of this.lanes.values()) for (const waiter of lane.waiters.splice(0)) waiter(false);
    await Promise.allSettled([...this.inline]);
  }

  /** Starts consuming (only in processes that run jobs). */
  abstract startConsuming(): Promise<void>;

  /** Stops taking new jobs and waits for running ones up to the timeout, then hands the rest back. */
  abstract stop(timeoutMs: number): Promise<void>;

  abstract counts(): Promise<QueueCounts>;

  /** Throws when the backing store cannot be reached. */
  abstract ping(): Promise<void>;
}

export function backoffDelay(attempt: number, baseMs: number, capMs = 60 * 60 * 1000): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // Full jitter on the upper half avoids retry storms while keeping a floor.
  return Math.round(exponential / 2 + Math.random() * (exponential / 2));
}
