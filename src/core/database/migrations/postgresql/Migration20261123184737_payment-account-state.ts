import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184737_payment_account_state extends Migration {

  override name = 'Migration20261123184737_payment_account_state';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_payment_account_state" ("id" varchar(36) not null, "account_id" varchar(36) not null, "key" varchar(300) not null, "value" text not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "hub_payment_account_state" add constraint "hub_payment_account_state_account_id_key_unique" unique ("account_id", "key");`);

    this.addSql(`alter table "hub_payment_account_state" add constraint "hub_payment_account_state_account_id_foreign" foreign key ("account_id") references "hub_payment_account" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "hub_payment_account_state" cascade;`);
  }

}
