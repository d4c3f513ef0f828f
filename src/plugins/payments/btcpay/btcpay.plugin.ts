import { definePaymentPlugin } from '../../../core/plugins/sdk';
import { BtcPayClient, BtcPayConfig } from './btcpay.client';

/** BTCPay Server (Greenfield API): self-hosted, non-custodial invoices. */
export const btcPayPlugin = definePaymentPlugin({
  manifest: {
    id: 'btcpay',
    kind: 'payment',
    name: 'BTCPay Server',
    version: '1.0.0',
    sdk: '^1.1.0',
    description: 'BTCPay Server Greenfield invoices. Webhooks: BTCPay-Sig (sha256= HMAC over the raw body); InvoiceSettled → paid, InvoiceExpired with partiallyPaid → payment.partial, InvoiceExpired/Invalid → failed. Invoices are re-fetched before provisioning.',
    configSchema: {
      type: 'object',
      properties: {
        serverUrl: { type: 'string', pattern: '^https?://', description: 'Your BTCPay Server, e.g. https://btcpay.example.com' },
        storeId: { type: 'string', minLength: 1, maxLength: 100, description: 'Store id (Store settings → General)' },
        apiKey: { type: 'string', minLength: 8, maxLength: 200, writeOnly: true, description: 'Greenfield API key with btcpay.store.cancreateinvoice and btcpay.store.canviewinvoices' },
        webhookSecret: { type: 'string', minLength: 8, maxLength: 200, writeOnly: true, description: 'Secret of the store webhook pointing at the hub' },
        expirationMinutes: { type: 'integer', minimum: 1, maximum: 10080, description: 'Invoice expiry (default: the store setting)' },
        successUrl: { type: 'string', pattern: '^https?://' },
      },
      required: ['serverUrl', 'storeId', 'apiKey', 'webhookSecret'],
      additionalProperties: false,
    },
    capabilities: ['createCheckout', 'parseWebhook', 'getPayment', 'testConnection'],
    notes: { signatureTimestamp: false, webhookDedupeKey: 'originalDeliveryId ?? deliveryId', confirmsThroughApi: true },
  },
  create: (config, ctx) => new BtcPayClient(config as unknown as BtcPayConfig, ctx),
});
