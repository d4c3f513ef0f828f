import { Inject, Injectable, Logger } from '@nestjs/common';
import { CronTime } from 'cron';
import { EventsService, HubEvent, matches } from '../../core/events/events.service';
import { HubScheduler } from '../../core/scheduler/scheduler.service';
import { evaluateCondition } from '../expressions/expression';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../workflow-config';
import { DefinitionsService, LoadedWorkflow } from './definitions.service';
import { allowedEnv } from './run-context';
import { RunStarter } from './run-starter.service';
import type { WorkflowRun } from './workflow-run.entity';

const SCHEDULE_TICK_MS = 15_000;
/** Schedule fire times this far back are still honoured (a leader change or a slow tick). */
const SCHEDULE_CATCH_UP_MS = 5 * 60_000;

/**
 * Starts runs: for each event (one durable listener on all events; a matching workflow's `on.if`
 * filters), each schedule tick (on the scheduler leader only), each signed webhook delivery and
 * each manual request. Every start carries a trigger key, so a repeated delivery starts one run.
 */
@Injectable()
export class TriggersService {
  private readonly logger = new Logger('WorkflowTriggers');

  constructor(
    private readonly events: EventsService,
    private readonly scheduler: HubScheduler,
    private readonly definitions: DefinitionsService,
    private readonly starter: RunStarter,
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
   * One durable listener per event pattern that some workflow uses (not one on every event: each
   * delivery is a job). Patterns of workflows added later, here or in another process, are
   * subscribed when the definitions refresh.
   */
  private syncListeners(): void {
    for (const workflow of this.definitions.all()) {
      for (const pattern of workflow.compiled.trigger.events) {
        if (this.patterns.has(pattern)) continue;
        this.patterns.add(pattern);
        this.events.listen(pattern, `workflows.trigger:${pattern}`, async (event) => {
          await this.onEvent(event, pattern);
        });
      }
    }
  }

  /** Starts the runs of the enabled workflows listening with `pattern` (all patterns when omitted). */
  async onEvent(event: HubEvent, pattern?: string): Promise<WorkflowRun[]> {
    const started: WorkflowRun[] = [];
    const view = eventView(event);
    for (const workflow of this.definitions.enabled()) {
      const trigger = workflow.compiled.trigger;
      if (pattern ? !trigger.events.includes(pattern) : !trigger.events.some((item) => matches(item, event.type))) continue;
      if (trigger.condition) {
        try {
          if (!evaluateCondition(trigger.condition, { event: view, vars: workflow.compiled.definition.vars ?? {}, env: allowedEnv(this.config), inputs: {}, steps: {}, run: {} })) continue;
        } catch (error) {
          this.logger.warn(`Workflow ${workflow.row.id}: on.if failed for event ${event.id} (${event.type}): ${(error as Error).message}`);
          continue;
        }
      }
      const { run } = await this.start(workflow, { type: 'event', eventId: event.id, eventType: event.type }, view, {}, `${workflow.row.id}:event:${event.id}`, event.correlationId);
      started.push(run);
    }
    return started;
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
    return this.starter.start({
      workflowId: workflow.row.id,
      revision: workflow.revision.revision,
      revisionId: workflow.revision.id,
      compiled: workflow.compiled,
      trigger,
      event,
      inputs,
      triggerKey,
      correlationId,
    });
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
