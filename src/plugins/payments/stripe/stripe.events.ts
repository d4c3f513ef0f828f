import type { PaymentEvent } from '../../../core/plugins/sdk';

/** The parts of a Stripe event the hub reads (API version independent). */
export interface StripeEventWire {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, any> };
}

/** Metadata key the checkout puts on the session, its PaymentIntent and its subscription. */
export const ORDER_KEY = 'hub_order_id';

/**
 * Maps a verified Stripe event to the hub's vocabulary (payments.md B.1, B.12). One delivery
 * gives exactly one event; types the hub does not act on come back as `ignored` so they are
 * recorded and deduplicated like the rest. Dedupe key: the event id (`evt_…`).
 */
export function mapStripeEvent(event: StripeEventWire): PaymentEvent {
  const object = event.data?.object ?? {};
  const base = { providerEventId: event.id, providerEventType: event.type, occurredAt: new Date(event.created * 1000).toISOString() };
  const money = (amount: unknown) => ({ amountMinor: typeof amount === 'number' ? amount : undefined, currency: typeof object.currency === 'string' ? object.currency.toUpperCase() : undefined });
  const orderOf = (metadata: unknown) => (metadata && typeof metadata === 'object' ? (metadata as Record<string, string>)[ORDER_KEY] : undefined) || undefined;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const paid = object.payment_status === 'paid' || object.payment_status === 'no_payment_required';
      return {
        ...base,
        type: paid ? 'payment.succeeded' : 'payment.pending',
        providerPaymentId: object.id,
        orderId: object.client_reference_id ?? orderOf(object.metadata),
        providerSubscriptionId: stringOrUndefined(object.subscription),
        // Refunds and disputes name the PaymentIntent (subscription-mode sessions have none: invoice.paid carries it).
        paymentAliases: aliases(object.payment_intent),
        ...money(object.amount_total),
      };
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      // The session is over (expired, or its delayed payment failed): nothing more can be paid through it.
      return { ...base, type: 'payment.failed', final: true, providerPaymentId: object.id, orderId: object.client_reference_id ?? orderOf(object.metadata), reason: event.type === 'checkout.session.expired' ? 'checkout expired' : 'payment failed', ...money(object.amount_total) };
    case 'payment_intent.succeeded':
      return { ...base, type: orderOf(object.metadata) ? 'payment.succeeded' : 'ignored', providerPaymentId: object.id, orderId: orderOf(object.metadata), paymentAliases: aliases(object.latest_charge), ...money(object.amount_received ?? object.amount) };
    case 'payment_intent.payment_failed':
      // One declined attempt: the buyer may retry in the same Checkout (not final).
      return { ...base, type: 'payment.failed', providerPaymentId: object.id, orderId: orderOf(object.metadata), reason: object.last_payment_error?.message ?? 'payment failed', ...money(object.amount) };
    case 'invoice.paid': {
      const subscription = invoiceSubscription(object);
      const type = object.billing_reason === 'subscription_cycle' ? 'subscription.renewed' : object.billing_reason === 'subscription_create' ? 'payment.succeeded' : 'ignored';
      return { ...base, type, providerPaymentId: object.id, orderId: orderOf(invoiceSubscriptionMetadata(object)) ?? orderOf(object.metadata), providerSubscriptionId: subscription, paymentAliases: invoicePayments(object), ...money(object.amount_paid) };
    }
    case 'invoice.payment_failed':
      // Stripe retries the invoice (Smart Retries): one failed attempt, not final.
      return { ...base, type: 'payment.failed', providerPaymentId: object.id, orderId: orderOf(invoiceSubscriptionMetadata(object)), providerSubscriptionId: invoiceSubscription(object), reason: 'invoice payment failed', ...money(object.amount_due) };
    case 'customer.subscription.deleted':
      return { ...base, type: 'subscription.cancelled', providerPaymentId: object.id, providerSubscriptionId: object.id, orderId: orderOf(object.metadata), reason: object.cancellation_details?.reason ?? ((event as { request?: unknown }).request ? 'cancelled on request' : 'cancelled by Stripe') };
    case 'charge.refunded':
      // amount_refunded is the charge's total refunded so far: less than the amount is a partial refund.
      return { ...base, type: 'payment.refunded', providerPaymentId: stringOrUndefined(object.payment_intent) ?? object.id, orderId: orderOf(object.metadata), reason: 'refunded', ...money(object.amount_refunded) };
    case 'charge.dispute.created':
      return { ...base, type: 'payment.refunded', providerPaymentId: stringOrUndefined(object.payment_intent) ?? stringOrUndefined(object.charge) ?? object.id, orderId: orderOf(object.metadata), reason: `dispute: ${object.reason ?? 'opened'}`, ...money(object.amount) };
    default:
      return { ...base, type: 'ignored', providerPaymentId: typeof object.id === 'string' ? object.id : event.id };
  }
}

/** The ids a refund or dispute of a payment names (PaymentIntent, charge), for the order to remember. */
function aliases(...values: unknown[]): string[] | undefined {
  const ids = values.map(stringOrUndefined).filter((value): value is string => value !== undefined);
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}

/** `invoice.payment_intent` / `invoice.charge` before API 2025-03-31, `invoice.payments.data[].payment` after. */
function invoicePayments(invoice: Record<string, any>): string[] | undefined {
  const payments: unknown[] = Array.isArray(invoice.payments?.data) ? invoice.payments.data.flatMap((entry: Record<string, any>) => [entry?.payment?.payment_intent, entry?.payment?.charge]) : [];
  return aliases(invoice.payment_intent, invoice.charge, ...payments);
}

/** `invoice.subscription` before API 2025-03-31, `invoice.parent.subscription_details.subscription` after. */
function invoiceSubscription(invoice: Record<string, any>): string | undefined {
  return stringOrUndefined(invoice.subscription) ?? stringOrUndefined(invoice.parent?.subscription_details?.subscription);
}

function invoiceSubscriptionMetadata(invoice: Record<string, any>): unknown {
  return invoice.subscription_details?.metadata ?? invoice.parent?.subscription_details?.metadata;
}

function stringOrUndefined(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return undefined;
}
