import { Migration } from '@mikro-orm/migrations';

export class Migration20261124185835_idempotency_plans extends Migration {

  override name = 'Migration20261124185835_idempotency_plans';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`hub_idempotency_record\` add column \`plan_sealed\` text null;`);
    this.addSql(`alter table \`hub_idempotency_record\` add column \`claimed_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`hub_idempotency_record\` drop column \`plan_sealed\`;`);
    this.addSql(`alter table \`hub_idempotency_record\` drop column \`claimed_at\`;`);
  }

}
