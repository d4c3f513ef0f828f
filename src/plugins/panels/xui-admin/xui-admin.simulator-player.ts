import { formatInTimeZone, mergedParams, nginxPage, SimRequest, SimResponse } from '../../../core/plugins/sdk';
import { one } from './xui-admin.simulator-data';
import type { XuiAdminSimulator } from './xui-admin.simulator';

/**
 * XUI.one's `player_api.php` (panels.md §1D): JSON only for a line that can play; unknown
 * credentials, banned, disabled and expired lines all get the nginx 404 page, and an address with
 * too many failed logins is blocked with an empty 403.
 */
export function playerApi(simulator: XuiAdminSimulator, request: SimRequest): SimResponse {
  const failures = simulator.playerFailures.get(request.remoteAddress) ?? 0;
  if (failures >= simulator.bruteForceLimit) return { status: 403, body: '', headers: { 'content-type': 'text/html' } };
  const params = mergedParams(request);
  const username = one(params, 'username') ?? '';
  const password = one(params, 'password') ?? '';
  const line = simulator.lines().find((candidate) => candidate.username === username && candidate.password === password);
  const now = simulator.clock.now();
  const playable = line && line.enabled && !line.banned && (line.expiresAt === null || line.expiresAt > now);
  if (!line || !playable) {
    if (!line) simulator.playerFailures.set(request.remoteAddress, failures + 1);
    return nginxPage(404);
  }
  const body = {
    user_info: {
      username: line.username,
      password: line.password,
      message: 'Welcome to the simulated XUI.one panel',
      auth: 1,
      status: 'Active',
      exp_date: line.expiresAt ? String(Math.floor(line.expiresAt.getTime() / 1000)) : null,
      is_trial: line.isTrial ? '1' : '0',
      active_cons: String(simulator.activeConnectionsOf(line.id)),
      created_at: String(Math.floor(now.getTime() / 1000)),
      max_connections: String(line.maxConnections),
      allowed_output_formats: line.allowedOutputs.map((output) => ({ 1: 'm3u8', 2: 'ts', 3: 'rtmp' })[output] ?? 'ts'),
    },
    server_info: {
      xui: true,
      version: '1.5.13',
      revision: 2,
      url: '127.0.0.1',
      port: new URL(simulator.url).port,
      https_port: '443',
      server_protocol: 'http',
      rtmp_port: '8880',
      timestamp_now: Math.floor(now.getTime() / 1000),
      time_now: formatInTimeZone(now.toISOString(), simulator.timeZone),
      timezone: simulator.timeZone,
    },
  };
  return { status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
