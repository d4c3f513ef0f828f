import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120745_plugin_state extends Migration {

  override name = 'Migration20261123120745_plugin_state';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_plugin_state" ("id" varchar(36) not null, "panel_id" varchar(36) not null, "key" varchar(300) not null, "value" text not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "hub_plugin_state" add constraint "hub_plugin_state_panel_id_key_unique" unique ("panel_id", "key");`);

    this.addSql(`alter table "hub_plugin_state" add constraint "hub_plugin_state_panel_id_foreign" foreign key ("panel_id") references "hub_panel" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "hub_plugin_state" cascade;`);
  }

}
