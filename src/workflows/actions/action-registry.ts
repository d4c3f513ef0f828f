import { Injectable } from '@nestjs/common';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type { WorkflowAction } from './action.types';

export interface InputProblem {
  /** Path inside `with`, e.g. `line.username`. */
  path: string[];
  message: string;
}

/**
 * Every action a definition may `use`: built-ins plus those contributed by plugins (registered by
 * the workflows module at start, after the built-ins; see plugin.actions.ts). Inputs are validated against each action's JSON Schema at load time
 * (literal values) and again at run time (evaluated values).
 */
@Injectable()
export class ActionRegistry {
  private readonly actions = new Map<string, WorkflowAction>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });

  register(action: WorkflowAction): void {
    // The first segment may hold dashes: plugin actions are namespaced by the plugin id (my-crm.sendInvoice).
    if (!/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/.test(action.name)) throw new Error(`Invalid action name "${action.name}" (use name or namespace.name)`);
    if (this.actions.has(action.name)) throw new Error(`Action ${action.name} is already registered`);
    this.validators.set(action.name, this.ajv.compile(action.input));
    this.actions.set(action.name, action);
  }

  get(name: string): WorkflowAction | undefined {
    return this.actions.get(name);
  }

  names(): string[] {
    return [...this.actions.keys()].sort();
  }

  all(): WorkflowAction[] {
    return this.names().map((name) => this.actions.get(name) as WorkflowAction);
  }

  /** Validates evaluated inputs (run time). */
  validate(name: string, input: unknown): InputProblem[] {
    const validate = this.validators.get(name);
    if (!validate || validate(input)) return [];
    return (validate.errors ?? []).map(toProblem);
  }

  /**
   * Validates inputs at load time: values holding `${{ … }}` are only known at run time, so errors
   * about them (and about the objects that contain them) are left for the run.
   */
  validateStatic(name: string, input: unknown, isDynamic: (path: string[]) => boolean): InputProblem[] {
    return this.validate(name, input).filter((problem) => !isDynamic(problem.path));
  }
}

function toProblem(error: ErrorObject): InputProblem {
  const path = error.instancePath.split('/').filter(Boolean).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') return { path, message: `"${String(error.params.missingProperty)}" is required` };
  if (error.keyword === 'additionalProperties') return { path: [...path, String(error.params.additionalProperty)], message: `"${String(error.params.additionalProperty)}" is not an input of this action` };
  if (error.keyword === 'enum') return { path, message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  return { path, message: error.message ?? 'is invalid' };
}
