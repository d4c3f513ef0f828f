import { createBasicHttpClient, memoryStateStore, PaymentClient, PaymentConformanceSimulator, paymentConformanceSuite, SignedWebhook } from '../../../core/plugins/sdk';
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

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(['offline', 'api'] as const)('paypal conformance (%s verification)', (verification) => {
  const suite = paymentConformanceSuite({ plugin: payPalPlugin, startSimulator: () => payPalConformanceSimulator(verification) });
  beforeAll(() => suite.setup());
  afterAll(() => suite.teardown());
  for (const check of suite.checks) it(check.name, () => check.run());
});

/**
 * The payment kit's checks for recurring checkouts (the kit itself opens one-off checkouts): a
 * subscription's signed sale → exactly one normalised event naming the order with the amount it
 * was created with (0, 2 and 3 decimal currencies), confirmed by getPayment; tampered, unsigned,
 * wrongly keyed and stale sale deliveries are WEBHOOK_SIGNATURE_INVALID.
 */
describe.each(['offline', 'api'] as const)('paypal recurring conformance (%s verification)', (verification) => {
  let sim: PayPalSimulator;
  let counter = 0;
  beforeAll(async () => {
    sim = await PayPalSimulator.start();
  });
  afterAll(() => sim.close());

  const make = (overrides: Record<string, unknown> = {}) => payPalPlugin.create({ ...sim.credentials, verification, ...overrides }, { http: createBasicHttpClient(), logger: quiet, clock: { now: () => new Date() }, state: memoryStateStore() });
  const parse = (client: PaymentClient, webhook: SignedWebhook) => (client.parseWebhook as NonNullable<PaymentClient['parseWebhook']>)({ headers: webhook.headers, rawBody: Buffer.from(webhook.body) });
  const paidSale = async (client: PaymentClient, amountMinor = 1999, currency = 'EUR') => {
    counter += 1;
    const orderId = `0190c0de-0000-7000-8000-${String(Date.now() % 1e8).padStart(8, '0')}${String(counter).padStart(4, '0')}`;
    const created = await (client.createCheckout as NonNullable<PaymentClient['createCheckout']>)({ orderId, amountMinor, currency, description: 'Conformance 30 days', customer: { id: 'c' }, idempotencyKey: `conformance:${orderId}`, recurring: { interval: 'day', count: 30 }, metadata: { hub_product_id: `conf-${currency}` } });
    const { sale } = sim.billing.activate(created.providerPaymentId);
    return { orderId, created, sale };
  };
  const rejected = async (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID', retryable: false });

  it('a signed sale gives exactly one event naming the order with the amount it was created with (EUR, JPY, KWD), confirmed by getPayment', async () => {
    const client = make();
    for (const [amountMinor, currency] of [[1999, 'EUR'], [1500, 'JPY'], [12345, 'KWD']] as const) {
      const { orderId, created, sale } = await paidSale(client, amountMinor, currency);
      const events = await parse(client, sim.signed(sale));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'subscription.renewed', orderId, amountMinor, currency, providerSubscriptionId: created.providerPaymentId, providerEventId: sale.id });
      await expect(client.getPayment?.(created.providerPaymentId)).resolves.toMatchObject({ status: 'paid', amountMinor, currency, orderId, providerPaymentId: sale.resource.id });
    }
  });

  it('the same sale delivery parsed twice gives the same dedupe key', async () => {
    const client = make();
    const webhook = sim.signed((await paidSale(client)).sale);
    const [first, second] = [await parse(client, webhook), await parse(client, webhook)];
    expect(first[0].providerEventId).toBe(second[0].providerEventId);
  });

  it('tampered, unsigned, wrongly keyed and stale sale deliveries are WEBHOOK_SIGNATURE_INVALID', async () => {
    const client = make();
    const { orderId, sale } = await paidSale(client);
    const webhook = sim.signed(sale);
    expect(webhook.body).toContain(orderId);
    await rejected(parse(client, { ...webhook, body: webhook.body.split(orderId).join(`${orderId.slice(0, -1)}${orderId.endsWith('9') ? '8' : '9'}`) }));
    await rejected(parse(client, { ...webhook, headers: Object.fromEntries(Object.entries(webhook.headers).filter(([name]) => name !== 'paypal-transmission-sig')) }));
    await rejected(parse(make({ webhookId: 'ANOTHER-WEBHOOK-ID' }), webhook));
    await rejected(parse(client, sim.signed(sale, { time: new Date(Date.now() - 301_000) })));
  });
});
