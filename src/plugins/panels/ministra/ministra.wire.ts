import { formatInTimeZone, parseInTimeZone, PanelLine, PanelPackage, PluginError, PluginErrorCode, PluginHttpResponse, redactSecretFields, tryParseJson } from '../../../core/plugins/sdk';

/** The Ministra / Stalker REST API v1 wire format (panels.md §2). */

/** Every answer: `{"status":"OK","results":…}` or `{"status":"ERROR","results":null,"error":"…"}`, plus `output` when PHP printed something. */
export interface MinistraEnvelope<T = unknown> {
  status: 'OK' | 'ERROR';
  results: T;
  error?: string;
  output?: string;
}

/** An account as GET accounts/users return it. `status` is 1 = active, 0 = disabled (inverted from the DB column). */
export interface MinistraAccount {
  login: string;
  full_name?: string;
  phone?: string;
  account_number?: string;
  /** The tariff plan's external_id (the default plan's when none is set). */
  tariff_plan?: string;
  stb_mac?: string;
  status: number | string;
  online?: string;
  comment?: string | null;
  /** Only present when the panel runs its internal billing; `0000-00-00 00:00:00` = none. */
  end_date?: string;
  account_balance?: string;
  last_active?: string;
  subscribed?: string[];
  subscribed_id?: (string | number)[];
}

export interface MinistraTariff {
  id: number | string;
  external_id: string;
  name: string;
  user_default: boolean | number | string;
  packages?: { id: number | string; external_id?: string; name?: string; optional?: number | string | boolean }[];
}

export interface MinistraServicePackage {
  id: number | string;
  external_id: string;
  name: string;
  description?: string;
  type?: string;
  service_type?: string;
  rent_duration?: number | string;
  price?: number | string;
  services?: 'all' | { id: number | string; name: string }[];
}

export interface MinistraSubscription {
  mac?: string;
  subscribed: string[];
  subscribed_id: (string | number)[];
}

const NO_DATE = '0000-00-00 00:00:00';

/** The `error` texts of the API and what they mean to the hub. */
const ERRORS: [RegExp, PluginErrorCode][] = [
  [/^Account not found$|^STB not found$/i, 'USER_NOT_FOUND'],
  [/^Login already in use$/i, 'DUPLICATE_USERNAME'],
  [/^Login required$|^Not valid mac address$|^MAC address already in use$|^HTTP POST data is empty$|^Insert data is empty$|^Update data is empty$|^Identifier required$|^Only one identifier allowed$|^One or more identifiers are incorrect$|^Login and password required$/i, 'INVALID_INPUT'],
  [/does not exist$|does not support action|^Not supported method$|^Empty resource$/i, 'NOT_SUPPORTED'],
];

/**
 * Reads an answer of the API: 401 (Basic auth), 404 `API not enabled`, web-server pages in front
 * of it (403 allow-list, 429, 5xx), and the envelope's `ERROR` inside HTTP 200.
 */
export function classifyMinistra(response: PluginHttpResponse): PluginError | undefined {
  const { status, body } = response;
  if (status === 401) return new PluginError('AUTH_FAILED', 'The Ministra API refused the credentials (HTTP 401)', { httpStatus: 401, hint: 'Check api_auth_login / api_auth_password of [server_api] in the portal\'s custom.ini against the login and password configured for this panel.' });
  if (status === 404 && /API not enabled/i.test(body)) return new PluginError('FORBIDDEN', 'The Ministra REST API is not enabled', { httpStatus: 404, providerMessage: 'API not enabled', hint: 'Set enable_api = true in the [server_api] section of the portal\'s custom.ini.' });
  if (status === 404) return new PluginError('NOT_SUPPORTED', 'No Ministra API at this address (HTTP 404)', { httpStatus: 404, hint: 'Check the base URL (the portal origin, e.g. https://portal.example) and the API path setting.' });
  if (status === 403) return new PluginError('IP_NOT_ALLOWED', 'The web server in front of Ministra refused the hub\'s address (HTTP 403)', { httpStatus: 403 });
  if (status === 429) return new PluginError('RATE_LIMITED', 'The web server in front of Ministra is rate limiting the hub (HTTP 429)', { httpStatus: 429 });
  if (status >= 500) return new PluginError('PANEL_UNAVAILABLE', `Ministra answered HTTP ${status}`, { httpStatus: status });
  if (status !== 200) return new PluginError('UNKNOWN', `Ministra answered HTTP ${status}`, { httpStatus: status, providerMessage: redactSecretFields(body).slice(0, 200) });
  const parsed = tryParseJson(body) as MinistraEnvelope | undefined;
  if (!parsed || typeof parsed !== 'object' || (parsed.status !== 'OK' && parsed.status !== 'ERROR')) return new PluginError('UNKNOWN', 'Ministra answered something that is not its JSON envelope', { httpStatus: 200, providerMessage: redactSecretFields(body).slice(0, 200) });
  if (parsed.status === 'OK') return undefined;
  const text = String(parsed.error ?? '');
  const code = ERRORS.find(([pattern]) => pattern.test(text))?.[1] ?? 'UNKNOWN';
  return new PluginError(code, `Ministra answered: ${text || 'ERROR'}`, { providerMessage: text });
}

/** `YYYY-MM-DD HH:MM:SS` in the portal's time zone (what `end_date` takes). */
export function toEndDate(instant: string, timeZone: string): string {
  return formatInTimeZone(instant, timeZone);
}

/** `end_date` → ISO instant; the zero date and empty values mean "no end date". */
export function fromEndDate(value: string | null | undefined, timeZone: string): string | null {
  if (!value || value === NO_DATE || value.startsWith('0000-00-00')) return null;
  const date = parseInTimeZone(value, timeZone);
  if (!date) throw new PluginError('UNKNOWN', `Ministra returned an end_date that is not a date: ${value.slice(0, 40)}`);
  return date.toISOString();
}

/** The API's `status` (1 = on) — not the DB's (0 = on). */
export function isActive(account: MinistraAccount): boolean {
  return String(account.status) === '1';
}

/** A normalised line. `expiresAt` is the panel's end_date when it shows one, else what the hub remembers. */
export function toLine(account: MinistraAccount, timeZone: string, remembered: string | null | undefined): PanelLine {
  const shown = Object.prototype.hasOwnProperty.call(account, 'end_date');
  return {
    externalId: String(account.account_number || account.login),
    username: account.login,
    packageId: account.tariff_plan || null,
    bouquetIds: (account.subscribed ?? []).map(String),
    expiresAt: shown ? fromEndDate(account.end_date, timeZone) : (remembered ?? null),
    // Ministra has no connection limit per account: one set-top box (or portal session) each.
    maxConnections: 1,
    enabled: isActive(account),
    activeConnections: account.online === '1' ? 1 : 0,
    notes: stripMarker(account.comment),
    raw: account,
  };
}

export function toPackage(tariff: MinistraTariff): PanelPackage {
  return {
    externalId: tariff.external_id,
    name: tariff.name,
    maxConnections: 1,
    raw: { id: String(tariff.id), default: tariff.user_default === true || String(tariff.user_default) === '1', packages: tariff.packages ?? [] },
  };
}

function stripMarker(comment: string | null | undefined): string | null {
  return String(comment ?? '').replace(/\n?iptv-hub:[0-9a-f]{16}/g, '').trim() || null;
}

/** Identifier rule of the API: ≥ 12 characters containing `:` is a MAC, anything else an account number / login. */
export function looksLikeMac(identifier: string): boolean {
  return identifier.length >= 12 && identifier.includes(':');
}
