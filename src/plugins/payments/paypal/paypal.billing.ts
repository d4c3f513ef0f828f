import { createHash } from 'node:crypto';
import { CheckoutInput, CheckoutResult, decimalToMinor, isPluginError, minorToDecimal, PaymentPluginContext, PaymentStatus, PluginError } from '../../../core/plugins/sdk';
import type { PayPalApi } from './paypal.api';

type Obj = Record<string, any>;

/** Metadata key the hub's checkout puts the hub product id under (one PayPal product per hub product). */
export const HUB_PRODUCT_KEY = 'hub_product_id';

const PAID = ['COMPLETED', 'PARTIALLY_REFUNDED'];
const REFUNDED = ['REFUNDED', 'REVERSED'];

/**
 * Recurring checkouts through PayPal's Subscriptions API (v1/billing): a catalog product per hub
 * product and a plan per product, price and period, created once and reused (the plan id is kept
 * in the account's `ctx.state`, else per process; creation carries a stable PayPal-Request-Id so
 * a lost answer or a race still yields one plan), then `POST /v1/billing/subscriptions` with the
 * hub order in `custom_id` — PayPal copies it onto every sale of the subscription.
 */
export class PayPalBilling {
  private readonly plans = new Map<string, string>();

  constructor(
    private readonly api: PayPalApi,
    private readonly ctx: PaymentPluginContext,
    private readonly config: { clientId: string; successUrl?: string; cancelUrl?: string },
  ) {}

  async createSubscription(input: CheckoutInput): Promise<CheckoutResult> {
    let plan = await this.planFor(input);
    let subscription: Obj;
    try {
      subscription = await this.subscribe(plan, input);
    } catch (error) {
      // The cached plan was deactivated or deleted at PayPal: make a new one once.
      if (!planUnusable(error)) throw error;
      plan = await this.planFor(input, true);
      subscription = await this.subscribe(plan, input);
    }
    const approve = (subscription.links as Obj[] | undefined)?.find((link) => link.rel === 'approve' || link.rel === 'payer-action');
    return { providerPaymentId: subscription.id, redirectUrl: approve?.href, raw: { paypalPlanId: plan.planId, paypalProductId: plan.productId } };
  }

  /**
   * A subscription's first payment, from `GET /v1/billing/subscriptions/{id}` and its transactions:
   * paid (the sale id as providerPaymentId), refunded, failed (cancelled or expired before any
   * payment) or pending (not approved yet).
   */
  async subscriptionPayment(subscriptionId: string): Promise<PaymentStatus | null> {
    const path = `/v1/billing/subscriptions/${encodeURIComponent(subscriptionId)}`;
    const subscription = await this.api.call<Obj>('GET', path, 'getPayment', { accept: (res) => res.status === 404 });
    if (!subscription?.id) return null;
    const now = this.ctx.clock.now();
    const created = Date.parse(subscription.create_time ?? subscription.start_time ?? '');
    const from = new Date((Number.isNaN(created) ? now.getTime() - 30 * 86_400_000 : created) - 3_600_000);
    const query = new URLSearchParams({ start_time: from.toISOString(), end_time: now.toISOString() });
    const listed = await this.api.call<Obj>('GET', `${path}/transactions?${query.toString()}`, 'getPayment');
    const transactions = ((listed.transactions ?? []) as Obj[]).slice().sort((a, b) => String(a.time).localeCompare(String(b.time)));
    const first = transactions.find((transaction) => PAID.includes(transaction.status) || REFUNDED.includes(transaction.status));
    const base = { providerSubscriptionId: subscription.id, orderId: subscription.custom_id ?? undefined, raw: { subscriptionStatus: subscription.status } };
    if (!first) {
      const ended = subscription.status === 'CANCELLED' || subscription.status === 'EXPIRED';
      return { ...base, providerPaymentId: subscription.id, status: ended ? 'failed' : 'pending' };
    }
    const gross = first.amount_with_breakdown?.gross_amount ?? {};
    const money = typeof gross.value === 'string' && typeof gross.currency_code === 'string' ? { amountMinor: decimalToMinor(gross.value, gross.currency_code), currency: gross.currency_code.toUpperCase() } : {};
    return { ...base, ...money, providerPaymentId: first.id, status: REFUNDED.includes(first.status) ? 'refunded' : 'paid' };
  }

  /** Refunds one sale of a subscription (`POST /v1/payments/sale/{id}/refund`). */
  async refundSale(saleId: string, idempotencyKey: string, amount?: { value: string; currency: string }): Promise<{ status: string; amount?: Obj }> {
    const body = amount ? { amount: { total: amount.value, currency: amount.currency } } : {};
    const refund = await this.api.call<Obj>('POST', `/v1/payments/sale/${encodeURIComponent(saleId)}/refund`, 'refund', { requestId: idempotencyKey, json: body });
    return { status: String(refund.state ?? refund.status ?? '').toLowerCase(), amount: refund.amount };
  }

