import type { ActionContext, WorkflowAction } from '../actions/action.types';
import type { NewEvent } from '../../core/events/events.service';
import type { CompiledStep } from '../schema/compiled-workflow';
import type { runExpressionContext } from './run-context';
import type { StepAttempt, WorkflowStep } from './workflow-step.entity';

export type Prepared = Awaited<ReturnType<NonNullable<WorkflowAction['prepare']>>> | undefined;

/** One attempt of a step, planned: its action, evaluated inputs and the context the action gets. */
export interface Attempt {
  step: WorkflowStep;
  definition: CompiledStep;
  action: WorkflowAction;
  attempt: number;
  context: ReturnType<typeof runExpressionContext>;
  input: Record<string, unknown>;
  pending: NewEvent[];
  startedAt: Date;
  previous: StepAttempt[];
  base: Omit<ActionContext, 'saveState' | 'signal' | 'em' | 'emit' | 'prepared'>;
}

/**
 * A step started inside another commit (a database-only step's, or the one of the event that
 * triggered the run), to be performed at once: the start values of its row are in `start`.
 */
export interface Started {
  attempt: Attempt;
  prepared: Prepared;
  start: Partial<WorkflowStep>;
}
