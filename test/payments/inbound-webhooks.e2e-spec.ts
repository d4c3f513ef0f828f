import type { SignedWebhook } from '../../src/core/plugins/sdk';
import type { TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/test-app';
import { Lifecycle, newCustomer, startLifecycle } from '../workflows/lifecycle-fixture';
import { HARNESSES, ProviderHarness } from './provider-harness';

/**
 * Issue #5 acceptance, per provider: a validly signed webhook yields exactly one normalised
 * event; tampered body, wrong secret, missing signature and (where the scheme has one) stale
 * timestamp give 400 WEBHOOK_SIGNATURE_INVALID and store nothing but a security audit entry; a
 * duplicate delivery is 2xx and no second event. Signatures are made by each simulator exactly
 * as the provider makes them (Stripe through the `stripe` package's test-header helper).
 */
describe('inbound payment webhooks', () => {
  let life: Lifecycle;
  let hub: TestApp;

  beforeAll(async () => {
    life = await startLifecycle();
    hub = life.hub;
  }, 60_000);
  afterAll(() => life?.close());

  const post = (path: string, webhook: SignedWebhook) => hub.http.post(path).set(webhook.headers).send(webhook.body);
  const paymentEvents = async (accountId: string) => (await hub.http.get('/payment-events').query({ paymentAccountId: accountId, limit: 200 }).expect(200)).body.items as Record<string, any>[];
  const rejections = async (accountId: string) => (await hub.http.get('/audit').query({ action: 'payment.webhook.rejected', targetId: accountId, limit: 200 }).expect(200)).body.items as Record<string, any>[];
  const hubEvents = async (type: string, orderId: string) => (await hub.http.get('/events').query({ type, subjectType: 'order', subjectId: orderId, limit: 50 }).expect(200)).body.items as Record<string, any>[];

  describe.each(Object.keys(HARNESSES))('%s', (name) => {
    let provider: ProviderHarness;
    let accountId: string;
    let path: string;

    beforeAll(async () => {
      provider = await HARNESSES[name]();
      // Deliveries the simulator queues by itself are held: this suite posts them by hand.
      provider.webhooks.holding = true;
      const account = await hub.http.post('/payment-accounts').send({ name: `${name} sim`, type: name, credentials: provider.credentials }).expect(201);
      accountId = account.body.id;
      path = account.body.webhookPath;
      expect(path).toBe(`/hooks/payments/${name}/${accountId}`);
    });
    afterAll(() => provider?.close());

    const checkout = async () => {
      const customerId = await newCustomer(hub);
      const order = await hub.http.post('/orders').send({ customerId, productId: life.productId }).expect(201);
      const opened = await hub.http.post(`/orders/${order.body.id}/checkout`).send({ paymentAccountId: accountId, successUrl: 'https://shop.example/ok' }).expect(201);
      expect(opened.body).toMatchObject({ orderId: order.body.id, provider: name, status: 'open' });
      expect(opened.body.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      return { orderId: order.body.id as string, providerPaymentId: opened.body.providerPaymentId as string };
    };

    it('rejects tampered, wrongly keyed, unsigned and stale deliveries with 400 and stores nothing but security audit entries', async () => {
      const { orderId, providerPaymentId } = await checkout();
      const valid = await provider.pay(providerPaymentId);
      const other = orderId.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
      const bad: [string, SignedWebhook][] = [
        ['tampered', { ...valid, body: valid.body.split(orderId).join(other) }],
        ['wrong secret', await provider.wrongSecret(providerPaymentId)],
        ['missing signature', provider.strip(valid)],
      ];
      if (provider.stale) bad.push(['stale', await provider.stale(providerPaymentId)]);
      for (const [label, webhook] of bad) {
        const res = await post(path, webhook);
        expect({ label, status: res.status, code: res.body.code }).toEqual({ label, status: 400, code: 'WEBHOOK_SIGNATURE_INVALID' });
      }
      expect(await paymentEvents(accountId)).toHaveLength(0);
      const audit = await rejections(accountId);
      expect(audit).toHaveLength(bad.length);
      expect(audit.every((entry) => entry.outcome === 'denied')).toBe(true);
      expect((await hub.http.get(`/orders/${orderId}`).expect(200)).body.status).toBe('pending');
    });

    it('a valid delivery yields exactly one normalised event; a duplicate is 2xx and changes nothing', async () => {
      const { orderId, providerPaymentId } = await checkout();
      const webhook = await provider.pay(providerPaymentId);
      const first = await post(path, webhook).expect(200);
      expect(first.body).toEqual({ received: 1, duplicates: 0, ignored: 0 });
      const again = await post(path, webhook).expect(200);
      expect(again.body).toEqual({ received: 0, duplicates: 1, ignored: 0 });
      const order = await waitFor(async () => {
        const current = (await hub.http.get(`/orders/${orderId}`).expect(200)).body;
        return current.status === 'paid' ? current : null;
      }, { message: `order ${orderId} to be paid`, timeoutMs: 15_000 });
      expect(order).toMatchObject({ provider: name, amountPaidMinor: 1299, currency: 'EUR' });
      const stored = (await paymentEvents(accountId)).filter((row) => row.orderId === orderId);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ type: 'payment.succeeded', status: 'applied', source: 'webhook' });
      const succeeded = await hubEvents('payment.succeeded', orderId);
      expect(succeeded).toHaveLength(1);
      expect(succeeded[0].payload).toMatchObject({ orderId, provider: name, amountMinor: 1299, currency: 'EUR', kind: 'new' });
    });
  });

  it('an unknown account or a provider that does not match the account is 404 and audited', async () => {
    const res = await hub.http.post('/hooks/payments/stripe/0190c0de-0000-7000-8000-000000000000').set('content-type', 'application/json').send('{}');
    expect(res.status).toBe(404);
  });
});
