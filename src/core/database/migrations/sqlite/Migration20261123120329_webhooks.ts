import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120329_webhooks extends Migration {

  override name = 'Migration20261123120329_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_webhook_endpoint\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`url\` text not null, \`description\` text null, \`event_types\` json not null, \`enabled\` integer not null default true, \`disabled_reason\` text null, \`disabled_at\` datetime null, \`secret_sealed\` text not null, \`previous_secret_sealed\` text null, \`previous_secret_expires_at\` datetime null, \`headers_sealed\` text null, \`header_names\` json not null, \`rate_limit_per_second\` integer null, \`include_credentials\` integer not null default false, \`failing_since\` datetime null, \`last_success_at\` datetime null, \`last_failure_at\` datetime null, \`rate_window\` integer not null default 0, \`rate_count\` integer not null default 0);`);
    this.addSql(`create index \`hub_webhook_endpoint_enabled_index\` on \`hub_webhook_endpoint\` (\`enabled\`);`);

    this.addSql(`create table \`hub_webhook_delivery\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`endpoint_id\` text not null, \`event_id\` text null, \`event_type\` text not null, \`test_data\` json null, \`status\` text not null default 'pending', \`round\` integer not null default 0, \`attempt_count\` integer not null default 0, \`next_attempt_at\` datetime null, \`claimed_until\` datetime null, \`delivered_at\` datetime null, \`last_status\` integer null, \`last_error\` text null, constraint \`hub_webhook_delivery_endpoint_id_foreign\` foreign key (\`endpoint_id\`) references \`hub_webhook_endpoint\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_webhook_delivery_endpoint_id_index\` on \`hub_webhook_delivery\` (\`endpoint_id\`);`);
    this.addSql(`create index \`hub_webhook_delivery_status_next_attempt_at_index\` on \`hub_webhook_delivery\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`hub_webhook_delivery_endpoint_id_id_index\` on \`hub_webhook_delivery\` (\`endpoint_id\`, \`id\`);`);
    this.addSql(`create unique index \`hub_webhook_delivery_endpoint_id_event_id_unique\` on \`hub_webhook_delivery\` (\`endpoint_id\`, \`event_id\`);`);

    this.addSql(`create table \`hub_webhook_attempt\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`delivery_id\` text not null, \`round\` integer not null, \`attempt\` integer not null, \`started_at\` datetime not null, \`duration_ms\` integer not null, \`status_code\` integer null, \`success\` integer not null, \`error\` text null, \`response_excerpt\` text null, \`next_attempt_at\` datetime null, constraint \`hub_webhook_attempt_delivery_id_foreign\` foreign key (\`delivery_id\`) references \`hub_webhook_delivery\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`hub_webhook_attempt_delivery_id_index\` on \`hub_webhook_attempt\` (\`delivery_id\`);`);
    this.addSql(`create index \`hub_webhook_attempt_delivery_id_id_index\` on \`hub_webhook_attempt\` (\`delivery_id\`, \`id\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`hub_webhook_endpoint\`;`);
    this.addSql(`drop table if exists \`hub_webhook_delivery\`;`);
    this.addSql(`drop table if exists \`hub_webhook_attempt\`;`);
  }

}
