import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120620_access_codes extends Migration {

  override name = 'Migration20261123120620_access_codes';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_access_code_import\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`status\` text not null default 'uploading', \`mode\` text not null, \`dry_run\` integer not null, \`code_length\` integer not null, \`default_portal_id\` text null, \`file_name\` text null, \`requested_by\` text not null, \`total_bytes\` integer not null default 0, \`processed_bytes\` integer not null default 0, \`percent\` integer not null default 0, \`rows\` integer not null default 0, \`created\` integer not null default 0, \`invalid\` integer not null default 0, \`duplicate\` integer not null default 0, \`error\` text null, \`started_at\` datetime null, \`finished_at\` datetime null);`);

    this.addSql(`create table \`hub_access_code_import_chunk\` (\`import_id\` text not null, \`seq\` integer not null, \`sealed\` text not null, primary key (\`import_id\`, \`seq\`));`);

    this.addSql(`create table \`hub_access_code_import_row\` (\`id\` text not null primary key, \`import_id\` text not null, \`row\` integer not null, \`line\` integer not null, \`outcome\` text not null, \`code\` text null, \`field\` text null, \`reason\` text null);`);
    this.addSql(`create index \`hub_access_code_import_row_import_id_outcome_row_index\` on \`hub_access_code_import_row\` (\`import_id\`, \`outcome\`, \`row\`);`);
    this.addSql(`create index \`hub_access_code_import_row_import_id_row_index\` on \`hub_access_code_import_row\` (\`import_id\`, \`row\`);`);

    this.addSql(`create table \`hub_access_code_operation\` (\`key\` text not null primary key, \`operation\` text not null, \`result\` json not null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`hub_code_login_throttle\` (\`bucket\` text not null primary key, \`failures\` integer not null, \`window_start\` bigint not null, \`locked_until\` bigint not null, \`level\` integer not null, \`last_lock_at\` bigint not null);`);
    this.addSql(`create index \`hub_code_login_throttle_locked_until_index\` on \`hub_code_login_throttle\` (\`locked_until\`);`);

    this.addSql(`create table \`hub_portal\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`url\` text not null, \`notes\` text null);`);
    this.addSql(`create index \`hub_portal_name_index\` on \`hub_portal\` (\`name\`);`);

    this.addSql(`create table \`hub_access_code\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`portal_id\` text not null, \`username\` text not null, \`password_sealed\` text not null, \`status\` text not null default 'active', \`notes\` text null, \`subscription_id\` text null, \`expiry_mode\` text not null default 'default', \`expires_at\` datetime null, \`subscription_expires_at\` datetime null, \`effective_expires_at\` datetime null, \`import_id\` text null, \`pending\` integer not null default false, constraint \`hub_access_code_portal_id_foreign\` foreign key (\`portal_id\`) references \`hub_portal\` (\`id\`) on delete restrict);`);
    this.addSql(`create unique index \`hub_access_code_code_unique\` on \`hub_access_code\` (\`code\`);`);
    this.addSql(`create index \`hub_access_code_import_id_index\` on \`hub_access_code\` (\`import_id\`);`);
    this.addSql(`create index \`hub_access_code_status_effective_expires_at_index\` on \`hub_access_code\` (\`status\`, \`effective_expires_at\`);`);
    this.addSql(`create index \`hub_access_code_subscription_id_index\` on \`hub_access_code\` (\`subscription_id\`);`);
    this.addSql(`create index \`hub_access_code_portal_id_index\` on \`hub_access_code\` (\`portal_id\`);`);

    this.addSql(`create table \`hub_access_code_subscription\` (\`id\` text not null primary key, \`expires_at\` datetime null, \`status\` text null, \`last_event_id\` text not null, \`updated_at\` datetime not null);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`hub_access_code_import\`;`);
    this.addSql(`drop table if exists \`hub_access_code_import_chunk\`;`);
    this.addSql(`drop table if exists \`hub_access_code_import_row\`;`);
    this.addSql(`drop table if exists \`hub_access_code_operation\`;`);
    this.addSql(`drop table if exists \`hub_code_login_throttle\`;`);
    this.addSql(`drop table if exists \`hub_portal\`;`);
    this.addSql(`drop table if exists \`hub_access_code\`;`);
    this.addSql(`drop table if exists \`hub_access_code_subscription\`;`);
  }

}
