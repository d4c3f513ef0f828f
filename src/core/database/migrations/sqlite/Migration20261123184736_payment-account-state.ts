import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184736_payment_account_state extends Migration {

  override name = 'Migration20261123184736_payment_account_state';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_payment_account_state\` (\`id\` text not null primary key, \`account_id\` text not null, \`key\` text not null, \`value\` text not null, \`updated_at\` datetime not null, constraint \`hub_payment_account_state_account_id_foreign\` foreign key (\`account_id\`) references \`hub_payment_account\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_payment_account_state_account_id_index\` on \`hub_payment_account_state\` (\`account_id\`);`);
    this.addSql(`create unique index \`hub_payment_account_state_account_id_key_unique\` on \`hub_payment_account_state\` (\`account_id\`, \`key\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`hub_payment_account_state\`;`);
  }

}
