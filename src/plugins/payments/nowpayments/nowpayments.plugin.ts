import { definePaymentPlugin } from '../../../core/plugins/sdk';
import { NowPaymentsClient, NowPaymentsConfig } from './nowpayments.client';

/** NOWPayments crypto invoices; IPNs signed with HMAC-SHA512 over the key-sorted JSON. */
export const nowPaymentsPlugin = definePaymentPlugin({
  manifest: {
    id: 'nowpayments',
    kind: 'payment',
    name: 'NOWPayments',
    version: '1.0.0',
    sdk: '^1.1.0',
    description: 'NOWPayments hosted crypto invoices. IPN: x-nowpayments-sig (HMAC-SHA512, key-sorted JSON); no timestamp, so payments are confirmed through GET /v1/payment/{id} before provisioning. partially_paid → payment.partial.',
    configSchema: {
      type: 'object',
      properties: {
        apiKey: { type: 'string', minLength: 8, maxLength: 200, writeOnly: true, description: 'API key (x-api-key)' },
        ipnSecret: { type: 'string', minLength: 8, maxLength: 200, writeOnly: true, description: 'IPN secret key (Store settings → IPN); without it NOWPayments sends no IPNs' },
        apiBaseUrl: { type: 'string', pattern: '^https?://', default: 'https://api.nowpayments.io', description: 'https://api.nowpayments.io, or https://api-sandbox.nowpayments.io for the sandbox' },
        successUrl: { type: 'string', pattern: '^https?://' },
        cancelUrl: { type: 'string', pattern: '^https?://' },
      },
      required: ['apiKey', 'ipnSecret'],
      additionalProperties: false,
    },
    capabilities: ['createCheckout', 'parseWebhook', 'getPayment', 'testConnection'],
    notes: { signatureTimestamp: false, webhookDedupeKey: 'payment_id:payment_status', confirmsThroughApi: true },
  },
  create: (config, ctx) => new NowPaymentsClient(config as unknown as NowPaymentsConfig, ctx),
});
