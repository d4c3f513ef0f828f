import { createBasicHttpClient, PaymentClient } from '../../../core/plugins/sdk';
import { btcPaySignature, mapBtcPayWebhook } from './btcpay.events';
import { btcPayPlugin } from './btcpay.plugin';
import { BtcPaySimulator } from './btcpay.simulator';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('BTCPay Server (Greenfield) through the simulator', () => {
  let sim: BtcPaySimulator;
  let client: PaymentClient;
  beforeAll(async () => {
    sim = await BtcPaySimulator.start();
    client = btcPayPlugin.create({ ...sim.credentials }, { http: createBasicHttpClient(), logger, clock: { now: () => new Date() } });
  });
  afterAll(() => sim.close());
  const checkout = (orderId: string) => (client.createCheckout as NonNullable<PaymentClient['createCheckout']>)({ orderId, amountMinor: 1000, currency: 'USD', description: 'x', customer: { id: 'c' }, idempotencyKey: orderId });
  const parse = (webhook: { headers: Record<string, string>; body: string }) => (client.parseWebhook as NonNullable<PaymentClient['parseWebhook']>)({ headers: webhook.headers, rawBody: Buffer.from(webhook.body) });

  it('reuses the open invoice of an order instead of creating a second one (no idempotency header in Greenfield)', async () => {
    const first = await checkout('order-a');
    const again = await checkout('order-a');
    expect(again.providerPaymentId).toBe(first.providerPaymentId);
    expect([...sim.invoices.values()].filter((invoice) => invoice.metadata.orderId === 'order-a')).toHaveLength(1);
  });

  it('verifies the exact pretty-printed bytes; a re-serialised body no longer matches', async () => {
    const invoice = await checkout('order-b');
    const webhook = sim.pay(invoice.providerPaymentId);
    await expect(parse(webhook)).resolves.toMatchObject([{ type: 'payment.succeeded', providerPaymentId: invoice.providerPaymentId, orderId: 'order-b', confirmWithProvider: true }]);
    await expect(parse({ ...webhook, body: JSON.stringify(JSON.parse(webhook.body)) })).rejects.toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
  });

  it('a redelivery keeps the dedupe key of the original delivery', async () => {
    const invoice = await checkout('order-c');
    sim.pay(invoice.providerPaymentId);
    const original = sim.sent[sim.sent.length - 1];
    const [first] = await parse(sim.signed(original));
    const [again] = await parse(sim.redeliver(original));
    expect(again.providerEventId).toBe(first.providerEventId);
  });

  it('an underpaid invoice that expires is payment.partial with the crypto amounts from the API', async () => {
    const invoice = await checkout('order-d');
    sim.pay(invoice.providerPaymentId, '0.5');
    const [event] = await parse(sim.expire(invoice.providerPaymentId));
    expect(event).toMatchObject({ type: 'payment.partial', final: true });
    const status = await (client.getPayment as NonNullable<PaymentClient['getPayment']>)(invoice.providerPaymentId);
    expect(status).toMatchObject({ status: 'partially_paid', amountMinor: 1000, currency: 'USD', crypto: { currency: 'BTC', expected: '0.00016000', paid: '0.00008000' } });
  });

  it('maps the Greenfield event types', () => {
    const base = { deliveryId: 'd', webhookId: 'w', type: '', timestamp: 1, storeId: 's', invoiceId: 'i' };
    expect(mapBtcPayWebhook({ ...base, type: 'InvoiceSettled', overPaid: true })).toMatchObject({ type: 'payment.succeeded', overpaid: true });
    expect(mapBtcPayWebhook({ ...base, type: 'InvoiceExpired', partiallyPaid: false }).type).toBe('payment.failed');
    expect(mapBtcPayWebhook({ ...base, type: 'InvoiceInvalid' }).type).toBe('payment.failed');
    expect(mapBtcPayWebhook({ ...base, type: 'InvoiceProcessing' }).type).toBe('payment.pending');
    expect(mapBtcPayWebhook({ ...base, type: 'PayoutCreated' }).type).toBe('ignored');
    expect(btcPaySignature('{}', 'k')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
