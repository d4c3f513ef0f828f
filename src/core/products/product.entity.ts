import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import { Panel } from '../panels/panel.entity';

export type DurationUnit = 'hours' | 'days' | 'months';

/** What is sold: a package on a panel for a duration, at a price. Payments refer to products. */
@Entity({ tableName: 'hub_product' })
@Index({ properties: ['panel'] })
export class Product extends BaseEntity<'active' | 'packageMissing' | 'resellerCreditCost' | 'trial' | 'fallbackPanel' | 'fallbackPackageExternalId'> {
  @Property({ type: 'string', length: 200 })
  name: string;

  @ManyToOne(() => Panel, { deleteRule: 'restrict' })
  panel: Panel;

  @Property({ type: 'string', length: 200 })
  packageExternalId: string;

  @Property({ type: 'string', length: 10 })
  durationUnit: DurationUnit;

  @Property({ type: 'integer' })
  durationValue: number;

  @Property({ type: 'boolean' })
  trial: boolean = false;

  @Property({ type: 'integer' })
  maxConnections: number;

  /** Price in the currency's minor units (cents). */
  @Property({ type: 'integer' })
  priceMinor: number;

  @Property({ type: 'string', length: 3 })
  currency: string;

  @Property({ type: 'integer', nullable: true })
  resellerCreditCost?: number | null;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Set when the package disappeared from the panel at the last sync. */
  @Property({ type: 'boolean' })
  packageMissing: boolean = false;

  /**
   * Where `panel.createLine` provisions instead when the primary panel is down (health status) or
   * answers MAX_USERS_REACHED; the subscription then follows the line to this panel.
   */
  @ManyToOne(() => Panel, { nullable: true, deleteRule: 'set null' })
  fallbackPanel?: Panel | null;

  /** The package on the fallback panel (the fallback panel's own package id). */
  @Property({ type: 'string', length: 200, nullable: true })
  fallbackPackageExternalId?: string | null;
}
