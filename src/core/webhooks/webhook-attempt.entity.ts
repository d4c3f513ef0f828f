import { types } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';
import { WebhookDelivery } from './webhook-delivery.entity';

/** The log of one HTTP attempt of a delivery. */
@Entity({ tableName: 'hub_webhook_attempt' })
@Index({ properties: ['delivery', 'id'] })
export class WebhookAttempt extends BaseEntity {
  @ManyToOne(() => WebhookDelivery, { deleteRule: 'cascade' })
  delivery: WebhookDelivery;

  @Property({ type: 'integer' })
  round: number;

  @Property({ type: 'integer' })
  attempt: number;

  @Property({ type: types.datetime })
  startedAt: Date;

  @Property({ type: 'integer' })
  durationMs: number;

  @Property({ type: 'integer', nullable: true })
  statusCode?: number | null;

  @Property({ type: 'boolean' })
  success: boolean;

  /** Transport or policy failure (timeout, connection refused, SSRF refusal). */
  @Property({ type: 'string', length: 500, nullable: true })
  error?: string | null;

  /** The first kilobyte of the response body. */
  @Property({ type: 'text', nullable: true })
  responseExcerpt?: string | null;

  @Property({ type: types.datetime, nullable: true })
  nextAttemptAt?: Date | null;
}
