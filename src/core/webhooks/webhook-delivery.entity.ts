import { types } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event for one endpoint. Its id gives the message id (`webhook-id`), stable across retries
 * and replays. The unique (endpoint, event) pair makes the fan-out idempotent: a listener that
 * runs twice finds the delivery it already made.
 */
@Entity({ tableName: 'hub_webhook_delivery' })
@Unique({ properties: ['endpoint', 'eventId'] })
@Index({ properties: ['endpoint', 'id'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class WebhookDelivery extends BaseEntity<'status' | 'round' | 'attemptCount'> {
  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint: WebhookEndpoint;

  /** The outbox event; null for test deliveries. */
  @Property({ type: 'string', length: 36, nullable: true })
  eventId?: string | null;

  @Property({ type: 'string', length: 100 })
  eventType: string;

  /** Payload of a test delivery (events are read from the outbox when sent, never copied). */
  @Property({ type: 'json', nullable: true })
  testData?: Record<string, unknown> | null;

  @Property({ type: 'string', length: 16 })
  status: DeliveryStatus = 'pending';

  /** Bumped by each replay; jobs of an older round are ignored. */
  @Property({ type: 'integer' })
  round: number = 0;

  /** Attempts made in the current round. */
  @Property({ type: 'integer' })
  attemptCount: number = 0;

  @Property({ type: types.datetime, nullable: true })
  nextAttemptAt?: Date | null;

  /** A worker sending the next attempt holds this claim, so a duplicate job cannot send it twice. */
  @Property({ type: types.datetime, nullable: true })
  claimedUntil?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  lastStatus?: number | null;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;
}
