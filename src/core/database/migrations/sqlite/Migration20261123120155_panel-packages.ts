import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120155_panel_packages extends Migration {

  override name = 'Migration20261123120155_panel_packages';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_package\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`panel_id\` text not null, \`external_id\` text not null, \`name\` text not null, \`channel_count\` integer null, \`vod_count\` integer null, \`series_count\` integer null, \`duration_days\` double null, \`max_connections\` integer null, \`credit_cost\` double null, \`is_trial\` integer null, \`missing\` integer not null default false, \`raw\` json null, \`last_seen_at\` datetime not null, constraint \`hub_package_panel_id_foreign\` foreign key (\`panel_id\`) references \`hub_panel\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_package_panel_id_index\` on \`hub_package\` (\`panel_id\`);`);
    this.addSql(`create index \`hub_package_panel_id_missing_index\` on \`hub_package\` (\`panel_id\`, \`missing\`);`);
    this.addSql(`create unique index \`hub_package_panel_id_external_id_unique\` on \`hub_package\` (\`panel_id\`, \`external_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`hub_package\`;`);
  }

}
