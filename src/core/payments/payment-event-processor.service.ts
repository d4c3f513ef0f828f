import { MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { HubError } from '../common/errors';
import { EventsService } from '../events/events.service';
import { yieldToRequests } from '../http/request-pressure';
import { JobQueue } from '../jobs/job-queue';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { isPluginError, PaymentEvent, PaymentStatus } from '../plugins/sdk';
import { PaymentClientsService } from './payment-clients.service';
import { PaymentEventApplier } from './payment-event-applier.service';
import { APPLY_PAYMENT_EVENT_JOB, DRAIN_PAYMENT_EVENTS_JOB } from './payment-event-intake.service';
import { PaymentEventRow, PaymentEventStatus } from './payment-event.entity';
import { FoundOrder, findOrderForEvent } from './payment-order-finder';

const DRAIN_PARALLELISM = 8;
/**
 * While requests pour in (a provider's burst), applying stored events steps aside for up to this
 * long after they arrived, so the process answers the burst in milliseconds; older events are
 * applied at once whatever the load, so steady traffic cannot starve them.
 */
const MAX_DEFER_MS = 10_000;
const BUSY_REQUESTS_PER_SECOND = 100;

/** What the provider's API must say before an unsigned-in-time event may take effect. */
const CONFIRMS: Partial<Record<PaymentEvent['type'], PaymentStatus['status'][]>> = {
  'payment.succeeded': ['paid'],
  'payment.partial': ['partially_paid', 'paid'],
  'payment.partially_paid': ['partially_paid', 'paid'],
  'payment.refunded': ['refunded'],
};

/**
 * Works through stored provider events on the durable queue: confirms them with the provider's
 * API where the signature carries no timestamp, captures approved PayPal orders, finds the order
 * and applies the event in one transaction with its `received → applied` move. Provider outages
 * throw, so the job is retried with backoff (and the sweeper re-queues it after the retries).
 */
@Injectable()
export class PaymentEventProcessor implements OnModuleInit {
  private readonly logger = new Logger('PaymentEvents');
  private readonly draining = new Map<string, { again: boolean }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly clients: PaymentClientsService,
    private readonly orders: OrdersService,
    private readonly events: EventsService,
    private readonly applier: PaymentEventApplier,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ eventId: string }>(APPLY_PAYMENT_EVENT_JOB, (job) => this.process(job.data.eventId));
    this.jobs.register<{ accountId: string }>(DRAIN_PAYMENT_EVENTS_JOB, (job) => this.drain(job.data.accountId));
  }

  /**
   * Applies an account's received events oldest first. One failing event (its provider's API is
   * down) does not hold the others back; the job fails at the end so the queue retries what is left.
   */
  async drain(accountId: string): Promise<void> {
    // One drain per account per process: a drain job arriving while one runs asks it to go round once more.
    const running = this.draining.get(accountId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.draining.set(accountId, state);
    try {
      do {
        state.again = false;
        await this.drainOnce(accountId);
      } while (state.again);
    } finally {
      this.draining.delete(accountId);
    }
  }

  private async drainOnce(accountId: string): Promise<void> {
    let after = '';
    let failures = 0;
    let firstError: unknown;
    for (;;) {
      const rows = await this.orm.em.fork().find(PaymentEventRow, { accountId, status: 'received', id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: 100, fields: ['id', 'receivedAt'] });
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      // A few at a time: events of one order are serialised by the order row lock, others need no order.
      for (let i = 0; i < rows.length; i += DRAIN_PARALLELISM) {
        const waitedMs = Date.now() - rows[i].receivedAt.getTime();
        if (waitedMs < MAX_DEFER_MS) await yieldToRequests(BUSY_REQUESTS_PER_SECOND, Math.min(1_000, MAX_DEFER_MS - waitedMs));
        const outcomes = await Promise.allSettled(rows.slice(i, i + DRAIN_PARALLELISM).map((row) => this.process(row.id)));
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') continue;
          failures += 1;
          firstError ??= outcome.reason;
        }
      }
    }
    if (failures > 0) {
      this.logger.warn({ err: firstError, paymentAccountId: accountId, failures }, 'Some payment events could not be applied yet; retrying');
      throw firstError;
    }
  }

  async process(eventId: string): Promise<void> {
    const em = this.orm.em.fork();
    const row = await em.findOne(PaymentEventRow, { id: eventId });
    if (!row || row.status !== 'received') return;
    const { client } = await this.clients.forWebhook(row.accountId);
    let event: PaymentEvent = row.event;

    if (event.captureRequired && client.capture) {
      const captured = await client.capture(event.providerPaymentId, `capture:${event.providerPaymentId}`);
      await this.finish(row, 'applied', { captured: captured.status });
      return;
    }

    if (event.confirmWithProvider && row.source === 'webhook' && client.getPayment) {
      const status = await client.getPayment(event.providerPaymentId);
      const accepted = CONFIRMS[event.type];
      if (!status || (accepted && !accepted.includes(status.status))) {
        await this.finish(row, 'rejected', { reason: 'the provider API does not confirm the webhook', apiStatus: status?.status ?? null });
        await this.audit.record({ action: 'payment.event.unconfirmed', outcome: 'denied', target: { type: 'payment_event', id: row.id }, details: { provider: row.provider, providerEventId: row.providerEventId, type: event.type, apiStatus: status?.status ?? null } });
        return;
      }
      // The API's view is authoritative: amounts and flags come from it.
      event = { ...event, amountMinor: status.amountMinor ?? event.amountMinor, currency: status.currency ?? event.currency, crypto: status.crypto ?? event.crypto, overpaid: status.overpaid ?? event.overpaid, orderId: event.orderId ?? status.orderId };
    }

    const found = await findOrderForEvent(em, row.provider, row.accountId, event);
    if (!found) {
      this.logger.warn({ provider: row.provider, providerEventId: row.providerEventId }, 'A payment event matches no order');
      // Money left the account (refund, dispute) and the hub cannot tell which line it paid for: a person must look.
      if (event.type === 'payment.refunded') await this.flag(row, event, null, 'a refund or dispute matches no order');
      else await this.finish(row, 'unmatched', { reason: 'no order matches the event' });
      return;
    }
    let target = found.order;
    if (event.type === 'subscription.renewed' && isInitialPayment(found, event)) {
      // Providers that report every payment of a subscription alike (PayPal PAYMENT.SALE.COMPLETED) send the first one as a
      // "renewal" too: the one that meets the still unpaid order that opened the subscription pays that order.
      event = { ...event, type: 'payment.succeeded' };
    } else if (event.type === 'subscription.renewed') {
      if (!found.order.subscription) {
        await this.finish(row, 'unmatched', { reason: 'the renewed provider subscription has no hub subscription yet', orderId: found.order.id });
        return;
      }
      // The renewal is an order of its own (unique per provider payment id, so a repeat finds it).
      try {
        target = await this.orders.create({ customerId: found.order.customer.id, productId: found.order.product.id, kind: 'renewal', subscriptionId: found.order.subscription.id, provider: row.provider, providerPaymentId: event.providerPaymentId, amountMinor: event.amountMinor, currency: event.currency ?? found.order.currency });
      } catch (error) {
        // A final answer (the subscription was cancelled, …) would fail the same way on every retry: the money is there, a person decides.
        if (!(error instanceof HubError) || error.status >= 500) throw error;
        await this.flag(row, event, found.order, `renewal payment not applied: ${error.message}`, { code: error.code, subscriptionId: found.order.subscription.id });
        return;
      }
      target = await this.orders.get(target.id, em);
    }
    try {
      await this.events.transaction(async (tx, emit) => {
        // Two events of one payment (Stripe's session and PaymentIntent) may be applied at once: the order row is
        // locked (PostgreSQL; SQLite serialises writers) so the second one sees the first one's outcome.
        await this.orders.lockForChange(tx, target.id);
        const claimed = await tx.nativeUpdate(PaymentEventRow, { id: row.id, status: 'received' }, { status: 'applied', appliedAt: new Date(), orderId: target.id });
        if (claimed === 0) return;
        const outcome = await this.applier.apply({ em: tx, emit }, row, event, target.id, found.checkout?.id ?? null);
        if (outcome.status !== 'applied') await tx.nativeUpdate(PaymentEventRow, { id: row.id }, { status: outcome.status, detail: outcome.detail });
        else await tx.nativeUpdate(PaymentEventRow, { id: row.id }, { detail: outcome.detail });
      });
    } catch (error) {
      if (isPluginError(error)) this.logger.warn({ err: error, eventId }, 'Applying a payment event failed; retrying');
      throw error;
    }
  }

  /** Claims the event and sends it to review (payment.review_required, audit) in one transaction. */
  private async flag(row: PaymentEventRow, event: PaymentEvent, order: Order | null, reason: string, extra: Record<string, unknown> = {}): Promise<void> {
    await this.events.transaction(async (tx, emit) => {
      const claimed = await tx.nativeUpdate(PaymentEventRow, { id: row.id, status: 'received' }, { status: 'review', appliedAt: new Date(), orderId: order?.id ?? null });
      if (claimed === 0) return;
      const outcome = await this.applier.review({ em: tx, emit }, row, event, order, reason, extra);
      await tx.nativeUpdate(PaymentEventRow, { id: row.id }, { detail: outcome.detail });
    });
  }

  private async finish(row: PaymentEventRow, status: PaymentEventStatus, detail: Record<string, unknown>): Promise<void> {
    await this.orm.em.fork().nativeUpdate(PaymentEventRow, { id: row.id, status: 'received' }, { status, detail, appliedAt: new Date() });
  }
}

/**
 * Whether a `subscription.renewed` is really the subscription's first payment: the order that
 * opened it is still unpaid (pending, partially paid or failed), or it was paid by this very provider payment (a late or reconciled
 * repeat of the first payment must not become a renewal).
 */
function isInitialPayment(found: FoundOrder, event: PaymentEvent): boolean {
  const { order, checkout } = found;
  if (!checkout || checkout.order.id !== order.id || !checkout.recurring) return false;
  // A failed first attempt (PayPal BILLING.SUBSCRIPTION.PAYMENT.FAILED) leaves the order unpaid: its retry is still the first payment.
  if (order.status === 'pending' || order.status === 'partially_paid' || order.status === 'failed') return true;
  return checkout.details?.initialPaymentId === event.providerPaymentId;
}
