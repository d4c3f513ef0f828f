import { Migration } from '@mikro-orm/migrations';

export class Migration20261124162245_payment_aliases_refunds extends Migration {

  override name = 'Migration20261124162245_payment_aliases_refunds';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_payment_alias" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider" varchar(100) not null, "alias" varchar(200) not null, "order_id" varchar(36) not null, primary key ("id"));`);
    this.addSql(`alter table "hub_payment_alias" add constraint "hub_payment_alias_provider_alias_unique" unique ("provider", "alias");`);

    this.addSql(`alter table "hub_order" add "amount_refunded_minor" int null;`);

    this.addSql(`alter table "hub_payment_alias" add constraint "hub_payment_alias_order_id_foreign" foreign key ("order_id") references "hub_order" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "hub_payment_alias" cascade;`);

    this.addSql(`alter table "hub_order" drop column "amount_refunded_minor";`);
  }

}
