import { OptionalProps, types } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * What access codes know about subscriptions: their expiry and status as carried by the last
 * `subscription.*` event. A local projection, so codes never import the subscriptions module and
 * a code linked later still learns its subscription's expiry at once.
 */
@Entity({ tableName: 'hub_access_code_subscription' })
export class SubscriptionExpiry {
  [OptionalProps]?: 'updatedAt' | 'expiresAt' | 'status';

  /** The subscription id. */
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: types.datetime, nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'string', length: 20, nullable: true })
  status?: string | null;

  /** The newest event applied (UUIDv7 ids sort by time): older deliveries are ignored. */
  @Property({ type: 'string', length: 36 })
  lastEventId: string;

  @Property({ type: types.datetime })
  updatedAt: Date = new Date();
}
