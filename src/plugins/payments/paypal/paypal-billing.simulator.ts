import { randomBytes } from 'node:crypto';
import { decimalToMinor, minorToDecimal, SimRequest, SimResponse, SimulatorClock } from '../../../core/plugins/sdk';

type Obj = Record<string, any>;

/** What the billing part needs of the PayPal simulator it lives in. */
export interface PayPalBillingHost {
  readonly url: string;
  readonly clock: SimulatorClock;
  /** Signs and queues a webhook event; returns the event. */
  emit(eventType: string, resourceType: string, resource: Obj): Obj;
  /** Whether refunds carry `total_refunded_amount` (PayPal does not always send it). */
  readonly refundTotals?: boolean;
}

const UNITS: Record<string, number> = { DAY: 365, WEEK: 52, MONTH: 12, YEAR: 1 };
const DAY_MS = 86_400_000;

/**
 * PayPal's Catalog Products and Subscriptions APIs (v1) as the plugin uses them, and the buyer's
 * and PayPal's side of a subscription's life: approve + activate (BILLING.SUBSCRIPTION.ACTIVATED
 * and the first PAYMENT.SALE.COMPLETED), later billing cycles (one sale each, with the
 * subscription in `billing_agreement_id` and its custom_id in `custom` — or `custom_id` with
 * `saleOrderField`), failed payments, cancellation / suspension / expiry and sale refunds.
 */
export class PayPalBillingSimulator {
  readonly products = new Map<string, Obj>();
  readonly plans = new Map<string, Obj>();
  readonly subscriptions = new Map<string, Obj>();
  /** Sales by id (each one a transaction of its subscription). */
  readonly sales = new Map<string, Obj>();
  /** Which field a sale names the subscription's custom_id in (both spellings occur in the wild). */
  saleOrderField: 'custom' | 'custom_id' = 'custom';

  constructor(private readonly host: PayPalBillingHost) {}

  /** The buyer approves and PayPal activates the subscription and collects the first cycle. */
  activate(subscriptionId: string): { activated: Obj; sale: Obj } {
    const subscription = this.mustGet(subscriptionId);
    subscription.status = 'ACTIVE';
    subscription.start_time = this.now();
    subscription.status_update_time = this.now();
    const activated = this.host.emit('BILLING.SUBSCRIPTION.ACTIVATED', 'subscription', this.view(subscription));
    return { activated, sale: this.charge(subscriptionId) };
  }

  /** A billing cycle is paid: a new sale and its PAYMENT.SALE.COMPLETED. */
  charge(subscriptionId: string): Obj {
    const subscription = this.mustGet(subscriptionId);
    if (subscription.status !== 'ACTIVE') throw new Error(`PayPal simulator: subscription ${subscriptionId} is ${subscription.status}`);
    const price = this.plans.get(subscription.plan_id)?.billing_cycles[0].pricing_scheme.fixed_price;
    const id = saleId();
    const sale: Obj = {
      id,
      state: 'completed',
      amount: { total: price.value, currency: price.currency_code, details: { subtotal: price.value } },
      payment_mode: 'INSTANT_TRANSFER',
      protection_eligibility: 'ELIGIBLE',
      protection_eligibility_type: 'ITEM_NOT_RECEIVED_ELIGIBLE,UNAUTHORIZED_PAYMENT_ELIGIBLE',
      transaction_fee: { value: '0.65', currency: price.currency_code },
      billing_agreement_id: subscription.id,
      [this.saleOrderField]: subscription.custom_id,
      create_time: this.now(),
      update_time: this.now(),
      links: [{ href: `${this.host.url}/v1/payments/sale/${id}`, rel: 'self', method: 'GET' }],
    };
    this.sales.set(sale.id, sale);
    subscription.cycles_completed += 1;
    subscription.last_payment = { amount: { currency_code: price.currency_code, value: price.value }, time: this.now() };
    return this.host.emit('PAYMENT.SALE.COMPLETED', 'sale', sale);
  }

  /** A billing cycle could not be collected: BILLING.SUBSCRIPTION.PAYMENT.FAILED. */
  failPayment(subscriptionId: string): Obj {
    const subscription = this.mustGet(subscriptionId);
    subscription.failed_payments_count += 1;
    const price = this.plans.get(subscription.plan_id)?.billing_cycles[0].pricing_scheme.fixed_price;
    subscription.last_failed_payment = { amount: { currency_code: price.currency_code, value: price.value }, time: this.now(), reason_code: 'PAYMENT_DENIED' };
    return this.host.emit('BILLING.SUBSCRIPTION.PAYMENT.FAILED', 'subscription', this.view(subscription));
  }

