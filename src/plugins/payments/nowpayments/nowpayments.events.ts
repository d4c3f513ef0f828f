import { compareDecimal, decimalToMinor, isDecimalString, numberText, PaymentEvent, PaymentStatus } from '../../../core/plugins/sdk';

/** A NOWPayments payment as the IPN and `GET /v1/payment/{id}` show it. */
export interface NowPaymentWire {
  payment_id: number | string;
  invoice_id?: number | string | null;
  payment_status: string;
  price_amount: number | string;
  price_currency: string;
  pay_amount?: number | string;
  actually_paid?: number | string;
  pay_currency?: string;
  order_id?: string | null;
  updated_at?: number | string;
  [field: string]: unknown;
}

const PENDING = new Set(['waiting', 'confirming', 'confirmed', 'sending']);

/**
 * IPN statuses → hub events (payments.md B.3, B.12). The signature has no timestamp, so every
 * money-moving event asks the hub to confirm through the API first. Dedupe key:
 * `payment_id:payment_status` (C.1).
 */
export function mapNowPayment(ipn: NowPaymentWire, receivedAt: Date): PaymentEvent {
  const status = ipn.payment_status;
  const crypto = cryptoOf(ipn);
  const base = {
    providerEventId: `${ipn.payment_id}:${status}`,
    providerEventType: status,
    providerPaymentId: String(ipn.payment_id),
    orderId: ipn.order_id ?? undefined,
    amountMinor: decimalToMinor(amountText(ipn.price_amount), ipn.price_currency),
    currency: ipn.price_currency.toUpperCase(),
    occurredAt: instant(ipn.updated_at) ?? receivedAt.toISOString(),
    crypto,
  };
  switch (status) {
    case 'finished':
      return { ...base, type: 'payment.succeeded', overpaid: overpaid(crypto), confirmWithProvider: true, final: true };
    case 'partially_paid':
      return { ...base, type: 'payment.partial', confirmWithProvider: true, reason: 'underpaid' };
    case 'failed':
    case 'expired':
      // One payment of the invoice failed or ran out of time; the buyer may start another one from the same invoice (not final).
      return { ...base, type: 'payment.failed', reason: status };
    case 'refunded':
      return { ...base, type: 'payment.refunded', confirmWithProvider: true, reason: 'refunded' };
    default:
      return { ...base, type: PENDING.has(status) ? 'payment.pending' : 'ignored' };
  }
}

export function nowPaymentStatus(payment: NowPaymentWire): PaymentStatus {
  const crypto = cryptoOf(payment);
  const map: Record<string, PaymentStatus['status']> = { finished: 'paid', partially_paid: 'partially_paid', failed: 'failed', expired: 'failed', refunded: 'refunded' };
  return {
    providerPaymentId: String(payment.payment_id),
    status: map[payment.payment_status] ?? 'pending',
    amountMinor: decimalToMinor(amountText(payment.price_amount), payment.price_currency),
    currency: payment.price_currency.toUpperCase(),
    orderId: payment.order_id ?? undefined,
    crypto,
    overpaid: overpaid(crypto),
  };
}

function cryptoOf(ipn: NowPaymentWire): PaymentEvent['crypto'] {
  if (ipn.pay_amount === undefined || ipn.pay_currency === undefined) return undefined;
  return { currency: ipn.pay_currency, expected: amountText(ipn.pay_amount), paid: amountText(ipn.actually_paid ?? 0) };
}

function overpaid(crypto: PaymentEvent['crypto']): boolean {
  if (!crypto) return false;
  return compareDecimal(crypto.expected, '0') > 0 && compareDecimal(crypto.paid, crypto.expected) > 0;
}

function amountText(value: number | string): string {
  return typeof value === 'number' ? numberText(value) : isDecimalString(value) ? value.trim() : '0';
}

function instant(value: unknown): string | undefined {
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return undefined;
}
