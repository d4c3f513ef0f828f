import { randomBytes } from 'node:crypto';
import type { SignedWebhook } from '../../src/core/plugins/sdk';
import { BtcPaySimulator } from '../../src/plugins/payments/btcpay/btcpay.simulator';
import { PayPalSimulator } from '../../src/plugins/payments/paypal/paypal.simulator';
import { StripeSimulator } from '../../src/plugins/payments/stripe/stripe.simulator';
import type { StripeEventWire } from '../../src/plugins/payments/stripe/stripe.events';
import { testMode, waitFor } from '../helpers/test-app';
import { Lifecycle, newCustomer, startLifecycle, waitForStatus } from '../workflows/lifecycle-fixture';

/**
 * Money captured beats a failed attempt: a declined card before a successful retry (Stripe), a
 * failed first subscription payment before PayPal's retry, and an expired BTCPay invoice paid
 * late all end with a paid, provisioned order; a failed attempt leaves the checkout open for
 * reconciliation. And a crypto "paid" is held to the order's price: an invoice for a cent that
 * names the order pays nothing and goes to review.
 */
describe(`payments: failed attempts, then paid (${testMode})`, () => {
  let life: Lifecycle;
  let stripe: StripeSimulator;
  let btcpay: BtcPaySimulator;
  let paypal: PayPalSimulator;
  const accounts: Record<string, string> = {};

  beforeAll(async () => {
    life = await startLifecycle();
    stripe = await StripeSimulator.start({ retryDelaysMs: [100, 200, 400] });
    btcpay = await BtcPaySimulator.start({ retryDelaysMs: [100, 200, 400] });
    paypal = await PayPalSimulator.start({ retryDelaysMs: [100, 200, 400] });
    for (const [type, credentials, sim] of [
      ['stripe', { ...stripe.credentials, successUrl: 'https://shop.example/ok' }, stripe],
      ['btcpay', btcpay.credentials, btcpay],
      ['paypal', { ...paypal.credentials, successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cart' }, paypal],
    ] as const) {
      const account = await life.hub.http.post('/payment-accounts').send({ name: type, type, credentials }).expect(201);
      accounts[type] = account.body.id;
      sim.webhooks.targetUrl = `${life.hub.url}${account.body.webhookPath}`;
    }
  }, 60_000);
  afterAll(async () => {
    await stripe?.close();
    await btcpay?.close();
    await paypal?.close();
    await life?.close();
  });

  const http = () => life.hub.http;
  const order = async (id: string) => (await http().get(`/orders/${id}`).expect(200)).body;
  const waitForOrder = (id: string, status: string) => waitFor(async () => ((await order(id)).status === status ? order(id) : null), { timeoutMs: 20_000, message: `order ${id} to be ${status}` });
  const checkoutsOf = async (orderId: string) => (await http().get(`/orders/${orderId}/checkouts`).expect(200)).body as Record<string, any>[];
  const hubEvents = async (type: string, orderId: string) => (await http().get('/events').query({ type, subjectType: 'order', subjectId: orderId, limit: 50 }).expect(200)).body.items as Record<string, any>[];
  const checkout = async (account: string, options: { recurring?: boolean } = {}) => {
    const customerId = await newCustomer(life.hub);
    const created = await http().post('/orders').send({ customerId, productId: life.productId }).expect(201);
    const opened = await http().post(`/orders/${created.body.id}/checkout`).send({ paymentAccountId: accounts[account], recurring: options.recurring ?? false }).expect(201);
    return { orderId: created.body.id as string, providerPaymentId: opened.body.providerPaymentId as string };
  };
  /** The stored event with this provider event id once it left `received`. */
  const settled = (account: string, match: (row: Record<string, any>) => boolean, what: string) =>
    waitFor(
      async () => {
        const items = (await http().get('/payment-events').query({ paymentAccountId: accounts[account], limit: 200 }).expect(200)).body.items as Record<string, any>[];
        const row = items.find(match);
        return row && row.status !== 'received' ? row : null;
      },
      { timeoutMs: 20_000, message: `${what} to be applied` },
    );
  const stripeEvent = (type: string, object: Record<string, unknown>): StripeEventWire =>
    ({ id: `evt_${randomBytes(12).toString('hex')}`, object: 'event', api_version: '2025-01-27.acacia', created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, type }) as unknown as StripeEventWire;
  const post = (path: string, webhook: SignedWebhook) => http().post(path).set(webhook.headers).send(webhook.body);

  it('Stripe: a declined first card (payment_intent.payment_failed) leaves the order and checkout open; the successful retry pays and provisions it', async () => {
    const { orderId, providerPaymentId } = await checkout('stripe');
    const declined = stripeEvent('payment_intent.payment_failed', { id: `pi_${randomBytes(12).toString('hex')}`, object: 'payment_intent', amount: 1299, currency: 'eur', status: 'requires_payment_method', metadata: { hub_order_id: orderId }, last_payment_error: { message: 'Your card was declined.' } });
    await post(`/hooks/payments/stripe/${accounts.stripe}`, stripe.signed(declined)).expect(200);
    const attempt = await settled('stripe', (row) => row.providerEventId === declined.id, 'the declined attempt');
    expect(attempt).toMatchObject({ status: 'applied', detail: { decision: 'attempt_failed', reason: 'Your card was declined.' } });
    expect((await order(orderId)).status).toBe('pending');
    expect((await checkoutsOf(orderId))[0].status).toBe('open');
    expect(await hubEvents('payment.failed', orderId)).toHaveLength(0);

    const [completed] = stripe.paySession(providerPaymentId);
    const applied = await settled('stripe', (row) => row.providerEventId === completed.id, 'the paid session');
    // The session and its PaymentIntent both report the payment; either one may be applied first.
    expect(applied).toMatchObject({ status: 'applied', detail: { decision: 'paid' } });
    const paid = await waitForOrder(orderId, 'paid');
    await waitForStatus(life.hub, paid.subscriptionId, 'active');
    expect((await checkoutsOf(orderId))[0].status).toBe('paid');
  });

  it('PayPal subscription: BILLING.SUBSCRIPTION.PAYMENT.FAILED before the first sale, then the retried sale pays the opening order', async () => {
    const { orderId, providerPaymentId: subscriptionId } = await checkout('paypal', { recurring: true });
    const failed = paypal.billing.failPayment(subscriptionId);
    await settled('paypal', (row) => row.providerEventId === failed.id, 'the failed subscription payment');
    expect((await order(orderId)).status).toBe('pending');
    const { sale } = paypal.billing.activate(subscriptionId);
    const applied = await settled('paypal', (row) => row.providerEventId === sale.id, 'the first sale');
    expect(applied).toMatchObject({ status: 'applied', orderId, detail: { decision: 'paid', changed: true } });
    const paid = await waitForOrder(orderId, 'paid');
    await waitForStatus(life.hub, paid.subscriptionId, 'active');
    const renewals = (await http().get('/orders').query({ subscriptionId: paid.subscriptionId }).expect(200)).body.items.filter((row: { kind: string }) => row.kind === 'renewal');
    expect(renewals).toHaveLength(0);
  });

  it('BTCPay: an expired invoice fails the order, and a late settlement still pays and provisions it', async () => {
    const { orderId, providerPaymentId } = await checkout('btcpay');
    btcpay.expire(providerPaymentId);
    await waitForOrder(orderId, 'failed');
    btcpay.pay(providerPaymentId);
    const paid = await waitForOrder(orderId, 'paid');
    await waitForStatus(life.hub, paid.subscriptionId, 'active');
    expect(await hubEvents('payment.succeeded', orderId)).toHaveLength(1);
  });

  it('BTCPay: an invoice for a fraction of the price that names the order does not pay it, and goes to review', async () => {
    const { orderId } = await checkout('btcpay');
    // A second invoice on the same store naming the order (a public pay button / anyone-can-create-invoice store).
    const res = await fetch(`${btcpay.url}/api/v1/stores/${btcpay.credentials.storeId}/invoices`, { method: 'POST', headers: { authorization: `token ${btcpay.credentials.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ amount: '0.01', currency: 'EUR', metadata: { orderId } }) });
    const cheap = (await res.json()) as { id: string };
    btcpay.pay(cheap.id);
    const row = await settled('btcpay', (item) => item.orderId === orderId && item.type === 'payment.succeeded', 'the settled cheap invoice');
    expect(row).toMatchObject({ status: 'review', detail: { decision: 'review', reason: expect.stringContaining('underpaid') } });
    const current = await order(orderId);
    expect(current.status).not.toBe('paid');
    expect(current.subscriptionId).toBeNull();
    expect(await hubEvents('payment.review_required', orderId)).toHaveLength(1);
    expect(await hubEvents('payment.succeeded', orderId)).toHaveLength(0);
  });
});
