import { MikroORM } from '@mikro-orm/core';
import { keyedStateStore } from '../plugins/keyed-state.store';
import type { PluginStateStore } from '../plugins/sdk';
import { Panel } from './panel.entity';
import { PluginStateRow } from './plugin-state.entity';

/** The hub's PluginStateStore for a panel's plugin: one row per (panel, key). */
export function databaseStateStore(orm: MikroORM, panelId: string): PluginStateStore {
  return keyedStateStore(orm.em, PluginStateRow, { entity: Panel, property: 'panel', id: panelId });
}
