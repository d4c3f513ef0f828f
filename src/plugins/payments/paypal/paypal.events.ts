import { decimalToMinor, isDecimalString, PaymentEvent, PaymentRefund } from '../../../core/plugins/sdk';

/** A PayPal webhook event (`/v1/notifications/webhooks-events` shape). */
export interface PayPalEventWire {
  id: string;
  create_time: string;
  event_type: string;
  resource_type?: string;
  resource: Record<string, any>;
}

/**
 * PayPal event types → hub events (payments.md B.2, B.12). `CHECKOUT.ORDER.APPROVED` asks the hub
 * to capture; the money is only there at `PAYMENT.CAPTURE.COMPLETED`. Dedupe key: the event id (`WH-…`).
 *
 * Subscriptions: every payment of one, the first included, is a `PAYMENT.SALE.COMPLETED` naming
 * the subscription in `billing_agreement_id` (B.12: `subscription.renewed`). The webhook cannot
 * tell the first sale from a renewal; the hub can — a "renewal" that meets the still unpaid order
 * that opened the subscription pays that order (`payment.succeeded`). `BILLING.SUBSCRIPTION.ACTIVATED`
 * (started) moves no money and is recorded only. The order id is the subscription's `custom_id`,
 * which sales carry as `custom_id` or (v1 sale resource) `custom`: both are read.
 */
export function mapPayPalEvent(event: PayPalEventWire): PaymentEvent {
  const resource = event.resource ?? {};
  const related = resource.supplementary_data?.related_ids ?? {};
  const base = { providerEventId: event.id, providerEventType: event.event_type, occurredAt: new Date(event.create_time).toISOString() };
  const money = amountOf(resource);
  switch (event.event_type) {
    case 'CHECKOUT.ORDER.APPROVED': {
      const unit = resource.purchase_units?.[0] ?? {};
      return { ...base, type: 'payment.pending', captureRequired: true, providerPaymentId: resource.id, orderId: unit.custom_id ?? undefined, ...amountOf(unit) };
    }
    case 'PAYMENT.CAPTURE.COMPLETED':
      return { ...base, type: 'payment.succeeded', providerPaymentId: related.order_id ?? resource.id, orderId: resource.custom_id ?? undefined, ...money };
    case 'PAYMENT.CAPTURE.PENDING':
      return { ...base, type: 'payment.pending', providerPaymentId: related.order_id ?? resource.id, orderId: resource.custom_id ?? undefined, ...money };
    case 'PAYMENT.CAPTURE.DECLINED':
    case 'PAYMENT.CAPTURE.DENIED':
      return { ...base, type: 'payment.failed', providerPaymentId: related.order_id ?? resource.id, orderId: resource.custom_id ?? undefined, reason: event.event_type.split('.').pop()?.toLowerCase(), ...money };
    case 'PAYMENT.CAPTURE.REFUNDED':
    case 'PAYMENT.CAPTURE.REVERSED':
      return { ...base, type: 'payment.refunded', providerPaymentId: related.order_id ?? resource.id, orderId: resource.custom_id ?? undefined, reason: event.event_type === 'PAYMENT.CAPTURE.REVERSED' ? 'reversed (chargeback)' : 'refunded', ...refundedSoFar(resource, money) };
    case 'PAYMENT.SALE.COMPLETED': {
      const subscriptionId = stringOr(resource.billing_agreement_id);
      // A sale outside any subscription (legacy v1 payments) is a plain payment.
      return { ...base, type: subscriptionId ? 'subscription.renewed' : 'payment.succeeded', providerPaymentId: resource.id, providerSubscriptionId: subscriptionId, orderId: saleOrder(resource), ...money };
    }
    case 'PAYMENT.SALE.PENDING':
      return { ...base, type: 'payment.pending', providerPaymentId: resource.id, providerSubscriptionId: stringOr(resource.billing_agreement_id), orderId: saleOrder(resource), reason: resource.reason_code ?? undefined, ...money };
    case 'PAYMENT.SALE.REFUNDED':
    case 'PAYMENT.SALE.REVERSED':
      // REFUNDED carries a refund (its sale in `sale_id`); REVERSED the sale itself.
      return { ...base, type: 'payment.refunded', providerPaymentId: resource.sale_id ?? resource.id, providerSubscriptionId: stringOr(resource.billing_agreement_id), orderId: saleOrder(resource), reason: event.event_type === 'PAYMENT.SALE.REVERSED' ? 'reversed (chargeback)' : 'refunded', ...refundedSoFar(resource, money) };
    case 'BILLING.SUBSCRIPTION.ACTIVATED':
      return { ...base, type: 'payment.pending', providerPaymentId: resource.id, providerSubscriptionId: resource.id, orderId: resource.custom_id ?? undefined, reason: 'subscription activated', ...amountOf(resource.billing_info?.last_payment ?? {}) };
    case 'BILLING.SUBSCRIPTION.PAYMENT.FAILED':
      return { ...base, type: 'payment.failed', providerPaymentId: resource.id, providerSubscriptionId: resource.id, orderId: resource.custom_id ?? undefined, reason: 'subscription payment failed', ...amountOf(resource.billing_info?.last_failed_payment ?? {}) };
    case 'BILLING.SUBSCRIPTION.CANCELLED':
    case 'BILLING.SUBSCRIPTION.EXPIRED':
    case 'BILLING.SUBSCRIPTION.SUSPENDED':
      // SUSPENDED (after failed retries, or by the merchant) stops renewals like a cancellation; the hub line runs to its paid expiry either way.
      return { ...base, type: 'subscription.cancelled', providerPaymentId: resource.id, providerSubscriptionId: resource.id, orderId: resource.custom_id ?? undefined, reason: event.event_type.split('.').pop()?.toLowerCase() };
    default:
      return { ...base, type: 'ignored', providerPaymentId: typeof resource.id === 'string' ? resource.id : event.id };
  }
}

