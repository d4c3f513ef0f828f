import { compareDecimal, decimalRatio, PaymentEvent } from '../plugins/sdk';
import type { PaymentPolicy } from './product-payment-policy.entity';

/** What a verified provider event does to its order. */
export type PaymentDecision =
  | { action: 'paid'; amountPaidMinor: number; extra: Record<string, unknown> }
  | { action: 'partial'; amountPaidMinor: number; review: string | null; extra: Record<string, unknown> }
  | { action: 'failed'; reason: string }
  | { action: 'refunded'; reason: string }
  | { action: 'cancel_subscription'; reason: string }
  | { action: 'none'; reason: string };

export interface OrderFacts {
  amountMinor: number;
  currency: string;
}

/**
 * Money rules (payments.md C.1, issue #5 §4): an overpayment still succeeds, flagged `overpaid`;
 * a shortfall within the product's tolerance counts as paid; beyond it the order waits for a
 * top-up (policy `wait`, until the provider says the payment is final) or goes to review. A paid
 * fiat amount below the price, or in another currency, is a mismatch for review too.
 */
export function decidePayment(event: PaymentEvent, order: OrderFacts, policy: PaymentPolicy): PaymentDecision {
  switch (event.type) {
    case 'payment.succeeded':
    case 'subscription.renewed': {
      if (event.currency && event.currency.toUpperCase() !== order.currency.toUpperCase()) {
        return { action: 'partial', amountPaidMinor: 0, review: `paid in ${event.currency}, the order is in ${order.currency}`, extra: {} };
      }
      const paid = event.amountMinor ?? order.amountMinor;
      if (paid < order.amountMinor && !event.crypto) return shortfall(event, order, policy, paid / order.amountMinor);
      return { action: 'paid', amountPaidMinor: Math.max(paid, order.amountMinor), extra: { overpaid: event.overpaid === true || paid > order.amountMinor } };
    }
    case 'payment.partial':
    case 'payment.partially_paid': {
      const ratio = event.crypto ? decimalRatio(event.crypto.paid, event.crypto.expected) : (event.amountMinor ?? 0) / order.amountMinor;
      const over = event.crypto ? compareDecimal(event.crypto.paid, event.crypto.expected) > 0 : ratio > 1;
      if (ratio >= 1) return { action: 'paid', amountPaidMinor: order.amountMinor, extra: { overpaid: over } };
      return shortfall(event, order, policy, ratio);
    }
    case 'payment.failed':
      return { action: 'failed', reason: event.reason ?? 'payment failed' };
    case 'payment.refunded':
      return { action: 'refunded', reason: event.reason ?? 'refunded' };
    case 'subscription.cancelled':
      return { action: 'cancel_subscription', reason: event.reason ?? 'cancelled at the provider' };
    default:
      return { action: 'none', reason: `${event.type} changes nothing` };
  }
}

function shortfall(event: PaymentEvent, order: OrderFacts, policy: PaymentPolicy, ratio: number): PaymentDecision {
  const shortPercent = Math.round((1 - ratio) * 100_000) / 1000;
  const amountPaidMinor = Math.floor(order.amountMinor * Math.max(0, ratio));
  const extra = { underpaid: true, shortfallPercent: shortPercent, crypto: event.crypto ?? null };
  if (shortPercent <= policy.tolerancePercent) return { action: 'paid', amountPaidMinor: order.amountMinor, extra: { ...extra, acceptedWithinTolerance: true } };
  const waiting = policy.underpayment === 'wait' && event.final !== true;
  return { action: 'partial', amountPaidMinor, review: waiting ? null : `underpaid by ${shortPercent}% (tolerance ${policy.tolerancePercent}%)`, extra };
}
