import { Migration } from '@mikro-orm/migrations';

export class Migration20261123130508_product_fallback extends Migration {

  override name = 'Migration20261123130508_product_fallback';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`hub_product\` add column \`fallback_panel_id\` text null constraint \`hub_product_fallback_panel_id_foreign\` references \`hub_panel\` (\`id\`) on delete set null;`);
    this.addSql(`alter table \`hub_product\` add column \`fallback_package_external_id\` text null;`);
    this.addSql(`create index \`hub_product_fallback_panel_id_index\` on \`hub_product\` (\`fallback_panel_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`hub_product_fallback_panel_id_index\`;`);
    this.addSql(`alter table \`hub_product\` drop column \`fallback_panel_id\`;`);
    this.addSql(`alter table \`hub_product\` drop column \`fallback_package_external_id\`;`);
  }

}
