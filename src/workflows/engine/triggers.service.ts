import { Inject, Injectable, Logger } from '@nestjs/common';
import { CronTime } from 'cron';
import { AuditService } from '../../core/audit/audit.service';
import { EmittingTransaction, EventsService, HubEvent, matches } from '../../core/events/events.service';
import { HubScheduler } from '../../core/scheduler/scheduler.service';
import { evaluateCondition, ExpressionError } from '../expressions/expression';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../workflow-config';
import { DefinitionsService, LoadedWorkflow } from './definitions.service';
import { allowedEnv } from './run-context';
import { RunExecutor } from './run-executor.service';
import { RunStarter, StartRequest } from './run-starter.service';
import type { Started } from './step-attempt';
import type { WorkflowRun } from './workflow-run.entity';

const SCHEDULE_TICK_MS = 15_000;
/** Schedule fire times this far back are still honoured (a leader change or a slow tick). */
const SCHEDULE_CATCH_UP_MS = 5 * 60_000;

/**
 * Starts runs: for each event (a listener per event pattern that workflows use; a matching
 * workflow's `on.if` filters), each schedule tick (on the scheduler leader only), each signed
 * webhook delivery and each manual request. An event's runs are written in the transaction that
 * emits it (an in-transaction listener: the payment and its provisioning run commit together) and
 * start once it has committed. Every start carries a trigger key, so an event delivered again
 * (from a nested transaction, or by the outbox sweeper) starts one run.
 */
@Injectable()
export class TriggersService {
  private readonly logger = new Logger('WorkflowTriggers');

