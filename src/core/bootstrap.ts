import { DynamicModule, INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { HubConfig } from './config/hub-config';
import { configureApp } from './http/configure-app';

/** Creates the HTTP application, configured exactly as production runs it (also used by the tests). */
export async function createHttpApp(root: DynamicModule, config: HubConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(root, { bufferLogs: true, rawBody: true, bodyParser: false });
  configureApp(app, config);
  await app.init();
  return app;
}

/** A process without HTTP: consumes jobs and competes for the scheduler lease. */
export async function createWorkerContext(root: DynamicModule): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(root, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  return app;
}

export async function listen(app: INestApplication, config: HubConfig): Promise<string> {
  await app.listen(config.http.port, config.http.host);
  return app.getUrl();
}
