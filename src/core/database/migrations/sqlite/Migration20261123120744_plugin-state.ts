import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120744_plugin_state extends Migration {

  override name = 'Migration20261123120744_plugin_state';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_plugin_state\` (\`id\` text not null primary key, \`panel_id\` text not null, \`key\` text not null, \`value\` text not null, \`updated_at\` datetime not null, constraint \`hub_plugin_state_panel_id_foreign\` foreign key (\`panel_id\`) references \`hub_panel\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_plugin_state_panel_id_index\` on \`hub_plugin_state\` (\`panel_id\`);`);
    this.addSql(`create unique index \`hub_plugin_state_panel_id_key_unique\` on \`hub_plugin_state\` (\`panel_id\`, \`key\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`hub_plugin_state\`;`);
  }

}
