import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';

describe('package sync and panel health', () => {
  let hub: TestApp;
  let sim: XuiAdminSimulator;

  beforeAll(async () => {
    sim = await XuiAdminSimulator.start();
    hub = await createTestApp({ env: { HUB_PANEL_HEALTH_INTERVAL_MS: '250', HUB_PACKAGE_SYNC_INTERVAL_MS: '300' } });
  });
  afterAll(async () => {
    await hub?.close();
    await sim?.close();
  });

  const events = async (panelId: string, type: string) => {
    const page = await hub.http.get('/events').query({ type, limit: 100 }).expect(200);
    return page.body.items.filter((event: { subject?: { id: string } }) => event.subject?.id === panelId).reverse();
  };

  it('syncs on a schedule, marks a vanished package missing and flags its products, and unflags them when it returns', async () => {
    const panelId = (await hub.http.post('/panels').send({ name: 'Sync', type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials }).expect(201)).body.id;
    const product = (await hub.http.post('/products').send({ name: 'News', panelId, packageExternalId: '3', durationUnit: 'days', durationValue: 30, maxConnections: 1, priceMinor: 500, currency: 'EUR' }).expect(201)).body;
    await waitFor(async () => (await hub.http.get(`/panels/${panelId}/packages`)).body.items?.length === 3, { message: 'scheduled sync' });
    const removed = sim.packages().find((pkg) => pkg.id === 3)!;
    sim.removePackage(3);
    const sync = await hub.http.post(`/panels/${panelId}/sync`).expect(200);
    expect(sync.body).toMatchObject({ total: 2, missing: 1 });
    // The scheduled sync (every 300 ms) may see the removal before the manual one: exactly one sync flags the product.
    const flagging = (await events(panelId, 'panel.packages_synced')).filter((event: { payload: { flaggedProducts: string[] } }) => event.payload.flaggedProducts.length > 0);
    expect(flagging.map((event: { payload: { flaggedProducts: string[] } }) => event.payload.flaggedProducts)).toEqual([[product.id]]);
    const packages = (await hub.http.get(`/panels/${panelId}/packages`).expect(200)).body.items;
    expect(packages.find((pkg: { externalId: string }) => pkg.externalId === '3')).toMatchObject({ missing: true, name: 'News 30 days' });
    expect((await hub.http.get(`/panels/${panelId}/packages`).query({ includeMissing: 'false' })).body.items).toHaveLength(2);
    expect((await hub.http.get(`/products/${product.id}`).expect(200)).body.packageMissing).toBe(true);
    sim.addPackage(removed);
    await waitFor(async () => (await hub.http.get(`/products/${product.id}`)).body.packageMissing === false, { message: 'product unflagged by the scheduled sync' });
    const synced = await events(panelId, 'panel.packages_synced');
    expect(synced.length).toBeGreaterThanOrEqual(3);
  });

  it('checks health on a schedule and emits panel.health_changed on each change', async () => {
    const panelId = (await hub.http.post('/panels').send({ name: 'Health', type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials }).expect(201)).body.id;
    await waitFor(async () => (await hub.http.get(`/panels/${panelId}`)).body.status === 'healthy', { message: 'healthy' });
    sim.setFaults({ wrongKey: true });
    const down = await waitFor(async () => {
      const panel = (await hub.http.get(`/panels/${panelId}`)).body;
      return panel.status === 'down' ? panel : undefined;
    });
    expect(down.lastHealth).toMatchObject({ status: 'down' });
    expect(String(down.lastHealth.hint)).toMatch(/credentials or API key/);
    sim.resetFaults();
    await waitFor(async () => (await hub.http.get(`/panels/${panelId}`)).body.status === 'healthy', { message: 'healthy again' });
    const changes = await waitFor(async () => {
      const found = await events(panelId, 'panel.health_changed');
      return found.length >= 3 ? found : undefined;
    });
    expect(changes.map((event: { payload: { from: string; to: string } }) => `${event.payload.from}>${event.payload.to}`)).toEqual(['unknown>healthy', 'healthy>down', 'down>healthy']);
  });

  it('reports the panel down when its circuit opens, and the status endpoint shows the circuit', async () => {
    const panelId = (await hub.http
      .post('/panels')
      .send({ name: 'Breaker', type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials, options: { retry: { attempts: 1, baseDelayMs: 50 }, breaker: { failureThreshold: 3, openMs: 60000 } } })
      .expect(201)).body.id;
    await waitFor(async () => (await hub.http.get(`/panels/${panelId}`)).body.status === 'healthy', { message: 'healthy' });
    const status = await hub.http.get(`/panels/${panelId}/status`).expect(200);
    expect(status.body).toMatchObject({ circuit: 'closed', servers: [{ id: '1', online: true }] });
    sim.setFaults({ errorRate: 1 });
    for (let i = 0; i < 3; i += 1) await hub.http.get(`/panels/${panelId}/connections`).expect(503);
    const fast = await hub.http.get(`/panels/${panelId}/connections`).expect(503);
    expect(fast.body.detail).toMatch(/circuit open/);
    await waitFor(async () => (await hub.http.get(`/panels/${panelId}`)).body.status === 'down', { message: 'down' });
    sim.resetFaults();
  });
});
