import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** How a bench runs the hub: one process with every role, or an API process plus one or two worker processes. */
export type Layout = 'oneProcess' | 'apiAndWorker' | 'apiAndTwoWorkers';

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
