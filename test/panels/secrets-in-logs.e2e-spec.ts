import { createServer } from 'node:net';
import request from 'supertest';
import { XtreamCodesSimulator } from '../../src/plugins/panels/xtream-codes/xtream-codes.simulator';
import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { HubProcess, startProcess } from '../helpers/processes';
import { createTestDatabase, TEST_ADMIN_KEY, TestDatabase, waitFor } from '../helpers/test-app';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The hub runs as in production (dist/src/main.js) with debug logging; panel operations succeed
 * and fail; then its whole log output and audit log are searched for the panels' credentials.
 */
describe('panel credentials never reach the logs or the audit log', () => {
  let database: TestDatabase;
  let hub: HubProcess;
  let xui: XuiAdminSimulator;
  let xc: XtreamCodesSimulator;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    xui = await XuiAdminSimulator.start();
    xc = await XtreamCodesSimulator.start();
    database = await createTestDatabase();
    const port = await freePort();
    hub = startProcess('dist/src/main.js', { ...database.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'debug', HUB_PANEL_HEALTH_INTERVAL_MS: '200' });
    await hub.waitForOutput('IPTV Hub listening', 30_000);
    http = request(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    await hub?.kill();
    await database?.drop();
    await xui?.close();
    await xc?.close();
  });

  it('scans every log line and audit entry after successful and failing calls', async () => {
    const auth = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
    const xuiPanel = (await http.post('/panels').set(auth).send({ name: 'XUI', type: 'xui-admin', baseUrl: xui.url, credentials: xui.credentials, options: { retry: { attempts: 2, baseDelayMs: 50 } } }).expect(201)).body.id;
    const xcPanel = (await http.post('/panels').set(auth).send({ name: 'XC', type: 'xtream-codes', baseUrl: xc.url, credentials: { apiPass: xc.apiPass, packages: [{ id: 'p1', name: 'P1', bouquets: [1] }] } }).expect(201)).body.id;
    await http.post(`/panels/${xuiPanel}/test`).set(auth).expect(200);
    await http.post(`/panels/${xuiPanel}/sync`).set(auth).expect(200);
    const line = (await http.post(`/panels/${xuiPanel}/lines`).set(auth).send({ packageId: '1', durationDays: 30, maxConnections: 1 }).expect(201)).body;
    await http.post(`/panels/${xuiPanel}/lines/${line.externalId}/extend`).set(auth).send({ days: 30 }).expect(200);
    const xcLine = (await http.post(`/panels/${xcPanel}/lines`).set(auth).send({ packageId: 'p1', durationDays: 30, maxConnections: 1 }).expect(201)).body;
    await http.post(`/panels/${xcPanel}/lines/${xcLine.externalId}/disable`).set(auth).send({ username: xcLine.username, password: xcLine.password }).expect(200);
    await http.get(`/panels/${xcPanel}/lines/${xcLine.externalId}/verification`).set(auth).set('X-Line-Password', xcLine.password).query({ username: xcLine.username }).expect(200);
    xui.setFaults({ wrongKey: true });
    xc.setFaults({ wrongKey: true });
    await http.post(`/panels/${xuiPanel}/test`).set(auth).expect(200);
    await http.post(`/panels/${xuiPanel}/lines`).set(auth).send({ packageId: '1', durationDays: 30, maxConnections: 1 }).expect(502);
    await http.post(`/panels/${xcPanel}/lines/${xcLine.externalId}/enable`).set(auth).send({ username: xcLine.username, password: xcLine.password }).expect(502);
    xui.setFaults({ wrongKey: false, failNext: 5 });
    await http.get(`/panels/${xuiPanel}/lines/${line.externalId}`).set(auth);
    // The scheduled health check runs with the broken key too, and panel calls are written in batches: wait for them.
    await waitFor(async () => (await http.get('/audit').set(auth).query({ action: 'panel.call', targetId: xcPanel, outcome: 'failure' })).body.items.length > 0);
    await waitFor(() => hub.output().includes('panel call'));

    const audit: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await http.get('/audit').set(auth).query({ limit: 200, ...(cursor ? { cursor } : {}) }).expect(200);
      audit.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(audit.length).toBeGreaterThan(20);
    const haystacks = { logs: hub.output(), audit: JSON.stringify(audit) };
    expect(haystacks.logs).toContain('panel call');
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of [xui.apiKey, xui.accessCode, xc.apiPass]) {
        expect({ where, found: text.includes(secret) || text.includes(encodeURIComponent(secret)) }).toEqual({ where, found: false });
      }
      // Line passwords travel in bodies and headers, never in logged URLs or audit details.
      expect({ where, found: text.includes(xcLine.password) }).toEqual({ where, found: false });
    }
  }, 60_000);
});
