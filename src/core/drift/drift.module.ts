import { DynamicModule, Module, Type } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { DriftController } from './drift.controller';
import { DriftFindingsService } from './drift-findings.service';
import { DriftRepairService } from './drift-repair.service';
import { ReconcileService } from './reconcile.service';
import { NoSubscriptionActivity, SubscriptionActivity } from './subscription-activity';
import { SubscriptionReconcileController } from './subscription-reconcile.controller';

/**
 * Drift (issue 7 §6): reconcile (scheduled and on demand), stored findings and their repair.
 * `activity` tells repairs when a workflow is busy with a subscription; the composition root
 * passes the workflow engine's implementation (core cannot import the workflows).
 */
@Module({})
export class DriftModule {
  static forRoot(activity: Type<SubscriptionActivity> = NoSubscriptionActivity): DynamicModule {
    return {
      module: DriftModule,
      imports: [SubscriptionsModule],
      controllers: [DriftController, SubscriptionReconcileController],
      providers: [DriftFindingsService, DriftRepairService, ReconcileService, { provide: SubscriptionActivity, useClass: activity }],
      exports: [DriftFindingsService, DriftRepairService, ReconcileService],
    };
  }
}
