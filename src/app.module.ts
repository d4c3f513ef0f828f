import { DynamicModule, Module } from '@nestjs/common';
import { ACCESS_CODE_ENTITIES } from './core/access-codes/access-code-entities';
import { AccessCodesModule } from './core/access-codes/access-codes.module';
import { AuditEntry } from './core/audit/audit-entry.entity';
import { AuditPending, AuditSeal } from './core/audit/audit-seal.entity';
import { ApiKey } from './core/auth/api-key.entity';
import { HubConfigModule } from './core/config/config.module';
import { HubConfig, loadConfig } from './core/config/hub-config';
import { ApiModule, CatalogModule, PlatformModule } from './core/core.modules';
import { CryptoModule } from './core/crypto/crypto.module';
import { Customer } from './core/customers/customer.entity';
import { DatabaseModule } from './core/database/database.module';
import type { EntityClass } from './core/database/orm-options';
import { EventRow } from './core/events/event.entity';
import { IdempotencyRecord } from './core/http/idempotency-record.entity';
import { JobRow } from './core/jobs/job.entity';
import { JobsModule } from './core/jobs/jobs.module';
import { LoggingModule } from './core/logging/logging.module';
import { HubPackage } from './core/panels/packages/hub-package.entity';
import { Panel } from './core/panels/panel.entity';
import { PluginStateRow } from './core/panels/plugin-state.entity';
import { PluginLoaderModule } from './core/plugins/plugin-loader';
import { Product } from './core/products/product.entity';
import { LeaseRow } from './core/scheduler/lease.entity';
import { SchedulerModule } from './core/scheduler/scheduler.module';
import { WebhookAttempt } from './core/webhooks/webhook-attempt.entity';
import { WebhookDelivery } from './core/webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from './core/webhooks/webhook-endpoint.entity';
import { WebhooksModule } from './core/webhooks/webhooks.module';
import { BUILTIN_PLUGINS } from './builtin-plugins';
import { COMMERCE_ENTITIES } from './core/orders/commerce-entities';
import { OrdersModule } from './core/orders/orders.module';
import { PAYMENT_ENTITIES } from './core/payments/payment-entities';
import { PaymentsModule } from './core/payments/payments.module';
import { DriftFinding } from './core/drift/drift-finding.entity';
import { DriftModule } from './core/drift/drift.module';
import { SubscriptionsModule } from './core/subscriptions/subscriptions.module';
import { WORKFLOW_ENTITIES } from './workflows/workflow-entities';
import { WorkflowsModule } from './workflows/workflows.module';
import { WorkflowSubscriptionActivity } from './workflows/workflow-subscription-activity';

/** Every entity of the hub: the ORM and the migration tooling use this one list. */
export const ALL_ENTITIES: EntityClass[] = [JobRow, LeaseRow, EventRow, AuditEntry, AuditSeal, AuditPending, ApiKey, IdempotencyRecord, Panel, Product, Customer, HubPackage, PluginStateRow, WebhookEndpoint, WebhookDelivery, WebhookAttempt, ...ACCESS_CODE_ENTITIES, ...COMMERCE_ENTITIES, ...PAYMENT_ENTITIES, ...WORKFLOW_ENTITIES, DriftFinding];

/**
 * The composition root: the only place that sees core, the built-in plugins and the workflows
 * together. Worker processes use the same module; what they run is decided by `config.role`.
 */
@Module({})
export class AppModule {
  static forRoot(config: HubConfig = loadConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        HubConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot(config, ALL_ENTITIES),
        CryptoModule,
        SchedulerModule,
        JobsModule,
        PlatformModule,
        PluginLoaderModule.forRoot(BUILTIN_PLUGINS),
        ApiModule,
        CatalogModule,
        WebhooksModule,
        AccessCodesModule,
        SubscriptionsModule,
        DriftModule.forRoot(WorkflowSubscriptionActivity),
        OrdersModule,
        PaymentsModule,
        WorkflowsModule,
      ],
    };
  }
}
