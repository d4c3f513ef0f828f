import { Logger } from '@nestjs/common';
import Ajv, { ValidateFunction } from 'ajv';
import { redact } from '../../core/audit/redact';
import type { PanelClientsService } from '../../core/panels/panel-clients.service';
import type { ContributedAction, PluginRegistry } from '../../core/plugins/plugin-registry';
import { isPluginError, isSecretName, PanelClient, PluginActionContext, PluginActionDefinition, PluginError, PluginLogger, scrubSecrets } from '../../core/plugins/sdk';
import { parseDuration } from '../schema/duration';
import type { ActionRegistry } from './action-registry';
import { ActionContext, ActionError, SuspendStep, WorkflowAction } from './action.types';

const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * Registers the actions plugins contribute (collected by the plugin loader) with the engine, so
 * definitions are checked against their schemas at load time like the built-ins. An action that
 * cannot be registered (a name taken by a built-in, a bad retry policy) is reported on
 * `GET /plugins` and skipped; the hub still starts.
 */
export function registerPluginActions(actions: ActionRegistry, plugins: PluginRegistry, panels: PanelClientsService, logger = new Logger('PluginActions')): void {
  for (const contributed of plugins.actions()) {
    try {
      actions.register(pluginAction(contributed, panels));
    } catch (error) {
      const message = `${contributed.plugin.manifest.id}: action "${contributed.action.name}" not registered: ${(error as Error).message}`;
      plugins.reportProblem({ source: contributed.plugin.manifest.id, message });
      logger.error(message);
    }
  }
}

/** Wraps a plugin's action in the engine's action shape: narrow context, error contract, output check. */
export function pluginAction({ plugin, action }: ContributedAction, panels: PanelClientsService): WorkflowAction {
  const pluginId = plugin.manifest.id;
  const checkOutput = action.output ? ajv.compile(action.output) : null;
  if (action.retry) for (const wait of action.retry.backoff) if (parseDuration(wait) === null) throw new Error(`retry backoff "${wait}" is not a duration (30s, 5m, 1h…)`);
  return {
    name: action.name,
    description: action.description,
    input: action.input,
    output: action.output,
    plugin: pluginId,
    defaultRetry: action.retry,
    async run(input, ctx) {
      const secrets = new Set<string>(secretInputs(input));
      const pluginCtx: PluginActionContext = {
        runId: ctx.runId,
        workflowId: ctx.workflowId,
        stepId: ctx.stepId,
        attempt: ctx.attempt,
        idempotencyKey: ctx.idempotencyKey,
        state: ctx.state,
        saveState: (patch) => ctx.saveState(patch),
        logger: actionLogger(action.name, ctx, secrets),
        signal: ctx.signal,
        clock: { now: () => new Date() },
        panelClient: async <Client extends PanelClient>(panelId: string) => {
          const ready = await panels.forPanel(panelId);
          if (plugin.manifest.kind !== 'panel' || ready.manifest.id !== pluginId) {
            throw new PluginError('INVALID_INPUT', `Panel ${panelId} is a ${ready.manifest.id} panel; ${action.name} works only with ${pluginId} panels`, { hint: `Pass the id of a panel configured with the ${pluginId} plugin.` });
          }
          for (const secret of panels.secretValuesOf(panelId)) secrets.add(secret);
          return ready.client as Client;
        },
      };
      let output: unknown;
      try {
        output = await action.execute(input, pluginCtx);
      } catch (error) {
        throw normalise(error, action, [...secrets]);
      }
      if (checkOutput && !checkOutput(output)) throw new ActionError('INVALID_OUTPUT', `${action.name} returned an output that does not match its schema: ${describe(checkOutput)}`, false, `A bug in the ${pluginId} plugin: report it to its author.`);
      return output ?? {};
    },
    async dryRun(input, ctx) {
      if (!action.dryRun) return { wouldDo: `would call ${action.name} (plugin ${pluginId})`, output: {} };
      const report = await action.dryRun(input, { runId: ctx.runId, workflowId: ctx.workflowId, stepId: ctx.stepId, idempotencyKey: ctx.idempotencyKey, clock: { now: () => new Date() } });
      return { wouldDo: report.wouldDo, output: report.output ?? {} };
    },
  };
}

/**
 * The error contract: PluginErrors keep their code, retryable flag and hint (scrubbed of secrets);
 * anything else is a permanent failure, since repeating an unknown failure may not be safe.
 */
function normalise(error: unknown, action: PluginActionDefinition, secrets: string[]): Error {
  if (error instanceof SuspendStep || error instanceof ActionError) return error;
  if (isPluginError(error)) return new ActionError(error.code, scrubSecrets(error.message, secrets), error.retryable, error.hint);
  const message = scrubSecrets(error instanceof Error ? error.message : String(error), secrets);
  return new ActionError('PLUGIN_ACTION_FAILED', `${action.name}: ${message}`, false, 'The plugin threw an unexpected error (not a PluginError), so it is not retried. Check the hub log; report it to the plugin author if it persists.');
}

function actionLogger(name: string, ctx: ActionContext, secrets: Set<string>): PluginLogger {
  const logger = new Logger(`plugin-action:${name}`);
  const clean = (message: string, fields?: Record<string, unknown>) => {
    const list = [...secrets];
    const safe = fields ? (JSON.parse(scrubSecrets(JSON.stringify(redact(fields)), list)) as Record<string, unknown>) : {};
    return [{ ...safe, runId: ctx.runId, stepId: ctx.stepId, attempt: ctx.attempt }, scrubSecrets(message, list)] as const;
  };
  return {
    debug: (message, fields) => logger.debug(...clean(message, fields)),
    info: (message, fields) => logger.log(...clean(message, fields)),
    warn: (message, fields) => logger.warn(...clean(message, fields)),
    error: (message, fields) => logger.error(...clean(message, fields)),
  };
}

/** Input values under secret-looking keys: scrubbed from the action's log lines and errors. */
function secretInputs(value: unknown, depth = 0): string[] {
  if (depth > 8 || value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => (isSecretName(key) && typeof item === 'string' ? [item] : secretInputs(item, depth + 1)));
}

function describe(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || 'output'} ${error.message ?? 'is invalid'}`).join('; ');
}
