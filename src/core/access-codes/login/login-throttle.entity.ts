import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Attempt budget of one client address (`ip:<address>`) or the global failure count of one minute
 * (`global:<minute>`), for hubs without Redis. Times are epoch milliseconds.
 */
@Entity({ tableName: 'hub_code_login_throttle' })
@Index({ properties: ['lockedUntil'] })
export class LoginThrottleRow {
  @PrimaryKey({ type: 'string', length: 100 })
  bucket: string;

  @Property({ type: 'integer' })
  failures: number;

  @Property({ type: new BigIntType('number') })
  windowStart: number;

  @Property({ type: new BigIntType('number') })
  lockedUntil: number;

  /** How many lockouts in a row (the next one lasts twice as long). */
  @Property({ type: 'integer' })
  level: number;

  @Property({ type: new BigIntType('number') })
  lastLockAt: number;
}
