import { ConflictError } from '../common/errors';

/** SPEC §4.4. `failed` means "needs review": a human has to look before anything else happens. */
export const SUBSCRIPTION_STATUSES = ['pending', 'provisioning', 'active', 'grace', 'suspended', 'expired', 'cancelled', 'failed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * Allowed transitions. Staying in the same status is never a transition (callers treat it as a
 * no-op so that repeated deliveries stay idempotent). `cancelled` is final.
 */
const TRANSITIONS: Record<SubscriptionStatus, readonly SubscriptionStatus[]> = {
  pending: ['provisioning', 'active', 'failed', 'cancelled'],
  provisioning: ['active', 'failed', 'cancelled'],
  active: ['grace', 'suspended', 'expired', 'cancelled', 'failed'],
  grace: ['active', 'suspended', 'expired', 'cancelled', 'failed'],
  suspended: ['active', 'expired', 'cancelled', 'failed'],
  expired: ['active', 'cancelled', 'failed'],
  failed: ['pending', 'provisioning', 'active', 'grace', 'suspended', 'expired', 'cancelled'],
  cancelled: [],
};

export function canTransition(from: SubscriptionStatus, to: SubscriptionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class InvalidTransitionError extends ConflictError {
  constructor(
    readonly from: SubscriptionStatus,
    readonly to: SubscriptionStatus,
    subscriptionId: string,
  ) {
    super('INVALID_SUBSCRIPTION_TRANSITION', `A ${from} subscription cannot become ${to}`, { from, to, subscriptionId, allowed: TRANSITIONS[from] });
  }
}

export function assertTransition(from: SubscriptionStatus, to: SubscriptionStatus, subscriptionId: string): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to, subscriptionId);
}
