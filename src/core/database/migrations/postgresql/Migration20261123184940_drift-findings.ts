import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184940_drift_findings extends Migration {

  override name = 'Migration20261123184940_drift_findings';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_drift_finding" ("id" varchar(36) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "subscription_id" varchar(36) not null, "panel_id" varchar(36) not null, "kind" varchar(32) not null, "status" varchar(16) not null default 'open', "open_key" varchar(80) null, "hub_value" jsonb null, "panel_value" jsonb null, "line_id" varchar(200) null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "seen_count" int not null default 1, "resolved_at" timestamptz null, "repaired_at" timestamptz null, "repair" jsonb null, "repair_claimed_until" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "hub_drift_finding_panel_id_id_index" on "hub_drift_finding" ("panel_id", "id");`);
    this.addSql(`create index "hub_drift_finding_subscription_id_id_index" on "hub_drift_finding" ("subscription_id", "id");`);
    this.addSql(`create index "hub_drift_finding_status_id_index" on "hub_drift_finding" ("status", "id");`);
    this.addSql(`alter table "hub_drift_finding" add constraint "hub_drift_finding_open_key_unique" unique ("open_key");`);

    this.addSql(`alter table "hub_drift_finding" add constraint "hub_drift_finding_subscription_id_foreign" foreign key ("subscription_id") references "hub_subscription" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "hub_drift_finding" cascade;`);
  }

}
