import { PluginActionDefinition, pluginActionProblems } from './actions';
import { PANEL_CAPABILITIES, PanelClient, PanelPluginContext } from './panel';
import { PAYMENT_CAPABILITIES, PaymentClient, PaymentPluginContext } from './payment';
import { satisfies } from './semver';

/** The version of this SDK. Plugins declare the range they were written for in `manifest.sdk`. */
export const SDK_VERSION = '1.3.0';

export type PluginKind = 'panel' | 'payment';

/** JSON Schema (draft 2020-12 subset) of a plugin's configuration. Mark secrets with `writeOnly: true`. */
export interface ConfigSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties?: boolean;
  [keyword: string]: unknown;
}

export interface PluginManifest {
  id: string;
  kind: PluginKind;
  name: string;
  version: string;
  /** The SDK versions this plugin was written for, as a semver range such as `^1.0.0`. */
  sdk: string;
  description?: string;
  /** Whether the panel is reached at an operator-given base URL (false for cloud panels). */
  requiresBaseUrl?: boolean;
  configSchema: ConfigSchema;
  capabilities: string[];
  /** Free-form facts about the plugin an operator or the workflow engine should know (e.g. `expiryEnforcedByHub`). */
  notes?: Record<string, string | boolean>;
}

export interface HubPlugin<Client = unknown, Context = unknown> {
  manifest: PluginManifest;
  create(config: Record<string, unknown>, context: Context): Client;
  /** Workflow actions the plugin contributes, named `<id>.<name>` (SDK 1.2; see actions.ts). */
  actions?: PluginActionDefinition[];
}

export type PanelPlugin = HubPlugin<PanelClient, PanelPluginContext>;
export type PaymentPlugin = HubPlugin<PaymentClient, PaymentPluginContext>;

/** Declares a panel plugin: its manifest (with capabilities) and a factory of clients. */
export function definePanelPlugin(plugin: PanelPlugin): PanelPlugin {
  assertValid(plugin, 'panel');
  return plugin;
}

/** Declares a payment plugin: its manifest (with capabilities) and a factory of clients. */
export function definePaymentPlugin(plugin: PaymentPlugin): PaymentPlugin {
  assertValid(plugin, 'payment');
  return plugin;
}

function assertValid(plugin: HubPlugin, kind: PluginKind): void {
  const problems = [...manifestProblems(plugin.manifest), ...pluginActionProblems(plugin.manifest?.id ?? '?', plugin.actions)];
  if (plugin.manifest?.kind !== kind) problems.unshift(`define${kind === 'panel' ? 'Panel' : 'Payment'}Plugin needs kind "${kind}"`);
  if (problems.length > 0) throw new Error(`Plugin ${plugin.manifest?.id ?? '?'}: ${problems.join('; ')}`);
}

const ID = /^[a-z][a-z0-9-]{1,62}$/;
const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/** Everything wrong with a manifest (empty when it is valid), including SDK compatibility. */
export function manifestProblems(manifest: PluginManifest | undefined): string[] {
  if (!manifest || typeof manifest !== 'object') return ['the module exports no manifest'];
  const problems: string[] = [];
  if (typeof manifest.id !== 'string' || !ID.test(manifest.id)) problems.push('id must be lower-case letters, digits and dashes');
  if (manifest.kind !== 'panel' && manifest.kind !== 'payment') problems.push('kind must be "panel" or "payment"');
  if (typeof manifest.name !== 'string' || manifest.name.length === 0) problems.push('name is required');
  if (typeof manifest.version !== 'string' || !VERSION.test(manifest.version)) problems.push('version must be a semantic version (1.2.3)');
  if (typeof manifest.sdk !== 'string') problems.push('sdk must be the SDK version range the plugin was written for (e.g. ^1.0.0)');
  else if (!satisfies(SDK_VERSION, manifest.sdk)) problems.push(`needs SDK ${manifest.sdk} but the hub provides ${SDK_VERSION}`);
  if (!manifest.configSchema || manifest.configSchema.type !== 'object' || typeof manifest.configSchema.properties !== 'object') problems.push('configSchema must be an object JSON Schema with properties');
  if (!Array.isArray(manifest.capabilities)) problems.push('capabilities must be a list');
  else {
    const known: readonly string[] = manifest.kind === 'payment' ? PAYMENT_CAPABILITIES : PANEL_CAPABILITIES;
    const unknown = manifest.capabilities.filter((capability) => !known.includes(capability));
    if (unknown.length > 0) problems.push(`unknown capabilities ${unknown.join(', ')}`);
  }
  return problems;
}

/** Names of the configuration fields marked secret (`writeOnly`) in a schema. */
export function secretFields(schema: ConfigSchema): string[] {
  return Object.entries(schema.properties)
    .filter(([, property]) => property.writeOnly === true || property['x-secret'] === true)
    .map(([name]) => name);
}

/** The secret values of a configuration (for redaction: they must never reach a log or the audit log). */
export function secretValues(schema: ConfigSchema, config: Record<string, unknown>): string[] {
  return secretFields(schema)
    .map((field) => config[field])
    .filter((value): value is string | number => (typeof value === 'string' && value.length > 0) || typeof value === 'number')
    .map(String);
}
