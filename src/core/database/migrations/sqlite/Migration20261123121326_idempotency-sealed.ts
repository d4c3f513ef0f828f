import { Migration } from '@mikro-orm/migrations';

export class Migration20261123121326_idempotency_sealed extends Migration {

  override name = 'Migration20261123121326_idempotency_sealed';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`hub_idempotency_record\` drop column \`response_body\`;`);
    this.addSql(`alter table \`hub_idempotency_record\` add column \`response_sealed\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`hub_idempotency_record\` drop column \`response_sealed\`;`);
    this.addSql(`alter table \`hub_idempotency_record\` add column \`response_body\` json null;`);
  }

}
