import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Client } from 'pg';

/** Runs one read-only query against the test database of `env` (SQLite file or PostgreSQL). */
export async function queryDb<T = Record<string, unknown>>(env: Record<string, string>, sql: string): Promise<T[]> {
  if (env.DATABASE_URL) {
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new DatabaseSync(join(env.HUB_DATA_DIR, 'hub.sqlite'), { timeout: 5000 });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
