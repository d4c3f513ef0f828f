import { createServer, Server } from 'node:http';
import { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { JobQueue } from '../jobs/job-queue';

/**
 * Worker processes serve no API, but orchestrators still need to probe them: a minimal HTTP
 * server answers /health/live and /health/ready (database and queue reachable).
 */
export async function startWorkerHealthServer(app: INestApplicationContext, port: number, host: string): Promise<Server> {
  const orm = app.get(MikroORM);
  const jobs = app.get(JobQueue);
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/health/live') return send(200, { status: 'ok' });
    if (req.url !== '/health/ready') return send(404, { status: 'not found' });
    Promise.all([orm.em.getConnection().execute('select 1'), jobs.ping()]).then(
      () => send(200, { status: 'ok', database: 'up', queue: 'up' }),
      (error: unknown) => send(503, { status: 'error', message: (error as Error).message }),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
}
