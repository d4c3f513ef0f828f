import { createHmac } from 'node:crypto';
import type { PaymentEvent } from '../../../core/plugins/sdk';

/** A Greenfield webhook delivery (swagger.template.webhooks.json). */
export interface BtcPayWebhookWire {
  deliveryId: string;
  webhookId: string;
  originalDeliveryId?: string | null;
  isRedelivery?: boolean;
  type: string;
  timestamp: number;
  storeId: string;
  invoiceId?: string;
  metadata?: Record<string, unknown> | null;
  manuallyMarked?: boolean;
  overPaid?: boolean;
  partiallyPaid?: boolean;
  afterExpiration?: boolean;
}

/** `BTCPay-Sig: sha256=<hex>`: HMAC-SHA256 of the exact body bytes (pretty-printed JSON, never re-serialised). */
export function btcPaySignature(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Greenfield event types → hub events (payments.md B.4, B.12). No timestamp under the signature
 * and no amount in the payload: the hub re-fetches the invoice before acting. Dedupe key:
 * `originalDeliveryId ?? deliveryId`, so a redelivery of the same event is the same key.
 */
export function mapBtcPayWebhook(delivery: BtcPayWebhookWire): PaymentEvent {
  const base = {
    providerEventId: delivery.originalDeliveryId || delivery.deliveryId,
    providerEventType: delivery.type,
    providerPaymentId: delivery.invoiceId ?? delivery.deliveryId,
    orderId: typeof delivery.metadata?.orderId === 'string' ? delivery.metadata.orderId : undefined,
    occurredAt: new Date(delivery.timestamp * 1000).toISOString(),
  };
  switch (delivery.type) {
    case 'InvoiceSettled':
      return { ...base, type: 'payment.succeeded', overpaid: delivery.overPaid === true, confirmWithProvider: true, final: true };
    case 'InvoiceExpired':
      // The invoice is over (final); a payment that still settles it late pays the order all the same (money beats a failed checkout).
      return delivery.partiallyPaid ? { ...base, type: 'payment.partial', confirmWithProvider: true, final: true, reason: 'expired partially paid' } : { ...base, type: 'payment.failed', final: true, reason: 'invoice expired' };
    case 'InvoiceInvalid':
      return { ...base, type: 'payment.failed', final: true, reason: delivery.manuallyMarked ? 'marked invalid' : 'invoice invalid' };
    case 'InvoiceCreated':
    case 'InvoiceReceivedPayment':
    case 'InvoicePaymentSettled':
    case 'InvoiceProcessing':
      return { ...base, type: 'payment.pending' };
    default:
      return { ...base, type: 'ignored' };
  }
}
