import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { PluginStateStore } from '../plugins/sdk';
import { newId } from '../database/ids';
import { Panel } from './panel.entity';
import { PluginStateRow } from './plugin-state.entity';

/** The hub's PluginStateStore: one row per (panel, key), atomic claims through the unique index. */
export function databaseStateStore(orm: MikroORM, panelId: string): PluginStateStore {
  const em = () => orm.em.fork();
  return {
    async get(key) {
      return (await em().findOne(PluginStateRow, { panel: panelId, key }))?.value ?? null;
    },
    async set(key, value) {
      const fork = em();
      const row = await fork.findOne(PluginStateRow, { panel: panelId, key });
      if (row) {
        row.value = value;
        row.updatedAt = new Date();
      } else fork.persist(fork.create(PluginStateRow, { panel: fork.getReference(Panel, panelId), key, value, updatedAt: new Date() }));
      await fork.flush();
    },
    async setIfAbsent(key, value) {
      try {
        await em().insert(PluginStateRow, { id: newId(), panel: panelId, key, value, updatedAt: new Date() });
        return true;
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) return false;
        throw error;
      }
    },
    async delete(key) {
      await em().nativeDelete(PluginStateRow, { panel: panelId, key });
    },
  };
}
