/** Opens a sealed value (SecretBox.decryptJson); injected so this file stays pure. */
export type Unseal = (sealed: string) => unknown;

export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The body of a delivery, `{type, timestamp, data}` (Standard Webhooks), with credentials only
 * for endpoints allowed to receive them: `credentialsSealed` is unsealed into `credentials` for
 * those; every `credentials`/`*Sealed` key and the event type's credential paths are dropped for
 * the others.
 */
export function buildPayload(type: string, occurredAt: Date, data: Record<string, unknown>, credentialsAllowed: boolean, unseal: Unseal, credentialPaths: string[] = []): string {
  const clean = sanitize(data, credentialsAllowed, unseal) as Record<string, unknown>;
  if (!credentialsAllowed) for (const path of credentialPaths) removePath(clean, path.split('.'));
  const payload: WebhookPayload = { type, timestamp: occurredAt.toISOString(), data: clean };
  return JSON.stringify(payload);
}

function removePath(target: unknown, path: string[]): void {
  if (target === null || typeof target !== 'object') return;
  const [head, ...rest] = path;
  if (rest.length === 0) delete (target as Record<string, unknown>)[head];
  else removePath((target as Record<string, unknown>)[head], rest);
}

export function credentialsAllowed(includeCredentials: boolean, url: string, allowInsecure: boolean): boolean {
  return includeCredentials && (url.startsWith('https://') || allowInsecure);
}

function sanitize(value: unknown, allowed: boolean, unseal: Unseal): unknown {
  if (Array.isArray(value)) return value.map((item) => sanitize(item, allowed, unseal));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'credentialsSealed') {
      if (allowed && typeof item === 'string') out.credentials = unseal(item);
    } else if (key.endsWith('Sealed')) {
      continue;
    } else if (key === 'credentials') {
      if (allowed) out.credentials ??= item;
    } else {
      out[key] = sanitize(item, allowed, unseal);
    }
  }
  return out;
}
