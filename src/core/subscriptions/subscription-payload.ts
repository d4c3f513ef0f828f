import type { Product } from '../products/product.entity';
import type { Subscription } from './subscription.entity';

export interface SubscriptionPayload {
  id: string;
  customerId: string;
  productId: string;
  panelId: string;
  status: string;
  expiresAt: string | null;
  lineId?: string;
  username?: string;
  packageId: string;
  maxConnections: number;
}

/** The shape every `subscription.*` event carries (the convention shared with access codes and webhooks). Never a password. */
export function subscriptionPayload(subscription: Subscription): SubscriptionPayload {
  return {
    id: subscription.id,
    customerId: subscription.customer.id,
    productId: subscription.product.id,
    panelId: subscription.panel.id,
    status: subscription.status,
    expiresAt: subscription.expiresAt ? subscription.expiresAt.toISOString() : null,
    ...(subscription.lineId ? { lineId: subscription.lineId } : {}),
    ...(subscription.username ? { username: subscription.username } : {}),
    packageId: subscription.packageExternalId,
    maxConnections: subscription.maxConnections,
  };
}

/**
 * The payload of a `subscription.*` event: the nested `subscription` (the convention between
 * modules) plus the flat fields of the published event catalogue.
 */
export function subscriptionEventPayload(subscription: Subscription, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const nested = subscriptionPayload(subscription);
  return { subscription: nested, subscriptionId: nested.id, customerId: nested.customerId, productId: nested.productId, panelId: nested.panelId, status: nested.status, expiresAt: nested.expiresAt, ...extra };
}

export type DurationSpec = { unit: 'hours' | 'days' | 'months'; value: number };

export function durationOf(product: Product): DurationSpec {
  return { unit: product.durationUnit, value: product.durationValue };
}

/** Adds a product duration to an instant (months are calendar months, in UTC). */
export function addDuration(from: Date, duration: DurationSpec): Date {
  const out = new Date(from.getTime());
  if (duration.unit === 'hours') out.setTime(out.getTime() + duration.value * 3_600_000);
  else if (duration.unit === 'days') out.setTime(out.getTime() + duration.value * 86_400_000);
  else out.setUTCMonth(out.getUTCMonth() + duration.value);
  return out;
}

/** Renewal rule: extend from the current expiry if it is still ahead, else from now. */
export function renewedExpiry(current: Date | null | undefined, duration: DurationSpec, now = new Date()): Date {
  const base = current && current.getTime() > now.getTime() ? current : now;
  return addDuration(base, duration);
}
