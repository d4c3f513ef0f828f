import { PanelCallAuditWriter } from '../../src/core/http/plugin-http/panel-call-audit';
import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { createTestApp, TestApp, waitFor } from '../helpers/test-app';

describe('XUI.one admin panel through the API (create → test → sync → line lifecycle)', () => {
  let hub: TestApp;
  let sim: XuiAdminSimulator;
  let panelId: string;

  beforeAll(async () => {
    sim = await XuiAdminSimulator.start({ timeZone: 'Europe/Paris' });
    hub = await createTestApp({ env: { HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' } });
    const created = await hub.http
      .post('/panels')
      .send({ name: 'XUI sim', type: 'xui-admin', baseUrl: sim.url, credentials: { ...sim.credentials, timeZone: 'Europe/Paris' }, options: { timeoutMs: 2000, retry: { attempts: 3, baseDelayMs: 50 } } })
      .expect(201);
    panelId = created.body.id;
  });
  afterAll(async () => {
    await hub?.close();
    await sim?.close();
  });

  it('passes the connection test with every stage reported', async () => {
    const report = await hub.http.post(`/panels/${panelId}/test`).expect(200);
    expect(report.body).toMatchObject({ ok: true, hubAddress: '127.0.0.1' });
    expect(report.body.stages.map((stage: { stage: string }) => stage.stage)).toEqual(['dns', 'tcp', 'http', 'ip_allow_list', 'authentication', 'permissions']);
    const panel = await hub.http.get(`/panels/${panelId}`).expect(200);
    expect(panel.body.status).toBe('healthy');
  });

  it('syncs packages and serves them', async () => {
    const sync = await hub.http.post(`/panels/${panelId}/sync`).expect(200);
    expect(sync.body).toMatchObject({ total: 3, added: 3 });
    const packages = await hub.http.get(`/panels/${panelId}/packages`).expect(200);
    expect(packages.body.items.find((pkg: { externalId: string }) => pkg.externalId === '1')).toMatchObject({ name: 'Full 1 month', channelCount: 75, vodCount: 250, durationDays: 30, maxConnections: 1 });
  });

  it('creates, extends, disables, enables and deletes a line; the panel state matches exactly', async () => {
    const expiresAt = '2031-05-06T07:08:09.000Z';
    const created = await hub.http.post(`/panels/${panelId}/lines`).set('Idempotency-Key', 'line-1').send({ packageId: '3', expiresAt, maxConnections: 2 }).expect(201);
    expect(created.body).toMatchObject({ expiresAt, maxConnections: 2, enabled: true, packageId: '3', bouquetIds: ['3'] });
    const lineId = created.body.externalId;
    let line = sim.line(lineId);
    expect(line).toMatchObject({ expiresAt: new Date(expiresAt), bouquets: [3], maxConnections: 2, enabled: true, banned: false, packageId: 3, allowedOutputs: [1, 2, 3] });

    const extended = await hub.http.post(`/panels/${panelId}/lines/${lineId}/extend`).send({ expiresAt: '2032-01-01T00:00:00Z' }).expect(200);
    expect(extended.body.expiresAt).toBe('2032-01-01T00:00:00.000Z');
    line = sim.line(lineId);
    expect(line).toMatchObject({ expiresAt: new Date('2032-01-01T00:00:00Z'), bouquets: [3], maxConnections: 2, enabled: true, allowedOutputs: [1, 2, 3] });

    await hub.http.post(`/panels/${panelId}/lines/${lineId}/disable`).send({}).expect(200);
    expect(sim.line(lineId)).toMatchObject({ enabled: false, expiresAt: new Date('2032-01-01T00:00:00Z'), bouquets: [3], maxConnections: 2 });
    await hub.http.post(`/panels/${panelId}/lines/${lineId}/enable`).send({}).expect(200);
    expect(sim.line(lineId)).toMatchObject({ enabled: true, expiresAt: new Date('2032-01-01T00:00:00Z'), bouquets: [3], maxConnections: 2 });

    const found = await hub.http.get(`/panels/${panelId}/lines`).query({ username: created.body.username }).expect(200);
    expect(found.body.externalId).toBe(lineId);

    await hub.http.delete(`/panels/${panelId}/lines/${lineId}`).expect(204);
    expect(sim.line(lineId)).toBeUndefined();
    await hub.http.get(`/panels/${panelId}/lines/${lineId}`).expect(404);

    await hub.app.get(PanelCallAuditWriter).flush();
    const calls: { details: { operation: string; url: string; status: number | null } }[] = [];
    let cursor: string | undefined;
    do {
      const page = await hub.http.get('/audit').query({ action: 'panel.call', targetId: panelId, limit: 100, ...(cursor ? { cursor } : {}) }).expect(200);
      calls.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    // Every HTTP call the simulator received is in the audit log, once.
    expect(calls).toHaveLength(sim.stats.calls);
    expect(calls.map((call) => call.details.operation)).toEqual(expect.arrayContaining(['createLine', 'extendLine', 'enableLine', 'disableLine', 'deleteLine', 'testConnection', 'get_packages']));
    const dump = JSON.stringify(calls);
    expect(dump).not.toContain(sim.apiKey);
    expect(dump).not.toContain(sim.accessCode);
    const lineAudit = await hub.http.get('/audit').query({ targetId: panelId, limit: 100 }).expect(200);
    expect(lineAudit.body.items.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['panel.line.created', 'panel.line.extended', 'panel.line.disabled', 'panel.line.enabled', 'panel.line.deleted']));
  });

  it('changes package, password and connections; verifies through the player API; counts connections', async () => {
    const created = await hub.http.post(`/panels/${panelId}/lines`).send({ packageId: '3', durationDays: 10, maxConnections: 1 }).expect(201);
    const lineId = created.body.externalId;
    const updated = await hub.http.patch(`/panels/${panelId}/lines/${lineId}`).send({ packageId: '1', newPassword: 'n3w-Passw0rd', maxConnections: 3 }).expect(200);
    expect(updated.body).toMatchObject({ packageId: '1', bouquetIds: ['1', '2', '3'], maxConnections: 3, password: 'n3w-Passw0rd', expiresAt: created.body.expiresAt });
    expect(sim.line(lineId)).toMatchObject({ packageId: 1, bouquets: [1, 2, 3], maxConnections: 3, password: 'n3w-Passw0rd', expiresAt: new Date(created.body.expiresAt) });
    const verification = await hub.http.get(`/panels/${panelId}/lines/${lineId}/verification`).query({ username: created.body.username }).set('X-Line-Password', 'n3w-Passw0rd').expect(200);
    expect(verification.body).toMatchObject({ valid: true, status: 'active', maxConnections: 3 });
    sim.addConnection(Number(lineId));
    expect((await hub.http.get(`/panels/${panelId}/connections`).expect(200)).body).toEqual({ panelId, total: 1, byLine: { [lineId]: 1 } });
    const events = await waitFor(async () => {
      const page = await hub.http.get('/events').query({ type: 'line.*', limit: 50 }).expect(200);
      return page.body.items.length >= 7 ? page.body.items : undefined;
    });
    expect(events.map((event: { type: string }) => event.type)).toEqual(expect.arrayContaining(['line.created', 'line.extended', 'line.disabled', 'line.enabled', 'line.deleted', 'line.updated']));
  });
});
