import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ConflictError, HubError, UnprocessableError } from '../common/errors';
import { EventsService } from '../events/events.service';
import { OrdersService } from '../orders/orders.service';
import { isPluginError, PluginError } from '../plugins/sdk';
import { CreateCheckoutDto } from './checkout.dto';
import { PaymentCheckout } from './payment-checkout.entity';
import { PaymentClientsService } from './payment-clients.service';

/**
 * `POST /orders/{id}/checkout`: opens the provider's checkout (Stripe Checkout Session, PayPal
 * order, crypto invoice…) for a pending order and records it with the order. One checkout per
 * order and account: asking again returns the first (the provider is asked with a stable
 * idempotency key too, so a lost answer does not make a second invoice).
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly em: EntityManager,
    private readonly orders: OrdersService,
    private readonly clients: PaymentClientsService,
    private readonly events: EventsService,
  ) {}

  async open(orderId: string, input: CreateCheckoutDto, publicUrl: string): Promise<PaymentCheckout> {
    const order = await this.orders.get(orderId);
    const existing = await this.em.findOne(PaymentCheckout, { order: order.id, account: input.paymentAccountId }, { populate: ['order', 'account'] });
    if (existing) return existing;
    if (order.status !== 'pending') throw new ConflictError('ORDER_NOT_PENDING', `A ${order.status} order cannot be checked out`);
    const { account, client } = await this.clients.forAccount(input.paymentAccountId).catch((error: unknown) => {
      if (error instanceof HubError && error.status === 404) throw new UnprocessableError('PAYMENT_ACCOUNT_NOT_FOUND', `Payment account ${input.paymentAccountId} does not exist`, [{ field: 'paymentAccountId', message: 'no such payment account', code: 'PAYMENT_ACCOUNT_NOT_FOUND' }]);
      throw error;
    });
    if (!account.enabled) throw new ConflictError('PAYMENT_ACCOUNT_DISABLED', `Payment account ${account.id} is disabled`);
    if (!client.createCheckout) throw new UnprocessableError('CHECKOUT_NOT_SUPPORTED', `${account.type} accounts cannot open checkouts`);
    const product = order.product;
    const recurring = input.recurring ? { interval: product.durationUnit === 'months' ? ('month' as const) : ('day' as const), count: product.durationUnit === 'hours' ? 1 : product.durationValue } : undefined;
    let result;
    try {
      result = await client.createCheckout({
        orderId: order.id,
        amountMinor: order.amountMinor,
        currency: order.currency,
        description: product.name,
        customer: { id: order.customer.id, email: order.customer.email, name: order.customer.name ?? null },
        successUrl: input.successUrl,
        cancelUrl: input.cancelUrl,
        idempotencyKey: `checkout:${order.id}:${account.id}`,
        webhookUrl: `${publicUrl.replace(/\/$/, '')}/hooks/payments/${account.type}/${account.id}`,
        recurring,
        metadata: { hub_customer_id: order.customer.id, hub_product_id: product.id },
      });
    } catch (error) {
      if (isPluginError(error)) throw providerProblem(error as PluginError, account.id);
      throw error;
    }
    try {
      return await this.events.transaction(async (em, emit) => {
        const checkout = em.create(PaymentCheckout, {
          order: order.id,
          account: account.id,
          provider: account.type,
          providerPaymentId: result.providerPaymentId,
          redirectUrl: result.redirectUrl ?? null,
          expiresAt: result.expiresAt ? new Date(result.expiresAt) : null,
          recurring: recurring !== undefined,
          details: result.raw && typeof result.raw === 'object' ? (result.raw as Record<string, unknown>) : null,
        });
        em.persist(checkout);
        await this.orders.applyProviderPayment({ em, emit }, order.id, { provider: account.type, providerPaymentId: result.providerPaymentId, status: 'pending' });
        return checkout;
      });
    } catch (error) {
      // Two concurrent checkouts of one order with one account: the first one stands.
      if (error instanceof UniqueConstraintViolationException) {
        const first = await this.em.fork().findOne(PaymentCheckout, { order: order.id, account: account.id }, { populate: ['order', 'account'] });
        if (first) return first;
      }
      throw error;
    }
  }

  async list(orderId: string): Promise<PaymentCheckout[]> {
    await this.orders.get(orderId);
    return this.em.find(PaymentCheckout, { order: orderId }, { orderBy: { id: 'asc' }, populate: ['order', 'account'] });
  }
}

function providerProblem(error: PluginError, accountId: string): HubError {
  const status = error.code === 'INVALID_INPUT' ? 422 : error.retryable ? 503 : 502;
  return new HubError(status, `PAYMENT_PROVIDER_${error.code}`, 'Payment provider error', error.message, { paymentAccountId: accountId, retryable: error.retryable, hint: error.hint, providerMessage: error.providerMessage ?? null });
}
