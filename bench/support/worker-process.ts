import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/**
 * How a bench runs the hub: one process with every role; an API process plus one or two worker
 * processes; or two processes with every role, the callers spread over both (scale-out only).
 */
export type Layout = 'oneProcess' | 'apiAndWorker' | 'apiAndTwoWorkers' | 'twoProcesses';

/** Processes with every role (API and workers) next to the bench's own in a layout. */
export function peersOf(layout: Layout): number {
  return layout === 'twoProcesses' ? 1 : 0;
}

/** Worker processes next to the API process in a layout. */
export function workersOf(layout: Layout): number {
  return layout === 'apiAndTwoWorkers' ? 2 : layout === 'apiAndWorker' ? 1 : 0;
}

/** A hub worker process (`dist/src/worker.js`, as `npm run start:worker`) on the given database and queue. */
export function startWorkerProcess(env: Record<string, string>): { stop(): Promise<void> } {
  const child = spawn(process.execPath, [resolve(__dirname, '../../src/worker.js')], { env: { ...process.env, ...env, HUB_ROLE: 'worker', HUB_WORKER_HEALTH_PORT: '0' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  return {
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A second hub process with every role (`dist/src/main.js`, as `npm start`), answering on its own port once ready. */
export async function startPeerProcess(env: Record<string, string>): Promise<{ origin: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(__dirname, '../../src/main.js')], { env: { ...process.env, ...env, HUB_ROLE: 'all', HOST: '127.0.0.1', PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${origin}/health/ready`).then((res) => res.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the second hub process did not start');
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    origin,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
