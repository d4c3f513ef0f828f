import { EntityManager, JsonType, ReferenceKind } from '@mikro-orm/core';
import type { EntityClass } from './orm-options';
import { DEFERRED } from './postgresql-batching';
import { preparedOn } from './prepared-statements';
import { isSqlite } from './row-lock';

/**
 * Raw statements for hot paths that read or write whole rows of scalar-only entities (append-only
 * entries, outbox rows, workflow runs and steps, panels): one statement in the transaction of
 * `em` (if any), without the query builder and the unit of work, which cost several times more
 * CPU than the statement itself (a `findOne` by primary key: about 170 µs against 10 µs for the
 * statement). Columns come from the entity metadata; JSON properties are serialised, dates and
 * scalars go to the driver as they are. Only scalar properties are supported.
 */
interface Column {
  name: string;
  field: string;
  json: boolean;
  /** How a value read back becomes the property's value. */
  read: 'json' | 'date' | 'boolean' | 'number' | 'as-is';
}

type Table = { table: string; columns: Map<string, Column>; prototype: object; selects: Map<string, string>; inserts: Map<number, string> };
const tables = new WeakMap<object, Table>();

function columnsOf(em: EntityManager, entity: EntityClass): Table {
  const meta = em.getMetadata().get(entity as never);
  const known = tables.get(meta);
  if (known) return known;
  const columns = new Map<string, Column>();
  for (const prop of meta.props) {
    if (prop.kind !== ReferenceKind.SCALAR || prop.persist === false || !prop.fieldNames?.[0]) continue;
    const json = prop.customType instanceof JsonType;
    columns.set(prop.name, { name: prop.name, field: prop.fieldNames[0], json, read: json ? 'json' : readAs(prop.runtimeType) });
  }
  const table = { table: meta.tableName, columns, prototype: (entity as unknown as { prototype: object }).prototype, selects: new Map<string, string>(), inserts: new Map<number, string>() };
  tables.set(meta, table);
  return table;
}

function readAs(runtimeType: string): Column['read'] {
  if (runtimeType === 'Date') return 'date';
  if (runtimeType === 'boolean') return 'boolean';
  if (runtimeType === 'number') return 'number';
  return 'as-is';
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

export interface WriteOptions {
  /**
   * Nobody waits for the statement's result: in a transaction on PostgreSQL it travels with the
   * transaction's next statement or its commit (`postgresql-batching.ts`), where a failure fails
   * that statement, converted by the driver but not as this write's own error. Not for a write
   * whose failure its caller handles (a duplicate key), nor one whose row count matters.
   */
  deferred?: boolean;
}

/** `sql` marked as deferred when asked for and in a transaction (outside one a write is sent at once anyway). */
export function marked(em: EntityManager, sql: string, options: WriteOptions): string {
  return options.deferred && em.getTransactionContext() ? DEFERRED + sql : sql;
}

const PREPARED_ROWS = 8;

/** Inserts whole rows (entity instances, so their defaults are set) in one statement. */
export async function insertRows(em: EntityManager, entity: EntityClass, rows: object[], options: WriteOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const known = columnsOf(em, entity);
  const all = [...known.columns.values()];
  const params = rows.flatMap((row) => all.map((column) => toDatabase(column, (row as Record<string, unknown>)[column.name])));
  // The same text for the same row count: the statement cache then finds it without hashing a new string.
  let sql = known.inserts.get(rows.length);
  if (!sql) {
    const placeholders = `(${all.map(() => '?').join(', ')})`;
    sql = `insert into ${known.table} (${all.map((column) => column.field).join(', ')}) values ${rows.map(() => placeholders).join(', ')}`;
    if (rows.length <= 64) known.inserts.set(rows.length, sql);
  }
  try {
    // Prepared for the usual batch sizes only: each size is a statement of its own on every connection.
    const statement = rows.length <= PREPARED_ROWS ? preparedOn(em, sql, params.length) : sql;
    await em.getConnection().execute(marked(em, statement, options), params, 'run', em.getTransactionContext());
  } catch (error) {
    // The same exception classes as the unit of work (a duplicate key is UniqueConstraintViolationException).
    throw em.getDriver().convertException(error as Error);
  }
}

/**
 * `update <table> set … where …` for rows held in memory. `null` in `where` means `is null`, an
 * array `in (…)` (an empty one matches nothing). Returns the number of rows changed (unknown, and
 * given as 0, when `deferred`).
 */
export async function updateRow<T extends object>(em: EntityManager, entity: EntityClass, where: Partial<Record<keyof T & string, unknown>>, patch: Partial<T>, options: WriteOptions = {}): Promise<number> {
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
    if (Array.isArray(value)) {
      if (value.length === 0) return '1 = 0';
      params.push(...value);
      return `${column.field} in (${value.map(() => '?').join(', ')})`;
    }
    params.push(value);
    return `${column.field} = ?`;
  });
  const text = `update ${table} set ${sets.join(', ')} where ${conditions.join(' and ')}`;
  // A list's length changes the text: such statements are not worth preparing.
  const sql = marked(em, Object.values(where).some(Array.isArray) ? text : preparedOn(em, text, params.length), options);
  const result = await em.getConnection().execute<{ affectedRows: number }>(sql, params, 'run', em.getTransactionContext());
  return result.affectedRows;
}

