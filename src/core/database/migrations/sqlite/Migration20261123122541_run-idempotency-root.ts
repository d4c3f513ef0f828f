import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122541_run_idempotency_root extends Migration {

  override name = 'Migration20261123122541_run_idempotency_root';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`hub_workflow_run\` add column \`idempotency_root\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`hub_workflow_run\` drop column \`idempotency_root\`;`);
  }

}
