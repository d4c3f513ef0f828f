import { compareDecimal, decimalToMinor, isDecimalString, PaymentEvent, PaymentStatus } from '../../../core/plugins/sdk';

/** A Cryptomus payment as webhooks and `POST /v1/payment/info` show it (amounts are strings). */
export interface CryptomusPaymentWire {
  uuid: string;
  order_id: string;
  amount: string;
  currency: string;
  status?: string;
  payment_status?: string;
  payment_amount?: string | null;
  payer_amount?: string | null;
  payer_currency?: string | null;
  is_final?: boolean;
  [field: string]: unknown;
}

const PENDING = new Set(['check', 'process', 'confirm_check', 'refund_process', 'refund_fail', 'locked']);

function statusOf(payment: CryptomusPaymentWire): string {
  return String(payment.status ?? payment.payment_status ?? '');
}

/**
 * Cryptomus statuses → hub events (payments.md B.5, B.12). Paid only with `is_final`; the signature
 * has no timestamp, so money-moving events are confirmed through the API first. Dedupe key:
 * `uuid:status` (C.1).
 */
export function mapCryptomusWebhook(payment: CryptomusPaymentWire, receivedAt: Date): PaymentEvent {
  const status = statusOf(payment);
  const base = {
    providerEventId: `${payment.uuid}:${status}`,
    providerEventType: status,
    providerPaymentId: payment.uuid,
    orderId: payment.order_id,
    amountMinor: isDecimalString(payment.amount) ? decimalToMinor(payment.amount, payment.currency) : undefined,
    currency: payment.currency.toUpperCase(),
    occurredAt: receivedAt.toISOString(),
    crypto: cryptoOf(payment),
    final: payment.is_final === true,
  };
  switch (status) {
    case 'paid':
    case 'paid_over':
      return payment.is_final === false ? { ...base, type: 'payment.pending' } : { ...base, type: 'payment.succeeded', overpaid: status === 'paid_over', confirmWithProvider: true };
    case 'wrong_amount':
    case 'wrong_amount_waiting':
      return { ...base, type: 'payment.partial', confirmWithProvider: true, reason: status };
    case 'fail':
    case 'cancel':
    case 'system_fail':
      return { ...base, type: 'payment.failed', reason: status };
    case 'refund_paid':
      return { ...base, type: 'payment.refunded', confirmWithProvider: true, reason: 'refunded' };
    default:
      return { ...base, type: PENDING.has(status) ? 'payment.pending' : 'ignored' };
  }
}

export function cryptomusStatus(payment: CryptomusPaymentWire): PaymentStatus {
  const status = statusOf(payment);
  const map: Record<string, PaymentStatus['status']> = { paid: 'paid', paid_over: 'paid', wrong_amount: 'partially_paid', wrong_amount_waiting: 'partially_paid', fail: 'failed', cancel: 'failed', system_fail: 'failed', refund_paid: 'refunded' };
  return {
    providerPaymentId: payment.uuid,
    status: map[status] ?? 'pending',
    amountMinor: isDecimalString(payment.amount) ? decimalToMinor(payment.amount, payment.currency) : undefined,
    currency: payment.currency.toUpperCase(),
    orderId: payment.order_id,
    overpaid: status === 'paid_over',
    crypto: cryptoOf(payment),
  };
}

/** What the payer had to send (`payer_amount`) and what arrived (`payment_amount`), in `payer_currency`. */
function cryptoOf(payment: CryptomusPaymentWire): PaymentEvent['crypto'] {
  if (!payment.payer_currency || !isDecimalString(payment.payer_amount)) return undefined;
  const paid = isDecimalString(payment.payment_amount) ? payment.payment_amount : '0';
  return { currency: payment.payer_currency, expected: payment.payer_amount, paid: compareDecimal(paid, '0') >= 0 ? paid : '0' };
}
