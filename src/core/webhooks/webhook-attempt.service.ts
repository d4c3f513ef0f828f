import { EntityManager, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { HUB_CONFIG } from '../config/config.module';
import type { HubConfig } from '../config/hub-config';
import { SecretBox } from '../crypto/secret-box';
import { newId } from '../database/ids';
import { findEventType } from '../events/event-catalogue';
import { EventRow } from '../events/event.entity';
import { Emit, EventsService } from '../events/events.service';
import { JobQueue } from '../jobs/job-queue';
import { HubScheduler } from '../scheduler/scheduler.service';
import { nextRetryDelay } from './retry-policy';
import { SsrfGuard } from './ssrf-guard';
import { WebhookAttempt } from './webhook-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { urlOrigin } from './webhook-endpoints.service';
import { EndpointDisabledReason, WebhookEndpoint } from './webhook-endpoint.entity';
import { buildPayload, credentialsAllowed } from './webhook-payload';
import { AttemptOutcome, WebhookSender } from './webhook-sender';
import { messageId, signDelivery } from './webhook-signer';

export const ATTEMPT_JOB = 'webhooks.attempt';
const SWEEP_EVERY_MS = 30_000;
/** A pending delivery this late, with no live claim, lost its job (process died before enqueueing it). */
const SWEEP_GRACE_MS = 60_000;
/** Precision of an endpoint's lastSuccessAt. */
const SUCCESS_STAMP_MS = 5_000;

interface AttemptJob {
  deliveryId: string;
  round: number;
  attempt: number;
}

/**
 * Sends one attempt of a delivery per job, records it, and schedules the next attempt as a new
 * delayed job following the hub's own schedule (so the queue's generic backoff does not apply).
 * A delivery is claimed before sending, so duplicate jobs (at-least-once queues, the sweeper)
 * cannot send the same attempt twice while one is in flight.
 */
@Injectable()
export class WebhookAttemptService implements OnModuleInit, OnApplicationShutdown {
  private readonly sender: WebhookSender;
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly scheduler: HubScheduler,
    private readonly secrets: SecretBox,
    guard: SsrfGuard,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {
    this.sender = new WebhookSender(guard, config.webhooks.timeoutMs);
  }

  onModuleInit(): void {
    this.jobs.register<AttemptJob>(ATTEMPT_JOB, (job) => this.run(job.data));
    this.scheduler.every('webhooks.sweep', SWEEP_EVERY_MS, () => this.sweep());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sender.close();
  }

  /** Enqueues attempt `attempt` of `round`; the id dedupes producers, `tag` makes deliberate extra jobs. */
  async schedule(deliveryId: string, round: number, attempt: number, delayMs = 0, tag?: string): Promise<void> {
    await this.jobs.enqueue<AttemptJob>(ATTEMPT_JOB, { deliveryId, round, attempt }, {
      jobId: `webhook:${deliveryId}:${round}:${attempt}${tag ? `:${tag}` : ''}`,
      delayMs,
      attempts: 5,
      backoffMs: 1000,
    });
  }

  private async run({ deliveryId, round, attempt }: AttemptJob): Promise<void> {
    const em = this.orm.em.fork();
    const now = new Date();
    const claimed = await em.nativeUpdate(
      WebhookDelivery,
      { id: deliveryId, round, attemptCount: attempt - 1, status: 'pending', $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
      { claimedUntil: new Date(now.getTime() + this.config.webhooks.timeoutMs + 30_000) },
    );
    if (claimed === 0) return; // stale job, a replay superseded it, or another worker holds it
    const delivery = await em.findOneOrFail(WebhookDelivery, { id: deliveryId }, { populate: ['endpoint'] });
    const endpoint = delivery.endpoint;
    // Test deliveries go out even to a disabled endpoint: that is how an operator checks a fixed receiver.
    if (!endpoint.enabled && delivery.eventId) return this.giveUp(em, delivery, 'The endpoint is disabled; replay the delivery after enabling it');
    if (endpoint.rateLimitPerSecond) {
      const waitMs = await this.takeRateSlot(em, endpoint.id, endpoint.rateLimitPerSecond);
      if (waitMs > 0) {
        Object.assign(delivery, { nextAttemptAt: new Date(Date.now() + waitMs), claimedUntil: null });
        await em.flush();
        return this.schedule(deliveryId, round, attempt, waitMs, newId());
      }
    }
    const body = await this.body(em, delivery, endpoint);
    if (body === undefined) return this.giveUp(em, delivery, 'The event no longer exists in the outbox');
    const headers = { ...this.customHeaders(endpoint), ...signDelivery(messageId(delivery.id), body, this.signingSecrets(endpoint)) };
    const outcome = await this.sender.send(endpoint.url, headers, body);
    await this.record({ deliveryId, round, attempt }, outcome);
  }

  private async record({ deliveryId, round, attempt }: AttemptJob, outcome: AttemptOutcome): Promise<void> {
    let retryInMs: number | undefined;
    await this.events.transaction(async (em, emit) => {
      const delivery = await em.findOneOrFail(WebhookDelivery, { id: deliveryId }, { populate: ['endpoint'] });
      const endpoint = delivery.endpoint;
      const log = em.create(WebhookAttempt, {
        delivery,
        round,
        attempt,
        startedAt: outcome.startedAt,
        durationMs: outcome.durationMs,
        statusCode: outcome.statusCode,
        success: outcome.success,
        error: outcome.error?.slice(0, 500) ?? null,
        responseExcerpt: outcome.responseExcerpt || null,
      });
      em.persist(log);
      // A replay started meanwhile: keep the log line, leave the state to the new round.
      if (delivery.round !== round || delivery.attemptCount !== attempt - 1 || delivery.status !== 'pending') return;
      const now = new Date();
      Object.assign(delivery, { attemptCount: attempt, claimedUntil: null, lastStatus: outcome.statusCode, lastError: outcome.success ? null : (outcome.error ?? `HTTP ${outcome.statusCode}`).slice(0, 500) });
      if (outcome.success) {
        Object.assign(delivery, { status: 'delivered', deliveredAt: now, nextAttemptAt: null });
        // Every delivery of a busy endpoint would otherwise write its row: refresh it only when it changes meaning.
        if (endpoint.failingSince || !endpoint.lastSuccessAt || now.getTime() - endpoint.lastSuccessAt.getTime() > SUCCESS_STAMP_MS) {
          Object.assign(endpoint, { lastSuccessAt: now, failingSince: null });
        }
        return;
      }
      endpoint.lastFailureAt = now;
      endpoint.failingSince ??= outcome.startedAt;
      if (outcome.statusCode === 410) {
        Object.assign(delivery, { status: 'failed', nextAttemptAt: null });
        if (endpoint.enabled) await this.disable(em, emit, endpoint, 'gone', delivery);
        return;
      }
      retryInMs = nextRetryDelay(this.config.webhooks.retryScheduleMs, attempt, outcome.retryAfterMs);
      if (retryInMs !== undefined) {
        delivery.nextAttemptAt = log.nextAttemptAt = new Date(now.getTime() + retryInMs);
        return;
      }
      Object.assign(delivery, { status: 'failed', nextAttemptAt: null });
      if (endpoint.enabled && (await this.failedThroughout(em, delivery, round, endpoint, outcome))) await this.disable(em, emit, endpoint, 'failing', delivery);
    });
    if (retryInMs !== undefined) await this.schedule(deliveryId, round, attempt + 1, retryInMs);
  }

  /** No success anywhere on the endpoint since this delivery's first attempt: it failed for the whole retry window. */
  private async failedThroughout(em: EntityManager, delivery: WebhookDelivery, round: number, endpoint: WebhookEndpoint, outcome: AttemptOutcome): Promise<boolean> {
    const first = await em.findOne(WebhookAttempt, { delivery, round }, { orderBy: { id: 'asc' } });
    const since = first?.startedAt ?? outcome.startedAt;
    return !!endpoint.failingSince && endpoint.failingSince <= since;
  }

  private async disable(em: EntityManager, emit: Emit, endpoint: WebhookEndpoint, reason: EndpointDisabledReason, delivery: WebhookDelivery): Promise<void> {
    // Concurrent attempts of one endpoint (a burst of 410s) each loaded it enabled: only the one
    // whose conditional update wins disables it, audits and alerts; the others wait for its commit
    // (row lock) and then match nothing.
    const disabledAt = new Date();
    const won = await em.nativeUpdate(WebhookEndpoint, { id: endpoint.id, enabled: true }, { enabled: false, disabledReason: reason, disabledAt });
    if (won === 0) return;
    Object.assign(endpoint, { enabled: false, disabledReason: reason, disabledAt });
    const details = {
      endpointId: endpoint.id,
      url: urlOrigin(endpoint.url),
      description: endpoint.description ?? null,
      reason,
      failingSince: endpoint.failingSince?.toISOString() ?? null,
      lastStatus: delivery.lastStatus ?? null,
      lastError: delivery.lastError ?? null,
    };
    await this.audit.record({ action: 'webhook_endpoint.disable', target: { type: 'webhook_endpoint', id: endpoint.id }, details }, em);
    emit({ type: 'webhook_endpoint.disabled', payload: details, subject: { type: 'webhook_endpoint', id: endpoint.id } });
    this.logger.warn({ endpointId: endpoint.id, reason }, `Disabled webhook endpoint ${endpoint.id} (${reason})`);
  }

  private async giveUp(em: EntityManager, delivery: WebhookDelivery, reason: string): Promise<void> {
    Object.assign(delivery, { status: 'failed', lastError: reason, nextAttemptAt: null, claimedUntil: null });
    await em.flush();
  }

  /** One slot of the endpoint's per-second budget, shared by every worker through the database; else ms to wait. */
  private async takeRateSlot(em: EntityManager, endpointId: string, limit: number): Promise<number> {
    const nowMs = Date.now();
    const second = Math.floor(nowMs / 1000);
    const taken = await (em as unknown as SqlEntityManager).execute<{ id: string }[]>(
      `update hub_webhook_endpoint set rate_count = case when rate_window = ? then rate_count + 1 else 1 end, rate_window = ?
       where id = ? and (rate_window <> ? or rate_count < ?) returning id`,
      [second, second, endpointId, second, limit],
    );
    return taken.length > 0 ? 0 : 1000 - (nowMs % 1000) + Math.floor(Math.random() * 50);
  }

  private async body(em: EntityManager, delivery: WebhookDelivery, endpoint: WebhookEndpoint): Promise<string | undefined> {
    const allowed = credentialsAllowed(endpoint.includeCredentials, endpoint.url, this.config.webhooks.allowInsecureCredentials);
    const unseal = (sealed: string) => {
      try {
        return this.secrets.decryptJson(sealed);
      } catch {
        this.logger.warn({ deliveryId: delivery.id }, 'Could not unseal credentials of an event; sending it without them');
        return undefined;
      }
    };
    if (!delivery.eventId) return buildPayload(delivery.eventType, delivery.createdAt, delivery.testData ?? {}, allowed, unseal);
    const event = await em.findOne(EventRow, { id: delivery.eventId });
    return event ? buildPayload(event.type, event.occurredAt, event.payload, allowed, unseal, findEventType(event.type)?.credentialPaths) : undefined;
  }

  private signingSecrets(endpoint: WebhookEndpoint): string[] {
    const secrets = [this.secrets.decrypt(endpoint.secretSealed)];
    if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()) secrets.push(this.secrets.decrypt(endpoint.previousSecretSealed));
    return secrets;
  }

  private customHeaders(endpoint: WebhookEndpoint): Record<string, string> {
    return endpoint.headersSealed ? this.secrets.decryptJson<Record<string, string>>(endpoint.headersSealed) : {};
  }

  /** Re-schedules pending deliveries whose attempt job was lost (runs on the leader; public for tests). */
  async sweep(): Promise<void> {
    const now = new Date();
    const stale = await this.orm.em.fork().find(
      WebhookDelivery,
      { status: 'pending', nextAttemptAt: { $lt: new Date(now.getTime() - SWEEP_GRACE_MS) }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
      { limit: 500, orderBy: { nextAttemptAt: 'asc' } },
    );
    if (stale.length > 0) this.logger.warn(`Re-scheduling ${stale.length} webhook deliveries whose attempt job was lost`);
    for (const delivery of stale) await this.schedule(delivery.id, delivery.round, delivery.attemptCount + 1, 0, sweepTag(delivery.nextAttemptAt, now));
  }
}

/**
 * The tag of a sweep's job for a delivery: new when the delivery has been stale twice as long as
 * at the last new tag (1, 2, 4, 8… minutes). A delivery whose attempts keep failing to be recorded
 * never advances; with one tag per `nextAttemptAt` the queue would drop every later sweep's job as
 * a repeat of the first (it keeps completed ids for a day), and the delivery would stay pending
 * for good. Resent with backoff instead, under the same `webhook-id` for the receiver to dedupe.
 */
export function sweepTag(nextAttemptAt: Date | null | undefined, now: Date): string {
  const due = nextAttemptAt?.getTime() ?? 0;
  const staleMinutes = Math.max(1, (now.getTime() - due) / 60_000);
  return `sweep-${due}-${Math.floor(Math.log2(staleMinutes))}`;
}
