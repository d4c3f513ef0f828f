import { types } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Customer } from '../customers/customer.entity';
import { BaseEntity } from '../database/base.entity';
import { Panel } from '../panels/panel.entity';
import { Product } from '../products/product.entity';
import type { SubscriptionStatus } from './subscription-state';

export interface SubscriptionHistoryEntry {
  at: string;
  from: SubscriptionStatus | null;
  to: SubscriptionStatus;
  reason: string;
  /** The workflow run (or API call) that made the change. */
  runId?: string;
  correlationId?: string;
}

/**
 * A customer's line on a panel. The hub holds the intent (status, expiry, package); the panel holds
 * the line. The reconcile job reports where the two differ.
 */
@Entity({ tableName: 'hub_subscription' })
@Index({ properties: ['status', 'expiresAt'] })
@Index({ properties: ['customer'] })
@Index({ properties: ['panel', 'lineId'] })
export class Subscription extends BaseEntity<
  'status' | 'lineId' | 'username' | 'passwordSealed' | 'expiresAt' | 'history' | 'reviewReason' | 'statusBeforeReview' | 'expiringNotifiedFor' | 'lineDeletedAt'
> {
  @ManyToOne(() => Customer, { deleteRule: 'restrict' })
  customer: Customer;

  @ManyToOne(() => Product, { deleteRule: 'restrict' })
  product: Product;

  @ManyToOne(() => Panel, { deleteRule: 'restrict' })
  panel: Panel;

  @Property({ type: 'string', length: 16 })
  status: SubscriptionStatus = 'pending';

  /** The panel's id of the line, recorded as soon as the panel returned it. */
  @Property({ type: 'string', length: 200, nullable: true })
  lineId?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  username?: string | null;

  /** The line password, sealed with the hub's key; never returned by the API or logged. */
  @Property({ type: 'text', nullable: true, lazy: true })
  passwordSealed?: string | null;

  @Property({ type: 'string', length: 200 })
  packageExternalId: string;

  @Property({ type: 'integer' })
  maxConnections: number;

  @Property({ type: types.datetime, nullable: true })
  expiresAt?: Date | null;

  /** Why the subscription needs review (status failed), with the run that failed. */
  @Property({ type: 'json', nullable: true })
  reviewReason?: Record<string, unknown> | null;

  /** The status before review, restored when the failed run is retried successfully. */
  @Property({ type: 'string', length: 16, nullable: true })
  statusBeforeReview?: SubscriptionStatus | null;

  /** The expiry for which `subscription.expiring` was emitted, so the scanner emits it once per period. */
  @Property({ type: types.datetime, nullable: true })
  expiringNotifiedFor?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  lineDeletedAt?: Date | null;

  @Property({ type: 'json' })
  history: SubscriptionHistoryEntry[] = [];
}
