import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { hubContext } from '../context/request-context';
import { newId } from '../database/ids';
import { JobQueue } from '../jobs/job-queue';
import type { PaymentEvent } from '../plugins/sdk';
import { HubScheduler } from '../scheduler/scheduler.service';
import { PaymentEventRow, PaymentEventStatus } from './payment-event.entity';

export const APPLY_PAYMENT_EVENT_JOB = 'payments.apply-event';
/** Applies every stored `received` event of one account, oldest first. */
export const DRAIN_PAYMENT_EVENTS_JOB = 'payments.drain-account';
/**
 * Deliveries are applied in small windows: the first event of a window schedules one drain job
 * for the window's end, the rest of the window rides along. Under a burst that is one job per
 * account per window instead of one per event (the queue's own writes were most of the cost),
 * at the price of up to one window of extra latency.
 */
const DRAIN_WINDOW_MS = 50;
const SWEEP_EVERY_MS = 60_000;
const STUCK_AFTER_MS = 2 * 60_000;
const SWEEP_WINDOW_MS = 5 * 60_000;

export interface IntakeResult {
  received: number;
  duplicates: number;
  ignored: number;
}

/**
 * Stores verified provider events once each (the unique provider event key turns a repeated
 * delivery into a no-op) and queues the ones that have an effect. The row is written before the
 * job: a lost enqueue is found again by the sweeper, never lost.
 */
@Injectable()
export class PaymentEventIntake implements OnModuleInit {
  private readonly logger = new Logger('PaymentEvents');
  private readonly scheduled = new Set<string>();

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly scheduler: HubScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.every('payments.sweep-events', SWEEP_EVERY_MS, () => this.sweep());
  }

  async record(provider: string, accountId: string, events: PaymentEvent[], source: 'webhook' | 'reconcile'): Promise<IntakeResult> {
    const result: IntakeResult = { received: 0, duplicates: 0, ignored: 0 };
    for (const event of events) {
      const status = initialStatus(event);
      const now = new Date();
      // One statement, no unit of work and no exception for a repeat: this is the hot path of every provider
      // delivery. The row is the record of the delivery (rejected deliveries and applied effects get audit
      // entries of their own); the unique (provider, provider event id) key makes a repeat insert nothing.
      const inserted = await this.orm.em.getConnection().execute<{ affectedRows: number }>(
        `insert into hub_payment_event (id, created_at, updated_at, provider, account_id, provider_event_id, provider_event_type, type, provider_payment_id, status, source, event, received_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (provider, provider_event_id) do nothing`,
        [
          newId(),
          now,
          now,
          provider,
          accountId,
          event.providerEventId.slice(0, 255),
          event.providerEventType?.slice(0, 200) ?? null,
          event.type,
          event.providerPaymentId?.slice(0, 200) ?? null,
          status,
          source,
          JSON.stringify({ ...event, raw: undefined }),
          now,
        ],
        'run',
      );
      if (inserted.affectedRows === 0) {
        result.duplicates += 1;
        continue;
      }
      if (status !== 'received') {
        result.ignored += 1;
        continue;
      }
      result.received += 1;
      this.scheduleDrain(accountId);
    }
    return result;
  }

  /** Not awaited by the caller: the stored row is already durable, and the sweeper queues rows whose drain was lost. */
  scheduleDrain(accountId: string): void {
    const window = Math.floor(Date.now() / DRAIN_WINDOW_MS);
    const key = `${accountId}:${window}`;
    if (this.scheduled.has(key)) return;
    this.scheduled.add(key);
    setTimeout(() => this.scheduled.delete(key), DRAIN_WINDOW_MS * 4).unref();
    // The job runs after the window closed, so it sees every event this process stored in it.
    const delayMs = (window + 1) * DRAIN_WINDOW_MS - Date.now() + 5;
    void this.jobs
      .enqueue(DRAIN_PAYMENT_EVENTS_JOB, { accountId }, { jobId: `payment-drain:${key}`, delayMs, attempts: 12, backoffMs: 2_000, correlationId: hubContext.correlationId() })
      .catch((error: unknown) => this.logger.warn({ err: error, paymentAccountId: accountId }, 'Scheduling payment events failed; the sweeper will retry'));
  }

  async enqueue(rowId: string, jobId: string): Promise<void> {
    await this.jobs
      .enqueue(APPLY_PAYMENT_EVENT_JOB, { eventId: rowId }, { jobId, attempts: 12, backoffMs: 2_000, correlationId: hubContext.correlationId() })
      .catch((error: unknown) => this.logger.warn({ err: error, eventId: rowId }, 'Queueing a payment event failed; the sweeper will retry'));
  }

  /**
   * Re-queues events still `received` a while after they arrived: their enqueue was lost (crash,
   * Redis down) or their retries ran out while a provider API was down. One extra job per event
   * per window, so a long outage does not pile up jobs; applying twice is harmless (claimed row).
   */
  private async sweep(): Promise<void> {
    const stale = await this.orm.em.fork().find(PaymentEventRow, { status: 'received', receivedAt: { $lt: new Date(Date.now() - STUCK_AFTER_MS) } }, { orderBy: { id: 'asc' }, limit: 200, fields: ['id'] });
    const window = Math.floor(Date.now() / SWEEP_WINDOW_MS);
    for (const row of stale) await this.enqueue(row.id, `payment-event:${row.id}:sweep:${window}`);
  }
}

/** Events with nothing to do are final at once; the rest wait for the queue. */
function initialStatus(event: PaymentEvent): PaymentEventStatus {
  if (event.type === 'ignored') return 'ignored';
  if (event.type === 'payment.pending' && !event.captureRequired) return 'recorded';
  return 'received';
}
