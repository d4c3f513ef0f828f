import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122542_run_idempotency_root extends Migration {

  override name = 'Migration20261123122542_run_idempotency_root';

  override up(): void | Promise<void> {
    this.addSql(`alter table "hub_workflow_run" add "idempotency_root" varchar(36) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "hub_workflow_run" drop column "idempotency_root";`);
  }

}
