import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { HubConfig } from '../config/hub-config';
import { correlationIdFrom, hubContext } from '../context/request-context';
import { httpRequestDuration } from '../metrics/hub-metrics';
import { serveDocs } from './openapi';
import { countRequest } from './request-pressure';

/**
 * Everything around the routes that main.ts and the tests both need: proxies, security headers,
 * body limits, correlation ids, request metrics and the docs. Filters, pipes, guards and
 * interceptors are global providers of the HTTP module.
 */
export function configureApp(app: NestExpressApplication, config: HubConfig): void {
  app.useLogger(app.get(Logger));
  if (config.http.trustedProxies.length > 0) app.set('trust proxy', config.http.trustedProxies);
  app.disable('x-powered-by');
  app.use(
    helmet({
      // Swagger UI at /docs needs inline styles and scripts from its own origin.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
    }),
  );
  app.use(correlation);
  app.use(requestMetrics);
  app.use(countRequest);
  app.useBodyParser('json', { limit: config.http.bodyLimitBytes, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimitBytes, extended: false });
  serveDocs(app);
  app.enableShutdownHooks();
}

function correlation(req: Request, res: Response, next: NextFunction): void {
  const correlationId = correlationIdFrom(req.headers['x-correlation-id'] ?? req.headers['x-request-id']);
  res.setHeader('X-Correlation-Id', correlationId);
  hubContext.run({ correlationId, actor: { type: 'anonymous', id: 'anonymous' }, ip: req.ip }, next);
}

function requestMetrics(req: Request, res: Response, next: NextFunction): void {
  const stop = httpRequestDuration.startTimer();
  res.on('finish', () => stop({ method: req.method, route: (req.route as { path?: string } | undefined)?.path ?? 'unmatched', status: String(res.statusCode) }));
  next();
}
