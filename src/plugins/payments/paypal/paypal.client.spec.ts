import { createBasicHttpClient, PaymentClient } from '../../../core/plugins/sdk';
import { mapPayPalEvent } from './paypal.events';
import { payPalPlugin } from './paypal.plugin';
import { certUrlAllowed, paypalSignedMessage } from './paypal.signature';
import { PayPalSimulator } from './paypal.simulator';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('PayPal offline verification rules', () => {
  it('fetches certificates only over HTTPS from PayPal hosts unless a host is configured', () => {
    expect(certUrlAllowed('https://api.paypal.com/v1/notifications/certs/CERT-1')).toBe(true);
    expect(certUrlAllowed('https://api-m.sandbox.paypal.com/v1/notifications/certs/CERT-1')).toBe(true);
    for (const url of ['http://api.paypal.com/c', 'https://paypal.com.evil.example/c', 'https://evilpaypal.com/c', 'https://api.paypal.com:8443/c', 'https://user@api.paypal.com/c', 'http://127.0.0.1:9/c', 'not a url']) expect(certUrlAllowed(url)).toBe(false);
    expect(certUrlAllowed('http://127.0.0.1:9/c', ['127.0.0.1:9'])).toBe(true);
    expect(certUrlAllowed('http://127.0.0.1:10/c', ['127.0.0.1:9'])).toBe(false);
  });

  it('signs the CRC32 of the body as an unsigned decimal', () => {
    // crc32("hello") = 0x3610a686 = 907060870; a body whose CRC has the high bit set must not go negative.
    expect(paypalSignedMessage('id', 't', 'wh', 'hello')).toBe('id|t|wh|907060870');
    expect(paypalSignedMessage('id', 't', 'wh', 'The quick brown fox jumps over the lazy dog')).toBe('id|t|wh|1095738169');
    expect(paypalSignedMessage('id', 't', 'wh', 'a')).toBe('id|t|wh|3904355907');
  });
});

