import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { SubscriptionActivity } from '../core/drift/subscription-activity';
import { WorkflowStep } from './engine/workflow-step.entity';
import { WorkflowRun } from './engine/workflow-run.entity';

/** Steps that only wait for time to pass: a run parked on one is not touching the panel. */
const IDLE_WAITS: ReadonlySet<string> = new Set(['delay']);

/**
 * Drift repairs stay off a subscription while one of its workflow runs is queued or running, or
 * is waiting to retry a step (a panel call in backoff). A run parked on a timer (the grace or
 * retention delay of the expiry workflow, days long) does not block repairs: it re-reads the
 * subscription when it wakes.
 */
@Injectable()
export class WorkflowSubscriptionActivity extends SubscriptionActivity {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  async busyWith(subscriptionId: string): Promise<string[]> {
    const em = this.orm.em.fork();
    const runs = await em.find(WorkflowRun, { subscriptionId, status: { $in: ['queued', 'running', 'waiting'] } }, { fields: ['id', 'status'], limit: 50 });
    const busy = runs.filter((run) => run.status !== 'waiting').map((run) => run.id);
    const waiting = runs.filter((run) => run.status === 'waiting').map((run) => run.id);
    if (waiting.length > 0) {
      const steps = await em.find(WorkflowStep, { runId: { $in: waiting }, status: { $in: ['waiting', 'running'] } }, { fields: ['runId', 'uses'] });
      for (const step of steps) if (!IDLE_WAITS.has(step.uses) && !busy.includes(step.runId)) busy.push(step.runId);
    }
    return busy;
  }
}
