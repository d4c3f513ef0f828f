import type { EntityManager } from '@mikro-orm/core';

/**
 * A case-insensitive "contains" condition. SQLite's LIKE already ignores ASCII case and has no
 * ILIKE; PostgreSQL needs ILIKE (where wildcards in the term are escaped to match literally;
 * SQLite's LIKE has no default escape character, so there `%` and `_` keep their meaning).
 */
export function containsText(em: EntityManager, term: string): { $like: string } | { $ilike: string } {
  if (em.getDriver().constructor.name.startsWith('Sqlite')) return { $like: `%${term}%` };
  return { $ilike: `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` };
}
