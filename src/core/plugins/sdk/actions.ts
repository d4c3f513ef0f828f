import type { PanelClient } from './panel';
import type { PluginLogger } from './runtime';

/**
 * Workflow actions a plugin contributes (SPEC §6.5 "extendable by plugins"). A plugin lists them
 * in `actions` next to its manifest; the hub registers them with the workflow engine at start, so
 * definitions using them are validated against their input schema at load time, appear in the
 * published workflow schema and run with the same retries, timeouts, dry runs and audit as the
 * built-in actions.
 *
 * Names are namespaced by the plugin id (`acme.resetPassword` for plugin `acme`): a plugin cannot
 * shadow the hub's own actions (`panel.*`, `subscription.*`, …) or another plugin's.
 *
 * Errors: throw `PluginError`. Its `retryable` flag decides whether the step is retried by its
 * retry policy (e.g. `PANEL_UNAVAILABLE`, `RATE_LIMITED`, `TIMEOUT` are retryable by default,
 * `INVALID_INPUT`, `USER_NOT_FOUND` are not; pass `{ retryable }` to override). Anything else
 * thrown counts as a permanent failure (`PLUGIN_ACTION_FAILED`), since the hub cannot know whether
 * repeating it is safe.
 */

/** JSON Schema (draft-07 subset understood by ajv) of an action's `with` input or its output. */
export type ActionJsonSchema = Record<string, unknown> & { type: 'object' };

export interface PluginActionRetry {
  /** Total attempts, the first included. */
  attempts: number;
  /** Waits between attempts such as `['10s', '1m']` (the last repeats). */
  backoff: string[];
}

/** What an action sees while it runs: the step it runs for, and nothing of the hub's internals. */
export interface PluginActionContext {
  runId: string;
  workflowId: string;
  stepId: string;
  /** 1 on the first attempt; retries and redeliveries after a crash count up. */
  attempt: number;
  /**
   * Run id + step id: the same on every attempt and redelivery of this step. Pass it to the
   * outside system (an Idempotency-Key header, a marker) so that repeating the call is harmless.
   */
  idempotencyKey: string;
  /** Progress an earlier attempt saved with `saveState` (an external id as soon as it was known…). */
  state: Readonly<Record<string, unknown>>;
  /**
   * Commits progress at once (merged into `state`), so that a crash right after an external effect
   * does not forget it. Values under secret-looking keys (password, token, apiKey…) are encrypted.
   */
  saveState(patch: Record<string, unknown>): Promise<void>;
  /** Tagged with the plugin, run and step; secret-looking fields and the panel's secrets are scrubbed. */
  logger: PluginLogger;
  /** Aborted when the step's timeout elapses: pass it on to long calls and stop early. */
  signal: AbortSignal;
  clock: { now(): Date };
  /**
   * Panel plugins: this plugin's client for a panel configured with it (its configuration and
   * credentials, HTTP with timeouts, limits, redaction and audit). Refused (`INVALID_INPUT`) for a
   * panel of another type. Cast it to your own client class to reach extra operations.
   */
  panelClient<Client extends PanelClient = PanelClient>(panelId: string): Promise<Client>;
}

/** What a dry run gives the action: no state, no clients, nothing with side effects. */
export type PluginActionDryRunContext = Pick<PluginActionContext, 'runId' | 'workflowId' | 'stepId' | 'idempotencyKey' | 'clock'>;

export interface PluginActionDefinition<Input = any, Output = unknown> {
  /** `<plugin id>.<name>`, e.g. `acme.resetPassword`. */
  name: string;
  description: string;
  /** JSON Schema of `with`: checked at load time (literal values) and before every attempt. */
  input: ActionJsonSchema;
  /** JSON Schema of the result; when given, a result that does not match fails the step (`INVALID_OUTPUT`). */
  output?: ActionJsonSchema;
  /** Retry policy when the step declares none (default: one attempt). */
  retry?: PluginActionRetry;
  execute(input: Input, ctx: PluginActionContext): Promise<Output>;
  /** What the action would do (dry runs), without side effects. Without it, a dry run reports "would call <name>". */
  dryRun?(input: Input, ctx: PluginActionDryRunContext): Promise<{ wouldDo: string; output?: Output }>;
}

