import { types } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../database/base.entity';
import { Panel } from '../panel.entity';

/**
 * A package (bouquet set / tariff plan) synced from a panel. Packages that disappear from the panel
 * are kept and marked `missing`, so products that sell them can be flagged instead of breaking.
 */
@Entity({ tableName: 'hub_package' })
@Unique({ properties: ['panel', 'externalId'] })
@Index({ properties: ['panel', 'missing'] })
export class HubPackage extends BaseEntity<'missing' | 'channelCount' | 'vodCount' | 'seriesCount' | 'durationDays' | 'maxConnections' | 'creditCost' | 'isTrial' | 'raw'> {
  @ManyToOne(() => Panel, { deleteRule: 'cascade' })
  panel: Panel;

  @Property({ type: 'string', length: 200 })
  externalId: string;

  @Property({ type: 'string', length: 300 })
  name: string;

  @Property({ type: 'integer', nullable: true })
  channelCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  vodCount?: number | null;

  @Property({ type: 'integer', nullable: true })
  seriesCount?: number | null;

  @Property({ type: 'double', nullable: true })
  durationDays?: number | null;

  @Property({ type: 'integer', nullable: true })
  maxConnections?: number | null;

  @Property({ type: 'double', nullable: true })
  creditCost?: number | null;

  @Property({ type: 'boolean', nullable: true })
  isTrial?: boolean | null;

  @Property({ type: 'boolean' })
  missing: boolean = false;

  /** The panel's own record, as reported at the last sync. */
  @Property({ type: 'json', nullable: true })
  raw?: unknown;

  @Property({ type: types.datetime })
  lastSeenAt: Date = new Date();
}
