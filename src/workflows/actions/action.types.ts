import type { EntityManager } from '@mikro-orm/core';
import type { Emit, NewEvent } from '../../core/events/events.service';

/** JSON Schema of an action's input or output (draft-07 subset understood by ajv). */
export type JsonSchema = Record<string, unknown>;

export interface ActionContext {
  runId: string;
  workflowId: string;
  stepId: string;
  attempt: number;
  /** run id + step id: stable across attempts and redeliveries, passed to panels to make creates idempotent. */
  idempotencyKey: string;
  /** The subscription the run is about, when there is one. */
  subscriptionId: string | null;
  /** Progress saved by an earlier attempt of this step (line id as soon as known, generated credentials…). */
  state: Record<string, unknown>;
  /** Commits progress at once, so a crash after an external effect does not forget it. Values of secret-looking keys are sealed. */
  saveState(patch: Record<string, unknown>): Promise<void>;
  /** What the action's `prepare` returned as `value` in this attempt (absent without `prepare`). */
  prepared?: unknown;
  /** Events committed together with the step's result. */
  emitOnCommit(event: NewEvent): void;
  /** Transactional actions only: the unit of work that also commits the step. */
  em?: EntityManager;
  emit?: Emit;
  /** Aborted when the step's timeout elapses. */
  signal: AbortSignal;
  timeScale: number;
}

/**
 * What `prepare` gets. `em` is set when the step's start joins the commit of the database-only
 * step before it: read in that transaction (another connection may wait for it to end).
 */
export type PrepareContext = Pick<ActionContext, 'runId' | 'workflowId' | 'stepId' | 'attempt' | 'idempotencyKey' | 'subscriptionId' | 'state' | 'timeScale' | 'em'>;

/** Thrown by an action to pause the step until a time (a durable timer); the step resumes then. */
export class SuspendStep extends Error {
  constructor(
    readonly until: Date,
    /** Progress to keep while suspended (e.g. the timer's end). */
    readonly state?: Record<string, unknown>,
  ) {
    super(`suspended until ${until.toISOString()}`);
    this.name = 'SuspendStep';
  }
}

/** A failure with the normalised shape the engine records: a code, whether to retry, and the fix. */
export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable = false,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

export interface WorkflowAction<Input = any, Output = unknown> {
  /** `namespace.name`, e.g. `panel.createLine`. */
  name: string;
  description: string;
  input: JsonSchema;
  output?: JsonSchema;
  /** The plugin that contributed the action (absent for the hub's own actions). */
  plugin?: string;
  /** Runs inside the transaction that commits the step (database-only actions): effect and step commit together. */
  transactional?: boolean;
  /** Default retry policy when the step gives none (panel calls: a few attempts; database actions: none). */
  defaultRetry?: { attempts: number; backoff: string[] };
  /**
   * Optional, for actions that are not transactional: work before the step's start is committed,
   * such as reads and the progress the attempt must commit before its first effect outside the
   * database. `state` joins the step's state in the start commit (where `saveState` would cost a
   * transaction of its own); `value` reaches `run` as `ctx.prepared`. A failure here fails the
   * attempt like a failure of `run`.
   */
  prepare?(input: Input, ctx: PrepareContext): Promise<{ state?: Record<string, unknown>; value?: unknown }>;
  run(input: Input, ctx: ActionContext): Promise<Output>;
  /** What the action would do, without side effects (dry runs). Returns a plausible output. */
  dryRun(input: Input, ctx: Pick<ActionContext, 'runId' | 'workflowId' | 'stepId' | 'idempotencyKey'>): Promise<{ wouldDo: string; output: Output }>;
}
