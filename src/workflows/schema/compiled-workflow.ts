import type { Expression, Template } from '../expressions/expression';
import type { StepDefinition, WorkflowDefinition } from './definition.types';

export interface CompiledStep {
  id: string;
  phase: 'main' | 'on_failure';
  index: number;
  definition: StepDefinition;
  with: Template;
  condition: Expression | null;
  outputs: Template | null;
  timeoutMs: number | null;
}

/** A validated definition with every expression compiled once; shared by all runs of a revision. */
export interface CompiledWorkflow {
  definition: WorkflowDefinition;
  trigger: { events: string[]; condition: Expression | null; schedule: string | null; webhook: string | null; manual: boolean };
  concurrencyKey: Expression | null;
  steps: CompiledStep[];
  onFailure: CompiledStep[];
}

export interface DefinitionProblem {
  file: string;
  line: number;
  column: number;
  /** Path inside the document, e.g. steps.0.with.panel. */
  path: string;
  message: string;
  /** schema | yaml | unknown-action | input | step-ref | expression | duplicate | trigger */
  kind: string;
}

export function formatProblem(problem: DefinitionProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}${problem.path ? ` (at ${problem.path})` : ''}`;
}
