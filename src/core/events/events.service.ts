import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { hubContext } from '../context/request-context';
import { JobQueue } from '../jobs/job-queue';
import { HubScheduler } from '../scheduler/scheduler.service';
import { EventRow } from './event.entity';

export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
  subject?: { type: string; id: string };
}

export interface HubEvent {
  id: string;
  type: string;
  occurredAt: string;
  correlationId: string;
  subject: { type: string; id: string } | null;
  payload: Record<string, unknown>;
}

export type EventListener = (event: HubEvent) => Promise<void>;

export type Emit = (event: NewEvent) => EventRow;

const DISPATCH_JOB = 'events.dispatch';
const DELIVER_JOB = 'events.deliver';
const SWEEP_AFTER_MS = 5_000;

/**
 * The outbox. State changes and their events commit together (`transaction`); after the commit
 * each event is fanned out to its listeners as one job per listener, so a failing listener is
 * retried on its own and the others are not repeated. A sweeper re-dispatches events whose
 * dispatch was lost (process died between commit and enqueue).
 */
@Injectable()
export class EventsService implements OnModuleInit {
  private readonly listeners = new Map<string, { pattern: string; handler: EventListener }>();
  private readonly logger = new Logger('Events');

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly jobs: JobQueue,
    private readonly scheduler: HubScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ eventId: string }>(DISPATCH_JOB, (job) => this.fanOut(job.data.eventId));
    this.jobs.register<{ eventId: string; listenerId: string }>(DELIVER_JOB, (job) => this.deliver(job.data.eventId, job.data.listenerId));
    this.scheduler.every('events.sweep-outbox', SWEEP_AFTER_MS, () => this.sweep());
  }

  /**
   * Subscribes a listener to an event type, `prefix.*`, or `*`. Listeners must be idempotent:
   * delivery is at least once. The id must be stable across restarts (it keys the delivery job).
   */
  listen(pattern: string, listenerId: string, handler: EventListener): void {
    if (this.listeners.has(listenerId)) throw new Error(`Event listener ${listenerId} is already registered`);
    this.listeners.set(listenerId, { pattern, handler });
  }

  /** Adds an event to the unit of work of `em`; it is written when `em` flushes. */
  record(em: EntityManager, event: NewEvent): EventRow {
    const row = em.create(EventRow, {
      type: event.type,
      payload: event.payload,
      correlationId: hubContext.correlationId(),
      subjectType: event.subject?.type ?? null,
      subjectId: event.subject?.id ?? null,
      occurredAt: new Date(),
    });
    em.persist(row);
    return row;
  }

  /** Runs `work` in a transaction; the events it emits are dispatched once it has committed. */
  async transaction<T>(work: (em: EntityManager, emit: Emit) => Promise<T>): Promise<T> {
    const emitted: EventRow[] = [];
    const result = await this.em.transactional(async (em) => work(em, (event) => {
      const row = this.record(em, event);
      emitted.push(row);
      return row;
    }));
    await this.dispatch(emitted.map((row) => row.id));
    return result;
  }

  /** Enqueues dispatch of committed events; failures are left to the sweeper. */
  async dispatch(eventIds: string[]): Promise<void> {
    for (const eventId of eventIds) {
      await this.jobs
        .enqueue(DISPATCH_JOB, { eventId }, { jobId: `event-dispatch:${eventId}`, correlationId: hubContext.correlationId() })
        .catch((error: unknown) => this.logger.warn({ err: error, eventId }, 'Event dispatch enqueue failed; the outbox sweeper will retry'));
    }
  }

  private async fanOut(eventId: string): Promise<void> {
    const em = this.orm.em.fork();
    const row = await em.findOne(EventRow, { id: eventId });
    if (!row || row.dispatchedAt) return;
    for (const [listenerId, listener] of this.listeners) {
      if (!matches(listener.pattern, row.type)) continue;
      await this.jobs.enqueue(DELIVER_JOB, { eventId, listenerId }, { jobId: `event-deliver:${eventId}:${listenerId}`, correlationId: row.correlationId, attempts: 10, backoffMs: 2000 });
    }
    row.dispatchedAt = new Date();
    await em.flush();
  }

  private async deliver(eventId: string, listenerId: string): Promise<void> {
    const listener = this.listeners.get(listenerId);
    if (!listener) return;
    const row = await this.orm.em.fork().findOne(EventRow, { id: eventId });
    if (!row) return;
    await listener.handler(toHubEvent(row));
  }

  private async sweep(): Promise<void> {
    const stale = await this.orm.em.fork().find(
      EventRow,
      { dispatchedAt: null, occurredAt: { $lt: new Date(Date.now() - SWEEP_AFTER_MS) } },
      { orderBy: { id: 'asc' }, limit: 500, fields: ['id'] },
    );
    if (stale.length > 0) this.logger.warn(`Re-dispatching ${stale.length} event(s) whose dispatch did not happen`);
    await this.dispatch(stale.map((row) => row.id));
  }
}

export function matches(pattern: string, type: string): boolean {
  if (pattern === '*' || pattern === type) return true;
  return pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1));
}

export function toHubEvent(row: EventRow): HubEvent {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    correlationId: row.correlationId,
    subject: row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId } : null,
    payload: row.payload,
  };
}
