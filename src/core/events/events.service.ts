import { EntityManager, MikroORM } from '@mikro-orm/core';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { hubContext } from '../context/request-context';
import { insertRows } from '../database/raw-rows';
import { EnqueueOptions, JobQueue } from '../jobs/job-queue';
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

/** The emitting transaction, as an in-transaction listener sees it (see `listen`). */
export interface EmittingTransaction {
  em: EntityManager;
  emit: Emit;
  /** Runs `fn` once the transaction has committed (never if it rolls back, or if it is nested in another). */
  afterCommit(fn: () => void): void;
  /** False when the transaction is nested in another: its commit is not the one that counts, and `afterCommit` never runs. */
  outermost: boolean;
  /** A mark in the events emitted so far; the function returned drops those emitted after it (their change was rolled back to a savepoint). */
  checkpoint(): () => void;
}

export type InTransactionListener = (event: HubEvent, tx: EmittingTransaction) => Promise<void>;

interface Listener {
  pattern: string;
  handler: EventListener;
  inTransaction?: InTransactionListener;
}

export type Emit = (event: NewEvent) => EventRow;

/** When the transaction that emitted an event committed (`performance.now()`), for the events delivered in process right after it. */
const commitTimes = new WeakMap<HubEvent, number>();

/**
 * When the transaction that emitted `event` had committed, if this process delivers the event
 * right after that commit (undefined for a delivery from the queue): anything read after that
 * time saw everything the event's change saw.
 */
export function committedAt(event: HubEvent): number | undefined {
  return commitTimes.get(event);
}

const DISPATCH_JOB = 'events.dispatch';
const DELIVER_JOB = 'events.deliver';
const SWEEP_AFTER_MS = 5_000;
const MARK_BATCH_MS = 50;

/**
 * The outbox. State changes and their events commit together (`transaction`); right after the
 * commit each event is delivered to each of its listeners as a job of its own (first attempt in
 * process), so a failing listener is retried on its own and the others are not repeated. A sweeper
 * re-dispatches events whose delivery was lost (process died between commit and enqueue).
 */
