import { Migration } from '@mikro-orm/migrations';

export class Migration20261124123049_audit_seals extends Migration {

  override name = 'Migration20261124123049_audit_seals';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_audit_pending\` (\`entry_id\` text not null primary key);`);

    this.addSql(`create table \`hub_audit_seal\` (\`chain_seq\` bigint not null primary key, \`entry_id\` text not null, \`prev_hash\` text not null, \`hash\` text not null);`);
    this.addSql(`create unique index \`hub_audit_seal_entry_id_unique\` on \`hub_audit_seal\` (\`entry_id\`);`);

    // The chain as sealed so far moves to the seal rows (the hashes stay valid); the rest is queued.
    this.addSql(`insert into \`hub_audit_seal\` (\`chain_seq\`, \`entry_id\`, \`prev_hash\`, \`hash\`) select \`chain_seq\`, \`id\`, \`prev_hash\`, \`hash\` from \`hub_audit_entry\` where \`chain_seq\` is not null;`);
    this.addSql(`insert into \`hub_audit_pending\` (\`entry_id\`) select \`id\` from \`hub_audit_entry\` where \`chain_seq\` is null;`);
    // Every insert queues its entries for the sealer, in the same statement.
    this.addSql(`create trigger \`queue_for_seal\` after insert on \`hub_audit_entry\` begin insert into \`hub_audit_pending\` (\`entry_id\`) values (new.\`id\`); end;`);

    this.addSql(`drop index \`hub_audit_entry_chain_seq_unique\`;`);
    this.addSql(`alter table \`hub_audit_entry\` drop column \`chain_seq\`;`);
    this.addSql(`alter table \`hub_audit_entry\` drop column \`prev_hash\`;`);
    this.addSql(`alter table \`hub_audit_entry\` drop column \`hash\`;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists \`queue_for_seal\`;`);
    this.addSql(`alter table \`hub_audit_entry\` add column \`chain_seq\` bigint null;`);
    this.addSql(`alter table \`hub_audit_entry\` add column \`prev_hash\` TEXT null;`);
    this.addSql(`alter table \`hub_audit_entry\` add column \`hash\` TEXT null;`);
    this.addSql(`update \`hub_audit_entry\` set (\`chain_seq\`, \`prev_hash\`, \`hash\`) = (select s.\`chain_seq\`, s.\`prev_hash\`, s.\`hash\` from \`hub_audit_seal\` s where s.\`entry_id\` = \`hub_audit_entry\`.\`id\`);`);
    this.addSql(`create unique index \`hub_audit_entry_chain_seq_unique\` on \`hub_audit_entry\` (\`chain_seq\`);`);

    this.addSql(`drop table if exists \`hub_audit_pending\`;`);
    this.addSql(`drop table if exists \`hub_audit_seal\`;`);
  }

}
