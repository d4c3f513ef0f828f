import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../core/audit/audit.service';
import { NotFoundError } from '../../core/common/errors';
import { updateRow } from '../../core/database/raw-rows';
import { Emit } from '../../core/events/events.service';
import { SubscriptionsService } from '../../core/subscriptions/subscriptions.service';
import { ConcurrencyService } from './concurrency.service';
import { REVISION_INVALID } from './errors';
import { RunStarter } from './run-starter.service';
import { WorkflowRun } from './workflow-run.entity';
import { WorkflowStep } from './workflow-step.entity';

export interface FinishPlan {
  failed: boolean;
  status: 'succeeded' | 'failed';
  finishedAt: Date;
  failedStep: WorkflowStep | undefined;
  patch: Partial<WorkflowRun>;
}

type Commit = (patch: Partial<WorkflowRun>, work: (em: EntityManager, emit: Emit) => Promise<void>) => Promise<unknown>;

/**
 * The end of a run, in one transaction: its status, leftover steps skipped, the concurrency lock
 * released, the subscription flagged for review (or its review cleared after a successful retry),
 * the audit entry and `workflow.run.succeeded|failed`. Then the next queued run for the key goes.
 */
@Injectable()
export class RunFinisher {
  private readonly logger = new Logger('WorkflowRuns');

  constructor(
    private readonly audit: AuditService,
    private readonly subscriptions: SubscriptionsService,
    private readonly locks: ConcurrencyService,
    private readonly starter: RunStarter,
  ) {}

  async finish(run: WorkflowRun, steps: WorkflowStep[], commit: Commit): Promise<void> {
    const plan = this.plan(run, steps);
    await commit(plan.patch, (em, emit) => this.write(em, emit, run, steps, plan));
    await this.afterCommit(run);
  }

  /** How the run ends: its status and the run columns that say so. */
  plan(run: WorkflowRun, steps: WorkflowStep[]): FinishPlan {
    const failed = run.phase === 'on_failure' || Boolean(run.error);
    const status = failed ? 'failed' : 'succeeded';
    const finishedAt = new Date();
    const failedStep = failed ? steps.find((step) => step.status === 'failed' && step.phase === 'main') : undefined;
    return { failed, status, finishedAt, failedStep, patch: { status, finishedAt, wakeAt: null } };
  }

  /** Everything the end of the run writes besides the run's own columns (`plan.patch`), in the caller's transaction. */
  async write(em: EntityManager, emit: Emit, run: WorkflowRun, steps: WorkflowStep[], plan: FinishPlan): Promise<void> {
    const { failed, status, finishedAt, failedStep } = plan;
    const leftovers = steps.filter((step) => step.status === 'pending' || step.status === 'waiting' || step.status === 'running');
    if (leftovers.length > 0) await updateRow<WorkflowStep>(em, WorkflowStep, { id: leftovers.map((step) => step.id) }, { status: 'skipped', finishedAt }, { deferred: true });
    for (const step of leftovers) Object.assign(step, { status: 'skipped', finishedAt });
    await this.locks.release(em, run);
    if (run.subscriptionId) await this.reviewSubscription(em, emit, run, failed, failedStep);
    const durationMs = run.startedAt ? finishedAt.getTime() - run.startedAt.getTime() : null;
    await this.audit.record(
      { action: `workflow.run.${status}`, outcome: failed ? 'failure' : 'success', target: { type: 'workflow_run', id: run.id }, details: { workflowId: run.workflowId, revision: run.revision, subscriptionId: run.subscriptionId, durationMs, error: run.error ?? undefined } },
      em,
    );
    emit({
      type: `workflow.run.${status}`,
      payload: {
        runId: run.id,
        workflowId: run.workflowId,
        revision: run.revision,
        version: run.revision,
        status,
        subscriptionId: run.subscriptionId ?? null,
        trigger: run.trigger.type,
        durationMs,
        ...(run.error
          ? { failedStep: run.error.stepId ?? null, error: `${run.error.code}: ${run.error.message}`, errorCode: run.error.code, errorHint: run.error.hint ?? null }
          : {}),
      },
      subject: { type: 'workflow_run', id: run.id },
    });
  }

  /** Once the end has committed: the next queued run with the same concurrency key goes. */
  async afterCommit(run: WorkflowRun): Promise<void> {
    const next = await this.locks.next(run);
    if (next) await this.starter.kick(next, { tag: `after-${run.id}` });
  }

  /**
   * SPEC §6.3: a run that failed on a panel or subscription step leaves the subscription needing
   * review. A later successful retry of that same run puts the subscription back.
   */
  private async reviewSubscription(em: EntityManager, emit: Emit, run: WorkflowRun, failed: boolean, failedStep: WorkflowStep | undefined): Promise<void> {
    const unit = { em, emit };
    const change = { reason: `workflow ${run.workflowId} run ${run.id} ${failed ? 'failed' : 'succeeded'}`, runId: run.id };
    try {
      // A run that cannot go on at all (its revision no longer compiles) leaves its subscription's change undone, whatever step it was at.
      const undone = run.error?.code === REVISION_INVALID || (failedStep !== undefined && /^(panel|subscription)\./.test(failedStep.uses));
      if (failed && undone) {
        await this.subscriptions.flagForReview(unit, run.subscriptionId as string, { workflowId: run.workflowId, stepId: failedStep?.stepId ?? run.error?.stepId ?? null, error: run.error }, change);
      } else if (!failed) {
        const subscription = await this.subscriptions.get(run.subscriptionId as string, em, { product: false });
        if (subscription.status === 'failed' && subscription.reviewReason?.runId === run.id) await this.subscriptions.clearReview(unit, subscription.id, change);
      }
    } catch (error) {
      if (error instanceof NotFoundError) this.logger.warn(`Run ${run.id} refers to subscription ${run.subscriptionId}, which does not exist`);
      else throw error;
    }
  }
}
