import { OptionalProps, types } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../core/database/ids';
import type { RunError } from './workflow-run.entity';

export type StepStatus = 'pending' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';
export const DONE_STEP_STATUSES: ReadonlySet<StepStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);

export interface StepAttempt {
  attempt: number;
  startedAt: string;
  finishedAt?: string;
  outcome: 'succeeded' | 'failed' | 'suspended' | 'interrupted';
  error?: RunError;
  durationMs?: number;
}

/**
 * One step of a run. `state` holds progress an attempt saved before finishing (a line id as soon
 * as the panel returned it, generated credentials), with secret values sealed; `leaseUntil` keeps
 * a second executor off a step that is being executed.
 */
@Entity({ tableName: 'hub_workflow_step' })
@Index({ properties: ['runId', 'position'] })
export class WorkflowStep {
  [OptionalProps]?: 'id' | 'status' | 'attempts' | 'attemptLog' | 'input' | 'output' | 'state' | 'error' | 'nextAttemptAt' | 'leaseUntil' | 'startedAt' | 'finishedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 36 })
  runId: string;

  @Property({ type: 'string', length: 64 })
  stepId: string;

  @Property({ type: 'string', length: 16 })
  phase: 'main' | 'on_failure';

  /** Order within the run (main steps first, then on_failure steps). */
  @Property({ type: 'integer' })
  position: number;

  @Property({ type: 'string', length: 100 })
  uses: string;

  @Property({ type: 'string', length: 16 })
  status: StepStatus = 'pending';

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Evaluated inputs of the last attempt (secrets redacted). */
  @Property({ type: 'json', nullable: true })
  input?: Record<string, unknown> | null;

  /** Output; values of secret-looking keys are sealed. */
  @Property({ type: 'json', nullable: true })
  output?: unknown;

  @Property({ type: 'json', nullable: true })
  state?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  error?: RunError | null;

  @Property({ type: 'json' })
  attemptLog: StepAttempt[] = [];

  @Property({ type: types.datetime, nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  leaseUntil?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  startedAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  finishedAt?: Date | null;
}

/** Held by the run that owns a concurrency key; runs with the same key queue behind it. */
@Entity({ tableName: 'hub_workflow_lock' })
export class WorkflowLock {
  [OptionalProps]?: 'acquiredAt';

  @PrimaryKey({ type: 'string', length: 300 })
  key: string;

  @Property({ type: 'string', length: 36 })
  runId: string;

  @Property({ type: types.datetime })
  acquiredAt: Date = new Date();
}
