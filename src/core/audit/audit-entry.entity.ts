import { BigIntType, types } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../database/ids';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/**
 * One append-only audit entry. Entries are written with the change they describe and sealed into
 * a hash chain shortly after by the single scheduler (`chainSeq`, `prevHash`, `hash`), so writers
 * never contend on the chain head and any later edit or deletion breaks the chain.
 */
@Entity({ tableName: 'hub_audit_entry' })
@Index({ properties: ['actorId', 'id'] })
@Index({ properties: ['action', 'id'] })
@Index({ properties: ['targetType', 'targetId'] })
@Index({ properties: ['correlationId'] })
@Unique({ properties: ['chainSeq'] })
export class AuditEntry {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: types.datetime })
  at: Date = new Date();

  @Property({ type: 'string', length: 20 })
  actorType: string;

  @Property({ type: 'string', length: 100 })
  actorId: string;

  @Property({ type: 'string', length: 100 })
  action: string;

  @Property({ type: 'string', length: 50, nullable: true })
  targetType?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  targetId?: string | null;

  @Property({ type: 'string', length: 128 })
  correlationId: string;

  @Property({ type: 'string', length: 10 })
  outcome: AuditOutcome;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;

  @Property({ type: 'json' })
  details: Record<string, unknown>;

  @Property({ type: new BigIntType('number'), nullable: true })
  chainSeq?: number | null;

  @Property({ type: 'string', length: 64, nullable: true })
  prevHash?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  hash?: string | null;
}
