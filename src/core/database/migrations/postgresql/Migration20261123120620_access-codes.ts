import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120620_access_codes extends Migration {

  override name = 'Migration20261123120620_access_codes';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_access_code_import" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "status" varchar(16) not null default 'uploading', "mode" varchar(16) not null, "dry_run" boolean not null, "code_length" int not null, "default_portal_id" varchar(36) null, "file_name" varchar(255) null, "requested_by" varchar(100) not null, "total_bytes" int not null default 0, "processed_bytes" int not null default 0, "percent" int not null default 0, "rows" int not null default 0, "created" int not null default 0, "invalid" int not null default 0, "duplicate" int not null default 0, "error" text null, "started_at" timestamptz null, "finished_at" timestamptz null, primary key ("id"));`);

    this.addSql(`create table "hub_access_code_import_chunk" ("import_id" varchar(36) not null, "seq" int not null, "sealed" text not null, primary key ("import_id", "seq"));`);

    this.addSql(`create table "hub_access_code_import_row" ("id" varchar(36) not null, "import_id" varchar(36) not null, "row" int not null, "line" int not null, "outcome" varchar(10) not null, "code" varchar(64) null, "field" varchar(50) null, "reason" text null, primary key ("id"));`);
    this.addSql(`create index "hub_access_code_import_row_import_id_outcome_row_index" on "hub_access_code_import_row" ("import_id", "outcome", "row");`);
    this.addSql(`create index "hub_access_code_import_row_import_id_row_index" on "hub_access_code_import_row" ("import_id", "row");`);

    this.addSql(`create table "hub_access_code_operation" ("key" varchar(255) not null, "operation" varchar(40) not null, "result" jsonb not null, "created_at" timestamptz not null, primary key ("key"));`);

    this.addSql(`create table "hub_code_login_throttle" ("bucket" varchar(100) not null, "failures" int not null, "window_start" bigint not null, "locked_until" bigint not null, "level" int not null, "last_lock_at" bigint not null, primary key ("bucket"));`);
    this.addSql(`create index "hub_code_login_throttle_locked_until_index" on "hub_code_login_throttle" ("locked_until");`);

    this.addSql(`create table "hub_portal" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "url" varchar(2000) not null, "notes" text null, primary key ("id"));`);
    this.addSql(`create index "hub_portal_name_index" on "hub_portal" ("name");`);

    this.addSql(`create table "hub_access_code" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(6) not null, "portal_id" varchar(36) not null, "username" varchar(200) not null, "password_sealed" text not null, "status" varchar(8) not null default 'active', "notes" text null, "subscription_id" varchar(36) null, "expiry_mode" varchar(8) not null default 'default', "expires_at" timestamptz null, "subscription_expires_at" timestamptz null, "effective_expires_at" timestamptz null, "import_id" varchar(36) null, "pending" boolean not null default false, primary key ("id"));`);
    this.addSql(`alter table "hub_access_code" add constraint "hub_access_code_code_unique" unique ("code");`);
    this.addSql(`create index "hub_access_code_import_id_index" on "hub_access_code" ("import_id");`);
    this.addSql(`create index "hub_access_code_status_effective_expires_at_index" on "hub_access_code" ("status", "effective_expires_at");`);
    this.addSql(`create index "hub_access_code_subscription_id_index" on "hub_access_code" ("subscription_id");`);
    this.addSql(`create index "hub_access_code_portal_id_index" on "hub_access_code" ("portal_id");`);

    this.addSql(`create table "hub_access_code_subscription" ("id" varchar(36) not null, "expires_at" timestamptz null, "status" varchar(20) null, "last_event_id" varchar(36) not null, "updated_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`alter table "hub_access_code" add constraint "hub_access_code_portal_id_foreign" foreign key ("portal_id") references "hub_portal" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_access_code" drop constraint "hub_access_code_portal_id_foreign";`);

    this.addSql(`drop table if exists "hub_access_code_import" cascade;`);
    this.addSql(`drop table if exists "hub_access_code_import_chunk" cascade;`);
    this.addSql(`drop table if exists "hub_access_code_import_row" cascade;`);
    this.addSql(`drop table if exists "hub_access_code_operation" cascade;`);
    this.addSql(`drop table if exists "hub_code_login_throttle" cascade;`);
    this.addSql(`drop table if exists "hub_portal" cascade;`);
    this.addSql(`drop table if exists "hub_access_code" cascade;`);
    this.addSql(`drop table if exists "hub_access_code_subscription" cascade;`);
  }

}