/** `amount: {currency_code, value}` (v2) or `amount: {currency, total}` (v1 sales). */
function amountOf(resource: Record<string, any>): { amountMinor?: number; currency?: string } {
  const amount = resource.amount ?? {};
  const currency = amount.currency_code ?? amount.currency;
  const value = amount.value ?? amount.total;
  if (typeof currency !== 'string' || !isDecimalString(value)) return {};
  return { amountMinor: decimalToMinor(value, currency), currency: currency.toUpperCase() };
}

/**
 * A refund's `amount` is that refund alone; the hub wants the total refunded so far (a second
 * partial refund may complete it): v2 refunds carry it as `seller_payable_breakdown.total_refunded_amount`,
 * v1 sale refunds as `total_refunded_amount`, but not always. Without it, the refund's own amount.
 * Either way the refund is named by its id (the refund resource's `id`; a REVERSED sale: the
 * sale's), so the hub can add up refunds that come one by one and count a repeat once.
 */
function refundedSoFar(resource: Record<string, any>, money: { amountMinor?: number; currency?: string }): { amountMinor?: number; currency?: string; refund?: PaymentRefund } {
  const total = resource.seller_payable_breakdown?.total_refunded_amount ?? resource.total_refunded_amount;
  const cumulative = total && typeof total === 'object' ? amountOf({ amount: total }) : {};
  const id = stringOr(resource.id);
  const refund = id && money.amountMinor !== undefined ? { refund: { id, amountMinor: money.amountMinor } } : {};
  return { ...(cumulative.amountMinor !== undefined ? cumulative : money), ...refund };
}

/** The hub order a sale belongs to: the subscription's custom_id, as `custom_id` or (v1 sales) `custom`. */
function saleOrder(resource: Record<string, any>): string | undefined {
  return stringOr(resource.custom_id) ?? stringOr(resource.custom);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
