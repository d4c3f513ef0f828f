import { StripeSimulator } from '../../src/plugins/payments/stripe/stripe.simulator';
import { createTestApp, TestApp, testMode } from '../helpers/test-app';

describe(`payment accounts (${testMode})`, () => {
  let hub: TestApp;
  let stripe: StripeSimulator;

  beforeAll(async () => {
    stripe = await StripeSimulator.start();
    hub = await createTestApp({ env: { HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await hub?.close();
    await stripe?.close();
  });

  it('lists the built-in payment plugins with their config schemas', async () => {
    const plugins = (await hub.http.get('/plugins').expect(200)).body;
    const ids = JSON.stringify(plugins);
    for (const id of ['stripe', 'paypal', 'nowpayments', 'btcpay', 'cryptomus', 'manual']) expect(ids).toContain(`"${id}"`);
  });

  it('validates credentials against the plugin schema, seals them and never returns them', async () => {
    const unknown = await hub.http.post('/payment-accounts').send({ name: 'x', type: 'nope', credentials: {} }).expect(422);
    expect(unknown.body.code).toBe('UNKNOWN_PAYMENT_TYPE');
    const invalid = await hub.http.post('/payment-accounts').send({ name: 'x', type: 'stripe', credentials: { secretKey: 'not-a-key' } }).expect(422);
    expect(invalid.body.code).toBe('INVALID_PAYMENT_CREDENTIALS');
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['credentials.secretKey', 'credentials.webhookSecret']));

    const created = await hub.http.post('/payment-accounts').send({ name: 'Stripe test', type: 'stripe', credentials: stripe.credentials }).expect(201);
    expect(created.body).toMatchObject({ type: 'stripe', enabled: true, credentialFields: ['apiBaseUrl', 'secretKey', 'webhookSecret'], webhookPath: `/hooks/payments/stripe/${created.body.id}` });
    const text = JSON.stringify([created.body, (await hub.http.get(`/payment-accounts/${created.body.id}`).expect(200)).body, (await hub.http.get('/payment-accounts').expect(200)).body]);
    expect(text).not.toContain(stripe.secretKey);
    expect(text).not.toContain(stripe.webhookSecret);
    const audit = JSON.stringify((await hub.http.get('/audit').query({ targetId: created.body.id }).expect(200)).body);
    expect(audit).not.toContain(stripe.secretKey);

    const test = await hub.http.post(`/payment-accounts/${created.body.id}/test`).send({}).expect(200);
    expect(test.body).toMatchObject({ ok: true });
    await hub.http.patch(`/payment-accounts/${created.body.id}`).send({ credentials: { ...stripe.credentials, secretKey: 'sk_test_wrongwrong' } }).expect(200);
    const failed = await hub.http.post(`/payment-accounts/${created.body.id}/test`).send({}).expect(200);
    expect(failed.body).toMatchObject({ ok: false, failedStage: 'authentication' });
    expect(JSON.stringify(failed.body)).not.toContain('sk_test_wrongwrong');
    const stored = (await hub.http.get(`/payment-accounts/${created.body.id}`).expect(200)).body;
    expect(stored.lastTest).toMatchObject({ ok: false });
  });

  it('a manual account returns payment instructions and is refused by the inbound endpoint', async () => {
    const manual = await hub.http.post('/payment-accounts').send({ name: 'Bank transfer', type: 'manual', credentials: { instructions: 'Send {amount} {currency} to IBAN X, reference {reference}' } }).expect(201);
    const panel = await hub.http.post('/panels').send({ name: 'p', type: 'xui-admin', baseUrl: 'http://127.0.0.1:9', credentials: { accessCode: 'abc', apiKey: 'k' } }).expect(201);
    const product = await hub.http.post('/products').send({ name: 'JPY plan', panelId: panel.body.id, packageExternalId: '1', durationUnit: 'days', durationValue: 30, maxConnections: 1, priceMinor: 1500, currency: 'JPY' }).expect(201);
    const customer = await hub.http.post('/customers').send({ email: `manual-${Date.now()}@example.com` }).expect(201);
    const order = await hub.http.post('/orders').send({ customerId: customer.body.id, productId: product.body.id }).expect(201);
    const checkout = await hub.http.post(`/orders/${order.body.id}/checkout`).send({ paymentAccountId: manual.body.id }).expect(201);
    expect(checkout.body).toMatchObject({ provider: 'manual', providerPaymentId: `manual:${order.body.id}`, redirectUrl: null, details: { instructions: `Send 1500 JPY to IBAN X, reference manual:${order.body.id}` } });
    expect((await hub.http.get(`/orders/${order.body.id}`).expect(200)).body).toMatchObject({ provider: 'manual', providerPaymentId: `manual:${order.body.id}` });
    const hook = await hub.http.post(`/hooks/payments/manual/${manual.body.id}`).set('content-type', 'application/json').send('{}').expect(404);
    expect(hook.body.code).toBe('WEBHOOKS_NOT_SUPPORTED');
    const policy = await hub.http.put(`/products/${product.body.id}/payment-policy`).send({ tolerancePercent: 2, underpayment: 'wait' }).expect(200);
    expect(policy.body).toEqual({ tolerancePercent: 2, underpayment: 'wait' });
    expect((await hub.http.get(`/products/${product.body.id}/payment-policy`).expect(200)).body).toEqual({ tolerancePercent: 2, underpayment: 'wait' });
    await hub.http.put(`/products/${product.body.id}/payment-policy`).send({ tolerancePercent: 80, underpayment: 'accept' }).expect(400);
  });
});
