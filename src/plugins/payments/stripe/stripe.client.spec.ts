import Stripe from 'stripe';
import { createBasicHttpClient, PaymentClient, PaymentEvent, PluginError } from '../../../core/plugins/sdk';
import { mapStripeEvent } from './stripe.events';
import { stripePlugin } from './stripe.plugin';
import { StripeSimulator } from './stripe.simulator';

const SECRET = 'whsec_unitunitunitunitunitunit00';
const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function client(now = () => new Date(), secret = SECRET): PaymentClient {
  return stripePlugin.create({ secretKey: 'sk_test_unit', webhookSecret: secret }, { http: createBasicHttpClient(), logger, clock: { now } });
}

function event(type: string, object: Record<string, unknown>) {
  return { id: `evt_${type}`, object: 'event', created: 1_760_000_000, type, data: { object } };
}

async function parse(body: string, header: string | undefined, c = client()): Promise<PaymentEvent[]> {
  return (c.parseWebhook as NonNullable<PaymentClient['parseWebhook']>)({ headers: header === undefined ? {} : { 'Stripe-Signature': header }, rawBody: Buffer.from(body) });
}

async function rejection(promise: Promise<unknown>): Promise<PluginError> {
  return promise.then(
    () => {
      throw new Error('accepted');
    },
    (error: PluginError) => error,
  );
}

describe('Stripe webhook verification (stripe.webhooks.constructEvent, 300 s tolerance)', () => {
  const body = JSON.stringify(event('checkout.session.completed', { id: 'cs_1', payment_status: 'paid', amount_total: 1500, currency: 'eur', client_reference_id: 'order-1' }));
  const now = Math.floor(Date.now() / 1000);

  it('accepts a header made by the stripe package test helper', async () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: now });
    const [parsed] = await parse(body, header);
    expect(parsed).toMatchObject({ type: 'payment.succeeded', providerEventId: 'evt_checkout.session.completed', orderId: 'order-1', amountMinor: 1500, currency: 'EUR', providerPaymentId: 'cs_1' });
  });

  it('accepts 299 s old, rejects 301 s old (replay window)', async () => {
    await expect(parse(body, Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: now - 299 }))).resolves.toHaveLength(1);
    const stale = await rejection(parse(body, Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: now - 301 })));
    expect(stale).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID', retryable: false });
    expect(stale.message).toMatch(/tolerance/i);
  });

  it('uses the hub clock, not the wall clock, for the window', async () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: now });
    const later = client(() => new Date((now + 400) * 1000));
    expect((await rejection(parse(body, header, later))).code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('rejects a tampered body, a wrong secret and a missing header', async () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: now });
    expect((await rejection(parse(body.replace('1500', '15'), header))).code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await rejection(parse(body, header, client(undefined, 'whsec_other')))).code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await rejection(parse(body, undefined))).code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('accepts any matching v1 signature (secret rotation: old and new signatures side by side)', async () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: now });
    const old = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_old', timestamp: now }).split(',')[1];
    await expect(parse(body, `t=${now},${old},${header.split(',')[1]}`)).resolves.toHaveLength(1);
  });
});

