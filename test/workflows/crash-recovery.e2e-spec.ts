import { createServer } from 'node:net';
import { XuiAdminSimulator } from '../../src/plugins/panels/xui-admin/xui-admin.simulator';
import { InterceptingProxy } from '../helpers/intercepting-proxy';
import { HubProcess, startProcess } from '../helpers/processes';
import { createTestApp, createTestDatabase, TestApp, TestDatabase, testMode, waitFor } from '../helpers/test-app';
import { eventsOf, FAST_WORKFLOWS, newCustomer, waitForRun, waitForStatus } from './lifecycle-fixture';

/**
 * SPEC §6.3 under the worst timing: the panel created the line, the worker dies (SIGKILL) before
 * the step's result is committed. After a restart the run resumes from its last committed step and
 * finds the line it created: one line, one line.created, a succeeded run. Needs a build (dist/).
 */
describe(`workflow crash recovery (${testMode})`, () => {
  let database: TestDatabase;
  let sim: XuiAdminSimulator;
  let proxy: InterceptingProxy;
  let api: TestApp;
  const workers: HubProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await XuiAdminSimulator.start();
    proxy = await InterceptingProxy.start(sim.url);
    // This process serves the API only; the workers below run the jobs.
    api = await createTestApp({ database, env: { ...FAST_WORKFLOWS, HUB_ROLE: 'api' } });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    await api?.close();
    await proxy?.close();
    await sim?.close();
    await database?.drop();
  });

  const startWorker = async () => {
    // A health port keeps an embedded-mode worker alive (its job timers do not hold the event loop).
    const port = await freePort();
    const worker = startProcess('dist/src/worker.js', {
      ...database.env,
      ...FAST_WORKFLOWS,
      HUB_JOB_LEASE_MS: '1500',
      HUB_WORKFLOW_STEP_LEASE_MS: '1000',
      HUB_WORKER_HEALTH_PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    workers.push(worker);
    await waitFor(async () => worker.child.exitCode !== null || (await fetch(`http://127.0.0.1:${port}/health/live`).then((res) => res.ok).catch(() => false)), { timeoutMs: 60_000, message: 'the worker to start' });
    if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.output()}`);
    return worker;
  };

  it('creates exactly one line and succeeds when the worker is killed between the panel call and the step commit', async () => {
    const panel = await api.http
      .post('/panels')
      .send({ name: 'XUI via proxy', type: 'xui-admin', baseUrl: proxy.url, credentials: sim.credentials, options: { timeoutMs: 5000, retry: { attempts: 1, baseDelayMs: 50 } } })
      .expect(201);
    const product = await api.http.post('/products').send({ name: '1 month', panelId: panel.body.id, packageExternalId: '1', durationUnit: 'months', durationValue: 1, maxConnections: 1, priceMinor: 900, currency: 'EUR' }).expect(201);
    const customerId = await newCustomer(api);
    const order = await api.http.post('/orders').send({ customerId, productId: product.body.id }).expect(201);

    const first = await startWorker();
    proxy.decide = (url, body) => (/action=create_line/.test(`${url}&${body}`) ? 'hold' : 'pass');
    const paid = await api.http.post(`/orders/${order.body.id}/mark-paid`).send({}).expect(200);
    const subscriptionId = paid.body.subscriptionId as string;

    await waitFor(() => proxy.held >= 1 && sim.lines().length === 1, { timeoutMs: 30_000, message: 'the panel to create the line while its answer is held' });
    await first.kill('SIGKILL');
    proxy.decide = () => 'pass';

    await startWorker();
    const active = await waitForStatus(api, subscriptionId, 'active', 60_000);
    expect(sim.lines()).toHaveLength(1);
    expect(active.lineId).toBe(String(sim.lines()[0].id));
    expect(active.username).toBe(sim.lines()[0].username);

    const run = await waitForRun(api, { subscriptionId, workflowId: 'provision-on-purchase' }, 'succeeded', 30_000);
    const step = run.steps.find((item: { stepId: string }) => item.stepId === 'line');
    expect(step.status).toBe('succeeded');
    expect(step.attempts).toBe(2);
    expect(step.attemptLog.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['interrupted', 'succeeded']);
    const created = (await eventsOf(api, 'line.created')).filter((event) => event.payload.subscriptionId === subscriptionId);
    expect(created).toHaveLength(1);
    expect((await api.http.get('/runs').query({ subscriptionId, workflowId: 'provision-on-purchase' }).expect(200)).body.items).toHaveLength(1);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
