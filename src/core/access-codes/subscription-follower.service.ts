import type { EntityManager } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { isSqlite } from '../database/row-lock';
import { Emit, EventsService, HubEvent } from '../events/events.service';
import { AccessCode } from './access-code.entity';
import { accessCodePayload, accessCodeSubject } from './access-code-events';
import { effectiveExpiry } from './access-code-state';

export const FOLLOW_SUBSCRIPTION_LISTENER = 'access-codes.follow-subscription';

interface SubscriptionSnapshot {
  id: string;
  status?: string;
  expiresAt?: Date | null;
}

/**
 * Keeps codes in step with their subscriptions: every `subscription.*` event updates the local
 * projection and the cached expiry of the linked codes, so codes in expiry mode `default` expire
 * (or come back) with their line. It follows inside the transaction that emits the event (an
 * in-transaction listener), so the projection commits with the subscription change; `apply` takes
 * an event delivered on its own, in a transaction of its own. An event older than the last one
 * applied, or applied already, is ignored.
 *
 * Every purchase sends a few of these events and most subscriptions have no code, so the common
 * path is two raw statements (the guarded upsert of the projection, then "any code to change?");
 * the unit of work is only used when codes do change.
 */
@Injectable()
export class SubscriptionFollower implements OnModuleInit {
  constructor(
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.listen('subscription.*', FOLLOW_SUBSCRIPTION_LISTENER, (event) => this.apply(event), { inTransaction: (event, tx) => this.follow(event, tx.em, tx.emit) });
  }

  /** Applies one event in a transaction of its own. */
  async apply(event: HubEvent): Promise<void> {
    await this.events.transaction((em, emit) => this.follow(event, em, emit));
  }

  private async follow(event: HubEvent, em: EntityManager, emit: Emit): Promise<void> {
    const snapshot = snapshotOf(event.payload.subscription);
    if (!snapshot) return;
    const applied = await advanceProjection(em, snapshot, event.id);
    // A projection row created just now has no code: linking a code creates the row first.
    if (applied !== 'updated') return;
    const expiresAt = snapshot.expiresAt;
    if (expiresAt === undefined || !(await anyCodeBehind(em, snapshot.id, expiresAt))) return;
    const codes = await em.find(AccessCode, { subscriptionId: snapshot.id }, { populate: ['portal'] });
    for (const code of codes) {
      if ((code.subscriptionExpiresAt?.getTime() ?? null) === (expiresAt?.getTime() ?? null)) continue;
      const before = code.effectiveExpiresAt?.getTime() ?? null;
      code.subscriptionExpiresAt = expiresAt;
      code.effectiveExpiresAt = effectiveExpiry(code);
      const fields = (code.effectiveExpiresAt?.getTime() ?? null) === before ? ['subscriptionExpiresAt'] : ['subscriptionExpiresAt', 'effectiveExpiresAt'];
      await this.audit.record({ action: 'access_code.follow_subscription', target: { type: 'access_code', id: code.id }, details: { code: code.code, subscriptionId: snapshot.id, event: event.type, fields } }, em);
      if (!code.pending) emit({ type: 'access_code.updated', payload: accessCodePayload(code, { changes: fields, cause: event.type }), subject: accessCodeSubject(code) });
    }
  }
}

/**
 * Applies the snapshot to the projection row (creating it if absent) unless the row already holds
 * this event or a newer one (UUIDv7 ids sort by time; compared bytewise, as JavaScript compares
 * them, whatever the database's collation). `created` when the row is new (told on PostgreSQL
 * only; SQLite says `updated` for both), `updated`, or `ignored`. On PostgreSQL the statement
 * leaves the row locked until commit, as `lockSubscriptionProjection` does for a code being
 * linked: the code read that follows (a new statement, so a new snapshot under read committed)
 * sees every code linked before, and a code linked after waits and then reads the new expiry.
 * Columns absent from the snapshot keep their value (`expiresAt: null` does set null).
 */
async function advanceProjection(em: EntityManager, snapshot: SubscriptionSnapshot, eventId: string): Promise<'created' | 'updated' | 'ignored'> {
  const sets = ['last_event_id = excluded.last_event_id', 'updated_at = excluded.updated_at'];
  if (snapshot.status !== undefined) sets.push('status = excluded.status');
  if (snapshot.expiresAt !== undefined) sets.push('expires_at = excluded.expires_at');
  const sqlite = isSqlite(em);
  const bytewise = sqlite ? '' : ' collate "C"';
  // xmax is 0 on a row version that an insert made (not an update).
  const returning = sqlite ? 'id' : 'id, (xmax = 0) as created';
  const rows = await em
    .getConnection()
    .execute<{ created?: boolean }[]>(
      `insert into hub_access_code_subscription (id, expires_at, status, last_event_id, updated_at) values (?, ?, ?, ?, ?) ` +
        `on conflict (id) do update set ${sets.join(', ')} ` +
        `where hub_access_code_subscription.last_event_id${bytewise} < excluded.last_event_id${bytewise} returning ${returning}`,
      [snapshot.id, snapshot.expiresAt ?? null, snapshot.status ?? null, eventId, new Date()],
      'all',
      em.getTransactionContext(),
    );
  if (rows.length === 0) return 'ignored';
  return rows[0].created === true ? 'created' : 'updated';
}

/** Whether a code linked to the subscription holds another expiry than `expiresAt` (the usual answer: no code at all). */
async function anyCodeBehind(em: EntityManager, subscriptionId: string, expiresAt: Date | null): Promise<boolean> {
  const differs = expiresAt === null ? 'subscription_expires_at is not null' : '(subscription_expires_at is null or subscription_expires_at <> ?)';
  const rows = await em
    .getConnection()
    .execute<unknown[]>(`select id from hub_access_code where subscription_id = ? and ${differs} limit 1`, expiresAt === null ? [subscriptionId] : [subscriptionId, expiresAt], 'all', em.getTransactionContext());
  return rows.length > 0;
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
