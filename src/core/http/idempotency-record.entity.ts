import { types } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type IdempotencyState = 'in_progress' | 'done' | 'retryable';

/**
 * The stored outcome of a POST made with an Idempotency-Key, replayed for the same key and body.
 * `in_progress` while an attempt runs; `done` with its response; `retryable` after a 5xx, keeping
 * the fingerprint and the handler's plan for the next attempt with the same key and body.
 */
@Entity({ tableName: 'hub_idempotency_record' })
export class IdempotencyRecord {
  /** SHA-256 of the API key id, method, path and the caller's Idempotency-Key. */
  @PrimaryKey({ type: 'string', length: 64 })
  id: string;

  @Property({ type: 'string', length: 64 })
  fingerprint: string;

  @Property({ type: 'string', length: 16 })
  state: IdempotencyState;

  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  /**
   * The response, sealed with the hub's key: some responses carry a secret shown only once (a new
   * API key, a webhook signing secret) and a replay must return it without it lying in clear text.
   */
  @Property({ type: 'text', nullable: true })
  responseSealed?: string | null;

  /**
   * What the handler planned on its first attempt (e.g. the absolute expiry of a days-extend),
   * sealed like the response: plans may hold values that are not for clear text.
   */
  @Property({ type: 'text', nullable: true })
  planSealed?: string | null;

  @Property({ type: types.datetime })
  createdAt: Date = new Date();

  /** When the attempt now `in_progress` began: one older than the takeover window died with its process. */
  @Property({ type: types.datetime, nullable: true })
  claimedAt?: Date | null;
}
