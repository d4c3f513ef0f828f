import { isPluginError, PluginError, PluginErrorCode } from './errors';
import type { PluginHttpClient, PluginHttpResponse, WireFields } from './runtime';
import { describeAnswer, redactSecretFields, tryParseJson } from './wire';

/**
 * The XUI.one / XC_VM access-code API (panels.md §1C), shared by its admin and reseller plugins
 * and by derivatives (Xtream-Masters…): the call shape, the envelope and its error reading.
 */
export interface XuiEnvelope {
  status?: string;
  error?: string;
  data?: unknown;
  recordsTotal?: string | number;
  recordsFiltered?: string | number;
}

const STATUS_CODES: Record<string, PluginErrorCode> = {
  STATUS_EXISTS_USERNAME: 'DUPLICATE_USERNAME',
  STATUS_INVALID_DATE: 'INVALID_INPUT',
  STATUS_INVALID_INPUT: 'INVALID_INPUT',
  STATUS_INVALID_USERNAME: 'INVALID_INPUT',
  STATUS_INVALID_PASSWORD: 'INVALID_INPUT',
  STATUS_INVALID_MAC: 'INVALID_INPUT',
  STATUS_EXISTS_MAC: 'INVALID_INPUT',
  STATUS_INVALID_PACKAGE: 'PACKAGE_NOT_FOUND',
  STATUS_INVALID_TYPE: 'PACKAGE_NOT_FOUND',
  STATUS_INSUFFICIENT_CREDITS: 'INSUFFICIENT_CREDITS',
  STATUS_NO_TRIALS: 'NO_TRIALS_LEFT',
  STATUS_NO_PERMISSIONS: 'FORBIDDEN',
  STATUS_MAX_USERS: 'MAX_USERS_REACHED',
};

/**
 * A licence that allows no more lines. Its answer is not documented (panels.md): read as such
 * are `STATUS_MAX_USERS` and a failure whose error text names a user/line limit or the licence.
 */
const MAX_USERS_TEXT = /max(imum)?\s*(number\s*of\s*)?(users|lines)|(user|line)s?\s*limit|licen[cs]e/i;

/**
 * Reads an XUI access-code API answer (admin and reseller alike): nginx pages (403 allow-list,
 * 404 unknown access code, 503 limit_req), the empty body of a permission `exit()`, and
 * `STATUS_*` codes inside HTTP 200 bodies. `STATUS_FAILURE` without an error text is left to the
 * caller (it means "no such id" for most actions).
 */
export function classifyXuiResponse(response: PluginHttpResponse): PluginError | undefined {
  const { status, body } = response;
  if (status === 403) return new PluginError('IP_NOT_ALLOWED', 'The panel refused the hub\'s address (nginx 403 on the access code)', { httpStatus: 403 });
  if (status === 404) return new PluginError('AUTH_FAILED', 'The panel does not know this access code (nginx 404)', { httpStatus: 404, hint: 'Check the access code configured for this panel (the path segment of the API URL) and that its type is the right API (admin or reseller).' });
  if (status === 503) return new PluginError('RATE_LIMITED', 'The panel is rate limiting the hub (nginx 503)', { httpStatus: 503 });
  if (status >= 500) return new PluginError('PANEL_UNAVAILABLE', `The panel answered HTTP ${status}`, { httpStatus: status });
  if (status === 429) return new PluginError('RATE_LIMITED', 'The panel is rate limiting the hub (HTTP 429)', { httpStatus: 429 });
  if (status !== 200) return new PluginError('UNKNOWN', `The panel answered HTTP ${status}`, { httpStatus: status, providerMessage: redactSecretFields(body).slice(0, 200) });
  if (body.trim() === '') return new PluginError('FORBIDDEN', 'The panel answered an empty body: the API account lacks the permission for this action', { httpStatus: 200, hint: "Give the API account's group the permissions the hub needs on the panel (add and edit lines, view packages)." });
  const parsed = tryParseJson(body);
  if (parsed === undefined) return new PluginError('UNKNOWN', 'The panel answered something that is not JSON', { httpStatus: 200, providerMessage: redactSecretFields(body).slice(0, 200) });
  if (Array.isArray(parsed) || typeof parsed !== 'object' || parsed === null) return undefined;
  const envelope = parsed as XuiEnvelope;
  if (envelope.error === 'Invalid API key.') return new PluginError('AUTH_FAILED', 'The panel rejected the API key', { providerMessage: envelope.error });
  if (envelope.error === 'Invalid action.') return new PluginError('NOT_SUPPORTED', 'This panel does not offer the API action the hub called (older or different panel version?)', { providerMessage: envelope.error });
  if (envelope.status === 'STATUS_FAILURE' && typeof envelope.error === 'string' && MAX_USERS_TEXT.test(envelope.error)) {
    return new PluginError('MAX_USERS_REACHED', 'The panel licence allows no more lines', { providerMessage: envelope.error.slice(0, 200) });
  }
  const code = envelope.status ? STATUS_CODES[envelope.status] : undefined;
  if (code) return new PluginError(code, `The panel answered ${envelope.status}`, { providerMessage: envelope.status });
  return undefined;
}

