import { CheckoutInput, createBasicHttpClient, memoryStateStore, PaymentClient, PaymentEvent, PluginStateStore } from '../../../core/plugins/sdk';
import { mapPayPalEvent } from './paypal.events';
import { payPalPlugin } from './paypal.plugin';
import { PayPalSimulator } from './paypal.simulator';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
type Required<K extends keyof PaymentClient> = NonNullable<PaymentClient[K]>;

describe('PayPal recurring checkouts (Subscriptions API) through the simulator', () => {
  let sim: PayPalSimulator;
  let state: PluginStateStore;
  let calls: string[];
  let counter = 0;

  beforeAll(async () => {
    sim = await PayPalSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    state = memoryStateStore();
    calls = [];
  });

  /** A client as one hub process would build it (its own token and in-process cache, the account's state store). */
  const client = (options: { state?: PluginStateStore | null } = {}) =>
    payPalPlugin.create({ ...sim.credentials, successUrl: 'https://shop.example/ok' }, { http: createBasicHttpClient({ onCall: (call) => calls.push(`${call.method} ${new URL(call.url).pathname}`) }), logger, clock: { now: () => new Date() }, state: options.state === null ? undefined : (options.state ?? state) });
  const input = (overrides: Partial<CheckoutInput> = {}): CheckoutInput => {
    counter += 1;
    const orderId = `0190c0de-0000-7000-8000-${String(counter).padStart(12, '0')}`;
    return { orderId, amountMinor: 1299, currency: 'EUR', description: '30 days, 2 screens', customer: { id: 'c', email: 'buyer@example.com' }, idempotencyKey: `checkout:${orderId}:acct`, recurring: { interval: 'day', count: 30 }, metadata: { hub_product_id: `prod-${counter}` }, ...overrides };
  };
  const checkout = (with_: PaymentClient, order: CheckoutInput) => (with_.createCheckout as Required<'createCheckout'>)(order);
  const parse = async (with_: PaymentClient, event: Record<string, any>): Promise<PaymentEvent> => {
    const webhook = sim.signed(event);
    const [parsed] = await (with_.parseWebhook as Required<'parseWebhook'>)({ headers: webhook.headers, rawBody: Buffer.from(webhook.body) });
    return parsed;
  };

  it('creates a catalog product, a plan for the price and period, and a subscription carrying the hub order', async () => {
    const order = input();
    const created = await checkout(client(), order);
    expect(created.providerPaymentId).toMatch(/^I-/);
    expect(created.redirectUrl).toContain('/webapps/billing/subscriptions?ba_token=BA-');
    const subscription = sim.billing.mustGet(created.providerPaymentId);
    expect(subscription).toMatchObject({ status: 'APPROVAL_PENDING', custom_id: order.orderId, subscriber: { email_address: 'buyer@example.com' }, application_context: { return_url: 'https://shop.example/ok', user_action: 'SUBSCRIBE_NOW' } });
    const plan = sim.billing.plans.get(subscription.plan_id);
    expect(plan).toMatchObject({ status: 'ACTIVE', product_id: `HUB-${order.metadata?.hub_product_id}` });
    expect(plan?.billing_cycles).toEqual([expect.objectContaining({ tenure_type: 'REGULAR', total_cycles: 0, frequency: { interval_unit: 'DAY', interval_count: 30 }, pricing_scheme: { fixed_price: { value: '12.99', currency_code: 'EUR' } } })]);
    expect(created.raw).toEqual({ paypalPlanId: plan?.id, paypalProductId: plan?.product_id });
  });

  it('reuses the plan of a product and price: in process, from the account state in another process, and after a lost answer', async () => {
    const base = input();
    const hubProduct = { hub_product_id: base.metadata?.hub_product_id as string };
    const plansBefore = sim.billing.plans.size;
    const first = await checkout(client(), base);
    const again = await checkout(client(), input({ metadata: hubProduct }));
    const elsewhere = await checkout(client(), input({ metadata: hubProduct }));
    const planOf = (id: string) => sim.billing.mustGet(id).plan_id;
    expect(new Set([first, again, elsewhere].map((created) => planOf(created.providerPaymentId))).size).toBe(1);
    expect(sim.billing.plans.size - plansBefore).toBe(1);
    // The second and third client found the plan in the state store: no product or plan calls at all.
    expect(calls.filter((call) => call === 'POST /v1/billing/plans')).toHaveLength(1);
    expect(calls.filter((call) => call === 'POST /v1/catalogs/products')).toHaveLength(1);
    // Without any state a new process repeats the plan creation with the same PayPal-Request-Id: PayPal answers with the first plan.
    const stateless = await checkout(client({ state: null }), input({ metadata: hubProduct }));
    expect(planOf(stateless.providerPaymentId)).toBe(planOf(first.providerPaymentId));
    // A lost answer: the checkout repeated with its idempotency key gives the same subscription.
    const repeated = await checkout(client(), base);
    expect(repeated.providerPaymentId).toBe(first.providerPaymentId);
    // Another price of the same product is another plan of the same PayPal product.
    const dearer = await checkout(client(), input({ metadata: hubProduct, amountMinor: 1999 }));
    const dearerPlan = sim.billing.plans.get(planOf(dearer.providerPaymentId));
    expect(dearerPlan?.id).not.toBe(planOf(first.providerPaymentId));
    expect(dearerPlan?.product_id).toBe(`HUB-${hubProduct.hub_product_id}`);
  });

  it('replaces a plan that was deactivated at PayPal and remembers the new one', async () => {
    const order = input();
    const first = await checkout(client(), order);
    const oldPlan = sim.billing.mustGet(first.providerPaymentId).plan_id;
    sim.billing.deactivatePlan(oldPlan);
    const next = await checkout(client(), input({ metadata: order.metadata }));
    const newPlan = sim.billing.mustGet(next.providerPaymentId).plan_id;
    expect(newPlan).not.toBe(oldPlan);
    expect(sim.billing.plans.get(newPlan)?.status).toBe('ACTIVE');
    // The state now names the new plan: another process uses it without creating one.
    const plans = sim.billing.plans.size;
    const third = await checkout(client(), input({ metadata: order.metadata }));
    expect(sim.billing.mustGet(third.providerPaymentId).plan_id).toBe(newPlan);
    expect(sim.billing.plans.size).toBe(plans);
  });

  it('maps the life of a subscription: activation recorded, each sale a renewal naming the order, failure, cancellation, suspension, expiry, refunds', async () => {
    const paypal = client();
    const order = input();
    const created = await checkout(paypal, order);
    const id = created.providerPaymentId;
    await expect(paypal.getPayment?.(id)).resolves.toMatchObject({ status: 'pending', providerSubscriptionId: id, orderId: order.orderId });

    const { activated, sale } = sim.billing.activate(id);
    expect(await parse(paypal, activated)).toMatchObject({ type: 'payment.pending', providerPaymentId: id, providerSubscriptionId: id, orderId: order.orderId });
    const first = await parse(paypal, sale);
    expect(first).toMatchObject({ type: 'subscription.renewed', providerPaymentId: sale.resource.id, providerSubscriptionId: id, orderId: order.orderId, amountMinor: 1299, currency: 'EUR' });
    await expect(paypal.getPayment?.(id)).resolves.toMatchObject({ status: 'paid', providerPaymentId: sale.resource.id, amountMinor: 1299, currency: 'EUR', orderId: order.orderId, providerSubscriptionId: id });

    // The other spelling of the order field on a sale.
    sim.billing.saleOrderField = 'custom_id';
    try {
      const renewal = sim.billing.charge(id);
      expect(renewal.resource.custom_id).toBe(order.orderId);
      expect(await parse(paypal, renewal)).toMatchObject({ type: 'subscription.renewed', providerPaymentId: renewal.resource.id, orderId: order.orderId, amountMinor: 1299 });
    } finally {
      sim.billing.saleOrderField = 'custom';
    }
    expect(await parse(paypal, sim.billing.failPayment(id))).toMatchObject({ type: 'payment.failed', providerSubscriptionId: id, orderId: order.orderId, amountMinor: 1299 });

    // Refunding the recurring checkout refunds its first sale.
    await expect(paypal.refund?.({ providerPaymentId: id, idempotencyKey: `refund:${id}` })).resolves.toMatchObject({ status: 'refunded', amountMinor: 1299, currency: 'EUR' });
    expect(sim.billing.sales.get(sale.resource.id)?.state).toBe('refunded');
    await expect(paypal.getPayment?.(id)).resolves.toMatchObject({ status: 'refunded', providerPaymentId: sale.resource.id });

    for (const status of ['SUSPENDED', 'CANCELLED', 'EXPIRED'] as const) {
      expect(await parse(paypal, sim.billing.end(id, status))).toMatchObject({ type: 'subscription.cancelled', providerSubscriptionId: id, orderId: order.orderId, reason: status.toLowerCase() });
    }
  });

  it('says failed for a subscription that ended before any payment, and null for an unknown one', async () => {
    const paypal = client();
    const created = await checkout(paypal, input());
    sim.billing.end(created.providerPaymentId, 'CANCELLED');
    await expect(paypal.getPayment?.(created.providerPaymentId)).resolves.toMatchObject({ status: 'failed' });
    await expect(paypal.getPayment?.('I-000000000000')).resolves.toBeNull();
  });

  it('refuses a period PayPal cannot bill', async () => {
    await expect(checkout(client(), input({ recurring: { interval: 'month', count: 13 } }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('reads both sale refund shapes and legacy sales without a subscription', () => {
    const base = { id: 'WH-2', create_time: '2026-01-01T00:00:00Z' };
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.SALE.REFUNDED', resource: { id: 'R1', sale_id: 'S1', custom: 'o-1', amount: { total: '12.99', currency: 'EUR' } } })).toMatchObject({ type: 'payment.refunded', providerPaymentId: 'S1', orderId: 'o-1', amountMinor: 1299 });
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.SALE.REVERSED', resource: { id: 'S2', custom_id: 'o-2', billing_agreement_id: 'I-X' } })).toMatchObject({ type: 'payment.refunded', providerPaymentId: 'S2', orderId: 'o-2', reason: 'reversed (chargeback)' });
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.SALE.COMPLETED', resource: { id: 'S3', custom: 'o-3', amount: { total: '5.00', currency: 'USD' } } })).toMatchObject({ type: 'payment.succeeded', providerPaymentId: 'S3', orderId: 'o-3', amountMinor: 500 });
  });
});
