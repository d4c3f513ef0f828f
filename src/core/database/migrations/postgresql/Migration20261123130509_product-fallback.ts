import { Migration } from '@mikro-orm/migrations';

export class Migration20261123130509_product_fallback extends Migration {

  override name = 'Migration20261123130509_product_fallback';

  override up(): void | Promise<void> {
    this.addSql(`alter table "hub_product" add "fallback_panel_id" varchar(36) null, add "fallback_package_external_id" varchar(200) null;`);
    this.addSql(`alter table "hub_product" add constraint "hub_product_fallback_panel_id_foreign" foreign key ("fallback_panel_id") references "hub_panel" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_product" drop constraint "hub_product_fallback_panel_id_foreign";`);

    this.addSql(`alter table "hub_product" drop column "fallback_panel_id", drop column "fallback_package_external_id";`);
  }

}
