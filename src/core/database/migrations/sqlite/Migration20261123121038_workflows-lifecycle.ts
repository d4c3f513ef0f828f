import { Migration } from '@mikro-orm/migrations';

export class Migration20261123121038_workflows_lifecycle extends Migration {

  override name = 'Migration20261123121038_workflows_lifecycle';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_subscription\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`customer_id\` text not null, \`product_id\` text not null, \`panel_id\` text not null, \`status\` text not null default 'pending', \`line_id\` text null, \`username\` text null, \`password_sealed\` text null, \`package_external_id\` text not null, \`max_connections\` integer not null, \`expires_at\` datetime null, \`review_reason\` json null, \`status_before_review\` text null, \`expiring_notified_for\` datetime null, \`line_deleted_at\` datetime null, \`history\` json not null, constraint \`hub_subscription_customer_id_foreign\` foreign key (\`customer_id\`) references \`hub_customer\` (\`id\`) on delete restrict, constraint \`hub_subscription_product_id_foreign\` foreign key (\`product_id\`) references \`hub_product\` (\`id\`) on delete restrict, constraint \`hub_subscription_panel_id_foreign\` foreign key (\`panel_id\`) references \`hub_panel\` (\`id\`) on delete restrict);`);
    this.addSql(`create index \`hub_subscription_product_id_index\` on \`hub_subscription\` (\`product_id\`);`);
    this.addSql(`create index \`hub_subscription_panel_id_index\` on \`hub_subscription\` (\`panel_id\`);`);
    this.addSql(`create index \`hub_subscription_panel_id_line_id_index\` on \`hub_subscription\` (\`panel_id\`, \`line_id\`);`);
    this.addSql(`create index \`hub_subscription_customer_id_index\` on \`hub_subscription\` (\`customer_id\`);`);
    this.addSql(`create index \`hub_subscription_status_expires_at_index\` on \`hub_subscription\` (\`status\`, \`expires_at\`);`);

    this.addSql(`create table \`hub_order\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider\` text not null, \`provider_payment_id\` text null, \`kind\` text not null, \`status\` text not null default 'pending', \`customer_id\` text not null, \`product_id\` text not null, \`subscription_id\` text null, \`amount_minor\` integer not null, \`amount_paid_minor\` integer null, \`currency\` text not null, \`paid_at\` datetime null, \`failed_at\` datetime null, \`refunded_at\` datetime null, \`metadata\` json null, constraint \`hub_order_customer_id_foreign\` foreign key (\`customer_id\`) references \`hub_customer\` (\`id\`) on delete restrict, constraint \`hub_order_product_id_foreign\` foreign key (\`product_id\`) references \`hub_product\` (\`id\`) on delete restrict, constraint \`hub_order_subscription_id_foreign\` foreign key (\`subscription_id\`) references \`hub_subscription\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`hub_order_product_id_index\` on \`hub_order\` (\`product_id\`);`);
    this.addSql(`create index \`hub_order_status_index\` on \`hub_order\` (\`status\`);`);
    this.addSql(`create index \`hub_order_subscription_id_index\` on \`hub_order\` (\`subscription_id\`);`);
    this.addSql(`create index \`hub_order_customer_id_index\` on \`hub_order\` (\`customer_id\`);`);
    this.addSql(`create unique index \`hub_order_provider_provider_payment_id_unique\` on \`hub_order\` (\`provider\`, \`provider_payment_id\`);`);

    this.addSql(`create table \`hub_workflow_lock\` (\`key\` text not null primary key, \`run_id\` text not null, \`acquired_at\` datetime not null);`);

    this.addSql(`create table \`hub_workflow_revision\` (\`id\` text not null primary key, \`workflow_id\` text not null, \`revision\` integer not null, \`source\` text not null, \`yaml\` text not null, \`hash\` text not null, \`created_by\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`hub_workflow_revision_workflow_id_hash_index\` on \`hub_workflow_revision\` (\`workflow_id\`, \`hash\`);`);
    this.addSql(`create unique index \`hub_workflow_revision_workflow_id_revision_unique\` on \`hub_workflow_revision\` (\`workflow_id\`, \`revision\`);`);

    this.addSql(`create table \`hub_workflow\` (\`id\` text not null primary key, \`source\` text not null, \`file\` text null, \`revision\` integer not null, \`enabled\` integer not null default true, \`webhook_secret_sealed\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);

    this.addSql(`create table \`hub_workflow_run\` (\`id\` text not null primary key, \`workflow_id\` text not null, \`revision\` integer not null, \`revision_id\` text not null, \`status\` text not null default 'queued', \`phase\` text not null default 'main', \`trigger\` json not null, \`trigger_key\` text null, \`event\` json not null, \`inputs\` json not null, \`concurrency_key\` text null, \`subscription_id\` text null, \`correlation_id\` text not null, \`error\` json null, \`parent_run_id\` text null, \`version\` integer not null default 0, \`wake_at\` datetime null, \`started_at\` datetime null, \`finished_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`hub_workflow_run_concurrency_key_status_index\` on \`hub_workflow_run\` (\`concurrency_key\`, \`status\`);`);
    this.addSql(`create index \`hub_workflow_run_correlation_id_index\` on \`hub_workflow_run\` (\`correlation_id\`);`);
    this.addSql(`create index \`hub_workflow_run_subscription_id_index\` on \`hub_workflow_run\` (\`subscription_id\`);`);
    this.addSql(`create index \`hub_workflow_run_status_updated_at_index\` on \`hub_workflow_run\` (\`status\`, \`updated_at\`);`);
    this.addSql(`create index \`hub_workflow_run_workflow_id_id_index\` on \`hub_workflow_run\` (\`workflow_id\`, \`id\`);`);
    this.addSql(`create unique index \`hub_workflow_run_trigger_key_unique\` on \`hub_workflow_run\` (\`trigger_key\`);`);

    this.addSql(`create table \`hub_workflow_step\` (\`id\` text not null primary key, \`run_id\` text not null, \`step_id\` text not null, \`phase\` text not null, \`position\` integer not null, \`uses\` text not null, \`status\` text not null default 'pending', \`attempts\` integer not null default 0, \`input\` json null, \`output\` json null, \`state\` json null, \`error\` json null, \`attempt_log\` json not null, \`next_attempt_at\` datetime null, \`lease_until\` datetime null, \`started_at\` datetime null, \`finished_at\` datetime null);`);
    this.addSql(`create index \`hub_workflow_step_run_id_position_index\` on \`hub_workflow_step\` (\`run_id\`, \`position\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`hub_subscription\`;`);
    this.addSql(`drop table if exists \`hub_order\`;`);
    this.addSql(`drop table if exists \`hub_workflow_lock\`;`);
    this.addSql(`drop table if exists \`hub_workflow_revision\`;`);
    this.addSql(`drop table if exists \`hub_workflow\`;`);
    this.addSql(`drop table if exists \`hub_workflow_run\`;`);
    this.addSql(`drop table if exists \`hub_workflow_step\`;`);
  }

}
