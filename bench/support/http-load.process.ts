/**
 * HTTP load from a process of its own, as real callers are other machines: the hub under benchmark
 * does not pay for the load generator's CPU. The parent sends a batch of POSTs and how to pace
 * them (closed loop at a concurrency, or open loop at a fixed interval); the child answers with,
 * per request, whether it succeeded, the wall-clock instant it was answered and the fields of the
 * answer the parent asked for.
 */
import { fork } from 'node:child_process';
import { Pool } from 'undici';
import { wallClock } from './load';

export interface LoadBatch {
  /** Where the requests go: spread over several origins in turn (a load balancer's round robin). */
  origin: string | string[];
  apiKey: string;
  requests: { path: string; body: unknown }[];
  pacing: { kind: 'closed'; concurrency: number } | { kind: 'open'; intervalMs: number; connections: number };
  /** Fields of each JSON answer to send back. */
  pick: string[];
}

export interface LoadResult {
  ok: boolean;
  status: number;
  answeredAt: number;
  fields: Record<string, unknown>;
}

export interface LoadProcess {
  run(batch: LoadBatch): Promise<{ seconds: number; results: LoadResult[] }>;
  close(): Promise<void>;
}

export async function startLoadProcess(): Promise<LoadProcess> {
  const child = fork(__filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('message', () => resolve());
  });
  return {
    run: (batch) =>
      new Promise((resolve, reject) => {
        child.once('message', (message: { seconds: number; results: LoadResult[] } | { error: string }) => ('error' in message ? reject(new Error(message.error)) : resolve(message)));
        child.send(batch);
      }),
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function runBatch(batch: LoadBatch): Promise<{ seconds: number; results: LoadResult[] }> {
  const connections = batch.pacing.kind === 'closed' ? batch.pacing.concurrency : batch.pacing.connections;
  const origins = Array.isArray(batch.origin) ? batch.origin : [batch.origin];
  const pools = origins.map((origin) => new Pool(origin, { connections: Math.ceil(connections / origins.length) }));
  const headers = { authorization: `Bearer ${batch.apiKey}`, 'content-type': 'application/json' };
  const results: LoadResult[] = new Array(batch.requests.length);
  const send = async (index: number) => {
    const { path, body } = batch.requests[index];
    const res = await pools[index % pools.length].request({ method: 'POST', path, headers, body: JSON.stringify(body) });
    const json = (await res.body.json()) as Record<string, unknown>;
    results[index] = { ok: res.statusCode < 300, status: res.statusCode, answeredAt: wallClock(), fields: Object.fromEntries(batch.pick.map((key) => [key, json[key]])) };
  };
  const started = performance.now();
  if (batch.pacing.kind === 'closed') {
    let next = 0;
    await Promise.all(
      Array.from({ length: batch.pacing.concurrency }, async () => {
        while (next < batch.requests.length) await send(next++);
      }),
    );
  } else {
    const { intervalMs } = batch.pacing;
    await Promise.all(
      batch.requests.map(async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + index * intervalMs - performance.now())));
        await send(index);
      }),
    );
  }
  await Promise.all(pools.map((pool) => pool.close()));
  return { seconds: (performance.now() - started) / 1000, results };
}

if (process.argv.includes('--child')) {
  process.on('message', (batch: LoadBatch) => {
    runBatch(batch).then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  });
  process.on('SIGTERM', () => process.exit(0));
  process.send?.({ type: 'ready' });
}
