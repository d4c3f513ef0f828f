import type { EntityManager } from '@mikro-orm/core';
import { UnprocessableError } from '../common/errors';
import { forChange } from '../database/row-lock';
import { Portal } from '../portals/portal.entity';
import { checkCode } from './code-format';
import type { CodeStore } from './code-generator';
import { AccessCode, ExpiryMode } from './access-code.entity';
import { SubscriptionExpiry } from './subscription-expiry.entity';

/** The normalised code, or 422 naming every format rule the input breaks. */
export function validCode(input: unknown, field = 'code'): string {
  const { code, violations } = checkCode(input);
  if (violations.length > 0) {
    throw new UnprocessableError(
      'INVALID_CODE_FORMAT',
      `The code is not valid: ${violations.map((v) => v.message).join('; ')}`,
      violations.map((v) => ({ field, code: v.rule, message: v.message })),
    );
  }
  return code;
}

export async function portalOrFail(em: EntityManager, id: string): Promise<Portal> {
  const portal = await em.findOne(Portal, { id });
  if (!portal) throw new UnprocessableError('PORTAL_NOT_FOUND', `Portal ${id} does not exist`, [{ field: 'portalId', message: `portal ${id} does not exist`, code: 'PORTAL_NOT_FOUND' }]);
  return portal;
}

export interface ExpiryPlan {
  expiryMode: ExpiryMode;
  expiresAt: Date | null;
}

/**
 * The expiry after a change: `expiresAt` alone means mode `date`; mode `date` needs an instant;
 * the other modes refuse one (an instant there would be silently ignored otherwise).
 */
export function planExpiry(current: ExpiryPlan | undefined, mode: ExpiryMode | undefined, expiresAt: string | Date | null | undefined): ExpiryPlan {
  const given = expiresAt === undefined || expiresAt === null ? expiresAt : new Date(expiresAt);
  if (given instanceof Date && Number.isNaN(given.getTime())) throw new UnprocessableError('INVALID_EXPIRY', 'expiresAt is not a valid instant', [{ field: 'expiresAt', message: 'not a valid ISO-8601 instant', code: 'INVALID_EXPIRY' }]);
  const next: ExpiryMode = mode ?? (given ? 'date' : (current?.expiryMode ?? 'default'));
  if (next === 'date') {
    const at = given !== undefined ? given : (current?.expiresAt ?? null);
    if (!at) throw new UnprocessableError('EXPIRES_AT_REQUIRED', 'Expiry mode date needs expiresAt', [{ field: 'expiresAt', message: 'required when expiryMode is date', code: 'EXPIRES_AT_REQUIRED' }]);
    return { expiryMode: 'date', expiresAt: at };
  }
  if (given) {
    throw new UnprocessableError('EXPIRY_CONFLICT', `expiresAt applies only to expiry mode date (not ${next})`, [{ field: 'expiresAt', message: `not allowed with expiryMode ${next}`, code: 'EXPIRY_CONFLICT' }]);
  }
  return { expiryMode: next, expiresAt: null };
}

/**
 * The projection row of a subscription, created empty if absent and locked for the rest of the
 * transaction. Linking a code and applying a subscription event both take this lock first, so
 * one of them always sees the other's commit: without it (PostgreSQL, read committed) a code
 * created while an event is applied could miss the expiry until the next event. SQLite needs no
 * row lock: it runs one writing transaction at a time.
 */
export async function lockSubscriptionProjection(em: EntityManager, subscriptionId: string): Promise<SubscriptionExpiry> {
  await em.upsert(SubscriptionExpiry, unknownProjection(subscriptionId), { onConflictFields: ['id'], onConflictAction: 'ignore' });
  return em.findOneOrFail(SubscriptionExpiry, { id: subscriptionId }, forChange(em));
}

/** The projection row of a subscription no event has reached yet: written (if missing) so that it can be locked. */
export function unknownProjection(subscriptionId: string, now = new Date()): Pick<SubscriptionExpiry, 'id' | 'lastEventId' | 'expiresAt' | 'updatedAt'> {
  return { id: subscriptionId, lastEventId: '', expiresAt: null, updatedAt: now };
}

/** The subscription's expiry as last reported by its events (null when unknown). */
export async function knownSubscriptionExpiry(em: EntityManager, subscriptionId: string | null | undefined): Promise<Date | null> {
  if (!subscriptionId) return null;
  return (await lockSubscriptionProjection(em, subscriptionId)).expiresAt ?? null;
}

/** Codes taken in the database, pending import rows included (they reserve their codes). */
export function databaseCodeStore(em: EntityManager): CodeStore {
  return {
    async taken(codes) {
      const rows = await em
        .getConnection()
        .execute<{ code: string }[]>(`select code from hub_access_code where code in (${codes.map(() => '?').join(', ')})`, codes, 'all', em.getTransactionContext());
      return new Set(rows.map((row: { code: string }) => row.code));
    },
    countOfLength(length) {
      return em.count(AccessCode, { code: { $like: '_'.repeat(length) } });
    },
  };
}
