import { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import type { HubConfig } from '../config/hub-config';

const MIGRATION_LOCK_KEY = 7_431_001;

/**
 * Applies pending migrations. On PostgreSQL several processes (an API and workers) may start at
 * once, so the run is serialised by a session advisory lock on a dedicated connection.
 */
export async function runMigrations(orm: MikroORM, config: HubConfig): Promise<string[]> {
  if (config.database.dialect === 'sqlite') return names(await orm.migrator.up());
  const client = new Client({ connectionString: config.database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return names(await orm.migrator.up());
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

function names(applied: { name: string }[]): string[] {
  return applied.map((migration) => migration.name);
}
