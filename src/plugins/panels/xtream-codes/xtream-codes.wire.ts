import { PluginError, PluginHttpClient, PluginHttpResponse, redactSecretFields, tryParseJson, WireFields } from '../../../core/plugins/sdk';

export interface XcAnswer {
  result?: boolean;
  error?: string;
  0?: string;
  created_id?: number;
  username?: string;
  password?: string;
  user_info?: Record<string, unknown>;
}

/**
 * Reads an api.php answer: always HTTP 200 with the outcome in the JSON — the allow-list and key
 * refusals under key `"0"`, the others under `error` — and an empty body for an unknown
 * action/sub. `NOT EXISTS` is left to the caller (null or USER_NOT_FOUND).
 */
export function classifyXcResponse(response: PluginHttpResponse): PluginError | undefined {
  const { status, body } = response;
  if (status === 503 || status === 429) return new PluginError('RATE_LIMITED', `The panel's web server is limiting the hub (HTTP ${status})`, { httpStatus: status });
  if (status >= 500) return new PluginError('PANEL_UNAVAILABLE', `The panel answered HTTP ${status}`, { httpStatus: status });
  if (status === 404) return new PluginError('NOT_SUPPORTED', 'There is no api.php at this address: check the base URL (the streaming port, e.g. :25461)', { httpStatus: 404, hint: 'Point the base URL at the main server\'s HTTP broadcast port (often 25461), where api.php lives.' });
  if (status !== 200) return new PluginError('UNKNOWN', `The panel answered HTTP ${status}`, { httpStatus: status });
  if (body.trim() === '') return new PluginError('NOT_SUPPORTED', 'The panel answered an empty body: it does not know this action (different panel version or fork?)', { httpStatus: 200 });
  const parsed = tryParseJson(body) as XcAnswer | unknown[] | undefined;
  if (parsed === undefined) return new PluginError('UNKNOWN', 'The panel answered something that is not JSON', { providerMessage: redactSecretFields(body).slice(0, 200) });
  if (Array.isArray(parsed) || parsed.result !== false) return undefined;
  const message = parsed[0] ?? parsed.error ?? '';
  switch (message) {
    case 'IP FORBIDDEN':
      return new PluginError('IP_NOT_ALLOWED', 'The panel refused the hub\'s address (IP FORBIDDEN)', { providerMessage: message, hint: "Add the hub's address to the panel's API allowed IPs (Settings → API: allowed IPs), or to the admin allowed IPs." });
    case 'KEY WRONG':
      return new PluginError('AUTH_FAILED', 'The panel rejected the API password (KEY WRONG)', { providerMessage: message, hint: "Check the API password (setting api_pass) configured for this panel." });
    case 'EXISTS':
      return new PluginError('DUPLICATE_USERNAME', 'A line with this username and password already exists on the panel', { providerMessage: message });
    case 'PARAMETER ERROR':
    case 'PARAMETER ERROR (user/pass)':
      return new PluginError('INVALID_INPUT', `The panel rejected the request (${message})`, { providerMessage: message });
    default:
      return undefined;
  }
}

export async function callXc(http: PluginHttpClient, apiPass: string | undefined, action: string, sub: string, fields: WireFields, operation: string): Promise<XcAnswer | unknown[]> {
  const response = await http.request({
    method: 'POST',
    url: 'api.php',
    // Only the action travels in the URL; the api_pass and the line's credentials stay in the body.
    query: { action, sub },
    form: { ...(apiPass ? { api_pass: apiPass } : {}), ...fields },
    secrets: apiPass ? [apiPass] : [],
    operation,
    // Every call the plugin makes is safe to repeat: creates are checked first and detected as EXISTS.
    retry: true,
    classify: classifyXcResponse,
  });
  return response.json<XcAnswer | unknown[]>();
}
