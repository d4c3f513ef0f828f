import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Emit } from '../events/events.service';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import type { PaymentEvent } from '../plugins/sdk';
import { PaymentAlias } from './payment-alias.entity';
import { PaymentCheckout } from './payment-checkout.entity';
import { decidePayment } from './payment-decision';
import { withRefundsAddedUp } from './refund-ledger';
import type { PaymentEventRow, PaymentEventStatus } from './payment-event.entity';
import { DEFAULT_PAYMENT_POLICY, PaymentPolicy, ProductPaymentPolicy } from './product-payment-policy.entity';

export interface ApplyOutcome {
  status: PaymentEventStatus;
  detail: Record<string, unknown>;
}

/**
 * Turns one verified, confirmed provider event into its effect on the order, inside the caller's
 * transaction: paid / partially paid (tolerance, wait or review) / failed / refunded through
 * OrdersService (which emits payment.succeeded|failed|refunded for the workflows), and
 * `payment.review_required` for underpayments a human must look at.
 */
@Injectable()
export class PaymentEventApplier {
  constructor(
    private readonly orders: OrdersService,
    private readonly audit: AuditService,
  ) {}

  async apply(unit: { em: EntityManager; emit: Emit }, row: PaymentEventRow, reported: PaymentEvent, orderId: string, checkoutId: string | null): Promise<ApplyOutcome> {
    const { em } = unit;
    const order = await this.orders.get(orderId, em);
    const policy = await policyOf(em, order);
    // A refund reported alone (no running total from the provider) counts with the order's other refunds.
    const event = await withRefundsAddedUp(em, row, reported, order.id);
    const decision = decidePayment(event, order, policy);
    const checkout = checkoutId ? await em.findOne(PaymentCheckout, { id: checkoutId }) : null;
    const base = { provider: row.provider, providerPaymentId: event.providerPaymentId };
    await this.audit.record({ action: 'payment.event.applied', target: { type: 'order', id: order.id }, details: { eventId: row.id, providerEventId: row.providerEventId, type: event.type, decision: decision.action } }, em);
    switch (decision.action) {
      case 'paid': {
        await this.rememberAliases(em, row.provider, event, order);
        const { changed } = await this.orders.applyProviderPayment(unit, order.id, { ...base, status: 'paid', amountPaidMinor: decision.amountPaidMinor, extra: decision.extra });
        if (checkout) {
          checkout.status = 'paid';
          if (event.providerSubscriptionId) checkout.providerSubscriptionId = event.providerSubscriptionId;
          if (event.providerPaymentId !== checkout.providerPaymentId) checkout.latestPaymentId = event.providerPaymentId;
          // The payment that paid a recurring checkout's own order: a repeat of it is not a renewal (see the processor).
          if (changed && checkout.recurring && checkout.order.id === order.id && event.providerPaymentId !== checkout.providerPaymentId) checkout.details = { ...(checkout.details ?? {}), initialPaymentId: event.providerPaymentId };
        }
        return { status: 'applied', detail: { decision: 'paid', changed, ...decision.extra } };
      }
      case 'partial': {
        await this.rememberAliases(em, row.provider, event, order);
        const { changed } = await this.orders.applyProviderPayment(unit, order.id, { ...base, status: 'partially_paid', amountPaidMinor: decision.amountPaidMinor, reason: decision.review ?? 'waiting for a top-up', extra: decision.extra });
        if (checkout && changed) {
          checkout.status = 'partially_paid';
          if (event.providerPaymentId !== checkout.providerPaymentId) checkout.latestPaymentId = event.providerPaymentId;
        }
        if (!decision.review || !changed) return { status: 'applied', detail: { decision: 'partial', changed, waiting: !decision.review, ...decision.extra } };
        return this.review(unit, row, event, order, decision.review, { amountMinor: decision.amountPaidMinor, ...decision.extra });
      }
      case 'review':
        // Nothing moves: a person decides (mark-paid, or a refund at the provider).
        return this.review(unit, row, event, order, decision.reason, decision.extra);
      case 'attempt_failed':
        // One declined card or one expired crypto payment: the checkout stays open for the buyer's next try, and reconciliation keeps watching it.
        await this.audit.record({ action: 'payment.attempt_failed', outcome: 'failure', target: { type: 'order', id: order.id }, details: { ...base, reason: decision.reason, orderStatus: order.status } }, em);
        return { status: 'applied', detail: { decision: 'attempt_failed', changed: false, reason: decision.reason } };
      case 'failed': {
        const { changed } = await this.orders.applyProviderPayment(unit, order.id, { ...base, status: 'failed', reason: decision.reason });
        if (checkout && changed) checkout.status = 'failed';
        return { status: 'applied', detail: { decision: 'failed', changed, reason: decision.reason } };
      }
      case 'refunded':
      case 'partially_refunded': {
        // The refunded payment's other ids (reconciliation names them): a later refund or dispute webhook naming one finds this order.
        await this.rememberAliases(em, row.provider, event, order);
        const { changed, order: after } = await this.orders.applyProviderPayment(unit, order.id, { ...base, status: decision.action, reason: decision.reason, amountRefundedMinor: decision.amountRefundedMinor });
        // A refund settles the checkout (reconciliation stops reading it), whether or not the hub had seen it paid.
        if (checkout && changed && decision.action === 'refunded') checkout.status = 'refunded';
        const beforePaid = after.status !== 'refunded' && decision.action === 'refunded';
        const refund = event.refund ? { refundId: event.refund.id, refundMinor: event.refund.amountMinor } : {};
        return { status: 'applied', detail: { decision: beforePaid ? 'refunded_before_paid' : decision.action, changed, reason: decision.reason, amountRefundedMinor: after.amountRefundedMinor ?? null, ...refund } };
      }
      case 'cancel_subscription':
        // Auto-renewal stopped at the provider: the line keeps running until its paid expiry (the expiry workflow ends it).
        if (checkout) checkout.details = { ...(checkout.details ?? {}), recurringEndedAt: new Date().toISOString(), recurringEndReason: decision.reason };
        await this.audit.record({ action: 'payment.subscription.ended_at_provider', target: { type: 'order', id: order.id }, details: { reason: decision.reason, providerSubscriptionId: event.providerSubscriptionId ?? null } }, em);
        return { status: 'applied', detail: { decision: 'recurring_ended', reason: decision.reason } };
      default:
        return { status: 'applied', detail: { decision: 'none', reason: decision.reason } };
    }
  }

