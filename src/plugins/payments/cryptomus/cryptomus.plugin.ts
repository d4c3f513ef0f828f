import { definePaymentPlugin } from '../../../core/plugins/sdk';
import { CryptomusClient, CryptomusConfig } from './cryptomus.client';

/** Cryptomus crypto invoices; webhooks signed in the body (`sign`). */
export const cryptomusPlugin = definePaymentPlugin({
  manifest: {
    id: 'cryptomus',
    kind: 'payment',
    name: 'Cryptomus',
    version: '1.0.0',
    sdk: '^1.1.0',
    description: 'Cryptomus invoices (idempotent per order_id). Webhooks: body field sign = md5(base64(PHP json_encode without sign) + payment API key); paid/paid_over (is_final) → succeeded, wrong_amount(_waiting) → payment.partial; confirmed through /v1/payment/info before provisioning.',
    configSchema: {
      type: 'object',
      properties: {
        merchantId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$', description: 'Merchant UUID (header `merchant`)' },
        paymentApiKey: { type: 'string', minLength: 8, maxLength: 500, writeOnly: true, description: 'Payment API key: signs requests and webhooks' },
        apiBaseUrl: { type: 'string', pattern: '^https?://', default: 'https://api.cryptomus.com' },
        lifetimeSeconds: { type: 'integer', minimum: 300, maximum: 43200, default: 3600, description: 'Invoice lifetime' },
        successUrl: { type: 'string', pattern: '^https?://' },
      },
      required: ['merchantId', 'paymentApiKey'],
      additionalProperties: false,
    },
    capabilities: ['createCheckout', 'parseWebhook', 'getPayment', 'testConnection'],
    notes: { signatureTimestamp: false, webhookDedupeKey: 'uuid:status', confirmsThroughApi: true },
  },
  create: (config, ctx) => new CryptomusClient(config as unknown as CryptomusConfig, ctx),
});
