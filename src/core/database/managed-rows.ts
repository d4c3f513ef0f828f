import { EntityManager, EntityMetadata, ReferenceKind, wrap } from '@mikro-orm/core';
import type { EntityClass } from './orm-options';
import { preparedOn } from './prepared-statements';
import { updateRow } from './raw-rows';
import { isSqlite } from './row-lock';

export interface LoadOptions<T> {
  /** Read the row afresh even if this entity manager holds it (its unsaved changes are lost). */
  refresh?: boolean;
  /**
   * For a change in the transaction of `em`: hold the row lock until it ends (`for update` on
   * PostgreSQL; SQLite serialises writers), and read the row afresh the first time in that
   * transaction (held from an earlier one, it may have changed since), not again after.
   */
  lock?: boolean;
  /** Many-to-one relations to load too: joined into the same statement (an entity this entity manager already holds is kept as it is). */
  populate?: Array<keyof T & string>;
}

/**
 * An entity by primary key, managed by `em` as if `em.findOne` had loaded it (identity map,
 * change tracking, flushed with the unit of work), from one raw statement with the relations to
 * populate joined in: `findOne` builds its query afresh every time, about 170 µs of CPU for a row
 * that takes 10 µs to read, and twice that with `populate`. Lazy columns are not read, as with
 * `findOne`. An entity already held (and not to be refreshed) is not read; its relations to
 * populate are, by key, when not held either.
 */
export async function loadManaged<T extends object>(em: EntityManager, entity: EntityClass, id: string, options: LoadOptions<T> = {}): Promise<T | null> {
  const meta = em.getMetadata().get(entity as never) as EntityMetadata<T>;
  const found = options.refresh || (options.lock && firstLockIn(em, meta, id)) ? undefined : (em.getUnitOfWork().getById<T>(meta.class, id as never) as T | undefined);
  const populate = options.populate ?? [];
  if (!found || !wrap(found, true).isInitialized()) {
    // The row and the rows it points to, in one statement (one round trip on PostgreSQL).
    const joined = joinedSelectOf(meta, populate);
    const sql = joined.sql + (options.lock && !isSqlite(em) ? ' for update of m' : '');
    const [row] = await em.getConnection().execute<Record<string, unknown>[]>(preparedOn(em, sql, 1), [id], 'all', em.getTransactionContext());
    if (!row) return null;
    for (const part of joined.related) {
      const values = part.values(row);
      const key = values[part.primaryKey];
      if (key === null || key === undefined) continue;
      const known = em.getUnitOfWork().getById(part.meta.class, key as never);
      // An entity this entity manager holds keeps its state (and its unsaved changes), as with `populate` by key.
      if (!known || !wrap(known, true).isInitialized()) em.map(part.meta.class, values as never);
    }
    return em.map(meta.class, joined.main(row) as never) as T;
  }
  for (const relation of populate) {
    const target = (found as Record<string, { id?: string } | null>)[relation];
    if (target?.id) await loadManaged(em, relationOf(meta, relation).targetMeta?.class as EntityClass, target.id);
  }
  return found;
}

/**
 * Writes scalar properties of a managed entity (and `updatedAt`) with one raw update, in the
 * transaction of `em`, and makes their values the unit of work's baseline, so its flush does not
 * write them again: the flush builds each update through the query builder, several times the
 * cost of the statement. Properties not named keep their baseline, so a change to them is still
 * flushed as usual (naming too few costs time, never a change). An entity not yet in the
 * database (no baseline) is left to the flush that inserts it. A row loaded with `lock` in this
 * transaction cannot have gone: nobody waits for its update, which on PostgreSQL travels with the
 * transaction's next statement or its commit.
 */
export async function saveManaged<T extends { id: string; updatedAt?: Date }>(em: EntityManager, entity: T, properties: Array<keyof T & string>): Promise<void> {
  const wrapped = wrap(entity, true) as unknown as { __originalEntityData?: Record<string, unknown> };
  const original = wrapped.__originalEntityData;
  if (!original) return;
  if ('updatedAt' in entity) entity.updatedAt = new Date();
  const names = 'updatedAt' in entity ? [...properties, 'updatedAt' as keyof T & string] : properties;
  const patch = Object.fromEntries(names.map((name) => [name, entity[name]])) as Partial<T>;
  const locked = heldLockIn(em, em.getMetadata().get(entity.constructor as never), entity.id);
  const updated = await updateRow<T>(em, entity.constructor as EntityClass, { id: entity.id } as Partial<Record<keyof T & string, unknown>>, patch, { deferred: locked });
  if (!locked && updated === 0) return;
  const baseline = em.getComparator().prepareEntity(entity) as Record<string, unknown>;
  for (const name of names) original[name] = baseline[name];
}