  /**
   * Flags a payment event for a person: `payment.review_required` (an alert event) and a failure
   * audit entry; the event row gets status `review`. `order` is null for a refund or dispute that
   * matches no order (money left the account and the hub cannot tell for which line).
   */
  async review(unit: { em: EntityManager; emit: Emit }, row: PaymentEventRow, event: PaymentEvent, order: Order | null, reason: string, extra: Record<string, unknown> = {}): Promise<ApplyOutcome> {
    const { em, emit } = unit;
    emit({
      type: 'payment.review_required',
      payload: {
        orderId: order?.id ?? null,
        customerId: order?.customer.id ?? null,
        productId: order?.product.id ?? null,
        subscriptionId: order?.subscription?.id ?? null,
        provider: row.provider,
        providerPaymentId: event.providerPaymentId,
        providerEventId: row.providerEventId,
        eventType: event.type,
        amountMinor: event.amountMinor ?? null,
        currency: order?.currency ?? event.currency ?? null,
        reason,
        ...extra,
      },
      subject: order ? { type: 'order', id: order.id } : { type: 'payment_event', id: row.id },
    });
    await this.audit.record({ action: 'payment.review_required', outcome: 'failure', target: order ? { type: 'order', id: order.id } : { type: 'payment_event', id: row.id }, details: { reason, provider: row.provider, providerEventId: row.providerEventId, type: event.type, ...extra } }, em);
    return { status: 'review', detail: { decision: 'review', reason, ...extra } };
  }

  /** The provider's other ids of a payment that paid this order (see PaymentAlias); one payment belongs to one order. */
  private async rememberAliases(em: EntityManager, provider: string, event: PaymentEvent, order: Order): Promise<void> {
    const aliases = [...new Set((event.paymentAliases ?? []).filter((alias) => typeof alias === 'string' && alias.length > 0 && alias.length <= 200 && alias !== event.providerPaymentId))];
    if (aliases.length === 0) return;
    const known = new Set((await em.find(PaymentAlias, { provider, alias: { $in: aliases } }, { fields: ['alias'] })).map((row) => row.alias));
    for (const alias of aliases) if (!known.has(alias)) em.persist(em.create(PaymentAlias, { provider, alias, order }));
  }
}

async function policyOf(em: EntityManager, order: Order): Promise<PaymentPolicy> {
  const policy = await em.findOne(ProductPaymentPolicy, { product: order.product.id });
  return policy ? { tolerancePercent: policy.tolerancePercent, underpayment: policy.underpayment } : DEFAULT_PAYMENT_POLICY;
}
