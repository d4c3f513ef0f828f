import { EntityManager, MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../core/audit/audit.service';
import { hubContext } from '../../core/context/request-context';
import { insertRows } from '../../core/database/raw-rows';
import { EnqueueOptions, JobQueue } from '../../core/jobs/job-queue';
import { ExpressionError } from '../expressions/expression';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../workflow-config';
import type { CompiledWorkflow } from '../schema/compiled-workflow';
import { allowedEnv } from './run-context';
import type { Started } from './step-attempt';
import { RunTrigger, WorkflowRun } from './workflow-run.entity';
import { WorkflowStep } from './workflow-step.entity';

export const ADVANCE_JOB = 'workflow.advance';

/** An advance job: which run, and for a timer, the time it was set for (ms). */
export interface AdvanceJob {
  runId: string;
  wakeAt?: number;
}

export interface WriteRunOptions {
  /** Changes the run and its steps in memory before their rows are written (the first steps done in the trigger's transaction: `RunExecutor.startInline`). */
  beforeInsert?: (steps: WorkflowStep[]) => Promise<void>;
  /** No run can have the trigger key yet (an event's first delivery): the run's row may travel with the transaction's next statement. */
  triggerKeyIsNew?: boolean;
}

/** A run just written, for its first advance in this process: its rows, and the step its commit started, if any. */
export interface LaunchedRun {
  run: WorkflowRun;
  steps: WorkflowStep[];
  started?: Started;
}

export interface StartRequest {
  workflowId: string;
  revision: number;
  revisionId: string;
  compiled: CompiledWorkflow;
  trigger: RunTrigger;
  event: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  /** Same key twice → one run (the second call returns the first run). */
  triggerKey?: string | null;
  parentRunId?: string | null;
  idempotencyRoot?: string | null;
  correlationId?: string;
}

/**
 * Creates runs durably: the run and all its step rows commit in one transaction (their own, or
 * the one of the event that triggers them), and only then does the run start (in process, or as
 * a job). If the process dies in between, the reaper finds the run and kicks it.
 */
@Injectable()
export class RunStarter {
  private readonly logger = new Logger('WorkflowRuns');
  private readonly launched = new Map<string, LaunchedRun>();

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  async start(request: StartRequest): Promise<{ run: WorkflowRun; created: boolean }> {
    const run = this.build(request);
    let steps: WorkflowStep[];
    try {
      steps = await this.orm.em.fork().transactional((tx) => this.write(tx, run, request.compiled));
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || !request.triggerKey) throw error;
      const existing = await this.orm.em.fork().findOneOrFail(WorkflowRun, { triggerKey: request.triggerKey });
      // The first delivery may have died before enqueueing: kicking again is deduplicated by job id.
      if (existing.version === 0) await this.kick(existing);
      return { run: existing, created: false };
    }
    this.launch(run, steps);
    return { run, created: true };
  }

  /** The new run (not yet written). Throws an ExpressionError when its concurrency key cannot be evaluated. */
  build(request: StartRequest): WorkflowRun {
    const { compiled } = request;
    const inputs = request.inputs ?? {};
    const concurrencyKey = compiled.concurrencyKey ? this.key(compiled, request.event, inputs) : null;
    // JSON columns as the row holds them (the first advance may take the run from `launch`, unread).
    return Object.assign(new WorkflowRun(), {
      workflowId: request.workflowId,
      revision: request.revision,
      revisionId: request.revisionId,
      trigger: asStored(request.trigger),
      triggerKey: request.triggerKey ?? null,
      event: asStored(request.event),
      inputs: asStored(inputs),
      concurrencyKey,
      subscriptionId: subscriptionOf(request.event, inputs),
      correlationId: request.correlationId ?? hubContext.correlationId(),
      parentRunId: request.parentRunId ?? null,
      idempotencyRoot: request.idempotencyRoot ?? null,
    });
  }

  /**
   * Writes the run, its step rows and its audit entry in the transaction of `tx`; `launch` them
   * once that has committed.
   */
  async write(tx: EntityManager, run: WorkflowRun, compiled: CompiledWorkflow, options: WriteRunOptions = {}): Promise<WorkflowStep[]> {
    const steps = [...compiled.steps, ...compiled.onFailure].map((step, position) =>
      Object.assign(new WorkflowStep(), { runId: run.id, stepId: step.id, phase: step.phase, position, uses: step.definition.uses }),
    );
    await this.audit.record(
      { action: 'workflow.run.create', target: { type: 'workflow_run', id: run.id }, details: { workflowId: run.workflowId, revision: run.revision, trigger: run.trigger, subscriptionId: run.subscriptionId, concurrencyKey: run.concurrencyKey } },
      tx,
    );
    await options.beforeInsert?.(steps);
    // New rows written whole: raw inserts, no unit of work (this is on every run's path). Step
    // rows are new ids and cannot clash: they travel with the transaction's next statement.
    await insertRows(tx, WorkflowRun, [run], { deferred: options.triggerKeyIsNew === true });
    await insertRows(tx, WorkflowStep, steps, { deferred: true });
    return steps;
  }

  /**
   * The first advance of a new run starts in this process when it runs jobs, without waiting for
   * it (a caller such as `POST /workflows/{id}/run` must not wait for the run); otherwise it is a
   * job. The committed run row is the durable record: if this process dies first, the reaper kicks it.
   * The rows in hand go to that first advance here (`takeLaunched`), which need not read them back.
   * A run whose step was `started` in the commit is advanced here at once (`runNow`): that step is
   * under a lease no other process may break.
   */
  launch(run: WorkflowRun, steps: WorkflowStep[], started?: Started | null): void {
    this.launched.set(run.id, { run, steps, started: started ?? undefined });
    const options = this.advanceOptions(run, 'go');
    void (started ? this.jobs.runNow(ADVANCE_JOB, { runId: run.id }, options) : this.jobs.runOrEnqueue(ADVANCE_JOB, { runId: run.id }, options))
      .catch((error: unknown) => this.logger.warn({ err: error, runId: run.id }, 'Starting a run failed; the reaper will kick it'))
      .finally(() => this.launched.delete(run.id));
  }

  /**
   * The run and steps `launch` wrote, for the first advance in this process (once; later advances
   * read the rows). Its commits are fenced by the run's version like any other, so a run changed
   * meanwhile (cancelled) is not advanced from these copies.
   */
  takeLaunched(runId: string): LaunchedRun | undefined {
    const launched = this.launched.get(runId);
    this.launched.delete(runId);
    return launched;
  }

  /**
   * Enqueues an advance of the run; the job id makes repeated kicks of the same state one job. A
   * timer (`wakeAt`) travels in the job so that the executor it wakes can tell an early wake.
   */
  async kick(run: Pick<WorkflowRun, 'id' | 'version' | 'correlationId'>, options: { delayMs?: number; tag?: string; wakeAt?: number } = {}): Promise<void> {
    const data: AdvanceJob = options.wakeAt === undefined ? { runId: run.id } : { runId: run.id, wakeAt: options.wakeAt };
    await this.jobs.enqueue(ADVANCE_JOB, data, { ...this.advanceOptions(run, options.tag ?? 'go'), delayMs: options.delayMs });
  }

  private advanceOptions(run: Pick<WorkflowRun, 'id' | 'version' | 'correlationId'>, tag: string): EnqueueOptions {
    return { jobId: `wf:${run.id}:${run.version}:${tag}`, correlationId: run.correlationId, attempts: 20, backoffMs: 500 };
  }

  private key(compiled: CompiledWorkflow, event: Record<string, unknown>, inputs: Record<string, unknown>): string {
    const expression = compiled.concurrencyKey;
    if (!expression) return '';
    const value = expression.evaluate({ event, inputs, vars: compiled.definition.vars ?? {}, env: allowedEnv(this.config), steps: {}, run: {} });
    if (value === null || value === undefined || value === '') throw new ExpressionError(`concurrency.key evaluated to an empty value`, expression.source);
    return String(value).slice(0, 250);
  }
}

/** The subscription a run is about: from the event's subscription, or an input named subscription(Id). */
export function subscriptionOf(event: Record<string, unknown>, inputs: Record<string, unknown>): string | null {
  const candidates = [(event.subscription as { id?: unknown } | null | undefined)?.id, event.subscriptionId, inputs.subscriptionId, inputs.subscription];
  const found = candidates.find((value) => typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value));
  return (found as string | undefined) ?? null;
}

function asStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
