import type { PaymentEvent } from '../plugins/sdk';
import { decidePayment } from './payment-decision';

const order = { amountMinor: 1500, currency: 'EUR' };
const event = (overrides: Partial<PaymentEvent>): PaymentEvent => ({ providerEventId: 'e', type: 'payment.succeeded', providerPaymentId: 'p', occurredAt: '2026-01-01T00:00:00Z', ...overrides });
const review = { tolerancePercent: 0, underpayment: 'review' as const };

describe('payment decisions (money rules)', () => {
  it('a full payment is paid; an overpayment is paid and flagged', () => {
    expect(decidePayment(event({ amountMinor: 1500, currency: 'EUR' }), order, review)).toMatchObject({ action: 'paid', amountPaidMinor: 1500, extra: { overpaid: false } });
    expect(decidePayment(event({ amountMinor: 1500, currency: 'EUR', overpaid: true, crypto: { currency: 'btc', expected: '1', paid: '1.2' } }), order, review)).toMatchObject({ action: 'paid', extra: { overpaid: true } });
  });

  it('a crypto underpayment within the tolerance counts as paid', () => {
    const decision = decidePayment(event({ type: 'payment.partial', crypto: { currency: 'usdt', expected: '15.00', paid: '14.90' } }), order, { tolerancePercent: 1, underpayment: 'review' });
    expect(decision).toMatchObject({ action: 'paid', amountPaidMinor: 1500, extra: { underpaid: true, acceptedWithinTolerance: true, shortfallPercent: 0.667 } });
  });

  it('beyond the tolerance: review at once, or wait for a top-up until the provider says it is final', () => {
    const short = event({ type: 'payment.partial', crypto: { currency: 'usdt', expected: '15.00', paid: '13.50' } });
    expect(decidePayment(short, order, review)).toMatchObject({ action: 'partial', amountPaidMinor: 1350, review: 'underpaid by 10% (tolerance 0%)' });
    expect(decidePayment(short, order, { tolerancePercent: 0, underpayment: 'wait' })).toMatchObject({ action: 'partial', review: null });
    expect(decidePayment({ ...short, final: true }, order, { tolerancePercent: 0, underpayment: 'wait' })).toMatchObject({ action: 'partial', review: expect.stringContaining('underpaid') });
  });

  it('a top-up that completes the payment is paid', () => {
    expect(decidePayment(event({ type: 'payment.partial', crypto: { currency: 'usdt', expected: '15', paid: '15.000001' } }), order, review)).toMatchObject({ action: 'paid', extra: { overpaid: true } });
  });

  it('a fiat amount below the price or in another currency is not silently paid', () => {
    expect(decidePayment(event({ amountMinor: 1000, currency: 'EUR' }), order, review)).toMatchObject({ action: 'partial', review: expect.stringContaining('underpaid') });
    expect(decidePayment(event({ amountMinor: 1500, currency: 'USD' }), order, review)).toMatchObject({ action: 'partial', review: expect.stringContaining('USD') });
  });

  it('a crypto "paid" is held to the order\'s fiat price and currency too', () => {
    const crypto = { currency: 'btc', expected: '0.0000002', paid: '0.0000002' };
    expect(decidePayment(event({ amountMinor: 1, currency: 'EUR', crypto, final: true }), order, review)).toMatchObject({ action: 'partial', review: expect.stringContaining('underpaid') });
    expect(decidePayment(event({ amountMinor: 1500, currency: 'USD', crypto }), order, review)).toMatchObject({ action: 'partial', review: expect.stringContaining('USD') });
    expect(decidePayment(event({ type: 'payment.partial', amountMinor: 1, currency: 'EUR', crypto, final: true }), order, review)).toMatchObject({ action: 'partial', review: expect.stringContaining('underpaid') });
    expect(decidePayment(event({ amountMinor: 1500, currency: 'EUR', crypto }), order, review)).toMatchObject({ action: 'paid' });
  });

  it('a failed attempt leaves the order open; only a final failure (expired session, invalid invoice) fails it', () => {
    expect(decidePayment(event({ type: 'payment.failed', reason: 'card declined' }), order, review)).toEqual({ action: 'attempt_failed', reason: 'card declined' });
    expect(decidePayment(event({ type: 'payment.failed', reason: 'checkout expired', final: true }), order, review)).toEqual({ action: 'failed', reason: 'checkout expired' });
  });

  it('a refund of less than was paid is partial; the whole amount (or an unknown amount) is a refund', () => {
    const paid = { ...order, status: 'paid', amountPaidMinor: 1500 };
    expect(decidePayment(event({ type: 'payment.refunded', amountMinor: 200, currency: 'EUR' }), paid, review)).toEqual({ action: 'partially_refunded', reason: 'refunded', amountRefundedMinor: 200 });
    expect(decidePayment(event({ type: 'payment.refunded', amountMinor: 1500, currency: 'EUR' }), paid, review)).toMatchObject({ action: 'refunded', amountRefundedMinor: 1500 });
    expect(decidePayment(event({ type: 'payment.refunded' }), paid, review).action).toBe('refunded');
  });

  it('a "paid" for an unpaid order that was refunded first goes to review', () => {
    const refundedFirst = { ...order, status: 'pending', amountRefundedMinor: 1500 };
    expect(decidePayment(event({ amountMinor: 1500, currency: 'EUR' }), refundedFirst, review)).toMatchObject({ action: 'review', reason: expect.stringContaining('refund') });
    expect(decidePayment(event({ amountMinor: 1500, currency: 'EUR' }), { ...refundedFirst, status: 'paid' }, review).action).toBe('paid');
  });

  it('failures, refunds and cancellations', () => {
    expect(decidePayment(event({ type: 'payment.failed', reason: 'expired', final: true }), order, review)).toEqual({ action: 'failed', reason: 'expired' });
    expect(decidePayment(event({ type: 'payment.refunded' }), order, review).action).toBe('refunded');
    expect(decidePayment(event({ type: 'subscription.cancelled' }), order, review).action).toBe('cancel_subscription');
    expect(decidePayment(event({ type: 'payment.pending' }), order, review).action).toBe('none');
  });
});
