import { OptionalProps, types } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The ledger of workflow operations on access codes, keyed by the caller's idempotency key
 * (run id + step id): a repeated delivery returns the recorded result instead of acting again.
 */
@Entity({ tableName: 'hub_access_code_operation' })
export class AccessCodeOperation {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'string', length: 255 })
  key: string;

  @Property({ type: 'string', length: 40 })
  operation: string;

  @Property({ type: 'json' })
  result: Record<string, unknown>;

  @Property({ type: types.datetime })
  createdAt: Date = new Date();
}
