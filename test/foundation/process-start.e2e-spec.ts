import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess } from '../helpers/processes';
import { testMode, waitFor } from '../helpers/test-app';

/** Nest re-raises the signal once its shutdown hooks have run, so a clean stop ends by SIGTERM (or 0). */
function expectGracefulExit(exit: { code: number | null; signal: NodeJS.Signals | null }, output: string): void {
  expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
  expect(output).toContain('Shutting down on SIGTERM');
}

const describeEmbedded = testMode === 'embedded' ? describe : describe.skip;

/** What a newcomer gets from `npm start` (dist/src/main.js) with no configuration at all. */
describeEmbedded('starting the compiled hub with no configuration', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hub-start-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  function env(extra: Record<string, string> = {}): Record<string, string> {
    // Only what a fresh shell would have; PORT is chosen to avoid clashing with a developer's hub.
    return { HUB_DATA_DIR: dataDir, PORT: String(31000 + Math.floor(Math.random() * 2000)), HOST: '127.0.0.1', DATABASE_URL: '', REDIS_URL: '', HUB_ADMIN_API_KEY: '', HUB_ENCRYPTION_KEY: '', NODE_ENV: '', ...extra };
  }

  it('creates the SQLite file, serves /docs and /health/ready, prints an admin key once, and stops cleanly', async () => {
    const vars = env();
    const base = `http://127.0.0.1:${vars.PORT}`;
    const hub = startProcess('dist/src/main.js', vars);
    try {
      await hub.waitForOutput('IPTV Hub listening', 30_000);
      expect(existsSync(join(dataDir, 'hub.sqlite'))).toBe(true);
      expect(existsSync(join(dataDir, 'encryption.key'))).toBe(true);
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      const docs = await fetch(`${base}/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
      const key = /\n\s+(hub_[A-Za-z0-9_-]{20,})\n/.exec(hub.output())?.[1];
      expect(key).toBeDefined();
      const panels = await fetch(`${base}/panels`, { headers: { authorization: `Bearer ${key}` } });
      expect(panels.status).toBe(200);
    } finally {
      expectGracefulExit(await hub.kill('SIGTERM'), hub.output());
    }
    const again = startProcess('dist/src/main.js', vars);
    try {
      await again.waitForOutput('IPTV Hub listening', 30_000);
      expect(again.output()).not.toContain('shown only this once');
    } finally {
      await again.kill('SIGTERM');
    }
  });

  it('refuses to start in production without an encryption key, saying why', async () => {
    const hub = startProcess('dist/src/main.js', env({ NODE_ENV: 'production' }));
    // What the process printed tells why it did not exit, if it does not.
    await waitFor(() => hub.child.exitCode !== null, { timeoutMs: 30_000, message: 'the process to exit' }).catch((error: Error) => {
      throw new Error(`${error.message}; it printed:\n${hub.output()}`);
    });
    expect((await hub.kill()).code).toBe(1);
    expect(hub.output()).toContain('HUB_ENCRYPTION_KEY is required when NODE_ENV=production');
  });

  it('keeps a worker without a health endpoint running until it is stopped', async () => {
    const worker = startProcess('dist/src/worker.js', env({ HUB_WORKER_HEALTH_PORT: '0' }));
    try {
      await worker.waitForOutput('worker started', 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(worker.child.exitCode).toBeNull();
    } finally {
      expectGracefulExit(await worker.kill('SIGTERM'), worker.output());
    }
  });

  it('starts a worker process whose health endpoint reports ready', async () => {
    const healthPort = String(33000 + Math.floor(Math.random() * 2000));
    const worker = startProcess('dist/src/worker.js', env({ HUB_WORKER_HEALTH_PORT: healthPort }));
    try {
      await worker.waitForOutput('worker started', 30_000);
      const res = await fetch(`http://127.0.0.1:${healthPort}/health/ready`);
      expect(await res.json()).toEqual({ status: 'ok', database: 'up', queue: 'up' });
    } finally {
      expectGracefulExit(await worker.kill('SIGTERM'), worker.output());
    }
  });
});
