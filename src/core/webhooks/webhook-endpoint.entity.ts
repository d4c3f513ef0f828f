import { types } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../database/base.entity';

export type EndpointDisabledReason = 'manual' | 'gone' | 'failing';

/**
 * A receiver of outbound webhooks. Secrets and custom headers (which often carry tokens) are
 * sealed with the hub's key; the secret is shown once, at creation or rotation.
 */
@Entity({ tableName: 'hub_webhook_endpoint' })
@Index({ properties: ['enabled'] })
export class WebhookEndpoint extends BaseEntity<'enabled' | 'includeCredentials' | 'headerNames' | 'rateWindow' | 'rateCount'> {
  @Property({ type: 'string', length: 2000 })
  url: string;

  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;

  /** Exact types, `prefix.*`, `*` or the `@alerts` preset. */
  @Property({ type: 'json' })
  eventTypes: string[];

  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Property({ type: 'string', length: 16, nullable: true })
  disabledReason?: EndpointDisabledReason | null;

  @Property({ type: types.datetime, nullable: true })
  disabledAt?: Date | null;

  /** `whsec_…`, sealed. */
  @Property({ type: 'text' })
  secretSealed: string;

  /** The secret before the last rotation: it keeps signing (next to the new one) until it expires. */
  @Property({ type: 'text', nullable: true })
  previousSecretSealed?: string | null;

  @Property({ type: types.datetime, nullable: true })
  previousSecretExpiresAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  headersSealed?: string | null;

  @Property({ type: 'json' })
  headerNames: string[] = [];

  /** Deliveries per second to this endpoint, across every worker; null = unlimited. */
  @Property({ type: 'integer', nullable: true })
  rateLimitPerSecond?: number | null;

  /** Explicit opt-in to receive line credentials (HTTPS only unless configured for development). */
  @Property({ type: 'boolean' })
  includeCredentials: boolean = false;

  /** First failed attempt since the last success; null while the endpoint is healthy. */
  @Property({ type: types.datetime, nullable: true })
  failingSince?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  lastSuccessAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  lastFailureAt?: Date | null;

  /** Rate-limit window (epoch second) and the attempts started in it. */
  @Property({ type: 'integer' })
  rateWindow: number = 0;

  @Property({ type: 'integer' })
  rateCount: number = 0;
}
