import { PanelLine, PanelPackage, parseInTimeZone, PluginError, PluginErrorCode, PluginHttpResponse, redactSecretFields, tryParseJson } from '../../../core/plugins/sdk';

/** The NXT reseller dashboard as clients drive it (panels.md §3): HTML pages, DataTables JSON, `{"redirect":…}` answers. */

/** A row of `POST /lines/data`. */
export interface NxtLineRow {
  id: number | string;
  username: string;
  password?: string;
  /** `DD-MM-YYYY HH:mm` in the panel's time zone (empty or absent = unlimited). */
  exp_date?: string | null;
  /** Max connections. */
  user_connection?: number | string;
  active_connections?: number | string;
  /** Often an HTML badge. */
  status?: string;
}

export interface NxtOption {
  value: string;
  label: string;
  selected: boolean;
  data: Record<string, string>;
}

/** Attributes of one HTML tag's attribute text (`a="1" b c='2'`). */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) out[match[1].toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The CSRF token of a page: `<meta name="csrf-token" content>` or the login form's `<input name="_token" value>`. */
export function csrfToken(html: string): string | undefined {
  for (const match of html.matchAll(/<(meta|input)\b([^>]*)>/gi)) {
    const attrs = attributes(match[2]);
    if (match[1].toLowerCase() === 'meta' && attrs.name === 'csrf-token' && attrs.content) return attrs.content;
    if (match[1].toLowerCase() === 'input' && attrs.name === '_token' && attrs.value) return attrs.value;
  }
  return undefined;
}

/** Whether a page is the login form (where an expired session lands): a form posting to the login path. */
export function isLoginPage(html: string, loginPath = '/login'): boolean {
  const path = loginPath.replace(/\/+$/, '');
  for (const match of html.matchAll(/<form\b([^>]*)>/gi)) {
    const action = attributes(match[1]).action ?? '';
    if (action && new URL(action, 'http://panel').pathname.replace(/\/+$/, '') === path) return true;
  }
  return false;
}

/** The `<option>`s of a page (packages), with their `data-*` attributes. */
export function parseOptions(html: string): NxtOption[] {
  const out: NxtOption[] = [];
  for (const match of html.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)) {
    const attrs = attributes(match[1]);
    if (!attrs.value) continue;
    const data: Record<string, string> = {};
    for (const [key, value] of Object.entries(attrs)) if (key.startsWith('data-')) data[key.slice(5)] = value;
    out.push({ value: attrs.value, label: stripTags(match[2]), selected: 'selected' in attrs, data });
  }
  return out;
}

