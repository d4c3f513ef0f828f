import { OptionalProps, types } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../core/database/ids';

export const RUN_STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const TERMINAL_RUN_STATUSES: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled']);

export interface RunError {
  code: string;
  message: string;
  hint?: string;
  stepId?: string;
  retryable?: boolean;
}

export interface RunTrigger {
  type: 'event' | 'schedule' | 'webhook' | 'manual' | 'retry' | 'replay';
  eventId?: string;
  eventType?: string;
  firedAt?: string;
  hook?: string;
  actor?: string;
  reason?: string;
}

/**
 * A run of one revision of a workflow. Written, with all its step rows, before any job is
 * enqueued; `version` fences concurrent executors (a stale one cannot commit).
 */
@Entity({ tableName: 'hub_workflow_run' })
@Index({ properties: ['workflowId', 'id'] })
@Index({ properties: ['status', 'updatedAt'] })
@Index({ properties: ['subscriptionId'] })
@Index({ properties: ['correlationId'] })
@Index({ properties: ['concurrencyKey', 'status'] })
@Unique({ properties: ['triggerKey'] })
export class WorkflowRun {
  [OptionalProps]?: 'id' | 'status' | 'phase' | 'version' | 'createdAt' | 'updatedAt' | 'triggerKey' | 'concurrencyKey' | 'subscriptionId' | 'error' | 'parentRunId' | 'idempotencyRoot' | 'wakeAt' | 'startedAt' | 'finishedAt';

  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 100 })
  workflowId: string;

  @Property({ type: 'integer' })
  revision: number;

  @Property({ type: 'string', length: 36 })
  revisionId: string;

  @Property({ type: 'string', length: 16 })
  status: RunStatus = 'queued';

  /** Which list of steps is running: the steps, or on_failure after a step failed. */
  @Property({ type: 'string', length: 16 })
  phase: 'main' | 'on_failure' = 'main';

  @Property({ type: 'json' })
  trigger: RunTrigger;

  /** Deduplicates triggers: the same event (or schedule tick, or hook delivery) starts one run. */
  @Property({ type: 'string', length: 300, nullable: true })
  triggerKey?: string | null;

  /** The triggering event (payload plus id/type), or the manual/webhook inputs. */
  @Property({ type: 'json' })
  event: Record<string, unknown>;

  @Property({ type: 'json' })
  inputs: Record<string, unknown>;

  @Property({ type: 'string', length: 300, nullable: true })
  concurrencyKey?: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  subscriptionId?: string | null;

  @Property({ type: 'string', length: 128 })
  correlationId: string;

  @Property({ type: 'json', nullable: true })
  error?: RunError | null;

  /** The run this one replays. */
  @Property({ type: 'string', length: 36, nullable: true })
  parentRunId?: string | null;

  /**
   * The run whose id scopes idempotency keys (run id + step id): a replay uses its original's, so
   * replaying a purchase finds the line the original created instead of creating another.
   */
  @Property({ type: 'string', length: 36, nullable: true })
  idempotencyRoot?: string | null;

  @Property({ type: 'integer' })
  version: number = 0;

  /** When the run should next make progress (a retry or a timer); the reaper watches it. */
  @Property({ type: types.datetime, nullable: true })
  wakeAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  startedAt?: Date | null;

  @Property({ type: types.datetime, nullable: true })
  finishedAt?: Date | null;

  @Property({ type: types.datetime })
  createdAt: Date = new Date();

  @Property({ type: types.datetime })
  updatedAt: Date = new Date();
}