describe('Stripe event mapping (payments.md B.12)', () => {
  it.each([
    ['checkout.session.completed', { id: 'cs', payment_status: 'unpaid' }, 'payment.pending'],
    ['checkout.session.async_payment_failed', { id: 'cs' }, 'payment.failed'],
    ['invoice.paid', { id: 'in', billing_reason: 'subscription_create', amount_paid: 900, currency: 'usd' }, 'payment.succeeded'],
    ['invoice.paid', { id: 'in', billing_reason: 'subscription_cycle', amount_paid: 900, currency: 'usd', parent: { subscription_details: { subscription: 'sub_1', metadata: { hub_order_id: 'o' } } } }, 'subscription.renewed'],
    ['invoice.payment_failed', { id: 'in' }, 'payment.failed'],
    ['payment_intent.payment_failed', { id: 'pi', last_payment_error: { message: 'Your card was declined.' } }, 'payment.failed'],
    ['customer.subscription.deleted', { id: 'sub_1' }, 'subscription.cancelled'],
    ['charge.refunded', { id: 'ch', payment_intent: 'pi_1', amount_refunded: 100, currency: 'eur' }, 'payment.refunded'],
    ['charge.dispute.created', { id: 'dp', payment_intent: 'pi_1', reason: 'fraudulent' }, 'payment.refunded'],
    ['payment_intent.succeeded', { id: 'pi' }, 'ignored'],
    ['customer.created', { id: 'cus' }, 'ignored'],
  ])('%s → %s', (type, object, expected) => {
    expect(mapStripeEvent(event(type, object) as never).type).toBe(expected);
  });

  it('an expired session or failed delayed payment ends the checkout (final); a declined card or failed invoice attempt does not', () => {
    expect(mapStripeEvent(event('checkout.session.expired', { id: 'cs' }) as never)).toMatchObject({ type: 'payment.failed', final: true });
    expect(mapStripeEvent(event('checkout.session.async_payment_failed', { id: 'cs' }) as never)).toMatchObject({ type: 'payment.failed', final: true });
    expect(mapStripeEvent(event('payment_intent.payment_failed', { id: 'pi' }) as never).final).toBeUndefined();
    expect(mapStripeEvent(event('invoice.payment_failed', { id: 'in' }) as never).final).toBeUndefined();
  });

  it('a paid session or invoice names its PaymentIntent and charge as aliases (refunds and disputes name only those)', () => {
    expect(mapStripeEvent(event('checkout.session.completed', { id: 'cs_1', payment_status: 'paid', payment_intent: 'pi_1' }) as never).paymentAliases).toEqual(['pi_1']);
    expect(mapStripeEvent(event('checkout.session.completed', { id: 'cs_2', payment_status: 'paid', payment_intent: null, subscription: 'sub_1' }) as never).paymentAliases).toBeUndefined();
    expect(mapStripeEvent(event('invoice.paid', { id: 'in_1', billing_reason: 'subscription_create', payment_intent: 'pi_2', charge: 'ch_2' }) as never).paymentAliases).toEqual(['pi_2', 'ch_2']);
    // API 2025-03-31 and later: the invoice lists its payments instead.
    expect(mapStripeEvent(event('invoice.paid', { id: 'in_2', billing_reason: 'subscription_cycle', payments: { data: [{ payment: { type: 'payment_intent', payment_intent: 'pi_3' } }] } }) as never).paymentAliases).toEqual(['pi_3']);
    expect(mapStripeEvent(event('payment_intent.succeeded', { id: 'pi_4', latest_charge: 'ch_4', metadata: { hub_order_id: 'o' } }) as never).paymentAliases).toEqual(['ch_4']);
  });

  it('a refund reports the charge\'s total refunded so far', () => {
    expect(mapStripeEvent(event('charge.refunded', { id: 'ch', payment_intent: 'pi_1', amount: 1299, amount_refunded: 200, currency: 'eur' }) as never)).toMatchObject({ type: 'payment.refunded', providerPaymentId: 'pi_1', amountMinor: 200, currency: 'EUR' });
  });

  it('a renewal names the subscription and the order it started from', () => {
    const mapped = mapStripeEvent(event('invoice.paid', { id: 'in_2', billing_reason: 'subscription_cycle', amount_paid: 900, currency: 'usd', parent: { subscription_details: { subscription: 'sub_1', metadata: { hub_order_id: 'order-9' } } } }) as never);
    expect(mapped).toMatchObject({ providerSubscriptionId: 'sub_1', orderId: 'order-9', amountMinor: 900, currency: 'USD', providerPaymentId: 'in_2' });
  });
});

