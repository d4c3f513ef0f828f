import { types } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../database/ids';

/**
 * An event of the outbox: written in the same transaction as the state change it describes,
 * dispatched to listeners after commit, at least once.
 */
@Entity({ tableName: 'hub_event' })
@Index({ properties: ['type', 'id'] })
@Index({ properties: ['correlationId'] })
@Index({ properties: ['subjectType', 'subjectId'] })
export class EventRow {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 100 })
  type: string;

  @Property({ type: types.datetime })
  occurredAt: Date = new Date();

  @Property({ type: 'string', length: 128 })
  correlationId: string;

  @Property({ type: 'string', length: 50, nullable: true })
  subjectType?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  subjectId?: string | null;

  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Property({ type: types.datetime, nullable: true })
  dispatchedAt?: Date | null;
}
