import { MikroORM } from '@mikro-orm/core';
import { Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { HubScheduler } from '../scheduler/scheduler.service';
import { PortalsController } from '../portals/portals.controller';
import { PortalsService } from '../portals/portals.service';
import { AccessCodeActions } from './access-code-actions.service';
import { AccessCodeBulkService } from './access-code-bulk.service';
import { AccessCodesController } from './access-codes.controller';
import { AccessCodesService } from './access-codes.service';
import { AccessCodeExportService } from './export/access-code-export.service';
import { AccessCodeImportController } from './import/access-code-import.controller';
import { AccessCodeImportService } from './import/access-code-import.service';
import { ImportProcessor } from './import/import-processor';
import { CodeLoginController } from './login/code-login.controller';
import { CodeLoginPolicy } from './login/code-login-policy';
import { CODE_LOGIN_POLICY, CodeLoginService } from './login/code-login.service';
import { DatabaseLoginThrottle } from './login/database-login-throttle';
import { LoginThrottle } from './login/login-throttle';
import { RedisLoginThrottle } from './login/redis-login-throttle';
import { SubscriptionFollower } from './subscription-follower.service';

/** Budgets live in Redis when the hub has it (shared by every process), else in the database. */
function createLoginThrottle(config: HubConfig, orm: MikroORM, policy: CodeLoginPolicy): LoginThrottle {
  if (config.redisUrl) return new RedisLoginThrottle(config.redisUrl, config.jobs.queuePrefix, policy);
  return new DatabaseLoginThrottle(orm, policy);
}

@Injectable()
class LoginThrottleLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly scheduler: HubScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.every('access-codes.login-throttle-purge', 10 * 60_000, () => this.throttle.purge(Date.now()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.throttle.close();
  }
}

/**
 * Portals, access codes and the public code login. `AccessCodeActions` is exported for the
 * workflow actions accessCode.create / deactivate / setExpiry.
 */
@Module({
  // The import controller first: its static paths must win over /access-codes/:id.
  controllers: [PortalsController, AccessCodeImportController, AccessCodesController, CodeLoginController],
  providers: [
    PortalsService,
    AccessCodesService,
    AccessCodeBulkService,
    AccessCodeActions,
    AccessCodeExportService,
    AccessCodeImportService,
    ImportProcessor,
    SubscriptionFollower,
    CodeLoginService,
    { provide: CODE_LOGIN_POLICY, inject: [HUB_CONFIG], useFactory: (config: HubConfig) => config.codeLogin },
    { provide: LoginThrottle, inject: [HUB_CONFIG, MikroORM, CODE_LOGIN_POLICY], useFactory: createLoginThrottle },
    LoginThrottleLifecycle,
  ],
  exports: [AccessCodesService, AccessCodeActions, PortalsService],
})
export class AccessCodesModule {}

