import { Migration } from '@mikro-orm/migrations';

export class Migration20261124123049_audit_seals extends Migration {

  override name = 'Migration20261124123049_audit_seals';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_audit_pending" ("entry_id" varchar(36) not null, primary key ("entry_id"));`);

    this.addSql(`create table "hub_audit_seal" ("chain_seq" bigint not null, "entry_id" varchar(36) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, primary key ("chain_seq"));`);
    this.addSql(`alter table "hub_audit_seal" add constraint "hub_audit_seal_entry_id_unique" unique ("entry_id");`);

    // The chain as sealed so far moves to the seal rows (the hashes stay valid); the rest is queued.
    this.addSql(`insert into "hub_audit_seal" ("chain_seq", "entry_id", "prev_hash", "hash") select "chain_seq", "id", "prev_hash", "hash" from "hub_audit_entry" where "chain_seq" is not null;`);
    this.addSql(`insert into "hub_audit_pending" ("entry_id") select "id" from "hub_audit_entry" where "chain_seq" is null;`);
    // Every insert queues its entries for the sealer, in the same statement.
    this.addSql(`create function "hub_audit_entry_queue_for_seal_fn"() returns trigger language plpgsql as $$ begin insert into "hub_audit_pending" ("entry_id") select "id" from "added"; return null; end $$;`);
    this.addSql(`create trigger "queue_for_seal" after insert on "hub_audit_entry" referencing new table as "added" for each statement execute function "hub_audit_entry_queue_for_seal_fn"();`);

    this.addSql(`alter table "hub_audit_entry" drop constraint "hub_audit_entry_chain_seq_unique";`);
    this.addSql(`alter table "hub_audit_entry" drop column "chain_seq", drop column "prev_hash", drop column "hash";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "queue_for_seal" on "hub_audit_entry";`);
    this.addSql(`drop function if exists "hub_audit_entry_queue_for_seal_fn"();`);
    this.addSql(`alter table "hub_audit_entry" add "chain_seq" int8 null, add "prev_hash" varchar(64) null, add "hash" varchar(64) null;`);
    this.addSql(`update "hub_audit_entry" set "chain_seq" = s."chain_seq", "prev_hash" = s."prev_hash", "hash" = s."hash" from "hub_audit_seal" s where s."entry_id" = "hub_audit_entry"."id";`);
    this.addSql(`alter table "hub_audit_entry" add constraint "hub_audit_entry_chain_seq_unique" unique ("chain_seq");`);

    this.addSql(`drop table if exists "hub_audit_pending" cascade;`);
    this.addSql(`drop table if exists "hub_audit_seal" cascade;`);
  }

}
