import type { EntityManager } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { preparedOn } from '../database/prepared-statements';
import { marked } from '../database/raw-rows';
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
 * path is two raw statements in one round trip on PostgreSQL (the guarded upsert of the
 * projection, held back to travel with "did this event apply, and is any code behind it?"); the
 * unit of work is only used when codes do change.
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
    await advanceProjection(em, snapshot, event.id);
    const expiresAt = snapshot.expiresAt;
    if (expiresAt === undefined || !(await anyCodeBehind(em, snapshot.id, expiresAt, event.id))) return;
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
 * them, whatever the database's collation). Nobody waits for it: on PostgreSQL it travels with the
 * code read that follows (or the commit). The statement leaves the row locked until commit, as
 * `lockSubscriptionProjection` does for a code being linked: the code read that follows (a new
 * statement, so a new snapshot under read committed, even in the same message) sees every code
 * linked before, and a code linked after waits and then reads the new expiry. Columns absent from
 * the snapshot keep their value (`expiresAt: null` does set null).
 */
async function advanceProjection(em: EntityManager, snapshot: SubscriptionSnapshot, eventId: string): Promise<void> {
  const sets = ['last_event_id = excluded.last_event_id', 'updated_at = excluded.updated_at'];
  if (snapshot.status !== undefined) sets.push('status = excluded.status');
  if (snapshot.expiresAt !== undefined) sets.push('expires_at = excluded.expires_at');
  const bytewise = isSqlite(em) ? '' : ' collate "C"';
  const sql =
    `insert into hub_access_code_subscription (id, expires_at, status, last_event_id, updated_at) values (?, ?, ?, ?, ?) ` +
    `on conflict (id) do update set ${sets.join(', ')} ` +
    `where hub_access_code_subscription.last_event_id${bytewise} < excluded.last_event_id${bytewise}`;
  await em.getConnection().execute(marked(em, preparedOn(em, sql, 5), { deferred: true }), [snapshot.id, snapshot.expiresAt ?? null, snapshot.status ?? null, eventId, new Date()], 'run', em.getTransactionContext());
}

/**
 * Whether the projection took this event and a code linked to the subscription holds another
 * expiry than `expiresAt` (the usual answer: no code at all). A projection row created by this
 * event has no code: linking a code creates the row first.
 */
async function anyCodeBehind(em: EntityManager, subscriptionId: string, expiresAt: Date | null, eventId: string): Promise<boolean> {
  const differs = expiresAt === null ? 'subscription_expires_at is not null' : '(subscription_expires_at is null or subscription_expires_at <> ?)';
  const applied = 'exists (select 1 from hub_access_code_subscription p where p.id = ? and p.last_event_id = ?)';
  const params = [subscriptionId, ...(expiresAt === null ? [] : [expiresAt]), subscriptionId, eventId];
  const sql = preparedOn(em, `select id from hub_access_code where subscription_id = ? and ${differs} and ${applied} limit 1`, params.length);
  const rows = await em.getConnection().execute<unknown[]>(sql, params, 'all', em.getTransactionContext());
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
