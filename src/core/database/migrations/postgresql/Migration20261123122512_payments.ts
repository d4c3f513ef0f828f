import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122512_payments extends Migration {

  override name = 'Migration20261123122512_payments';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_payment_account" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "type" varchar(100) not null, "credentials_sealed" text not null, "credential_fields" jsonb not null, "enabled" boolean not null default true, "last_test" jsonb null, "last_tested_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_payment_account_type_index" on "hub_payment_account" ("type");`);

    this.addSql(`create table "hub_payment_event" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider" varchar(100) not null, "account_id" varchar(36) not null, "provider_event_id" varchar(255) not null, "provider_event_type" varchar(200) null, "type" varchar(40) not null, "provider_payment_id" varchar(200) null, "order_id" varchar(36) null, "status" varchar(16) not null, "source" varchar(16) not null default 'webhook', "event" jsonb not null, "detail" jsonb null, "received_at" timestamptz not null, "applied_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_payment_event_status_received_at_index" on "hub_payment_event" ("status", "received_at");`);
    this.addSql(`create index "hub_payment_event_order_id_index" on "hub_payment_event" ("order_id");`);
    this.addSql(`create index "hub_payment_event_account_id_status_index" on "hub_payment_event" ("account_id", "status");`);
    this.addSql(`alter table "hub_payment_event" add constraint "hub_payment_event_provider_provider_event_id_unique" unique ("provider", "provider_event_id");`);

    this.addSql(`create table "hub_product_payment_policy" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" varchar(36) not null, "tolerance_percent" double precision not null, "underpayment" varchar(16) not null, primary key ("id"));`);
    this.addSql(`alter table "hub_product_payment_policy" add constraint "hub_product_payment_policy_product_id_unique" unique ("product_id");`);

    this.addSql(`create table "hub_payment_checkout" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" varchar(36) not null, "account_id" varchar(36) not null, "provider" varchar(100) not null, "provider_payment_id" varchar(200) not null, "latest_payment_id" varchar(200) null, "provider_subscription_id" varchar(200) null, "recurring" boolean not null default false, "redirect_url" varchar(2000) null, "expires_at" timestamptz null, "status" varchar(20) not null default 'open', "details" jsonb null, primary key ("id"));`);
    this.addSql(`create index "hub_payment_checkout_account_id_status_index" on "hub_payment_checkout" ("account_id", "status");`);
    this.addSql(`create index "hub_payment_checkout_provider_provider_subscription_id_index" on "hub_payment_checkout" ("provider", "provider_subscription_id");`);
    this.addSql(`create index "hub_payment_checkout_provider_provider_payment_id_index" on "hub_payment_checkout" ("provider", "provider_payment_id");`);
    this.addSql(`alter table "hub_payment_checkout" add constraint "hub_payment_checkout_order_id_account_id_unique" unique ("order_id", "account_id");`);

    this.addSql(`alter table "hub_product_payment_policy" add constraint "hub_product_payment_policy_product_id_foreign" foreign key ("product_id") references "hub_product" ("id") on delete cascade;`);

    this.addSql(`alter table "hub_payment_checkout" add constraint "hub_payment_checkout_order_id_foreign" foreign key ("order_id") references "hub_order" ("id") on delete cascade;`);
    this.addSql(`alter table "hub_payment_checkout" add constraint "hub_payment_checkout_account_id_foreign" foreign key ("account_id") references "hub_payment_account" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_payment_checkout" drop constraint "hub_payment_checkout_account_id_foreign";`);

    this.addSql(`drop table if exists "hub_payment_account" cascade;`);
    this.addSql(`drop table if exists "hub_payment_event" cascade;`);
    this.addSql(`drop table if exists "hub_product_payment_policy" cascade;`);
    this.addSql(`drop table if exists "hub_payment_checkout" cascade;`);
  }

}
