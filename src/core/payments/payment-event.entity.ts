import { types } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import type { PaymentEvent } from '../plugins/sdk';

/**
 * received → being applied by the queue; applied → its effect on the order committed; ignored →
 * a type the hub does not act on; recorded → progress notice kept for the record; review → an
 * underpayment or mismatch waiting for a human; unmatched → no order found; rejected → the
 * provider's API did not confirm it.
 */
export type PaymentEventStatus = 'received' | 'applied' | 'ignored' | 'recorded' | 'review' | 'unmatched' | 'rejected';

/**
 * One verified provider event. The unique (provider, providerEventId) key is the deduplication of
 * repeated deliveries; the move from `received` to a final status commits in the same
 * transaction as the event's effect on the order, so each event takes effect exactly once.
 */
@Entity({ tableName: 'hub_payment_event' })
@Unique({ properties: ['provider', 'providerEventId'] })
@Index({ properties: ['accountId', 'status'] })
@Index({ properties: ['orderId'] })
@Index({ properties: ['status', 'receivedAt'] })
export class PaymentEventRow extends BaseEntity<'providerEventType' | 'providerPaymentId' | 'orderId' | 'detail' | 'appliedAt' | 'source'> {
  @Property({ type: 'string', length: 100 })
  provider: string;

  @Property({ type: 'string', length: 36 })
  accountId: string;

  @Property({ type: 'string', length: 255 })
  providerEventId: string;

  @Property({ type: 'string', length: 200, nullable: true })
  providerEventType?: string | null;

  /** The normalised type (payment.succeeded, payment.partial, …, ignored). */
  @Property({ type: 'string', length: 40 })
  type: string;

  @Property({ type: 'string', length: 200, nullable: true })
  providerPaymentId?: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  orderId?: string | null;

  @Property({ type: 'string', length: 16 })
  status: PaymentEventStatus;

  /** webhook | reconcile */
  @Property({ type: 'string', length: 16 })
  source: string = 'webhook';

  @Property({ type: 'json' })
  event: PaymentEvent;

  /** What applying it did or why it was not applied. */
  @Property({ type: 'json', nullable: true })
  detail?: Record<string, unknown> | null;

  @Property({ type: types.datetime })
  receivedAt: Date;

  @Property({ type: types.datetime, nullable: true })
  appliedAt?: Date | null;
}
