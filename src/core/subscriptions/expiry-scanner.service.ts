import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { EventsService } from '../events/events.service';
import { HubScheduler } from '../scheduler/scheduler.service';
import { LifecycleConfig, loadLifecycleConfig } from './lifecycle-config';
import { subscriptionEventPayload } from './subscription-payload';
import { Subscription } from './subscription.entity';
import { SubscriptionsService } from './subscriptions.service';

export interface ScanReport {
  expiring: number;
  expired: number;
}

/**
 * Finds subscriptions whose paid period is about to end (`subscription.expiring`, once per expiry)
 * or has ended (grace starts, `subscription.expired`). Runs on the scheduler leader only, in
 * batches, each batch one transaction, so a crash mid-scan leaves the rest for the next tick.
 */
@Injectable()
export class ExpiryScanner implements OnModuleInit {
  private readonly logger = new Logger('ExpiryScanner');
  private readonly config: LifecycleConfig;

  constructor(
    private readonly orm: MikroORM,
    private readonly events: EventsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly scheduler: HubScheduler,
    @Inject(HUB_CONFIG) hubConfig: HubConfig,
  ) {
    this.config = loadLifecycleConfig(hubConfig.env);
  }

  onModuleInit(): void {
    this.scheduler.every('subscriptions.expiry-scan', this.config.scanIntervalMs, async () => {
      const report = await this.scan();
      if (report.expired + report.expiring > 0) this.logger.log(`Expiry scan: ${report.expired} expired, ${report.expiring} expiring`);
    });
  }

  async scan(now = new Date()): Promise<ScanReport> {
    const report: ScanReport = { expiring: 0, expired: 0 };
    for (;;) {
      const [seen, done] = await this.events.transaction(async (em, emit) => {
        const due = await em.find(Subscription, { status: 'active', expiresAt: { $lte: now } }, { orderBy: { expiresAt: 'asc', id: 'asc' }, limit: this.config.batchSize });
        let expired = 0;
        for (const { id } of due) {
          // Read afresh and locked: a renewal that committed since the select moved the expiry,
          // and must not be answered with grace (and, after it, a disabled line).
          const row = await this.subscriptions.get(id, em, { lock: true, product: false });
          if (!isExpired(row, now)) continue;
          await this.subscriptions.enterGrace({ em, emit }, id, { reason: 'expired' });
          expired += 1;
        }
        return [due.length, expired] as const;
      });
      report.expired += done;
      // A row skipped above no longer matches the select, so the next batch does not meet it again.
      if (seen < this.config.batchSize) break;
    }
    const horizon = new Date(now.getTime() + this.config.expiringDays * 86_400_000);
    for (;;) {
      const [seen, done] = await this.events.transaction(async (em, emit) => {
        const soon = await em.find(
          Subscription,
          { status: 'active', expiresAt: { $gt: now, $lte: horizon }, $or: [{ expiringNotifiedFor: null }, { expiringNotifiedFor: { $lt: now } }] },
          { orderBy: { expiresAt: 'asc', id: 'asc' }, limit: this.config.batchSize },
        );
        let notified = 0;
        for (const { id } of soon) {
          // Read afresh and locked: another scanner (a former leader still finishing its tick) may
          // have announced this expiry meanwhile, or a renewal moved it; either way not again now.
          const row = await this.subscriptions.get(id, em, { lock: true, product: false });
          if (!isExpiringSoon(row, now, horizon)) continue;
          row.expiringNotifiedFor = row.expiresAt;
          const daysLeft = Math.max(0, Math.ceil(((row.expiresAt as Date).getTime() - now.getTime()) / 86_400_000));
          emit({ type: 'subscription.expiring', payload: subscriptionEventPayload(row, { daysLeft }), subject: { type: 'subscription', id: row.id } });
          notified += 1;
        }
        return [soon.length, notified] as const;
      });
      report.expiring += done;
      if (seen < this.config.batchSize) break;
    }
    return report;
  }
}

/** The select of the first pass, on a row read afresh. */
function isExpired(row: Subscription, now: Date): boolean {
  return row.status === 'active' && !!row.expiresAt && row.expiresAt.getTime() <= now.getTime();
}

/** The select of the second pass, on a row read afresh. */
function isExpiringSoon(row: Subscription, now: Date, horizon: Date): boolean {
  const expiresAt = row.expiresAt?.getTime();
  if (row.status !== 'active' || expiresAt === undefined || expiresAt <= now.getTime() || expiresAt > horizon.getTime()) return false;
  return !row.expiringNotifiedFor || row.expiringNotifiedFor.getTime() < now.getTime();
}
