import { DynamicModule, Module } from '@nestjs/common';
import { AuditEntry } from './core/audit/audit-entry.entity';
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
import { Panel } from './core/panels/panel.entity';
import { Product } from './core/products/product.entity';
import { LeaseRow } from './core/scheduler/lease.entity';
import { SchedulerModule } from './core/scheduler/scheduler.module';

/** Every entity of the hub: the ORM and the migration tooling use this one list. */
export const ALL_ENTITIES: EntityClass[] = [JobRow, LeaseRow, EventRow, AuditEntry, ApiKey, IdempotencyRecord, Panel, Product, Customer];

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
        ApiModule,
        CatalogModule,
      ],
    };
  }
}
