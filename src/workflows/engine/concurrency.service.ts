import { EntityManager, MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { WorkflowLock } from './workflow-step.entity';
import { WorkflowRun } from './workflow-run.entity';

/** A lock's key is the workflow's id and the run's key, cut to the column's length (the reaper builds it the same way in SQL). */
export const LOCK_KEY_LENGTH = 300;

/**
 * `concurrency.key`: runs of a workflow with the same key never overlap. A run takes the key's
 * lock row when it is the oldest queued run for the key; later runs stay queued (never dropped)
 * and the holder wakes the next one when it finishes. Keys are scoped per workflow.
 */
@Injectable()
export class ConcurrencyService {
  constructor(private readonly orm: MikroORM) {}

  lockKey(run: Pick<WorkflowRun, 'workflowId' | 'concurrencyKey'>): string | null {
    return run.concurrencyKey ? `${run.workflowId}:${run.concurrencyKey}`.slice(0, LOCK_KEY_LENGTH) : null;
  }

  /** True when the run may go: it has no key, already holds the lock, or just took it. */
  async acquire(run: WorkflowRun): Promise<boolean> {
    const key = this.lockKey(run);
    if (!key) return true;
    const em = this.orm.em.fork();
    const holder = await em.findOne(WorkflowLock, { key });
    if (holder?.runId === run.id) return true;
    if (holder) {
      const owner = await em.findOne(WorkflowRun, { id: holder.runId }, { fields: ['status'] });
      // A lock left by a run that ended without releasing it (crash between commit and release) is stale.
      if (owner && !['succeeded', 'failed', 'cancelled'].includes(owner.status)) return false;
      await em.nativeDelete(WorkflowLock, { key, runId: holder.runId });
    }
    const [oldest] = await em.find(WorkflowRun, { workflowId: run.workflowId, concurrencyKey: run.concurrencyKey, status: 'queued' }, { orderBy: { id: 'asc' }, limit: 1, fields: ['id'] });
    if (oldest && oldest.id !== run.id) return false;
    try {
      await em.insert(WorkflowLock, { key, runId: run.id, acquiredAt: new Date() });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  /** Inside the run's final transaction. */
  async release(em: EntityManager, run: WorkflowRun): Promise<void> {
    const key = this.lockKey(run);
    if (key) await em.nativeDelete(WorkflowLock, { key, runId: run.id });
  }

  /** The queued run that should go next for the key of `run`, if any. */
  async next(run: WorkflowRun): Promise<WorkflowRun | null> {
    if (!run.concurrencyKey) return null;
    const [next] = await this.orm.em.fork().find(WorkflowRun, { workflowId: run.workflowId, concurrencyKey: run.concurrencyKey, status: 'queued' }, { orderBy: { id: 'asc' }, limit: 1 });
    return next ?? null;
  }
}
