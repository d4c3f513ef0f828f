import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module';
import { createWorkerContext } from './core/bootstrap';
import { ConfigError, loadConfig } from './core/config/hub-config';
import { startWorkerHealthServer } from './core/health/worker-health-server';

/** `npm run start:worker`: a process that runs jobs and may run the schedulers, without HTTP. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), role: 'worker' as const };
  const app = await createWorkerContext(AppModule.forRoot(config));
  if (config.http.workerHealthPort > 0) {
    const server = await startWorkerHealthServer(app, config.http.workerHealthPort, config.http.host);
    process.once('SIGTERM', () => server.close());
    process.once('SIGINT', () => server.close());
  } else {
    // The queue's timers do not hold the process open (so tests can close apps); a worker must
    // live until it is told to stop, which Nest's shutdown hooks handle by re-raising the signal.
    setInterval(() => undefined, 1 << 30);
  }
  new Logger('Hub').log(`IPTV Hub worker started (${config.mode} mode, jobs ${config.jobs.driver}, concurrency ${config.jobs.concurrency})`);
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `\n${error.message}\n` : `IPTV Hub worker failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
