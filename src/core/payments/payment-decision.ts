import { compareDecimal, decimalRatio, PaymentEvent } from '../plugins/sdk';
import type { PaymentPolicy } from './product-payment-policy.entity';

/** What a verified provider event does to its order. */
export type PaymentDecision =
  | { action: 'paid'; amountPaidMinor: number; extra: Record<string, unknown> }
  | { action: 'partial'; amountPaidMinor: number; review: string | null; extra: Record<string, unknown> }
  | { action: 'failed'; reason: string }
  | { action: 'attempt_failed'; reason: string }
  | { action: 'refunded'; reason: string; amountRefundedMinor?: number }
  | { action: 'partially_refunded'; reason: string; amountRefundedMinor: number }
  | { action: 'review'; reason: string; extra: Record<string, unknown> }
  | { action: 'cancel_subscription'; reason: string }
  | { action: 'none'; reason: string };

export interface OrderFacts {
  amountMinor: number;
  currency: string;
  status?: string;
  amountPaidMinor?: number | null;
  amountRefundedMinor?: number | null;
}

/**
 * Money rules (payments.md C.1, issue #5 §4): an overpayment still succeeds, flagged `overpaid`;
 * a shortfall within the product's tolerance counts as paid; beyond it the order waits for a
 * top-up (policy `wait`, until the provider says the payment is final) or goes to review. A paid
 * amount below the price, or in another currency, is a mismatch for review too — crypto payments
 * included: their confirmed fiat price must be the order's (an invoice anyone made for a cent
 * that names the order pays nothing). A "paid" for an order refunded before it was seen paid
 * goes to review. A failure without `final` is one failed attempt (the buyer may still pay); a
 * refund of less than was paid is partial.
 */
export function decidePayment(event: PaymentEvent, order: OrderFacts, policy: PaymentPolicy): PaymentDecision {
  switch (event.type) {
    case 'payment.succeeded':
    case 'subscription.renewed':
    case 'payment.partial':
    case 'payment.partially_paid': {
      const refundedFirst = refundedBeforePaid(order);
      if (refundedFirst) return { action: 'review', reason: `paid after a refund of ${refundedFirst} (minor units) was recorded for the unpaid order`, extra: { amountRefundedMinor: refundedFirst, amountMinor: event.amountMinor ?? null } };
      return event.type === 'payment.succeeded' || event.type === 'subscription.renewed' ? decidePaid(event, order, policy) : decidePartial(event, order, policy);
    }
    case 'payment.failed':
      if (event.final !== true) return { action: 'attempt_failed', reason: event.reason ?? 'payment attempt failed' };
      return { action: 'failed', reason: event.reason ?? 'payment failed' };
    case 'payment.refunded':
      return decideRefund(event, order);
    case 'subscription.cancelled':
      return { action: 'cancel_subscription', reason: event.reason ?? 'cancelled at the provider' };
    default:
      return { action: 'none', reason: `${event.type} changes nothing` };
  }
}

function decidePaid(event: PaymentEvent, order: OrderFacts, policy: PaymentPolicy): PaymentDecision {
  if (!sameCurrency(event, order)) {
    return { action: 'partial', amountPaidMinor: 0, review: `paid in ${event.currency}, the order is in ${order.currency}`, extra: {} };
  }
  const paid = event.amountMinor ?? order.amountMinor;
  if (paid < order.amountMinor) return shortfall(event, order, policy, paid / order.amountMinor);
  return { action: 'paid', amountPaidMinor: Math.max(paid, order.amountMinor), extra: { overpaid: event.overpaid === true || paid > order.amountMinor } };
}

function decidePartial(event: PaymentEvent, order: OrderFacts, policy: PaymentPolicy): PaymentDecision {
  if (!sameCurrency(event, order)) {
    return { action: 'partial', amountPaidMinor: 0, review: `priced in ${event.currency}, the order is in ${order.currency}`, extra: {} };
  }
  // A crypto shortfall is measured in the coin; the invoice's fiat price must still be the order's.
  if (event.crypto && event.amountMinor !== undefined && event.amountMinor < order.amountMinor) return shortfall(event, order, policy, event.amountMinor / order.amountMinor);
  const ratio = event.crypto ? decimalRatio(event.crypto.paid, event.crypto.expected) : (event.amountMinor ?? 0) / order.amountMinor;
  const over = event.crypto ? compareDecimal(event.crypto.paid, event.crypto.expected) > 0 : ratio > 1;
  if (ratio >= 1) return { action: 'paid', amountPaidMinor: order.amountMinor, extra: { overpaid: over } };
  return shortfall(event, order, policy, ratio);
}

/** `amountMinor` of a refund is the total refunded so far; less than was paid (same currency) is a partial refund. */
function decideRefund(event: PaymentEvent, order: OrderFacts): PaymentDecision {
  const reason = event.reason ?? 'refunded';
  const refunded = event.amountMinor;
  if (refunded === undefined || !sameCurrency(event, order)) return { action: 'refunded', reason };
  const paid = order.status === 'paid' || order.status === 'partially_paid' ? (order.amountPaidMinor ?? order.amountMinor) : order.amountMinor;
  if (refunded > 0 && refunded < paid) return { action: 'partially_refunded', reason, amountRefundedMinor: refunded };
  return { action: 'refunded', reason, amountRefundedMinor: refunded };
}

/** The event names no currency, or the order's (case aside). */
function sameCurrency(event: PaymentEvent, order: OrderFacts): boolean {
  return !event.currency || event.currency.toUpperCase() === order.currency.toUpperCase();
}

function refundedBeforePaid(order: OrderFacts): number | null {
  const unpaid = order.status === undefined || order.status === 'pending' || order.status === 'failed' || order.status === 'partially_paid';
  return unpaid && order.amountRefundedMinor ? order.amountRefundedMinor : null;
}

function shortfall(event: PaymentEvent, order: OrderFacts, policy: PaymentPolicy, ratio: number): PaymentDecision {
  const shortPercent = Math.round((1 - ratio) * 100_000) / 1000;
  const amountPaidMinor = Math.floor(order.amountMinor * Math.max(0, ratio));
  const extra = { underpaid: true, shortfallPercent: shortPercent, crypto: event.crypto ?? null };
  if (shortPercent <= policy.tolerancePercent) return { action: 'paid', amountPaidMinor: order.amountMinor, extra: { ...extra, acceptedWithinTolerance: true } };
  const waiting = policy.underpayment === 'wait' && event.final !== true;
  return { action: 'partial', amountPaidMinor, review: waiting ? null : `underpaid by ${shortPercent}% (tolerance ${policy.tolerancePercent}%)`, extra };
}
