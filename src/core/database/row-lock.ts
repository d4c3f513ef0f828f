import { EntityManager, LockMode } from '@mikro-orm/core';

/**
 * Find options that read a row afresh for a change inside the caller's transaction, holding its
 * row lock until commit on PostgreSQL (concurrent changers of the same row wait their turn).
 * SQLite needs no row lock: it runs one writing transaction at a time.
 */
export function forChange(em: EntityManager): { lockMode?: LockMode; refresh: true } {
  return { lockMode: em.getDriver().constructor.name.startsWith('Sqlite') ? undefined : LockMode.PESSIMISTIC_WRITE, refresh: true };
}
