import { PaymentConformanceSimulator, paymentConformanceSuite } from '../../../core/plugins/sdk';
import { nowPaymentsPlugin } from './nowpayments.plugin';
import { NowPaymentsSimulator } from './nowpayments.simulator';

export async function nowPaymentsConformanceSimulator(): Promise<PaymentConformanceSimulator> {
  const sim = await NowPaymentsSimulator.start();
  return {
    url: sim.url,
    config: { ...sim.credentials },
    wrongSecretConfig: { ...sim.credentials, ipnSecret: 'wrong-ipn-secret-000' },
    badCredentialsConfig: { ...sim.credentials, apiKey: 'WRONGKEY0000000' },
    pay: async (checkout) => sim.ipn(sim.mustGet(sim.pay(checkout.providerPaymentId))),
    stripSignature: (webhook) => ({ ...webhook, headers: { 'content-type': 'application/json' } }),
    close: () => sim.close(),
  };
}

describe('nowpayments conformance', () => {
  const suite = paymentConformanceSuite({ plugin: nowPaymentsPlugin, startSimulator: nowPaymentsConformanceSimulator });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});
