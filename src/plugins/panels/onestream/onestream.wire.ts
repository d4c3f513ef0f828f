import { createHash } from 'node:crypto';
import { describeAnswer, PanelLine, PanelPackage, PluginError, PluginErrorCode, PluginHttpResponse, redactSecretFields, tryParseJson } from '../../../core/plugins/sdk';

/** The 1-Stream cloud "ext" API wire format (panels.md §4). */

/** A line as the list endpoints return it: UUID id, ISO-8601 expiry with offset (null = unlimited). */
export interface OneStreamLine {
  line_id: string;
  username: string;
  password?: string;
  mac_addr?: string | null;
  owner?: string;
  type?: 'regular' | 'device';
  expire_at: string | null;
  is_enabled: boolean;
  is_restreamer?: boolean;
  is_trial?: boolean;
  package_id?: number | null;
  bouquets?: number[];
  max_connections: number;
  reseller_notes?: string | null;
}

/** The answer of create and renew. `transaction_amount` is negative: the credits spent. */
export interface OneStreamCharge {
  line_id: string;
  expire_at: string | null;
  transaction_amount?: number;
  rid?: string;
}

/** Package rows (path and shape not published: assumed, see README). */
export interface OneStreamPackage {
  id: number | string;
  name: string;
  credits?: number;
  duration?: number;
  duration_in?: string;
  max_connections?: number;
  bouquets?: number[];
  is_trial?: boolean;
}

const DAYS: Record<string, number> = { hours: 1 / 24, days: 1, months: 30, years: 365 };

/** The error text of an answer, whatever its shape: `{message}`, `{error:"…"}`, `{error:{message}}`, `{errors:{field:[…]}}`. */
export function errorText(body: string): string {
  const parsed = tryParseJson(body) as Record<string, unknown> | undefined;
  if (!parsed || typeof parsed !== 'object') return redactSecretFields(body).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const error = parsed.error as unknown;
  const fromErrors = parsed.errors && typeof parsed.errors === 'object' ? Object.values(parsed.errors as Record<string, unknown>).flat().map(String)[0] : undefined;
  const text = typeof parsed.message === 'string' ? parsed.message : typeof error === 'string' ? error : typeof (error as { message?: unknown })?.message === 'string' ? (error as { message: string }).message : fromErrors;
  return String(text ?? '').slice(0, 300);
}

/** What a validation-style failure (HTTP 422/400/402, or a 200 with an error status) is about, by its text. */
function validationCode(text: string): PluginErrorCode {
  if (/credit|balance|funds/i.test(text)) return 'INSUFFICIENT_CREDITS';
  if (/trial/i.test(text)) return 'NO_TRIALS_LEFT';
  if (/username.*(taken|exists|already|in use)|already.*username/i.test(text)) return 'DUPLICATE_USERNAME';
  if (/package/i.test(text)) return 'PACKAGE_NOT_FOUND';
  return 'INVALID_INPUT';
}

/**
 * Reads an answer. The error format is not published: conventional HTTP statuses are assumed
 * (401 bad key/token, 403 missing permission or refused address, 404 unknown line, 422
 * validation, 429, 5xx) with a JSON message in any of the usual shapes; a 200 carrying
 * `"status":"error"` is read as a validation failure too.
 */
export function classifyOneStream(response: PluginHttpResponse): PluginError | undefined {
  const { status, body } = response;
  const text = errorText(body);
  const options = { httpStatus: status, providerMessage: text || undefined };
  if (status === 401) return new PluginError('AUTH_FAILED', '1-Stream refused the API key or token (HTTP 401)', { ...options, hint: "Check the admin's API key (Settings → API Access Tokens) and the reseller's API token (Profile → Create token) configured for this panel, and the header names if your 1-Stream build differs." });
  if (status === 403 && /\bip\b|address/i.test(text)) return new PluginError('IP_NOT_ALLOWED', '1-Stream refused the hub\'s address (HTTP 403)', options);
  if (status === 403) return new PluginError('FORBIDDEN', '1-Stream refused the operation: the API token lacks the permission (HTTP 403)', { ...options, hint: 'Give the reseller\'s API token the permissions the hub uses: indexLines, indexPackages, createLinesWithPackage, destroyLines, statusLineToggle (and editLines for password or expiry changes).' });
  if (status === 404) return new PluginError('USER_NOT_FOUND', '1-Stream does not know this line (HTTP 404)', options);
  if (status === 429) return new PluginError('RATE_LIMITED', '1-Stream is rate limiting the hub (HTTP 429)', options);
  if (status >= 500) return new PluginError('PANEL_UNAVAILABLE', `1-Stream answered HTTP ${status}`, options);
  if (status === 400 || status === 402 || status === 409 || status === 422) {
    const code = validationCode(text);
    return new PluginError(code, `1-Stream refused the request: ${text || `HTTP ${status}`}`, options);
  }
  if (status >= 300) return new PluginError('UNKNOWN', `1-Stream answered HTTP ${status}`, options);
  const parsed = tryParseJson(body) as Record<string, unknown> | undefined;
  if (parsed === undefined) return new PluginError('UNKNOWN', '1-Stream answered something that is not JSON', { httpStatus: status, providerMessage: redactSecretFields(body).slice(0, 200) });
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && /^(error|fail)/i.test(String(parsed.status ?? ''))) {
    return new PluginError(validationCode(text), `1-Stream refused the request: ${text || 'error'}`, options);
  }
  return undefined;
}

/** A `rid` (request id) for a call that must happen once: the panel answers a repeated rid with the first answer. */
export function requestId(...parts: string[]): string {
  return `hub-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`;
}

/** ISO-8601 with offset → ISO UTC instant (null stays null = unlimited). */
export function fromIso(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new PluginError('UNKNOWN', `1-Stream returned an expiry that is not ISO-8601: ${String(value).slice(0, 40)}`);
  return new Date(ms).toISOString();
}

export function toLine(row: OneStreamLine): PanelLine {
  const { password, ...raw } = row;
  return {
    externalId: row.line_id,
    username: row.username,
    password: password ?? undefined,
    packageId: row.package_id === null || row.package_id === undefined ? null : String(row.package_id),
    bouquetIds: (row.bouquets ?? []).map(String),
    expiresAt: fromIso(row.expire_at),
    maxConnections: Number(row.max_connections ?? 1),
    enabled: row.is_enabled !== false,
    isTrial: row.is_trial === true,
    notes: String(row.reseller_notes ?? '').replace(/\n?iptv-hub:[0-9a-f]{16}/g, '').trim() || null,
    raw,
  };
}

export function toPackage(row: OneStreamPackage): PanelPackage {
  const unit = String(row.duration_in ?? 'months');
  return {
    externalId: String(row.id),
    name: row.name,
    durationDays: row.duration !== undefined && DAYS[unit] ? Math.round(row.duration * DAYS[unit] * 1000) / 1000 : undefined,
    maxConnections: row.max_connections,
    creditCost: row.credits,
    isTrial: row.is_trial === true,
    raw: row,
  };
}

/** A list answer in any of the shapes seen: bare array, `{data:[…]}`, `{data:{items:[…]}}`. */
export function listOf<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[];
  const data = (answer as { data?: unknown })?.data;
  if (Array.isArray(data)) return data as T[];
  const items = (data as { items?: unknown })?.items;
  if (Array.isArray(items)) return items as T[];
  throw new PluginError('UNKNOWN', '1-Stream did not answer a list', { providerMessage: describeAnswer(answer) });
}