@Injectable()
export class EventsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly listeners = new Map<string, Listener>();
  private readonly delivering = new Set<Promise<void>>();
  private readonly toMark: string[] = [];
  private markTimer?: NodeJS.Timeout;
  private readonly logger = new Logger('Events');

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly jobs: JobQueue,
    private readonly scheduler: HubScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ eventId: string }>(DISPATCH_JOB, (job) => this.fanOut(job.data.eventId));
    this.jobs.register<{ eventId: string; listenerId: string; event?: HubEvent }>(DELIVER_JOB, (job) => this.deliver(job.data.eventId, job.data.listenerId, job.data.event));
    this.scheduler.every('events.sweep-outbox', SWEEP_AFTER_MS, () => this.sweep());
  }

  /**
   * Subscribes a listener to an event type, `prefix.*`, or `*`. Listeners must be idempotent:
   * delivery is at least once. The id must be stable across restarts (it keys the delivery job).
   *
   * With `inTransaction`, the listener takes each event inside the transaction that emits it
   * instead: just before the outbox rows are written, with the transaction's `em` (and the events
   * it emits there are seen too), so its writes commit or roll back with the change: no delivery,
   * no transaction of its own, never late. For local database work only: its failure fails the
   * change. `handler` still takes the deliveries of events emitted in a nested transaction (whose
   * commit is not known here) and of events the outbox sweeper sends again, so it must accept an
   * event its in-transaction half has already seen.
   */
  listen(pattern: string, listenerId: string, handler: EventListener, options: { inTransaction?: InTransactionListener } = {}): void {
    if (this.listeners.has(listenerId)) throw new Error(`Event listener ${listenerId} is already registered`);
    this.listeners.set(listenerId, { pattern, handler, inTransaction: options.inTransaction });
  }

  /** Runs `work` in a transaction; the events it emits are fanned out once it has committed. */
  async transaction<T>(work: (em: EntityManager, emit: Emit) => Promise<T>): Promise<T> {
    const emitted: EventRow[] = [];
    const committed: Array<() => void> = [];
    // Inside an outer transaction "committed" is not yet true: leave the events to a dispatch job,
    // which reads them back (and finds nothing if the outer transaction rolls back). It is not
    // awaited: the embedded queue writes the job through the one SQLite connection, which the outer
    // transaction holds until it ends (awaiting it there was a deadlock); if the job runs before
    // the outer commit is visible, the outbox sweeper dispatches the events later.
    const nested = this.em.isInTransaction();
    const result = await this.em.transactional(async (em) => {
      const emit: Emit = (event) => {
        const row = eventRow(event);
        emitted.push(row);
        return row;
      };
      const value = await work(em, emit);
      const tx: EmittingTransaction = {
        em,
        emit,
        afterCommit: (fn) => committed.push(fn),
        outermost: !nested,
        checkpoint: () => {
          const count = emitted.length;
          return () => void emitted.splice(count);
        },
      };
      for (let i = 0; i < emitted.length; i++) {
        for (const listener of this.listeners.values()) if (listener.inTransaction && matches(listener.pattern, emitted[i].type)) await listener.inTransaction(toHubEvent(emitted[i]), tx);
      }
      // Outbox rows have no relations: one statement, no unit of work, sent with the next one or the commit.
      await insertRows(em, EventRow, emitted, { deferred: true });
      return value;
    });
    if (nested) {
      void this.dispatch(emitted.map((row) => row.id));
      return result;
    }
    for (const fn of committed) fn();
    if (emitted.length > 0) this.deliverCommitted(emitted);
    return result;
  }

  /**
   * Enqueues dispatch of committed events (by id: the row is read back); failures are left to the
   * sweeper. `attempt` makes the job id a new one (the sweeper's re-dispatch). Events in hand after a commit go straight to `fanOutCommitted` instead.
   */
  async dispatch(eventIds: string[], attempt?: string): Promise<void> {
    for (const eventId of eventIds) {
      await this.jobs
        .enqueue(DISPATCH_JOB, { eventId }, { jobId: `event-dispatch:${eventId}${attempt ? `:${attempt}` : ''}`, correlationId: hubContext.correlationId() })
        .catch((error: unknown) => this.logger.warn({ err: error, eventId }, 'Event dispatch enqueue failed; the outbox sweeper will retry'));
    }
  }

  /**
   * Delivers committed events right after the commit, in the background: the rows are in hand, so
   * nothing is read back, and each (event, listener) pair gets its first attempt in this process
   * when it runs jobs (`runOrEnqueue`), else a delivery job. Events of one commit reach each
   * listener in order. An event is marked dispatched only once every listener has it or has a
   * durable job for it; if anything fails (or the process dies) it stays undispatched and the
   * sweeper fans it out again (delivery job ids are deterministic, listeners are idempotent).
   */
  private deliverCommitted(rows: EventRow[]): void {
    const committed = performance.now();
    const events = rows.map(toHubEvent);
    for (const event of events) commitTimes.set(event, committed);
    // In-transaction listeners have had these events (see `listen`).
    const perListener = [...this.listeners].filter(([, listener]) => !listener.inTransaction).map(async ([listenerId, listener]) => {
      const failed = new Set<string>();
      for (const event of events) {
        if (!matches(listener.pattern, event.type)) continue;
        await this.jobs
          .runOrEnqueue(DELIVER_JOB, { eventId: event.id, listenerId, event }, deliveryOptions(event, listenerId))
          .catch((error: unknown) => {
            failed.add(event.id);
            this.logger.warn({ err: error, eventId: event.id, listenerId }, 'Event delivery could not be started; the outbox sweeper will retry');
          });
      }
      return failed;
    });
    const delivered = Promise.all(perListener).then((failures) => {
      const failed = new Set(failures.flatMap((set) => [...set]));
      this.markDispatched(rows.filter((row) => !failed.has(row.id)).map((row) => row.id));
    });
    this.delivering.add(delivered);
    void delivered.finally(() => this.delivering.delete(delivered));
  }

  /** Marks are batched: the sweeper only looks at events older than a few seconds. */
  private markDispatched(ids: string[]): void {
    if (ids.length === 0) return;
    this.toMark.push(...ids);
    this.markTimer ??= setTimeout(() => void this.flushMarks(), MARK_BATCH_MS);
  }

  private async flushMarks(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    while (this.toMark.length > 0) {
      const ids = this.toMark.splice(0, 500);
      await this.orm.em
        .fork()
        .nativeUpdate(EventRow, { id: { $in: ids } }, { dispatchedAt: new Date() })
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Marking events dispatched failed; the outbox sweeper will fan them out again'));
    }
  }

  /** Lets background deliveries settle and writes the last dispatch marks (before the database closes). */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.delivering]);
    await this.flushMarks();
  }

  /** One delivery job per matching listener; the job carries the event so delivery need not read it. */
  private async enqueueDeliveries(row: EventRow): Promise<void> {
    let event: HubEvent | undefined;
    for (const [listenerId, listener] of this.listeners) {
      if (!matches(listener.pattern, row.type)) continue;
      event ??= toHubEvent(row);
      await this.jobs.enqueue(DELIVER_JOB, { eventId: row.id, listenerId, event }, deliveryOptions(event, listenerId));
    }
  }

  private async fanOut(eventId: string): Promise<void> {
    const em = this.orm.em.fork();
    const row = await em.findOne(EventRow, { id: eventId });
    if (!row || row.dispatchedAt) return;
    await this.enqueueDeliveries(row);
    await em.nativeUpdate(EventRow, { id: eventId }, { dispatchedAt: new Date() });
  }

  private async deliver(eventId: string, listenerId: string, carried?: HubEvent): Promise<void> {
    const listener = this.listeners.get(listenerId);
    if (!listener) return;
    if (carried) return listener.handler(carried);
    // Deliveries enqueued before events were carried in the job: read the event.
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
    // A job id of this sweep's own: an earlier dispatch job of the event may have completed without
    // finding it (enqueued inside a transaction that had not committed yet), and the queue keeps
    // completed ids for a day, so the event's plain id would be ignored. Deliveries keep theirs
    // (one per event and listener): nothing already delivered is delivered again.
    await this.dispatch(stale.map((row) => row.id), `sweep-${Math.floor(Date.now() / SWEEP_AFTER_MS)}`);
  }
}

/** An event row with the current correlation id, to be written with the transaction. */
function eventRow(event: NewEvent): EventRow {
  return Object.assign(new EventRow(), {
    type: event.type,
    payload: event.payload,
    correlationId: hubContext.correlationId(),
    subjectType: event.subject?.type ?? null,
    subjectId: event.subject?.id ?? null,
    dispatchedAt: null,
  });
}

/**
 * The event is marked dispatched once its deliveries are enqueued, so a delivery that gives up is
 * lost for its listener (an integrator's webhooks): 40 attempts, backing off to an hour apart,
 * span about 20 hours of an outage of what the listener writes to (10 gave up after 17 minutes).
 */
function deliveryOptions(event: HubEvent, listenerId: string): EnqueueOptions {
  return { jobId: `event-deliver:${event.id}:${listenerId}`, correlationId: event.correlationId, attempts: 40, backoffMs: 2000 };
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
