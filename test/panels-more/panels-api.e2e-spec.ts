import { createTestApp, TestApp, testMode, waitFor } from '../helpers/test-app';
import { PanelTarget, TARGETS } from './panel-targets';

/**
 * Each new plugin through the hub: connection test, package sync, line operations with the hub's
 * own HTTP client (retries, limits, audit), and the scheduled health check feeding `status` and
 * `panel.health_changed`.
 */
describe.each(Object.keys(TARGETS) as (keyof typeof TARGETS)[])(`%s panel through the hub (${testMode})`, (name) => {
  let hub: TestApp;
  let target: PanelTarget & { sim: { setFaults(faults: Record<string, unknown>): void; resetFaults(): void } };
  let panelId: string;

  beforeAll(async () => {
    target = (await TARGETS[name]()) as typeof target;
    hub = await createTestApp({ env: { HUB_PANEL_HEALTH_INTERVAL_MS: '300', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' } });
    const panel = await hub.http
      .post('/panels')
      .send({ name: `${name} sim`, ...target.panel, options: { timeoutMs: 3000, retry: { attempts: 2, baseDelayMs: 50 }, breaker: { failureThreshold: 1000, openMs: 1000 } } })
      .expect(201);
    panelId = panel.body.id;
  });
  afterAll(async () => {
    await hub?.close();
    await target?.close();
  });

  it('passes the connection test and syncs packages', async () => {
    const report = await hub.http.post(`/panels/${panelId}/test`).expect(200);
    expect(report.body.ok).toBe(true);
    expect(report.body.stages.map((stage: { stage: string }) => stage.stage)).toEqual(expect.arrayContaining(['ip_allow_list', 'authentication', 'permissions']));
    const sync = await hub.http.post(`/panels/${panelId}/sync`).expect(200);
    expect(sync.body.total).toBeGreaterThan(0);
    const packages = await hub.http.get(`/panels/${panelId}/packages`).expect(200);
    expect(packages.body.items.map((pkg: { externalId: string }) => pkg.externalId)).toContain(target.product.packageExternalId);
  });

  it('creates, reads, extends and deletes a line through the operations API; the simulator agrees', async () => {
    const created = await hub.http.post(`/panels/${panelId}/lines`).set('Idempotency-Key', `${name}-line-1`).send({ packageId: target.product.packageExternalId, durationDays: 30, maxConnections: 1 }).expect(201);
    const { externalId, username } = created.body;
    expect(target.line(username)).toMatchObject({ enabled: true, packageId: target.product.packageExternalId });
    const later = new Date(Date.parse(created.body.expiresAt) + 40 * 86_400_000).toISOString();
    const extended = await hub.http.post(`/panels/${panelId}/lines/${encodeURIComponent(externalId)}/extend`).send({ expiresAt: later, username }).expect(200);
    expect(Date.parse(extended.body.expiresAt)).toBeGreaterThanOrEqual(Date.parse(later) - target.precisionMs);
    // What the panel holds, at the precision it shows it with.
    expect(Math.floor((target.line(username)?.expiresAtMs as number) / target.precisionMs) * target.precisionMs).toBe(Date.parse(extended.body.expiresAt));
    const found = await hub.http.get(`/panels/${panelId}/lines`).query({ username }).expect(200);
    expect(found.body.externalId).toBe(externalId);
    await hub.http.delete(`/panels/${panelId}/lines/${encodeURIComponent(externalId)}`).query({ username }).expect(204);
    expect(target.line(username)).toBeUndefined();
  });

  it('the scheduled health check marks the panel down when it refuses the hub, and healthy again (panel.health_changed)', async () => {
    await waitFor(async () => (await hub.http.get(`/panels/${panelId}`).expect(200)).body.status === 'healthy', { message: 'healthy' });
    target.sim.setFaults({ ipNotAllowed: true });
    const down = await waitFor(async () => {
      const panel = (await hub.http.get(`/panels/${panelId}`).expect(200)).body;
      return panel.status === 'down' ? panel : null;
    }, { message: 'down' });
    expect(JSON.stringify(down.lastHealth)).toMatch(/ip_allow_list|address/);
    target.sim.resetFaults();
    await waitFor(async () => (await hub.http.get(`/panels/${panelId}`).expect(200)).body.status === 'healthy', { message: 'healthy again' });
    const events = await hub.http.get('/events').query({ type: 'panel.health_changed', limit: 50 }).expect(200);
    const mine = events.body.items.filter((event: { payload: { panelId: string } }) => event.payload.panelId === panelId).map((event: { payload: { to: string } }) => event.payload.to);
    expect(mine).toEqual(expect.arrayContaining(['healthy', 'down']));
  });
});
