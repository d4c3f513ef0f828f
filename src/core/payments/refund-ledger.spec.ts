import type { PaymentEvent } from '../plugins/sdk';
import { refundedTotal } from './refund-ledger';

const refund = (id: string, amountMinor: number, extra: Partial<PaymentEvent> = {}): PaymentEvent => ({
  providerEventId: `WH-${id}-${Math.random()}`,
  type: 'payment.refunded',
  providerPaymentId: 'ORDER-1',
  amountMinor,
  currency: 'EUR',
  occurredAt: '2026-01-01T00:00:00.000Z',
  refund: { id, amountMinor },
  ...extra,
});

describe('refundedTotal (refunds reported one by one)', () => {
  it('adds up distinct refunds: two partial refunds make the full price', () => {
    expect(refundedTotal(refund('R2', 799), [refund('R1', 500)])).toBe(1299);
  });

  it('counts a refund once however often it was delivered or re-read (same refund id, other event ids)', () => {
    expect(refundedTotal(refund('R1', 500), [refund('R1', 500), refund('R1', 500)])).toBe(500);
    expect(refundedTotal(refund('R2', 300), [refund('R1', 500), refund('R1', 500)])).toBe(800);
  });

  it("a provider's running total wins when larger (it also counts refunds whose events never arrived)", () => {
    expect(refundedTotal(refund('R3', 1299, { refund: { id: 'R3', amountMinor: 299 } }), [refund('R1', 500)])).toBe(1299);
  });

  it('adds only refunds in the same currency, and ignores malformed ones', () => {
    const other = refund('R9', 700, { currency: 'USD' });
    const broken = refund('R8', 100, { refund: { id: 'R8', amountMinor: Number.NaN } });
    expect(refundedTotal(refund('R2', 300), [refund('R1', 500), other, broken])).toBe(800);
  });

  it('leaves an event without a refund id as the provider reported it (Stripe: amount_refunded is the running total)', () => {
    expect(refundedTotal({ ...refund('x', 200), refund: undefined }, [refund('R1', 500)])).toBe(200);
    expect(refundedTotal({ ...refund('x', 200), refund: undefined, amountMinor: undefined }, [])).toBeUndefined();
  });
});