  private async subscribe(plan: { planId: string }, input: CheckoutInput): Promise<Obj> {
    const email = input.customer.email ?? undefined;
    return this.api.call<Obj>('POST', '/v1/billing/subscriptions', 'createCheckout', {
      // Stable per checkout and plan: a repeat after a lost answer returns the same subscription.
      requestId: `${input.idempotencyKey}:${plan.planId}`,
      json: {
        plan_id: plan.planId,
        custom_id: input.orderId,
        ...(email ? { subscriber: { email_address: email } } : {}),
        application_context: { user_action: 'SUBSCRIBE_NOW', shipping_preference: 'NO_SHIPPING', return_url: input.successUrl ?? this.config.successUrl, cancel_url: input.cancelUrl ?? this.config.cancelUrl },
      },
    });
  }

  private async planFor(input: CheckoutInput, replace = false): Promise<{ planId: string; productId: string }> {
    const period = billingPeriod(input);
    const productKey = input.metadata?.[HUB_PRODUCT_KEY] ?? `d${digest(input.description, 16)}`;
    const productId = `HUB-${productKey}`.slice(0, 50);
    // Per PayPal app (sandbox and live, or another app, have plans of their own).
    const key = `paypal.plan:${digest(`${this.api.base}|${this.config.clientId}`, 12)}:${productKey}:${input.currency.toUpperCase()}:${input.amountMinor}:${period.interval_unit}${period.interval_count}`;
    if (!replace) {
      const known = this.plans.get(key) ?? (await this.ctx.state?.get(key)) ?? undefined;
      if (known) {
        this.plans.set(key, known);
        return { planId: known, productId };
      }
    }
    await this.ensureProduct(productId, input.description);
    const plan = await this.api.call<Obj>('POST', '/v1/billing/plans', 'createPlan', {
      requestId: `plan-${digest(key, 40)}${replace ? `-${this.ctx.clock.now().getTime()}` : ''}`,
      json: {
        product_id: productId,
        name: `${input.description} (every ${period.interval_count} ${period.interval_unit.toLowerCase()})`.slice(0, 127),
        status: 'ACTIVE',
        billing_cycles: [{ frequency: period, tenure_type: 'REGULAR', sequence: 1, total_cycles: 0, pricing_scheme: { fixed_price: { value: minorToDecimal(input.amountMinor, input.currency), currency_code: input.currency.toUpperCase() } } }],
        payment_preferences: { auto_bill_outstanding: true, setup_fee_failure_action: 'CANCEL', payment_failure_threshold: 3 },
      },
    });
    let planId: string = plan.id;
    if (this.ctx.state) {
      if (replace) await this.ctx.state.set(key, planId);
      else if (!(await this.ctx.state.setIfAbsent(key, planId))) planId = (await this.ctx.state.get(key)) ?? planId;
    }
    this.plans.set(key, planId);
    return { planId, productId };
  }

  private async ensureProduct(productId: string, name: string): Promise<void> {
    await this.api.call<Obj>('POST', '/v1/catalogs/products', 'createProduct', {
      requestId: `product-${productId}`,
      json: { id: productId, name: name.slice(0, 127), type: 'SERVICE' },
      // The product exists already (an earlier plan of it, another process): that is what we want.
      accept: (res) => (res.status === 409 || res.status === 422) && res.body.includes('DUPLICATE_RESOURCE_IDENTIFIER'),
    });
  }
}

/** The hub's period as a PayPal billing cycle frequency (DAY ≤ 365, MONTH ≤ 12). */
function billingPeriod(input: CheckoutInput): { interval_unit: 'DAY' | 'MONTH'; interval_count: number } {
  const recurring = input.recurring ?? { interval: 'month', count: 1 };
  const count = Math.max(1, Math.floor(recurring.count));
  if (recurring.interval === 'day' && count <= 365) return { interval_unit: 'DAY', interval_count: count };
  if (recurring.interval === 'month' && count <= 12) return { interval_unit: 'MONTH', interval_count: count };
  throw new PluginError('INVALID_INPUT', `PayPal cannot bill every ${count} ${recurring.interval}s (at most 365 days or 12 months)`);
}

function planUnusable(error: unknown): boolean {
  if (!isPluginError(error)) return false;
  const text = `${(error as PluginError).message} ${(error as PluginError).providerMessage ?? ''}`;
  return /INVALID_RESOURCE_ID|RESOURCE_NOT_FOUND|PLAN_STATUS_INVALID|SUBSCRIPTION_CANNOT_BE_CREATED/.test(text);
}

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