  constructor(
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly scheduler: HubScheduler,
    private readonly definitions: DefinitionsService,
    private readonly starter: RunStarter,
    private readonly executor: RunExecutor,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  private readonly patterns = new Set<string>();

  register(): void {
    this.syncListeners();
    this.definitions.onRefresh(() => this.syncListeners());
    this.scheduler.every('workflows.schedules', SCHEDULE_TICK_MS, async () => {
      await this.onScheduleTick();
    });
  }

  /**
   * One listener per event pattern that some workflow uses (not one on every event). Patterns of
   * workflows added later, here or in another process, are subscribed when the definitions refresh.
   */
  private syncListeners(): void {
    for (const workflow of this.definitions.all()) {
      for (const pattern of workflow.compiled.trigger.events) {
        if (this.patterns.has(pattern)) continue;
        this.patterns.add(pattern);
        this.events.listen(
          pattern,
          `workflows.trigger:${pattern}`,
          async (event) => {
            await this.onEvent(event, pattern);
          },
          { inTransaction: (event, tx) => this.startInTransaction(event, pattern, tx) },
        );
      }
    }
  }

  /** Starts the runs of the enabled workflows listening with `pattern` (all patterns when omitted). */
  async onEvent(event: HubEvent, pattern?: string): Promise<WorkflowRun[]> {
    const started: WorkflowRun[] = [];
    for (const workflow of this.triggered(event, pattern)) {
      const { run } = await this.starter.start(this.eventStart(workflow, event));
      started.push(run);
    }
    return started;
  }

  /**
   * In the transaction that emits the event: its runs commit with it and start once it has (their
   * first steps may already run in it: `RunExecutor.startInline`). A run
   * that cannot be built (its concurrency key does not evaluate) does not fail the change that
   * emitted the event: it is logged and audited, and the change commits.
   */
  private async startInTransaction(event: HubEvent, pattern: string, tx: EmittingTransaction): Promise<void> {
    for (const workflow of this.triggered(event, pattern)) {
      const request = this.eventStart(workflow, event);
      let run: WorkflowRun;
      try {
        run = this.starter.build(request);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        this.logger.warn(`Workflow ${workflow.row.id}: no run for event ${event.id} (${event.type}): ${error.message}`);
        await this.audit.record({ action: 'workflow.trigger.failed', outcome: 'failure', target: { type: 'workflow', id: workflow.row.id }, details: { eventId: event.id, eventType: event.type, error: error.message } }, tx.em);
        continue;
      }
      let started: Started | null = null;
      const steps = await this.starter.write(tx.em, run, request.compiled, {
        // The event is being emitted: nothing has started a run for it yet.
        triggerKeyIsNew: true,
        beforeInsert: async (rows) => {
          started = await this.executor.startInline(tx, run, rows, request.compiled);
        },
      });
      tx.afterCommit(() => this.starter.launch(run, steps, started));
    }
  }

  /** The enabled workflows that `event` starts: listening with `pattern` (any, when omitted), and their `on.if` holds. */
  private triggered(event: HubEvent, pattern?: string): LoadedWorkflow[] {
    const view = eventView(event);
    return this.definitions.enabled().filter((workflow) => {
      const trigger = workflow.compiled.trigger;
      if (pattern ? !trigger.events.includes(pattern) : !trigger.events.some((item) => matches(item, event.type))) return false;
      if (!trigger.condition) return true;
      try {
        return evaluateCondition(trigger.condition, { event: view, vars: workflow.compiled.definition.vars ?? {}, env: allowedEnv(this.config), inputs: {}, steps: {}, run: {} });
      } catch (error) {
        this.logger.warn(`Workflow ${workflow.row.id}: on.if failed for event ${event.id} (${event.type}): ${(error as Error).message}`);
        return false;
      }
    });
  }

  private eventStart(workflow: LoadedWorkflow, event: HubEvent) {
    return this.request(workflow, { type: 'event', eventId: event.id, eventType: event.type }, eventView(event), {}, `${workflow.row.id}:event:${event.id}`, event.correlationId);
  }

  async onScheduleTick(now = new Date()): Promise<number> {
    let fired = 0;
    for (const workflow of this.definitions.enabled()) {
      const expression = workflow.compiled.trigger.schedule;
      if (!expression) continue;
      const since = new Date(Math.max(now.getTime() - SCHEDULE_CATCH_UP_MS, workflow.revision.createdAt.getTime()));
      for (const at of fireTimes(expression, since, now)) {
        const iso = at.toISOString();
        const { created } = await this.start(workflow, { type: 'schedule', firedAt: iso }, { type: 'schedule', firedAt: iso }, {}, `${workflow.row.id}:schedule:${iso}`);
        if (created) fired += 1;
      }
    }
    return fired;
  }

  start(workflow: LoadedWorkflow, trigger: WorkflowRun['trigger'], event: Record<string, unknown>, inputs: Record<string, unknown>, triggerKey: string | null, correlationId?: string) {
    return this.starter.start(this.request(workflow, trigger, event, inputs, triggerKey, correlationId));
  }

  private request(workflow: LoadedWorkflow, trigger: WorkflowRun['trigger'], event: Record<string, unknown>, inputs: Record<string, unknown>, triggerKey: string | null, correlationId?: string): StartRequest {
    return {
      workflowId: workflow.row.id,
      revision: workflow.revision.revision,
      revisionId: workflow.revision.id,
      compiled: workflow.compiled,
      trigger,
      event,
      inputs,
      triggerKey,
      correlationId,
    };
  }
}

/** What `event` is in expressions: the payload's fields, plus id, type, occurredAt and subject. */
export function eventView(event: HubEvent): Record<string, unknown> {
  return { ...event.payload, id: event.id, type: event.type, occurredAt: event.occurredAt, subject: event.subject };
}

/** The cron fire times in (since, until]. */
export function fireTimes(expression: string, since: Date, until: Date): Date[] {
  const cron = new CronTime(expression, 'UTC');
  const out: Date[] = [];
  let cursor = since;
  for (let i = 0; i < 100; i++) {
    const next = cron.getNextDateFrom(cursor).toJSDate();
    if (next.getTime() > until.getTime()) break;
    out.push(next);
    cursor = next;
  }
  return out;
}