export function stripTags(html: string): string {
  return decodeEntities(String(html ?? '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The credit balance shown on `/rlogs/credits` ("Credits: N"). */
export function parseCredits(html: string): number | undefined {
  const match = /Credits\s*:\s*([\d.,]+)/i.exec(stripTags(html));
  return match ? Number(match[1].replace(/,/g, '')) : undefined;
}

/** `DD-MM-YYYY HH:mm` (panel time zone) → ISO instant; empty = unlimited. */
export function fromNxtDate(value: string | null | undefined, timeZone: string): string | null {
  const text = stripTags(String(value ?? ''));
  if (!text || /unlimited|never|^-$/i.test(text)) return null;
  const match = /^(\d{2})-(\d{2})-(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const date = match ? parseInTimeZone(`${match[3]}-${match[2]}-${match[1]} ${match[4] ?? '00'}:${match[5] ?? '00'}:${match[6] ?? '00'}`, timeZone) : undefined;
  if (!date) throw new PluginError('UNKNOWN', `NXT returned an expiry that is not DD-MM-YYYY HH:mm: ${text.slice(0, 40)}`);
  return date.toISOString();
}

export function toLine(row: NxtLineRow, timeZone: string): PanelLine {
  const status = stripTags(row.status ?? '');
  const { password, ...raw } = row;
  return {
    externalId: String(row.id),
    username: stripTags(row.username),
    password: password === undefined ? undefined : stripTags(password),
    // The list does not say which package a line has (the extend page does).
    packageId: null,
    expiresAt: fromNxtDate(row.exp_date, timeZone),
    maxConnections: Number(row.user_connection ?? 1),
    enabled: !/disabled|banned|inactive|blocked/i.test(status),
    banned: /banned/i.test(status),
    activeConnections: Number(row.active_connections ?? 0),
    raw: { ...raw, status },
  };
}

const DAYS: Record<string, number> = { hours: 1 / 24, hour: 1 / 24, days: 1, day: 1, months: 30, month: 30, years: 365, year: 365 };

export function toPackage(option: NxtOption, trial: boolean): PanelPackage {
  const duration = Number(option.data.duration);
  const unit = String(option.data['duration-in'] ?? 'months').toLowerCase();
  return {
    externalId: option.value,
    name: option.label,
    durationDays: Number.isFinite(duration) && DAYS[unit] ? Math.round(duration * DAYS[unit] * 1000) / 1000 : undefined,
    maxConnections: option.data.connections ? Number(option.data.connections) : undefined,
    creditCost: option.data.credits ? Number(option.data.credits) : undefined,
    isTrial: trial,
    raw: { ...option.data, trial },
  };
}

/** What an `{"error":"…"}` answer is about (texts are not documented: matched by keyword). */
function errorCode(text: string): PluginErrorCode {
  if (/credit/i.test(text)) return 'INSUFFICIENT_CREDITS';
  if (/trial/i.test(text)) return 'NO_TRIALS_LEFT';
  if (/(username|user name).*(taken|exists|already|use)|already exists/i.test(text)) return 'DUPLICATE_USERNAME';
  if (/package/i.test(text)) return 'PACKAGE_NOT_FOUND';
  if (/permission|not allowed|unauthori[sz]ed/i.test(text)) return 'FORBIDDEN';
  return 'INVALID_INPUT';
}

const expired = (why: string, status: number) =>
  // Not retryable by the HTTP client: the stale session would be refused again; SessionAuth logs in once more instead.
  new PluginError('TOKEN_EXPIRED', `The NXT session expired (${why})`, { httpStatus: status, retryable: false });

/**
 * Reads an answer of an authenticated dashboard call: a redirect to the login page, 401
 * `Unauthenticated.`, 419 (CSRF token mismatch) or a login page mean the session expired; an
 * HTML 403 is the web server's allow-list, a JSON 403 a permission; `{"error":…}` a refusal.
 */
export function classifyNxt(loginPath: string) {
  return (response: PluginHttpResponse): PluginError | undefined => {
    const { status, body } = response;
    const location = response.headers.location ?? '';
    if (status >= 300 && status < 400) return location && new URL(location, 'http://panel').pathname.replace(/\/+$/, '') === loginPath.replace(/\/+$/, '') ? expired('redirect to the login page', status) : new PluginError('UNKNOWN', `NXT redirected to ${location.slice(0, 100)}`, { httpStatus: status });
    if (status === 401) return expired('HTTP 401', status);
    if (status === 419) return expired('CSRF token mismatch, HTTP 419', status);
    const json = tryParseJson(body) as Record<string, unknown> | undefined;
    if (status === 403) return json ? new PluginError('FORBIDDEN', 'NXT refused the operation (HTTP 403)', { httpStatus: 403, providerMessage: String(json.message ?? '') }) : new PluginError('IP_NOT_ALLOWED', 'The NXT panel refused the hub\'s address (HTTP 403)', { httpStatus: 403 });
    if (status === 404) return new PluginError('USER_NOT_FOUND', 'NXT does not know this line (HTTP 404)', { httpStatus: 404 });
    if (status === 429) return new PluginError('RATE_LIMITED', 'NXT is rate limiting the hub (HTTP 429)', { httpStatus: 429 });
    if (status >= 500) return new PluginError('PANEL_UNAVAILABLE', `NXT answered HTTP ${status}`, { httpStatus: status });
    if (status !== 200) return new PluginError('UNKNOWN', `NXT answered HTTP ${status}`, { httpStatus: status, providerMessage: redactSecretFields(stripTags(body)).slice(0, 200) });
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      if (typeof json.redirect === 'string' && /\/login\b/.test(json.redirect)) return expired('redirect to the login page', status);
      if (json.error !== undefined && json.error !== null && json.error !== false) {
        const text = typeof json.error === 'string' ? json.error : JSON.stringify(json.error);
        return new PluginError(errorCode(text), `NXT refused the request: ${text.slice(0, 200)}`, { providerMessage: text.slice(0, 300) });
      }
    }
    if (!json && isLoginPage(body, loginPath)) return expired('login page', status);
    return undefined;
  };
}
