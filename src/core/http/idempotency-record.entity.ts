import { types } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The stored outcome of a POST made with an Idempotency-Key, replayed for the same key and body. */
@Entity({ tableName: 'hub_idempotency_record' })
export class IdempotencyRecord {
  /** SHA-256 of the API key id, method, path and the caller's Idempotency-Key. */
  @PrimaryKey({ type: 'string', length: 64 })
  id: string;

  @Property({ type: 'string', length: 64 })
  fingerprint: string;

  @Property({ type: 'string', length: 16 })
  state: 'in_progress' | 'done';

  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  /**
   * The response, sealed with the hub's key: some responses carry a secret shown only once (a new
   * API key, a webhook signing secret) and a replay must return it without it lying in clear text.
   */
  @Property({ type: 'text', nullable: true })
  responseSealed?: string | null;

  @Property({ type: types.datetime })
  createdAt: Date = new Date();
}