  /** The buyer or merchant cancels, PayPal suspends (failed retries) or the last cycle ran: the matching BILLING.SUBSCRIPTION.* event. */
  end(subscriptionId: string, status: 'CANCELLED' | 'SUSPENDED' | 'EXPIRED' = 'CANCELLED'): Obj {
    const subscription = this.mustGet(subscriptionId);
    subscription.status = status;
    subscription.status_update_time = this.now();
    return this.host.emit(`BILLING.SUBSCRIPTION.${status}`, 'subscription', this.view(subscription));
  }

  /**
   * A sale refunded from the dashboard (or through the API): PAYMENT.SALE.REFUNDED with the refund
   * resource (its own id and amount, the sale in `sale_id`). `amount` refunds part of the sale,
   * several times if need be; without it, what is left. The sale becomes `partially_refunded`,
   * then `refunded`. Throws a PayPal issue name when nothing (or less) is left to refund.
   */
  refundSale(id: string, amount?: { total: string; currency: string }): Obj {
    const sale = this.sales.get(id);
    if (!sale) throw new Error(`PayPal simulator: no sale ${id}`);
    const currency: string = sale.amount.currency;
    const earlier: Obj[] = sale.refunds ?? [];
    const refunded = earlier.reduce((sum, refund) => sum + decimalToMinor(refund.amount.total, currency), 0);
    const left = decimalToMinor(sale.amount.total, currency) - refunded;
    const minor = amount ? decimalToMinor(amount.total, currency) : left;
    if (left <= 0 || minor > left || minor <= 0 || (amount && amount.currency !== currency)) throw new Error(left <= 0 ? 'TRANSACTION_ALREADY_REFUNDED' : 'REFUND_EXCEEDED_TRANSACTION_AMOUNT');
    sale.state = minor < left ? 'partially_refunded' : 'refunded';
    const refundId = saleId();
    const refund: Obj = {
      id: refundId,
      state: 'completed',
      amount: { total: minorToDecimal(minor, currency), currency },
      ...(this.host.refundTotals ? { total_refunded_amount: { value: minorToDecimal(refunded + minor, currency), currency } } : {}),
      sale_id: sale.id,
      billing_agreement_id: sale.billing_agreement_id,
      [this.saleOrderField]: sale[this.saleOrderField],
      create_time: this.now(),
      update_time: this.now(),
      links: [
        { href: `${this.host.url}/v1/payments/refund/${refundId}`, rel: 'self', method: 'GET' },
        { href: `${this.host.url}/v1/payments/sale/${sale.id}`, rel: 'sale', method: 'GET' },
      ],
    };
    sale.refunds = [...earlier, refund];
    this.host.emit('PAYMENT.SALE.REFUNDED', 'refund', refund);
    return refund;
  }

  /** Deactivates a plan (as from the dashboard): new subscriptions to it are refused. */
  deactivatePlan(planId: string): void {
    const plan = this.plans.get(planId);
    if (plan) plan.status = 'INACTIVE';
  }

  mustGet(subscriptionId: string): Obj {
    const subscription = this.subscriptions.get(subscriptionId);
    if (!subscription) throw new Error(`PayPal simulator: no subscription ${subscriptionId}`);
    return subscription;
  }

  /** Answers the billing routes; undefined for any other path. */
  route(request: SimRequest, body: Obj): SimResponse | undefined {
    const { method, path } = request;
    if (method === 'POST' && path === '/v1/catalogs/products') return this.createProduct(body);
    if (method === 'POST' && path === '/v1/billing/plans') return this.createPlan(body);
    if (method === 'POST' && path === '/v1/billing/subscriptions') return this.createSubscription(body);
    let match = /^\/v1\/catalogs\/products\/([^/]+)$/.exec(path);
    if (match && method === 'GET') return this.products.has(match[1]) ? json(200, this.products.get(match[1])) : notFound();
    match = /^\/v1\/billing\/plans\/([^/]+)(\/deactivate)?$/.exec(path);
    if (match) {
      const plan = this.plans.get(match[1]);
      if (!plan) return notFound();
      if (method === 'GET' && !match[2]) return json(200, plan);
      if (method === 'POST' && match[2]) {
        plan.status = 'INACTIVE';
        return { status: 204, body: '', headers: {} };
      }
    }
    match = /^\/v1\/billing\/subscriptions\/([^/]+)(\/transactions|\/cancel)?$/.exec(path);
    if (match) {
      const subscription = this.subscriptions.get(match[1]);
      if (!subscription) return notFound();
      if (method === 'GET' && !match[2]) return json(200, this.view(subscription));
      if (method === 'GET' && match[2] === '/transactions') return this.transactions(subscription, request.query);
      if (method === 'POST' && match[2] === '/cancel') {
        if (subscription.status !== 'ACTIVE' && subscription.status !== 'SUSPENDED') return unprocessable('SUBSCRIPTION_STATUS_INVALID', 'Invalid subscription status for cancel action; subscription status should be active or suspended.');
        this.end(subscription.id, 'CANCELLED');
        return { status: 204, body: '', headers: {} };
      }
    }
    match = /^\/v1\/payments\/sale\/([^/]+)\/refund$/.exec(path);
    if (match && method === 'POST') {
      const sale = this.sales.get(match[1]);
      if (!sale) return notFound();
      if (sale.state !== 'completed' && sale.state !== 'partially_refunded') return json(400, { name: 'TRANSACTION_REFUSED', message: 'The request was refused.', information_link: 'https://developer.paypal.com/docs/api/payments/v1/#error-TRANSACTION_REFUSED' });
      try {
        return json(201, this.refundSale(sale.id, body.amount));
      } catch (error) {
        return json(400, { name: (error as Error).message, message: 'The request was refused.', information_link: 'https://developer.paypal.com/docs/api/payments/v1/#error-TRANSACTION_REFUSED' });
      }
    }
    return undefined;
  }

