import { PaymentConformanceSimulator, paymentConformanceSuite } from '../../../core/plugins/sdk';
import { cryptomusPlugin } from './cryptomus.plugin';
import { CryptomusSimulator } from './cryptomus.simulator';

export async function cryptomusConformanceSimulator(): Promise<PaymentConformanceSimulator> {
  const sim = await CryptomusSimulator.start();
  return {
    url: sim.url,
    config: { ...sim.credentials },
    wrongSecretConfig: { ...sim.credentials, paymentApiKey: 'another-payment-api-key' },
    badCredentialsConfig: { ...sim.credentials, paymentApiKey: 'another-payment-api-key' },
    pay: async (checkout) => sim.pay(checkout.providerPaymentId),
    stripSignature: (webhook) => {
      const { sign: _sign, ...rest } = JSON.parse(webhook.body) as Record<string, unknown>;
      return { ...webhook, body: JSON.stringify(rest) };
    },
    close: () => sim.close(),
  };
}

describe('cryptomus conformance', () => {
  const suite = paymentConformanceSuite({ plugin: cryptomusPlugin, startSimulator: cryptomusConformanceSimulator });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});
