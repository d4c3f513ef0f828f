import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/errors';
import { decodeCursor, Page, pageOf } from '../common/pagination';
import { WebhookAttemptService } from './webhook-attempt.service';
import { WebhookAttempt } from './webhook-attempt.entity';
import { DeliveryQueryDto } from './webhook-delivery.dto';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsService } from './webhook-endpoints.service';

const ATTEMPTS_SHOWN = 50;

export interface DeliveryWithAttempts {
  delivery: WebhookDelivery;
  attempts: WebhookAttempt[];
}

/** The delivery log, replays and test deliveries of an endpoint. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly endpoints: WebhookEndpointsService,
    private readonly attempts: WebhookAttemptService,
    private readonly audit: AuditService,
  ) {}

  async list(endpointId: string, query: DeliveryQueryDto, limit: number): Promise<Page<DeliveryWithAttempts>> {
    await this.endpoints.get(endpointId);
    const where: FilterQuery<WebhookDelivery> = { endpoint: endpointId, status: query.status, eventType: query.eventType };
    const before = decodeCursor(query.cursor);
    if (before) Object.assign(where, { id: { $lt: before } });
    const rows = await this.em.find(WebhookDelivery, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const page = pageOf(rows, limit, (row) => row);
    const logs = page.items.length ? await this.em.find(WebhookAttempt, { delivery: { $in: page.items.map((row) => row.id) } }, { orderBy: { id: 'desc' } }) : [];
    const byDelivery = new Map<string, WebhookAttempt[]>();
    for (const log of logs) {
      const list = byDelivery.get(log.delivery.id) ?? [];
      if (list.length < ATTEMPTS_SHOWN) list.push(log);
      byDelivery.set(log.delivery.id, list);
    }
    return { items: page.items.map((delivery) => ({ delivery, attempts: byDelivery.get(delivery.id) ?? [] })), nextCursor: page.nextCursor };
  }

  async get(endpointId: string, deliveryId: string): Promise<DeliveryWithAttempts> {
    const delivery = await this.em.findOne(WebhookDelivery, { id: deliveryId, endpoint: endpointId });
    if (!delivery) throw new NotFoundError('Webhook delivery', deliveryId);
    const attempts = await this.em.find(WebhookAttempt, { delivery }, { orderBy: { id: 'desc' }, limit: ATTEMPTS_SHOWN });
    return { delivery, attempts };
  }

  /** Sends the delivery again, same message id (receivers dedupe on it), with a fresh retry schedule. */
  async replay(endpointId: string, deliveryId: string): Promise<DeliveryWithAttempts> {
    const { delivery } = await this.get(endpointId, deliveryId);
    Object.assign(delivery, { round: delivery.round + 1, attemptCount: 0, status: 'pending', nextAttemptAt: new Date(), deliveredAt: null, claimedUntil: null });
    await this.audit.record({ action: 'webhook_delivery.replay', target: { type: 'webhook_delivery', id: deliveryId }, details: { endpointId, round: delivery.round } }, this.em);
    await this.em.flush();
    await this.attempts.schedule(delivery.id, delivery.round, 1);
    return this.get(endpointId, deliveryId);
  }

  /** A signed `webhook.test` event for this endpoint only, logged like any delivery. */
  async test(endpointId: string): Promise<DeliveryWithAttempts> {
    const endpoint = await this.endpoints.get(endpointId);
    const delivery = this.em.create(WebhookDelivery, {
      endpoint: this.em.getReference(WebhookEndpoint, endpoint.id),
      eventId: null,
      eventType: 'webhook.test',
      testData: { endpointId: endpoint.id, message: 'Test event from IPTV Hub: if you can verify this signature, your receiver is ready.' },
      nextAttemptAt: new Date(),
    });
    this.em.persist(delivery);
    await this.audit.record({ action: 'webhook_endpoint.test', target: { type: 'webhook_endpoint', id: endpoint.id }, details: { deliveryId: delivery.id } }, this.em);
    await this.em.flush();
    await this.attempts.schedule(delivery.id, 0, 1);
    return { delivery, attempts: [] };
  }
}