  private createProduct(body: Obj): SimResponse {
    if (typeof body.name !== 'string' || !body.name || !['PHYSICAL', 'DIGITAL', 'SERVICE'].includes(body.type)) return unprocessable('INVALID_PARAMETER_VALUE', 'name and type (PHYSICAL, DIGITAL, SERVICE) are required.', 400);
    if (body.id !== undefined && (typeof body.id !== 'string' || body.id.length < 6 || body.id.length > 50)) return unprocessable('INVALID_STRING_LENGTH', 'id must be 6 to 50 characters.', 400);
    const id = body.id ?? `PROD-${randomBytes(9).toString('hex').toUpperCase().slice(0, 17)}`;
    if (this.products.has(id)) return unprocessable('DUPLICATE_RESOURCE_IDENTIFIER', 'The value of a field must be unique.');
    const product = { id, name: body.name, type: body.type, category: body.category, create_time: this.now(), update_time: this.now(), links: [{ href: `${this.host.url}/v1/catalogs/products/${id}`, rel: 'self', method: 'GET' }] };
    this.products.set(id, product);
    return json(201, product);
  }

  private createPlan(body: Obj): SimResponse {
    if (!this.products.has(body.product_id)) return unprocessable('INVALID_PARAMETER_VALUE', `product_id ${String(body.product_id)} does not exist.`);
    const cycles = body.billing_cycles as Obj[] | undefined;
    const regular = cycles?.find((cycle) => cycle.tenure_type === 'REGULAR');
    const frequency = regular?.frequency ?? {};
    const price = regular?.pricing_scheme?.fixed_price ?? {};
    const limit = UNITS[frequency.interval_unit];
    if (!regular || !limit || !Number.isInteger(frequency.interval_count) || frequency.interval_count < 1 || frequency.interval_count > limit) return unprocessable('INVALID_PARAMETER_VALUE', 'billing_cycles needs a REGULAR cycle with a valid frequency.', 400);
    if (typeof price.currency_code !== 'string' || !/^\d+(\.\d{1,3})?$/.test(String(price.value))) return unprocessable('INVALID_PARAMETER_VALUE', 'pricing_scheme.fixed_price is invalid.', 400);
    const id = `P-${randomBytes(12).toString('hex').toUpperCase()}`;
    const plan = { id, product_id: body.product_id, name: body.name, status: body.status ?? 'ACTIVE', billing_cycles: cycles, payment_preferences: body.payment_preferences, create_time: this.now(), update_time: this.now(), links: [{ href: `${this.host.url}/v1/billing/plans/${id}`, rel: 'self', method: 'GET' }] };
    this.plans.set(id, plan);
    return json(201, plan);
  }