describe('PayPal through the simulator', () => {
  let sim: PayPalSimulator;
  let calls: string[];
  let client: PaymentClient;
  beforeAll(async () => {
    sim = await PayPalSimulator.start();
    calls = [];
    client = payPalPlugin.create({ ...sim.credentials }, { http: createBasicHttpClient({ onCall: (call) => calls.push(`${call.method} ${call.url}`) }), logger, clock: { now: () => new Date() } });
  });
  afterAll(() => sim.close());
  const parse = (webhook: { headers: Record<string, string>; body: string }) => (client.parseWebhook as NonNullable<PaymentClient['parseWebhook']>)({ headers: webhook.headers, rawBody: Buffer.from(webhook.body) });
  const checkout = () => (client.createCheckout as NonNullable<PaymentClient['createCheckout']>)({ orderId: `o-${Date.now()}`, amountMinor: 1500, currency: 'EUR', description: '1 month', customer: { id: 'c' }, idempotencyKey: `k-${Date.now()}-${Math.random()}` });

  it('approval asks for a capture; capturing (twice, as after a lost answer) completes the payment once', async () => {
    const order = await checkout();
    const [approved] = await parse(sim.signed(sim.approve(order.providerPaymentId)));
    expect(approved).toMatchObject({ type: 'payment.pending', captureRequired: true, providerPaymentId: order.providerPaymentId });
    const captured = await (client.capture as NonNullable<PaymentClient['capture']>)(order.providerPaymentId, 'cap-1');
    expect(captured).toMatchObject({ status: 'paid', amountMinor: 1500, currency: 'EUR' });
    await expect((client.capture as NonNullable<PaymentClient['capture']>)(order.providerPaymentId, 'cap-2')).resolves.toMatchObject({ status: 'paid' });
    expect(sim.mustGet(order.providerPaymentId).status).toBe('COMPLETED');
  });

  it('downloads the certificate once and reuses it', async () => {
    const order = await checkout();
    const before = calls.filter((call) => call.includes('/certs/')).length;
    await parse(sim.signed(sim.approve(order.providerPaymentId)));
    await parse(sim.signed(sim.approve(order.providerPaymentId)));
    expect(calls.filter((call) => call.includes('/certs/')).length - before).toBeLessThanOrEqual(1);
  });

  it('rejects a certificate URL on a foreign host even when the signature itself is valid', async () => {
    const order = await checkout();
    const webhook = sim.signed(sim.approve(order.providerPaymentId));
    const strict = payPalPlugin.create({ ...sim.credentials, certHosts: undefined }, { http: createBasicHttpClient(), logger, clock: { now: () => new Date() } });
    await expect((strict.parseWebhook as NonNullable<PaymentClient['parseWebhook']>)({ headers: webhook.headers, rawBody: Buffer.from(webhook.body) })).rejects.toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
  });

  it('maps subscription and refund events', () => {
    const base = { id: 'WH-1', create_time: '2026-01-01T00:00:00Z' };
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.SALE.COMPLETED', resource: { id: 'S1', billing_agreement_id: 'I-SUB', amount: { total: '9.99', currency: 'USD' } } })).toMatchObject({ type: 'subscription.renewed', providerSubscriptionId: 'I-SUB', amountMinor: 999 });
    expect(mapPayPalEvent({ ...base, event_type: 'BILLING.SUBSCRIPTION.CANCELLED', resource: { id: 'I-SUB' } }).type).toBe('subscription.cancelled');
    expect(mapPayPalEvent({ ...base, event_type: 'BILLING.SUBSCRIPTION.PAYMENT.FAILED', resource: { id: 'I-SUB' } }).type).toBe('payment.failed');
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.CAPTURE.REVERSED', resource: { id: 'C', custom_id: 'o' } }).type).toBe('payment.refunded');
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.SALE.REFUNDED', resource: { id: 'R', sale_id: 'S1' } }).type).toBe('payment.refunded');
    expect(mapPayPalEvent({ ...base, event_type: 'CUSTOMER.DISPUTE.CREATED', resource: { id: 'D' } }).type).toBe('ignored');
  });

  it('a failed subscription payment or declined capture is one attempt (not final); a refund reports the total refunded so far when PayPal gives it', () => {
    const base = { id: 'WH-2', create_time: '2026-01-01T00:00:00Z' };
    expect(mapPayPalEvent({ ...base, event_type: 'BILLING.SUBSCRIPTION.PAYMENT.FAILED', resource: { id: 'I-SUB' } }).final).toBeUndefined();
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.CAPTURE.DECLINED', resource: { id: 'C' } }).final).toBeUndefined();
    const second = { id: 'R2', status: 'COMPLETED', amount: { currency_code: 'EUR', value: '3.00' }, seller_payable_breakdown: { total_refunded_amount: { currency_code: 'EUR', value: '5.00' } } };
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.CAPTURE.REFUNDED', resource: second })).toMatchObject({ type: 'payment.refunded', amountMinor: 500, currency: 'EUR' });
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.SALE.REFUNDED', resource: { id: 'R', sale_id: 'S1', amount: { total: '2.00', currency: 'USD' } } })).toMatchObject({ amountMinor: 200, currency: 'USD' });
  });

  it('a refund names itself (refund id, its own amount) so the hub can add refunds up; a running total, when given, is the amount', () => {
    const base = { id: 'WH-3', create_time: '2026-01-01T00:00:00Z' };
    const alone = { id: 'R1', status: 'COMPLETED', amount: { currency_code: 'EUR', value: '5.00' }, custom_id: 'o' };
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.CAPTURE.REFUNDED', resource: alone })).toMatchObject({ type: 'payment.refunded', amountMinor: 500, currency: 'EUR', refund: { id: 'R1', amountMinor: 500 } });
    const withTotal = { ...alone, id: 'R2', amount: { currency_code: 'EUR', value: '3.00' }, seller_payable_breakdown: { total_refunded_amount: { currency_code: 'EUR', value: '8.00' } } };
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.CAPTURE.REFUNDED', resource: withTotal })).toMatchObject({ amountMinor: 800, refund: { id: 'R2', amountMinor: 300 } });
    // v1 sale refunds: `amount.total`, and the running total as `total_refunded_amount` {value, currency}.
    const sale = { id: 'R3', sale_id: 'S1', custom: 'o', amount: { total: '2.00', currency: 'USD' } };
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.SALE.REFUNDED', resource: sale })).toMatchObject({ providerPaymentId: 'S1', amountMinor: 200, refund: { id: 'R3', amountMinor: 200 } });
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.SALE.REFUNDED', resource: { ...sale, total_refunded_amount: { value: '7.00', currency: 'USD' } } })).toMatchObject({ amountMinor: 700, refund: { id: 'R3', amountMinor: 200 } });
    // No amount at all: nothing to add up (the hub treats it as refunded in full, as before).
    expect(mapPayPalEvent({ ...base, event_type: 'PAYMENT.CAPTURE.REVERSED', resource: { id: 'R4', custom_id: 'o' } }).refund).toBeUndefined();
  });

  it('refunds a capture in parts through the API; each PAYMENT.CAPTURE.REFUNDED names its own refund, then the order reads refunded', async () => {
    const order = await checkout();
    const [captured] = await parse(sim.signed(sim.approveAndCapture(order.providerPaymentId)));
    expect(captured).toMatchObject({ type: 'payment.succeeded', amountMinor: 1500 });
    const refund = (amountMinor?: number, key = `r-${Math.random()}`) => (client.refund as NonNullable<PaymentClient['refund']>)({ providerPaymentId: order.providerPaymentId, amountMinor, idempotencyKey: key });
    await expect(refund(500)).resolves.toMatchObject({ status: 'refunded', amountMinor: 500, currency: 'EUR' });
    await expect(client.getPayment?.(order.providerPaymentId)).resolves.toMatchObject({ status: 'paid' });
    await expect(refund(1100)).rejects.toMatchObject({ code: 'INVALID_INPUT', providerMessage: expect.stringContaining('REFUND_AMOUNT_EXCEEDED') });
    await expect(refund()).resolves.toMatchObject({ amountMinor: 1000 });
    await expect(client.getPayment?.(order.providerPaymentId)).resolves.toMatchObject({ status: 'refunded' });
    await expect(refund()).rejects.toMatchObject({ providerMessage: expect.stringContaining('CAPTURE_FULLY_REFUNDED') });
    const refunds = sim.mustGet(order.providerPaymentId).refunds as { id: string }[];
    expect(refunds).toHaveLength(2);
    const events = await Promise.all(refunds.map(async (resource) => (await parse(sim.signed(sim.emit('PAYMENT.CAPTURE.REFUNDED', 'refund', resource))))[0]));
    expect(events.map((event) => [event.providerPaymentId, event.amountMinor, event.refund])).toEqual([
      [order.providerPaymentId, 500, { id: refunds[0].id, amountMinor: 500 }],
      [order.providerPaymentId, 1000, { id: refunds[1].id, amountMinor: 1000 }],
    ]);
  });
});
