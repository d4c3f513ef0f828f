import { PaymentConformanceSimulator, paymentConformanceSuite } from '../../../core/plugins/sdk';
import { payPalPlugin } from './paypal.plugin';
import { PayPalSimulator } from './paypal.simulator';

export async function payPalConformanceSimulator(verification: 'offline' | 'api' = 'offline'): Promise<PaymentConformanceSimulator> {
  const sim = await PayPalSimulator.start();
  return {
    url: sim.url,
    config: { ...sim.credentials, verification },
    wrongSecretConfig: { ...sim.credentials, verification, webhookId: 'ANOTHER-WEBHOOK-ID' },
    badCredentialsConfig: { ...sim.credentials, verification, clientSecret: 'wrong-client-secret' },
    pay: async (checkout) => sim.signed(sim.approveAndCapture(checkout.providerPaymentId)),
    stale: async (checkout) => sim.signed(sim.approveAndCapture(checkout.providerPaymentId), { time: new Date(Date.now() - 301_000) }),
    stripSignature: (webhook) => ({ ...webhook, headers: Object.fromEntries(Object.entries(webhook.headers).filter(([name]) => name !== 'paypal-transmission-sig')) }),
    close: () => sim.close(),
  };
}

describe.each(['offline', 'api'] as const)('paypal conformance (%s verification)', (verification) => {
  const suite = paymentConformanceSuite({ plugin: payPalPlugin, startSimulator: () => payPalConformanceSimulator(verification) });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});
