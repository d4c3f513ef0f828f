import { PluginError } from './errors';
import type { LineVerification } from './panel';
import type { PluginHttpClient } from './runtime';
import { fromUnixSeconds, tryParseJson } from './wire';

interface PlayerUserInfo {
  auth?: number | string;
  status?: string;
  exp_date?: string | number | null;
  is_trial?: string | number;
  active_cons?: string | number;
  max_connections?: string | number;
}

const DEBUG_REASONS: Record<string, LineVerification['status']> = { BANNED: 'banned', DISABLED: 'disabled', EXPIRED: 'expired', INVALID_CREDENTIALS: 'invalid' };

/**
 * Checks a line through the Xtream player API (`player_api.php`, panels.md §1D) with the line's own
 * credentials, in both dialects: Xtream Codes / Xtream UI answer JSON for every known line (with
 * `auth:0` for bad credentials) while XUI.one / XC_VM answer an nginx-style 404 (403 after
 * repeated failures) for anything that cannot play, so only "invalid" can be said there.
 */
export async function verifyXtreamPlayerLine(http: PluginHttpClient, line: { username: string; password?: string }, path = 'player_api.php'): Promise<LineVerification> {
  if (!line.password) throw new PluginError('INVALID_INPUT', 'Verifying a line through the player API needs its password');
  const response = await http.request({
    method: 'GET',
    url: path,
    query: { username: line.username, password: line.password },
    secrets: [line.password],
    operation: 'verifyLine',
  });
  if (response.status === 404 || response.status === 403) {
    const reason = Object.keys(DEBUG_REASONS).find((key) => response.body.includes(key));
    return { valid: false, status: reason ? DEBUG_REASONS[reason] : 'invalid' };
  }
  const parsed = tryParseJson(response.body) as { user_info?: PlayerUserInfo } | undefined;
  if (response.status !== 200 || !parsed || typeof parsed !== 'object') {
    if (response.status === 200 && response.body.trim() === '') return { valid: false, status: 'invalid' };
    throw new PluginError('UNKNOWN', `Unexpected player API answer (HTTP ${response.status})`, { httpStatus: response.status });
  }
  const info = parsed.user_info ?? {};
  if (Number(info.auth) !== 1) return { valid: false, status: 'invalid' };
  const status = (String(info.status ?? 'Active').toLowerCase() as LineVerification['status']) ?? 'active';
  const known: LineVerification['status'][] = ['active', 'expired', 'banned', 'disabled'];
  return {
    valid: status === 'active',
    status: known.includes(status) ? status : 'invalid',
    expiresAt: fromUnixSeconds(info.exp_date ?? null),
    maxConnections: info.max_connections === undefined ? undefined : Number(info.max_connections),
    activeConnections: info.active_cons === undefined ? undefined : Number(info.active_cons),
    isTrial: info.is_trial === undefined ? undefined : String(info.is_trial) === '1',
  };
}
