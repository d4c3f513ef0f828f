import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type HubMode = 'embedded' | 'scale-out';

export interface EphemeralDatabase {
  /** Environment for loadConfig(): a fresh data dir, plus PostgreSQL + Redis in scale-out mode. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const PG_ADMIN_URL = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A throw-away hub database for tests and benchmarks: SQLite in a temp dir, or a new PostgreSQL database and Redis prefix. */
export async function createEphemeralDatabase(mode: HubMode, extraEnv: Record<string, string> = {}): Promise<EphemeralDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-ephemeral-'));
  const env: Record<string, string> = { HUB_DATA_DIR: dataDir, ...extraEnv };
  let dbName: string | undefined;
  if (mode === 'scale-out') {
    dbName = `hub_tmp_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${dbName}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${dbName}`;
    Object.assign(env, { DATABASE_URL: url.toString(), REDIS_URL, HUB_QUEUE_PREFIX: `hub-${dbName}` });
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
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