/** Declares an action with typed input and output (identity at run time; the loader checks it). */
export function definePluginAction<Input = Record<string, unknown>, Output = unknown>(action: PluginActionDefinition<Input, Output>): PluginActionDefinition<Input, Output> {
  return action;
}

/** Namespaces of the hub's own actions and domains: no plugin may contribute actions under them. */
export const RESERVED_ACTION_NAMESPACES: readonly string[] = ['panel', 'subscription', 'webhook', 'http', 'delay', 'log', 'access-code', 'accesscode', 'order', 'payment', 'line', 'customer', 'product', 'workflow', 'run', 'plugin', 'hub', 'core', 'event'];

const ACTION_TAIL = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/;

/** The namespace of a plugin's actions: its id. */
export function actionNamespace(pluginId: string): string {
  return pluginId;
}

/** Everything wrong with the actions a plugin declares (empty when they are fine). */
export function pluginActionProblems(pluginId: string, actions: unknown): string[] {
  if (actions === undefined) return [];
  if (!Array.isArray(actions)) return ['actions must be a list'];
  if (actions.length === 0) return [];
  const namespace = actionNamespace(pluginId);
  if (RESERVED_ACTION_NAMESPACES.includes(namespace)) return [`the id "${pluginId}" is a namespace reserved for the hub's own actions, so this plugin cannot contribute actions (choose another plugin id)`];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of actions.entries()) {
    const action = raw as Partial<PluginActionDefinition> | null;
    const label = typeof action?.name === 'string' ? `action "${action.name}"` : `action #${index + 1}`;
    if (!action || typeof action !== 'object') {
      problems.push(`${label} must be an object`);
      continue;
    }
    if (typeof action.name !== 'string') problems.push(`${label} needs a name ("${namespace}.<action>")`);
    else if (!action.name.startsWith(`${namespace}.`)) problems.push(`${label} is outside the plugin's namespace: a plugin may only contribute actions named "${namespace}.<action>" (it cannot shadow the hub's panel.*, subscription.* … actions or another plugin's)`);
    else if (!ACTION_TAIL.test(action.name.slice(namespace.length + 1))) problems.push(`${label}: after "${namespace}." use letters and digits, e.g. ${namespace}.resetPassword`);
    else if (seen.has(action.name)) problems.push(`${label} is declared twice`);
    if (typeof action.name === 'string') seen.add(action.name);
    if (typeof action.description !== 'string' || action.description.length === 0) problems.push(`${label} needs a description`);
    if (!isObjectSchema(action.input)) problems.push(`${label}: input must be an object JSON Schema ({ type: 'object', properties: … })`);
    if (action.output !== undefined && !isObjectSchema(action.output)) problems.push(`${label}: output must be an object JSON Schema`);
    if (typeof action.execute !== 'function') problems.push(`${label}: execute must be a function`);
    if (action.dryRun !== undefined && typeof action.dryRun !== 'function') problems.push(`${label}: dryRun must be a function`);
    if (action.retry !== undefined && !isRetry(action.retry)) problems.push(`${label}: retry must be { attempts: 1..100, backoff: ['10s', '1m', …] }`);
  }
  return problems;
}

function isObjectSchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema) && (schema as { type?: unknown }).type === 'object';
}

function isRetry(retry: unknown): boolean {
  const value = retry as Partial<PluginActionRetry> | null;
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger(value.attempts) &&
    (value.attempts as number) >= 1 &&
    (value.attempts as number) <= 100 &&
    Array.isArray(value.backoff) &&
    value.backoff.every((item) => typeof item === 'string')
  );
}
