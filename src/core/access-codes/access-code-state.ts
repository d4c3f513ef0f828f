import type { AccessCodeState, AccessCodeStatus, ExpiryMode } from './access-code.entity';

export interface ExpiryInput {
  expiryMode: ExpiryMode;
  expiresAt?: Date | null;
  subscriptionId?: string | null;
  subscriptionExpiresAt?: Date | null;
}

/** When a code stops working: the set date, never (lifetime), or the linked subscription's expiry. */
export function effectiveExpiry(input: ExpiryInput): Date | null {
  if (input.expiryMode === 'lifetime') return null;
  if (input.expiryMode === 'date') return input.expiresAt ?? null;
  return input.subscriptionId ? (input.subscriptionExpiresAt ?? null) : null;
}

export interface StateInput {
  status: AccessCodeStatus;
  expiryMode: ExpiryMode;
  effectiveExpiresAt?: Date | null;
}

/** The display state: inactive wins, then expired, then lifetime, else active. */
export function stateOf(code: StateInput, now: Date = new Date()): AccessCodeState {
  if (code.status === 'inactive') return 'inactive';
  if (isExpired(code, now)) return 'expired';
  return code.expiryMode === 'lifetime' ? 'lifetime' : 'active';
}

export function isExpired(code: StateInput, now: Date = new Date()): boolean {
  return code.expiryMode !== 'lifetime' && !!code.effectiveExpiresAt && code.effectiveExpiresAt.getTime() <= now.getTime();
}

/** A code can log in when it is active and not expired. */
export function canLogIn(code: StateInput, now: Date = new Date()): boolean {
  return code.status === 'active' && !isExpired(code, now);
}
