import { createHash } from 'node:crypto';
import { createBasicHttpClient, PaymentClient } from '../../../core/plugins/sdk';
import { mapCryptomusWebhook } from './cryptomus.events';
import { cryptomusPlugin } from './cryptomus.plugin';
import { cryptomusWebhookSign, phpJsonEncode } from './cryptomus.signature';
import { CryptomusSimulator } from './cryptomus.simulator';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('Cryptomus sign field (md5(base64(PHP json_encode without sign) + API key))', () => {
  it('escapes slashes the PHP way and leaves unicode alone', () => {
    expect(phpJsonEncode({ url: 'https://a/b', name: 'Ünïcode' })).toBe('{"url":"https:\\/\\/a\\/b","name":"Ünïcode"}');
  });

  it('matches a hand computation of the documented recipe', () => {
    const body = { type: 'payment', uuid: 'u', order_id: 'o', amount: '15.00', additional_data: '1 month / 2 screens', sign: 'x' };
    const json = '{"type":"payment","uuid":"u","order_id":"o","amount":"15.00","additional_data":"1 month \\/ 2 screens"}';
    expect(cryptomusWebhookSign(body, 'KEY')).toBe(createHash('md5').update(Buffer.from(json).toString('base64') + 'KEY').digest('hex'));
  });
});

describe('Cryptomus through the simulator', () => {
  let sim: CryptomusSimulator;
  let client: PaymentClient;
  beforeAll(async () => {
    sim = await CryptomusSimulator.start();
    client = cryptomusPlugin.create({ ...sim.credentials }, { http: createBasicHttpClient(), logger, clock: { now: () => new Date() } });
  });
  afterAll(() => sim.close());
  const checkout = (orderId: string) => (client.createCheckout as NonNullable<PaymentClient['createCheckout']>)({ orderId, amountMinor: 1500, currency: 'EUR', description: '1 month / 2 screens', customer: { id: 'c' }, idempotencyKey: orderId });
  const parse = (body: string) => (client.parseWebhook as NonNullable<PaymentClient['parseWebhook']>)({ headers: {}, rawBody: Buffer.from(body) });

  it('creating twice for one order_id returns the same invoice', async () => {
    const first = await checkout('order-1');
    expect((await checkout('order-1')).providerPaymentId).toBe(first.providerPaymentId);
    expect(sim.payments.size).toBe(1);
  });

  it('verifies webhooks whose body carries escaped slashes; an underpayment waiting for top-up is payment.partial, not final', async () => {
    const invoice = await checkout('order-2');
    const webhook = sim.pay(invoice.providerPaymentId, { fraction: '0.9' });
    expect(webhook.body).toContain('1 month \\/ 2 screens');
    const [event] = await parse(webhook.body);
    expect(event).toMatchObject({ type: 'payment.partial', final: false, providerEventId: `${invoice.providerPaymentId}:wrong_amount_waiting`, crypto: { currency: 'USDT', expected: '15.00000000', paid: '13.50000000' } });
    const topped = sim.pay(invoice.providerPaymentId, { fraction: '1.05' });
    const [over] = await parse(topped.body);
    expect(over).toMatchObject({ type: 'payment.succeeded', overpaid: true, confirmWithProvider: true, amountMinor: 1500, currency: 'EUR' });
    expect(await (client.getPayment as NonNullable<PaymentClient['getPayment']>)(invoice.providerPaymentId)).toMatchObject({ status: 'paid', overpaid: true, orderId: 'order-2' });
  });

  it('maps the statuses', () => {
    const base = { uuid: 'u', order_id: 'o', amount: '1.00', currency: 'USD' };
    const type = (status: string, isFinal = true) => mapCryptomusWebhook({ ...base, status, is_final: isFinal }, new Date()).type;
    expect([type('paid'), type('paid', false), type('wrong_amount'), type('fail'), type('cancel'), type('system_fail'), type('refund_paid'), type('process'), type('new_thing')]).toEqual([
      'payment.succeeded', 'payment.pending', 'payment.partial', 'payment.failed', 'payment.failed', 'payment.failed', 'payment.refunded', 'payment.pending', 'ignored',
    ]);
  });
});
