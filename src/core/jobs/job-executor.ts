import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import { hubContext, SYSTEM_ACTOR } from '../context/request-context';
import { jobDuration, jobsFinished } from '../metrics/hub-metrics';
import type { JobContext, JobHandler } from './job-queue';

/**
 * Runs one delivery of a job the same way for both drivers: with a fresh entity-manager context,
 * the job's correlation id in the async context, and metrics.
 */
export class JobExecutor {
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly logger = new Logger('Jobs');

  constructor(private readonly orm: MikroORM) {}

  register(name: string, handler: JobHandler<unknown>): void {
    if (this.handlers.has(name)) throw new Error(`A handler for job "${name}" is already registered`);
    this.handlers.set(name, handler);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }

  async execute(job: JobContext): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler registered for job "${job.name}"`);
    const stopTimer = jobDuration.startTimer({ name: job.name });
    try {
      await hubContext.run({ correlationId: job.correlationId, actor: SYSTEM_ACTOR }, () =>
        RequestContext.create(this.orm.em, () => handler(job)),
      );
      jobsFinished.inc({ name: job.name, outcome: 'completed' });
    } catch (error) {
      jobsFinished.inc({ name: job.name, outcome: 'error' });
      this.logger.warn({ job: job.name, jobId: job.id, attempt: job.attempt, correlationId: job.correlationId, err: error }, `Job ${job.name} attempt ${job.attempt} failed`);
      throw error;
    } finally {
      stopTimer();
    }
  }
}
