import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditService } from './audit/audit.service';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeysController } from './auth/api-keys.controller';
import { ApiKeysService } from './auth/api-keys.service';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { hubValidationPipe } from './common/validation.pipe';
import { HUB_CONFIG } from './config/config.module';
import type { HubConfig } from './config/hub-config';
import { CustomersController } from './customers/customers.controller';
import { CustomersService } from './customers/customers.service';
import { EventsController } from './events/events.controller';
import { EventsService } from './events/events.service';
import { HealthController } from './health/health.controller';
import { HubThrottlerGuard } from './http/hub-throttler.guard';
import { RedisThrottlerStorage } from './http/redis-throttler.storage';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { MetricsController } from './metrics/metrics.controller';
import { PanelsModule } from './panels/panels.module';
import { PluginRegistry } from './plugins/plugin-registry';
import { PluginsController } from './plugins/plugins.controller';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';

/** Audit log, outbox events and the plugin registry: used by every other module. */
@Global()
@Module({
  controllers: [AuditController, EventsController, PluginsController],
  providers: [AuditService, EventsService, PluginRegistry],
  exports: [AuditService, EventsService, PluginRegistry],
})
export class PlatformModule {}

/** The HTTP surface's cross-cutting pieces: auth, throttling, problems, validation, idempotency, audit of mutations. */
@Module({
  imports: [
    TerminusModule,
    ThrottlerModule.forRootAsync({
      inject: [HUB_CONFIG],
      useFactory: (config: HubConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.http.rateLimitPerMinute }],
        // Scale-out: one budget per key across every process serving the API.
        storage: config.redisUrl ? new RedisThrottlerStorage(config.redisUrl, config.jobs.queuePrefix) : undefined,
      }),
    }),
  ],
  controllers: [ApiKeysController, HealthController, MetricsController],
  providers: [
    ApiKeysService,
    { provide: APP_GUARD, useClass: HubThrottlerGuard },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: hubValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [ApiKeysService],
})
export class ApiModule {}

/** Panels (with their plugin clients and operations), products and customers. */
@Module({ imports: [PanelsModule], controllers: [ProductsController, CustomersController], providers: [ProductsService, CustomersService], exports: [PanelsModule, ProductsService, CustomersService] })
export class CatalogModule {}
