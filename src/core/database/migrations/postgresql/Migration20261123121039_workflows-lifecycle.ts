import { Migration } from '@mikro-orm/migrations';

export class Migration20261123121039_workflows_lifecycle extends Migration {

  override name = 'Migration20261123121039_workflows_lifecycle';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_subscription" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" varchar(36) not null, "product_id" varchar(36) not null, "panel_id" varchar(36) not null, "status" varchar(16) not null default 'pending', "line_id" varchar(200) null, "username" varchar(200) null, "password_sealed" text null, "package_external_id" varchar(200) not null, "max_connections" int not null, "expires_at" timestamptz null, "review_reason" jsonb null, "status_before_review" varchar(16) null, "expiring_notified_for" timestamptz null, "line_deleted_at" timestamptz null, "history" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "hub_subscription_panel_id_line_id_index" on "hub_subscription" ("panel_id", "line_id");`);
    this.addSql(`create index "hub_subscription_customer_id_index" on "hub_subscription" ("customer_id");`);
    this.addSql(`create index "hub_subscription_status_expires_at_index" on "hub_subscription" ("status", "expires_at");`);

    this.addSql(`create table "hub_order" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider" varchar(50) not null, "provider_payment_id" varchar(200) null, "kind" varchar(16) not null, "status" varchar(16) not null default 'pending', "customer_id" varchar(36) not null, "product_id" varchar(36) not null, "subscription_id" varchar(36) null, "amount_minor" int not null, "amount_paid_minor" int null, "currency" varchar(3) not null, "paid_at" timestamptz null, "failed_at" timestamptz null, "refunded_at" timestamptz null, "metadata" jsonb null, primary key ("id"));`);
    this.addSql(`create index "hub_order_status_index" on "hub_order" ("status");`);
    this.addSql(`create index "hub_order_subscription_id_index" on "hub_order" ("subscription_id");`);
    this.addSql(`create index "hub_order_customer_id_index" on "hub_order" ("customer_id");`);
    this.addSql(`alter table "hub_order" add constraint "hub_order_provider_provider_payment_id_unique" unique ("provider", "provider_payment_id");`);

    this.addSql(`create table "hub_workflow_lock" ("key" varchar(300) not null, "run_id" varchar(36) not null, "acquired_at" timestamptz not null, primary key ("key"));`);

    this.addSql(`create table "hub_workflow_revision" ("id" varchar(36) not null, "workflow_id" varchar(100) not null, "revision" int not null, "source" varchar(16) not null, "yaml" text not null, "hash" varchar(64) not null, "created_by" varchar(200) null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "hub_workflow_revision_workflow_id_hash_index" on "hub_workflow_revision" ("workflow_id", "hash");`);
    this.addSql(`alter table "hub_workflow_revision" add constraint "hub_workflow_revision_workflow_id_revision_unique" unique ("workflow_id", "revision");`);

    this.addSql(`create table "hub_workflow" ("id" varchar(100) not null, "source" varchar(16) not null, "file" varchar(1000) null, "revision" int not null, "enabled" boolean not null default true, "webhook_secret_sealed" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "hub_workflow_run" ("id" varchar(36) not null, "workflow_id" varchar(100) not null, "revision" int not null, "revision_id" varchar(36) not null, "status" varchar(16) not null default 'queued', "phase" varchar(16) not null default 'main', "trigger" jsonb not null, "trigger_key" varchar(300) null, "event" jsonb not null, "inputs" jsonb not null, "concurrency_key" varchar(300) null, "subscription_id" varchar(36) null, "correlation_id" varchar(128) not null, "error" jsonb null, "parent_run_id" varchar(36) null, "version" int not null default 0, "wake_at" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "hub_workflow_run_concurrency_key_status_index" on "hub_workflow_run" ("concurrency_key", "status");`);
    this.addSql(`create index "hub_workflow_run_correlation_id_index" on "hub_workflow_run" ("correlation_id");`);
    this.addSql(`create index "hub_workflow_run_subscription_id_index" on "hub_workflow_run" ("subscription_id");`);
    this.addSql(`create index "hub_workflow_run_status_updated_at_index" on "hub_workflow_run" ("status", "updated_at");`);
    this.addSql(`create index "hub_workflow_run_workflow_id_id_index" on "hub_workflow_run" ("workflow_id", "id");`);
    this.addSql(`alter table "hub_workflow_run" add constraint "hub_workflow_run_trigger_key_unique" unique ("trigger_key");`);

    this.addSql(`create table "hub_workflow_step" ("id" varchar(36) not null, "run_id" varchar(36) not null, "step_id" varchar(64) not null, "phase" varchar(16) not null, "position" int not null, "uses" varchar(100) not null, "status" varchar(16) not null default 'pending', "attempts" int not null default 0, "input" jsonb null, "output" jsonb null, "state" jsonb null, "error" jsonb null, "attempt_log" jsonb not null, "next_attempt_at" timestamptz null, "lease_until" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_workflow_step_run_id_position_index" on "hub_workflow_step" ("run_id", "position");`);

    this.addSql(`alter table "hub_subscription" add constraint "hub_subscription_customer_id_foreign" foreign key ("customer_id") references "hub_customer" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_subscription" add constraint "hub_subscription_product_id_foreign" foreign key ("product_id") references "hub_product" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_subscription" add constraint "hub_subscription_panel_id_foreign" foreign key ("panel_id") references "hub_panel" ("id") on delete restrict;`);

    this.addSql(`alter table "hub_order" add constraint "hub_order_customer_id_foreign" foreign key ("customer_id") references "hub_customer" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_order" add constraint "hub_order_product_id_foreign" foreign key ("product_id") references "hub_product" ("id") on delete restrict;`);
    this.addSql(`alter table "hub_order" add constraint "hub_order_subscription_id_foreign" foreign key ("subscription_id") references "hub_subscription" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_order" drop constraint "hub_order_subscription_id_foreign";`);

    this.addSql(`drop table if exists "hub_subscription" cascade;`);
    this.addSql(`drop table if exists "hub_order" cascade;`);
    this.addSql(`drop table if exists "hub_workflow_lock" cascade;`);
    this.addSql(`drop table if exists "hub_workflow_revision" cascade;`);
    this.addSql(`drop table if exists "hub_workflow" cascade;`);
    this.addSql(`drop table if exists "hub_workflow_run" cascade;`);
    this.addSql(`drop table if exists "hub_workflow_step" cascade;`);
  }

}
