import { PANEL_CAPABILITIES, PanelClient, PanelPluginContext } from './panel';

export const SDK_VERSION = '1.0.0';

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
}

export interface HubPlugin<Client = unknown, Context = unknown> {
  manifest: PluginManifest;
  create(config: Record<string, unknown>, context: Context): Client;
}

export type PanelPlugin = HubPlugin<PanelClient, PanelPluginContext>;

/** Declares a panel plugin: its manifest (with capabilities) and a factory of clients. */
export function definePanelPlugin(plugin: PanelPlugin): PanelPlugin {
  if (plugin.manifest.kind !== 'panel') throw new Error(`Plugin ${plugin.manifest.id}: definePanelPlugin needs kind "panel"`);
  const unknown = plugin.manifest.capabilities.filter((capability) => !(PANEL_CAPABILITIES as readonly string[]).includes(capability));
  if (unknown.length > 0) throw new Error(`Plugin ${plugin.manifest.id}: unknown capabilities ${unknown.join(', ')}`);
  return plugin;
}

/** Names of the configuration fields marked secret (`writeOnly`) in a schema. */
export function secretFields(schema: ConfigSchema): string[] {
  return Object.entries(schema.properties)
    .filter(([, property]) => property.writeOnly === true || property['x-secret'] === true)
    .map(([name]) => name);
}