  private createSubscription(body: Obj): SimResponse {
    const plan = typeof body.plan_id === 'string' ? this.plans.get(body.plan_id) : undefined;
    if (!plan) return json(404, { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.', details: [{ issue: 'INVALID_RESOURCE_ID', description: 'Requested resource ID was not found.' }] });
    if (plan.status !== 'ACTIVE') return unprocessable('PLAN_STATUS_INVALID', 'Invalid plan status. Plan should be in ACTIVE status.');
    if (body.custom_id !== undefined && (typeof body.custom_id !== 'string' || body.custom_id.length > 127)) return unprocessable('INVALID_STRING_LENGTH', 'custom_id is at most 127 characters.', 400);
    const id = `I-${randomBytes(6).toString('hex').toUpperCase()}`;
    const subscription: Obj = { id, plan_id: plan.id, custom_id: body.custom_id, status: 'APPROVAL_PENDING', subscriber: body.subscriber, application_context: body.application_context, create_time: this.now(), status_update_time: this.now(), cycles_completed: 0, failed_payments_count: 0, token: `BA-${randomBytes(8).toString('hex').toUpperCase()}` };
    this.subscriptions.set(id, subscription);
    return json(201, this.view(subscription));
  }

  private transactions(subscription: Obj, query: URLSearchParams): SimResponse {
    const from = Date.parse(query.get('start_time') ?? '');
    const to = Date.parse(query.get('end_time') ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) return unprocessable('MISSING_REQUIRED_PARAMETER', 'start_time and end_time are required.', 400);
    const rows = [...this.sales.values()]
      .filter((sale) => sale.billing_agreement_id === subscription.id && Date.parse(sale.create_time) >= from && Date.parse(sale.create_time) <= to)
      .map((sale) => ({
        id: sale.id,
        status: sale.state === 'refunded' ? 'REFUNDED' : sale.state === 'partially_refunded' ? 'PARTIALLY_REFUNDED' : 'COMPLETED',
        amount_with_breakdown: { gross_amount: { currency_code: sale.amount.currency, value: sale.amount.total }, fee_amount: sale.transaction_fee && { currency_code: sale.transaction_fee.currency, value: sale.transaction_fee.value } },
        payer_email: subscription.subscriber?.email_address,
        time: sale.create_time,
      }));
    return json(200, { transactions: rows, links: [] });
  }

  private view(subscription: Obj): Obj {
    const plan = this.plans.get(subscription.plan_id) ?? {};
    const frequency = plan.billing_cycles?.[0]?.frequency ?? { interval_unit: 'DAY', interval_count: 30 };
    const periodDays = { DAY: 1, WEEK: 7, MONTH: 30, YEAR: 365 }[frequency.interval_unit as string] ?? 1;
    const started = subscription.start_time ? Date.parse(subscription.start_time) : undefined;
    const links = [
      ...(subscription.status === 'APPROVAL_PENDING' ? [{ href: `${this.host.url}/webapps/billing/subscriptions?ba_token=${subscription.token}`, rel: 'approve', method: 'GET' }] : []),
      { href: `${this.host.url}/v1/billing/subscriptions/${subscription.id}`, rel: 'edit', method: 'PATCH' },
      { href: `${this.host.url}/v1/billing/subscriptions/${subscription.id}`, rel: 'self', method: 'GET' },
    ];
    return {
      id: subscription.id,
      plan_id: subscription.plan_id,
      status: subscription.status,
      status_update_time: subscription.status_update_time,
      custom_id: subscription.custom_id,
      quantity: '1',
      subscriber: subscription.subscriber,
      create_time: subscription.create_time,
      ...(subscription.start_time ? { start_time: subscription.start_time } : {}),
      billing_info: {
        outstanding_balance: { currency_code: plan.billing_cycles?.[0]?.pricing_scheme?.fixed_price?.currency_code ?? 'USD', value: '0.00' },
        cycle_executions: [{ tenure_type: 'REGULAR', sequence: 1, cycles_completed: subscription.cycles_completed, cycles_remaining: 0, total_cycles: 0 }],
        ...(subscription.last_payment ? { last_payment: subscription.last_payment } : {}),
        ...(subscription.last_failed_payment ? { last_failed_payment: subscription.last_failed_payment } : {}),
        ...(started !== undefined ? { next_billing_time: new Date(started + (subscription.cycles_completed || 1) * frequency.interval_count * periodDays * DAY_MS).toISOString() } : {}),
        failed_payments_count: subscription.failed_payments_count,
      },
      links,
    };
  }

  private now(): string {
    return this.host.clock.now().toISOString();
  }
}

function saleId(): string {
  return randomBytes(9).toString('hex').toUpperCase().slice(0, 17);
}

function json(status: number, body: unknown): SimResponse {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'paypal-debug-id': randomBytes(6).toString('hex') } };
}

function notFound(): SimResponse {
  return json(404, { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.', details: [{ issue: 'INVALID_RESOURCE_ID' }] });
}

function unprocessable(issue: string, description: string, status = 422): SimResponse {
  return json(status, { name: status === 400 ? 'INVALID_REQUEST' : 'UNPROCESSABLE_ENTITY', message: 'The requested action could not be performed, semantically incorrect, or failed business validation.', details: [{ issue, description }] });
}
