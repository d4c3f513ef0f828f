import { Migration } from '@mikro-orm/migrations';

export class Migration20261124162245_payment_aliases_refunds extends Migration {

  override name = 'Migration20261124162245_payment_aliases_refunds';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_payment_alias\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider\` text not null, \`alias\` text not null, \`order_id\` text not null, constraint \`hub_payment_alias_order_id_foreign\` foreign key (\`order_id\`) references \`hub_order\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_payment_alias_order_id_index\` on \`hub_payment_alias\` (\`order_id\`);`);
    this.addSql(`create unique index \`hub_payment_alias_provider_alias_unique\` on \`hub_payment_alias\` (\`provider\`, \`alias\`);`);

    this.addSql(`alter table \`hub_order\` add column \`amount_refunded_minor\` integer null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`hub_payment_alias\`;`);

    this.addSql(`alter table \`hub_order\` drop column \`amount_refunded_minor\`;`);
  }

}
