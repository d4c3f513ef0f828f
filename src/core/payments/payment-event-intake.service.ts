import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { hubContext } from '../context/request-context';
import { JobQueue } from '../jobs/job-queue';
import type { PaymentEvent } from '../plugins/sdk';
import { HubScheduler } from '../scheduler/scheduler.service';
import { PaymentEventRow, PaymentEventStatus } from './payment-event.entity';

export const APPLY_PAYMENT_EVENT_JOB = 'payments.apply-event';
const SWEEP_AFTER_MS = 30_000;

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

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly scheduler: HubScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.every('payments.sweep-events', SWEEP_AFTER_MS, () => this.sweep());
  }

  async record(provider: string, accountId: string, events: PaymentEvent[], source: 'webhook' | 'reconcile'): Promise<IntakeResult> {
    const result: IntakeResult = { received: 0, duplicates: 0, ignored: 0 };
    for (const event of events) {
      const status = initialStatus(event);
      const em = this.orm.em.fork();
      const row = em.create(PaymentEventRow, {
        provider,
        accountId,
        providerEventId: event.providerEventId.slice(0, 255),
        providerEventType: event.providerEventType?.slice(0, 200) ?? null,
        type: event.type,
        providerPaymentId: event.providerPaymentId?.slice(0, 200) ?? null,
        status,
        source,
        event: { ...event, raw: undefined },
        receivedAt: new Date(),
      });
      em.persist(row);
      await this.audit.record({ action: `payment.event.${status === 'received' ? 'received' : status}`, target: { type: 'payment_event', id: row.id }, details: { provider, accountId, source, type: event.type, providerEventId: event.providerEventId, providerEventType: event.providerEventType, providerPaymentId: event.providerPaymentId } }, em);
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          result.duplicates += 1;
          continue;
        }
        throw error;
      }
      if (status === 'received') {
        result.received += 1;
        await this.enqueue(row.id);
      } else {
        result.ignored += 1;
      }
    }
    return result;
  }

  async enqueue(rowId: string): Promise<void> {
    await this.jobs
      .enqueue(APPLY_PAYMENT_EVENT_JOB, { eventId: rowId }, { jobId: `payment-event:${rowId}`, attempts: 12, backoffMs: 2_000, correlationId: hubContext.correlationId() })
      .catch((error: unknown) => this.logger.warn({ err: error, eventId: rowId }, 'Queueing a payment event failed; the sweeper will retry'));
  }

  /** Re-queues events stuck in `received` (their enqueue was lost, or their retries ran out while a provider was down). */
  private async sweep(): Promise<void> {
    const stale = await this.orm.em.fork().find(PaymentEventRow, { status: 'received', receivedAt: { $lt: new Date(Date.now() - SWEEP_AFTER_MS) } }, { orderBy: { id: 'asc' }, limit: 200, fields: ['id'] });
    for (const row of stale) await this.enqueue(row.id);
  }
}

/** Events with nothing to do are final at once; the rest wait for the queue. */
function initialStatus(event: PaymentEvent): PaymentEventStatus {
  if (event.type === 'ignored') return 'ignored';
  if (event.type === 'payment.pending' && !event.captureRequired) return 'recorded';
  return 'received';
}
