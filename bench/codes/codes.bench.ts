/**
 * Access-code benchmark: a CSV import of 100,000 generated rows through the HTTP API (time, peak
 * RSS and heap of the hub process, correctness of the report), then code login at a fixed
 * 200 requests/s open-loop rate (p50/p99/max; 90% valid codes, 10% unknown codes from distinct
 * client addresses behind a trusted proxy so no address is locked out).
 * Prints one JSON line. Usage: node dist/bench/codes/codes.bench.js [embedded|scale-out ...]
 * Knobs: BENCH_IMPORT_ROWS (100000), BENCH_LOGIN_RATE (200), BENCH_LOGIN_SECONDS (10).
 */
import 'reflect-metadata';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool, request } from 'undici';
import { AppModule } from '../../src/app.module';
import { CODE_ALPHABET } from '../../src/core/access-codes/code-format';
import { createHttpApp } from '../../src/core/bootstrap';
import { loadConfig } from '../../src/core/config/hub-config';
import { createEphemeralDatabase, HubMode } from '../../scripts/support/ephemeral-database';
import { percentile } from '../support/load';

const ADMIN_KEY = 'hub_bench_admin_key_0123456789abcdefghijklmnop';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const RATE = Number(process.env.BENCH_LOGIN_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_LOGIN_SECONDS ?? 10);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The i-th code of a deterministic sequence: distinct for distinct i, always in the alphabet. */
function codeOf(i: number): string {
  let code = '';
  for (let n = i + 34 ** 5; code.length < 6; n = Math.floor(n / 34)) code = CODE_ALPHABET[n % 34] + code;
  return code;
}

async function writeCsv(file: string, portalId: string): Promise<string[]> {
  const out = createWriteStream(file);
  const codes: string[] = [];
  out.write('code,portal,username,password,expiry,notes,status\n');
  for (let i = 0; i < ROWS; i++) {
    // Every tenth row leaves the code to the generator.
    const code = i % 10 === 9 ? '' : codeOf(i);
    if (code) codes.push(code);
    const expiry = i % 3 === 0 ? 'lifetime' : i % 3 === 1 ? '2031-06-30' : '';
    if (!out.write(`${code},${portalId},line_${i},pw-${i}-${(i * 7919) % 100003},${expiry},bench row ${i},active\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return codes;
}

async function benchMode(mode: HubMode): Promise<Record<string, unknown>> {
  Object.assign(process.env, { HUB_CODE_LOGIN_ALARM_FAILURES: '1000000', HUB_CODE_LOGIN_BUDGET: '1000' });
  const database = await createEphemeralDatabase(mode, { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', HUB_ADMIN_API_KEY: ADMIN_KEY, HUB_RATE_LIMIT_PER_MINUTE: '100000000', HUB_TRUSTED_PROXIES: 'loopback' });
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1' });
  const dir = mkdtempSync(join(tmpdir(), 'codes-bench-'));
  let app: NestExpressApplication | undefined;
  try {
    app = await createHttpApp(AppModule.forRoot(config), config);
    await app.listen(0, '127.0.0.1');
    const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const auth = { authorization: `Bearer ${ADMIN_KEY}` };
    const portal = (await (await request(`${origin}/portals`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bench', url: 'http://bench.example.com' }) })).body.json()) as { id: string };
    const file = join(dir, 'codes.csv');
    const codes = await writeCsv(file, portal.id);
    global.gc?.();

    // Import: upload streamed from disk, then poll the job until it finishes.
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 50);
    const started = performance.now();
    const upload = await request(`${origin}/access-codes/import?mode=all-or-nothing`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) }, body: createReadStream(file) });
    const { id } = (await upload.body.json()) as { id: string };
    const uploadedSeconds = (performance.now() - started) / 1000;
    let job: Record<string, any>;
    for (;;) {
      job = (await (await request(`${origin}/access-codes/import/jobs/${id}`, { headers: auth })).body.json()) as Record<string, any>;
      if (job.finished) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const importSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const correct = job.status === 'completed' && job.rows === ROWS && job.created === ROWS && job.invalid === 0 && job.duplicate === 0;

    // Login: open loop at RATE requests/s; latency is measured from the scheduled send time.
    const pool = new Pool(origin, { connections: 64, pipelining: 1 });
    const total = RATE * SECONDS;
    const valid: number[] = [];
    const invalid: number[] = [];
    let errors = 0;
    const unexpected: Record<string, number> = {};
    const loopStart = performance.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = loopStart + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const bad = i % 10 === 9;
      const code = bad ? `Z${codeOf(i).slice(1, 5)}` : codes[(i * 7919) % codes.length];
      inflight.push(
        pool
          .request({ method: 'POST', path: '/codes/login', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }, body: JSON.stringify({ code }) })
          .then(async (res) => {
            await res.body.dump();
            const ms = performance.now() - due;
            if (res.statusCode === (bad ? 401 : 200)) (bad ? invalid : valid).push(ms);
            else {
              errors += 1;
              unexpected[res.statusCode] = (unexpected[res.statusCode] ?? 0) + 1;
            }
          })
          .catch(() => {
            errors += 1;
          }),
      );
    }
    await Promise.all(inflight);
    const loginSeconds = (performance.now() - loopStart) / 1000;
    await pool.close();
    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const round = (value: number) => Math.round(value * 10) / 10;
      return { requests: values.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted[sorted.length - 1] ?? 0) };
    };
    return {
      import: {
        rows: ROWS,
        fileMb: mb(statSync(file).size),
        status: job.status,
        correctReport: correct,
        uploadSeconds: Math.round(uploadedSeconds * 100) / 100,
        totalSeconds: Math.round(importSeconds * 100) / 100,
        rowsPerSecond: Math.round(ROWS / importSeconds),
        rssBeforeMb: mb(rssBefore),
        peakRssMb: mb(peakRss),
        peakHeapUsedMb: mb(peakHeap),
      },
      login: { targetRate: RATE, achievedRate: Math.round(total / loginSeconds), errors, unexpected, valid: summary(valid), invalid: summary(invalid) },
    };
  } finally {
    await app?.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const modes = (process.argv.slice(2).length ? process.argv.slice(2) : ['embedded']) as HubMode[];
  const results: Record<string, unknown> = {};
  for (const mode of modes) results[mode] = await benchMode(mode);
  process.stdout.write(`${JSON.stringify({ bench: 'codes', node: process.version, results })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
