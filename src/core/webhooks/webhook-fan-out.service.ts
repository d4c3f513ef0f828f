import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { SharedRun } from '../common/shared-run';
import { findRows } from '../database/raw-rows';
import { committedAt, EventsService, HubEvent } from '../events/events.service';
import { filterAccepts } from './event-filter';
import { WebhookAttemptService } from './webhook-attempt.service';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export const FAN_OUT_LISTENER = 'webhooks.fan-out';

type EndpointRow = Pick<WebhookEndpoint, 'id' | 'eventTypes' | 'createdAt'>;

/**
 * Turns each outbox event into one delivery per subscribed endpoint. The outbox calls this at
 * least once per event; the unique (endpoint, event) row makes a second call find the deliveries
 * of the first, and the first attempt's job id is deterministic, so nothing is sent twice.
 */
@Injectable()
export class WebhookFanOutService implements OnModuleInit {
  /** The endpoint read that callers arriving now will share (it starts once the running one ends). */
  private readonly reads = new SharedRun<never, EndpointRow[]>(() => this.readEnabledEndpoints());
  /** The last read that succeeded, and when it started. */
  private lastGood?: { startedAt: number; rows: EndpointRow[] };

  constructor(
    private readonly orm: MikroORM,
    private readonly events: EventsService,
    private readonly attempts: WebhookAttemptService,
  ) {}

  onModuleInit(): void {
    this.events.listen('*', FAN_OUT_LISTENER, (event) => this.fanOut(event));
  }

  async fanOut(event: HubEvent): Promise<void> {
    const occurredAt = new Date(event.occurredAt).getTime();
    // Endpoints receive the events that happen after they were created.
    const endpoints = (await this.enabledEndpoints(committedAt(event))).filter((endpoint) => endpoint.createdAt.getTime() <= occurredAt);
    const targets = endpoints.filter((endpoint) => filterAccepts(endpoint.eventTypes, event.type, event.payload));
    if (targets.length === 0) return;
    const deliveries = await this.ensureDeliveries(event, targets.map((endpoint) => endpoint.id));
    for (const delivery of deliveries) {
      if (delivery.status === 'pending' && delivery.round === 0 && delivery.attemptCount === 0) await this.attempts.schedule(delivery.id, 0, 1);
    }
  }

  /**
   * Every event needs the list of enabled endpoints; under load many events ask at once, so they
   * share one read. A caller only ever gets a read that started after its event committed, never
   * one under way or done before: an endpoint created before the event is always seen. When the
   * commit time is known (`committedAt`: delivered in process right after it), the last read
   * serves if it started after the commit, as it does for the other events of the same commit.
   */
  private enabledEndpoints(committed?: number): Promise<EndpointRow[]> {
    if (committed !== undefined && this.lastGood && this.lastGood.startedAt > committed) return Promise.resolve(this.lastGood.rows);
    return this.reads.join();
  }

  /** A raw read (the query builder would cost several times more CPU on every event), remembered with when it started. */
  private async readEnabledEndpoints(): Promise<EndpointRow[]> {
    const startedAt = performance.now();
    const rows = await findRows<WebhookEndpoint>(this.orm.em.fork(), WebhookEndpoint, { enabled: true }, { fields: ['id', 'eventTypes', 'createdAt'] });
    if (!this.lastGood || this.lastGood.startedAt < startedAt) this.lastGood = { startedAt, rows };
    return rows;
  }

  private async ensureDeliveries(event: HubEvent, endpointIds: string[]): Promise<WebhookDelivery[]> {
    for (let tries = 0; ; tries++) {
      const em = this.orm.em.fork();
      // The first call for an event finds nothing: it inserts straight away, and only a repeat
      // (whose insert hits the unique row) reads the deliveries already made.
      const existing = tries === 0 ? [] : await em.find(WebhookDelivery, { eventId: event.id, endpoint: { $in: endpointIds } });
      const have = new Set(existing.map((delivery) => delivery.endpoint.id));
      const created = endpointIds
        .filter((id) => !have.has(id))
        .map((id) => em.create(WebhookDelivery, { endpoint: em.getReference(WebhookEndpoint, id), eventId: event.id, eventType: event.type, nextAttemptAt: new Date() }));
      try {
        await em.flush();
        return [...existing, ...created];
      } catch (error) {
        // Another run of this listener made them first: read theirs.
        if (!(error instanceof UniqueConstraintViolationException) || tries >= 3) throw error;
      }
    }
  }
}
