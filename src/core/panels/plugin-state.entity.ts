import { types } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../database/ids';
import { Panel } from './panel.entity';

/** A plugin's durable per-panel fact (PluginStateStore), e.g. a username the hub gave out on the panel. */
@Entity({ tableName: 'hub_plugin_state' })
@Unique({ properties: ['panel', 'key'] })
export class PluginStateRow {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Panel, { deleteRule: 'cascade' })
  panel: Panel;

  @Property({ type: 'string', length: 300 })
  key: string;

  @Property({ type: 'text' })
  value: string;

  @Property({ type: types.datetime })
  updatedAt: Date = new Date();
}