export interface XuiCallOptions {
  /** POST the fields as a form (a change) instead of a GET query. */
  write?: boolean;
  operation?: string;
  /**
   * Whether the hub's HTTP client may repeat the call after a transient failure (default true).
   * Turn it off for a change that is not safe to repeat (a reseller `edit_line` with `package`
   * extends and debits credits every time): the caller then checks the line after a failure.
   */
  retry?: boolean;
}

/** Calls an action of an access-code API. Reads use GET; changes POST a form (api_key stays in the query, which the hub redacts). */
export async function callXui(http: PluginHttpClient, secrets: { accessCode: string; apiKey: string }, action: string, fields: WireFields = {}, options: XuiCallOptions = {}): Promise<unknown> {
  const query = { api_key: secrets.apiKey, action, ...(options.write ? {} : fields) };
  const response = await http.request({
    method: options.write ? 'POST' : 'GET',
    url: `${encodeURIComponent(secrets.accessCode)}/`,
    query,
    form: options.write ? fields : undefined,
    secrets: [secrets.apiKey, secrets.accessCode],
    operation: options.operation ?? action,
    // Reads and absolute changes are safe to repeat; a repeated create_line is recognised by the
    // plugins (they look for their own line after any failure of a create).
    retry: options.retry ?? true,
    classify: classifyXuiResponse,
  });
  return response.json();
}

/** An enveloped answer's data, or null on a bare `STATUS_FAILURE` (unknown id). */
export function envelopeData<T>(answer: unknown): T | null {
  const envelope = answer as XuiEnvelope;
  if (envelope?.status === 'STATUS_SUCCESS') return (envelope.data ?? {}) as T;
  if (envelope?.status === 'STATUS_FAILURE') return null;
  throw new PluginError('UNKNOWN', `Unexpected answer from the panel (status ${String(envelope?.status)})`, { providerMessage: describeAnswer(answer) });
}

/** A bare-array answer (get_packages, get_bouquets, get_servers); some builds envelope it, both are read. */
export function bareArray<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[];
  const data = (answer as XuiEnvelope)?.data;
  if (Array.isArray(data)) return data as T[];
  throw new PluginError('UNKNOWN', 'The panel did not answer a list', { providerMessage: describeAnswer(answer) });
}

/** Rows per get_lines page of a username look-up, and the pages read at most (5,000 matches). */
const LOOKUP_PAGE = 100;
const LOOKUP_MAX_PAGES = 50;

/**
 * The `get_lines` row of a username (case-insensitive, as the panel's collation compares). The
 * search is a substring match over usernames and notes, so the wanted row may be anywhere among
 * the matches: pages are read (`start` += `limit`) until a short page or `recordsTotal` (in API
 * mode `recordsFiltered` is only min(total, limit)), within a bound.
 */
export async function findXuiLineRow<Row extends Record<string, unknown>>(call: (action: string, fields: WireFields, options: XuiCallOptions) => Promise<unknown>, username: string): Promise<Row | undefined> {
  const wanted = username.toLowerCase();
  for (let page = 0, start = 0; page < LOOKUP_MAX_PAGES; page += 1, start += LOOKUP_PAGE) {
    const answer = await call('get_lines', { 'search[value]': username, start, limit: LOOKUP_PAGE }, { operation: 'findLineByUsername' });
    const rows = envelopeData<Row[]>(answer) ?? [];
    const found = rows.find((row) => String(row.username).toLowerCase() === wanted);
    if (found) return found;
    const total = Number((answer as XuiEnvelope).recordsTotal);
    if (rows.length < LOOKUP_PAGE || (Number.isFinite(total) && start + rows.length >= total)) return undefined;
  }
  return undefined;
}

/**
 * After a create failed: the line an earlier attempt of the same create made, or the create's own
 * error. `lookUp` finds the line by username and the create's marker (undefined when there is
 * none). When the look-up itself fails, the create's error is kept — unless that error is final
 * and the look-up's is transient: then whether the line exists is unknown, and a retryable error
 * lets a retry of the step (which looks first) settle it instead of failing it for good.
 */
export async function lineOfFailedCreate<Line>(createError: unknown, lookUp: () => Promise<Line | undefined>): Promise<Line> {
  let mine: Line | undefined;
  try {
    mine = await lookUp();
  } catch (lookupError) {
    if (isPluginError(lookupError) && lookupError.retryable && !(isPluginError(createError) && createError.retryable)) throw lookupError;
    throw createError;
  }
  if (mine === undefined) throw createError;
  return mine;
}
