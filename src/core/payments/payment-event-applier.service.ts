import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Emit } from '../events/events.service';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import type { PaymentEvent } from '../plugins/sdk';
import { PaymentCheckout } from './payment-checkout.entity';
import { decidePayment } from './payment-decision';
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

  async apply(unit: { em: EntityManager; emit: Emit }, row: PaymentEventRow, event: PaymentEvent, orderId: string, checkoutId: string | null): Promise<ApplyOutcome> {
    const { em, emit } = unit;
    const order = await this.orders.get(orderId, em);
    const policy = await policyOf(em, order);
    const decision = decidePayment(event, order, policy);
    const checkout = checkoutId ? await em.findOne(PaymentCheckout, { id: checkoutId }) : null;
    const base = { provider: row.provider, providerPaymentId: event.providerPaymentId };
    await this.audit.record({ action: 'payment.event.applied', target: { type: 'order', id: order.id }, details: { eventId: row.id, providerEventId: row.providerEventId, type: event.type, decision: decision.action } }, em);
    switch (decision.action) {
      case 'paid': {
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
        const { changed } = await this.orders.applyProviderPayment(unit, order.id, { ...base, status: 'partially_paid', amountPaidMinor: decision.amountPaidMinor, reason: decision.review ?? 'waiting for a top-up', extra: decision.extra });
        if (checkout && changed) {
          checkout.status = 'partially_paid';
          if (event.providerPaymentId !== checkout.providerPaymentId) checkout.latestPaymentId = event.providerPaymentId;
        }
        if (!decision.review || !changed) return { status: 'applied', detail: { decision: 'partial', changed, waiting: !decision.review, ...decision.extra } };
        emit({
          type: 'payment.review_required',
          payload: { orderId: order.id, customerId: order.customer.id, productId: order.product.id, subscriptionId: order.subscription?.id ?? null, provider: row.provider, providerPaymentId: event.providerPaymentId, amountMinor: decision.amountPaidMinor, currency: order.currency, reason: decision.review, ...decision.extra },
          subject: { type: 'order', id: order.id },
        });
        await this.audit.record({ action: 'payment.review_required', outcome: 'failure', target: { type: 'order', id: order.id }, details: { reason: decision.review, ...decision.extra } }, em);
        return { status: 'review', detail: { decision: 'review', reason: decision.review, ...decision.extra } };
      }
      case 'failed':
      case 'refunded': {
        const { changed } = await this.orders.applyProviderPayment(unit, order.id, { ...base, status: decision.action, reason: decision.reason });
        if (checkout && changed) checkout.status = decision.action;
        return { status: 'applied', detail: { decision: decision.action, changed, reason: decision.reason } };
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
}

async function policyOf(em: EntityManager, order: Order): Promise<PaymentPolicy> {
  const policy = await em.findOne(ProductPaymentPolicy, { product: order.product.id });
  return policy ? { tolerancePercent: policy.tolerancePercent, underpayment: policy.underpayment } : DEFAULT_PAYMENT_POLICY;
}
