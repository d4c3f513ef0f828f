import { isSecretName } from '../plugins/sdk';

export const REDACTED = '[redacted]';

/**
 * Deep copy with the values of secret-looking keys replaced. Applied to everything that goes into
 * logs, audit details and run inputs/outputs, as a net under the explicit handling of secrets.
 */
export function redact<T>(value: T, depth = 0): T {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isSecretName(key) && item !== null && item !== undefined && typeof item !== 'object' ? REDACTED : redact(item, depth + 1);
  }
  return out as T;
}

/** Removes secret query parameters (api_key, api_pass, password, token… — isSecretName) from a URL for logging. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) if (isSecretName(key)) parsed.searchParams.set(key, REDACTED);
    if (parsed.password) parsed.password = REDACTED;
    return parsed.toString();
  } catch {
    // Not a URL: every parameter with a secret name, and (as before) any whose name has pass, key, token or secret in it.
    return url
      .replace(/([?&]([^=&#]*)=)[^&#]*/g, (match, prefix: string, name: string) => (isSecretName(decodeName(name)) ? `${prefix}${REDACTED}` : match))
      .replace(/([?&][^=]*(pass|key|token|secret)[^=]*=)[^&]*/gi, `$1${REDACTED}`);
  }
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
