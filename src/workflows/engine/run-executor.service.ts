import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditInput, AuditService } from '../../core/audit/audit.service';
import { SecretBox } from '../../core/crypto/secret-box';
import { findRow, findRows, updateRow } from '../../core/database/raw-rows';
import { hubContext, SYSTEM_ACTOR } from '../../core/context/request-context';
import { inSavepoint } from '../../core/database/savepoint';
import { Emit, EmittingTransaction, EventsService, NewEvent } from '../../core/events/events.service';
import { JobQueue } from '../../core/jobs/job-queue';
import { ActionRegistry } from '../actions/action-registry';
import { ActionContext, ActionError, SuspendStep, WorkflowAction } from '../actions/action.types';
import { evaluateCondition, renderTemplate } from '../expressions/expression';
import type { CompiledStep, CompiledWorkflow } from '../schema/compiled-workflow';
import type { RetryDefinition } from '../schema/definition.types';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../workflow-config';
import { ConcurrencyService } from './concurrency.service';
import { DefinitionsService } from './definitions.service';
import { classifyError, databaseFailure, FencedError, isTransientDatabaseError, REVISION_INVALID, RevisionInvalidError, withTimeout } from './errors';
import { DATABASE_RETRY, decideRetry } from './retry-policy';
import { runExpressionContext } from './run-context';
import { RunFinisher } from './run-finisher.service';
import { ADVANCE_JOB, AdvanceJob, RunStarter } from './run-starter.service';
import { redactSealed, sealSecrets, unsealSecrets } from './sealed-values';
import type { Attempt, Prepared, Started } from './step-attempt';
import { RunError, TERMINAL_RUN_STATUSES, WorkflowRun } from './workflow-run.entity';
import { DONE_STEP_STATUSES, StepAttempt, WorkflowStep } from './workflow-step.entity';

type Outcome = 'continue' | 'yield' | 'finished';
type Write = (em: EntityManager, emit: Emit) => Promise<void>;

/**
 * Executes runs step by step on the job queue. One job advances a run as far as it can; it yields
 * (and schedules a delayed job) when a step waits for a retry or a timer. Every state change is a
 * fenced commit: the run's version must still be the one this executor read, so a redelivered
 * job and the original never both commit. Effects are exactly once because every action is
 * idempotent under the step's key (run id + step id) and records external ids as soon as known.
 */