export interface FindRowsOptions<T> {
  orderBy?: keyof T & string;
  limit?: number;
  /** Only these properties (the others are left unset); every column when omitted. */
  fields?: Array<keyof T & string>;
}

/**
 * `select <every column> from <table> where … [order by … asc] [limit …]` (`null` in `where`
 * meaning `is null`, an array `in (…)`: an empty one matches nothing), as instances of the entity
 * class that the unit of work does not track: for rows that are only read, or changed with
 * `updateRow`. Lazy columns are read too.
 */
export async function findRows<T extends object>(em: EntityManager, entity: EntityClass, where: Partial<Record<keyof T & string, unknown>>, options: FindRowsOptions<T> = {}): Promise<T[]> {
  const table = columnsOf(em, entity);
  const keys = Object.keys(where) as Array<keyof T & string>;
  const selected = options.fields ? options.fields.map((field) => columnOf(table.columns, table.table, field)) : [...table.columns.values()];
  const shape = `${keys.map((key) => (where[key] === null ? `${key}:null` : Array.isArray(where[key]) ? `${key}:${(where[key] as unknown[]).length}` : key)).join(',')}|${options.orderBy ?? ''}|${options.limit ?? ''}|${options.fields?.join(',') ?? ''}`;
  let sql = table.selects.get(shape);
  if (!sql) {
    const conditions = keys.map((key) => `${columnOf(table.columns, table.table, key).field} ${condition(where[key])}`);
    sql = `select ${selected.map((column) => column.field).join(', ')} from ${table.table}${conditions.length ? ` where ${conditions.join(' and ')}` : ''}`;
    if (options.orderBy) sql += ` order by ${columnOf(table.columns, table.table, options.orderBy).field} asc`;
    if (options.limit !== undefined) sql += ` limit ${Math.floor(options.limit)}`;
    // One text per list length: kept for the usual lengths only.
    if (keys.every((key) => !Array.isArray(where[key]) || (where[key] as unknown[]).length <= 256)) table.selects.set(shape, sql);
  }
  const params = keys.filter((key) => where[key] !== null).flatMap((key) => where[key]);
  // A list's length changes the text: such statements are not worth preparing.
  const statement = keys.some((key) => Array.isArray(where[key])) ? sql : preparedOn(em, sql, params.length);
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(statement, params, 'all', em.getTransactionContext());
  return hydrate<T>(em, table, selected, rows);
}

function hydrate<T>(em: EntityManager, table: Table, selected: Column[], rows: Record<string, unknown>[]): T[] {
  const parseJson = isSqlite(em);
  return rows.map((row: Record<string, unknown>) => {
    const instance = Object.create(table.prototype) as Record<string, unknown>;
    for (const column of selected) instance[column.name] = fromDatabase(column, row[column.field], parseJson);
    return instance as T;
  });
}

/**
 * A select of your own whose rows carry every column of `entity` under their own names (the
 * select list from `selectListOf`), with other columns if wanted: each raw row with its instance
 * of the entity, as `findRows` gives them, or null where the entity's primary key is null (the
 * missing side of an outer join). Planned on every call, not prepared: a join's best plan depends
 * on the tables' sizes, and a prepared plan made while they were small (a seq scan and a sort of
 * the whole table) would be kept.
 */
export async function selectRows<T extends object>(em: EntityManager, entity: EntityClass, sql: string, params: unknown[] = []): Promise<Array<{ row: Record<string, unknown>; entity: T | null }>> {
  const table = columnsOf(em, entity);
  const keyField = columnOf(table.columns, table.table, em.getMetadata().get(entity as never).primaryKeys[0]).field;
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(sql, params, 'all', em.getTransactionContext());
  const selected = [...table.columns.values()];
  return rows.map((row: Record<string, unknown>) => ({ row, entity: row[keyField] == null ? null : hydrate<T>(em, table, selected, [row])[0] }));
}

/** `alias.column, …` for every column of `entity`: the select list for `selectRows`. */
export function selectListOf(em: EntityManager, entity: EntityClass, alias: string): string {
  return [...columnsOf(em, entity).columns.values()].map((column) => `${alias}.${column.field}`).join(', ');
}

function condition(value: unknown): string {
  if (value === null) return 'is null';
  if (!Array.isArray(value)) return '= ?';
  return value.length === 0 ? 'in (null)' : `in (${value.map(() => '?').join(', ')})`;
}

/** One row by its conditions, or null (see `findRows`). */
export async function findRow<T extends object>(em: EntityManager, entity: EntityClass, where: Partial<Record<keyof T & string, unknown>>): Promise<T | null> {
  const [row] = await findRows<T>(em, entity, where, { limit: 1 });
  return row ?? null;
}

/** SQLite returns JSON as text, dates as epoch milliseconds and booleans as 0/1; PostgreSQL types them. */
function fromDatabase(column: Column, value: unknown, parseJson: boolean): unknown {
  if (value === null || value === undefined) return null;
  switch (column.read) {
    case 'json':
      return parseJson && typeof value === 'string' ? JSON.parse(value) : value;
    case 'date':
      return value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as number | string));
    case 'boolean':
      return typeof value === 'boolean' ? value : Boolean(Number(value));
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    default:
      return value;
  }
}
