import { Migration } from '@mikro-orm/migrations';

export class Migration20261124185836_idempotency_plans extends Migration {

  override name = 'Migration20261124185836_idempotency_plans';

  override up(): void | Promise<void> {
    this.addSql(`alter table "hub_idempotency_record" add "plan_sealed" text null, add "claimed_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_idempotency_record" drop column "plan_sealed", drop column "claimed_at";`);
  }

}
