import { definePaymentPlugin } from '../../../core/plugins/sdk';
import { StripeClient, StripeConfig } from './stripe.client';

/** Stripe: Checkout Sessions (one-off and subscriptions), invoices for renewals, refunds; webhooks via the official `stripe` package. */
export const stripePlugin = definePaymentPlugin({
  manifest: {
    id: 'stripe',
    kind: 'payment',
    name: 'Stripe',
    version: '1.0.0',
    sdk: '^1.1.0',
    description: 'Stripe Checkout (payment and subscription mode), invoice.paid renewals, refunds and disputes. Webhooks: Stripe-Signature verified with stripe.webhooks.constructEvent (300 s tolerance).',
    configSchema: {
      type: 'object',
      properties: {
        secretKey: { type: 'string', pattern: '^(sk|rk)_[A-Za-z0-9_]+$', writeOnly: true, description: 'Secret or restricted API key (sk_live_…, sk_test_…, rk_…)' },
        webhookSecret: { type: 'string', pattern: '^whsec_[A-Za-z0-9+/=_-]+$', writeOnly: true, description: 'Signing secret of the webhook endpoint (whsec_…)' },
        apiBaseUrl: { type: 'string', pattern: '^https?://', default: 'https://api.stripe.com', description: 'Stripe API base URL (change only for a simulator or proxy)' },
        successUrl: { type: 'string', pattern: '^https?://', description: 'Where Checkout sends the buyer after paying, when a checkout does not say' },
        cancelUrl: { type: 'string', pattern: '^https?://', description: 'Where Checkout sends a buyer who cancels' },
      },
      required: ['secretKey', 'webhookSecret'],
      additionalProperties: false,
    },
    capabilities: ['createCheckout', 'parseWebhook', 'getPayment', 'refund', 'testConnection'],
    notes: { signatureTimestamp: true, webhookDedupeKey: 'event id (evt_…)' },
  },
  create: (config, ctx) => new StripeClient(config as unknown as StripeConfig, ctx),
});