@Injectable()
export class RunExecutor implements OnModuleInit {
  private readonly logger = new Logger('WorkflowRuns');
  /**
   * Writes that wait for the run's next commit: a step that called out (a panel) and succeeded
   * is recorded with whatever the run does next (the next step's start, a database-only step,
   * the end of the run), which is always a commit before any further effect outside the database.
   */
  private readonly deferred = new WeakMap<WorkflowRun, Write[]>();
  /** The timer each run object was woken by (see `sleepUntil`). */
  private readonly wokenFor = new WeakMap<WorkflowRun, number>();

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
    private readonly definitions: DefinitionsService,
    private readonly actions: ActionRegistry,
    private readonly locks: ConcurrencyService,
    private readonly starter: RunStarter,
    private readonly finisher: RunFinisher,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register<AdvanceJob>(ADVANCE_JOB, (job) => this.advance(job.data.runId, job.data.wakeAt));
  }

  /** `wokenFor`: the time of the timer whose job is running this advance, if one is. */
  async advance(runId: string, wokenFor?: number): Promise<void> {
    try {
      await this.advanceUnfenced(runId, wokenFor);
    } catch (error) {
      if (!(error instanceof FencedError)) throw error;
      // Cancelled while this executor performed a step: the next run for its key was left for now (see `RunControlService.cancel`).
      const run = await findRow<WorkflowRun>(this.orm.em.fork(), WorkflowRun, { id: runId });
      if (run?.status === 'cancelled') await this.finisher.afterCommit(run);
    }
  }

  private async advanceUnfenced(runId: string, wokenFor: number | undefined): Promise<void> {
    const em = this.orm.em.fork();
    const launched = this.starter.takeLaunched(runId);
    const run = launched?.run ?? (await findRow<WorkflowRun>(em, WorkflowRun, { id: runId }));
    if (!run || TERMINAL_RUN_STATUSES.has(run.status)) return;
    if (wokenFor !== undefined) this.wokenFor.set(run, wokenFor);
    // A queued run becomes running with its first commit (see `commit`), not a transaction of its own.
    if (run.status === 'queued') {
      if (!(await this.locks.acquire(run))) return;
      run.startedAt ??= new Date();
    }
    const steps = launched?.steps ?? (await findRows<WorkflowStep>(em, WorkflowStep, { runId }, { orderBy: 'position' }));
    let compiled: CompiledWorkflow;
    try {
      compiled = await this.definitions.compiledRevision(run.revisionId);
    } catch (error) {
      if (error instanceof RevisionInvalidError) return this.failOnInvalidRevision(run, steps, error.message);
      throw error;
    }
    // A step started in the commit of the event that triggered the run (`startInline`) goes first.
    if (launched?.started && (await this.performStarted(run, launched.started, compiled)) !== 'continue') return;
    for (let guard = 0; guard < 500; guard++) {
      const current = steps.find((step) => step.phase === run.phase && !DONE_STEP_STATUSES.has(step.status));
      if (!current) {
        await this.finisher.finish(run, steps, (patch, work) => this.commit(run, patch, work));
        return;
      }
      const now = Date.now();
      const wakeAt = current.nextAttemptAt && current.nextAttemptAt.getTime() > now ? current.nextAttemptAt : current.status === 'running' && current.leaseUntil && current.leaseUntil.getTime() > now ? current.leaseUntil : null;
      if (wakeAt) {
        await this.flushDeferred(run);
        return this.sleepUntil(run, wakeAt);
      }
      const definition = definitionOf(compiled, current);
      if (!definition) return this.failOnInvalidRevision(run, steps, `Step ${current.stepId} is not in revision ${run.revision} of ${run.workflowId}`);
      const outcome = await this.executeStep(run, current, definition, steps, compiled);
      if (outcome !== 'continue') return;
    }
    await this.flushDeferred(run);
    // A definition cannot have 500 steps; reaching here means something loops. Let the reaper look again.
    this.logger.error(`Run ${runId} did not settle after 500 step executions`);
  }

  /**
   * A run whose revision no longer compiles (or lacks the step it is at) cannot go on: retried, it
   * would fail the same way forever. It fails at once, at the step it was at, through the usual
   * end (subscription flagged for review, `workflow.run.failed`, the key's next run woken); after
   * the cause is fixed (the plugin installed again), `POST /runs/{id}/retry` resumes it there.
   */
  private async failOnInvalidRevision(run: WorkflowRun, steps: WorkflowStep[], message: string): Promise<void> {
    const current = steps.find((step) => step.phase === run.phase && !DONE_STEP_STATUSES.has(step.status));
    const error: RunError = {
      code: REVISION_INVALID,
      message: message.slice(0, 1000),
      stepId: current?.stepId,
      retryable: false,
      hint: 'The revision this run started with no longer validates against the installed actions (a plugin removed or changed?). Fix the cause, then retry the run (POST /runs/{id}/retry), or replay it on the latest revision.',
    };
    this.logger.error({ runId: run.id, error }, `Run ${run.id} of ${run.workflowId} failed: ${error.message}`);
    const finishedAt = new Date();
    const stepPatch: Partial<WorkflowStep> = { status: 'failed', error, finishedAt, leaseUntil: null, nextAttemptAt: null };
    // In hand before the end is planned: the plan reads the run's error and its failed step.
    if (current) Object.assign(current, stepPatch);
    run.error = error;
    await this.finisher.finish(run, steps, (patch, work) =>
      this.commit(run, { ...patch, error }, async (em, emit) => {
        if (current) {
          await this.updateStep(em, current, stepPatch);
          await this.audit.record({ action: 'workflow.step.failed', outcome: 'failure', target: { type: 'workflow_run', id: run.id }, details: { workflowId: run.workflowId, stepId: current.stepId, uses: current.uses, attempt: current.attempts, error } }, em);
        }
        await work(em, emit);
      }),
    );
  }

  private async executeStep(run: WorkflowRun, step: WorkflowStep, definition: CompiledStep, steps: WorkflowStep[], compiled: CompiledWorkflow): Promise<Outcome> {
    const planned = this.plan(run, step, definition, steps, compiled);
    if (planned === 'skip') {
      await this.commit(run, {}, (em) => this.updateStep(em, step, { status: 'skipped', finishedAt: new Date() }));
      return 'continue';
    }
    if (!('action' in planned)) return this.failAttempt(run, step, definition, compiled, step.attempts + 1, planned.error, [], null);
    let started: Pick<Started, 'attempt' | 'prepared'>;
    try {
      if (planned.action.transactional) {
        const outcome = await this.runTransactional(run, planned, steps, compiled);
        if (typeof outcome === 'string') return outcome;
        started = outcome;
      } else {
        const prepared = planned.action.prepare ? await planned.action.prepare(planned.input, planned.base) : undefined;
        const start = this.startPatch(planned, prepared);
        await this.commit(run, { status: 'running', wakeAt: null }, (em) => this.updateStep(em, step, start));
        started = { attempt: planned, prepared };
      }
    } catch (error) {
      return this.attemptFailed(run, planned, compiled, error);
    }
    return this.performStarted(run, started, compiled);
  }

  private async performStarted(run: WorkflowRun, started: Pick<Started, 'attempt' | 'prepared'>, compiled: CompiledWorkflow): Promise<Outcome> {
    try {
      return await this.perform(run, started.attempt, started.prepared);
    } catch (error) {
      return this.attemptFailed(run, started.attempt, compiled, error);
    }
  }

  /**
   * In the transaction that emits the event a new run is triggered by, before the run's rows are
   * written: runs the run's leading database-only steps and starts the step after them, which
   * calls out, so that the run's first commit is the trigger's own and the started step is
   * performed right after it (`RunStarter.launch`). Only when such a step follows, the run has no
   * concurrency key, and this process runs jobs: no other process may take the step before its
   * lease ends. Changes `run` and `steps` in memory (their rows are written after this); returns
   * the started step, or null when none was started (the run then goes on the usual way from
   * wherever this left it).
   */
  async startInline(tx: EmittingTransaction, run: WorkflowRun, steps: WorkflowStep[], compiled: CompiledWorkflow): Promise<Started | null> {
    if (!tx.outermost || run.concurrencyKey || !this.jobs.runsJobs()) return null;
    const main = steps.filter((step) => step.phase === 'main');
    const leading = main.findIndex((step) => this.actions.get(step.uses)?.transactional !== true);
    if (leading < 0) return null;
    return hubContext.run({ correlationId: run.correlationId, actor: SYSTEM_ACTOR }, async () => {
      // The steps read through a unit of work of their own, which must find the change that emitted
      // the event: written, and its entities at hand (the subscription the payment just created is
      // not read again). If the steps fail, the trigger's unit of work forgets what they touched.
      await tx.em.flush();
      const em = tx.em.fork({ clear: false, keepTransactionContext: true });
      if (leading > 0 && !(await this.runLeadingSteps(tx, em, run, main.slice(0, leading), steps, compiled))) return null;
      // A start that cannot be planned here is left to the usual path; it never fails the trigger.
      const started = await this.planStart(em, run, steps, compiled).catch(() => null);
      if (started) Object.assign(started.attempt.step, started.start);
      if (leading > 0 || started) Object.assign(run, { status: 'running', startedAt: new Date(), wakeAt: null, version: 1 });
      return started;
    });
  }

  /**
   * The leading database-only steps of a run started inline, in one savepoint: all of their
   * writes, events, audit entries and step results, or (when one fails or is not ready) none, and
   * false: the run then starts the usual way, which records the failure.
   */
  private async runLeadingSteps(tx: EmittingTransaction, em: EntityManager, run: WorkflowRun, leading: WorkflowStep[], steps: WorkflowStep[], compiled: CompiledWorkflow): Promise<boolean> {
    const before = leading.map((step) => ({ ...step }));
    const undoAudit = this.audit.checkpoint(tx.em);
    const undoEvents = tx.checkpoint();
    try {
      await inSavepoint(tx.em, async () => {
        for (const step of leading) {
          const definition = definitionOf(compiled, step);
          const planned = definition ? this.plan(run, step, definition, steps, compiled) : { error: new Error(`Step ${step.stepId} is not in the revision`) };
          if (planned === 'skip') {
            Object.assign(step, { status: 'skipped', finishedAt: new Date() });
            continue;
          }
          if (!('action' in planned)) throw planned.error;
          let stateChanged = false;
          const ctx: ActionContext = {
            ...planned.base,
            em,
            emit: tx.emit,
            signal: new AbortController().signal,
            saveState: async (patch) => {
              Object.assign(planned.base.state, patch);
              stateChanged = true;
            },
          };
          const output = await planned.action.run(planned.input, ctx);
          const { patch, record } = this.succeeded(run, planned, output);
          Object.assign(step, patch, stateChanged ? { state: sealSecrets(planned.base.state, this.secrets) } : {});
          await record(em, tx.emit);
        }
        await em.flush();
      });
      return true;
    } catch (error) {
      undoAudit();
      undoEvents();
      leading.forEach((step, index) => Object.assign(step, before[index]));
      // The steps' unit of work shared the trigger's entities, which may hold changes the
      // savepoint undid: anything read from here on is read afresh.
      tx.em.clear();
      this.logger.debug({ runId: run.id, err: error }, 'The first steps of a run did not run with its trigger; the run starts the usual way');
      return false;
    }
  }

  /**
   * What an attempt of the step would run, without writing anything: `skip` when its `if` is
   * false, the failure when its action is unknown or its inputs do not evaluate or validate.
   */
  private plan(run: WorkflowRun, step: WorkflowStep, definition: CompiledStep, steps: WorkflowStep[], compiled: CompiledWorkflow): Attempt | 'skip' | { error: unknown } {
    const action = this.actions.get(definition.definition.uses);
    const context = runExpressionContext(run, steps, compiled, this.config, this.secrets);
    let input: Record<string, unknown>;
    try {
      if (definition.condition && !evaluateCondition(definition.condition, context)) return 'skip';
      if (!action) throw new ActionError('UNKNOWN_ACTION', `Action ${definition.definition.uses} is not installed`, false, 'Install the plugin that provides it or fix the workflow.');
      input = renderTemplate(definition.with, context) as Record<string, unknown>;
      const problems = this.actions.validate(action.name, input);
      if (problems.length > 0) throw new ActionError('INVALID_INPUT', `${action.name}: ${problems.map((p) => `${p.path.join('.') || 'input'} ${p.message}`).join('; ')}`, false, 'The evaluated inputs do not match the action; check the expressions of this step.');
    } catch (error) {
      return { error };
    }
    const attempt = step.attempts + 1;
    const pending: NewEvent[] = [];
    return {
      step,
      definition,
      action,
      attempt,
      context,
      input,
      pending,
      startedAt: new Date(),
      previous: step.status === 'running' ? [{ ...lastAttempt(step), outcome: 'interrupted' as const }] : [],
      base: {
        runId: run.id,
        workflowId: run.workflowId,
        stepId: step.stepId,
        attempt,
        idempotencyKey: `${run.idempotencyRoot ?? run.id}:${step.stepId}`,
        subscriptionId: run.subscriptionId ?? null,
        state: (unsealSecrets(step.state ?? {}, this.secrets) ?? {}) as Record<string, unknown>,
        emitOnCommit: (event: NewEvent) => pending.push(event),
        timeScale: this.config.timeScale,
      },
    };
  }

  /**
   * A database-only action runs inside the commit that records it. The last step of the phase ends
   * the run in the same transaction (its fenced update writes the run's final columns; all of it
   * rolls back if the step fails); otherwise, when the next step calls out, its start joins this
   * commit too (`planStart`), and that step is returned to be performed at once.
   */
  private async runTransactional(run: WorkflowRun, attempt: Attempt, steps: WorkflowStep[], compiled: CompiledWorkflow): Promise<Outcome | Started> {
    const { step, action, base } = attempt;
    const finish = steps.every((other) => other === step || other.phase !== step.phase || DONE_STEP_STATUSES.has(other.status)) ? this.finisher.plan(run, steps) : null;
    // What the transaction sets on the steps in memory (this one succeeded, the run's leftovers
    // skipped) holds only once it commits: if it fails, they are as they were, like their rows.
    const before = { steps: steps.map((other) => ({ ...other })), state: { ...base.state } };
    const started = await this.commit(run, finish ? finish.patch : { status: 'running', wakeAt: null }, async (em, emit) => {
      const ctx: ActionContext = {
        ...base,
        em,
        emit,
        signal: new AbortController().signal,
        saveState: async (patch) => {
          Object.assign(base.state, patch);
          await this.updateStep(em, step, { state: sealSecrets(base.state, this.secrets) as Record<string, unknown> });
        },
      };
      // No timeout here: database-only actions are short, and abandoning a transaction midway is worse.
      const output = await action.run(attempt.input, ctx);
      await this.succeed(run, attempt, output)(em, emit);
      if (!finish) {
        const next = await this.planStart(em, run, steps, compiled);
        if (next) await updateRow<WorkflowStep>(em, WorkflowStep, { id: next.attempt.step.id }, next.start, { deferred: true });
        return next;
      }
      await this.finisher.write(em, emit, run, steps, finish);
      return null;
    }).catch((error: unknown) => {
      steps.forEach((other, index) => Object.assign(other, before.steps[index]));
      for (const key of Object.keys(base.state)) if (!(key in before.state)) delete base.state[key];
      Object.assign(base.state, before.state);
      throw error;
    });
    if (finish) {
      await this.finisher.afterCommit(run);
      return 'finished';
    }
    if (!started) return 'continue';
    Object.assign(started.attempt.step, started.start);
    return started;
  }

  /**
   * Inside a commit (a database-only step's, or the trigger's): the start of the run's next step
   * when it is a fresh one that calls out (its `if` holds, its inputs validate, its `prepare` reads
   * in this transaction), so that start costs no transaction of its own. Anything else is left to
   * the next turn of the loop, which records it as usual. Writes nothing: the caller writes the
   * step row (`start`), and applies it in memory once committed.
   */
  private async planStart(em: EntityManager, run: WorkflowRun, steps: WorkflowStep[], compiled: CompiledWorkflow): Promise<Started | null> {
    const step = steps.find((other) => other.phase === run.phase && !DONE_STEP_STATUSES.has(other.status));
    if (!step || step.status !== 'pending') return null;
    const definition = definitionOf(compiled, step);
    if (!definition) return null;
    const planned = this.plan(run, step, definition, steps, compiled);
    if (planned === 'skip' || !('action' in planned) || planned.action.transactional) return null;
    let prepared: Prepared;
    try {
      prepared = planned.action.prepare ? await planned.action.prepare(planned.input, { ...planned.base, em }) : undefined;
    } catch {
      return null;
    }
    return { attempt: planned, prepared, start: this.startPatch(planned, prepared) };
  }

  /** The step row of a started attempt: running under a lease, with its inputs and the state `prepare` fixed. */
  private startPatch(attempt: Attempt, prepared: Prepared): Partial<WorkflowStep> {
    if (prepared?.state) Object.assign(attempt.base.state, prepared.state);
    return {
      status: 'running',
      attempts: attempt.attempt,
      startedAt: attempt.step.startedAt ?? attempt.startedAt,
      leaseUntil: new Date(Date.now() + this.config.stepLeaseMs),
      nextAttemptAt: null,
      input: redactSealed(attempt.input) as Record<string, unknown>,
      ...(prepared?.state ? { state: sealSecrets(attempt.base.state, this.secrets) as Record<string, unknown> } : {}),
    };
  }

  /** Runs a started attempt of an action that calls out; its success rides on the run's next commit. */
  private async perform(run: WorkflowRun, attempt: Attempt, prepared: Prepared): Promise<Outcome> {
    const { step, action, base } = attempt;
    const timeoutMs = attempt.definition.timeoutMs ?? this.config.defaultStepTimeoutMs;
    const heartbeat = setInterval(() => void this.renewLease(step), Math.max(100, Math.floor(this.config.stepLeaseMs / 3)));
    let output: unknown;
    try {
      const ctx: ActionContext = {
        ...base,
        prepared: prepared?.value,
        signal: new AbortController().signal,
        saveState: async (patch) => {
          Object.assign(base.state, patch);
          const sealed = sealSecrets(base.state, this.secrets) as Record<string, unknown>;
          await this.commit(run, {}, (em) => this.updateStep(em, step, { state: sealed }));
        },
      };
      output = await withTimeout((signal) => action.run(attempt.input, { ...ctx, signal }), timeoutMs);
    } finally {
      clearInterval(heartbeat);
    }
    this.defer(run, this.succeed(run, attempt, output));
    return 'continue';
  }

  private attemptFailed(run: WorkflowRun, attempt: Attempt, compiled: CompiledWorkflow, error: unknown): Promise<Outcome> {
    if (error instanceof FencedError) throw error;
    if (error instanceof SuspendStep) return this.suspend(run, attempt.step, error, attempt.base.state, attempt.input);
    return this.failAttempt(run, attempt.step, attempt.definition, compiled, attempt.attempt, error, attempt.previous, attempt.input, attempt.startedAt, attempt.base.state);
  }

  /**
   * Marks the step succeeded in memory at once (the next step's expressions read its output) and
   * returns the write that records it: the step row, its events and audit entries.
   */
  private succeed(run: WorkflowRun, attempt: Attempt, output: unknown): Write {
    const { patch, record } = this.succeeded(run, attempt, output);
    const { step } = attempt;
    Object.assign(step, patch);
    return async (em, emit) => {
      await updateRow<WorkflowStep>(em, WorkflowStep, { id: step.id }, patch, { deferred: true });
      await record(em, emit);
    };
  }

  /** A successful attempt: the step row's values, and the write of its events and audit entries. */
  private succeeded(run: WorkflowRun, { step, definition, context, input, attempt, startedAt, previous, pending }: Attempt, output: unknown): { patch: Partial<WorkflowStep>; record: Write } {
    let result = output ?? {};
    if (definition.outputs) {
      const steps = { ...(context.steps as Record<string, unknown>), [step.stepId]: { status: 'succeeded', output: result } };
      const extra = renderTemplate(definition.outputs, { ...context, steps });
      result = { ...(typeof result === 'object' && !Array.isArray(result) ? (result as object) : { value: result }), ...(extra as object) };
    }
    const finishedAt = new Date();
    const log: StepAttempt = { attempt, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), outcome: 'succeeded', durationMs: finishedAt.getTime() - startedAt.getTime() };
    const patch: Partial<WorkflowStep> = {
      status: 'succeeded',
      attempts: attempt,
      input: redactSealed(input) as Record<string, unknown>,
      output: sealSecrets(result, this.secrets),
      error: null,
      startedAt: step.startedAt ?? startedAt,
      finishedAt,
      leaseUntil: null,
      nextAttemptAt: null,
      attemptLog: [...step.attemptLog, ...previous, log].slice(-50),
    };
    const record: Write = async (em, emit) => {
      for (const event of pending) emit(event);
      await this.audit.record(
        { action: 'workflow.step.succeeded', target: { type: 'workflow_run', id: run.id }, details: { workflowId: run.workflowId, stepId: step.stepId, uses: step.uses, attempt, durationMs: log.durationMs, input: redactSealed(input), output: redactSealed(result) } },
        em,
      );
      if (step.uses.startsWith('panel.')) await this.audit.record(panelAudit(step, input, result, attempt, null), em);
    };
    return { patch, record };
  }

  private defer(run: WorkflowRun, write: Write): void {
    const writes = this.deferred.get(run);
    if (writes) writes.push(write);
    else this.deferred.set(run, [write]);
  }

  /** Commits deferred writes now (before the run yields). */
  private async flushDeferred(run: WorkflowRun): Promise<void> {
    if (this.deferred.get(run)?.length) await this.commit(run, {});
  }

  private async failAttempt(
    run: WorkflowRun,
    step: WorkflowStep,
    definition: CompiledStep,
    compiled: CompiledWorkflow,
    attempt: number,
    error: unknown,
    previous: StepAttempt[],
    input: Record<string, unknown> | null,
    startedAt = new Date(),
    state?: Record<string, unknown>,
  ): Promise<Outcome> {
    const action = this.actions.get(step.uses);
    // A database-only step's work went with its transaction: the database's failure is not the step's.
    const transient = action?.transactional === true && isTransientDatabaseError(error);
    const failure: RunError = transient ? databaseFailure(error, step.stepId) : classifyError(error, step.stepId);
    const own: RetryDefinition = definition.definition.retry ?? compiled.definition.defaults?.retry ?? action?.defaultRetry ?? { attempts: 1 };
    const policy = transient && (own.attempts ?? 1) < DATABASE_RETRY.attempts ? { ...DATABASE_RETRY, nonRetryable: own.nonRetryable } : own;
    const decision = decideRetry(policy, attempt, { code: failure.code, retryable: failure.retryable ?? false }, this.config.timeScale);
    const finishedAt = new Date();
    const log: StepAttempt = { attempt, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), outcome: 'failed', error: failure, durationMs: finishedAt.getTime() - startedAt.getTime() };
    const common = {
      attempts: attempt,
      error: failure,
      leaseUntil: null,
      attemptLog: [...step.attemptLog, ...previous, log].slice(-50),
      ...(input ? { input: redactSealed(input) as Record<string, unknown> } : {}),
      ...(state ? { state: sealSecrets(state, this.secrets) as Record<string, unknown> } : {}),
    };
    const auditFailure = async (em: EntityManager, outcome: string) => {
      await this.audit.record({ action: `workflow.step.${outcome}`, outcome: 'failure', target: { type: 'workflow_run', id: run.id }, details: { workflowId: run.workflowId, stepId: step.stepId, uses: step.uses, attempt, error: failure } }, em);
      if (step.uses.startsWith('panel.') && input) await this.audit.record(panelAudit(step, input, null, attempt, failure), em);
    };
    if (decision.retry) {
      const wakeAt = new Date(Date.now() + decision.delayMs);
      await this.commit(run, { status: 'waiting', wakeAt }, async (em) => {
        await this.updateStep(em, step, { ...common, status: 'waiting', nextAttemptAt: wakeAt });
        await auditFailure(em, 'retry_scheduled');
      });
      await this.sleepUntil(run, wakeAt);
      return 'yield';
    }
    const continueOnError = definition.definition['continue-on-error'] === true;
    const runPatch: Partial<WorkflowRun> = continueOnError || step.phase === 'on_failure' ? { status: 'running', wakeAt: null } : { status: 'running', wakeAt: null, phase: 'on_failure', error: failure };
    await this.commit(run, runPatch, async (em) => {
      await this.updateStep(em, step, { ...common, status: 'failed', finishedAt, nextAttemptAt: null });
      await auditFailure(em, 'failed');
    });
    if (!continueOnError && step.phase === 'main') this.logger.warn({ runId: run.id, stepId: step.stepId, error: failure }, `Run ${run.id} of ${run.workflowId}: step ${step.stepId} failed (${failure.code})`);
    return 'continue';
  }

  private async suspend(run: WorkflowRun, step: WorkflowStep, signal: SuspendStep, state: Record<string, unknown>, input: Record<string, unknown>): Promise<Outcome> {
    const wakeAt = signal.until;
    await this.commit(run, { status: 'waiting', wakeAt }, (em) =>
      this.updateStep(em, step, { status: 'waiting', nextAttemptAt: wakeAt, leaseUntil: null, startedAt: step.startedAt ?? new Date(), input: redactSealed(input) as Record<string, unknown>, state: sealSecrets({ ...state, ...(signal.state ?? {}) }, this.secrets) as Record<string, unknown> }),
    );
    await this.sleepUntil(run, wakeAt);
    return 'yield';
  }

  /**
   * A delayed job wakes the run; its id (version + time) makes repeated scheduling one job. A timer
   * that fired early (the clock of the process that set it runs ahead of this one's) is still
   * running under that id, so the queue would drop a job of the same id: the next wake gets an id
   * of its own rather than leaving the run to the reaper.
   */
  private async sleepUntil(run: WorkflowRun, at: Date): Promise<void> {
    const now = Date.now();
    const early = this.wokenFor.get(run) === at.getTime();
    await this.starter.kick(run, { delayMs: Math.max(0, at.getTime() - now), tag: early ? `t${at.getTime()}e${now}` : `t${at.getTime()}`, wakeAt: at.getTime() });
  }

  private async renewLease(step: WorkflowStep): Promise<void> {
    await updateRow<WorkflowStep>(this.orm.em.fork(), WorkflowStep, { id: step.id, status: 'running' }, { leaseUntil: new Date(Date.now() + this.config.stepLeaseMs) })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Renewing a step lease failed'));
  }

  private async updateStep(em: EntityManager, step: WorkflowStep, patch: Partial<WorkflowStep>): Promise<void> {
    await updateRow<WorkflowStep>(em, WorkflowStep, { id: step.id }, patch, { deferred: true });
    Object.assign(step, patch);
  }

  /**
   * One fenced commit: bumps the run's version only if nobody else did since this executor read
   * it; deferred writes and `work` join the same transaction (step rows, the action's own changes,
   * events, audit).
   */
  private async commit<T>(run: WorkflowRun, patch: Partial<WorkflowRun>, work?: (em: EntityManager, emit: Emit) => Promise<T>): Promise<T | undefined> {
    const next = run.version + 1;
    const changes: Partial<WorkflowRun> = run.status === 'queued' ? { status: 'running', startedAt: run.startedAt ?? new Date(), ...patch } : patch;
    const deferred = this.deferred.get(run) ?? [];
    const count = deferred.length;
    const result = await this.events.transaction(async (em, emit) => {
      const updated = await updateRow<WorkflowRun>(em, WorkflowRun, { id: run.id, version: run.version }, { ...changes, version: next, updatedAt: new Date() });
      if (updated === 0) throw new FencedError(run.id);
      for (const write of deferred.slice(0, count)) await write(em, emit);
      return work ? work(em, emit) : undefined;
    });
    // Rolled back, they stay for the next commit (the failure of the step that followed them).
    deferred.splice(0, count);
    Object.assign(run, changes, { version: next });
    return result;
  }
}

/** The step's definition in the run's revision (main or on_failure phase). */
function definitionOf(compiled: CompiledWorkflow, step: WorkflowStep): CompiledStep | undefined {
  return (step.phase === 'main' ? compiled.steps : compiled.onFailure).find((candidate) => candidate.id === step.stepId);
}

function lastAttempt(step: WorkflowStep): StepAttempt {
  return { attempt: step.attempts, startedAt: (step.startedAt ?? new Date()).toISOString(), outcome: 'interrupted' };
}

function panelAudit(step: WorkflowStep, input: Record<string, unknown>, output: unknown, attempt: number, error: RunError | null): AuditInput {
  const out = (output ?? {}) as Record<string, unknown>;
  const panelId = String(out.panelId ?? input.panel ?? 'unknown');
  return {
    action: `panel.${step.uses.slice('panel.'.length)}`,
    outcome: error ? 'failure' : 'success',
    target: { type: 'panel', id: panelId },
    details: { runId: step.runId, stepId: step.stepId, attempt, lineId: out.lineId ?? null, username: out.username ?? null, error: error ?? undefined },
  };
}

export type { WorkflowAction };
