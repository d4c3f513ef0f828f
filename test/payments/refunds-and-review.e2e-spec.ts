import { randomBytes } from 'node:crypto';
import type { SignedWebhook } from '../../src/core/plugins/sdk';
import { StripeSimulator } from '../../src/plugins/payments/stripe/stripe.simulator';
import type { StripeEventWire } from '../../src/plugins/payments/stripe/stripe.events';
import { testMode, waitFor } from '../helpers/test-app';
import { Lifecycle, newCustomer, startLifecycle, subscription, waitForStatus } from '../workflows/lifecycle-fixture';

/**
 * Refunds find their order and are weighed: a refund of a Stripe subscription payment (it names
 * only the PaymentIntent) refunds the order and disables the line; a dispute matching no order
 * is an alert for review; a partial refund is recorded and the line keeps running; a refund that
 * came before the hub saw the payment is not undone by reconciliation or a late "paid" — in
 * subscription mode too, where reconciliation reads the refund on the first invoice's charge and
 * remembers the PaymentIntent so the refund webhook finds the order; a renewal payment for a
 * cancelled subscription goes to review instead of being retried forever.
 */
describe(`payments: refunds and review (${testMode})`, () => {
  let life: Lifecycle;
  let stripe: StripeSimulator;
  let accountId: string;
  let hookPath: string;

  beforeAll(async () => {
    life = await startLifecycle();
    stripe = await StripeSimulator.start({ retryDelaysMs: [100, 200, 400] });
    const account = await life.hub.http.post('/payment-accounts').send({ name: 'stripe', type: 'stripe', credentials: { ...stripe.credentials, successUrl: 'https://shop.example/ok' } }).expect(201);
    accountId = account.body.id;
    hookPath = account.body.webhookPath;
    stripe.webhooks.targetUrl = `${life.hub.url}${hookPath}`;
  }, 60_000);
  afterAll(async () => {
    await stripe?.close();
    await life?.close();
  });

  const http = () => life.hub.http;
  const order = async (id: string) => (await http().get(`/orders/${id}`).expect(200)).body;
  const waitForOrder = (id: string, status: string) => waitFor(async () => ((await order(id)).status === status ? order(id) : null), { timeoutMs: 20_000, message: `order ${id} to be ${status}` });
  const hubEvents = async (type: string, query: Record<string, string>) => (await http().get('/events').query({ type, limit: 50, ...query }).expect(200)).body.items as Record<string, any>[];
  const orderEvents = (type: string, orderId: string) => hubEvents(type, { subjectType: 'order', subjectId: orderId });
  const checkout = async (options: { recurring?: boolean } = {}) => {
    const customerId = await newCustomer(life.hub);
    const created = await http().post('/orders').send({ customerId, productId: life.productId }).expect(201);
    const opened = await http().post(`/orders/${created.body.id}/checkout`).send({ paymentAccountId: accountId, recurring: options.recurring ?? false }).expect(201);
    return { orderId: created.body.id as string, providerPaymentId: opened.body.providerPaymentId as string };
  };
  const settled = (providerEventId: string) =>
    waitFor(
      async () => {
        const items = (await http().get('/payment-events').query({ paymentAccountId: accountId, limit: 200 }).expect(200)).body.items as Record<string, any>[];
        const row = items.find((item) => item.providerEventId === providerEventId);
        return row && row.status !== 'received' ? row : null;
      },
      { timeoutMs: 20_000, message: `event ${providerEventId} to be applied` },
    );
  const stripeEvent = (type: string, object: Record<string, unknown>): StripeEventWire =>
    ({ id: `evt_${randomBytes(12).toString('hex')}`, object: 'event', api_version: '2025-01-27.acacia', created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, type }) as unknown as StripeEventWire;
  const post = (webhook: SignedWebhook) => http().post(hookPath).set(webhook.headers).send(webhook.body);
  /** The hub was unreachable while these provider events were sent. */
  const unreachable = <T>(act: () => T): T => {
    stripe.webhooks.targetUrl = null;
    try {
      return act();
    } finally {
      stripe.webhooks.targetUrl = `${life.hub.url}${hookPath}`;
    }
  };
  const refundAtStripe = async (paymentIntent: string, amount?: number) => {
    const res = await fetch(`${stripe.url}/v1/refunds`, { method: 'POST', headers: { authorization: `Bearer ${stripe.credentials.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' }, body: `payment_intent=${paymentIntent}${amount === undefined ? '' : `&amount=${amount}`}` });
    expect(res.status).toBe(200);
    return stripe.events[stripe.events.length - 1];
  };

  it('Stripe subscription: a refund of the first subscription payment (it names only the PaymentIntent) refunds the order and disables the line', async () => {
    const { orderId, providerPaymentId } = await checkout({ recurring: true });
    const events = stripe.paySession(providerPaymentId);
    const paid = await waitForOrder(orderId, 'paid');
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    const invoice = events.find((event) => event.type === 'invoice.paid')?.data.object as Record<string, any>;
    await settled(events[events.length - 1].id);
    const refund = stripe.refundPayment(invoice.payment_intent);
    expect((refund.data.object as Record<string, any>).metadata).toEqual({});
    const row = await settled(refund.id);
    expect(row).toMatchObject({ status: 'applied', orderId, detail: { decision: 'refunded', changed: true } });
    expect((await order(orderId)).status).toBe('refunded');
    await waitForStatus(life.hub, paid.subscriptionId, 'cancelled');
    await waitFor(() => life.sim.line(active.lineId)?.enabled === false, { timeoutMs: 20_000, message: 'the refunded line to be disabled' });
  });

  it('Stripe subscription: a refund of a renewal payment refunds that renewal order', async () => {
    const { orderId, providerPaymentId } = await checkout({ recurring: true });
    stripe.paySession(providerPaymentId);
    const paid = await waitForOrder(orderId, 'paid');
    await waitForStatus(life.hub, paid.subscriptionId, 'active');
    const renewal = stripe.renewSubscription(stripe.sessions.get(providerPaymentId)?.subscription);
    await settled(renewal.id);
    const refund = stripe.refundPayment((renewal.data.object as Record<string, any>).payment_intent);
    const row = await settled(refund.id);
    const renewals = (await http().get('/orders').query({ subscriptionId: paid.subscriptionId }).expect(200)).body.items.filter((item: { kind: string }) => item.kind === 'renewal');
    expect(renewals).toHaveLength(1);
    expect(row).toMatchObject({ status: 'applied', orderId: renewals[0].id });
    expect((await order(renewals[0].id)).status).toBe('refunded');
    expect((await order(orderId)).status).toBe('paid');
  });

  it('Stripe: a dispute that matches no order is flagged for review with an alert, not left silently unmatched', async () => {
    const dispute = stripeEvent('charge.dispute.created', { id: `dp_${randomBytes(12).toString('hex')}`, object: 'dispute', amount: 1299, currency: 'eur', charge: `ch_${randomBytes(12).toString('hex')}`, payment_intent: `pi_${randomBytes(12).toString('hex')}`, reason: 'fraudulent', metadata: {} });
    await post(stripe.signed(dispute)).expect(200);
    const row = await settled(dispute.id);
    expect(row).toMatchObject({ status: 'review', orderId: null, detail: { decision: 'review', reason: 'a refund or dispute matches no order' } });
    const alerts = await hubEvents('payment.review_required', { subjectType: 'payment_event', subjectId: row.id });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].payload).toMatchObject({ orderId: null, provider: 'stripe', providerPaymentId: (dispute.data.object as Record<string, any>).payment_intent, reason: 'a refund or dispute matches no order' });
  });

  it('Stripe: a partial refund (goodwill credit) is recorded; the order stays paid and the line keeps running; refunding the rest refunds the order', async () => {
    const { orderId, providerPaymentId } = await checkout();
    stripe.paySession(providerPaymentId);
    const paid = await waitForOrder(orderId, 'paid');
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    const pi = stripe.sessions.get(providerPaymentId)?.payment_intent as string;
    const partial = await refundAtStripe(pi, 200);
    expect(partial).toMatchObject({ type: 'charge.refunded', data: { object: { amount_refunded: 200, refunded: false } } });
    const row = await settled(partial.id);
    expect(row.detail).toMatchObject({ decision: 'partially_refunded', changed: true, amountRefundedMinor: 200 });
    expect(await order(orderId)).toMatchObject({ status: 'paid', amountRefundedMinor: 200 });
    const recorded = await orderEvents('payment.partially_refunded', orderId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].payload).toMatchObject({ orderId, amountRefundedMinor: 200, amountMinor: 1299 });
    expect(await orderEvents('payment.refunded', orderId)).toHaveLength(0);
    expect((await subscription(life.hub, paid.subscriptionId)).status).toBe('active');
    expect(life.sim.line(active.lineId)?.enabled).toBe(true);

    const rest = await refundAtStripe(pi);
    await settled(rest.id);
    expect(await order(orderId)).toMatchObject({ status: 'refunded', amountRefundedMinor: 1299 });
    await waitForStatus(life.hub, paid.subscriptionId, 'cancelled');
  });

  it('Stripe: a refund that arrives while the order is still pending is not undone by reconciliation or the late paid webhook', async () => {
    const { orderId, providerPaymentId } = await checkout();
    const [completed] = unreachable(() => stripe.paySession(providerPaymentId));
    const refund = stripe.refundPayment(stripe.sessions.get(providerPaymentId)?.payment_intent);
    const refunded = await settled(refund.id);
    expect(refunded.detail).toMatchObject({ decision: 'refunded_before_paid', changed: true });
    expect(await order(orderId)).toMatchObject({ status: 'pending', amountRefundedMinor: 1299 });
    await http().post(`/payment-accounts/${accountId}/reconcile`).send({}).expect(200);
    // The paid webhook Stripe retries later: money that was refunded must not provision.
    stripe.redeliver(completed);
    const late = await settled(completed.id);
    expect(late).toMatchObject({ status: 'review', detail: { decision: 'review', reason: expect.stringContaining('refund') } });
    expect(await order(orderId)).toMatchObject({ status: 'pending', subscriptionId: null });
    expect(await orderEvents('payment.review_required', orderId)).toHaveLength(1);
    expect(await orderEvents('payment.succeeded', orderId)).toHaveLength(0);
  });

  it('Stripe: reconciliation reads a paid session whose payment was refunded (both webhooks lost) as refunded, not paid', async () => {
    const { orderId, providerPaymentId } = await checkout();
    unreachable(() => {
      stripe.paySession(providerPaymentId);
      stripe.refundPayment(stripe.sessions.get(providerPaymentId)?.payment_intent);
    });
    const result = await http().post(`/payment-accounts/${accountId}/reconcile`).send({}).expect(200);
    expect(result.body.found).toBeGreaterThanOrEqual(1);
    const row = await settled(`reconcile:${providerPaymentId}:refunded`);
    expect(row).toMatchObject({ type: 'payment.refunded', status: 'applied', detail: { decision: 'refunded_before_paid' } });
    expect(await order(orderId)).toMatchObject({ status: 'pending', amountRefundedMinor: 1299, subscriptionId: null });
    const again = await http().post(`/payment-accounts/${accountId}/reconcile`).send({}).expect(200);
    expect(again.body.found).toBe(0);
  });

  it('Stripe subscription: reconciliation reads a paid subscription-mode session whose first payment was refunded (all webhooks lost) as refunded; the late webhooks provision nothing', async () => {
    const { orderId, providerPaymentId } = await checkout({ recurring: true });
    const paidEvents = unreachable(() => stripe.paySession(providerPaymentId));
    const invoice = paidEvents.find((event) => event.type === 'invoice.paid')?.data.object as Record<string, any>;
    // The session has no PaymentIntent of its own: only its invoice's charge shows the refund.
    expect(stripe.sessions.get(providerPaymentId)).toMatchObject({ payment_intent: null, payment_status: 'paid', invoice: invoice.id });
    const refund = unreachable(() => stripe.refundPayment(invoice.payment_intent));
    expect(refund.data.object).toMatchObject({ refunded: true, metadata: {} });

    const result = await http().post(`/payment-accounts/${accountId}/reconcile`).send({}).expect(200);
    expect(result.body.found).toBeGreaterThanOrEqual(1);
    const row = await settled(`reconcile:${providerPaymentId}:refunded`);
    expect(row).toMatchObject({ type: 'payment.refunded', status: 'applied', orderId, detail: { decision: 'refunded_before_paid', changed: true } });
    expect(await order(orderId)).toMatchObject({ status: 'pending', amountRefundedMinor: 1299, subscriptionId: null });
    const checkouts = (await http().get(`/orders/${orderId}/checkouts`).expect(200)).body as Record<string, any>[];
    expect(checkouts[0].status).toBe('refunded');

    // Stripe retries the lost webhooks later: the refund finds its order (reconciliation remembered the PaymentIntent), the paid ones go to review.
    stripe.redeliver(refund);
    expect(await settled(refund.id)).toMatchObject({ status: 'applied', orderId, detail: { changed: false } });
    for (const event of paidEvents) stripe.redeliver(event);
    for (const event of paidEvents) expect(await settled(event.id)).toMatchObject({ status: 'review', orderId, detail: { decision: 'review', reason: expect.stringContaining('refund') } });
    expect(await order(orderId)).toMatchObject({ status: 'pending', subscriptionId: null });
    expect(await orderEvents('payment.succeeded', orderId)).toHaveLength(0);
    const again = await http().post(`/payment-accounts/${accountId}/reconcile`).send({}).expect(200);
    expect(again.body.found).toBe(0);
  });

  it('Stripe subscription: a session reconciliation found paid (webhooks lost) remembers its PaymentIntent, so the later refund webhook refunds the order', async () => {
    const { orderId, providerPaymentId } = await checkout({ recurring: true });
    const paidEvents = unreachable(() => stripe.paySession(providerPaymentId));
    await http().post(`/payment-accounts/${accountId}/reconcile`).send({}).expect(200);
    expect(await settled(`reconcile:${providerPaymentId}:paid`)).toMatchObject({ status: 'applied', orderId, detail: { decision: 'paid', changed: true } });
    const paid = await waitForOrder(orderId, 'paid');
    const active = await waitForStatus(life.hub, paid.subscriptionId, 'active');
    const invoice = paidEvents.find((event) => event.type === 'invoice.paid')?.data.object as Record<string, any>;
    const refund = stripe.refundPayment(invoice.payment_intent);
    expect(await settled(refund.id)).toMatchObject({ status: 'applied', orderId, detail: { decision: 'refunded', changed: true } });
    expect(await order(orderId)).toMatchObject({ status: 'refunded', amountRefundedMinor: 1299 });
    await waitForStatus(life.hub, paid.subscriptionId, 'cancelled');
    await waitFor(() => life.sim.line(active.lineId)?.enabled === false, { timeoutMs: 20_000, message: 'the refunded line to be disabled' });
  });

  it('Stripe subscription: a renewal payment for a cancelled hub subscription goes to review once, with an alert, and is not retried', async () => {
    const { orderId, providerPaymentId } = await checkout({ recurring: true });
    stripe.paySession(providerPaymentId);
    const paid = await waitForOrder(orderId, 'paid');
    await waitForStatus(life.hub, paid.subscriptionId, 'active');
    await http().post(`/subscriptions/${paid.subscriptionId}/cancel`).send({ reason: 'customer asked' }).expect(200);
    await waitForStatus(life.hub, paid.subscriptionId, 'cancelled');
    const renewal = stripe.renewSubscription(stripe.sessions.get(providerPaymentId)?.subscription);
    const row = await settled(renewal.id);
    expect(row).toMatchObject({ status: 'review', orderId, detail: { decision: 'review', code: 'SUBSCRIPTION_CANCELLED' } });
    const alerts = await orderEvents('payment.review_required', orderId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].payload).toMatchObject({ orderId, subscriptionId: paid.subscriptionId, providerPaymentId: (renewal.data.object as Record<string, any>).id });
    const renewals = (await http().get('/orders').query({ subscriptionId: paid.subscriptionId }).expect(200)).body.items.filter((item: { kind: string }) => item.kind === 'renewal');
    expect(renewals).toHaveLength(0);
  });
});
