import type { NestExpressApplication } from '@nestjs/platform-express';
import createClient, { Client } from 'openapi-fetch';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { createHttpApp } from '../../src/core/bootstrap';
import { HubConfig, loadConfig } from '../../src/core/config/hub-config';
import { createEphemeralDatabase, EphemeralDatabase, HubMode } from '../../scripts/support/ephemeral-database';
import type { paths } from '../client/schema';

type TestAgent = ReturnType<typeof request.agent>;
export type TestMode = HubMode;

/** Which mode the suite runs in: HUB_TEST_MODE=scale-out uses PostgreSQL + Redis + BullMQ. */
export const testMode: TestMode = process.env.HUB_TEST_MODE === 'scale-out' ? 'scale-out' : 'embedded';
export const TEST_ADMIN_KEY = 'hub_test_admin_key_0123456789abcdefghijklmnop';

export type TestDatabase = EphemeralDatabase;

/** A fresh data directory, plus in scale-out mode a fresh PostgreSQL database and Redis prefix. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createEphemeralDatabase(testMode, { LOG_LEVEL: process.env.HUB_TEST_LOG_LEVEL ?? 'silent', HUB_ADMIN_API_KEY: TEST_ADMIN_KEY, HUB_JOB_POLL_MS: '50' });
}

export interface TestApp {
  app: NestExpressApplication;
  config: HubConfig;
  url: string;
  /** supertest agent on the live server, authenticated as the admin key unless told otherwise. */
  http: TestAgent;
  /** Typed client generated from openapi/openapi.json. */
  api: Client<paths>;
  adminKey: string;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  database?: TestDatabase;
}

/** Boots the whole hub as production does, on a random port, in the suite's mode. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', ...options.env });
  const app = await createHttpApp(AppModule.forRoot(config), config);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const adminKey = config.adminApiKey ?? TEST_ADMIN_KEY;
  const api = createClient<paths>({ baseUrl: url, headers: { authorization: `Bearer ${adminKey}` } });
  let closed = false;
  return {
    app,
    config,
    url,
    http: request.agent(app.getHttpServer()).set('authorization', `Bearer ${adminKey}`),
    api,
    adminKey,
    database,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/** Polls until `check` returns a truthy value or the time is up (no fixed sleeps in tests). */
export async function waitFor<T>(check: () => Promise<T> | T, { timeoutMs = 10_000, intervalMs = 50, message = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
