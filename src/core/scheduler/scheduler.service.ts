import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { hubContext, SYSTEM_ACTOR } from '../context/request-context';
import { LeaderElection } from './leader-election';

interface Task {
  name: string;
  schedule: { everyMs: number } | { cron: string };
  run: () => Promise<void>;
}

const LEASE_MS = 15_000;

/**
 * Periodic tasks (package sync, expiry scan, audit sealing, outbox sweep…) registered by modules
 * and run only by the elected leader, so N replicas never run the same schedule N times.
 */
@Injectable()
export class HubScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly tasks: Task[] = [];
  private readonly election: LeaderElection;
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private heartbeat?: NodeJS.Timeout;
  private readonly logger = new Logger('Scheduler');

  constructor(
    private readonly orm: MikroORM,
    private readonly registry: SchedulerRegistry,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {
    this.election = new LeaderElection(orm, LEASE_MS);
  }

  every(name: string, everyMs: number, run: () => Promise<void>): void {
    this.tasks.push({ name, schedule: { everyMs }, run });
  }

  cron(name: string, expression: string, run: () => Promise<void>): void {
    this.tasks.push({ name, schedule: { cron: expression }, run });
  }

  isLeader(): boolean {
    return this.election.isLeader();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'api') return;
    await this.election.heartbeat();
    this.heartbeat = setInterval(() => void this.election.heartbeat(), LEASE_MS / 3);
    this.heartbeat.unref();
    for (const task of this.tasks) {
      const tick = () => void this.tick(task);
      if ('everyMs' in task.schedule) {
        const interval = setInterval(tick, task.schedule.everyMs);
        interval.unref();
        this.registry.addInterval(task.name, interval);
      } else {
        const job = CronJob.from({ cronTime: task.schedule.cron, onTick: tick, start: true, timeZone: 'UTC' });
        this.registry.addCronJob(task.name, job as never);
      }
    }
  }

  /** Runs a task now if this process leads and the previous tick has finished. */
  async tick(task: Task): Promise<void> {
    if (this.stopping || !this.election.isLeader() || this.running.has(task.name)) return;
    const run = (async () => {
      try {
        await hubContext.run({ correlationId: `${task.name}:${Date.now()}`, actor: SYSTEM_ACTOR }, () => RequestContext.create(this.orm.em, task.run));
      } catch (error) {
        this.logger.error({ err: error, task: task.name }, `Scheduled task ${task.name} failed`);
      } finally {
        this.running.delete(task.name);
      }
    })();
    this.running.set(task.name, run);
    await run;
  }

  async beforeApplicationShutdown(): Promise<void> {
    // No new ticks, and the running ones finish before the database connection closes.
    this.stopping = true;
    clearInterval(this.heartbeat);
    for (const name of this.registry.getIntervals()) this.registry.deleteInterval(name);
    for (const name of this.registry.getCronJobs().keys()) this.registry.deleteCronJob(name);
    await Promise.allSettled(this.running.values());
    await this.election.release();
  }
}
