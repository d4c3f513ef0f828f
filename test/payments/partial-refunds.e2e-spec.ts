import { PayPalSimulator } from '../../src/plugins/payments/paypal/paypal.simulator';
import { testMode, waitFor } from '../helpers/test-app';
import { Lifecycle, newCustomer, startLifecycle, subscription, waitForStatus } from '../workflows/lifecycle-fixture';

/**
 * Partial refunds that the provider reports one by one (PayPal refunds without a running total):
 * the hub adds up the distinct refunds of an order, keyed by PayPal's refund id, so a redelivered
 * or re-read refund counts once and the refund that completes the price refunds the order (the
 * refund workflow cancels the subscription and disables the line). When PayPal does send the
 * running total, it wins: it counts refunds whose webhooks never reached the hub.
 */
describe(`payments: partial refunds add up (${testMode})`, () => {
  let life: Lifecycle;
  let paypal: PayPalSimulator;
  let accountId: string;
  let hookUrl: string;

  beforeAll(async () => {
    life = await startLifecycle();
    paypal = await PayPalSimulator.start({ retryDelaysMs: [100, 200, 400] });
    const account = await life.hub.http.post('/payment-accounts').send({ name: 'PayPal', type: 'paypal', credentials: { ...paypal.credentials, successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cart' } }).expect(201);
    accountId = account.body.id;
    hookUrl = `${life.hub.url}${account.body.webhookPath}`;
    paypal.webhooks.targetUrl = hookUrl;
  }, 60_000);
  afterAll(async () => {
    await paypal?.close();
    await life?.close();
  });
  afterEach(() => {
    paypal.refundTotals = false;
    paypal.webhooks.duplicates = 0;
    paypal.webhooks.holding = false;
  });

  const http = () => life.hub.http;
  const order = async (id: string) => (await http().get(`/orders/${id}`).expect(200)).body;
  const waitForOrder = (id: string, status: string) => waitFor(async () => ((await order(id)).status === status ? order(id) : null), { timeoutMs: 20_000, message: `order ${id} to be ${status}` });
  const orderEvents = async (type: string, orderId: string) => (await http().get('/events').query({ type, subjectType: 'order', subjectId: orderId, limit: 50 }).expect(200)).body.items as Record<string, any>[];
  const paymentEvents = async () => (await http().get('/payment-events').query({ paymentAccountId: accountId, limit: 200 }).expect(200)).body.items as Record<string, any>[];
  const settled = (match: (row: Record<string, any>) => boolean, what: string) =>
    waitFor(
      async () => {
        const row = (await paymentEvents()).find(match);
        return row && row.status !== 'received' ? row : null;
      },
      { timeoutMs: 20_000, message: `${what} to be applied` },
    );
  const checkout = async (recurring = false) => {
    const customerId = await newCustomer(life.hub);
    const created = await http().post('/orders').send({ customerId, productId: life.productId }).expect(201);
    const opened = await http().post(`/orders/${created.body.id}/checkout`).send({ paymentAccountId: accountId, recurring }).expect(201);
    return { orderId: created.body.id as string, providerPaymentId: opened.body.providerPaymentId as string };
  };
  const paidAndActive = async (orderId: string) => {
    const paid = await waitForOrder(orderId, 'paid');
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    return { subscriptionId: paid.subscriptionId as string, lineId: active.lineId as string };
  };

  it('PayPal order: refunds without a running total add up; a repeated refund counts once; the one completing the price refunds the order and disables the line', async () => {
    const { orderId, providerPaymentId } = await checkout();
    paypal.approveAndCapture(providerPaymentId);
    const { subscriptionId, lineId } = await paidAndActive(orderId);

    const first = paypal.refund(providerPaymentId, '5.00');
    expect(first.resource).toMatchObject({ amount: { currency_code: 'EUR', value: '5.00' } });
    expect(first.resource.seller_payable_breakdown).toBeUndefined();
    const partial = await settled((row) => row.providerEventId === first.id, 'the first partial refund');
    expect(partial).toMatchObject({ status: 'applied', orderId, type: 'payment.refunded', detail: { decision: 'partially_refunded', changed: true, amountRefundedMinor: 500, refundId: first.resource.id } });
    expect(await order(orderId)).toMatchObject({ status: 'paid', amountRefundedMinor: 500 });

    // PayPal delivers the event again (same event id), and the same refund comes under another event id: counted once.
    paypal.resend(first);
    const reread = paypal.emit('PAYMENT.CAPTURE.REFUNDED', 'refund', first.resource);
    const repeat = await settled((row) => row.providerEventId === reread.id, 'the same refund under another event id');
    expect(repeat).toMatchObject({ status: 'applied', orderId, detail: { decision: 'partially_refunded', changed: false, amountRefundedMinor: 500 } });
    await paypal.webhooks.idle();
    expect((await paymentEvents()).filter((row) => row.providerEventId === first.id)).toHaveLength(1);
    expect(await order(orderId)).toMatchObject({ status: 'paid', amountRefundedMinor: 500 });
    expect(await orderEvents('payment.partially_refunded', orderId)).toHaveLength(1);
    expect(await orderEvents('payment.refunded', orderId)).toHaveLength(0);
    expect((await subscription(life.hub, subscriptionId)).status).toBe('active');
    expect(life.sim.line(lineId)?.enabled).toBe(true);

    // The rest (7.99): alone less than the price, with the first one all of it.
    const rest = paypal.refund(providerPaymentId);
    expect(rest.resource.amount).toEqual({ currency_code: 'EUR', value: '7.99' });
    const full = await settled((row) => row.providerEventId === rest.id, 'the refund of the rest');
    expect(full).toMatchObject({ status: 'applied', orderId, detail: { decision: 'refunded', changed: true, amountRefundedMinor: 1299, refundId: rest.resource.id } });
    expect(await order(orderId)).toMatchObject({ status: 'refunded', amountRefundedMinor: 1299 });
    const refunded = await orderEvents('payment.refunded', orderId);
    expect(refunded).toHaveLength(1);
    expect(refunded[0].payload).toMatchObject({ orderId, amountRefundedMinor: 1299 });
    await waitForStatus(life.hub, subscriptionId, 'cancelled');
    await waitFor(() => life.sim.line(lineId)?.enabled === false, { timeoutMs: 20_000, message: 'the refunded line to be disabled' });
  });

  it('PayPal subscription: partial refunds of the first sale (PAYMENT.SALE.REFUNDED, v1 refunds) add up to a refund of the order it paid', async () => {
    const { orderId, providerPaymentId } = await checkout(true);
    const { sale } = paypal.billing.activate(providerPaymentId);
    const { subscriptionId, lineId } = await paidAndActive(orderId);

    const first = paypal.billing.refundSale(sale.resource.id, { total: '6.00', currency: 'EUR' });
    expect(first.total_refunded_amount).toBeUndefined();
    const partial = await settled((row) => row.event?.refund?.id === first.id, 'the first partial sale refund');
    expect(partial).toMatchObject({ status: 'applied', orderId, providerPaymentId: sale.resource.id, detail: { decision: 'partially_refunded', amountRefundedMinor: 600 } });
    expect(life.sim.line(lineId)?.enabled).toBe(true);

    const rest = paypal.billing.refundSale(sale.resource.id);
    expect(rest.amount).toEqual({ total: '6.99', currency: 'EUR' });
    const full = await settled((row) => row.event?.refund?.id === rest.id, 'the refund of the rest of the sale');
    expect(full).toMatchObject({ status: 'applied', orderId, detail: { decision: 'refunded', changed: true, amountRefundedMinor: 1299 } });
    expect(await order(orderId)).toMatchObject({ status: 'refunded', amountRefundedMinor: 1299 });
    await waitForStatus(life.hub, subscriptionId, 'cancelled');
    await waitFor(() => life.sim.line(lineId)?.enabled === false, { timeoutMs: 20_000, message: 'the refunded line to be disabled' });
  });

  it('two partial refunds delivered at once, out of order and twice each, still add up once each (the order row lock serialises them)', async () => {
    const { orderId, providerPaymentId } = await checkout();
    paypal.approveAndCapture(providerPaymentId);
    const { subscriptionId } = await paidAndActive(orderId);
    await paypal.webhooks.idle();

    paypal.webhooks.holding = true;
    paypal.webhooks.duplicates = 1;
    const first = paypal.refund(providerPaymentId, '2.99');
    const rest = paypal.refund(providerPaymentId);
    paypal.webhooks.release({ reverse: true });
    const rows = await Promise.all([first, rest].map((event) => settled((row) => row.providerEventId === event.id, `refund ${event.id}`)));
    expect(rows.map((row) => row.detail.refundMinor as number).sort((a, b) => a - b)).toEqual([299, 1000]);
    expect(rows.map((row) => row.detail.decision).sort()).toEqual(['partially_refunded', 'refunded']);
    expect(await order(orderId)).toMatchObject({ status: 'refunded', amountRefundedMinor: 1299 });
    expect(await orderEvents('payment.refunded', orderId)).toHaveLength(1);
    await waitForStatus(life.hub, subscriptionId, 'cancelled');
  });

  it("PayPal's running total, when sent, wins: it counts a refund whose webhook never reached the hub", async () => {
    paypal.refundTotals = true;
    const { orderId, providerPaymentId } = await checkout();
    paypal.approveAndCapture(providerPaymentId);
    const { subscriptionId } = await paidAndActive(orderId);

    // The first refund's webhook is lost (the hub was unreachable and PayPal gave up).
    paypal.webhooks.targetUrl = null;
    const lost = paypal.refund(providerPaymentId, '5.00');
    paypal.webhooks.targetUrl = hookUrl;
    expect(lost.resource.seller_payable_breakdown.total_refunded_amount).toEqual({ currency_code: 'EUR', value: '5.00' });

    const rest = paypal.refund(providerPaymentId);
    expect(rest.resource.seller_payable_breakdown.total_refunded_amount).toEqual({ currency_code: 'EUR', value: '12.99' });
    const full = await settled((row) => row.providerEventId === rest.id, 'the second refund');
    expect(full).toMatchObject({ status: 'applied', orderId, detail: { decision: 'refunded', changed: true, amountRefundedMinor: 1299, refundMinor: 799 } });
    expect(await order(orderId)).toMatchObject({ status: 'refunded', amountRefundedMinor: 1299 });
    await waitForStatus(life.hub, subscriptionId, 'cancelled');
  });
});
