import Stripe from 'stripe';
import { PaymentConformanceSimulator, paymentConformanceSuite } from '../../../core/plugins/sdk';
import { stripePlugin } from './stripe.plugin';
import { StripeSimulator } from './stripe.simulator';

/** Adapts the Stripe simulator to the SDK's payment conformance kit. */
export async function stripeConformanceSimulator(): Promise<PaymentConformanceSimulator> {
  const sim = await StripeSimulator.start();
  return {
    url: sim.url,
    config: { ...sim.credentials, successUrl: 'https://shop.example/ok' },
    wrongSecretConfig: { ...sim.credentials, webhookSecret: 'whsec_wrongwrongwrongwrongwrong00' },
    badCredentialsConfig: { ...sim.credentials, secretKey: 'sk_test_wrongkey000000000000' },
    pay: async (checkout) => sim.signed(sim.paySession(checkout.providerPaymentId)[0]),
    stale: async (checkout) => sim.signed(sim.paySession(checkout.providerPaymentId)[0], { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    stripSignature: (webhook) => ({ ...webhook, headers: Object.fromEntries(Object.entries(webhook.headers).filter(([name]) => name !== 'stripe-signature')) }),
    close: () => sim.close(),
  };
}

describe('stripe conformance', () => {
  const suite = paymentConformanceSuite({ plugin: stripePlugin, startSimulator: stripeConformanceSimulator });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());

  it('signs exactly like the stripe package test helper', () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: '{}', secret: 'whsec_x', timestamp: 1 });
    expect(header).toMatch(/^t=1,v1=[0-9a-f]{64}$/);
  });
});
