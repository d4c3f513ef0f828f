import { Migration } from '@mikro-orm/migrations';

export class Migration20261123112826_initial extends Migration {

  override name = 'Migration20261123112826_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_api_key" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "prefix" varchar(20) not null, "key_hash" varchar(64) not null, "scopes" jsonb not null, "ip_allow_list" jsonb null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "hub_api_key" add constraint "hub_api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`create table "hub_audit_entry" ("id" varchar(36) not null, "at" timestamptz not null, "actor_type" varchar(20) not null, "actor_id" varchar(100) not null, "action" varchar(100) not null, "target_type" varchar(50) null, "target_id" varchar(200) null, "correlation_id" varchar(128) not null, "outcome" varchar(10) not null, "ip" varchar(64) null, "details" jsonb not null, "chain_seq" bigint null, "prev_hash" varchar(64) null, "hash" varchar(64) null, primary key ("id"));`);
    this.addSql(`create index "hub_audit_entry_correlation_id_index" on "hub_audit_entry" ("correlation_id");`);
    this.addSql(`create index "hub_audit_entry_target_type_target_id_index" on "hub_audit_entry" ("target_type", "target_id");`);
    this.addSql(`create index "hub_audit_entry_action_id_index" on "hub_audit_entry" ("action", "id");`);
    this.addSql(`create index "hub_audit_entry_actor_id_id_index" on "hub_audit_entry" ("actor_id", "id");`);
    this.addSql(`alter table "hub_audit_entry" add constraint "hub_audit_entry_chain_seq_unique" unique ("chain_seq");`);

    this.addSql(`create table "hub_customer" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(320) not null, "name" varchar(200) null, "external_refs" jsonb not null, "notes" text null, primary key ("id"));`);
    this.addSql(`alter table "hub_customer" add constraint "hub_customer_email_unique" unique ("email");`);
    this.addSql(`create index "hub_customer_name_index" on "hub_customer" ("name");`);

    this.addSql(`create table "hub_event" ("id" varchar(36) not null, "type" varchar(100) not null, "occurred_at" timestamptz not null, "correlation_id" varchar(128) not null, "subject_type" varchar(50) null, "subject_id" varchar(200) null, "payload" jsonb not null, "dispatched_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_event_subject_type_subject_id_index" on "hub_event" ("subject_type", "subject_id");`);
    this.addSql(`create index "hub_event_correlation_id_index" on "hub_event" ("correlation_id");`);
    this.addSql(`create index "hub_event_type_id_index" on "hub_event" ("type", "id");`);

    this.addSql(`create table "hub_idempotency_record" ("id" varchar(64) not null, "fingerprint" varchar(64) not null, "state" varchar(16) not null, "response_status" int null, "response_body" jsonb null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "hub_job" ("id" varchar(200) not null, "name" varchar(200) not null, "data" jsonb not null, "status" varchar(16) not null default 'pending', "run_at" bigint not null, "attempts" int not null default 0, "max_attempts" int not null, "backoff_ms" int not null, "lease_until" bigint null, "locked_by" varchar(100) null, "correlation_id" varchar(100) null, "last_error" text null, "created_at" bigint not null, "finished_at" bigint null, primary key ("id"));`);
    this.addSql(`create index "hub_job_status_run_at_index" on "hub_job" ("status", "run_at");`);

    this.addSql(`create table "hub_lease" ("name" varchar(100) not null, "holder" varchar(100) not null, "expires_at" bigint not null, primary key ("name"));`);

    this.addSql(`create table "hub_panel" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "type" varchar(100) not null, "base_url" varchar(2000) null, "credentials_sealed" text not null, "credential_fields" jsonb not null, "options" jsonb not null, "status" varchar(16) not null default 'unknown', "last_health" jsonb null, "last_checked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_panel_type_index" on "hub_panel" ("type");`);

    this.addSql(`create table "hub_product" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "panel_id" varchar(36) not null, "package_external_id" varchar(200) not null, "duration_unit" varchar(10) not null, "duration_value" int not null, "trial" boolean not null default false, "max_connections" int not null, "price_minor" int not null, "currency" varchar(3) not null, "reseller_credit_cost" int null, "active" boolean not null default true, "package_missing" boolean not null default false, primary key ("id"));`);
    this.addSql(`create index "hub_product_panel_id_index" on "hub_product" ("panel_id");`);

    this.addSql(`alter table "hub_product" add constraint "hub_product_panel_id_foreign" foreign key ("panel_id") references "hub_panel" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_product" drop constraint "hub_product_panel_id_foreign";`);

    this.addSql(`drop table if exists "hub_api_key" cascade;`);
    this.addSql(`drop table if exists "hub_audit_entry" cascade;`);
    this.addSql(`drop table if exists "hub_customer" cascade;`);
    this.addSql(`drop table if exists "hub_event" cascade;`);
    this.addSql(`drop table if exists "hub_idempotency_record" cascade;`);
    this.addSql(`drop table if exists "hub_job" cascade;`);
    this.addSql(`drop table if exists "hub_lease" cascade;`);
    this.addSql(`drop table if exists "hub_panel" cascade;`);
    this.addSql(`drop table if exists "hub_product" cascade;`);
  }

}
