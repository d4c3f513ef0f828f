import { Migration } from '@mikro-orm/migrations';

export class Migration20261123112826_initial extends Migration {

  override name = 'Migration20261123112826_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_api_key\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`prefix\` text not null, \`key_hash\` text not null, \`scopes\` json not null, \`ip_allow_list\` json null, \`expires_at\` datetime null, \`revoked_at\` datetime null, \`last_used_at\` datetime null);`);
    this.addSql(`create unique index \`hub_api_key_key_hash_unique\` on \`hub_api_key\` (\`key_hash\`);`);

    this.addSql(`create table \`hub_audit_entry\` (\`id\` text not null primary key, \`at\` datetime not null, \`actor_type\` text not null, \`actor_id\` text not null, \`action\` text not null, \`target_type\` text null, \`target_id\` text null, \`correlation_id\` text not null, \`outcome\` text not null, \`ip\` text null, \`details\` json not null, \`chain_seq\` bigint null, \`prev_hash\` text null, \`hash\` text null);`);
    this.addSql(`create index \`hub_audit_entry_correlation_id_index\` on \`hub_audit_entry\` (\`correlation_id\`);`);
    this.addSql(`create index \`hub_audit_entry_target_type_target_id_index\` on \`hub_audit_entry\` (\`target_type\`, \`target_id\`);`);
    this.addSql(`create index \`hub_audit_entry_action_id_index\` on \`hub_audit_entry\` (\`action\`, \`id\`);`);
    this.addSql(`create index \`hub_audit_entry_actor_id_id_index\` on \`hub_audit_entry\` (\`actor_id\`, \`id\`);`);
    this.addSql(`create unique index \`hub_audit_entry_chain_seq_unique\` on \`hub_audit_entry\` (\`chain_seq\`);`);

    this.addSql(`create table \`hub_customer\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`email\` text not null, \`name\` text null, \`external_refs\` json not null, \`notes\` text null);`);
    this.addSql(`create unique index \`hub_customer_email_unique\` on \`hub_customer\` (\`email\`);`);
    this.addSql(`create index \`hub_customer_name_index\` on \`hub_customer\` (\`name\`);`);

    this.addSql(`create table \`hub_event\` (\`id\` text not null primary key, \`type\` text not null, \`occurred_at\` datetime not null, \`correlation_id\` text not null, \`subject_type\` text null, \`subject_id\` text null, \`payload\` json not null, \`dispatched_at\` datetime null);`);
    this.addSql(`create index \`hub_event_subject_type_subject_id_index\` on \`hub_event\` (\`subject_type\`, \`subject_id\`);`);
    this.addSql(`create index \`hub_event_correlation_id_index\` on \`hub_event\` (\`correlation_id\`);`);
    this.addSql(`create index \`hub_event_type_id_index\` on \`hub_event\` (\`type\`, \`id\`);`);

    this.addSql(`create table \`hub_idempotency_record\` (\`id\` text not null primary key, \`fingerprint\` text not null, \`state\` text not null, \`response_status\` integer null, \`response_body\` json null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`hub_job\` (\`id\` text not null primary key, \`name\` text not null, \`data\` json not null, \`status\` text not null default 'pending', \`run_at\` bigint not null, \`attempts\` integer not null default 0, \`max_attempts\` integer not null, \`backoff_ms\` integer not null, \`lease_until\` bigint null, \`locked_by\` text null, \`correlation_id\` text null, \`last_error\` text null, \`created_at\` bigint not null, \`finished_at\` bigint null);`);
    this.addSql(`create index \`hub_job_status_run_at_index\` on \`hub_job\` (\`status\`, \`run_at\`);`);

    this.addSql(`create table \`hub_lease\` (\`name\` text not null primary key, \`holder\` text not null, \`expires_at\` bigint not null);`);

    this.addSql(`create table \`hub_panel\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`type\` text not null, \`base_url\` text null, \`credentials_sealed\` text not null, \`credential_fields\` json not null, \`options\` json not null, \`status\` text not null default 'unknown', \`last_health\` json null, \`last_checked_at\` datetime null);`);
    this.addSql(`create index \`hub_panel_type_index\` on \`hub_panel\` (\`type\`);`);

    this.addSql(`create table \`hub_product\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`panel_id\` text not null, \`package_external_id\` text not null, \`duration_unit\` text not null, \`duration_value\` integer not null, \`trial\` integer not null default false, \`max_connections\` integer not null, \`price_minor\` integer not null, \`currency\` text not null, \`reseller_credit_cost\` integer null, \`active\` integer not null default true, \`package_missing\` integer not null default false, constraint \`hub_product_panel_id_foreign\` foreign key (\`panel_id\`) references \`hub_panel\` (\`id\`) on delete restrict);`);
    this.addSql(`create index \`hub_product_panel_id_index\` on \`hub_product\` (\`panel_id\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`hub_api_key\`;`);
    this.addSql(`drop table if exists \`hub_audit_entry\`;`);
    this.addSql(`drop table if exists \`hub_customer\`;`);
    this.addSql(`drop table if exists \`hub_event\`;`);
    this.addSql(`drop table if exists \`hub_idempotency_record\`;`);
    this.addSql(`drop table if exists \`hub_job\`;`);
    this.addSql(`drop table if exists \`hub_lease\`;`);
    this.addSql(`drop table if exists \`hub_panel\`;`);
    this.addSql(`drop table if exists \`hub_product\`;`);
  }

}
