import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122512_payments extends Migration {

  override name = 'Migration20261123122512_payments';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_payment_account\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`type\` text not null, \`credentials_sealed\` text not null, \`credential_fields\` json not null, \`enabled\` integer not null default true, \`last_test\` json null, \`last_tested_at\` datetime null);`);
    this.addSql(`create index \`hub_payment_account_type_index\` on \`hub_payment_account\` (\`type\`);`);

    this.addSql(`create table \`hub_payment_event\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider\` text not null, \`account_id\` text not null, \`provider_event_id\` text not null, \`provider_event_type\` text null, \`type\` text not null, \`provider_payment_id\` text null, \`order_id\` text null, \`status\` text not null, \`source\` text not null default 'webhook', \`event\` json not null, \`detail\` json null, \`received_at\` datetime not null, \`applied_at\` datetime null);`);
    this.addSql(`create index \`hub_payment_event_status_received_at_index\` on \`hub_payment_event\` (\`status\`, \`received_at\`);`);
    this.addSql(`create index \`hub_payment_event_order_id_index\` on \`hub_payment_event\` (\`order_id\`);`);
    this.addSql(`create index \`hub_payment_event_account_id_status_index\` on \`hub_payment_event\` (\`account_id\`, \`status\`);`);
    this.addSql(`create unique index \`hub_payment_event_provider_provider_event_id_unique\` on \`hub_payment_event\` (\`provider\`, \`provider_event_id\`);`);

    this.addSql(`create table \`hub_product_payment_policy\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`product_id\` text not null, \`tolerance_percent\` double not null, \`underpayment\` text not null, constraint \`hub_product_payment_policy_product_id_foreign\` foreign key (\`product_id\`) references \`hub_product\` (\`id\`) on delete cascade);`);
    this.addSql(`create unique index \`hub_product_payment_policy_product_id_unique\` on \`hub_product_payment_policy\` (\`product_id\`);`);

    this.addSql(`create table \`hub_payment_checkout\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`order_id\` text not null, \`account_id\` text not null, \`provider\` text not null, \`provider_payment_id\` text not null, \`latest_payment_id\` text null, \`provider_subscription_id\` text null, \`recurring\` integer not null default false, \`redirect_url\` text null, \`expires_at\` datetime null, \`status\` text not null default 'open', \`details\` json null, constraint \`hub_payment_checkout_order_id_foreign\` foreign key (\`order_id\`) references \`hub_order\` (\`id\`) on delete cascade, constraint \`hub_payment_checkout_account_id_foreign\` foreign key (\`account_id\`) references \`hub_payment_account\` (\`id\`) on delete restrict);`);
    this.addSql(`create index \`hub_payment_checkout_order_id_index\` on \`hub_payment_checkout\` (\`order_id\`);`);
    this.addSql(`create index \`hub_payment_checkout_account_id_index\` on \`hub_payment_checkout\` (\`account_id\`);`);
    this.addSql(`create index \`hub_payment_checkout_account_id_status_index\` on \`hub_payment_checkout\` (\`account_id\`, \`status\`);`);
    this.addSql(`create index \`hub_payment_checkout_provider_provider_subscription_id_index\` on \`hub_payment_checkout\` (\`provider\`, \`provider_subscription_id\`);`);
    this.addSql(`create index \`hub_payment_checkout_provider_provider_payment_id_index\` on \`hub_payment_checkout\` (\`provider\`, \`provider_payment_id\`);`);
    this.addSql(`create unique index \`hub_payment_checkout_order_id_account_id_unique\` on \`hub_payment_checkout\` (\`order_id\`, \`account_id\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`hub_payment_account\`;`);
    this.addSql(`drop table if exists \`hub_payment_event\`;`);
    this.addSql(`drop table if exists \`hub_product_payment_policy\`;`);
    this.addSql(`drop table if exists \`hub_payment_checkout\`;`);
  }

}
