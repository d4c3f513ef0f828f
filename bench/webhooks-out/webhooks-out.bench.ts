/**
 * Outbound webhooks benchmark: events emitted through the outbox → fan-out → signed deliveries
 * (one durable job each) → a local receiver on 127.0.0.1 that verifies every signature with the
 * `standardwebhooks` package. Reports deliveries/s (first emit → last delivery marked delivered)
 * and event-to-receipt latency, in embedded mode (SQLite + embedded jobs) and scale-out mode
 * (PostgreSQL + Redis + BullMQ). Prints one JSON line.
 * Usage: node dist/bench/webhooks-out/webhooks-out.bench.js [embedded|scale-out ...]
 * Knobs: BENCH_WEBHOOK_EVENTS (default 600), BENCH_WEBHOOK_ENDPOINTS (default 2).
 */
import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Webhook } from 'standardwebhooks';
import { AppModule } from '../../src/app.module';
import { createHttpApp } from '../../src/core/bootstrap';
import { loadConfig } from '../../src/core/config/hub-config';
import { EventsService } from '../../src/core/events/events.service';
import { WebhookDelivery } from '../../src/core/webhooks/webhook-delivery.entity';
import { MikroORM } from '@mikro-orm/core';
import { createEphemeralDatabase, HubMode } from '../../scripts/support/ephemeral-database';
import { percentile } from '../support/load';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 600);
const ENDPOINTS = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 2);
const BATCH = 20;
const ADMIN_KEY = 'hub_bench_admin_key_0123456789abcdefghijklmnop';

interface ModeResult {
  driver: string;
  events: number;
  endpoints: number;
  deliveries: number;
  verified: number;
  rejected: number;
  seconds: number;
  deliveriesPerSecond: number;
  eventToReceiptP50Ms: number;
  eventToReceiptP99Ms: number;
}

/** Verifies each delivery against its endpoint's secret (found by path) and records receipt times. */
function startReceiver(secrets: Map<string, Webhook>, onReceipt: (latencyMs: number, ok: boolean) => void): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const latency = verifiedLatency(secrets.get(req.url ?? ''), body, req.headers as Record<string, string>);
      const ok = latency !== undefined;
      onReceipt(latency ?? 0, ok);
      res.writeHead(ok ? 204 : 400).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Milliseconds from the event's emission to now, or undefined when the signature does not verify. */
function verifiedLatency(verifier: Webhook | undefined, body: string, headers: Record<string, string>): number | undefined {
  try {
    const payload = verifier?.verify(body, headers) as { data: { sentAt: number } } | undefined;
    return payload ? Date.now() - payload.data.sentAt : undefined;
  } catch {
    return undefined;
  }
}

async function benchMode(mode: HubMode): Promise<ModeResult> {
  const database = await createEphemeralDatabase(mode, { LOG_LEVEL: 'silent', HUB_ADMIN_API_KEY: ADMIN_KEY, HUB_JOB_CONCURRENCY: '32', HUB_JOB_POLL_MS: '20', HUB_WEBHOOK_ALLOWED_NETWORKS: 'loopback' });
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1' });
  const secrets = new Map<string, Webhook>();
  const latencies: number[] = [];
  let rejected = 0;
  const expected = EVENTS * ENDPOINTS;
  let allReceived: () => void = () => undefined;
  const received = new Promise<void>((resolve) => (allReceived = resolve));
  const receiver = await startReceiver(secrets, (latency, ok) => {
    if (ok) latencies.push(latency);
    else rejected += 1;
    if (latencies.length + rejected === expected) allReceived();
  });
  let app: NestExpressApplication | undefined;
  try {
    app = await createHttpApp(AppModule.forRoot(config), config);
    const origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    await app.listen(0, '127.0.0.1');
    const hub = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    for (let i = 0; i < ENDPOINTS; i++) {
      const res = await fetch(`${hub}/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${origin}/ep${i}`, eventTypes: ['subscription.*'] }),
      });
      if (res.status !== 201) throw new Error(`Creating an endpoint failed: ${res.status} ${await res.text()}`);
      secrets.set(`/ep${i}`, new Webhook(((await res.json()) as { secret: string }).secret));
    }
    const events = app.get(EventsService);
    const started = performance.now();
    for (let i = 0; i < EVENTS; i += BATCH) {
      await events.transaction(async (_em, emit) => {
        for (let k = i; k < Math.min(EVENTS, i + BATCH); k++) emit({ type: 'subscription.renewed', payload: { subscriptionId: `sub-${k}`, status: 'active', sentAt: Date.now() } });
      });
    }
    await received;
    // Deliveries count once recorded as delivered, not merely received.
    const em = app.get(MikroORM).em.fork();
    while ((await em.count(WebhookDelivery, { status: 'delivered' })) < expected) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      driver: config.jobs.driver,
      events: EVENTS,
      endpoints: ENDPOINTS,
      deliveries: expected,
      verified: latencies.length,
      rejected,
      seconds: Math.round(seconds * 100) / 100,
      deliveriesPerSecond: Math.round(expected / seconds),
      eventToReceiptP50Ms: percentile(sorted, 50),
      eventToReceiptP99Ms: percentile(sorted, 99),
    };
  } finally {
    await app?.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    await database.drop();
  }
}

async function main(): Promise<void> {
  const modes = (process.argv.slice(2).length ? process.argv.slice(2) : ['embedded', 'scale-out']) as HubMode[];
  const results: Record<string, ModeResult> = {};
  for (const mode of modes) results[mode] = await benchMode(mode);
  process.stdout.write(`${JSON.stringify({ bench: 'webhooks-out', node: process.version, results })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
