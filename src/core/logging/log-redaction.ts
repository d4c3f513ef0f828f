import { redact } from '../audit/redact';

/**
 * A log line's fields with the values of secret names masked, by the same rule as the audit log
 * (the SDK's `isSecretName`, through `redact`): `logger.warn({ panel: { apiKey } }, …)` writes
 * `[redacted]`. Only plain objects and arrays are walked: errors, requests and responses are left
 * whole to pino's serializers (an error's message and stack are not own enumerable fields, and a
 * request's headers are not logged at all).
 */
export function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const plainFields: Record<string, unknown> = {};
  const others: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isPlainObject(value)) others[key] = value;
    else plainFields[key] = value;
  }
  return { ...redact(plainFields), ...others };
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
