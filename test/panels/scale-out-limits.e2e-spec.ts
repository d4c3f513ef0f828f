import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { HubProcess, startProcess } from '../helpers/processes';
import { createTestApp, TestApp, testMode } from '../helpers/test-app';

const MAX_CONCURRENT = 3;
const MAX_PER_SECOND = 10;
const CALLS_PER_WORKER = 15;

/**
 * Per-panel limits are shared by every process of a scale-out deployment (Redis). Embedded mode
 * runs one process, whose in-memory limits the unit tests cover.
 */
(testMode === 'scale-out' ? describe : describe.skip)('per-panel limits across two worker processes', () => {
  let hub: TestApp;
  let sim: XuiAdminSimulator;
  const workers: HubProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hub-limits-'));

  beforeAll(async () => {
    sim = await XuiAdminSimulator.start();
    hub = await createTestApp({ env: { HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await hub?.close();
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`never has more than ${MAX_CONCURRENT} calls in flight nor ${MAX_PER_SECOND} starts in any second`, async () => {
    const created = await hub.http
      .post('/panels')
      .send({ name: 'Limited', type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials, options: { maxConcurrent: MAX_CONCURRENT, maxPerSecond: MAX_PER_SECOND } })
      .expect(201);
    sim.insertLine({ username: 'limit-probe', password: 'pw123456' });
    sim.setFaults({ latencyMs: 120 });
    const arrivals = sim.recordArrivals();
    const goFile = join(dir, 'go');
    const env = { ...hub.database.env, PANEL_ID: created.body.id, CALLS: String(CALLS_PER_WORKER), CONCURRENCY: '8', GO_FILE: goFile, LOG_LEVEL: 'error' };
    workers.push(startProcess('test/fixtures/panel-calls-worker.js', env), startProcess('test/fixtures/panel-calls-worker.js', env));
    await Promise.all(workers.map((worker) => worker.waitForOutput('ready', 30_000)));
    writeFileSync(goFile, 'go');
    await Promise.all(workers.map((worker) => worker.waitForOutput(`done ${CALLS_PER_WORKER}`, 30_000)));

    expect(arrivals.length).toBe(2 * CALLS_PER_WORKER);
    expect(sim.stats.peakInFlight).toBe(MAX_CONCURRENT);
    arrivals.sort((a, b) => a - b);
    for (let i = MAX_PER_SECOND; i < arrivals.length; i += 1) expect(arrivals[i] - arrivals[i - MAX_PER_SECOND]).toBeGreaterThanOrEqual(1000 - 25);
    expect(arrivals[arrivals.length - 1] - arrivals[0]).toBeGreaterThanOrEqual(2000 - 50);
  }, 90_000);
});
