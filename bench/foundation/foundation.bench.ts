/**
 * Foundation benchmark: API read latency (GET /customers?limit=50, authenticated, audited stack)
 * and job throughput of each job driver (no-op jobs: enqueue → claim → complete), in embedded
 * mode (SQLite + embedded jobs) and scale-out mode (PostgreSQL + Redis + BullMQ).
 * Prints one JSON line. Usage: node dist/bench/foundation/foundation.bench.js [embedded|scale-out ...]
 */
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { createHttpApp } from '../../src/core/bootstrap';
import { loadConfig } from '../../src/core/config/hub-config';
import { JobQueue } from '../../src/core/jobs/job-queue';
import { createEphemeralDatabase, HubMode } from '../../scripts/support/ephemeral-database';
import { closedLoop, httpGetter, LatencySummary } from '../support/load';

const ADMIN_KEY = 'hub_bench_admin_key_0123456789abcdefghijklmnop';
const READS = Number(process.env.BENCH_READS ?? 4000);
const READ_CONCURRENCY = Number(process.env.BENCH_READ_CONCURRENCY ?? 20);
const JOBS = Number(process.env.BENCH_JOBS ?? 3000);

interface ModeResult {
  apiRead: LatencySummary;
  jobs: { driver: string; jobs: number; enqueuePerSecond: number; completedPerSecond: number; seconds: number };
}

async function benchMode(mode: HubMode): Promise<ModeResult> {
  const database = await createEphemeralDatabase(mode, { LOG_LEVEL: 'silent', HUB_ADMIN_API_KEY: ADMIN_KEY, HUB_RATE_LIMIT_PER_MINUTE: '100000000', HUB_JOB_CONCURRENCY: '32', HUB_JOB_POLL_MS: '20' });
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1' });
  let app: NestExpressApplication | undefined;
  try {
    app = await createHttpApp(AppModule.forRoot(config), config);
    await app.listen(0, '127.0.0.1');
    const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const headers = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
    for (let i = 0; i < 50; i++) {
      await fetch(`${origin}/customers`, { method: 'POST', headers, body: JSON.stringify({ email: `bench${i}@example.com`, name: `Customer ${i}` }) });
    }
    const client = httpGetter(origin, '/customers?limit=50', headers, READ_CONCURRENCY);
    await closedLoop(200, READ_CONCURRENCY, client.get);
    const apiRead = await closedLoop(READS, READ_CONCURRENCY, client.get);
    await client.close();

    const queue = app.get(JobQueue);
    let done = 0;
    let finished: () => void = () => undefined;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    queue.register('bench.noop', async () => {
      done += 1;
      if (done === JOBS) finished();
    });
    const started = performance.now();
    for (let i = 0; i < JOBS; i += 100) {
      await Promise.all(Array.from({ length: Math.min(100, JOBS - i) }, (_, k) => queue.enqueue('bench.noop', { i: i + k })));
    }
    const enqueued = performance.now();
    await allDone;
    const seconds = (performance.now() - started) / 1000;
    const round = (value: number) => Math.round(value);
    return {
      apiRead,
      jobs: { driver: queue.driver, jobs: JOBS, enqueuePerSecond: round(JOBS / ((enqueued - started) / 1000)), completedPerSecond: round(JOBS / seconds), seconds: Math.round(seconds * 100) / 100 },
    };
  } finally {
    await app?.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const modes = (process.argv.slice(2).length ? process.argv.slice(2) : ['embedded', 'scale-out']) as HubMode[];
  const results: Record<string, ModeResult> = {};
  for (const mode of modes) results[mode] = await benchMode(mode);
  process.stdout.write(`${JSON.stringify({ bench: 'foundation', node: process.version, readConcurrency: READ_CONCURRENCY, results })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
