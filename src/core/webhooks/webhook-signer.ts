import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new endpoint secret: 32 random bytes, base64, with the Standard Webhooks `whsec_` prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** `msg_` + the delivery id without dashes: stable across retries, never contains a dot. */
export function messageId(deliveryId: string): string {
  return `msg_${deliveryId.replace(/-/g, '')}`;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs `id.timestamp.body` with each secret through the `standardwebhooks` package; several
 * secrets (during a rotation overlap) give several space-separated `v1,…` entries, and a receiver
 * holding either secret verifies.
 */
export function signDelivery(msgId: string, body: string, secrets: string[], at: Date = new Date()): SignedHeaders {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(msgId, at, body));
  return { 'webhook-id': msgId, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signatures.join(' ') };
}
