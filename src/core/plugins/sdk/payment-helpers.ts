import { timingSafeEqual } from 'node:crypto';
import { PluginError, PluginErrorCode } from './errors';
import type { PluginHttpResponse } from './runtime';
import { tryParseJson } from './wire';

/**
 * Shared pieces of payment plugins: reading a provider's HTTP failure, the signature error, and
 * constant-time comparison of signatures (never `===`: a timing side channel leaks the MAC).
 */

const HINTS: Partial<Record<PluginErrorCode, string>> = {
  AUTH_FAILED: 'Check the API key / client credentials configured for this payment account.',
  FORBIDDEN: 'The API key lacks a permission this operation needs: grant it at the provider.',
  INVALID_INPUT: 'The provider rejected the request; see the provider message.',
  RATE_LIMITED: 'The provider is rate limiting the hub; the call is retried with backoff.',
  PANEL_UNAVAILABLE: 'The payment provider answered with a server error; it is retried with backoff.',
};

/** Maps a provider's HTTP answer to a normalised error (undefined for 2xx/3xx). `message` digs the provider's text out of the body. */
export function paymentHttpError(provider: string, response: PluginHttpResponse, message?: (body: unknown) => string | undefined): PluginError | undefined {
  const status = response.status;
  if (status < 400) return undefined;
  const parsed = tryParseJson(response.body);
  const providerMessage = (message?.(parsed) ?? (parsed === undefined ? response.body : JSON.stringify(parsed))).slice(0, 300);
  const code: PluginErrorCode = status === 401 ? 'AUTH_FAILED' : status === 403 ? 'FORBIDDEN' : status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'PANEL_UNAVAILABLE' : 'INVALID_INPUT';
  return new PluginError(code, `${provider} answered HTTP ${status}`, { httpStatus: status, providerMessage, hint: HINTS[code] });
}

/** The one error a bad, missing, stale or wrongly keyed webhook signature gives. */
export function signatureInvalid(provider: string, reason: string): PluginError {
  return new PluginError('WEBHOOK_SIGNATURE_INVALID', `${provider} webhook rejected: ${reason}`, { retryable: false });
}

/** Constant-time equality of two strings (hex digests, tokens). Different lengths are simply unequal. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    // Still spend the comparison so a length mismatch is not faster than a content mismatch.
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** A header value whatever the casing and whether Node gave a list. */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Parses a webhook body as a JSON object or rejects it as unsigned garbage. */
export function jsonObjectBody(provider: string, rawBody: Buffer): Record<string, unknown> {
  const parsed = tryParseJson(rawBody.toString('utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw signatureInvalid(provider, 'the body is not a JSON object');
  return parsed as Record<string, unknown>;
}