/**
 * A row the transaction of `em` inserts (`entity`, persisted in it) is as good as locked by it:
 * nobody else sees the row before the commit. `loadManaged` with `lock` then takes the entity a
 * unit of work of this transaction holds instead of reading the row again.
 */
export function insertedInTransaction(em: EntityManager, entity: { id: string }): void {
  firstLockIn(em, em.getMetadata().get(entity.constructor as never), entity.id);
}

/** Rows each transaction (by its context) holds: loaded with `lock`, or inserted by it; as `lockKey`s. */
const lockedIn = new WeakMap<object, Set<string>>();

function lockKey(meta: EntityMetadata, id: string): string {
  return `${meta.tableName}:${id}`;
}

/** Whether `lock` has loaded this row in the transaction of `em`. */
function heldLockIn(em: EntityManager, meta: EntityMetadata, id: string): boolean {
  const context = em.getTransactionContext() as object | undefined;
  return context !== undefined && (lockedIn.get(context)?.has(lockKey(meta, id)) ?? false);
}

/** Records that the transaction of `em` holds this row; true the first time (outside a transaction: always). */
function firstLockIn(em: EntityManager, meta: EntityMetadata, id: string): boolean {
  const context = em.getTransactionContext() as object | undefined;
  if (!context) return true;
  let locked = lockedIn.get(context);
  if (!locked) lockedIn.set(context, (locked = new Set()));
  const key = lockKey(meta, id);
  if (locked.has(key)) return false;
  locked.add(key);
  return true;
}

interface JoinedSelect {
  sql: string;
  /** The entity's own columns of a result row, by column name. */
  main(row: Record<string, unknown>): Record<string, unknown>;
  related: Array<{ meta: EntityMetadata; primaryKey: string; values(row: Record<string, unknown>): Record<string, unknown> }>;
}

const joinedSelects = new WeakMap<EntityMetadata, Map<string, JoinedSelect>>();

/**
 * `select <columns of m>, <columns of r0>… from <table> m left join <target> r0 on … where m.<pk> = ?`:
 * the scalar and foreign-key columns of the entity and of each many-to-one relation named, each
 * as `<alias>__<column>`; lazy columns left out.
 */
function joinedSelectOf(meta: EntityMetadata, relations: string[]): JoinedSelect {
  let cache = joinedSelects.get(meta);
  if (!cache) joinedSelects.set(meta, (cache = new Map()));
  const cacheKey = relations.join(',');
  const known = cache.get(cacheKey);
  if (known) return known;
  const columns: string[] = [];
  const reader = (alias: string, target: EntityMetadata) => {
    const fields = fieldsOf(target);
    columns.push(...fields.map((field) => `${alias}.${field} as ${alias}__${field}`));
    const names = fields.map((field) => [field, `${alias}__${field}`] as const);
    return (row: Record<string, unknown>) => Object.fromEntries(names.map(([field, name]) => [field, row[name]]));
  };
  const main = reader('m', meta);
  const joins: string[] = [];
  const related = relations.map((relation, index) => {
    const prop = relationOf(meta, relation);
    const target = prop.targetMeta as EntityMetadata;
    const alias = `r${index}`;
    const primaryKey = target.properties[target.primaryKeys[0]].fieldNames[0];
    joins.push(`left join ${target.tableName} ${alias} on ${alias}.${primaryKey} = m.${prop.fieldNames[0]}`);
    return { meta: target, primaryKey, values: reader(alias, target) };
  });
  const key = meta.properties[meta.primaryKeys[0]].fieldNames[0];
  const joined: JoinedSelect = { sql: `select ${columns.join(', ')} from ${meta.tableName} m ${joins.join(' ')} where m.${key} = ?`.replace(/ {2,}/g, ' '), main, related };
  cache.set(cacheKey, joined);
  return joined;
}

/** The scalar and foreign-key columns of an entity, lazy ones left out. */
function fieldsOf(meta: EntityMetadata): string[] {
  return meta.props
    .filter((prop) => !prop.lazy && prop.persist !== false && (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE))
    .flatMap((prop) => prop.fieldNames ?? []);
}

function relationOf(meta: EntityMetadata, relation: string): EntityMetadata['props'][number] {
  const prop = (meta.properties as Record<string, EntityMetadata['props'][number] | undefined>)[relation];
  if (prop?.kind !== ReferenceKind.MANY_TO_ONE) throw new Error(`${meta.className}.${relation} is not a many-to-one relation`);
  return prop;
}
