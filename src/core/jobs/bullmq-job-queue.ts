import { Job, MinimalJob, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { newId } from '../database/ids';
import { JobExecutor } from './job-executor';
import { backoffDelay, EnqueueOptions, JobHandler, JobQueue, QueueCounts } from './job-queue';

export interface BullmqQueueOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  leaseMs: number;
}

interface Envelope {
  data: unknown;
  correlationId?: string;
}

const QUEUE_NAME = 'jobs';
/** Matches the embedded driver: a job whose worker died is retried, but not forever. */
const MAX_STALLED = 3;

/**
 * Redis-backed queue for scale-out: any number of processes enqueue, any number consume. BullMQ's
 * lock plays the role of the embedded driver's lease: a job whose worker dies is moved back to
 * waiting by the stalled-job check once its lock expires.
 */
export class BullmqJobQueue extends JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;
  private readonly running = new Set<Promise<void>>();

  constructor(
    protected readonly executor: JobExecutor,
    private readonly options: BullmqQueueOptions,
  ) {
    super();
    this.inlineLimit = options.concurrency;
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection, prefix: options.prefix });
  }

  protected isConsuming(): boolean {
    return this.worker !== undefined;
  }

  register<T>(name: string, handler: JobHandler<T>): void {
    this.executor.register(name, handler as JobHandler<unknown>);
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    const id = toBullId(options.jobId ?? newId());
    const envelope: Envelope = { data, correlationId: options.correlationId };
    await this.queue.add(name, envelope, {
      jobId: id,
      delay: options.delayMs,
      attempts: options.attempts ?? 5,
      backoff: { type: 'hub', delay: options.backoffMs ?? 1000 },
      removeOnComplete: { age: 24 * 60 * 60, count: 50_000 },
      removeOnFail: { age: 7 * 24 * 60 * 60 },
    });
    return id;
  }

  async startConsuming(): Promise<void> {
    if (this.worker) return;
    // A blocking worker connection of its own; BullMQ does not close connections it was given.
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker<Envelope>(QUEUE_NAME, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency,
      lockDuration: this.options.leaseMs,
      stalledInterval: Math.max(1000, Math.floor(this.options.leaseMs / 2)),
      maxStalledCount: MAX_STALLED,
      settings: {
        backoffStrategy: (attemptsMade: number, _type?: string, _error?: Error, job?: MinimalJob) => backoffDelay(attemptsMade, baseDelay(job)),
      },
    });
    this.worker.on('error', () => undefined);
    await this.worker.waitUntilReady();
  }

  private process(job: Job<Envelope>): Promise<void> {
    const run = this.execute(job);
    this.running.add(run);
    return run.finally(() => this.running.delete(run));
  }

  private async execute(job: Job<Envelope>): Promise<void> {
    try {
      await this.executor.execute({
        id: job.id ?? '',
        name: job.name,
        data: job.data.data,
        attempt: job.attemptsMade + 1,
        correlationId: job.data.correlationId ?? job.id ?? '',
      });
    } catch (error) {
      if ((error as { retryable?: unknown })?.retryable === false) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }

  async stop(timeoutMs: number): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      // Take no new jobs, give running ones the grace period, then close. A forced close stops
      // renewing the locks of unfinished jobs; the stalled-job check of a live worker moves them
      // back to waiting once their lock (HUB_JOB_LEASE_MS) expires.
      await worker.pause(true);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      const outcome = await Promise.race([Promise.allSettled([...this.running, this.drainInline()]), timedOut]);
      clearTimeout(timer);
      await worker.close(outcome === 'timeout');
    }
    await this.queue.close();
    await this.workerConnection?.quit().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }

  async counts(): Promise<QueueCounts> {
    const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed');
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      delayed: counts.delayed ?? 0,
      active: counts.active ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
    };
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }
}

function baseDelay(job: MinimalJob | undefined): number {
  const backoff = job?.opts.backoff;
  return typeof backoff === 'object' && backoff.delay !== undefined ? backoff.delay : 1000;
}

/** BullMQ reserves ':' in keys; map it so callers can use any stable id. */
function toBullId(id: string): string {
  return id.replace(/:/g, '_');
}
