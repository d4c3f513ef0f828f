import type { SecretBox } from '../../core/crypto/secret-box';
import { isSecretName } from '../../core/plugins/sdk';

const SEALED = '$sealed';

/**
 * Step outputs and saved state are data later steps need (a new line's password goes from
 * panel.createLine to subscription.activate), so secrets cannot simply be dropped: values under
 * secret-looking keys are sealed with the hub key in the database and shown redacted by the API.
 */
export function sealSecrets(value: unknown, box: SecretBox, depth = 0): unknown {
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => sealSecrets(item, box, depth + 1));
  if (isSealed(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isSecretName(key) && typeof item === 'string' ? { [SEALED]: box.encrypt(item) } : sealSecrets(item, box, depth + 1);
  }
  return out;
}

export function unsealSecrets(value: unknown, box: SecretBox, depth = 0): unknown {
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => unsealSecrets(item, box, depth + 1));
  if (isSealed(value)) return box.decrypt((value as Record<string, string>)[SEALED]);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = unsealSecrets(item, box, depth + 1);
  return out;
}

/** For the API and the audit log: sealed values and secret-looking keys shown as [redacted]. */
export function redactSealed(value: unknown, depth = 0): unknown {
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactSealed(item, depth + 1));
  if (isSealed(value)) return '[redacted]';
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = isSecretName(key) && typeof item === 'string' ? '[redacted]' : redactSealed(item, depth + 1);
  return out;
}

function isSealed(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === SEALED;
}
