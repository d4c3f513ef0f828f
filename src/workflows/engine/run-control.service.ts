import { FilterQuery, MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../../core/audit/audit.service';
import { ConflictError, NotFoundError } from '../../core/common/errors';
import { decodeCursor, Page, pageOf } from '../../core/common/pagination';
import { hubContext } from '../../core/context/request-context';
import { selectListOf, selectRows } from '../../core/database/raw-rows';
import { HubScheduler } from '../../core/scheduler/scheduler.service';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../workflow-config';
import { ConcurrencyService, LOCK_KEY_LENGTH } from './concurrency.service';
import { DefinitionsService } from './definitions.service';
import { RunFinisher } from './run-finisher.service';
import { RunStarter } from './run-starter.service';
import { TERMINAL_RUN_STATUSES, WorkflowRun } from './workflow-run.entity';
import { WorkflowStep } from './workflow-step.entity';

const REAP_BATCH = 200;

/**
 * Operator controls over runs (retry from the failed step, replay from the start on the same or
 * the latest revision, cancel), each audited with a reason; and the reaper that re-kicks runs
 * whose job was lost (a process died between a commit and an enqueue).
 */
@Injectable()
export class RunControlService implements OnModuleInit {
  private readonly logger = new Logger('WorkflowRuns');

  constructor(
    private readonly orm: MikroORM,
    private readonly audit: AuditService,
    private readonly starter: RunStarter,
    private readonly definitions: DefinitionsService,
    private readonly locks: ConcurrencyService,
    private readonly finisher: RunFinisher,
    private readonly scheduler: HubScheduler,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.every('workflows.reaper', this.config.reapIntervalMs, async () => {
      const kicked = await this.reap();
      if (kicked > 0) this.logger.warn(`Re-kicked ${kicked} stalled workflow run(s)`);
    });
  }

  async get(id: string): Promise<{ run: WorkflowRun; steps: WorkflowStep[] }> {
    const em = this.orm.em.fork();
    const run = await em.findOne(WorkflowRun, { id });
    if (!run) throw new NotFoundError('Run', id);
    const steps = await em.find(WorkflowStep, { runId: id }, { orderBy: { position: 'asc' } });
    return { run, steps };
  }

  async list(filter: { workflowId?: string; status?: WorkflowRun['status']; subscriptionId?: string; correlationId?: string; cursor?: string }, limit: number): Promise<Page<WorkflowRun>> {
    const where: FilterQuery<WorkflowRun> = { workflowId: filter.workflowId, status: filter.status, subscriptionId: filter.subscriptionId, correlationId: filter.correlationId };
    const before = decodeCursor(filter.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.orm.em.fork().find(WorkflowRun, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return pageOf(rows, limit, (row) => row);
  }

  /** Resumes a failed run at its failed step (attempts start again); on_failure steps reset too. */
  async retry(id: string, reason: string): Promise<WorkflowRun> {
    const { run, steps } = await this.get(id);
    if (run.status !== 'failed') throw new ConflictError('RUN_NOT_FAILED', `Only failed runs can be retried (this one is ${run.status})`);
    const em = this.orm.em.fork();
    await em.transactional(async (tx) => {
      const updated = await tx.nativeUpdate(WorkflowRun, { id, version: run.version }, { status: 'queued', phase: 'main', error: null, finishedAt: null, wakeAt: null, version: run.version + 1, updatedAt: new Date() });
      if (updated === 0) throw new ConflictError('RUN_CHANGED', 'The run changed meanwhile; reload it and try again');
      // From the failed step on: it and the steps after it (skipped when the run failed) run again.
      const failedAt = steps.findIndex((step) => step.phase === 'main' && step.stepId === run.error?.stepId);
      const resetIds = steps.filter((step, index) => step.phase === 'on_failure' || (failedAt >= 0 && step.phase === 'main' && index >= failedAt)).map((step) => step.id);
      if (resetIds.length) await tx.nativeUpdate(WorkflowStep, { id: { $in: resetIds } }, { status: 'pending', attempts: 0, error: null, nextAttemptAt: null, leaseUntil: null, finishedAt: null });
      await this.audit.record({ action: 'workflow.run.retry', target: { type: 'workflow_run', id }, details: { reason, failedStep: run.error?.stepId ?? null, workflowId: run.workflowId, revision: run.revision } }, tx);
    });
    run.version += 1;
    await this.starter.kick(run, { tag: `retry-${Date.now()}` });
    return (await this.get(id)).run;
  }

  /** A new run with the same trigger data, from the start, on the run's revision or the latest. */
  async replay(id: string, reason: string, revision: 'same' | 'latest'): Promise<WorkflowRun> {
    const { run } = await this.get(id);
    // A replay shares its original's idempotency keys: two runs of one origin at once would send the same panel operations side by side.
    if (!TERMINAL_RUN_STATUSES.has(run.status)) throw new ConflictError('RUN_NOT_FINISHED', `Only a finished run can be replayed (this one is ${run.status}); wait for it or cancel it first`);
    const root = run.idempotencyRoot ?? run.id;
    const [unfinished] = await this.orm.em.fork().find(WorkflowRun, { $or: [{ id: root }, { idempotencyRoot: root }], status: { $in: ['queued', 'running', 'waiting'] } }, { fields: ['id', 'status'], limit: 1 });
    if (unfinished) throw new ConflictError('REPLAY_IN_PROGRESS', `Run ${unfinished.id}, of the same origin, has not finished (${unfinished.status}); wait for it or cancel it first`);
    const loaded = revision === 'latest' ? await this.definitions.getLoaded(run.workflowId) : null;
    const compiled = loaded ? loaded.compiled : await this.definitions.compiledRevision(run.revisionId);
    const revisionRow = loaded ? loaded.revision : await this.definitions.revisionRow(run.revisionId);
    const { run: replay } = await this.starter.start({
      workflowId: run.workflowId,
      revision: revisionRow.revision,
      revisionId: revisionRow.id,
      compiled,
      trigger: { ...run.trigger, type: 'replay', reason, actor: hubContext.actor().id },
      event: run.event,
      inputs: run.inputs,
      parentRunId: run.id,
      idempotencyRoot: run.idempotencyRoot ?? run.id,
    });
    await this.audit.record({ action: 'workflow.run.replay', target: { type: 'workflow_run', id }, details: { reason, replayRunId: replay.id, revision: revisionRow.revision } });
    return replay;
  }

  async cancel(id: string, reason: string): Promise<WorkflowRun> {
    // An executor may commit between our read and our write: read again a few times.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.cancelOnce(id, reason);
      } catch (error) {
        if (!(error instanceof ConflictError && error.code === 'RUN_CHANGED') || attempt >= 5) throw error;
      }
    }
  }

  private async cancelOnce(id: string, reason: string): Promise<WorkflowRun> {
    const { run, steps } = await this.get(id);
    if (TERMINAL_RUN_STATUSES.has(run.status)) throw new ConflictError('RUN_FINISHED', `The run already ${run.status}`);
    const em = this.orm.em.fork();
    const now = new Date();
    await em.transactional(async (tx) => {
      // The version bump fences out an executor that is mid-step: its commit will fail.
      const updated = await tx.nativeUpdate(WorkflowRun, { id, version: run.version }, { status: 'cancelled', finishedAt: now, wakeAt: null, version: run.version + 1, updatedAt: now, error: { code: 'CANCELLED', message: reason } });
      if (updated === 0) throw new ConflictError('RUN_CHANGED', 'The run changed meanwhile; try again');
      await tx.nativeUpdate(WorkflowStep, { runId: id, status: { $in: ['pending', 'waiting', 'running'] } }, { status: 'cancelled', finishedAt: now, leaseUntil: null, nextAttemptAt: null });
      await this.locks.release(tx, run);
      await this.audit.record({ action: 'workflow.run.cancel', target: { type: 'workflow_run', id }, details: { reason, workflowId: run.workflowId, previousStatus: run.status } }, tx);
    });
    // A step of the cancelled run may have a panel call on its way, under a live lease (it is fenced
    // only at its commit). The next run for the key must not change the same line alongside it
    // (the older change could land last): the executor wakes it when its commit is refused
    // (`RunExecutor.advance`), or, if that process is gone, the reaper does.
    const callInFlight = steps.some((step) => step.status === 'running' && step.leaseUntil && step.leaseUntil.getTime() > now.getTime());
    if (!callInFlight) await this.finisher.afterCommit(run);
    return (await this.get(id)).run;
  }

  /**
   * Runs that should be moving but have not changed for a while get a new job (deduplicated per
   * state). A run queued behind a concurrency key whose lock another live run holds is not stalled:
   * it waits, unchanged, for as long as the holder runs (days, for a holder in a `delay`), and the
   * holder wakes it when it ends. Left in, such runs would fill every batch, oldest first, and a
   * run that really lost its job would never be reached. A lock whose holder has ended is stale,
   * and the runs behind it are reaped (taking the lock clears it).
   */
  async reap(now = Date.now()): Promise<number> {
    const staleBefore = new Date(now - this.config.staleAfterMs);
    const em = this.orm.em.fork();
    const live = `('queued', 'running', 'waiting')`;
    const stalled = await selectRows<WorkflowRun>(
      em,
      WorkflowRun,
      `select ${selectListOf(em, WorkflowRun, 'r')} from hub_workflow_run r
       where r.status in ${live} and r.updated_at < ? and (r.wake_at is null or r.wake_at < ?)
         and not (r.status = 'queued' and r.concurrency_key is not null and exists (
           select 1 from hub_workflow_lock l join hub_workflow_run h on h.id = l.run_id
           where l."key" = substr(r.workflow_id || ':' || r.concurrency_key, 1, ${LOCK_KEY_LENGTH}) and l.run_id <> r.id and h.status in ${live}))
       order by r.updated_at limit ${REAP_BATCH}`,
      [staleBefore, staleBefore],
    );
    const bucket = Math.floor(now / this.config.staleAfterMs);
    for (const { entity: run } of stalled) if (run) await this.starter.kick(run, { tag: `reap-${bucket}` });
    return stalled.length;
  }
}
