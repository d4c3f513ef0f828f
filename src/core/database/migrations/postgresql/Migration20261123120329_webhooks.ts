import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120329_webhooks extends Migration {

  override name = 'Migration20261123120329_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_webhook_endpoint" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "url" varchar(2000) not null, "description" varchar(500) null, "event_types" jsonb not null, "enabled" boolean not null default true, "disabled_reason" varchar(16) null, "disabled_at" timestamptz null, "secret_sealed" text not null, "previous_secret_sealed" text null, "previous_secret_expires_at" timestamptz null, "headers_sealed" text null, "header_names" jsonb not null, "rate_limit_per_second" int null, "include_credentials" boolean not null default false, "failing_since" timestamptz null, "last_success_at" timestamptz null, "last_failure_at" timestamptz null, "rate_window" int not null default 0, "rate_count" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "hub_webhook_endpoint_enabled_index" on "hub_webhook_endpoint" ("enabled");`);

    this.addSql(`create table "hub_webhook_delivery" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "endpoint_id" varchar(36) not null, "event_id" varchar(36) null, "event_type" varchar(100) not null, "test_data" jsonb null, "status" varchar(16) not null default 'pending', "round" int not null default 0, "attempt_count" int not null default 0, "next_attempt_at" timestamptz null, "claimed_until" timestamptz null, "delivered_at" timestamptz null, "last_status" int null, "last_error" varchar(500) null, primary key ("id"));`);
    this.addSql(`create index "hub_webhook_delivery_status_next_attempt_at_index" on "hub_webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`create index "hub_webhook_delivery_endpoint_id_id_index" on "hub_webhook_delivery" ("endpoint_id", "id");`);
    this.addSql(`alter table "hub_webhook_delivery" add constraint "hub_webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`create table "hub_webhook_attempt" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "delivery_id" varchar(36) not null, "round" int not null, "attempt" int not null, "started_at" timestamptz not null, "duration_ms" int not null, "status_code" int null, "success" boolean not null, "error" varchar(500) null, "response_excerpt" text null, "next_attempt_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_webhook_attempt_delivery_id_id_index" on "hub_webhook_attempt" ("delivery_id", "id");`);

    this.addSql(`alter table "hub_webhook_delivery" add constraint "hub_webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "hub_webhook_endpoint" ("id") on delete cascade;`);

    this.addSql(`alter table "hub_webhook_attempt" add constraint "hub_webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "hub_webhook_delivery" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_webhook_delivery" drop constraint "hub_webhook_delivery_endpoint_id_foreign";`);
    this.addSql(`alter table "hub_webhook_attempt" drop constraint "hub_webhook_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "hub_webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "hub_webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "hub_webhook_attempt" cascade;`);
  }

}
