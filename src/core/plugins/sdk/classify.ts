import { isPluginError, PluginError, PluginErrorCode } from './errors';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const REFUSED_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ESOCKETTIMEDOUT', 'ABORT_ERR', 'TimeoutError', 'AbortError']);
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO|EPROTO|ERR_TLS|HOSTNAME_MISMATCH|ALTNAME/i;

/** The error codes found on an error and its causes (undici wraps the socket error in `cause`). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof name === 'string') codes.push(name);
    const aggregate = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(aggregate)) for (const inner of aggregate) codes.push(...codesOf(inner));
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/**
 * Maps a failure to reach a panel (DNS, TCP, TLS, timeouts, dropped connections) to the
 * normalised code with its hint. A PluginError passes through unchanged.
 */
export function classifyNetworkError(error: unknown, context: { host?: string; timeoutMs?: number } = {}): PluginError {
  if (isPluginError(error)) return error as PluginError;
  const codes = codesOf(error);
  const message = (error as Error)?.message ?? String(error);
  const where = context.host ? ` (${context.host})` : '';
  const make = (code: PluginErrorCode, text: string, retryable?: boolean) => new PluginError(code, text, { cause: error, providerMessage: `${codes[0] ?? 'error'}: ${message}`.slice(0, 300), retryable });
  if (codes.some((code) => DNS_CODES.has(code))) return make('DNS_FAILED', `The panel host name does not resolve${where}`);
  if (codes.some((code) => REFUSED_CODES.has(code))) return make('CONNECTION_REFUSED', `The panel refused the connection${where}`);
  if (codes.some((code) => TLS_CODE.test(code))) return make('TLS_ERROR', `The TLS handshake with the panel failed${where}: ${message}`);
  if (codes.some((code) => TIMEOUT_CODES.has(code))) return make('TIMEOUT', `The panel did not answer within ${context.timeoutMs ?? '?'} ms${where}`);
  if (codes.some((code) => DROPPED_CODES.has(code))) return make('PANEL_UNAVAILABLE', `The panel dropped the connection${where}`, true);
  return make('UNKNOWN', `Calling the panel failed${where}: ${message}`);
}

/** The default reading of an HTTP status: 5xx → PANEL_UNAVAILABLE, 429 → RATE_LIMITED (both retryable). */
export function errorForStatus(status: number): PluginError | undefined {
  if (status === 429) return new PluginError('RATE_LIMITED', 'The panel is rate limiting requests (HTTP 429)', { httpStatus: status });
  if (status >= 500) return new PluginError('PANEL_UNAVAILABLE', `The panel answered HTTP ${status}`, { httpStatus: status });
  return undefined;
}
