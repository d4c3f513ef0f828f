import { Injectable } from '@nestjs/common';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type { FieldError } from '../common/errors';
import { HubPlugin, PluginKind, PluginManifest } from './sdk';

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
  private readonly ajv = new Ajv({ allErrors: true, strict: false });

  register(plugin: HubPlugin): void {
    const key = keyOf(plugin.manifest.kind, plugin.manifest.id);
    if (this.plugins.has(key)) throw new Error(`A ${plugin.manifest.kind} plugin with id "${plugin.manifest.id}" is already registered`);
    this.validators.set(key, this.ajv.compile(plugin.manifest.configSchema));
    this.plugins.set(key, plugin);
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
