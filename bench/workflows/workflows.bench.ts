/**
 * Workflow engine benchmark: purchase → line created (the built-in provision-on-purchase workflow)
 * against the XUI.one simulator at 0 ms latency (in a process of its own, as a panel is another
 * machine), in embedded and scale-out mode.
 *  - saturation: N orders marked paid by 32 concurrent callers (in a process of their own, as real
 *    callers are other machines); runs/s until every run succeeded, and the CPU time spent per run
 *    by the process serving the API (all of the hub in `oneProcess`), by PostgreSQL (scale-out, when
 *    it runs on this machine) and by the whole machine (PostgreSQL, Redis, the simulator and the
 *    load generator included);
 *  - latency at half that rate (open loop): order paid (API answered) → create_line reached the panel;
 *  - direct: the XUI plugin client's createLine at the same concurrency, outside the hub, and the
 *    ratio of the two.
 * Every run is fully audited. Layouts: `oneProcess` (HUB_ROLE=all), `apiAndWorker` (an
 * HUB_ROLE=api process takes the orders, a worker process runs the workflows) and `twoProcesses`
 * (two HUB_ROLE=all processes, the callers spread over both as behind a load balancer: one
 * process per core, as a Node.js service is scaled out); the last two in scale-out mode only
 * (embedded SQLite is one writer), where the first two run by default. BENCH_LAYOUTS picks them,
 * `apiAndTwoWorkers` too. Prints one JSON line.
 * Each measurement follows a warm-up of BENCH_WARMUP_RUNS (300) unmeasured purchases or calls, so
 * that what is measured is the compiled, optimised steady state rather than the JIT's first minutes.
 * Usage: node dist/bench/workflows/workflows.bench.js [embedded|scale-out ...]  (BENCH_RUNS, BENCH_LATENCY_RUNS, BENCH_WARMUP_RUNS, BENCH_LAYOUTS;
 * BENCH_CPU_PROFILE=<file> writes a CPU profile of this process during the saturation phase)
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'undici';
import { AppModule } from '../../src/app.module';
import { createHttpApp } from '../../src/core/bootstrap';
import { loadConfig } from '../../src/core/config/hub-config';
import { createTestPanelClient } from '../../src/core/plugins/sdk';
import { xuiAdminPlugin } from '../../src/plugins/panels/xui-admin/xui-admin.plugin';
import { createEphemeralDatabase, HubMode } from '../../scripts/support/ephemeral-database';
import { profileWhile } from '../support/cpu-profile';
import { cpuMeter } from '../support/cpu-usage';
import { closedLoop, percentile } from '../support/load';
import { Layout, peersOf, startPeerProcess, startWorkerProcess, workersOf } from '../support/worker-process';
import { LoadResult, startLoadProcess } from '../support/http-load.process';
import { startSimulatorProcess } from '../support/xui-simulator.process';

const ADMIN_KEY = 'hub_bench_admin_key_0123456789abcdefghijklmnop';
const RUNS = Number(process.env.BENCH_RUNS ?? 600);
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 300);
/** Purchases run (and direct calls made) before anything is measured, so that the code being measured is compiled and optimised. */
const WARMUP_RUNS = Number(process.env.BENCH_WARMUP_RUNS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

interface Api {
  post(path: string, body: unknown): Promise<Record<string, any>>;
  close(): Promise<void>;
}

function api(origin: string): Api {
  const pool = new Pool(origin, { connections: CONCURRENCY + 4 });
  return {
    async post(path, body) {
      const res = await pool.request({ method: 'POST', path, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.body.json()) as Record<string, any>;
      if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${JSON.stringify(json)}`);
      return json;
    },
    close: () => pool.close(),
  };
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function benchMode(mode: HubMode, layout: Layout) {
  // HUB_DATABASE_* settings of the bench's own environment (pool size, prepared statements) reach the hub processes.
  const databaseSettings = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith('HUB_DATABASE_') && entry[1] !== undefined));
  const database = await createEphemeralDatabase(mode, { LOG_LEVEL: 'silent', HUB_ADMIN_API_KEY: ADMIN_KEY, HUB_RATE_LIMIT_PER_MINUTE: '100000000', HUB_JOB_CONCURRENCY: '32', ...databaseSettings });
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', HUB_ROLE: workersOf(layout) > 0 ? 'api' : 'all' });
  const sim = await startSimulatorProcess();
  const load = await startLoadProcess();
  let app: NestExpressApplication | undefined;
  const workers = Array.from({ length: workersOf(layout) }, () => startWorkerProcess(database.env));
  const peers: Array<{ origin: string; stop(): Promise<void> }> = [];
  try {
    app = await createHttpApp(AppModule.forRoot(config), config);
    await app.listen(0, '127.0.0.1');
    const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    for (let i = 0; i < peersOf(layout); i++) peers.push(await startPeerProcess(database.env));
    // The callers marking orders paid are spread over every process that serves the API.
    const origins = [origin, ...peers.map((peer) => peer.origin)];
    const client = api(origin);
    const panel = await client.post('/panels', { name: 'sim', type: 'xui-admin', baseUrl: sim.url, credentials: sim.credentials, options: { maxConcurrent: 200, maxPerSecond: 1000, retry: { attempts: 1, baseDelayMs: 50 } } });
    const product = await client.post('/products', { name: '1 month', panelId: panel.id, packageExternalId: '1', durationUnit: 'months', durationValue: 1, maxConnections: 1, priceMinor: 900, currency: 'EUR' });
    const orders = async (count: number, tag: string) => {
      const ids: string[] = [];
      await closedLoop(count, CONCURRENCY, async () => {
        const i = ids.length;
        ids.push('');
        const customer = await client.post('/customers', { email: `${tag}${i}@bench.example` });
        ids[i] = (await client.post('/orders', { customerId: customer.id, productId: product.id })).id as string;
        return true;
      });
      return ids;
    };
    const em = () => app!.get(MikroORM).em.fork() as unknown as SqlEntityManager;
    const succeeded = async () => Number((await em().execute<{ n: number | string }[]>(`select count(*) as n from hub_workflow_run where workflow_id = 'provision-on-purchase' and status = 'succeeded'`))[0].n);
    const creates = () => sim.creates.length;

    const markPaid = (ids: string[]) => ids.map((id) => ({ path: `/orders/${id}/mark-paid`, body: {} }));
    const failed = (results: LoadResult[]) => results.find((result) => !result.ok);

    // Warm-up: the same purchases, not measured.
    const warmup = await orders(WARMUP_RUNS, 'warm');
    const warmed = await load.run({ origin: origins, apiKey: ADMIN_KEY, requests: markPaid(warmup), pacing: { kind: 'closed', concurrency: CONCURRENCY }, pick: [] });
    if (failed(warmed.results)) throw new Error(`mark-paid failed: ${JSON.stringify(failed(warmed.results))}`);
    await waitUntil(async () => (await succeeded()) >= WARMUP_RUNS, 300_000, 'the warm-up runs to succeed');
    // PostgreSQL plans with the statistics autovacuum gathered, a minute apart at most: tables this
    // young, which grow several-fold in the minute measured, would be planned as the few hundred
    // rows they were (sequential scans of every audit entry or event for a lookup of a few hundred).
    // A hub in service has tables far larger than a minute's growth; statistics as of the warm-up
    // put this one in that state.
    if (mode === 'scale-out' && process.env.BENCH_ANALYZE !== 'false') await em().execute('analyze');

    // Saturation.
    const batch = await orders(RUNS, 'sat');
    const createsBefore = creates();
    const started = performance.now();
    const cpuSpent = cpuMeter();
    const { paidSeconds, linesSeconds } = await profileWhile(process.env.BENCH_CPU_PROFILE, async () => {
      const saturation = await load.run({ origin: origins, apiKey: ADMIN_KEY, requests: markPaid(batch), pacing: { kind: 'closed', concurrency: CONCURRENCY }, pick: [] });
      if (failed(saturation.results)) throw new Error(`mark-paid failed: ${JSON.stringify(failed(saturation.results))}`);
      await waitUntil(() => creates() >= createsBefore + RUNS, 300_000, 'every line');
      return { paidSeconds: saturation.seconds, linesSeconds: (performance.now() - started) / 1000 };
    });
    await waitUntil(async () => (await succeeded()) >= WARMUP_RUNS + RUNS, 300_000, 'every run to succeed');
    const runsSeconds = (performance.now() - started) / 1000;
    const cpu = cpuSpent();
    const runsPerSecond = RUNS / runsSeconds;

    // Latency at half the saturation rate (open loop).
    const latencyOrders = await orders(LATENCY_RUNS, 'lat');
    const seen = new Map<string, number>();
    let scanned = sim.creates.length;
    const scanner = setInterval(() => {
      for (; scanned < sim.creates.length; scanned++) {
        const note = /iptv-hub run ([0-9a-f-]{36})/.exec(sim.creates[scanned].notes);
        if (note && !seen.has(note[1])) seen.set(note[1], sim.creates[scanned].at);
      }
    }, 1);
    const open = await load.run({ origin: origins, apiKey: ADMIN_KEY, requests: markPaid(latencyOrders), pacing: { kind: 'open', intervalMs: 1000 / (runsPerSecond / 2), connections: CONCURRENCY }, pick: ['subscriptionId'] });
    if (failed(open.results)) throw new Error(`mark-paid failed: ${JSON.stringify(failed(open.results))}`);
    const paidAt = new Map(open.results.map((result) => [result.fields.subscriptionId as string, result.answeredAt]));
    await waitUntil(() => seen.size >= LATENCY_RUNS, 300_000, 'the latency runs');
    clearInterval(scanner);
    const runRows = await em().execute<{ id: string; subscription_id: string }[]>(`select id, subscription_id from hub_workflow_run where workflow_id = 'provision-on-purchase'`);
    const latencies = runRows.filter((row) => paidAt.has(row.subscription_id) && seen.has(row.id)).map((row) => (seen.get(row.id) as number) - (paidAt.get(row.subscription_id) as number)).sort((a, b) => a - b);

    // Direct panel calls at the same concurrency: the same plugin client, without the hub around it
    // (no engine, no per-panel limits, no audit).
    const { client: direct } = createTestPanelClient(xuiAdminPlugin, sim.credentials, { baseUrl: sim.url, timeoutMs: 5000 });
    let k = 0;
    const directCall = async () => {
      const n = k++;
      await direct.createLine!({ username: `direct${n}`, password: 'secret123', packageId: '1', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), maxConnections: 1, idempotencyKey: `direct:${n}` });
      return true;
    };
    await closedLoop(WARMUP_RUNS, CONCURRENCY, directCall);
    const directCalls = await closedLoop(RUNS, CONCURRENCY, directCall);
    const audited = Number((await em().execute<{ n: number | string }[]>(`select count(*) as n from hub_audit_entry where action = 'workflow.run.succeeded'`))[0].n);
    await client.close();
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      runs: RUNS,
      warmupRuns: WARMUP_RUNS,
      concurrency: CONCURRENCY,
      saturation: { runsPerSecond: round(runsPerSecond), linesPerSecond: round(RUNS / linesSeconds), markPaidPerSecond: round(RUNS / paidSeconds), seconds: round(runsSeconds), cpuMsPerRun: { hubProcess: round(cpu.processMs / RUNS), postgres: mode === 'embedded' || cpu.postgresMs === null ? null : round(cpu.postgresMs / RUNS), machine: cpu.machineMs === null ? null : round(cpu.machineMs / RUNS) } },
      halfLoad: { targetPerSecond: round(runsPerSecond / 2), runs: latencies.length, p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) },
      direct: { callsPerSecond: directCalls.perSecond, p50Ms: directCalls.p50Ms, p99Ms: directCalls.p99Ms },
      engineToDirectTimeRatio: round(directCalls.perSecond / runsPerSecond),
      auditedRuns: audited,
    };
  } finally {
    await Promise.all([...workers, ...peers].map((process) => process.stop()));
    await app?.close();
    await sim.close();
    await load.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const modes = (process.argv.slice(2).length ? process.argv.slice(2) : ['embedded', 'scale-out']) as HubMode[];
  const results: Record<string, Record<string, unknown>> = {};
  for (const mode of modes) {
    // Embedded mode is one process by default: SQLite shared by two processes under this write
    // load answers "database is locked" (see README, troubleshooting).
    const layouts = (process.env.BENCH_LAYOUTS?.split(',') ?? (mode === 'embedded' ? ['oneProcess'] : ['oneProcess', 'apiAndWorker'])) as Layout[];
    results[mode] = {};
    for (const layout of layouts) results[mode][layout] = await benchMode(mode, layout);
  }
  process.stdout.write(`${JSON.stringify({ bench: 'workflows', node: process.version, results })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
