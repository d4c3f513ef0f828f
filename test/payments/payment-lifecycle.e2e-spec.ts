import { CryptomusSimulator } from '../../src/plugins/payments/cryptomus/cryptomus.simulator';
import { NowPaymentsSimulator } from '../../src/plugins/payments/nowpayments/nowpayments.simulator';
import { StripeSimulator } from '../../src/plugins/payments/stripe/stripe.simulator';
import { testMode, waitFor } from '../helpers/test-app';
import { Lifecycle, newCustomer, startLifecycle, subscription, waitForStatus } from '../workflows/lifecycle-fixture';

/**
 * Issue #5 end to end: checkout → the provider simulator delivers signed webhooks (duplicated,
 * reordered) → workflows provision on the XUI simulator → renewal extends, refund disables,
 * crypto underpayment is flagged for review and provisions nothing, a top-up completes a wait,
 * and a paid webhook arriving while the panel is down still ends with one line.
 */
describe(`payments end to end (${testMode})`, () => {
  let life: Lifecycle;
  let stripe: StripeSimulator;
  let cryptomus: CryptomusSimulator;
  let nowpayments: NowPaymentsSimulator;
  const accounts: Record<string, string> = {};

  beforeAll(async () => {
    life = await startLifecycle();
    stripe = await StripeSimulator.start({ retryDelaysMs: [100, 200, 400, 800] });
    cryptomus = await CryptomusSimulator.start();
    nowpayments = await NowPaymentsSimulator.start();
    for (const [type, credentials] of [
      ['stripe', { ...stripe.credentials, successUrl: 'https://shop.example/ok' }],
      ['cryptomus', cryptomus.credentials],
      ['nowpayments', nowpayments.credentials],
    ] as const) {
      const account = await life.hub.http.post('/payment-accounts').send({ name: type, type, credentials }).expect(201);
      accounts[type] = account.body.id;
      if (type === 'stripe') stripe.webhooks.targetUrl = `${life.hub.url}${account.body.webhookPath}`;
    }
    await life.hub.http.post(`/payment-accounts/${accounts.stripe}/test`).send({}).expect(200);
  }, 60_000);
  afterAll(async () => {
    await stripe?.close();
    await cryptomus?.close();
    await nowpayments?.close();
    await life?.close();
  });
  afterEach(() => {
    stripe.webhooks.duplicates = 0;
    life.sim.resetFaults();
  });

  const http = () => life.hub.http;
  const order = async (id: string) => (await http().get(`/orders/${id}`).expect(200)).body;
  const waitForOrder = (id: string, status: string) => waitFor(async () => ((await order(id)).status === status ? order(id) : null), { timeoutMs: 20_000, message: `order ${id} to be ${status}` });
  const hubEvents = async (type: string, orderId: string) => (await http().get('/events').query({ type, subjectType: 'order', subjectId: orderId, limit: 50 }).expect(200)).body.items as Record<string, any>[];
  const checkout = async (account: string, options: { productId?: string; recurring?: boolean } = {}) => {
    const customerId = await newCustomer(life.hub);
    const created = await http().post('/orders').send({ customerId, productId: options.productId ?? life.productId }).expect(201);
    const opened = await http().post(`/orders/${created.body.id}/checkout`).send({ paymentAccountId: accounts[account], recurring: options.recurring ?? false }).expect(201);
    return { orderId: created.body.id as string, providerPaymentId: opened.body.providerPaymentId as string };
  };
  const linesNamed = (username: string) => life.sim.lines().filter((line) => line.username === username);

  it('Stripe: paid webhooks (each delivered twice) create the line once and activate the subscription; a refund disables it', async () => {
    stripe.webhooks.duplicates = 1;
    const { orderId, providerPaymentId } = await checkout('stripe');
    const again = await http().post(`/orders/${orderId}/checkout`).send({ paymentAccountId: accounts.stripe }).expect(201);
    expect(again.body.providerPaymentId).toBe(providerPaymentId);
    stripe.paySession(providerPaymentId);
    const paid = await waitForOrder(orderId, 'paid');
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    expect(linesNamed(active.username)).toHaveLength(1);
    expect(life.sim.line(active.lineId)).toMatchObject({ enabled: true, maxConnections: 2 });
    await stripe.webhooks.idle();
    expect(stripe.webhooks.acknowledged()).toHaveLength(4);
    expect(await hubEvents('payment.succeeded', orderId)).toHaveLength(1);

    stripe.refundPayment(stripe.sessions.get(providerPaymentId)?.payment_intent);
    await waitForOrder(orderId, 'refunded');
    await waitFor(() => life.sim.line(active.lineId)?.enabled === false, { timeoutMs: 20_000, message: 'the refunded line to be disabled' });
    expect(await hubEvents('payment.refunded', orderId)).toHaveLength(1);
    expect((await subscription(life.hub, paid.subscriptionId)).status).toBe('cancelled');
  });

  it('Stripe subscription: invoice.paid for a new period is a renewal order that extends the line', async () => {
    const { orderId, providerPaymentId } = await checkout('stripe', { recurring: true });
    expect(stripe.sessions.get(providerPaymentId)).toMatchObject({ mode: 'subscription', price: { recurring: { interval: 'day', interval_count: 30 } } });
    stripe.paySession(providerPaymentId);
    const paid = await waitForOrder(orderId, 'paid');
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    const firstExpiry = Date.parse(active.expiresAt);
    stripe.renewSubscription(stripe.sessions.get(providerPaymentId)?.subscription);
    const renewed = await waitFor(async () => {
      const current = await subscription(life.hub, paid.subscriptionId);
      return Date.parse(current.expiresAt) > firstExpiry + 29 * 86_400_000 ? current : null;
    }, { timeoutMs: 20_000, message: 'the subscription to be extended by the renewal' });
    await waitFor(() => (life.sim.line(active.lineId)?.expiresAt?.getTime() ?? 0) === Date.parse(renewed.expiresAt), { timeoutMs: 20_000, message: 'the line expiry to follow' });
    const renewals = (await http().get('/orders').query({ subscriptionId: paid.subscriptionId }).expect(200)).body.items.filter((row: { kind: string }) => row.kind === 'renewal');
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ provider: 'stripe', status: 'paid', amountMinor: 1299 });
    expect(linesNamed(active.username)).toHaveLength(1);
  });

  it('Cryptomus: a final underpayment flags the order for review and provisions nothing', async () => {
    const linesBefore = life.sim.lines().length;
    const { orderId, providerPaymentId } = await checkout('cryptomus');
    cryptomus.pay(providerPaymentId, { fraction: '0.9', final: true });
    const flagged = await waitFor(async () => (await http().get('/payment-events').query({ orderId, status: 'review' }).expect(200)).body.items[0], { timeoutMs: 20_000, message: 'the underpayment to be flagged' });
    expect(flagged.detail).toMatchObject({ decision: 'review', shortfallPercent: 10 });
    const current = await order(orderId);
    expect(current).toMatchObject({ status: 'partially_paid', amountPaidMinor: 1169, subscriptionId: null });
    const review = await hubEvents('payment.review_required', orderId);
    expect(review).toHaveLength(1);
    expect(review[0].payload).toMatchObject({ orderId, provider: 'cryptomus', reason: 'underpaid by 10% (tolerance 0%)' });
    expect(await hubEvents('payment.succeeded', orderId)).toHaveLength(0);
    await cryptomus.webhooks.idle();
    expect(life.sim.lines().length).toBe(linesBefore);
  });

  it('NOWPayments with a wait-for-top-up policy: a short payment waits, the top-up (delivered out of order) completes it', async () => {
    const product = await http().post('/products').send({ name: 'crypto 30 days', panelId: life.panelId, packageExternalId: '2', durationUnit: 'days', durationValue: 30, maxConnections: 1, priceMinor: 1500, currency: 'USD' }).expect(201);
    await http().put(`/products/${product.body.id}/payment-policy`).send({ tolerancePercent: 0.5, underpayment: 'wait' }).expect(200);
    const { orderId, providerPaymentId } = await checkout('nowpayments', { productId: product.body.id });
    const paymentId = nowpayments.pay(providerPaymentId, { fraction: '0.6' });
    await waitForOrder(orderId, 'partially_paid');
    await nowpayments.webhooks.idle();
    expect(await hubEvents('payment.review_required', orderId)).toHaveLength(0);
    nowpayments.webhooks.holding = true;
    nowpayments.topUp(paymentId, '0.4');
    // `finished` first, then a late `confirming`: the order must stay paid.
    nowpayments.webhooks.release({ reverse: true });
    const paid = await waitForOrder(orderId, 'paid');
    await nowpayments.webhooks.idle();
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    expect(linesNamed(active.username)).toHaveLength(1);
    expect((await order(orderId)).status).toBe('paid');
    const events = (await http().get('/payment-events').query({ orderId }).expect(200)).body.items.map((row: { providerEventType: string; status: string }) => `${row.providerEventType}:${row.status}`);
    expect(events).toEqual(expect.arrayContaining(['partially_paid:applied', 'finished:applied']));
  });

  it('a paid webhook while the panel is down is answered 2xx at once and the line is created when the panel is back', async () => {
    const { orderId, providerPaymentId } = await checkout('stripe');
    const injected = life.sim.stats.injectedErrors;
    life.sim.setFaults({ failNext: 3 });
    const delivered = stripe.webhooks.deliveries.length;
    stripe.paySession(providerPaymentId);
    await stripe.webhooks.idle();
    const attempts = stripe.webhooks.deliveries.slice(delivered);
    expect(attempts.every((attempt) => attempt.status === 200 && attempt.attempt === 1)).toBe(true);
    const paid = await waitForOrder(orderId, 'paid');
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    expect(life.sim.stats.injectedErrors - injected).toBe(3);
    expect(linesNamed(active.username)).toHaveLength(1);
  });

  it('reconciliation finds a payment whose webhook never arrived', async () => {
    const { orderId, providerPaymentId } = await checkout('stripe');
    stripe.webhooks.targetUrl = null;
    try {
      stripe.paySession(providerPaymentId);
    } finally {
      stripe.webhooks.targetUrl = `${life.hub.url}/hooks/payments/stripe/${accounts.stripe}`;
    }
    const result = await http().post(`/payment-accounts/${accounts.stripe}/reconcile`).send({}).expect(200);
    expect(result.body.found).toBeGreaterThanOrEqual(1);
    const paid = await waitForOrder(orderId, 'paid');
    await waitForStatus(life.hub, paid.subscriptionId, 'active');
    const again = await http().post(`/payment-accounts/${accounts.stripe}/reconcile`).send({}).expect(200);
    expect(again.body.found).toBe(0);
    expect(await hubEvents('payment.succeeded', orderId)).toHaveLength(1);
  });
});
