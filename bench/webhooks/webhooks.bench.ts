/**
 * Inbound payment webhook benchmark: Stripe-signed `checkout.session.completed` deliveries
 * posted to /hooks/payments/stripe/{accountId} at concurrency 50 — each one verified with the
 * `stripe` package, stored once (dedupe key) with its audit entry and queued on the durable job
 * queue before the 200. Reports verified-and-queued webhooks/s and latency percentiles, and how
 * long the queue took to work through them (events match no order here, so each ends `unmatched`).
 * Two layouts per mode: `oneProcess` (HUB_ROLE=all: the same process receives and works the queue)
 * and `apiAndWorker` (an HUB_ROLE=api process receives, a `npm run start:worker` process works the
 * queue at the same time — how a hub that takes bursts of webhooks is run).
 * Prints one JSON line. Usage: node dist/bench/webhooks/webhooks.bench.js [embedded|scale-out ...]
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Stripe from 'stripe';
import { Pool } from 'undici';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { AppModule } from '../../src/app.module';
import { createHttpApp } from '../../src/core/bootstrap';
import { loadConfig } from '../../src/core/config/hub-config';
import { PaymentEventRow } from '../../src/core/payments/payment-event.entity';
import { createEphemeralDatabase, HubMode } from '../../scripts/support/ephemeral-database';
import { closedLoop, LatencySummary } from '../support/load';
import { Layout, startWorkerProcess } from '../support/worker-process';

const ADMIN_KEY = 'hub_bench_admin_key_0123456789abcdefghijklmnop';
const TOTAL = Number(process.env.BENCH_WEBHOOKS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 50);
const SECRET = 'whsec_benchbenchbenchbenchbench00';

interface ModeResult {
  webhooks: LatencySummary;
  duplicates: LatencySummary;
  healthLiveBaseline: LatencySummary;
  stored: number;
  drainedSeconds: number | null;
  /** Events still waiting when the bench stopped watching. */
  left: number;
}

function delivery(i: number): { body: string; signature: string } {
  const event = { id: `evt_bench_${i}_${Date.now()}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), data: { object: { id: `cs_bench_${i}`, object: 'checkout.session', payment_status: 'paid', amount_total: 1299, currency: 'eur', client_reference_id: `bench-order-${i}` } } };
  const body = JSON.stringify(event);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET }) };
}

async function benchMode(mode: HubMode, layout: Layout): Promise<ModeResult> {
  const database = await createEphemeralDatabase(mode, { LOG_LEVEL: 'silent', HUB_ADMIN_API_KEY: ADMIN_KEY, HUB_JOB_CONCURRENCY: '16', HUB_JOB_POLL_MS: '50', HUB_PANEL_HEALTH_INTERVAL_MS: '0', HUB_PACKAGE_SYNC_INTERVAL_MS: '0' });
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', HUB_ROLE: layout === 'apiAndWorker' ? 'api' : 'all' });
  let app: NestExpressApplication | undefined;
  const worker = layout === 'apiAndWorker' ? startWorkerProcess(database.env) : undefined;
  try {
    app = await createHttpApp(AppModule.forRoot(config), config);
    await app.listen(0, '127.0.0.1');
    const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const created = await fetch(`${origin}/payment-accounts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', type: 'stripe', credentials: { secretKey: 'sk_test_bench', webhookSecret: SECRET, apiBaseUrl: 'http://127.0.0.1:9' } }),
    });
    const account = (await created.json()) as { id: string };
    const path = `/hooks/payments/stripe/${account.id}`;
    // The provider side runs on its own thread (a provider is another machine): only the hub's work is measured here.
    const started = performance.now();
    const load = await runLoad({ origin, path });
    const orm = app.get(MikroORM);
    const stored = await orm.em.fork().count(PaymentEventRow, {});
    let drainedSeconds: number | null = null;
    for (let waited = 0; waited < 60_000; waited += 250) {
      if ((await orm.em.fork().count(PaymentEventRow, { status: 'received' })) === 0) {
        drainedSeconds = Math.round((performance.now() - started) / 10) / 100;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const left = await orm.em.fork().count(PaymentEventRow, { status: 'received' });
    return { webhooks: load.webhooks, duplicates: load.duplicates, healthLiveBaseline: load.baseline, stored, drainedSeconds, left };
  } finally {
    await worker?.stop();
    await app?.close();
    await database.drop();
  }
}


function runLoad(target: { origin: string; path: string }): Promise<{ webhooks: LatencySummary; duplicates: LatencySummary; baseline: LatencySummary }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: target });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** The load generator thread: signs every delivery up front, then posts them closed-loop at CONCURRENCY. */
async function loadThread(target: { origin: string; path: string }): Promise<void> {
  const pool = new Pool(target.origin, { connections: CONCURRENCY, pipelining: 1 });
  const bodies = Array.from({ length: TOTAL + 200 }, (_, i) => delivery(i));
  let next = 0;
  const post = async (item: { body: string; signature: string }) => {
    const res = await pool.request({ method: 'POST', path: target.path, headers: { 'content-type': 'application/json', 'stripe-signature': item.signature }, body: item.body });
    await res.body.dump();
    return res.statusCode === 200;
  };
  // The ceiling of the HTTP stack itself on this machine: a public GET that touches nothing.
  const live = async () => {
    const res = await pool.request({ method: 'GET', path: '/health/live' });
    await res.body.dump();
    return res.statusCode === 200;
  };
  await closedLoop(200, CONCURRENCY, live);
  const baseline = await closedLoop(2000, CONCURRENCY, live);
  await closedLoop(200, CONCURRENCY, () => post(bodies[next++]));
  const webhooks = await closedLoop(TOTAL, CONCURRENCY, () => post(bodies[next++]));
  let replay = 200;
  const duplicates = await closedLoop(1000, CONCURRENCY, () => post(bodies[replay++]));
  await pool.close();
  parentPort?.postMessage({ webhooks, duplicates, baseline });
}

async function main(): Promise<void> {
  const modes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['embedded', 'scale-out']) as HubMode[];
  const layouts = (process.env.BENCH_LAYOUTS?.split(',') ?? ['oneProcess', 'apiAndWorker']) as Layout[];
  const results: Record<string, Partial<Record<Layout, ModeResult>>> = {};
  for (const mode of modes) {
    results[mode] = {};
    for (const layout of layouts) results[mode][layout] = await benchMode(mode, layout);
  }
  console.log(JSON.stringify({ bench: 'webhooks', concurrency: CONCURRENCY, total: TOTAL, target: { embeddedPerSecond: 1000 }, results }));
}

(isMainThread ? main() : loadThread(workerData as { origin: string; path: string })).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
