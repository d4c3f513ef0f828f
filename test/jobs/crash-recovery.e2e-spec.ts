import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryDb } from '../helpers/db-query';
import { startProcess } from '../helpers/processes';
import { createTestDatabase, TestDatabase, testMode, waitFor } from '../helpers/test-app';

const JOBS = 1000;
const CONCURRENCY = 8;

describe(`job queue crash recovery (${testMode})`, () => {
  let database: TestDatabase;
  let logDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    logDir = mkdtempSync(join(tmpdir(), 'hub-burst-'));
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('completes every job exactly once after the worker is killed with SIGKILL mid-burst', async () => {
    const env = { ...database.env, BURST_LOG: join(logDir, 'executions.log'), HUB_JOB_CONCURRENCY: String(CONCURRENCY), HUB_JOB_LEASE_MS: '1500', LOG_LEVEL: 'warn' };
    const effects = async () => Number((await queryDb<{ n: number | string }>(env, 'select count(*) as n from test_job_effect'))[0]?.n ?? 0);

    const first = startProcess('test/fixtures/job-burst-worker.js', { ...env, BURST_ENQUEUE: String(JOBS) });
    await first.waitForOutput('READY', 60_000);
    await waitFor(async () => (await effects()) >= JOBS / 4, { timeoutMs: 30_000, intervalMs: 10, message: 'a quarter of the burst' });
    await first.kill('SIGKILL');
    const doneBeforeKill = await effects();
    expect(doneBeforeKill).toBeLessThan(JOBS);

    const second = startProcess('test/fixtures/job-burst-worker.js', env);
    try {
      await second.waitForOutput('READY', 60_000);
      await waitFor(async () => (await effects()) === JOBS, { timeoutMs: 60_000, message: 'every job to take effect' });
      if (testMode === 'embedded') {
        await waitFor(async () => {
          const rows = await queryDb<{ status: string; n: number | string }>(env, "select status, count(*) as n from hub_job where name = 'test.burst' group by status");
          return rows.length === 1 && rows[0].status === 'completed' && Number(rows[0].n) === JOBS;
        }, { timeoutMs: 20_000, message: 'every job row to be completed' });
      }
    } finally {
      await second.kill('SIGTERM');
    }

    const executions = readFileSync(env.BURST_LOG, 'utf8').trim().split('\n').map((line) => line.split(' '));
    const effectsByKey = new Map<string, number>();
    for (const [key, , kind] of executions) if (kind === 'effect') effectsByKey.set(key, (effectsByKey.get(key) ?? 0) + 1);
    // The database holds the effects (one row per job, primary key); the log may miss the line of
    // a job killed between its commit and the append, but never shows an effect twice.
    expect(effectsByKey.size).toBeGreaterThanOrEqual(JOBS - CONCURRENCY);
    expect([...effectsByKey.values()].every((count) => count === 1)).toBe(true);
    // Only the jobs in flight at the kill may run again (their effect was idempotent).
    const repeats = executions.filter(([, , kind]) => kind === 'repeat').length;
    expect(repeats).toBeLessThanOrEqual(CONCURRENCY);
    const rows = await queryDb<{ n: number | string }>(env, 'select count(*) as n from test_job_effect');
    expect(Number(rows[0].n)).toBe(JOBS);
  });
});
