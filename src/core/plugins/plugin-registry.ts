import { Injectable } from '@nestjs/common';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type { FieldError } from '../common/errors';
import { actionNamespace, HubPlugin, PluginActionDefinition, pluginActionProblems, PluginKind, PluginManifest } from './sdk';

/** An action a plugin contributes, with the plugin it comes from (the workflow engine registers these). */
export interface ContributedAction {
  plugin: HubPlugin;
  action: PluginActionDefinition;
}

export interface PluginProblem {
  source: string;
  message: string;
}

/**
 * Every plugin the hub knows: built-ins registered by the composition root and third-party
 * packages accepted by the loader. Plugins that failed to load are kept as problems for
 * `GET /plugins`, never thrown.
 */
@Injectable()
export class PluginRegistry {
  private readonly plugins = new Map<string, HubPlugin>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly problems: PluginProblem[] = [];
  /** Action namespace → the plugin (kind:id) that owns it: a panel and a payment plugin may share an id, not a namespace. */
  private readonly namespaces = new Map<string, string>();
  private readonly contributed: ContributedAction[] = [];
  private readonly ajv = new Ajv({ allErrors: true, strict: false });

  register(plugin: HubPlugin): void {
    const key = keyOf(plugin.manifest.kind, plugin.manifest.id);
    if (this.plugins.has(key)) throw new Error(`A ${plugin.manifest.kind} plugin with id "${plugin.manifest.id}" is already registered`);
    const actions = this.checkActions(plugin, key);
    this.validators.set(key, this.ajv.compile(plugin.manifest.configSchema));
    this.plugins.set(key, plugin);
    if (actions.length > 0) this.namespaces.set(actionNamespace(plugin.manifest.id), key);
    for (const action of actions) this.contributed.push({ plugin, action });
  }

  /** Workflow actions contributed by the registered plugins, in registration order. */
  actions(): ContributedAction[] {
    return [...this.contributed];
  }

  /** Throws (refusing the plugin) when its actions are malformed, leave its namespace, or their schemas do not compile. */
  private checkActions(plugin: HubPlugin, key: string): PluginActionDefinition[] {
    const problems = pluginActionProblems(plugin.manifest.id, plugin.actions);
    if (problems.length > 0) throw new Error(problems.join('; '));
    const actions = plugin.actions ?? [];
    if (actions.length === 0) return actions;
    const namespace = actionNamespace(plugin.manifest.id);
    const owner = this.namespaces.get(namespace);
    if (owner && owner !== key) throw new Error(`the action namespace "${namespace}" already belongs to the ${owner.replace(':', ' plugin ')}`);
    for (const action of actions) {
      for (const [part, schema] of [['input', action.input], ['output', action.output]] as const) {
        if (!schema) continue;
        try {
          this.ajv.compile(schema);
        } catch (error) {
          throw new Error(`action "${action.name}": its ${part} schema does not compile: ${(error as Error).message}`, { cause: error });
        }
      }
    }
    return actions;
  }

  reportProblem(problem: PluginProblem): void {
    this.problems.push(problem);
  }

  get(kind: PluginKind, id: string): HubPlugin | undefined {
    return this.plugins.get(keyOf(kind, id));
  }

  manifests(kind?: PluginKind): PluginManifest[] {
    return [...this.plugins.values()].map((plugin) => plugin.manifest).filter((manifest) => !kind || manifest.kind === kind);
  }

  loadProblems(): PluginProblem[] {
    return [...this.problems];
  }

  /** Validates a configuration against the plugin's schema; field paths are prefixed with `prefix`. */
  validateConfig(kind: PluginKind, id: string, config: unknown, prefix: string): FieldError[] {
    const validate = this.validators.get(keyOf(kind, id));
    if (!validate) return [{ field: 'type', message: `no ${kind} plugin "${id}" is installed`, code: 'UNKNOWN_PLUGIN' }];
    if (validate(config)) return [];
    return (validate.errors ?? []).map((error) => fieldError(error, prefix));
  }
}

function keyOf(kind: PluginKind, id: string): string {
  return `${kind}:${id}`;
}

function fieldError(error: ErrorObject, prefix: string): FieldError {
  const path = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') path.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  const field = [prefix, ...path].filter(Boolean).join('.');
  const message = error.keyword === 'additionalProperties' ? `property ${field} is not allowed` : `${field} ${error.message ?? 'is invalid'}`;
  return { field, message, code: error.keyword };
}
