import { PaymentConformanceSimulator, paymentConformanceSuite } from '../../../core/plugins/sdk';
import { btcPayPlugin } from './btcpay.plugin';
import { BtcPaySimulator } from './btcpay.simulator';

export async function btcPayConformanceSimulator(): Promise<PaymentConformanceSimulator> {
  const sim = await BtcPaySimulator.start();
  return {
    url: sim.url,
    config: { ...sim.credentials },
    wrongSecretConfig: { ...sim.credentials, webhookSecret: 'another-webhook-secret' },
    badCredentialsConfig: { ...sim.credentials, apiKey: 'wrong-api-key-0000' },
    pay: async (checkout) => sim.pay(checkout.providerPaymentId),
    stripSignature: (webhook) => ({ ...webhook, headers: { 'content-type': 'application/json' } }),
    close: () => sim.close(),
  };
}

describe('btcpay conformance', () => {
  const suite = paymentConformanceSuite({ plugin: btcPayPlugin, startSimulator: btcPayConformanceSimulator });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});
