import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventsService, HubEvent } from '../events/events.service';
import { filterAccepts } from './event-filter';
import { WebhookAttemptService } from './webhook-attempt.service';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export const FAN_OUT_LISTENER = 'webhooks.fan-out';

/**
 * Turns each outbox event into one delivery per subscribed endpoint. The outbox calls this at
 * least once per event; the unique (endpoint, event) row makes a second call find the deliveries
 * of the first, and the first attempt's job id is deterministic, so nothing is sent twice.
 */
@Injectable()
export class WebhookFanOutService implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly events: EventsService,
    private readonly attempts: WebhookAttemptService,
  ) {}

  onModuleInit(): void {
    this.events.listen('*', FAN_OUT_LISTENER, (event) => this.fanOut(event));
  }

  async fanOut(event: HubEvent): Promise<void> {
    const em = this.orm.em.fork();
    const occurredAt = new Date(event.occurredAt);
    // Endpoints receive the events that happen after they were created.
    const endpoints = await em.find(WebhookEndpoint, { enabled: true, createdAt: { $lte: occurredAt } }, { fields: ['id', 'eventTypes'] });
    const targets = endpoints.filter((endpoint) => filterAccepts(endpoint.eventTypes, event.type, event.payload));
    if (targets.length === 0) return;
    const deliveries = await this.ensureDeliveries(event, targets.map((endpoint) => endpoint.id));
    for (const delivery of deliveries) {
      if (delivery.status === 'pending' && delivery.round === 0 && delivery.attemptCount === 0) await this.attempts.schedule(delivery.id, 0, 1);
    }
  }

  private async ensureDeliveries(event: HubEvent, endpointIds: string[]): Promise<WebhookDelivery[]> {
    for (let tries = 0; ; tries++) {
      const em = this.orm.em.fork();
      const existing = await em.find(WebhookDelivery, { eventId: event.id, endpoint: { $in: endpointIds } });
      const have = new Set(existing.map((delivery) => delivery.endpoint.id));
      const created = endpointIds
        .filter((id) => !have.has(id))
        .map((id) => em.create(WebhookDelivery, { endpoint: em.getReference(WebhookEndpoint, id), eventId: event.id, eventType: event.type, nextAttemptAt: new Date() }));
      try {
        await em.flush();
        return [...existing, ...created];
      } catch (error) {
        // Another run of this listener made them first: read theirs.
        if (!(error instanceof UniqueConstraintViolationException) || tries >= 2) throw error;
      }
    }
  }
}
