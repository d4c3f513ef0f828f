import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EntityMetadata, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { BatchingPostgreSqlDriver, PreparingPostgreSqlDriver } from './postgresql-batching';
import type { HubConfig } from '../config/hub-config';
import { BoundSqliteDriver } from './sqlite-bound-connection';
import { postgresqlMigrations } from './migrations/postgresql';
import { sqliteMigrations } from './migrations/sqlite';

export type EntityClass = abstract new (...args: never[]) => object;

/**
 * MikroORM options for the configured dialect. Migrations are listed statically per dialect
 * (SQL differs between SQLite and PostgreSQL) so the compiled app and the tests run the same ones.
 */
export function ormOptions(config: HubConfig, entities: EntityClass[]): Options {
  const dialect = config.database.dialect;
  const common = {
    entities,
    // Triggers differ in SQL between the dialects: an entity that has some names them per dialect.
    discovery: {
      onMetadata: (meta: EntityMetadata) => {
        const triggers = (meta.class as { dialectTriggers?: (dialect: 'sqlite' | 'postgresql') => EntityMetadata['triggers'] }).dialectTriggers?.(dialect);
        if (triggers) meta.triggers = triggers;
      },
    },
    extensions: [Migrator],
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
  } satisfies Partial<Options>;
  if (config.database.dialect === 'sqlite') {
    mkdirSync(dirname(config.database.path), { recursive: true });
    return {
      ...common,
      driver: BoundSqliteDriver,
      dbName: config.database.path,
      migrations: migrationOptions('sqlite', sqliteMigrations),
    } as unknown as Options;
  }
  return {
    ...common,
    driver: config.database.preparedStatements ? PreparingPostgreSqlDriver : BatchingPostgreSqlDriver,
    clientUrl: config.database.url,
    pool: { min: 1, max: config.database.poolMax },
    migrations: migrationOptions('postgresql', postgresqlMigrations),
  } as unknown as Options;
}

function migrationOptions(dialect: string, list: MigrationList): Options['migrations'] {
  return {
    tableName: 'hub_migrations',
    migrationsList: list,
    path: `src/core/database/migrations/${dialect}`,
    pathTs: `src/core/database/migrations/${dialect}`,
    snapshot: false,
    silent: true,
    transactional: true,
    allOrNothing: true,
    emit: 'ts',
    fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
  };
}

export type MigrationList = NonNullable<NonNullable<Options['migrations']>['migrationsList']>;
