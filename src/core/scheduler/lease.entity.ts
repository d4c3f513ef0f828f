import { BigIntType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A named lease held by one process at a time (leader election for schedulers). */
@Entity({ tableName: 'hub_lease' })
export class LeaseRow {
  @PrimaryKey({ type: 'string', length: 100 })
  name: string;

  @Property({ type: 'string', length: 100 })
  holder: string;

  @Property({ type: new BigIntType('number') })
  expiresAt: number;
}
