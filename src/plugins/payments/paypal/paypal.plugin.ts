import { definePaymentPlugin } from '../../../core/plugins/sdk';
import { PayPalClient, PayPalConfig } from './paypal.client';

/**
 * PayPal Orders v2, the Subscriptions API for recurring checkouts, and REST webhooks verified
 * offline against PayPal's certificate (or through PayPal's API).
 */
export const payPalPlugin = definePaymentPlugin({
  manifest: {
    id: 'paypal',
    kind: 'payment',
    name: 'PayPal',
    version: '1.1.0',
    sdk: '^1.1.0',
    description:
      'PayPal Orders v2: create, capture on CHECKOUT.ORDER.APPROVED, refund. Recurring checkouts: Subscriptions API (a catalog product and plan per hub product, price and period, created once and kept in the account state; custom_id = hub order), sales as payments and renewals. Webhooks: RSA-SHA256 over transmission id|time|webhook id|crc32(body) with the certificate from PAYPAL-CERT-URL (PayPal hosts only, cached), or the verify-webhook-signature API; transmission time checked against a window.',
    configSchema: {
      type: 'object',
      properties: {
        clientId: { type: 'string', minLength: 8, maxLength: 200, description: 'REST app client id' },
        clientSecret: { type: 'string', minLength: 8, maxLength: 200, writeOnly: true, description: 'REST app secret' },
        webhookId: { type: 'string', minLength: 1, maxLength: 100, description: 'Id of the webhook registered for the hub URL in the PayPal app (differs between sandbox and live)' },
        apiBaseUrl: { type: 'string', pattern: '^https?://', default: 'https://api-m.paypal.com', description: 'https://api-m.paypal.com or https://api-m.sandbox.paypal.com' },
        verification: { type: 'string', enum: ['offline', 'api'], default: 'offline', description: 'offline: check the certificate signature locally; api: ask PayPal (one extra call per webhook)' },
        certHosts: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 255 }, maxItems: 10, description: 'Extra hosts PAYPAL-CERT-URL may point at (simulators, test rigs only). Default: PayPal hosts over HTTPS' },
        maxAgeSeconds: { type: 'integer', minimum: 60, maximum: 259200, default: 300, description: 'How far PAYPAL-TRANSMISSION-TIME may be from now' },
        successUrl: { type: 'string', pattern: '^https?://' },
        cancelUrl: { type: 'string', pattern: '^https?://' },
      },
      required: ['clientId', 'clientSecret', 'webhookId'],
      additionalProperties: false,
    },
    capabilities: ['createCheckout', 'parseWebhook', 'getPayment', 'refund', 'testConnection', 'capture'],
    notes: { signatureTimestamp: true, webhookDedupeKey: 'event id (WH-…)', captureOnApproval: true, recurring: 'Subscriptions API v1 (products, plans, subscriptions); plan ids kept in ctx.state' },
  },
  create: (config, ctx) => new PayPalClient(config as unknown as PayPalConfig, ctx),
});
