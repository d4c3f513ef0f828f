import { PayPalSimulator } from '../../src/plugins/payments/paypal/paypal.simulator';
import { testMode, waitFor } from '../helpers/test-app';
import { Lifecycle, newCustomer, startLifecycle, subscription, waitForStatus } from '../workflows/lifecycle-fixture';

const DAY_MS = 86_400_000;

/**
 * PayPal recurring checkout end to end: the hub opens a PayPal subscription (catalog product +
 * plan created once, custom_id = hub order) → the simulator activates it and delivers the signed
 * BILLING.SUBSCRIPTION.ACTIVATED and first PAYMENT.SALE.COMPLETED (each twice) → the order is
 * paid and the purchase workflow creates the line on the XUI simulator → a second sale is a
 * renewal order that extends the line → BILLING.SUBSCRIPTION.CANCELLED ends auto-renewal (the
 * line runs to its paid expiry). Reconciliation pays a subscription whose webhooks never came,
 * and the late first sale then is not mistaken for a renewal.
 */
describe(`PayPal recurring payments end to end (${testMode})`, () => {
  let life: Lifecycle;
  let paypal: PayPalSimulator;
  let accountId: string;

  beforeAll(async () => {
    life = await startLifecycle();
    paypal = await PayPalSimulator.start({ retryDelaysMs: [100, 200, 400, 800] });
    const account = await life.hub.http.post('/payment-accounts').send({ name: 'PayPal', type: 'paypal', credentials: { ...paypal.credentials, successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cart' } }).expect(201);
    accountId = account.body.id;
    paypal.webhooks.targetUrl = `${life.hub.url}${account.body.webhookPath}`;
  }, 60_000);
  afterAll(async () => {
    await paypal?.close();
    await life?.close();
  });
  afterEach(() => {
    paypal.webhooks.duplicates = 0;
    paypal.webhooks.holding = false;
  });

  const http = () => life.hub.http;
  const order = async (id: string) => (await http().get(`/orders/${id}`).expect(200)).body;
  const waitForOrder = (id: string, status: string) => waitFor(async () => ((await order(id)).status === status ? order(id) : null), { timeoutMs: 20_000, message: `order ${id} to be ${status}` });
  const hubEvents = async (type: string, orderId: string) => (await http().get('/events').query({ type, subjectType: 'order', subjectId: orderId, limit: 50 }).expect(200)).body.items as Record<string, any>[];
  const paymentEvents = async () => (await http().get('/payment-events').query({ paymentAccountId: accountId, limit: 200 }).expect(200)).body.items as Record<string, any>[];
  const renewalsOf = async (subscriptionId: string) => (await http().get('/orders').query({ subscriptionId }).expect(200)).body.items.filter((row: { kind: string }) => row.kind === 'renewal') as Record<string, any>[];
  const recurringCheckout = async () => {
    const customerId = await newCustomer(life.hub);
    const created = await http().post('/orders').send({ customerId, productId: life.productId }).expect(201);
    const opened = await http().post(`/orders/${created.body.id}/checkout`).send({ paymentAccountId: accountId, recurring: true }).expect(201);
    return { orderId: created.body.id as string, checkout: opened.body as Record<string, any> };
  };
  const linesNamed = (username: string) => life.sim.lines().filter((line) => line.username === username);

  it('activation + first sale create the line, a second sale extends it, cancellation ends auto-renewal only', async () => {
    const { orderId, checkout } = await recurringCheckout();
    const subscriptionId = checkout.providerPaymentId as string;
    expect(subscriptionId).toMatch(/^I-/);
    expect(checkout).toMatchObject({ provider: 'paypal', recurring: true, status: 'open' });
    expect(checkout.redirectUrl).toContain('ba_token=BA-');
    const atPayPal = paypal.billing.mustGet(subscriptionId);
    expect(atPayPal).toMatchObject({ custom_id: orderId, status: 'APPROVAL_PENDING', application_context: { return_url: 'https://shop.example/ok', cancel_url: 'https://shop.example/cart' } });
    const plan = paypal.billing.plans.get(atPayPal.plan_id);
    expect(plan?.billing_cycles[0]).toMatchObject({ frequency: { interval_unit: 'DAY', interval_count: 30 }, pricing_scheme: { fixed_price: { value: '12.99', currency_code: 'EUR' } } });
    expect(checkout.details).toMatchObject({ paypalPlanId: plan?.id, paypalProductId: `HUB-${life.productId}` });

    // The buyer approves; PayPal activates and collects the first cycle. Every webhook arrives twice.
    paypal.webhooks.duplicates = 1;
    const { sale: firstSale } = paypal.billing.activate(subscriptionId);
    const paid = await waitForOrder(orderId, 'paid');
    expect(paid).toMatchObject({ provider: 'paypal', amountPaidMinor: 1299 });
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    expect(linesNamed(active.username)).toHaveLength(1);
    expect(life.sim.line(active.lineId)).toMatchObject({ enabled: true, maxConnections: 2 });
    await paypal.webhooks.idle();
    expect(paypal.webhooks.acknowledged()).toHaveLength(4);
    expect(await hubEvents('payment.succeeded', orderId)).toHaveLength(1);
    const afterFirst = await paymentEvents();
    expect(afterFirst.find((row) => row.providerEventType === 'BILLING.SUBSCRIPTION.ACTIVATED')).toMatchObject({ status: 'recorded', type: 'payment.pending' });
    expect(afterFirst.find((row) => row.providerEventId === firstSale.id)).toMatchObject({ status: 'applied', type: 'subscription.renewed', orderId, detail: expect.objectContaining({ decision: 'paid', changed: true }) });
    expect(await renewalsOf(paid.subscriptionId)).toHaveLength(0);

    // The next billing cycle: a renewal order, the line extended by 30 days on the panel.
    const firstExpiry = Date.parse(active.expiresAt);
    expect(life.sim.line(active.lineId)?.expiresAt?.getTime()).toBe(firstExpiry);
    const secondSale = paypal.billing.charge(subscriptionId);
    const renewed = await waitFor(async () => {
      const current = await subscription(life.hub, paid.subscriptionId);
      return Date.parse(current.expiresAt) >= firstExpiry + 30 * DAY_MS - 1000 ? current : null;
    }, { timeoutMs: 20_000, message: 'the subscription to be extended by the second sale' });
    await waitFor(() => (life.sim.line(active.lineId)?.expiresAt?.getTime() ?? 0) === Date.parse(renewed.expiresAt), { timeoutMs: 20_000, message: 'the panel line expiry to follow' });
    await paypal.webhooks.idle();
    const renewals = await renewalsOf(paid.subscriptionId);
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ provider: 'paypal', providerPaymentId: secondSale.resource.id, status: 'paid', amountMinor: 1299, currency: 'EUR' });
    expect(Date.parse((await subscription(life.hub, paid.subscriptionId)).expiresAt)).toBe(Date.parse(renewed.expiresAt));
    expect(linesNamed(active.username)).toHaveLength(1);

    // The buyer cancels at PayPal: auto-renewal ends; the paid period still runs.
    const cancelled = paypal.billing.end(subscriptionId, 'CANCELLED');
    const applied = await waitFor(async () => (await paymentEvents()).find((row) => row.providerEventId === cancelled.id && row.status === 'applied'), { timeoutMs: 20_000, message: 'the cancellation to be applied' });
    expect(applied).toMatchObject({ type: 'subscription.cancelled', orderId, detail: { decision: 'recurring_ended', reason: 'cancelled' } });
    const [recorded] = (await http().get(`/orders/${orderId}/checkouts`).expect(200)).body;
    expect(recorded.details).toMatchObject({ recurringEndReason: 'cancelled', initialPaymentId: firstSale.resource.id });
    expect(Number.isNaN(Date.parse(recorded.details.recurringEndedAt))).toBe(false);
    const audit = (await http().get('/audit').query({ action: 'payment.subscription.ended_at_provider', targetId: orderId }).expect(200)).body.items;
    expect(audit).toHaveLength(1);
    const after = await subscription(life.hub, paid.subscriptionId);
    expect(after).toMatchObject({ status: 'active', expiresAt: renewed.expiresAt });
    expect(life.sim.line(active.lineId)).toMatchObject({ enabled: true });
    expect(await hubEvents('payment.refunded', orderId)).toHaveLength(0);
  });

  it('reconciliation pays a subscription whose webhooks were held back; the late first sale is then no renewal', async () => {
    const plans = paypal.billing.plans.size;
    const { orderId, checkout } = await recurringCheckout();
    // Same product and price: the plan is reused from the account state.
    expect(paypal.billing.plans.size).toBe(plans);
    paypal.webhooks.holding = true;
    const { sale } = paypal.billing.activate(checkout.providerPaymentId);
    const result = await http().post(`/payment-accounts/${accountId}/reconcile`).send({}).expect(200);
    expect(result.body.found).toBeGreaterThanOrEqual(1);
    const paid = await waitForOrder(orderId, 'paid');
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    const expiry = active.expiresAt;

    paypal.webhooks.release();
    await paypal.webhooks.idle();
    const late = await waitFor(async () => (await paymentEvents()).find((row) => row.providerEventId === sale.id && row.status === 'applied'), { timeoutMs: 20_000, message: 'the late first sale to be applied' });
    expect(late.detail).toMatchObject({ decision: 'paid', changed: false });
    expect(await renewalsOf(paid.subscriptionId)).toHaveLength(0);
    expect(await hubEvents('payment.succeeded', orderId)).toHaveLength(1);
    expect((await subscription(life.hub, paid.subscriptionId)).expiresAt).toBe(expiry);
    expect(linesNamed(active.username)).toHaveLength(1);
  });
});
