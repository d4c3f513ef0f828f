import { createHmac } from 'node:crypto';
import { createBasicHttpClient, PaymentClient, PluginError } from '../../../core/plugins/sdk';
import { mapNowPayment } from './nowpayments.events';
import { nowPaymentsPlugin } from './nowpayments.plugin';
import { nowPaymentsSignature, sortKeysDeep } from './nowpayments.signature';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const SECRET = 'ipn-secret-unit-test';
const client = (secret = SECRET): PaymentClient => nowPaymentsPlugin.create({ apiKey: 'key-unit-test', ipnSecret: secret }, { http: createBasicHttpClient(), logger, clock: { now: () => new Date('2026-01-01T00:00:00Z') } });
const ipn = { payment_id: 5077125051, invoice_id: 4522625843, payment_status: 'finished', price_amount: 15, price_currency: 'eur', pay_amount: 0.00024, actually_paid: 0.00024, pay_currency: 'btc', order_id: 'order-1', updated_at: 1767225600000, fee: { serviceFee: 0, currency: 'btc', depositFee: 0 } };

describe('NOWPayments IPN signature (x-nowpayments-sig, HMAC-SHA512 over key-sorted JSON)', () => {
  it('matches the documented recipe for a flat body', () => {
    const flat = { b: 1, a: 'x', c: 0.5 };
    const documented = createHmac('sha512', SECRET).update(JSON.stringify(flat, Object.keys(flat).sort())).digest('hex');
    expect(nowPaymentsSignature(flat, SECRET)).toBe(documented);
  });

  it('sorts nested objects too (fee)', () => {
    expect(JSON.stringify(sortKeysDeep(ipn.fee))).toBe('{"currency":"btc","depositFee":0,"serviceFee":0}');
  });

  it('accepts a signed IPN whatever the key order on the wire; rejects tampered, unsigned and wrongly keyed ones', async () => {
    const signature = nowPaymentsSignature(ipn, SECRET);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(ipn).reverse()));
    const parse = (body: string, headers: Record<string, string>, c = client()) => (c.parseWebhook as NonNullable<PaymentClient['parseWebhook']>)({ headers, rawBody: Buffer.from(body) });
    const [event] = await parse(reordered, { 'x-nowpayments-sig': signature });
    expect(event).toMatchObject({ type: 'payment.succeeded', providerEventId: '5077125051:finished', orderId: 'order-1', amountMinor: 1500, currency: 'EUR', confirmWithProvider: true, crypto: { currency: 'btc', expected: '0.00024', paid: '0.00024' }, overpaid: false });
    for (const [body, headers, c] of [
      [JSON.stringify({ ...ipn, actually_paid: 0.00025 }), { 'x-nowpayments-sig': signature }, client()],
      [reordered, {}, client()],
      [reordered, { 'x-nowpayments-sig': signature }, client('other-secret')],
    ] as const) {
      await expect(parse(body, headers, c)).rejects.toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' } satisfies Partial<PluginError>);
    }
  });
});

describe('NOWPayments statuses → hub events', () => {
  it.each([
    ['finished', 'payment.succeeded'],
    ['partially_paid', 'payment.partial'],
    ['failed', 'payment.failed'],
    ['expired', 'payment.failed'],
    ['refunded', 'payment.refunded'],
    ['confirming', 'payment.pending'],
    ['waiting', 'payment.pending'],
    ['something_new', 'ignored'],
  ])('%s → %s', (status, type) => {
    expect(mapNowPayment({ ...ipn, payment_status: status }, new Date()).type).toBe(type);
  });

  it('a failed or expired payment is one attempt of the invoice (not final): the buyer may pay again', () => {
    expect(mapNowPayment({ ...ipn, payment_status: 'expired' }, new Date()).final).toBeUndefined();
    expect(mapNowPayment({ ...ipn, payment_status: 'failed' }, new Date()).final).toBeUndefined();
  });

  it('flags an overpayment and keeps crypto amounts exact', () => {
    const event = mapNowPayment({ ...ipn, actually_paid: 0.00030001 }, new Date());
    expect(event).toMatchObject({ overpaid: true, crypto: { paid: '0.00030001', expected: '0.00024' } });
  });
});
