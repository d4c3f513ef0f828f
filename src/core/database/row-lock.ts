import { EntityManager, LockMode } from '@mikro-orm/core';
import { SqlitePlatform } from '@mikro-orm/sql';

/**
 * Find options that read a row afresh for a change inside the caller's transaction, holding its
 * row lock until commit on PostgreSQL (concurrent changers of the same row wait their turn).
 * SQLite needs no row lock: it runs one writing transaction at a time.
 */
export function forChange(em: EntityManager): { lockMode?: LockMode; refresh: true } {
  return { lockMode: isSqlite(em) ? undefined : LockMode.PESSIMISTIC_WRITE, refresh: true };
}

/** True on the embedded SQLite database (the platform, whatever the driver class is called). */
export function isSqlite(em: EntityManager): boolean {
  return em.getPlatform() instanceof SqlitePlatform;
}
