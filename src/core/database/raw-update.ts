import { EntityManager, JsonType } from '@mikro-orm/core';
import type { EntityClass } from './orm-options';

/**
 * `update <table> set … where …` for hot paths that change a few columns of a row they already
 * hold: one statement in the transaction of `em` (if any), without the unit of work's change-set
 * machinery (`nativeUpdate` costs several times more CPU). Columns come from the entity metadata;
 * JSON properties are serialised, dates and scalars are passed to the driver as they are.
 * `null` in `where` means `is null`. Returns the number of rows changed.
 */
export async function updateRow<T extends object>(em: EntityManager, entity: EntityClass, where: Partial<Record<keyof T & string, unknown>>, patch: Partial<T>): Promise<number> {
  const meta = em.getMetadata().get(entity as never);
  const column = (key: string) => {
    const prop = meta.properties[key as never] as { fieldNames?: string[]; customType?: unknown } | undefined;
    if (!prop?.fieldNames?.[0]) throw new Error(`${meta.className} has no column for ${key}`);
    return { name: prop.fieldNames[0], json: prop.customType instanceof JsonType };
  };
  const params: unknown[] = [];
  const sets: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const { name, json } = column(key);
    sets.push(`${name} = ?`);
    params.push(json && value !== null ? JSON.stringify(value) : value);
  }
  if (sets.length === 0) return 0;
  const conditions = Object.entries(where).map(([key, value]) => {
    const { name } = column(key);
    if (value === null) return `${name} is null`;
    params.push(value);
    return `${name} = ?`;
  });
  const sql = `update ${meta.tableName} set ${sets.join(', ')} where ${conditions.join(' and ')}`;
  const result = await em.getConnection().execute<{ affectedRows: number }>(sql, params, 'run', em.getTransactionContext());
  return result.affectedRows;
}
