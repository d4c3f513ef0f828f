import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { testMode, waitFor } from '../helpers/test-app';
import { buy, eventsOf, Lifecycle, newCustomer, runsOf, startLifecycle, subscription, waitForRun, waitForStatus } from '../workflows/lifecycle-fixture';

/**
 * Orders and the subscription state machine (SPEC §4.4, §4.5) where a paid order could be applied
 * as something it is not: a subscription made active without a line, a renewal paying for another
 * duration, an upgrade to a package of another panel, a price in the wrong currency, a payment
 * reference of another sale, a repeated (part) payment counted twice.
 */
describe(`orders and subscription transitions (${testMode})`, () => {
  let life: Lifecycle;
  let backup: XuiAdminSimulator;

  beforeAll(async () => {
    backup = await XuiAdminSimulator.start();
    life = await startLifecycle({ env: { HUB_PACKAGE_SYNC_INTERVAL_MS: '0', HUB_RECONCILE_INTERVAL_MS: '0' } });
  }, 60_000);
  afterAll(async () => {
    await life?.close();
    await backup?.close();
  });
  afterEach(() => life.sim.resetFaults());

  const http = () => life.hub.http;
  const product = async (fields: Record<string, unknown> = {}): Promise<string> =>
    (await http().post('/products').send({ name: 'p', panelId: life.panelId, packageExternalId: '2', durationUnit: 'days', durationValue: 30, maxConnections: 2, priceMinor: 1299, currency: 'EUR', ...fields }).expect(201)).body.id;

  it('a subscription being provisioned cannot be reactivated or renewed: it becomes active with its line, once', async () => {
    // The panel answers slowly: the purchase run holds the subscription in `provisioning` meanwhile.
    life.sim.setFaults({ latencyMs: 1500 });
    const { subscriptionId, customerId } = await buy(life);
    await waitForStatus(life.hub, subscriptionId, 'provisioning');
    const reactivate = await http().post(`/subscriptions/${subscriptionId}/reactivate`).send({ reason: 'operator clicked the wrong button' }).expect(409);
    expect(reactivate.body.code).toBe('SUBSCRIPTION_NOT_PROVISIONED');
    const renewal = await http().post('/orders').send({ customerId, productId: life.productId, kind: 'renewal', subscriptionId }).expect(409);
    expect(renewal.body.code).toBe('SUBSCRIPTION_NOT_PROVISIONED');
    expect((await http().post(`/subscriptions/${subscriptionId}/renew`).send({}).expect(409)).body.code).toBe('SUBSCRIPTION_NOT_PROVISIONED');
    expect((await http().get('/orders').query({ subscriptionId }).expect(200)).body.items).toHaveLength(1);
    life.sim.resetFaults();

    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    expect(active.lineId).toBeTruthy();
    expect(life.sim.lines().filter((line) => line.username === active.username)).toHaveLength(1);
    await waitForRun(life.hub, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded');
    expect((await runsOf(life.hub, { subscriptionId })).filter((run) => run.status === 'failed')).toHaveLength(0);
  }, 60_000);

  it('a subscription whose provisioning failed (no line) cannot be reactivated', async () => {
    // The package does not exist on the panel: provisioning fails for good and the subscription needs review, without a line.
    const missing = await product({ packageExternalId: '999' });
    const customerId = await newCustomer(life.hub);
    const order = await http().post('/orders').send({ customerId, productId: missing }).expect(201);
    const paid = await http().post(`/orders/${order.body.id}/mark-paid`).send({}).expect(200);
    const failed = await waitForStatus(life.hub, paid.body.subscriptionId, 'failed', 30_000);
    expect(failed.lineId).toBeNull();
    const answer = await http().post(`/subscriptions/${failed.id}/reactivate`).send({ reason: 'looks fine to me' }).expect(409);
    expect(answer.body.code).toBe('SUBSCRIPTION_NOT_PROVISIONED');
    expect((await subscription(life.hub, failed.id)).status).toBe('failed');
  }, 60_000);

  it('a renewal must pay for the duration it extends by', async () => {
    const { subscriptionId, customerId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    const yearly = await product({ name: '12 months', durationUnit: 'months', durationValue: 12, priceMinor: 9999 });
    const answer = await http().post('/orders').send({ customerId, productId: yearly, kind: 'renewal', subscriptionId }).expect(422);
    expect(answer.body.code).toBe('RENEWAL_PRODUCT_MISMATCH');
    // Another product of the same duration (a provider's recurring payment names the product it was opened for) renews.
    const sameLength = await product({ name: '30 days, promo', priceMinor: 999 });
    const order = await http().post('/orders').send({ customerId, productId: sameLength, kind: 'renewal', subscriptionId }).expect(201);
    await http().post(`/orders/${order.body.id}/mark-paid`).send({}).expect(200);
    await waitForRun(life.hub, { subscriptionId, workflowId: 'renew-on-payment' }, 'succeeded');
    const renewed = await subscription(life.hub, subscriptionId);
    expect(new Date(renewed.expiresAt).getTime() - new Date(active.expiresAt).getTime()).toBe(30 * 86_400_000);
  }, 60_000);

  it('an upgrade must be to a product sold on the subscription\'s panel', async () => {
    const { subscriptionId, customerId } = await buy(life);
    await waitForStatus(life.hub, subscriptionId, 'active');
    const elsewhere = (await http().post('/panels').send({ name: 'elsewhere', type: 'xui-admin', baseUrl: backup.url, credentials: backup.credentials }).expect(201)).body.id;
    const foreign = await product({ name: 'other panel', panelId: elsewhere, packageExternalId: '1', maxConnections: 3 });
    const answer = await http().post('/orders').send({ customerId, productId: foreign, kind: 'upgrade', subscriptionId }).expect(422);
    expect(answer.body.code).toBe('UPGRADE_PANEL_MISMATCH');
    expect((await http().post(`/subscriptions/${subscriptionId}/renew`).send({ productId: foreign }).expect(422)).body.code).toBe('UPGRADE_PANEL_MISMATCH');
    expect((await subscription(life.hub, subscriptionId)).productId).toBe(life.productId);
  }, 60_000);

  it('an upgrade of a subscription on the fallback panel sets the fallback package on its line', async () => {
    const fallbackPanel = (await http().post('/panels').send({ name: 'fallback', type: 'xui-admin', baseUrl: backup.url, credentials: backup.credentials, options: { timeoutMs: 2000, retry: { attempts: 1, baseDelayMs: 50 } } }).expect(201)).body.id;
    const base = await product({ name: 'base', fallbackPanelId: fallbackPanel, fallbackPackageExternalId: '2' });
    const bigger = await product({ name: 'bigger', packageExternalId: '1', maxConnections: 3, priceMinor: 1999, fallbackPanelId: fallbackPanel, fallbackPackageExternalId: '3' });
    // The primary's licence is full: the line is created on the fallback panel.
    life.sim.setFaults({ maxLines: life.sim.lines().length });
    const customerId = await newCustomer(life.hub);
    const order = await http().post('/orders').send({ customerId, productId: base }).expect(201);
    const paid = await http().post(`/orders/${order.body.id}/mark-paid`).send({}).expect(200);
    const active = await waitForStatus(life.hub, paid.body.subscriptionId, 'active');
    expect(active).toMatchObject({ panelId: fallbackPanel, packageExternalId: '2' });
    life.sim.resetFaults();

    await http().post(`/subscriptions/${active.id}/renew`).send({ productId: bigger }).expect(201);
    await waitForRun(life.hub, { subscriptionId: active.id, workflowId: 'upgrade-package' }, 'succeeded');
    expect(await subscription(life.hub, active.id)).toMatchObject({ productId: bigger, panelId: fallbackPanel, packageExternalId: '3', maxConnections: 3 });
    expect(backup.lineByUsername(active.username)).toMatchObject({ packageId: 3, maxConnections: 3 });
  }, 60_000);

  it('a deactivated product is not sold any more, and its subscriptions still renew', async () => {
    const discontinued = await product({ name: 'discontinued' });
    const customerId = await newCustomer(life.hub);
    const order = await http().post('/orders').send({ customerId, productId: discontinued }).expect(201);
    const paid = await http().post(`/orders/${order.body.id}/mark-paid`).send({}).expect(200);
    const subscriptionId = paid.body.subscriptionId;
    await waitForStatus(life.hub, subscriptionId, 'active');
    await http().patch(`/products/${discontinued}`).send({ active: false }).expect(200);
    const answer = await http().post('/orders').send({ customerId, productId: discontinued }).expect(422);
    expect(answer.body.code).toBe('PRODUCT_INACTIVE');
    const renewal = await http().post(`/subscriptions/${subscriptionId}/renew`).send({}).expect(201);
    expect(renewal.body).toMatchObject({ kind: 'renewal', status: 'paid', productId: discontinued });
  }, 60_000);

  it('an order in another currency than the product\'s price says its amount', async () => {
    const customerId = await newCustomer(life.hub);
    const answer = await http().post('/orders').send({ customerId, productId: life.productId, currency: 'USD' }).expect(422);
    expect(answer.body.code).toBe('AMOUNT_REQUIRED');
    const order = await http().post('/orders').send({ customerId, productId: life.productId, currency: 'usd', amountMinor: 1450 }).expect(201);
    expect(order.body).toMatchObject({ currency: 'USD', amountMinor: 1450 });
    const same = await http().post('/orders').send({ customerId, productId: life.productId, currency: 'eur' }).expect(201);
    expect(same.body).toMatchObject({ currency: 'EUR', amountMinor: 1299 });
  });

  it('a provider payment id already used by another sale is a conflict, a repeat of the same order returns it', async () => {
    const first = await newCustomer(life.hub);
    const second = await newCustomer(life.hub);
    const order = await http().post('/orders').send({ customerId: first, productId: life.productId, provider: 'storefront', providerPaymentId: 'sale-1' }).expect(201);
    const repeat = await http().post('/orders').send({ customerId: first, productId: life.productId, provider: 'storefront', providerPaymentId: 'sale-1' }).expect(201);
    expect(repeat.body.id).toBe(order.body.id);
    const other = await http().post('/orders').send({ customerId: second, productId: life.productId, provider: 'storefront', providerPaymentId: 'sale-1' }).expect(409);
    expect(other.body.code).toBe('PAYMENT_ID_IN_USE');
    expect((await http().get('/orders').query({ customerId: second }).expect(200)).body.items).toHaveLength(0);
  });

  it('a manual renewal repeated with its payment reference renews once and leaves no stray order', async () => {
    const { subscriptionId, orderId } = await buy(life);
    const active = await waitForStatus(life.hub, subscriptionId, 'active');
    const first = await http().post(`/subscriptions/${subscriptionId}/renew`).send({ providerPaymentId: `transfer-${subscriptionId}` }).expect(201);
    const again = await http().post(`/subscriptions/${subscriptionId}/renew`).send({ providerPaymentId: `transfer-${subscriptionId}` }).expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'paid', kind: 'renewal' });
    // The purchase's own reference names another sale.
    const reused = await http().post(`/subscriptions/${subscriptionId}/renew`).send({ providerPaymentId: `bank-${orderId}` }).expect(409);
    expect(reused.body.code).toBe('PAYMENT_ID_IN_USE');
    const orders = (await http().get('/orders').query({ subscriptionId }).expect(200)).body.items as { kind: string; status: string }[];
    expect(orders.map((order) => `${order.kind}:${order.status}`).sort()).toEqual(['new:paid', 'renewal:paid']);
    await waitForRun(life.hub, { subscriptionId, workflowId: 'renew-on-payment' }, 'succeeded');
    const renewed = await subscription(life.hub, subscriptionId);
    expect(new Date(renewed.expiresAt).getTime() - new Date(active.expiresAt).getTime()).toBe(30 * 86_400_000);
    expect((await eventsOf(life.hub, 'payment.succeeded')).filter((event) => event.payload.subscriptionId === subscriptionId)).toHaveLength(2);
  }, 60_000);

  it('a part payment marked twice with its reference counts once (no line for half the price)', async () => {
    const customerId = await newCustomer(life.hub);
    const order = await http().post('/orders').send({ customerId, productId: life.productId }).expect(201);
    const answers = await Promise.all([0, 1].map(() => http().post(`/orders/${order.body.id}/mark-paid`).send({ providerPaymentId: `cash-${order.body.id}`, amountMinor: 700 })));
    for (const answer of answers) expect(answer.status).toBe(200);
    const after = (await http().get(`/orders/${order.body.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'partially_paid', amountPaidMinor: 700, subscriptionId: null });
    // The rest, with its own reference, completes it.
    const rest = await http().post(`/orders/${order.body.id}/mark-paid`).send({ providerPaymentId: `cash2-${order.body.id}`, amountMinor: 599 }).expect(200);
    expect(rest.body).toMatchObject({ status: 'paid', amountPaidMinor: 1299 });
    await waitForStatus(life.hub, rest.body.subscriptionId, 'active');
    await waitFor(async () => (await http().get('/subscriptions').query({ customerId }).expect(200)).body.items.length === 1);
  }, 60_000);
});
