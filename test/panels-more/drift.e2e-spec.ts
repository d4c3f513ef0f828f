import { createTestApp, TestApp, testMode } from '../helpers/test-app';
import { FAST_WORKFLOWS, newCustomer, waitForStatus } from '../workflows/lifecycle-fixture';
import { PanelTarget, TARGETS } from './panel-targets';

/**
 * Drift against each simulator, through the subscriptions reconcile (issue #4's ReconcileService):
 * a line modified directly on the panel is reported and repaired; a line deleted on the panel is
 * reported as missing.
 */
describe.each(Object.keys(TARGETS) as (keyof typeof TARGETS)[])(`drift on %s (${testMode})`, (name) => {
  let hub: TestApp;
  let target: PanelTarget;
  let productId: string;

  beforeAll(async () => {
    target = await TARGETS[name]();
    hub = await createTestApp({ env: { ...FAST_WORKFLOWS, HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0', HUB_RECONCILE_INTERVAL_MS: '0' } });
    const panel = await hub.http.post('/panels').send({ name: `${name} sim`, ...target.panel, options: { timeoutMs: 3000, retry: { attempts: 2, baseDelayMs: 50 } } }).expect(201);
    const product = await hub.http.post('/products').send({ name: `${name} product`, panelId: panel.body.id, ...target.product, maxConnections: 1, priceMinor: 999, currency: 'EUR' }).expect(201);
    productId = product.body.id;
  });
  afterAll(async () => {
    await hub?.close();
    await target?.close();
  });

  const purchase = async () => {
    const order = await hub.http.post('/orders').send({ customerId: await newCustomer(hub), productId }).expect(201);
    const paid = await hub.http.post(`/orders/${order.body.id}/mark-paid`).send({ providerPaymentId: `bank-${order.body.id}` }).expect(200);
    return waitForStatus(hub, paid.body.subscriptionId, 'active');
  };

  it('a line disabled directly on the panel is reported, and enabled again by the repair action (where the panel can)', async () => {
    const sub = await purchase();
    expect((await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200)).body).toMatchObject({ inSync: true, drift: [] });
    target.disableOnPanel(sub.username);
    const report = await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200);
    expect(report.body).toMatchObject({ inSync: false, drift: [expect.objectContaining({ kind: 'enabled_differs', hub: true, panel: false })] });
    const repaired = await hub.http.post(`/subscriptions/${sub.id}/reconcile`).query({ repair: 'true' }).expect(200);
    if (name === 'nxt') {
      // NXT cannot enable lines (capability absent): reported, not repairable.
      expect(repaired.body.drift).toEqual([expect.not.objectContaining({ repaired: true })]);
      return;
    }
    expect(repaired.body.drift).toEqual([expect.objectContaining({ kind: 'enabled_differs', repaired: true })]);
    expect(target.line(sub.username)?.enabled).toBe(true);
    expect((await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200)).body.inSync).toBe(true);
  });

  // Without internal billing Ministra hides end_date (the hub's expiry is authoritative there): nothing to compare.
  (name === 'ministra' ? it.skip : it)('an expiry shortened directly on the panel is reported, and the repair makes the line run to the hub\'s expiry again', async () => {
    const sub = await purchase();
    target.setLineExpiry(sub.username, new Date(Date.now() + 2 * 86_400_000));
    const report = await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200);
    expect(report.body.drift).toEqual([expect.objectContaining({ kind: 'expiry_differs', hub: sub.expiresAt })]);
    const repaired = await hub.http.post(`/subscriptions/${sub.id}/reconcile`).query({ repair: 'true' }).expect(200);
    expect(repaired.body.drift).toEqual([expect.objectContaining({ kind: 'expiry_differs', repaired: true })]);
    // Package-driven panels extend by whole packages: the line now runs at least as long as the subscription.
    expect(target.line(sub.username)?.expiresAtMs).toBeGreaterThan(Date.parse(sub.expiresAt) - target.precisionMs);
  });

  it('a line deleted directly on the panel is reported as missing', async () => {
    const sub = await purchase();
    target.removeLine(sub.username);
    const report = await hub.http.post(`/subscriptions/${sub.id}/reconcile`).expect(200);
    expect(report.body.drift).toEqual([expect.objectContaining({ kind: 'line_missing', hub: sub.lineId })]);
  });
});
