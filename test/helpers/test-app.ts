import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import createClient, { Client } from 'openapi-fetch';
import { Client as PgClient } from 'pg';
import request from 'supertest';
type TestAgent = ReturnType<typeof request.agent>;
import { AppModule } from '../../src/app.module';
import { createHttpApp } from '../../src/core/bootstrap';
import { HubConfig, loadConfig } from '../../src/core/config/hub-config';
import type { paths } from '../client/schema';

export type TestMode = 'embedded' | 'scale-out';

/** Which mode the suite runs in: HUB_TEST_MODE=scale-out uses PostgreSQL + Redis + BullMQ. */
export const testMode: TestMode = process.env.HUB_TEST_MODE === 'scale-out' ? 'scale-out' : 'embedded';
export const TEST_ADMIN_KEY = 'hub_test_admin_key_0123456789abcdefghijklmnop';
const PG_ADMIN_URL = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh data directory, plus in scale-out mode a fresh PostgreSQL database and Redis prefix. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-test-'));
  const env: Record<string, string> = { HUB_DATA_DIR: dataDir, LOG_LEVEL: process.env.HUB_TEST_LOG_LEVEL ?? 'silent', HUB_ADMIN_API_KEY: TEST_ADMIN_KEY, HUB_JOB_POLL_MS: '50' };
  let dbName: string | undefined;
  if (testMode === 'scale-out') {
    dbName = `hub_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${dbName}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${dbName}`;
    Object.assign(env, { DATABASE_URL: url.toString(), REDIS_URL, HUB_QUEUE_PREFIX: `hub-test-${dbName}` });
  }
  return {
    env,
    async drop() {
      if (dbName) await adminQuery(`drop database if exists ${dbName} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new PgClient({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
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
