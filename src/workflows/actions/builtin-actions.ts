import type { MikroORM } from '@mikro-orm/core';
import type { AccessCodeActions } from '../../core/access-codes/access-code-actions.service';
import type { PanelClientsService } from '../../core/panels/panel-clients.service';
import type { SubscriptionsService } from '../../core/subscriptions/subscriptions.service';
import type { WorkflowConfig } from '../workflow-config';
import { accessCodeActions } from './access-code.actions';
import { ActionRegistry } from './action-registry';
import { delayAction, httpRequestAction, logAction, webhookEmitAction } from './core.actions';
import { panelActions } from './panel.actions';
import { panelBatchActions } from './panel-batch.actions';
import { subscriptionActions } from './subscription.actions';

export interface ActionDeps {
  panels: PanelClientsService;
  accessCodes: AccessCodeActions;
  subscriptions: SubscriptionsService;
  orm: MikroORM;
}

/** Registers the built-in actions (core, subscription.*, panel.* with the batch panel.createLines, accessCode.*). */
export function registerBuiltinActions(registry: ActionRegistry, deps: ActionDeps, config: WorkflowConfig): ActionRegistry {
  for (const action of [logAction, delayAction(), webhookEmitAction, httpRequestAction(config), ...subscriptionActions(deps.subscriptions), ...panelActions(deps), ...panelBatchActions(deps), ...accessCodeActions(deps.accessCodes)]) registry.register(action);
  return registry;
}

/**
 * The built-in actions for offline validation (CLI, tests): names and input schemas only. Their
 * services are absent, so they must not be run.
 */
export function offlineActionRegistry(config: WorkflowConfig): ActionRegistry {
  const absent = {} as never;
  return registerBuiltinActions(new ActionRegistry(), { panels: absent, subscriptions: absent, accessCodes: absent, orm: absent }, config);
}
