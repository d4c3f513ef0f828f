import { type TriggerDef, types } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../database/ids';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/**
 * One append-only audit entry: written with the change it describes and never updated. The single
 * scheduler seals it into the hash chain shortly after (an `AuditSeal` row), so writers never
 * contend on the chain head and any later edit or deletion breaks the chain. Every insert also
 * queues the entry for sealing (`AuditPending`), by a trigger (`dialectTriggers`), so no writer
 * can forget it and the sealer never scans the entries to find new ones.
 */
@Entity({ tableName: 'hub_audit_entry' })
@Index({ properties: ['actorId', 'id'] })
@Index({ properties: ['action', 'id'] })
@Index({ properties: ['targetType', 'targetId'] })
@Index({ properties: ['correlationId'] })
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

  /**
   * The trigger queueing new entries for the sealer, in the SQL of each dialect (applied by
   * `ormOptions`, so that the migration check knows it): on PostgreSQL once per statement, with the
   * statement's new rows; on SQLite once per row.
   */
  static dialectTriggers(dialect: 'postgresql' | 'sqlite'): TriggerDef<AuditEntry>[] {
    const expression =
      dialect === 'postgresql'
        ? `create function "hub_audit_entry_queue_for_seal_fn"() returns trigger language plpgsql as $$ begin insert into "hub_audit_pending" ("entry_id") select "id" from "added"; return null; end $$;\n` +
          `create trigger "queue_for_seal" after insert on "hub_audit_entry" referencing new table as "added" for each statement execute function "hub_audit_entry_queue_for_seal_fn"()`
        : 'create trigger `queue_for_seal` after insert on `hub_audit_entry` for each row begin insert into `hub_audit_pending` (`entry_id`) values (new.`id`); end';
    return [{ name: 'queue_for_seal', timing: 'after', events: ['insert'], forEach: dialect === 'postgresql' ? 'statement' : 'row', expression }];
  }
}
