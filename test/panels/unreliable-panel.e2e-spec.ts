import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * The panel fails 30 % of calls with 5xx and never answers 10 % (before or after doing the work),
 * and 200 line creations through the API, each retried by its caller with its Idempotency-Key
 * until it succeeds, must end with exactly one line each.
 */
describe('200 line creations against a panel failing 30 % with 5xx and 10 % with timeouts', () => {
  let hub: TestApp;
  let sim: XuiAdminSimulator;
  let panelId: string;

  beforeAll(async () => {
    sim = await XuiAdminSimulator.start();
    hub = await createTestApp({ env: { HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' } });
    const created = await hub.http
      .post('/panels')
      .send({
        name: 'Unreliable',
        type: 'xui-admin',
        baseUrl: sim.url,
        credentials: sim.credentials,
        options: { timeoutMs: 1000, maxConcurrent: 40, maxPerSecond: 1000, retry: { attempts: 4, baseDelayMs: 50 }, breaker: { failureThreshold: 1000, openMs: 1000 } },
      })
      .expect(201);
    panelId = created.body.id;
  });
  afterAll(async () => {
    await hub?.close();
    await sim?.close();
  });

  it('ends with exactly one line per creation', async () => {
    sim.setFaults({ errorRate: 0.3, timeoutRate: 0.1, faultPhase: 'random' });
    const outcomes: { key: string; username: string; externalId: string; attempts: number }[] = [];
    const failures: Record<number, number> = {};
    const createOne = async (index: number) => {
      const key = `bulk-${index}`;
      for (let attempt = 1; attempt <= 30; attempt += 1) {
        const res = await hub.http.post(`/panels/${panelId}/lines`).set('Idempotency-Key', key).send({ packageId: '1', durationDays: 30, maxConnections: 1 });
        if (res.status === 201) return outcomes.push({ key, username: res.body.username, externalId: res.body.externalId, attempts: attempt });
        failures[res.status] = (failures[res.status] ?? 0) + 1;
        if (res.status < 500) throw new Error(`creation ${index} failed for good: ${res.status} ${JSON.stringify(res.body)}`);
      }
      throw new Error(`creation ${index} never succeeded`);
    };
    const queue = Array.from({ length: 200 }, (_, i) => i);
    await Promise.all(Array.from({ length: 20 }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await createOne(next);
    }));
    sim.resetFaults();

    expect(outcomes).toHaveLength(200);
    const lines = sim.lines();
    expect(lines).toHaveLength(200);
    expect(new Set(lines.map((line) => line.username)).size).toBe(200);
    for (const outcome of outcomes) expect(sim.line(outcome.externalId)?.username).toBe(outcome.username);
    // The faults really happened, and some creations needed more than one API call.
    expect(sim.stats.injectedErrors).toBeGreaterThan(100);
    expect(sim.stats.injectedHangs).toBeGreaterThan(30);
    expect(Object.keys(failures).length).toBeGreaterThan(0);
  }, 240_000);
});
