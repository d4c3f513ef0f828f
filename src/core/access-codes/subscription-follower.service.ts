import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { EventsService, HubEvent } from '../events/events.service';
import { AccessCode } from './access-code.entity';
import { accessCodePayload, accessCodeSubject } from './access-code-events';
import { effectiveExpiry } from './access-code-state';
import { lockSubscriptionProjection } from './access-code-rules';

export const FOLLOW_SUBSCRIPTION_LISTENER = 'access-codes.follow-subscription';

interface SubscriptionSnapshot {
  id: string;
  status?: string;
  expiresAt?: Date | null;
}

/**
 * Keeps codes in step with their subscriptions: every `subscription.*` event updates the local
 * projection and the cached expiry of the linked codes, so codes in expiry mode `default` expire
 * (or come back) with their line. Deliveries are at least once and may arrive out of order: an
 * event older than the last one applied is ignored.
 */
@Injectable()
export class SubscriptionFollower implements OnModuleInit {
  constructor(
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.listen('subscription.*', FOLLOW_SUBSCRIPTION_LISTENER, (event) => this.apply(event));
  }

  async apply(event: HubEvent): Promise<void> {
    const snapshot = snapshotOf(event.payload.subscription);
    if (!snapshot) return;
    await this.events.transaction(async (em, emit) => {
      const known = await lockSubscriptionProjection(em, snapshot.id);
      if (known.lastEventId >= event.id) return;
      known.lastEventId = event.id;
      known.updatedAt = new Date();
      if (snapshot.status !== undefined) known.status = snapshot.status;
      if (snapshot.expiresAt === undefined) return;
      known.expiresAt = snapshot.expiresAt;
      const codes = await em.find(AccessCode, { subscriptionId: snapshot.id }, { populate: ['portal'] });
      for (const code of codes) {
        if ((code.subscriptionExpiresAt?.getTime() ?? null) === (snapshot.expiresAt?.getTime() ?? null)) continue;
        const before = code.effectiveExpiresAt?.getTime() ?? null;
        code.subscriptionExpiresAt = snapshot.expiresAt;
        code.effectiveExpiresAt = effectiveExpiry(code);
        const fields = (code.effectiveExpiresAt?.getTime() ?? null) === before ? ['subscriptionExpiresAt'] : ['subscriptionExpiresAt', 'effectiveExpiresAt'];
        await this.audit.record({ action: 'access_code.follow_subscription', target: { type: 'access_code', id: code.id }, details: { code: code.code, subscriptionId: snapshot.id, event: event.type, fields } }, em);
        if (!code.pending) emit({ type: 'access_code.updated', payload: accessCodePayload(code, { changes: fields, cause: event.type }), subject: accessCodeSubject(code) });
      }
    });
  }
}

function snapshotOf(value: unknown): SubscriptionSnapshot | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  if (typeof raw.id !== 'string' || raw.id === '' || raw.id.length > 36) return undefined;
  const snapshot: SubscriptionSnapshot = { id: raw.id, status: typeof raw.status === 'string' ? raw.status : undefined };
  if (raw.expiresAt === null) snapshot.expiresAt = null;
  else if (typeof raw.expiresAt === 'string' && !Number.isNaN(Date.parse(raw.expiresAt))) snapshot.expiresAt = new Date(raw.expiresAt);
  return snapshot;
}
