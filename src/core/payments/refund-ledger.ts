import { EntityManager } from '@mikro-orm/core';
import type { PaymentEvent } from '../plugins/sdk';
import { PaymentEventRow } from './payment-event.entity';

/**
 * How much of an order's payment is refunded, for providers that report each refund alone
 * (`PaymentEvent.refund`, e.g. PayPal refunds without `total_refunded_amount`): the distinct
 * refunds seen for the order, each provider refund id counted once whatever the number of
 * deliveries or reconciliation reads that named it, added up. A running total the provider
 * gives (`amountMinor`) wins when it is larger: it also counts refunds whose events the hub
 * never got. Only refunds in the event's currency are added.
 */
export function refundedTotal(event: PaymentEvent, earlier: PaymentEvent[]): number | undefined {
  if (!event.refund) return event.amountMinor;
  const currency = event.currency?.toUpperCase();
  const byId = new Map<string, number>();
  for (const seen of [...earlier, event]) {
    const refund = seen.refund;
    if (!refund || typeof refund.id !== 'string' || !Number.isSafeInteger(refund.amountMinor) || refund.amountMinor <= 0) continue;
    if (seen.currency?.toUpperCase() !== currency) continue;
    byId.set(refund.id, Math.max(byId.get(refund.id) ?? 0, refund.amountMinor));
  }
  let sum = 0;
  for (const amount of byId.values()) sum += amount;
  return Math.max(sum, event.amountMinor ?? 0);
}

/**
 * The refund event with `amountMinor` set to the order's refunded total (see `refundedTotal`).
 * The ledger is the order's applied refund events of this provider (table `hub_payment_event`,
 * each keeping its `refund`): no state of its own. Call it inside the transaction that holds the
 * order's row lock, so two refunds of one order applied at once see each other.
 */
export async function withRefundsAddedUp(em: EntityManager, row: Pick<PaymentEventRow, 'id' | 'provider'>, event: PaymentEvent, orderId: string): Promise<PaymentEvent> {
  if (event.type !== 'payment.refunded' || !event.refund) return event;
  const rows = await em.find(PaymentEventRow, { orderId, provider: row.provider, type: 'payment.refunded', status: 'applied', id: { $ne: row.id } }, { fields: ['event'] });
  return { ...event, amountMinor: refundedTotal(event, rows.map((earlier) => earlier.event)) };
}
