import { EntityManager } from '@mikro-orm/core';
import { Order } from '../orders/order.entity';
import type { PaymentEvent } from '../plugins/sdk';
import { PaymentAlias } from './payment-alias.entity';
import { PaymentCheckout } from './payment-checkout.entity';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FoundOrder {
  order: Order;
  checkout: PaymentCheckout | null;
}

/**
 * The order a provider event is about: the hub order id the checkout put in the provider's
 * metadata, else the checkout by provider payment id, else an order created with that payment
 * id. A refund looks first for the order paid by exactly that payment, by its id or by an alias
 * (PaymentAlias). For renewals and cancellations the order found is the one that started the
 * provider's subscription.
 */
export async function findOrderForEvent(em: EntityManager, provider: string, accountId: string, event: PaymentEvent): Promise<FoundOrder | null> {
  const checkoutOf = async (order: Order) => em.findOne(PaymentCheckout, { order, account: accountId });
  if (event.type === 'payment.refunded') {
    // A refunded renewal is its own order, while the metadata (PayPal's custom_id on every sale) names the order that started the subscription.
    const exact = await em.findOne(Order, { provider, providerPaymentId: event.providerPaymentId }, { populate: ['product', 'customer'] });
    if (exact) return { order: exact, checkout: await checkoutOf(exact) };
    // Refunds and disputes name the payment by an id the order does not hold (Stripe: the PaymentIntent behind a session or invoice).
    const alias = await em.findOne(PaymentAlias, { provider, alias: event.providerPaymentId }, { populate: ['order', 'order.product', 'order.customer'] });
    if (alias) return { order: alias.order, checkout: await checkoutOf(alias.order) };
  }
  if (event.orderId && ID.test(event.orderId)) {
    const order = await em.findOne(Order, { id: event.orderId }, { populate: ['product', 'customer'] });
    if (order) return { order, checkout: await checkoutOf(order) };
  }
  if (event.providerSubscriptionId && (event.type === 'subscription.renewed' || event.type === 'subscription.cancelled')) {
    // The subscription is the checkout itself where the provider's checkout is the subscription (PayPal `I-…`).
    const checkout = await em.findOne(PaymentCheckout, { provider, $or: [{ providerSubscriptionId: event.providerSubscriptionId }, { providerPaymentId: event.providerSubscriptionId }] }, { populate: ['order', 'order.product', 'order.customer'] });
    if (checkout) return { order: checkout.order, checkout };
  }
  const byPayment = await em.findOne(PaymentCheckout, { provider, $or: [{ providerPaymentId: event.providerPaymentId }, { latestPaymentId: event.providerPaymentId }] }, { populate: ['order', 'order.product', 'order.customer'] });
  if (byPayment) return { order: byPayment.order, checkout: byPayment };
  const order = await em.findOne(Order, { provider, providerPaymentId: event.providerPaymentId }, { populate: ['product', 'customer'] });
  return order ? { order, checkout: await checkoutOf(order) } : null;
}