describe('Stripe API through the simulator', () => {
  let sim: StripeSimulator;
  beforeAll(async () => (sim = await StripeSimulator.start()));
  afterAll(() => sim.close());

  const real = () => stripePlugin.create({ ...sim.credentials, successUrl: 'https://shop.example/ok' }, { http: createBasicHttpClient(), logger, clock: { now: () => new Date() } });

  it('replays a checkout for the same Idempotency-Key and tells subscriptions from one-off payments', async () => {
    const input = { orderId: 'o-1', amountMinor: 999, currency: 'EUR', description: '1 month', customer: { id: 'c' }, idempotencyKey: 'k-1' };
    const first = await (real().createCheckout as NonNullable<PaymentClient['createCheckout']>)(input);
    const again = await (real().createCheckout as NonNullable<PaymentClient['createCheckout']>)(input);
    expect(again.providerPaymentId).toBe(first.providerPaymentId);
    expect(sim.sessions.get(first.providerPaymentId)).toMatchObject({ mode: 'payment', amount_total: 999, currency: 'eur', client_reference_id: 'o-1' });
    const recurring = await (real().createCheckout as NonNullable<PaymentClient['createCheckout']>)({ ...input, idempotencyKey: 'k-2', recurring: { interval: 'month', count: 1 } });
    expect(sim.sessions.get(recurring.providerPaymentId)).toMatchObject({ mode: 'subscription', subscription_metadata: { hub_order_id: 'o-1' } });
  });

  it('getPayment of a paid session whose PaymentIntent was refunded in full says refunded; a partial refund leaves it paid', async () => {
    const c = real();
    const getPayment = (id: string) => (c.getPayment as NonNullable<PaymentClient['getPayment']>).call(c, id);
    const created = await (c.createCheckout as NonNullable<PaymentClient['createCheckout']>)({ orderId: 'o-3', amountMinor: 1000, currency: 'EUR', description: 'x', customer: { id: 'c' }, idempotencyKey: 'k-4' });
    sim.paySession(created.providerPaymentId);
    expect(await getPayment(created.providerPaymentId)).toMatchObject({ status: 'paid', amountMinor: 1000 });
    const pi = sim.sessions.get(created.providerPaymentId)?.payment_intent as string;
    await (c.refund as NonNullable<PaymentClient['refund']>)({ providerPaymentId: pi, amountMinor: 300, idempotencyKey: 'r-2' });
    expect(await getPayment(created.providerPaymentId)).toMatchObject({ status: 'paid' });
    expect(await getPayment(pi)).toMatchObject({ status: 'paid' });
    await (c.refund as NonNullable<PaymentClient['refund']>)({ providerPaymentId: pi, idempotencyKey: 'r-3' });
    expect(await getPayment(created.providerPaymentId)).toMatchObject({ status: 'refunded', amountMinor: 1000 });
    expect(await getPayment(pi)).toMatchObject({ status: 'refunded', amountMinor: 1000 });
  });

  it.each(['2025-01-27.acacia', '2025-03-31.basil'] as const)('getPayment of a paid subscription-mode session reads its first invoice\'s charge: refunded in full says refunded (API %s)', async (apiVersion) => {
    const versioned = await StripeSimulator.start({ apiVersion });
    try {
      const c = stripePlugin.create({ ...versioned.credentials, successUrl: 'https://shop.example/ok' }, { http: createBasicHttpClient(), logger, clock: { now: () => new Date() } });
      const getPayment = (id: string) => (c.getPayment as NonNullable<PaymentClient['getPayment']>).call(c, id);
      const created = await (c.createCheckout as NonNullable<PaymentClient['createCheckout']>)({ orderId: 'o-5', amountMinor: 900, currency: 'EUR', description: 'x', customer: { id: 'c' }, idempotencyKey: 'k-5', recurring: { interval: 'month', count: 1 } });
      const events = versioned.paySession(created.providerPaymentId);
      const invoice = events.find((event) => event.type === 'invoice.paid')?.data.object as Record<string, any>;
      const pi = versioned.paymentIntents.get(invoice.payment_intent) as Record<string, any>;
      // The session has no PaymentIntent of its own; the invoice's payment is named as an alias (a later refund webhook names only it).
      expect(versioned.sessions.get(created.providerPaymentId)).toMatchObject({ payment_intent: null, invoice: invoice.id });
      expect(await getPayment(created.providerPaymentId)).toMatchObject({ status: 'paid', amountMinor: 900, paymentAliases: [pi.id, pi.latest_charge] });
      await (c.refund as NonNullable<PaymentClient['refund']>)({ providerPaymentId: pi.id, amountMinor: 400, idempotencyKey: 'r-5' });
      expect(await getPayment(created.providerPaymentId)).toMatchObject({ status: 'paid' });
      versioned.refundPayment(pi.id);
      expect(await getPayment(created.providerPaymentId)).toMatchObject({ status: 'refunded', amountMinor: 900, providerSubscriptionId: versioned.sessions.get(created.providerPaymentId)?.subscription });
      expect(await getPayment(invoice.id)).toMatchObject({ status: 'refunded', amountMinor: 900 });
    } finally {
      await versioned.close();
    }
  });

  it('refunds through the API and reports the connection test', async () => {
    const c = real();
    const created = await (c.createCheckout as NonNullable<PaymentClient['createCheckout']>)({ orderId: 'o-2', amountMinor: 500, currency: 'USD', description: 'x', customer: { id: 'c' }, idempotencyKey: 'k-3' });
    sim.paySession(created.providerPaymentId);
    const refund = await (c.refund as NonNullable<PaymentClient['refund']>)({ providerPaymentId: created.providerPaymentId, idempotencyKey: 'r-1' });
    expect(refund).toMatchObject({ status: 'refunded', amountMinor: 500 });
    expect((await (c.testConnection as NonNullable<PaymentClient['testConnection']>)()).ok).toBe(true);
    const bad = stripePlugin.create({ ...sim.credentials, secretKey: 'sk_test_nope' }, { http: createBasicHttpClient(), logger, clock: { now: () => new Date() } });
    expect(await (bad.testConnection as NonNullable<PaymentClient['testConnection']>)()).toMatchObject({ ok: false, failedStage: 'authentication' });
  });
});
