import { EntityManager, FilterQuery, UniqueConstraintViolationException, wrap } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { Customer } from '../customers/customer.entity';
import { insertedInTransaction, loadManaged } from '../database/managed-rows';
import { Emit, EventsService } from '../events/events.service';
import { Product } from '../products/product.entity';
import { subscriptionEventPayload, subscriptionPayload } from '../subscriptions/subscription-payload';
import { Subscription } from '../subscriptions/subscription.entity';
import { CreateOrderDto, MarkPaidDto, OrderQueryDto } from './order.dto';
import { Order, OrderKind } from './order.entity';
import { orderPayload, ProviderPaymentChange } from './order-payload';

export type { ProviderPaymentChange } from './order-payload';

/**
 * Orders (SPEC §4.5). Paying an order is the event the lifecycle hangs on: `payment.succeeded`
 * starts the purchase, renewal or upgrade workflow. Manual payments are marked paid through the
 * API, so the whole lifecycle works before (and without) a payment provider.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateOrderDto): Promise<Order> {
    const provider = input.provider ?? 'manual';
    const kind = input.kind ?? 'new';
    if (input.providerPaymentId) {
      const existing = await this.em.findOne(Order, { provider, providerPaymentId: input.providerPaymentId });
      if (existing) return sameOrder(existing, input, kind);
    }
    const customer = await this.em.findOne(Customer, { id: input.customerId });
    if (!customer) throw new UnprocessableError('CUSTOMER_NOT_FOUND', `Customer ${input.customerId} does not exist`, [{ field: 'customerId', message: 'no such customer', code: 'CUSTOMER_NOT_FOUND' }]);
    const product = await this.em.findOne(Product, { id: input.productId });
    if (!product) throw new UnprocessableError('PRODUCT_NOT_FOUND', `Product ${input.productId} does not exist`, [{ field: 'productId', message: 'no such product', code: 'PRODUCT_NOT_FOUND' }]);
    // A deactivated product is no longer sold; its existing subscriptions still renew.
    if (!product.active && kind !== 'renewal') throw new UnprocessableError('PRODUCT_INACTIVE', `Product ${product.id} is not sold any more (active: false)`, [{ field: 'productId', message: 'the product is inactive', code: 'PRODUCT_INACTIVE' }]);
    const currency = input.currency ?? product.currency;
    // The product's price is in the product's currency: an order in another one says what it costs.
    if (input.amountMinor === undefined && currency !== product.currency) {
      throw new UnprocessableError('AMOUNT_REQUIRED', `The product is priced in ${product.currency}: an order in ${currency} needs amountMinor`, [{ field: 'amountMinor', message: `required when currency differs from the product's (${product.currency})`, code: 'AMOUNT_REQUIRED' }]);
    }
    let subscription: Subscription | null = null;
    if (kind !== 'new') {
      if (!input.subscriptionId) throw new UnprocessableError('SUBSCRIPTION_REQUIRED', `A ${kind} order needs subscriptionId`, [{ field: 'subscriptionId', message: `required for ${kind} orders`, code: 'required' }]);
      subscription = await this.em.findOne(Subscription, { id: input.subscriptionId }, { populate: ['product'] });
      if (!subscription || subscription.customer.id !== customer.id) {
        throw new UnprocessableError('SUBSCRIPTION_NOT_FOUND', `Subscription ${input.subscriptionId} does not exist for this customer`, [{ field: 'subscriptionId', message: 'no such subscription for this customer', code: 'SUBSCRIPTION_NOT_FOUND' }]);
      }
      if (subscription.status === 'cancelled') throw new ConflictError('SUBSCRIPTION_CANCELLED', 'A cancelled subscription cannot be renewed or upgraded; sell a new one');
      checkChangeOf(subscription, product, kind);
    } else if (input.subscriptionId) {
      throw new UnprocessableError('SUBSCRIPTION_NOT_ALLOWED', 'A new order creates its subscription; omit subscriptionId', [{ field: 'subscriptionId', message: 'not allowed for new orders', code: 'not_allowed' }]);
    }
    try {
      return await this.events.transaction(async (em, emit) => {
        const order = em.create(Order, {
          provider,
          providerPaymentId: input.providerPaymentId ?? null,
          kind,
          customer,
          product,
          subscription,
          amountMinor: input.amountMinor ?? product.priceMinor,
          currency,
          metadata: input.metadata ?? null,
        });
        em.persist(order);
        await this.audit.record({ action: 'order.create', target: { type: 'order', id: order.id }, details: { kind, provider, productId: product.id, customerId: customer.id, subscriptionId: subscription?.id } }, em);
        emit({ type: 'order.created', payload: { orderId: order.id, customerId: customer.id, productId: product.id, kind, amountMinor: order.amountMinor, currency: order.currency, order: orderPayload(order) }, subject: { type: 'order', id: order.id } });
        return order;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && input.providerPaymentId) {
        const existing = await this.em.fork().findOne(Order, { provider, providerPaymentId: input.providerPaymentId });
        if (existing) return sameOrder(existing, input, kind);
      }
      throw error;
    }
  }

  async list(query: OrderQueryDto, limit: number): Promise<Page<Order>> {
    const where: FilterQuery<Order> = { status: query.status, customer: query.customerId, subscription: query.subscriptionId };
    const before = decodeCursor(query.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.em.find(Order, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  async get(id: string, em: EntityManager = this.em): Promise<Order> {
    const order = await loadManaged<Order>(em, Order, id, { populate: ['product', 'customer'] });
    if (!order) throw new NotFoundError('Order', id);
    return order;
  }

  /**
   * Loads an order to change it inside the caller's transaction, holding its row lock until that
   * transaction ends (PostgreSQL `SELECT … FOR UPDATE`; SQLite serialises writers). Every status
   * change goes through here — manual mark-paid/failed/refunded and provider outcomes alike — so
   * two concurrent changes of one order never both see it `pending` (one payment.succeeded, one
   * subscription, one provisioning run).
   */
  async lockForChange(em: EntityManager, id: string): Promise<Order> {
    const order = await loadManaged<Order>(em, Order, id, { refresh: true, lock: true, populate: ['product', 'customer'] });
    if (!order) throw new NotFoundError('Order', id);
    return order;
  }

  /** A repeated mark-paid (or provider delivery) of a paid order is a no-op. */
  async markPaid(id: string, input: MarkPaidDto = {}): Promise<Order> {
    try {
      return await this.events.transaction(async (em, emit) => {
        const order = await this.lockForChange(em, id);
        if (order.status === 'paid') return order;
        if (order.status === 'refunded') throw new ConflictError('ORDER_REFUNDED', 'A refunded order cannot be paid again');
        // The same manual part payment again (its reference is the one recorded): a repeat, not a second transfer.
        if (order.status === 'partially_paid' && order.provider === 'manual' && input.amountMinor !== undefined && input.providerPaymentId !== undefined && input.providerPaymentId === order.providerPaymentId) return order;
        if (input.providerPaymentId) order.providerPaymentId = input.providerPaymentId;
        const paid = input.amountMinor ?? order.amountMinor;
        order.amountPaidMinor = (order.status === 'partially_paid' ? order.amountPaidMinor ?? 0 : 0) + paid;
        if (order.amountPaidMinor < order.amountMinor) {
          order.status = 'partially_paid';
          await this.audit.record({ action: 'order.partially_paid', target: { type: 'order', id }, details: { amountPaidMinor: order.amountPaidMinor, amountMinor: order.amountMinor, reason: input.reason } }, em);
          return order;
        }
        order.status = 'paid';
        order.paidAt = new Date();
        if (order.kind === 'new' && !order.subscription) order.subscription = this.newSubscription(em, emit, order);
        await this.audit.record({ action: 'order.mark_paid', target: { type: 'order', id }, details: { provider: order.provider, providerPaymentId: order.providerPaymentId, amountPaidMinor: order.amountPaidMinor, reason: input.reason } }, em);
        await this.paymentEvent(em, emit, 'payment.succeeded', order);
        return order;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError('PAYMENT_ID_IN_USE', 'Another order already has this provider payment id');
      throw error;
    }
  }

  async markFailed(id: string, reason: string): Promise<Order> {
    return this.events.transaction(async (em, emit) => {
      const order = await this.lockForChange(em, id);
      if (order.status === 'failed') return order;
      if (order.status !== 'pending' && order.status !== 'partially_paid') throw new ConflictError('ORDER_NOT_PENDING', `A ${order.status} order cannot fail`);
      order.status = 'failed';
      order.failedAt = new Date();
      await this.audit.record({ action: 'order.mark_failed', target: { type: 'order', id }, details: { reason } }, em);
      await this.paymentEvent(em, emit, 'payment.failed', order, { reason });
      return order;
    });
  }

  async markRefunded(id: string, reason: string): Promise<Order> {
    return this.events.transaction(async (em, emit) => {
      const order = await this.lockForChange(em, id);
      if (order.status === 'refunded') return order;
      if (order.status !== 'paid' && order.status !== 'partially_paid') throw new ConflictError('ORDER_NOT_PAID', `A ${order.status} order cannot be refunded`);
      order.status = 'refunded';
      order.refundedAt = new Date();
      await this.audit.record({ action: 'order.mark_refunded', target: { type: 'order', id }, details: { reason } }, em);
      await this.paymentEvent(em, emit, 'payment.refunded', order, { reason });
      return order;
    });
  }

  /** `POST /subscriptions/{id}/renew`: a manual renewal order, paid at once. */
  async renew(subscriptionId: string, input: { productId?: string; providerPaymentId?: string; reason?: string }): Promise<Order> {
    const subscription = await this.em.findOne(Subscription, { id: subscriptionId });
    if (!subscription) throw new NotFoundError('Subscription', subscriptionId);
    const productId = input.productId ?? subscription.product.id;
    // With the payment's reference, a repeated request finds its order (and pays it, if the first attempt did not get that far).
    const order = await this.create({ customerId: subscription.customer.id, productId, kind: productId === subscription.product.id ? 'renewal' : 'upgrade', subscriptionId, provider: 'manual', providerPaymentId: input.providerPaymentId });
    return this.markPaid(order.id, { providerPaymentId: input.providerPaymentId ?? `manual-renewal:${order.id}`, reason: input.reason });
  }

  /**
   * Applies a verified payment-provider outcome inside the caller's unit of work (issue #5: the
   * provider event's dedupe row commits with its effect). Order state only moves forward: a late
   * or repeated outcome that would move it back is a no-op (`changed: false`). Money captured
   * beats a failed attempt: a paid outcome moves an order out of `failed` (as `markPaid` does).
   * A refund of an order not paid yet is remembered (`amountRefundedMinor`), so the payment
   * decision sends a later "paid" to review; a refund of less than was paid is recorded and emits
   * `payment.partially_refunded`, the order stays paid. `pending` records the provider and its
   * payment id when a checkout is opened. Added by the payments module.
   */
  async applyProviderPayment(unit: { em: EntityManager; emit: Emit }, id: string, change: ProviderPaymentChange): Promise<{ order: Order; changed: boolean }> {
    const { em, emit } = unit;
    // Concurrent outcomes for one order (two provider events of one payment) must not both see it pending.
    const order = await this.lockForChange(em, id);
    const details = { provider: change.provider, providerPaymentId: change.providerPaymentId ?? null, reason: change.reason, ...change.extra };
    const from = order.status;
    const nothingPaid = from === 'pending' || from === 'failed';
    if (change.status === 'pending') {
      if (from !== 'pending') return { order, changed: false };
      order.provider = change.provider;
      if (change.providerPaymentId) order.providerPaymentId = change.providerPaymentId;
      await this.audit.record({ action: 'order.checkout', target: { type: 'order', id }, details }, em);
      return { order, changed: true };
    }
    if (change.status === 'paid' || change.status === 'partially_paid') {
      if (!nothingPaid && from !== 'partially_paid') return { order, changed: false };
      order.provider = change.provider;
      if (!order.providerPaymentId && change.providerPaymentId) order.providerPaymentId = change.providerPaymentId;
      order.amountPaidMinor = change.amountPaidMinor ?? order.amountMinor;
      const recovered = from === 'failed' ? { recoveredFrom: 'failed' } : {};
      if (change.status === 'partially_paid') {
        order.status = 'partially_paid';
        await this.audit.record({ action: 'order.partially_paid', target: { type: 'order', id }, details: { ...details, ...recovered, amountPaidMinor: order.amountPaidMinor, amountMinor: order.amountMinor } }, em);
        return { order, changed: true };
      }
      order.status = 'paid';
      order.paidAt = new Date();
      if (order.kind === 'new' && !order.subscription) order.subscription = this.newSubscription(em, emit, order);
      await this.audit.record({ action: 'order.paid', target: { type: 'order', id }, details: { ...details, ...recovered, amountPaidMinor: order.amountPaidMinor } }, em);
      await this.paymentEvent(em, emit, 'payment.succeeded', order, change.extra ?? {});
      return { order, changed: true };
    }
    if (change.status === 'failed') {
      if (from !== 'pending' && from !== 'partially_paid') return { order, changed: false };
      order.status = 'failed';
      order.failedAt = new Date();
      await this.audit.record({ action: 'order.failed', target: { type: 'order', id }, details }, em);
      await this.paymentEvent(em, emit, 'payment.failed', order, { reason: change.reason ?? 'payment failed', ...change.extra });
      return { order, changed: true };
    }
    if (from === 'refunded') return { order, changed: false };
    const refunded = change.amountRefundedMinor ?? (nothingPaid ? order.amountMinor : (order.amountPaidMinor ?? order.amountMinor));
    const before = order.amountRefundedMinor;
    // A repeat (or an older, smaller total of the same payment's refunds) changes nothing; a full refund of a paid order always does.
    const repeat = before !== null && before !== undefined && refunded <= before;
    if (repeat && (nothingPaid || change.status === 'partially_refunded')) return { order, changed: false };
    order.amountRefundedMinor = Math.max(refunded, before ?? 0);
    if (nothingPaid) {
      // Refunded before the hub saw it paid (its paid webhook late or lost): remembered, so the paid that follows goes to review.
      await this.audit.record({ action: 'order.refunded_before_paid', outcome: 'failure', target: { type: 'order', id }, details: { ...details, amountRefundedMinor: order.amountRefundedMinor } }, em);
      return { order, changed: true };
    }
    if (change.status === 'partially_refunded') {
      await this.audit.record({ action: 'order.partially_refunded', target: { type: 'order', id }, details: { ...details, amountRefundedMinor: order.amountRefundedMinor, amountPaidMinor: order.amountPaidMinor ?? order.amountMinor } }, em);
      await this.paymentEvent(em, emit, 'payment.partially_refunded', order, { reason: change.reason ?? 'partially refunded', amountRefundedMinor: order.amountRefundedMinor, ...change.extra });
      return { order, changed: true };
    }
    order.status = 'refunded';
    order.refundedAt = new Date();
    await this.audit.record({ action: 'order.refunded', target: { type: 'order', id }, details: { ...details, amountRefundedMinor: order.amountRefundedMinor } }, em);
    await this.paymentEvent(em, emit, 'payment.refunded', order, { reason: change.reason ?? 'refunded', amountRefundedMinor: order.amountRefundedMinor, ...change.extra });
    return { order, changed: true };
  }

  private newSubscription(em: EntityManager, emit: Emit, order: Order): Subscription {
    const product = order.product;
    const subscription = em.create(Subscription, {
      customer: order.customer,
      product,
      panel: product.panel,
      packageExternalId: product.packageExternalId,
      maxConnections: product.maxConnections,
      history: [{ at: new Date().toISOString(), from: null, to: 'pending', reason: `order ${order.id} paid` }],
    });
    em.persist(subscription);
    insertedInTransaction(em, subscription);
    emit({ type: 'subscription.created', payload: subscriptionEventPayload(subscription, { orderId: order.id }), subject: { type: 'subscription', id: subscription.id } });
    return subscription;
  }

  private async paymentEvent(em: EntityManager, emit: Emit, type: string, order: Order, extra: Record<string, unknown> = {}): Promise<void> {
    const product = order.product;
    const linked = order.subscription ?? null;
    const subscription = linked && !wrap(linked).isInitialized() ? await em.findOneOrFail(Subscription, { id: linked.id }) : linked;
    emit({
      type,
      payload: {
        orderId: order.id,
        customerId: order.customer.id,
        productId: product.id,
        subscriptionId: subscription?.id ?? null,
        provider: order.provider,
        providerPaymentId: order.providerPaymentId ?? null,
        amountMinor: order.amountPaidMinor ?? order.amountMinor,
        currency: order.currency,
        kind: order.kind,
        order: orderPayload(order),
        customer: { id: order.customer.id, email: order.customer.email, name: order.customer.name ?? null },
        product: {
          id: product.id,
          panelId: product.panel.id,
          packageId: product.packageExternalId,
          durationUnit: product.durationUnit,
          durationValue: product.durationValue,
          durationDays: product.durationUnit === 'days' ? product.durationValue : product.durationUnit === 'months' ? product.durationValue * 30 : Math.ceil(product.durationValue / 24),
          maxConnections: product.maxConnections,
          trial: product.trial,
        },
        subscription: subscription ? subscriptionPayload(subscription) : null,
        ...extra,
      },
      subject: { type: 'order', id: order.id },
    });
  }
}

/**
 * The order a repeated provider payment id names, when the request is a repeat of the one that
 * created it; a payment id already used for another sale (another customer, product, kind or
 * subscription) is a conflict, not that order.
 */
function sameOrder(existing: Order, input: CreateOrderDto, kind: OrderKind): Order {
  const same = existing.customer.id === input.customerId && existing.product.id === input.productId && existing.kind === kind && (existing.subscription?.id ?? null) === (input.subscriptionId ?? null);
  if (!same) throw new ConflictError('PAYMENT_ID_IN_USE', `Order ${existing.id} already has this provider payment id`, { orderId: existing.id });
  return existing;
}

/**
 * A renewal extends the subscription by its own product's duration, and an upgrade changes the
 * package of its line on its panel: an order that pays for something else would be applied as
 * something it is not.
 */
function checkChangeOf(subscription: Subscription, product: Product, kind: OrderKind): void {
  if (!subscription.lineId) throw new ConflictError('SUBSCRIPTION_NOT_PROVISIONED', `Subscription ${subscription.id} (${subscription.status}) has no line yet: it cannot be renewed or upgraded before it is provisioned`, { subscriptionId: subscription.id, subscriptionStatus: subscription.status });
  const current = subscription.product;
  // The renewal workflow extends by the subscription's product's duration, whatever product the order names (a
  // provider's recurring payment names the product it was opened for): one of another duration would pay for other time.
  if (kind === 'renewal' && product.id !== current.id && (product.durationUnit !== current.durationUnit || product.durationValue !== current.durationValue)) {
    throw new UnprocessableError('RENEWAL_PRODUCT_MISMATCH', `A renewal extends the subscription by its product's duration (${current.durationValue} ${current.durationUnit}), not product ${product.id}'s (${product.durationValue} ${product.durationUnit}); renew with the subscription's product, or upgrade`, [{ field: 'productId', message: "must have the duration of the subscription's product for a renewal", code: 'RENEWAL_PRODUCT_MISMATCH' }]);
  }
  if (kind === 'upgrade' && !upgradablePanel(subscription, product)) {
    throw new UnprocessableError('UPGRADE_PANEL_MISMATCH', `Product ${product.id} is not sold on the subscription's panel (${subscription.panel.id})`, [{ field: 'productId', message: "must be a product on the subscription's panel", code: 'UPGRADE_PANEL_MISMATCH' }]);
  }
}

/** Whether the product has a package on the panel the subscription's line is on (its panel, or its fallback panel). */
function upgradablePanel(subscription: Subscription, product: Product): boolean {
  return product.panel.id === subscription.panel.id || (product.fallbackPanel?.id === subscription.panel.id && Boolean(product.fallbackPackageExternalId));
}
