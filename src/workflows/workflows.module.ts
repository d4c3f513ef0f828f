import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HUB_CONFIG } from '../core/config/config.module';
import type { HubConfig } from '../core/config/hub-config';
import { PanelClientsService } from '../core/panels/panel-clients.service';
import { PluginRegistry } from '../core/plugins/plugin-registry';
import { SubscriptionsModule } from '../core/subscriptions/subscriptions.module';
import { SubscriptionsService } from '../core/subscriptions/subscriptions.service';
import { ActionRegistry } from './actions/action-registry';
import { AccessCodeActions } from '../core/access-codes/access-code-actions.service';
import { AccessCodesModule } from '../core/access-codes/access-codes.module';
import { registerBuiltinActions } from './actions/builtin-actions';
import { registerPluginActions } from './actions/plugin.actions';
import { HooksController } from './api/hooks.controller';
import { RunsController } from './api/runs.controller';
import { WorkflowsApiService } from './api/workflows-api.service';
import { WorkflowsController } from './api/workflows.controller';
import { ConcurrencyService } from './engine/concurrency.service';
import { DefinitionsService } from './engine/definitions.service';
import { DryRunService } from './engine/dry-run.service';
import { RunControlService } from './engine/run-control.service';
import { RunExecutor } from './engine/run-executor.service';
import { RunFinisher } from './engine/run-finisher.service';
import { RunStarter } from './engine/run-starter.service';
import { TriggersService } from './engine/triggers.service';
import { loadWorkflowConfig, WORKFLOW_CONFIG, WorkflowConfig } from './workflow-config';

/**
 * Registers the built-in actions and those plugins contribute, loads the definitions and subscribes the triggers before any
 * job or event is consumed (consumption starts at application bootstrap).
 */
@Injectable()
class WorkflowsBootstrap implements OnModuleInit {
  constructor(
    private readonly actions: ActionRegistry,
    private readonly definitions: DefinitionsService,
    private readonly triggers: TriggersService,
    private readonly subscriptions: SubscriptionsService,
    private readonly panels: PanelClientsService,
    private readonly accessCodes: AccessCodeActions,
    private readonly orm: MikroORM,
    private readonly plugins: PluginRegistry,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    registerBuiltinActions(this.actions, { panels: this.panels, subscriptions: this.subscriptions, accessCodes: this.accessCodes, orm: this.orm }, this.config);
    // After the built-ins, so a plugin action can never take a built-in's name.
    registerPluginActions(this.actions, this.plugins, this.panels);
    await this.definitions.load();
    this.triggers.register();
  }
}

/** The workflow engine (SPEC §6): definitions, triggers, durable runs, actions and their API. */
@Module({
  imports: [SubscriptionsModule, AccessCodesModule],
  controllers: [WorkflowsController, RunsController, HooksController],
  providers: [
    { provide: WORKFLOW_CONFIG, inject: [HUB_CONFIG], useFactory: (config: HubConfig) => loadWorkflowConfig(config.env) },
    ActionRegistry,
    DefinitionsService,
    ConcurrencyService,
    RunStarter,
    RunFinisher,
    RunExecutor,
    RunControlService,
    TriggersService,
    DryRunService,
    WorkflowsApiService,
    WorkflowsBootstrap,
  ],
  exports: [ActionRegistry, DefinitionsService, RunControlService, TriggersService],
})
export class WorkflowsModule {}
