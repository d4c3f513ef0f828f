import { CheckoutInput, CheckoutResult, definePaymentPlugin, minorToDecimal, PaymentClient } from '../../../core/plugins/sdk';

interface ManualConfig {
  instructions?: string;
}

/**
 * Payments an operator confirms by hand (bank transfer, cash, a reseller's word). A checkout only
 * returns the payment instructions; the order is marked paid, partially paid, failed or refunded
 * through `POST /orders/{id}/mark-paid` (and siblings), which start the same workflows. There is
 * no webhook: the inbound endpoint refuses manual accounts.
 */
export const manualPaymentPlugin = definePaymentPlugin({
  manifest: {
    id: 'manual',
    kind: 'payment',
    name: 'Manual payment',
    version: '1.0.0',
    sdk: '^1.1.0',
    description: 'An operator marks orders paid through the API (POST /orders/{id}/mark-paid); checkout returns payment instructions.',
    configSchema: {
      type: 'object',
      properties: {
        instructions: { type: 'string', maxLength: 2000, description: 'Shown to the buyer at checkout; {amount}, {currency} and {reference} are replaced' },
      },
      additionalProperties: false,
    },
    capabilities: ['createCheckout'],
  },
  create: (config): PaymentClient => ({
    async createCheckout(input: CheckoutInput): Promise<CheckoutResult> {
      const reference = `manual:${input.orderId}`;
      const instructions = ((config as ManualConfig).instructions ?? 'Pay {amount} {currency} and quote {reference}.')
        .replaceAll('{amount}', minorToDecimal(input.amountMinor, input.currency))
        .replaceAll('{currency}', input.currency)
        .replaceAll('{reference}', reference);
      return { providerPaymentId: reference, raw: { instructions } };
    },
  }),
});
