import { EntityManager, JsonType, ReferenceKind } from '@mikro-orm/core';
import type { EntityClass } from './orm-options';

/**
 * Raw statements for hot paths that write rows they already hold in full (append-only entries,
 * outbox rows, workflow runs and steps): one statement in the transaction of `em` (if any),
 * without the unit of work's change-set machinery, which costs several times more CPU than the
 * statement itself. Columns come from the entity metadata; JSON properties are serialised, dates
 * and scalars go to the driver as they are. Only scalar properties are supported.
 */
interface Column {
  name: string;
  field: string;
  json: boolean;
}

type Table = { table: string; columns: Map<string, Column> };
const tables = new WeakMap<object, Table>();

function columnsOf(em: EntityManager, entity: EntityClass): Table {
  const meta = em.getMetadata().get(entity as never);
  const known = tables.get(meta);
  if (known) return known;
  const columns = new Map<string, Column>();
  for (const prop of meta.props) {
    if (prop.kind !== ReferenceKind.SCALAR || prop.persist === false || !prop.fieldNames?.[0]) continue;
    columns.set(prop.name, { name: prop.name, field: prop.fieldNames[0], json: prop.customType instanceof JsonType });
  }
  const table = { table: meta.tableName, columns };
  tables.set(meta, table);
  return table;
}

function columnOf(columns: Map<string, Column>, table: string, key: string): Column {
  const column = columns.get(key);
  if (!column) throw new Error(`${table} has no scalar column for ${key}`);
  return column;
}

function toDatabase(column: Column, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return column.json ? JSON.stringify(value) : value;
}

/** Inserts whole rows (entity instances, so their defaults are set) in one statement. */
export async function insertRows(em: EntityManager, entity: EntityClass, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const { table, columns } = columnsOf(em, entity);
  const all = [...columns.values()];
  const params = rows.flatMap((row) => all.map((column) => toDatabase(column, (row as Record<string, unknown>)[column.name])));
  const placeholders = `(${all.map(() => '?').join(', ')})`;
  const sql = `insert into ${table} (${all.map((column) => column.field).join(', ')}) values ${rows.map(() => placeholders).join(', ')}`;
  try {
    await em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
  } catch (error) {
    // The same exception classes as the unit of work (a duplicate key is UniqueConstraintViolationException).
    throw em.getDriver().convertException(error as Error);
  }
}

/**
 * `update <table> set … where …` for a row held in memory. `null` in `where` means `is null`.
 * Returns the number of rows changed.
 */
export async function updateRow<T extends object>(em: EntityManager, entity: EntityClass, where: Partial<Record<keyof T & string, unknown>>, patch: Partial<T>): Promise<number> {
  const { table, columns } = columnsOf(em, entity);
  const params: unknown[] = [];
  const sets: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const column = columnOf(columns, table, key);
    sets.push(`${column.field} = ?`);
    params.push(toDatabase(column, value));
  }
  if (sets.length === 0) return 0;
  const conditions = Object.entries(where).map(([key, value]) => {
    const column = columnOf(columns, table, key);
    if (value === null) return `${column.field} is null`;
    params.push(value);
    return `${column.field} = ?`;
  });
  const result = await em.getConnection().execute<{ affectedRows: number }>(`update ${table} set ${sets.join(', ')} where ${conditions.join(' and ')}`, params, 'run', em.getTransactionContext());
  return result.affectedRows;
}
