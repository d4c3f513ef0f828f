import { raw, type EntityManager } from '@mikro-orm/core';
import { isSqlite } from '../database/row-lock';

/**
 * A case-insensitive "contains" condition. SQLite's LIKE already ignores ASCII case and has no
 * ILIKE; PostgreSQL needs ILIKE (where wildcards in the term are escaped to match literally;
 * SQLite's LIKE has no default escape character, so there `%` and `_` keep their meaning).
 */
export function containsText(em: EntityManager, term: string): { $like: string } | { $ilike: string } {
  if (isSqlite(em)) return { $like: `%${term}%` };
  return { $ilike: `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` };
}

/**
 * "column starts with prefix", matched literally in both dialects (no LIKE wildcards, which
 * SQLite could not escape): `substr(column, 1, n) = prefix`. Spread into a where object.
 */
export function startsWith(column: string, prefix: string): Record<string, string> {
  if (!/^[a-z_]+$/.test(column)) throw new Error(`not a column name: ${column}`);
  return { [raw(`substr(${column}, 1, ?)`, [prefix.length]) as unknown as string]: prefix };
}
