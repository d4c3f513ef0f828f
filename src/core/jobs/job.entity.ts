import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type JobStatus = 'pending' | 'active' | 'completed' | 'failed';

/** A job of the embedded driver. Times are epoch milliseconds so claim queries stay dialect-neutral. */
@Entity({ tableName: 'hub_job' })
@Index({ properties: ['status', 'runAt'] })
export class JobRow {
  @PrimaryKey({ type: 'string', length: 200 })
  id: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'json' })
  data: unknown;

  @Property({ type: 'string', length: 16 })
  status: JobStatus = 'pending';

  @Property({ type: new BigIntType('number') })
  runAt: number;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'integer' })
  maxAttempts: number;

  @Property({ type: 'integer' })
  backoffMs: number;

  @Property({ type: new BigIntType('number'), nullable: true })
  leaseUntil?: number | null;

  @Property({ type: 'string', length: 100, nullable: true })
  lockedBy?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  correlationId?: string | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: new BigIntType('number') })
  createdAt: number;

  @Property({ type: new BigIntType('number'), nullable: true })
  finishedAt?: number | null;
}
