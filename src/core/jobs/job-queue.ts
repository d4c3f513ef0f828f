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

/**
 * One durable queue behind two drivers: the embedded driver keeps jobs as rows in the database,
 * the BullMQ driver keeps them in Redis. Handlers must be idempotent: delivery is at least once.
 */
export abstract class JobQueue {
  abstract readonly driver: 'embedded' | 'bullmq';

  /** Registers the handler for a job name; call before `start`. */
  abstract register<T>(name: string, handler: JobHandler<T>): void;

  abstract enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string>;

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
