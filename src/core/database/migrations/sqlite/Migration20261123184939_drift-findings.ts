import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184939_drift_findings extends Migration {

  override name = 'Migration20261123184939_drift_findings';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_drift_finding\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`subscription_id\` text not null, \`panel_id\` text not null, \`kind\` text not null, \`status\` text not null default 'open', \`open_key\` text null, \`hub_value\` json null, \`panel_value\` json null, \`line_id\` text null, \`first_seen_at\` datetime not null, \`last_seen_at\` datetime not null, \`seen_count\` integer not null default 1, \`resolved_at\` datetime null, \`repaired_at\` datetime null, \`repair\` json null, \`repair_claimed_until\` datetime null, constraint \`hub_drift_finding_subscription_id_foreign\` foreign key (\`subscription_id\`) references \`hub_subscription\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_drift_finding_subscription_id_index\` on \`hub_drift_finding\` (\`subscription_id\`);`);
    this.addSql(`create index \`hub_drift_finding_panel_id_id_index\` on \`hub_drift_finding\` (\`panel_id\`, \`id\`);`);
    this.addSql(`create index \`hub_drift_finding_subscription_id_id_index\` on \`hub_drift_finding\` (\`subscription_id\`, \`id\`);`);
    this.addSql(`create index \`hub_drift_finding_status_id_index\` on \`hub_drift_finding\` (\`status\`, \`id\`);`);
    this.addSql(`create unique index \`hub_drift_finding_open_key_unique\` on \`hub_drift_finding\` (\`open_key\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`hub_drift_finding\`;`);
  }

}
