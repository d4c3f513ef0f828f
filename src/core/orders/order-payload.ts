import type { Order } from './order.entity';

/** A payment provider's verdict on an order (see `applyProviderPayment`). */
export interface ProviderPaymentChange {
  provider: string;
  providerPaymentId?: string;
  status: 'pending' | 'paid' | 'partially_paid' | 'failed' | 'refunded' | 'partially_refunded';
  amountPaidMinor?: number;
  /** `refunded` / `partially_refunded`: the total refunded so far (default: all that was paid). */
  amountRefundedMinor?: number;
  reason?: string;
  /** Added to the payment event's payload and the audit entry (e.g. `overpaid`). */
  extra?: Record<string, unknown>;
}

export function orderPayload(order: Order): Record<string, unknown> {
  return {
    id: order.id,
    kind: order.kind,
    status: order.status,
    provider: order.provider,
    providerPaymentId: order.providerPaymentId ?? null,
    amountMinor: order.amountMinor,
    amountRefundedMinor: order.amountRefundedMinor ?? null,
    currency: order.currency,
    customerId: order.customer.id,
    productId: order.product.id,
    subscriptionId: order.subscription?.id ?? null,
  };
}
