import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120155_panel_packages extends Migration {

  override name = 'Migration20261123120155_panel_packages';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_package" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "panel_id" varchar(36) not null, "external_id" varchar(200) not null, "name" varchar(300) not null, "channel_count" int null, "vod_count" int null, "series_count" int null, "duration_days" double precision null, "max_connections" int null, "credit_cost" double precision null, "is_trial" boolean null, "missing" boolean not null default false, "raw" jsonb null, "last_seen_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "hub_package_panel_id_missing_index" on "hub_package" ("panel_id", "missing");`);
    this.addSql(`alter table "hub_package" add constraint "hub_package_panel_id_external_id_unique" unique ("panel_id", "external_id");`);

    this.addSql(`alter table "hub_package" add constraint "hub_package_panel_id_foreign" foreign key ("panel_id") references "hub_panel" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "hub_package" cascade;`);
  }

}
