import { EntityClass, EntityManager, FilterQuery, RequiredEntityData, UniqueConstraintViolationException } from '@mikro-orm/core';
import { newId } from '../database/ids';
import type { PluginStateStore } from './sdk';

/** The columns a plugin-state table has besides the relation to its owner (panel, payment account…). */
export interface KeyedStateRow {
  id: string;
  key: string;
  value: string;
  updatedAt: Date;
}

/** Whose state a store reads and writes: the owner's entity, the row's relation property to it, its id. */
export interface KeyedStateOwner {
  entity: EntityClass<object>;
  property: string;
  id: string;
}

/**
 * A plugin's `ctx.state` over a table with one row per (owner, key). Every call runs in a fork of
 * `em` of its own (plugins call it outside any request's unit of work); `setIfAbsent` claims
 * through the (owner, key) unique index, so two processes racing to store a key keep the first value.
 */
export function keyedStateStore<Row extends KeyedStateRow>(em: EntityManager, rowEntity: EntityClass<Row>, owner: KeyedStateOwner): PluginStateStore {
  // The owner's property name is only known at run time, so TypeScript cannot check these shapes.
  const where = (key: string) => ({ [owner.property]: owner.id, key }) as FilterQuery<Row>;
  const rowData = (data: Record<string, unknown>) => data as unknown as RequiredEntityData<Row>;
  return {
    async get(key) {
      return (await em.fork().findOne(rowEntity, where(key)))?.value ?? null;
    },
    async set(key, value) {
      const unit = em.fork();
      const row = await unit.findOne(rowEntity, where(key));
      if (row) {
        row.value = value;
        row.updatedAt = new Date();
      } else unit.persist(unit.create(rowEntity, rowData({ [owner.property]: unit.getReference(owner.entity, owner.id), key, value, updatedAt: new Date() })));
      await unit.flush();
    },
    async setIfAbsent(key, value) {
      try {
        await em.fork().insert(rowEntity, rowData({ id: newId(), [owner.property]: owner.id, key, value, updatedAt: new Date() }));
        return true;
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) return false;
        throw error;
      }
    },
    async delete(key) {
      await em.fork().nativeDelete(rowEntity, where(key));
    },
  };
}
