import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { HubScheduler } from '../scheduler/scheduler.service';
import { WebhookAttempt } from './webhook-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';

const BATCH = 1000;

/** Keeps the delivery log bounded: finished deliveries older than the retention go, with their attempts. */
@Injectable()
export class WebhookRetentionService implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly scheduler: HubScheduler,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.every('webhooks.purge-log', 60 * 60 * 1000, async () => {
      while ((await this.purge()) === BATCH);
    });
  }

  /** Deletes one batch; returns how many deliveries went. */
  async purge(now = Date.now()): Promise<number> {
    const em = this.orm.em.fork();
    const cutoff = new Date(now - this.config.webhooks.logRetentionDays * 24 * 60 * 60 * 1000);
    const old = await em.find(WebhookDelivery, { status: { $in: ['delivered', 'failed'] }, createdAt: { $lt: cutoff } }, { fields: ['id'], limit: BATCH, orderBy: { id: 'asc' } });
    if (old.length === 0) return 0;
    const ids = old.map((row) => row.id);
    // Attempts first: SQLite enforces the cascade only when foreign keys are on.
    await em.nativeDelete(WebhookAttempt, { delivery: { $in: ids } });
    await em.nativeDelete(WebhookDelivery, { id: { $in: ids } });
    return ids.length;
  }
}
