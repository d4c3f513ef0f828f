import { MikroORM } from '@mikro-orm/core';
import { BeforeApplicationShutdown, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { setQueueDepthSource } from '../metrics/hub-metrics';
import { BullmqJobQueue } from './bullmq-job-queue';
import { EmbeddedJobQueue } from './embedded-job-queue';
import { JobExecutor } from './job-executor';
import { JobQueue } from './job-queue';

function createJobQueue(config: HubConfig, orm: MikroORM): JobQueue {
  const executor = new JobExecutor(orm);
  if (config.jobs.driver === 'bullmq') {
    return new BullmqJobQueue(executor, {
      redisUrl: config.redisUrl as string,
      prefix: config.jobs.queuePrefix,
      concurrency: config.jobs.concurrency,
      leaseMs: config.jobs.leaseMs,
    });
  }
  return new EmbeddedJobQueue(orm, executor, {
    concurrency: config.jobs.concurrency,
    leaseMs: config.jobs.leaseMs,
    pollIntervalMs: config.jobs.pollIntervalMs,
    dialect: config.database.dialect,
  });
}

/** Starts consuming once every module has registered its handlers; hands work back on shutdown. */
@Injectable()
class JobQueueLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly queue: JobQueue,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    setQueueDepthSource(async () => ({ ...(await this.queue.counts()) }));
    if (this.config.role === 'api') return;
    await this.queue.startConsuming();
    this.logger.log(`Consuming jobs with the ${this.queue.driver} driver (concurrency ${this.config.jobs.concurrency})`);
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (this.config.role !== 'api') this.logger.log(`Shutting down${signal ? ` on ${signal}` : ''}: letting running jobs finish for up to ${this.config.shutdownTimeoutMs} ms`);
    await this.queue.stop(this.config.shutdownTimeoutMs);
  }
}

@Global()
@Module({
  providers: [{ provide: JobQueue, inject: [HUB_CONFIG, MikroORM], useFactory: createJobQueue }, JobQueueLifecycle],
  exports: [JobQueue],
})
export class JobsModule {}
